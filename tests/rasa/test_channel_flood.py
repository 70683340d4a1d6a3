"""Many large messages at once must not take the support bot away from everyone (eleventh
exploratory reading: 24 parallel 60 KB REST turns from one client went unanswered for 120 s; a
person's "i want to die" a second later waited 49.6 s for the channel's generic safety net, with
112/911 for a person in en-GB and no handoff; a 413 said nothing of where to get help).

- each client (sender, remote address) has at most ``max_long_turns_per_client`` long turns read at
  once; more wait their turn and are each answered; other clients' turns and short turns never wait;
- the safety net for a turn at risk the bot left unanswered is the person's locale's, and a flagged
  one opens the handoff;
- a 413 ``turn_too_large`` carries a help line the page shows.
"""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx
import pytest
import yaml
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.web.channel import EmobotWebInput
from connectors.web.client_limits import CLIENT_ADDRESS, LONG_TURN_CHARS, MAX_LONG_TURNS_PER_CLIENT
from connectors.web.turn import WebTurn
from tests.rasa.test_channel import SAD_STATE, serve_and_post

ROOT = Path(__file__).resolve().parents[2]
LONG = "blah " * 1000 + " i am going to kill myself tonight"  # over long_turn_chars (4,000)
FLAGGED = {"risk": 0.93, "flag": True, "level": "high", "category": "active_ideation", "explicit": True}
POSSIBLE = {"risk": 0.45, "flag": False, "level": "possible", "category": "hopelessness_entrapment", "explicit": False}


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


