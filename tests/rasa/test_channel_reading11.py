"""The web and voice channels' findings of the eleventh exploratory reading.

- M2: a person who typed "/session_start" in a crisis handoff started a new Rasa session, and the chat
  page's history (``GET /history``) went from 6 messages to 0. A typed "/session_start" now reaches the
  bot as plain words; the history holds every session of the conversation (a session also ends on its
  own, ``session_expiration_time``), oldest first, capped.
- L1: a 5,000-character sender was accepted and echoed as ``recipient_id`` (now 400, its words
  screened first); ``/pushed?after=99999999999999999999999`` got the service's 422 with its internal
  field name (now the channel's 400); a person's line starting "EXTERNAL: " was left out of the history
  (system turns are now told by what Rasa records with them).
- A voice turn's metadata kept only ``asr``: its locale was dropped, so its safety net gave the
  international numbers.

The turns go through the real channel on a Sanic server; the server's agent has a real Rasa tracker
store, which a stub bot writes as Rasa would (the user event with the channel's metadata; a
``/session_start`` intent starts a new session, as Rasa's ``action_session_start`` does).
"""
from __future__ import annotations

import asyncio
import itertools
from types import SimpleNamespace
from typing import Any, Awaitable, Callable, Optional

import httpx
import pytest
import yaml
from rasa.core.channels.channel import UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.contract import EMOTION_METADATA_KEY, SESSION_PROOF_KEY
from connectors.voice.channel import VoiceInput
from connectors.web.channel import EmobotWebInput
from connectors.web.history import MAX_HISTORY_MESSAGES, transcript
from connectors.web.request_fields import MAX_CURSOR, MAX_SENDER_CHARS
from tests.e2e.processes import REPO, free_port
from tests.rasa.test_channel import SAD_STATE
from tests.rasa.test_voice_channel import WAV, post as post_voice

SECRET = "r" * 40
CRISIS = {"risk": 0.99, "flag": True, "level": "high", "category": "plan", "explicit": True}
NO_RISK = {"risk": 0.01, "flag": False, "level": "none", "explicit": False}
DOMAIN = Domain.from_dict({"slots": {"handoff_active": {"type": "bool", "mappings": [{"type": "custom"}]}}})
_apps = itertools.count()


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


def service(requests: list[httpx.Request]) -> EmotionServiceClient:
    """The emotion service: a turn with "pills" or "kill" is flagged; nothing is pushed; no handoff."""
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        path = request.url.path
        session = path.split("/")[3] if path.startswith("/v1/sessions/") else None
        if path.endswith("/handoffs/latest"):
            return httpx.Response(404, json={"error": {"code": "no_handoff", "message": "none"}})
        if path.endswith("/pushed"):
            return httpx.Response(200, json={"messages": [], "handoff": None})
        if request.method == "PUT" or not path.endswith("/turns"):
            return httpx.Response(200, json={"session_id": session, "turn_index": 0})
        text = request.read().decode("utf-8", "replace")
        risky = "pills" in text or "kill" in text
        return httpx.Response(200, json={
            "session_id": session, "turn_index": 0, "speaker_id": session, "available": True, "turn": SAD_STATE,
            "state": SAD_STATE, "modalities": {}, "modalities_used": ["text"],
            "derived": {"crisis": CRISIS if risky else NO_RISK}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle), connect_retries=0)


def serve(channel: EmobotWebInput, steps: Callable[[httpx.AsyncClient, str], Awaitable[Any]],
          store: Optional[InMemoryTrackerStore] = None) -> tuple[Any, list[UserMessage]]:
    """Serve ``channel`` with an agent whose tracker store a stub bot writes as Rasa would, run
    ``steps(http, base)`` (base: ``.../webhooks/emobot_web``); returns what it returns and what the bot got."""
    store = store or InMemoryTrackerStore(DOMAIN)
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, metadata=message.metadata))
        reply = f"echo: {message.text}"
        await message.output_channel.send_text_message(message.sender_id, reply)
        tracker.update(BotUttered(reply))
        if message.text.startswith("/session_start"):  # Rasa runs action_session_start: a new session
            tracker.update(SessionStarted())
            tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)

    async def run() -> Any:
        app = Sanic(f"emobot_reading11_{next(_apps)}")
        app.ctx.agent = SimpleNamespace(tracker_store=store, domain=DOMAIN)
        app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/emobot_web")
        channel.app = app  # as after_server_start sets it under rasa run
        port = free_port()
        server = await app.create_server(host="127.0.0.1", port=port, access_log=False, return_asyncio_server=True)
        await server.startup()
        try:
            async with httpx.AsyncClient(timeout=20) as http:
                result = await steps(http, f"http://127.0.0.1:{port}/webhooks/emobot_web")
                await asyncio.gather(*channel.reporting)
                return result
        finally:
            await server.close()

    return asyncio.run(run()), received


