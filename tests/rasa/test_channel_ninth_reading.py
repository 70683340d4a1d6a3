"""The web channel's findings of the ninth exploratory reading: H4 (one huge turn froze the bot for
everyone), H5 (an outsider who knew a REST sender id in a crisis handoff got its handoff lines and
wrote into its thread), H6 (sender "." or ".." reached no session of the service).

The turns go through the real channel on a Sanic server (tests/rasa/test_channel.py). For H5 the
server's agent has a real Rasa tracker store, which a stub bot writes as Rasa would: the user
event with the metadata the channel handed over, and the handoff slot when it "hands over".
"""
from __future__ import annotations

import asyncio
import itertools
from types import SimpleNamespace
from typing import Optional

import httpx
import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from sanic import Sanic

from connectors.client import EmotionServiceClient, service_session_id
from connectors.contract import SESSION_PROOF_KEY
from connectors.web.channel import MAX_BODY_BYTES, MAX_TEXT_CHARS, EmobotWebInput
from tests.e2e.processes import free_port
from tests.rasa.test_channel import SAD_STATE, serve_and_post
from tests.rasa.test_socketio_channel import ON, Widget, serve

SECRET = "n" * 40
PLAN = " I have the pills ready and I will take them all tonight."
CRISIS = {"risk": 0.95, "flag": True, "level": "high", "category": "preparatory_acts", "explicit": True}
NO_RISK = {"risk": 0.01, "flag": False, "level": "none", "explicit": False}
_apps = itertools.count()
DOMAIN = Domain.from_dict({"slots": {  # the handoff slots of the pattern (connectors/handoff.py)
    "handoff_active": {"type": "bool", "mappings": [{"type": "custom"}]},
    "handoff_id": {"type": "float", "mappings": [{"type": "custom"}]}}})


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


def service(requests: list, handoffs: Optional[dict] = None, dead: bool = False) -> EmotionServiceClient:
    """The emotion service: a turn with risk words is flagged; ``handoffs``: session -> its newest
    handoff (GET .../handoffs/latest); ``dead``: nothing answers (the channel screens in-process)."""
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if dead:
            raise httpx.ConnectError("refused", request=request)
        session = request.url.path.split("/")[3] if request.url.path.startswith("/v1/sessions/") else None
        if request.url.path.endswith("/handoffs/latest"):
            if (handoffs or {}).get(session):
                return httpx.Response(200, json=handoffs[session])
            return httpx.Response(404, json={"error": {"code": "no_handoff", "message": "none"}})
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": session, "turn_index": 0})
        if not request.url.path.startswith("/v1/sessions/"):  # a path that names no session (/v1/turns)
            return httpx.Response(404, json={"error": {"code": "not_found", "message": request.url.path}})
        if not request.url.path.endswith("/turns"):  # handoffs, thread, pushed, replies, feedback
            return httpx.Response(200, json={"id": 1, "status": "open", "messages": []})
        text = request.read().decode("utf-8", "replace")
        risky = "shotgun" in text or "kill" in text  # a form body: "kill+myself"
        return httpx.Response(200, json={
            "session_id": session, "turn_index": 0, "speaker_id": session, "available": True, "turn": SAD_STATE,
            "state": SAD_STATE, "modalities": {}, "modalities_used": ["text"],
            "derived": {"crisis": CRISIS if risky else NO_RISK}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle), connect_retries=0)


def serve_with_bot(channel: EmobotWebInput, turns: list[dict],
                   store: Optional[InMemoryTrackerStore] = None) -> tuple[list[httpx.Response], list[UserMessage]]:
    """Serve ``channel`` with an agent whose tracker store a stub bot writes (a handoff opens for a
    turn the channel read as flagged), post ``turns`` (``{"json", "headers"}``) in order."""
    domain = DOMAIN
    store = store or InMemoryTrackerStore(domain)
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, metadata=message.metadata))
        if ((message.metadata.get("emotion") or {}).get("derived") or {}).get("crisis", {}).get("flag"):
            tracker.update(SlotSet("handoff_active", True))
            await message.output_channel.send_text_message(message.sender_id, "handed over")
        else:
            await message.output_channel.send_text_message(message.sender_id, f"echo: {message.text}")
        await store.save(tracker)

    async def run() -> list[httpx.Response]:
        app = Sanic(f"emobot_ninth_{next(_apps)}")
        app.ctx.agent = SimpleNamespace(tracker_store=store, domain=domain)
        app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/emobot_web")
        channel.app = app  # as after_server_start sets it under rasa run
        port = free_port()
        server = await app.create_server(host="127.0.0.1", port=port, access_log=False, return_asyncio_server=True)
        await server.startup()
        try:
            url = f"http://127.0.0.1:{port}/webhooks/emobot_web/webhook?emotion=true"
            async with httpx.AsyncClient(timeout=20) as http:
                answers = [await http.post(url, json=t["json"], headers=t.get("headers")) for t in turns]
                await asyncio.gather(*channel.reporting)
                return answers
        finally:
            await server.close()

    return asyncio.run(run()), received


