"""A turn that does not prove its session gets no answer drawn from earlier turns (exploratory finding H8).

With ``require_session: false`` a REST client may name a sender of its own (``maria.k@example.org``)
without a token; anyone who knows that id could ask "what did i say about my sister?" and was told
the owner's words ("You told me your sister Clara has been drinking again..."). The channel now marks
every turn it hands the bot (``metadata["session_proven"]``, set by the channel, a client's own value
overwritten) on every transport (REST, socket.io, emobot_voice), and the support bot's recall
(bot/support/actions/recall.py) draws on earlier turns only for a proven turn. Safety does not
depend on it: the bot gets the whole crisis screening and the safety net speaks either way.

The turns here go through the real channel on a Sanic server (tests/rasa/test_channel.py); the
bot's answer is the real action run on a tracker made of the messages the channel handed over.
"""
from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import yaml
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.contract import SESSION_PROOF_KEY, session_proven
from connectors.voice.channel import VoiceInput
from connectors.web.channel import EmobotWebInput
from tests.rasa.test_channel import SAD_STATE, serve_and_post
from tests.rasa.test_socketio_channel import ON, Widget, serve
from tests.rasa.test_voice_channel import WAV, exchange, service as voice_service

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import recall, replies  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
SECRET = "p" * 40
OWNER = "maria.k@example.org"
OWNER_SAID = ["my sister Clara has been drinking again and i found her passed out yesterday",
              "i haven't told anyone at work, i'm so ashamed",
              "also my pin is not something i'd tell you lol"]
ASKED = "what did i say about my sister?"
RECALLED = "You told me your sister Clara has been drinking again and you found her passed out yesterday."
EARLIER_WORDS = ("Clara", "drinking", "passed out", "ashamed", "pin")
CRISIS = {"risk": 0.93, "flag": True, "level": "high", "category": "active_ideation", "explicit": True,
          "conversation": {"risk": 0.93, "level": "high", "turns": 4, "categories": []}}


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


def reading(crisis: dict | None = None) -> EmotionServiceClient:
    """The service: every turn read as sad; ``crisis``: its screening (none: no risk)."""
    def handle(request: httpx.Request) -> httpx.Response:
        session = request.url.path.split("/")[3]
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": session, "turn_index": 0})
        return httpx.Response(200, json={
            "session_id": session, "turn_index": 0, "speaker_id": session, "available": True, "turn": SAD_STATE,
            "state": SAD_STATE, "modalities": {}, "modalities_used": ["text"],
            "derived": {"crisis": crisis or {"risk": 0.01, "flag": False, "level": "none", "explicit": False}}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle))


def rest_turns(channel: EmobotWebInput, turns: list[dict]) -> tuple[list[httpx.Response], list[UserMessage]]:
    """Post each of ``turns`` (``{"json": body, "headers": {...}}``) to the channel's webhook, in order."""
    async def send(http: httpx.AsyncClient, url: str) -> list[httpx.Response]:
        return [await http.post(url + "?emotion=true", json=t["json"], headers=t.get("headers")) for t in turns]

    return serve_and_post(channel, send)