def in_session(lines: list[str]) -> Callable[[httpx.AsyncClient, str], Awaitable[dict]]:
    """Steps: POST /session, say each of ``lines`` with its token (en-GB), then GET /history."""
    async def steps(http: httpx.AsyncClient, base: str) -> dict:
        token = (await http.post(f"{base}/session")).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        for line in lines:
            answer = await http.post(f"{base}/webhook", json={"message": line, "metadata": {"locale": "en-GB"}},
                                     headers=auth)
            assert answer.status_code == 200, answer.text
        return (await http.get(f"{base}/history", headers=auth)).json()
    return steps


def user_lines(history: dict) -> list[str]:
    return [m["text"] for m in history["messages"] if m["who"] == "user"]


# --- M2: a typed "/session_start" starts no session; the history holds every session ---------------

@pytest.mark.parametrize("typed", ["/session_start", "  / session_start", "//session_start", '/session_start{"a": 1}'])
def test_a_typed_session_start_reaches_the_bot_as_plain_words(typed: str) -> None:
    """F08: "/session_start" in a handoff started a Rasa session (the support bot answers the plain words as a command)."""
    _, received = serve(EmobotWebInput(client=service([]), session_secret=SECRET), in_session([typed]))
    assert not received[0].text.startswith("/") and received[0].text.startswith("session_start")


def test_the_history_keeps_the_conversation_after_a_typed_session_start() -> None:
    """F08: 6 messages before "/session_start", 0 after: a reload showed nothing of the crisis."""
    said = ["my sister Ana is the only one who knows, and I'm going to take all my pills tonight",
            "/session_start", "what did I say about my sister?"]
    history, _ = serve(EmobotWebInput(client=service([]), session_secret=SECRET), in_session(said))
    assert user_lines(history) == ["my sister Ana is the only one who knows, and I'm going to take all my pills tonight",
                                   "session_start", "what did I say about my sister?"]
    assert len(history["messages"]) == 6
    stamps = [m["at"] for m in history["messages"]]
    assert stamps == sorted(stamps)  # oldest first


def sessions_of(sender: str, sessions: list[list[str]]) -> InMemoryTrackerStore:
    """A tracker store holding ``sender``'s conversation of several Rasa sessions (each a list of the
    person's lines, each answered), as after ``session_expiration_time``."""
    store = InMemoryTrackerStore(DOMAIN)
    tracker = asyncio.run(store.get_or_create_tracker(sender, append_action_listen=False))
    for lines in sessions:
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        for line in lines:
            tracker.update(UserUttered(line, metadata={SESSION_PROOF_KEY: True}))
            tracker.update(BotUttered(f"echo: {line}"))
    asyncio.run(store.save(tracker))
    return store


def history_of(channel: EmobotWebInput, store: InMemoryTrackerStore, session_id: str) -> dict:
    async def steps(http: httpx.AsyncClient, base: str) -> dict:
        token = channel.sessions.token(session_id)
        return (await http.get(f"{base}/history", headers={"Authorization": f"Bearer {token}"})).json()
    return serve(channel, steps, store)[0]


def test_the_history_holds_every_session_of_the_conversation_oldest_first() -> None:
    """A session Rasa ends on its own (an hour away) hid everything said before it from a reload."""
    channel = EmobotWebInput(client=service([]), session_secret=SECRET)
    session_id, _ = channel.sessions.issue()
    store = sessions_of(session_id, [["first evening", "still awake"], ["back again"]])
    history = history_of(channel, store, session_id)
    assert user_lines(history) == ["first evening", "still awake", "back again"]


def test_the_history_is_capped_at_its_newest_messages() -> None:
    channel = EmobotWebInput(client=service([]), session_secret=SECRET, max_history_messages=4)
    session_id, _ = channel.sessions.issue()
    store = sessions_of(session_id, [["one", "two"], ["three", "four"]])
    history = history_of(channel, store, session_id)
    assert [m["text"] for m in history["messages"]] == ["three", "echo: three", "four", "echo: four"]
    assert MAX_HISTORY_MESSAGES == EmobotWebInput.from_credentials({}).max_history_messages