def said(sender: str, text: str, token: Optional[str] = None) -> dict:
    return {"json": {"sender": sender, "message": text, "metadata": {"locale": "en-GB"}},
            "headers": {"Authorization": f"Bearer {token}"} if token else None}


def turn_paths(requests: list[httpx.Request]) -> list[str]:
    return [r.url.path for r in requests if r.url.path.endswith("/turns")]


# --- H4: a turn's size is capped at the channel -----------------------------------------------------

def test_a_three_megabyte_message_is_refused_with_413_before_the_service_or_the_bot() -> None:
    """E13: 3,000,000 characters went to the service (400) and to the bot, which answered nobody for 6+ minutes."""
    requests: list = []
    channel = EmobotWebInput(client=service(requests))
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url + "?emotion=true", json={"sender": "big-1", "message": "a" * 3_000_000}))
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"]["code"] == "turn_too_large" and "bytes" in answer.json()["error"]["message"]
    assert requests == [] and received == []


def test_a_form_whose_fields_are_over_the_limit_is_refused_but_media_do_not_count() -> None:
    requests: list = []
    channel = EmobotWebInput(client=service(requests), max_body_bytes=4096)

    async def send(http: httpx.AsyncClient, url: str) -> list[httpx.Response]:
        big = await http.post(url, data={"sender": "form-1", "message": "b" * 5000})
        clip = await http.post(url, data={"sender": "form-1", "message": "listen"},
                               files={"audio": ("a.wav", b"RIFF" + b"\0" * 20_000, "audio/wav")})
        return [big, clip]

    (big, clip), received = serve_and_post(channel, send)
    assert big.status_code == 413 and big.json()["error"]["code"] == "turn_too_large"
    assert clip.status_code == 200 and [m.text for m in received] == ["listen"]  # a 20 kB clip is media, not text


def test_a_long_text_within_the_limit_is_screened_in_full_then_cut_for_the_bot() -> None:
    """The risk is said last: the in-process screening (service down) reads every character; the bot
    and its NLU get at most max_text_chars, its start and its end."""
    text = "Today I cleaned the kitchen and the hall. " * 500 + PLAN  # about 21,000 characters
    channel = EmobotWebInput(client=service([], dead=True), max_text_chars=4000)
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url + "?emotion=true", json={"sender": "long-1", "message": text}))
    assert answer.status_code == 200
    crisis = received[0].metadata["emotion"]["derived"]["crisis"]
    assert crisis["level"] == "high", crisis  # the plan at the end was screened
    assert len(received[0].text) <= 4000 and received[0].text.endswith(PLAN.strip())
    assert received[0].text.startswith("Today I cleaned") and "left out" in received[0].text


def test_the_limits_come_from_the_credentials_with_sane_defaults() -> None:
    channel = EmobotWebInput.from_credentials({"max_body_bytes": 8192, "max_text_chars": 1000})
    assert (channel.max_body_bytes, channel.max_text_chars) == (8192, 1000)
    default = EmobotWebInput.from_credentials({})
    assert (default.max_body_bytes, default.max_text_chars) == (MAX_BODY_BYTES, MAX_TEXT_CHARS)
    assert 10_000 * 6 < MAX_BODY_BYTES <= 1024 * 1024  # 10,000 escaped characters fit; the service's field limit is 1 MB
    with pytest.raises(ValueError):
        EmobotWebInput(max_body_bytes=10)


def test_a_socketio_message_over_the_limit_gets_an_error_and_never_reaches_the_bot() -> None:
    requests: list = []
    channel = EmobotWebInput(client=service(requests), socketio=ON, max_body_bytes=4096)

    async def talk(url: str) -> list:
        async with Widget(url) as widget:
            await widget.emit("user_uttered", {"message": "c" * 100_000})
            first = await widget.next()
            await widget.emit("user_uttered", {"message": "still here?"})
            return [first, await widget.next()]

    events, received = serve(channel, talk)
    assert events[0][0] == "emobot_error" and events[0][1]["code"] == "turn_too_large"
    assert events[1] == ("bot_uttered", {"text": "echo: still here?"})
    assert [m.text for m in received] == ["still here?"] and len(turn_paths(requests)) == 1


# --- H5: an unproven turn never acts on a proven or handed-over conversation ---------------------------