def bot_answer(messages: list[UserMessage]) -> list[str]:
    """What the support bot's listening action says to the last of ``messages`` (the UserMessages the
    channel handed over, oldest first), as the action server would run it on their tracker."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for message in messages[:-1]:
        events += [{"event": "user", "text": message.text, "metadata": message.metadata},
                   {"event": "action", "name": "action_support_question"},
                   {"event": "bot", "text": "I'm listening."}, {"event": "action", "name": "action_listen"}]
    latest = messages[-1]
    events.append({"event": "user", "text": latest.text, "metadata": latest.metadata})
    parsed = {"text": latest.text, "intent": {"name": "share_feelings", "confidence": 0.9}, "entities": [],
              "metadata": latest.metadata}
    tracker = Tracker(latest.sender_id, {}, parsed, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(replies.ActionSupportQuestion().run(dispatcher, tracker, DOMAIN))
    return [m["text"] for m in dispatcher.messages]


def proof(message: UserMessage):
    """The mark the channel gave ``message`` (None: none)."""
    return message.metadata.get(SESSION_PROOF_KEY)


def owner_then(asker: dict) -> list[dict]:
    """The owner's three turns over REST (no token, as in E3), then ``asker``'s turn."""
    return [*({"json": {"sender": OWNER, "message": said, "metadata": {"locale": "en-GB"}}} for said in OWNER_SAID), asker]


# --- the channel marks each turn, whatever the client claims ---

def test_a_rest_turn_naming_its_own_sender_is_not_proven_whatever_its_metadata_claims() -> None:
    channel = EmobotWebInput(client=reading(), session_secret=SECRET)
    answers, received = rest_turns(channel, [
        {"json": {"sender": OWNER, "message": ASKED, "metadata": {"locale": "en-GB", SESSION_PROOF_KEY: True}}},
        {"json": {"sender": OWNER, "message": ASKED, "metadata": {SESSION_PROOF_KEY: "true"}}},
        {"json": {"sender": OWNER, "message": ASKED, "metadata": {"emotion": {SESSION_PROOF_KEY: True}}}}])
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [proof(m) for m in received] == [False, False, False]
    assert received[0].metadata["locale"] == "en-GB"                  # the rest of the client's metadata is kept
    assert not any(session_proven(m.metadata) for m in received)


def test_a_multipart_rest_turn_without_a_token_is_not_proven() -> None:
    channel = EmobotWebInput(client=reading(), session_secret=SECRET)
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url, data={"sender": OWNER, "message": ASKED, SESSION_PROOF_KEY: "true"}))
    assert answer.status_code == 200 and proof(received[0]) is False


def test_a_rest_turn_with_its_sessions_token_is_proven() -> None:
    channel = EmobotWebInput(client=reading(), session_secret=SECRET)
    session_id, token = channel.sessions.issue()
    forged = EmobotWebInput(session_secret="another secret " * 3).sessions.token(session_id)
    answers, received = rest_turns(channel, [
        {"json": {"message": ASKED, "metadata": {SESSION_PROOF_KEY: False}}, "headers": {"Authorization": f"Bearer {token}"}},
        {"json": {"message": ASKED}, "headers": {"Cookie": f"emobot_session={token}"}}])
    assert [a.status_code for a in answers] == [200, 200]
    assert [(m.sender_id, proof(m)) for m in received] == [(session_id, True), (session_id, True)]
    # a token signed with another secret proves nothing: naming the session with it is refused
    refused, nothing = rest_turns(channel, [{"json": {"sender": session_id, "message": ASKED},
                                             "headers": {"Authorization": f"Bearer {forged}"}}])
    assert refused[0].status_code == 401 and nothing == []


@pytest.mark.parametrize("persistent", [True, False])
def test_a_socketio_turn_proves_its_conversation(persistent: bool) -> None:
    """A confirmed session, or without persistence the socket's own conversation: both the connection's."""
    channel = EmobotWebInput(client=reading(), socketio=replace(ON, session_persistence=persistent), session_secret=SECRET)

    async def talk(url: str) -> tuple:
        async with Widget(url) as widget:
            await widget.emit("session_request", {"session_id": None})
            _, token = await widget.next()
            await widget.emit("user_uttered", {"message": ASKED, "session_id": token,
                                               "customData": {SESSION_PROOF_KEY: False, "locale": "en-GB"}})
            return await widget.next()

    answered, received = serve(channel, talk)
    assert answered[0] == "bot_uttered"
    assert proof(received[0]) is True and received[0].metadata["locale"] == "en-GB"


@pytest.mark.parametrize("in_session", [False, True])
def test_a_spoken_turn_is_proven_only_with_its_sessions_token(in_session: bool) -> None:
    requests: list[httpx.Request] = []
    issued, answer, received = exchange(VoiceInput(bot="support", client=voice_service(requests, heard=ASKED),
                                                   session_secret=SECRET), in_session,
                                        data={"sender": OWNER, SESSION_PROOF_KEY: "true"},
                                        files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 200, answer.text
    assert received[0].text == ASKED and proof(received[0]) is in_session
    assert received[0].sender_id == (issued["session_id"] if in_session else OWNER)


# --- what the bot answers ---

def test_an_outsider_who_knows_a_rest_sender_gets_none_of_the_owners_words() -> None:
    """E3: the owner wrote three turns without a token; anyone else who names the same sender asks."""
    channel = EmobotWebInput(client=reading(), session_secret=SECRET)
    _, received = rest_turns(channel, owner_then(
        {"json": {"sender": OWNER, "message": ASKED, "metadata": {"locale": "en-GB", SESSION_PROOF_KEY: True}}}))
    said = bot_answer(received)
    assert said == [recall.not_signed_in("en")], said
    assert not any(word.lower() in " ".join(said).lower() for word in EARLIER_WORDS)
    for question in ("what did i tell you earlier?", "do you remember my sister's name?", "who has been drinking again?"):
        _, received = rest_turns(channel, owner_then({"json": {"sender": OWNER, "message": question}}))
        said = bot_answer(received)
        assert not any(word.lower() in " ".join(said).lower() for word in EARLIER_WORDS), (question, said)


def test_the_owner_with_a_proven_session_is_still_answered_from_the_conversation() -> None:
    channel = EmobotWebInput(client=reading(), session_secret=SECRET)
    session_id, token = channel.sessions.issue()
    bearer = {"Authorization": f"Bearer {token}"}
    _, received = rest_turns(channel, [*({"json": {"message": said, "metadata": {"locale": "en-GB"}}, "headers": bearer}
                                         for said in OWNER_SAID),
                                       {"json": {"message": ASKED, "metadata": {"locale": "en-GB"}}, "headers": bearer}])
    assert {m.sender_id for m in received} == {session_id} and all(session_proven(m.metadata) for m in received)
    assert bot_answer(received) == [RECALLED]


def test_the_gate_reads_only_the_channels_mark() -> None:
    assert recall.may_recall({SESSION_PROOF_KEY: True, "emotion": {}})
    for metadata in (None, {}, {SESSION_PROOF_KEY: False}, {SESSION_PROOF_KEY: "true"}, {SESSION_PROOF_KEY: 1},
                     {"emotion": {SESSION_PROOF_KEY: True}}):
        assert not recall.may_recall(metadata), metadata
    # the recall itself is unchanged: it finds the owner's words for a proven turn
    assert recall.asks(ASKED) and recall.answer(ASKED, OWNER_SAID) == (
        "recall_told", {"said": "your sister Clara has been drinking again and you found her passed out yesterday"})


def test_the_not_signed_in_line_is_said_in_the_seven_languages_and_names_nothing_earlier() -> None:
    lines = {lang: recall.not_signed_in(lang) for lang in ("en", "de", "fr", "es", "it", "nl", "pt")}
    assert len(set(lines.values())) == 7                                  # each its own, none left in English
    assert recall.not_signed_in("xx") == lines["en"]
    assert "signed in" in lines["en"] and "listen" in lines["en"]       # what happened, and it still listens
    assert not any(word.lower() in line.lower() for line in lines.values() for word in EARLIER_WORDS)


# --- safety never depends on it ---

def test_an_unproven_turn_at_risk_still_gets_the_whole_screening_and_the_safety_net() -> None:
    """The bot reads the crisis screening of a turn without a session as of any other; when it says
    nothing, the channel's safety net speaks, proof or not."""
    channel = EmobotWebInput(client=reading(CRISIS), session_secret=SECRET)
    received: list[UserMessage] = []

    async def silent_bot(message: UserMessage) -> None:
        received.append(message)

    async def run() -> list[str]:
        collected = []

        class Output:
            async def send_text_message(self, recipient_id: str, text: str, **kwargs) -> None:
                collected.append(text)

        from connectors.web.turn import WebTurn
        turn = WebTurn(OWNER, OWNER, "what did i say about my sister? i want to kill myself", {}, None, [])
        await channel.handle_turn(turn, Output(), silent_bot)
        await asyncio.gather(*channel.reporting)
        return collected

    said = asyncio.run(run())
    assert proof(received[0]) is False
    assert received[0].metadata["emotion"]["derived"]["crisis"]["level"] == "high"   # not withheld from the bot
    assert said == [channel.safety_net_text]
    assert not recall.asks(received[0].text)                              # risk words: never a recall question