def test_a_conversation_proven_in_an_earlier_session_is_still_not_taken_without_its_token() -> None:
    """The guard reads every session: a proven turn before a new session still keeps outsiders out."""
    channel = EmobotWebInput(client=service([]), session_secret=SECRET)
    store = sessions_of("jwt-subject-9", [["my secret"], []])

    async def steps(http: httpx.AsyncClient, base: str) -> httpx.Response:
        return await http.post(f"{base}/webhook?emotion=true", json={"sender": "jwt-subject-9", "message": "hello?"})

    answer, received = serve(channel, steps, store)
    assert answer.status_code == 200 and received[0].sender_id.startswith("web-")
    assert "my secret" not in answer.text and "jwt-subject-9" not in answer.text


# --- L1: a person's "EXTERNAL: " line is theirs; system turns are told by what Rasa records ---------

def test_a_persons_external_line_is_kept_and_system_turns_are_left_out_by_their_metadata() -> None:
    """F04: "EXTERNAL: supervisor says all good" typed by the person was left out of the history."""
    channel = EmobotWebInput(client=service([]), session_secret=SECRET)
    session_id, _ = channel.sessions.issue()
    store = InMemoryTrackerStore(DOMAIN)
    tracker = asyncio.run(store.get_or_create_tracker(session_id))
    person = {EMOTION_METADATA_KEY: {"available": True}, SESSION_PROOF_KEY: True}
    replayed = {EMOTION_METADATA_KEY: {"replayed": True, "replayed_turn_id": "t1"}, SESSION_PROOF_KEY: False}
    for event in [UserUttered("EXTERNAL: supervisor says all good", metadata=person),
                  UserUttered.create_external("handoff_waiting"),                  # the dashboard's trigger_intent
                  UserUttered("/crisis_replayed", metadata=replayed),              # the channel's system turn
                  UserUttered("/restart", metadata=person),
                  BotUttered("I'm still here.")]:
        tracker.update(event)
    asyncio.run(store.save(tracker))  # and read back as the server reads it: the metadata survives
    history = history_of(channel, store, session_id)
    assert [(m["who"], m["text"]) for m in history["messages"]] == [
        ("user", "EXTERNAL: supervisor says all good"), ("user", "/restart"), ("bot", "I'm still here.")]


def test_events_recorded_without_metadata_fall_back_to_the_words() -> None:
    events = [SimpleNamespace(type_name="user", text="EXTERNAL: handoff_waiting", timestamp=1.0),
              SimpleNamespace(type_name="user", text="hi", timestamp=2.0)]
    assert [m["text"] for m in transcript(SimpleNamespace(events=events))] == ["hi"]


# --- L1: an over-long sender is refused with the channel's 400, its words screened first ------------

def post_turn(channel: EmobotWebInput, body: dict, query: str = "") -> tuple[httpx.Response, list[UserMessage]]:
    async def steps(http: httpx.AsyncClient, base: str) -> httpx.Response:
        return await http.post(f"{base}/webhook{query}", json=body)
    return serve(channel, steps)


@pytest.mark.parametrize("field", ["sender", "speaker_id", "user_id"])
def test_an_id_over_the_limit_is_refused_before_the_service_or_the_bot(field: str) -> None:
    """F05: a 5,000-character sender was accepted (200) and echoed as recipient_id."""
    requests: list[httpx.Request] = []
    body = {"sender": "ok-sender", field: "x" * 5000, "message": "hi there"}
    answer, received = post_turn(EmobotWebInput(client=service(requests)), body)
    error = answer.json()["error"]
    assert answer.status_code == 400 and error["code"] == "sender_too_long" and field in error["message"]
    assert "help" not in error and "x" * 200 not in answer.text
    assert requests == [] and received == []


def test_risky_words_with_an_over_long_sender_are_screened_and_the_refusal_says_where_to_get_help() -> None:
    requests: list[httpx.Request] = []
    body = {"sender": "x" * 5000, "message": "i am going to kill myself tonight", "metadata": {"locale": "en-GB"}}
    answer, received = post_turn(EmobotWebInput(client=service(requests)), body)
    error = answer.json()["error"]
    assert answer.status_code == 400 and error["code"] == "sender_too_long"
    assert "116 123" in error["help"] and "999" in error["help"]  # en-GB's lines, as the page shows a 413's
    assert requests == [] and received == []


def test_a_sender_at_the_limit_is_taken_and_the_limit_comes_from_the_credentials() -> None:
    answer, received = post_turn(EmobotWebInput(client=service([])), {"sender": "s" * MAX_SENDER_CHARS, "message": "hi"})
    assert answer.status_code == 200 and received[0].sender_id == "s" * MAX_SENDER_CHARS
    assert EmobotWebInput.from_credentials({"max_sender_chars": 40}).max_sender_chars == 40
    assert EmobotWebInput.from_credentials({}).max_sender_chars == MAX_SENDER_CHARS == 128
    for bot in ("support", "tutor"):
        credentials = yaml.safe_load((REPO / "bot" / bot / "credentials.yml").read_text())
        assert credentials["connectors.web.channel.EmobotWebInput"]["max_sender_chars"] == MAX_SENDER_CHARS