class HeldService:
    """The service's reading of each turn, held until ``release()``; records how many are being read."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.reading: List[str] = []  # the senders of the turns being read now
        self.most = 0

    async def analyse(self, turn: WebTurn, transcribe: bool = False) -> Dict[str, Any]:
        self.reading.append(turn.sender_id)
        self.most = max(self.most, len(self.reading))
        await self.gate.wait()
        self.reading.remove(turn.sender_id)
        return {"available": True, "turn_index": None, "state": SAD_STATE,
                "derived": {"crisis": {"risk": 0.0, "flag": False, "level": "none", "explicit": False}}}


async def answer_each(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, f"heard {len(message.text)} characters")


class Said:
    def __init__(self) -> None:
        self.texts: List[str] = []

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.texts.append(text)


async def turn_from(channel: EmobotWebInput, sender: str, text: str, address: Optional[str]) -> List[str]:
    """One turn handled as the REST webhook handles it (the request's address set for its task)."""
    CLIENT_ADDRESS.set(address)
    said = Said()
    await channel.handle_turn(WebTurn(sender, sender, text, {}, None, []), said, answer_each)
    return said.texts


async def settle() -> None:
    for _ in range(20):  # let every started turn run up to where it waits
        await asyncio.sleep(0)


def test_a_flood_from_one_address_is_read_two_at_a_time_and_every_turn_is_answered() -> None:
    """Eight long turns from one address (each its own sender, as turns without a session are):
    two are read at once, the rest wait; another address's long turn and the same address's short
    turn are read at once beside them; in the end every one of them is answered."""
    channel, service = EmobotWebInput(), HeldService()
    channel.analyse = service.analyse

    async def run() -> List[List[str]]:
        flood = [asyncio.create_task(turn_from(channel, f"flood-{i}", LONG, "198.51.100.7")) for i in range(8)]
        await settle()
        assert sorted(service.reading) == ["flood-0", "flood-1"]        # two read, six waiting
        other = asyncio.create_task(turn_from(channel, "someone-else", LONG, "203.0.113.9"))
        short = asyncio.create_task(turn_from(channel, "flood-short", "hi", "198.51.100.7"))
        await settle()
        assert {"someone-else", "flood-short"} <= set(service.reading)  # neither waits behind the flood
        service.gate.set()
        return await asyncio.gather(*flood, other, short)

    answers = asyncio.run(run())
    assert all(len(said) == 1 and said[0].startswith("heard ") for said in answers)  # none dropped
    assert service.most == 4
    assert channel.long_turns._slots == {}                              # nothing kept once the flood is read


def test_one_sender_from_many_addresses_is_bound_by_its_sender() -> None:
    channel, service = EmobotWebInput(max_long_turns_per_client=1), HeldService()
    channel.analyse = service.analyse

    async def run() -> List[List[str]]:
        turns = [asyncio.create_task(turn_from(channel, "same-sender", LONG, f"192.0.2.{i}")) for i in range(3)]
        await settle()
        assert service.reading == ["same-sender"]
        service.gate.set()
        return await asyncio.gather(*turns)

    assert all(len(said) == 1 for said in asyncio.run(run()))


def test_the_limits_come_from_the_credentials_with_their_defaults() -> None:
    channel = EmobotWebInput.from_credentials({"long_turn_chars": 2000, "max_long_turns_per_client": 3})
    assert (channel.long_turn_chars, channel.long_turns.per_client) == (2000, 3)
    default = EmobotWebInput.from_credentials({})
    assert (default.long_turn_chars, default.long_turns.per_client) == (LONG_TURN_CHARS, MAX_LONG_TURNS_PER_CLIENT)
    for bot in ("support", "tutor"):
        section = yaml.safe_load((ROOT / "bot" / bot / "credentials.yml").read_text())["connectors.web.channel.EmobotWebInput"]
        assert section["max_long_turns_per_client"] >= 1 and section["long_turn_chars"] >= 1000
    with pytest.raises(ValueError):
        EmobotWebInput(max_long_turns_per_client=0)


# --- the safety net: the person's locale, and the handoff ---

def screened_as(crisis: Dict[str, Any], requests: List[httpx.Request]) -> EmotionServiceClient:
    """The service: every turn read with ``crisis``; handoffs opened; every request recorded."""
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        session = request.url.path.split("/")[3]
        if request.url.path.endswith("/handoffs"):
            return httpx.Response(201, json={"id": 7, "status": "open", "kind": None})
        return httpx.Response(200, json={"session_id": session, "turn_index": 0, "speaker_id": session,
                                         "available": True, "turn": SAD_STATE, "state": SAD_STATE,
                                         "modalities": {}, "derived": {"crisis": crisis}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle))


def silent_turn(channel: EmobotWebInput, locale: Optional[str]) -> List[str]:
    """A turn the bot leaves without an answer (an action timed out under load)."""
    async def silent_bot(message: UserMessage) -> None:
        return None

    async def run() -> List[str]:
        said = Said()
        await channel.handle_turn(WebTurn("person", "person", "i want to die", {"locale": locale} if locale else {},
                                          None, []), said, silent_bot)
        await asyncio.gather(*channel.reporting)
        return said.texts

    return asyncio.run(run())


def handoffs(requests: List[httpx.Request]) -> List[Dict[str, Any]]:
    return [json.loads(r.content) for r in requests if r.method == "POST" and r.url.path.endswith("/handoffs")]


def test_a_flagged_turn_left_unanswered_gets_the_locales_lines_and_a_handoff() -> None:
    """en-GB: 999 and Samaritans, not "112 in the EU, 911 in the US"; and the handoff the bot would
    have opened, so a person from the team reads it now."""
    requests: List[httpx.Request] = []
    channel = EmobotWebInput(client=screened_as(FLAGGED, requests), bot="support")
    said = silent_turn(channel, "en-GB")
    assert len(said) == 1 and "999" in said[0] and "116 123" in said[0] and "911" not in said[0]
    opened = handoffs(requests)
    assert len(opened) == 1 and opened[0]["bot"] == "support" and "did not answer" in opened[0]["reason"]


@pytest.mark.parametrize("locale, words, number", [("de-DE", "Gefahr", "0800 111 0 111"), ("fr-FR", "danger", "3114"),
                                                   ("es-ES", "peligro", "024"), ("it-IT", "pericolo", "112"),
                                                   ("nl-NL", "gevaar", "113"), ("pt-PT", "perigo", "112")])
def test_the_safety_net_is_in_the_persons_language(locale, words, number) -> None:
    requests: List[httpx.Request] = []
    said = silent_turn(EmobotWebInput(client=screened_as(FLAGGED, requests)), locale)
    assert words in said[0] and number in said[0]


def test_possible_risk_gets_the_safety_net_but_no_handoff_and_no_locale_the_international_lines() -> None:
    requests: List[httpx.Request] = []
    channel = EmobotWebInput(client=screened_as(POSSIBLE, requests))
    said = silent_turn(channel, None)
    assert said == [channel.safety_net_text] and "findahelpline.com" in said[0]
    assert handoffs(requests) == []


def test_a_deployments_own_safety_net_is_said_as_it_wrote_it() -> None:
    requests: List[httpx.Request] = []
    channel = EmobotWebInput(client=screened_as(FLAGGED, requests), safety_net_text="Call our line: 0800 000 000.")
    assert silent_turn(channel, "en-GB") == ["Call our line: 0800 000 000."]
    assert len(handoffs(requests)) == 1


# --- L5: a refusal for size carries the help line ---

@pytest.mark.parametrize("query, headers, number", [("", {}, "findahelpline.com"), ("?locale=en-GB", {}, "116 123"),
                                                    ("", {"Accept-Language": "de-DE,de;q=0.9"}, "0800 111 0 111")])
def test_a_turn_too_large_is_refused_with_a_help_line(query, headers, number) -> None:
    requests: List[httpx.Request] = []
    body = {"sender": "big", "message": "blah " * 14_000 + "i am going to kill myself tonight"}
    answer, received = serve_and_post(EmobotWebInput(client=screened_as(FLAGGED, requests)),
                                      lambda http, url: http.post(url + query, json=body, headers=headers))
    error = answer.json()["error"]
    assert answer.status_code == 413 and error["code"] == "turn_too_large" and number in error["help"]
    assert received == [] and requests == []


def test_the_chat_page_shows_the_help_line_of_a_refusal() -> None:
    page = (ROOT / "connectors" / "web" / "static" / "app.js").read_text()
    assert "err.help = body.error.help" in page and 'if (err.help) addMessage("bot", err.help)' in page


def test_the_tutors_safety_net_gives_the_child_line_first() -> None:
    """Thirteenth exploratory reading, H9: a 9-year-old in the tutor's handoff got Samaritans and Shout. A channel is
    a child's by its credentials (``children: true``, as bot/tutor/credentials.yml says)."""
    said = silent_turn(EmobotWebInput(client=screened_as(FLAGGED, []), bot="tutor", children=True), "en-GB")
    assert "0800 1111" in said[0] and said[0].index("0800 1111") < said[0].index("116 123")