def test_the_outsider_of_e1_gets_a_new_conversation_and_learns_nothing_of_the_handoff() -> None:
    requests: list = []
    channel = EmobotWebInput(client=service(requests), session_secret=SECRET)
    store = InMemoryTrackerStore(DOMAIN)
    owner = "alex-19f671"
    answers, received = serve_with_bot(channel, [
        said(owner, "hi"),
        said(owner, "sometimes i think about ending it, my brother's shotgun is in the shed"),
        said(owner, "what did i say about my brother?"),      # the outsider, no token
        said(owner, "no"),                                    # the outsider again
    ], store)
    hi, disclosed, outsider, again = answers
    assert hi.status_code == 200 and "X-Emobot-Session" not in hi.headers  # a plain sender: Rasa's REST convention
    # the turn that handed over a conversation with earlier turns gets no token: whoever knows the sender could have
    # sent it, and the token would show the earlier turns (tenth reading, H7)
    assert "X-Emobot-Session" not in disclosed.headers
    for answer in (outsider, again):
        body = answer.json()
        assert answer.status_code == 200
        moved_to = received[-1 if answer is again else 2].sender_id
        assert moved_to != owner and moved_to.startswith("web-")
        assert {m["recipient_id"] for m in body["messages"]} == {moved_to}
        assert body["messages"] == [{"recipient_id": moved_to, "text": f"echo: {received[-1 if answer is again else 2].text}"}]
        assert owner not in answer.text and "handed over" not in answer.text
        assert channel.sessions.verify(answer.headers["X-Emobot-Session"]) == moved_to  # their own, new conversation
    assert received[2].sender_id != received[3].sender_id  # nobody can follow the outsider (nor the outsider anyone)
    # nothing of the outsider's turns reached the owner's conversation: not Rasa's, not the service's
    owner_texts = [e.text for e in asyncio.run(store.retrieve(owner)).events if isinstance(e, UserUttered)]
    assert owner_texts == ["hi", "sometimes i think about ending it, my brother's shotgun is in the shed"]
    assert turn_paths(requests)[:2] == [f"/v1/sessions/{owner}/turns"] * 2
    assert all(owner not in path for path in turn_paths(requests)[2:])


def test_a_handoff_on_a_first_turn_gives_the_token_of_a_conversation_with_nothing_earlier() -> None:
    """The one case a plain sender's handoff comes with its conversation's token: nothing was said before it."""
    requests: list = []
    channel = EmobotWebInput(client=service(requests), session_secret=SECRET)
    owner = "first-turn-7c1"
    answers, _ = serve_with_bot(channel, [said(owner, "sometimes i think about ending it, my brother's shotgun is in the shed")],
                                InMemoryTrackerStore(DOMAIN))
    assert channel.sessions.verify(answers[0].headers["X-Emobot-Session"]) == owner


def test_the_owner_goes_on_with_the_token_and_without_it_still_gets_the_safety_answer() -> None:
    requests: list = []
    channel = EmobotWebInput(client=service(requests), session_secret=SECRET)
    owner = "sam.k@example.org"
    token = channel.sessions.token(owner)
    answers, received = serve_with_bot(channel, [
        said(owner, "my dad's shotgun is in the shed and i keep thinking about it"),
        said(owner, "thanks, i'm still here", token),           # with the token: the owner's conversation, proven
        said(owner, "i'm going to kill myself tonight"),         # back on another device, no token
    ])
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert received[1].sender_id == owner and received[1].metadata[SESSION_PROOF_KEY] is True
    back = received[2]
    assert back.sender_id != owner and back.metadata[SESSION_PROOF_KEY] is True  # a conversation only they hold
    # screened from the start in the new conversation: the bot is handed the flagged reading and answers
    assert back.metadata["emotion"]["derived"]["crisis"]["flag"] is True
    assert answers[2].json()["messages"] == [{"recipient_id": back.sender_id, "text": "handed over"}]
    assert answers[2].json()["emotion"]["derived"]["crisis"]["flag"] is True  # its own conversation: nothing withheld


def test_a_sender_once_used_with_a_session_token_is_not_taken_without_it() -> None:
    store = InMemoryTrackerStore(DOMAIN)
    tracker = asyncio.run(store.get_or_create_tracker("jwt-subject-7"))
    tracker.update(UserUttered("my secret", metadata={SESSION_PROOF_KEY: True}))
    asyncio.run(store.save(tracker))
    channel = EmobotWebInput(client=service([]), session_secret=SECRET)
    (answer,), received = serve_with_bot(channel, [said("jwt-subject-7", "what did i say?")], store)
    assert answer.status_code == 200 and received[0].sender_id.startswith("web-")
    assert "my secret" not in answer.text and "jwt-subject-7" not in answer.text