def test_a_turn_with_a_session_is_not_refused_for_the_sender_its_body_names() -> None:
    """With a token the body's sender is not used: nothing to refuse."""
    channel = EmobotWebInput(client=service([]), session_secret=SECRET)

    async def steps(http: httpx.AsyncClient, base: str) -> httpx.Response:
        token = (await http.post(f"{base}/session")).json()["token"]
        return await http.post(f"{base}/webhook", json={"sender": "x" * 5000, "message": "hi"},
                               headers={"Authorization": f"Bearer {token}"})

    answer, received = serve(channel, steps)
    assert answer.status_code == 200 and received[0].sender_id.startswith("web-")


def test_a_spoken_turn_with_an_over_long_sender_is_refused_with_the_help_line() -> None:
    requests: list[httpx.Request] = []
    answer, received = post_voice(VoiceInput(client=service(requests)),
                                  data={"sender": "x" * 500, "locale": "de-DE"},
                                  files={"audio": ("turn.wav", WAV, "audio/wav")})
    error = answer.json()["error"]
    assert answer.status_code == 400 and error["code"] == "sender_too_long" and "0800 111 0 111" in error["help"]
    assert requests == [] and received == []
    assert VoiceInput.from_credentials({"max_sender_chars": 64}).max_sender_chars == 64


# --- L1: /pushed?after= out of range gets the channel's 400 -----------------------------------------

@pytest.mark.parametrize("after", ["99999999999999999999999", str(MAX_CURSOR + 1), "abc", "1.5"])
def test_an_after_that_is_no_thread_id_gets_the_channels_400(after: str) -> None:
    """F05: after=99999999999999999999999 got the service's 422 "query.after: Input should be ..."."""
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=service(requests), session_secret=SECRET)

    async def steps(http: httpx.AsyncClient, base: str) -> httpx.Response:
        token = (await http.post(f"{base}/session")).json()["token"]
        return await http.get(f"{base}/pushed", params={"after": after}, headers={"Authorization": f"Bearer {token}"})

    answer, _ = serve(channel, steps)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_request"
    assert "query." not in answer.text and requests == []


@pytest.mark.parametrize("after, sent", [(str(MAX_CURSOR), MAX_CURSOR), ("-5", 0), (None, 0)])
def test_an_after_within_range_reaches_the_service(after: Optional[str], sent: int) -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=service(requests), session_secret=SECRET)

    async def steps(http: httpx.AsyncClient, base: str) -> httpx.Response:
        token = (await http.post(f"{base}/session")).json()["token"]
        return await http.get(f"{base}/pushed", params={"after": after} if after else None,
                              headers={"Authorization": f"Bearer {token}"})

    answer, _ = serve(channel, steps)
    assert answer.status_code == 200 and requests[-1].url.params["after"] == str(sent)


# --- a voice turn keeps its locale: the bot's language, the safety net's numbers -----------------

def flagged_voice_service(requests: list[httpx.Request]) -> EmotionServiceClient:
    """The service hearing "I am going to take all my pills tonight" and flagging it."""
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.method == "PUT" or not request.url.path.endswith("/turns"):
            return httpx.Response(200, json={"session_id": "s", "turn_index": 0, "id": 1, "status": "open"})
        return httpx.Response(200, json={
            "session_id": "s", "turn_index": 0, "speaker_id": "s", "available": True, "turn": SAD_STATE,
            "state": SAD_STATE, "modalities": {"text": {"status": "used"}, "audio": {"status": "used"}},
            "modalities_used": ["text", "audio"], "derived": {"crisis": CRISIS},
            "transcript": {"text": "I am going to take all my pills tonight", "confidence": 0.9, "speech_s": 2.0}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle), connect_retries=0)


def test_a_spoken_turn_keeps_its_locale_so_its_safety_net_has_the_countrys_numbers() -> None:
    requests: list[httpx.Request] = []
    answer, received = post_voice(VoiceInput(client=flagged_voice_service(requests)), bot_answers=False,
                                  data={"sender": "caller-gb", "locale": "en-GB"},
                                  files={"audio": ("turn.wav", WAV, "audio/wav")})
    assert answer.status_code == 200
    assert received[0].metadata["locale"] == "en-GB" and received[0].metadata["asr"]["confidence"] == 0.9
    assert "116 123" in answer.json()["reply_text"] and "911 in the US" not in answer.json()["reply_text"]