def test_a_conversation_rasa_forgot_is_guarded_by_the_services_handoff() -> None:
    requests: list = []
    channel = EmobotWebInput(client=service(requests, handoffs={"kim-2": {"id": 4, "status": "resolved"}}),
                             session_secret=SECRET)
    (kim, other), received = serve_with_bot(channel, [said("kim-2", "hello?"), said("lee-3", "hello?")])
    assert received[0].sender_id.startswith("web-") and received[1].sender_id == "lee-3"
    assert "X-Emobot-Session" not in other.headers


def test_an_issued_id_without_its_token_is_still_refused_not_moved() -> None:
    channel = EmobotWebInput(client=service([]), session_secret=SECRET)
    issued, _ = channel.sessions.issue()
    (answer,), received = serve_with_bot(channel, [said(issued, "hi")])
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "session_required" and received == []


# --- H6: "." and ".." reach a session of the service ----------------------------------------------------

@pytest.mark.parametrize("sender", [".", ".."])
def test_dot_senders_are_hashed_so_every_request_reaches_their_session(sender) -> None:
    """E10: httpx resolved /v1/sessions/../turns to /v1/turns; the service answered 404 to every turn."""
    requests: list = []
    client = service(requests, handoffs={service_session_id(sender): {"id": 9, "status": "open"}})
    session = service_session_id(sender)
    assert session.startswith("sid:") and session != service_session_id("...")

    async def run() -> None:
        async with client:
            await client.analyse_turn(sender, "hello", speaker_id=sender)
            await client.open_handoff(sender, "crisis")
            assert (await client.handoff_status(sender))["status"] == "open"
            await client.add_thread_messages(sender, [("person", "hello")])
            await client.pushed(sender)
            await client.send_replies(sender, 0, ["hi"])
            await client.send_feedback(sender, 0, "sadness")

    asyncio.run(run())
    prefix = f"/v1/sessions/{session}/".replace(":", "%3A")
    assert [r.url.raw_path.decode().startswith(prefix) for r in requests] == [True] * len(requests), \
        [r.url.raw_path for r in requests]
    assert service_session_id("...") == "..." and service_session_id("a.b") == "a.b"  # not dot segments: as they are


def test_a_turn_from_sender_dot_dot_is_logged_under_its_hashed_session() -> None:
    requests: list = []
    channel = EmobotWebInput(client=service(requests))
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url + "?emotion=true", json={"sender": "..", "message": "i'm going to kill myself tonight"}))
    emotion = answer.json()["emotion"]
    assert emotion["available"] is True and emotion.get("error") is None, emotion
    assert turn_paths(requests) == [f"/v1/sessions/{service_session_id('..')}/turns"]
    assert received[0].sender_id == ".."  # Rasa's conversation keeps the sender's own id


def test_a_turn_left_to_the_team_is_an_answer_no_client_sees() -> None:
    """Ninth reading, M11: the bot leaves a turn to the person from the team who has joined and written; the
    channel must not send its safety net over it, and no page or widget gets an empty bubble."""
    import asyncio

    from rasa.core.channels.channel import CollectingOutputChannel

    from connectors.contract import LEFT_TO_THE_TEAM
    from connectors.web.output import RecordingOutput

    inner = CollectingOutputChannel()
    said = RecordingOutput(inner)
    asyncio.run(said.send_response("p", {"custom": dict(LEFT_TO_THE_TEAM)}))
    assert said.sent == 1 and said.texts == [] and inner.messages == []
    asyncio.run(said.send_response("p", {"custom": {"other": 1}}))
    assert said.sent == 2 and len(inner.messages) == 1


def test_no_person_is_promised_when_no_handoff_could_open(team, monkeypatch) -> None:
    """Ninth reading, H6: after an escalation whose handoff failed (handoff_active, no handoff_id), "they're in my
    hand now" got "I've asked a person from our team to join this conversation"; nobody had been asked."""
    from connectors import handoff
    from tests.rasa.test_support_eighth_reading import DOMAIN, run  # puts the support bot's actions on the path

    from actions.conversation import variants
    from actions.crisis import ActionHandoffPresent

    async def unreachable(session_id, reason, bot=None, user_id=None):
        return None

    monkeypatch.setattr(handoff, "request_handoff", unreachable)
    said, _ = run(ActionHandoffPresent(), [("i'm going to kill myself tonight, i have the pills ready",
                                           ["I couldn't reach our team automatically."])],
                  "they're in my hand now", slots={"handoff_active": True, "handoff_id": None},
                  crisis={"risk": 0.9, "level": "high", "flag": True})
    assert not set(said) & set(variants(DOMAIN, "utter_handoff_joining", "en")), said
    assert set(said) & set(variants(DOMAIN, "utter_handoff_failed", "en")), said
