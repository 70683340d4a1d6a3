"""The eighth exploratory reading, handoff findings on the Rasa side: the wait told to a person while
the team's queue is long or overdue (M8), a risky message the service refused (a NUL byte, more than
its limit) reaching the supervisor in words (M9), and a child's safeguarding alert sent as such (M11)."""
from __future__ import annotations

import asyncio
import json
from urllib.parse import parse_qs

import httpx
import pytest

from connectors import handoff
from connectors.client import EmotionServiceClient
from connectors.web.channel import EmobotWebInput
from tests.rasa.test_channel import sanic_test_mode, serve_and_post  # noqa: F401 - the fixture runs here too
from tests.rasa.test_support_eighth_reading import DOMAIN, WAITING, run

LANGS = ("en", "de", "fr", "es", "it", "nl", "pt")
PLAN = "I have the pills ready and I will take them all tonight."


# --- M8: no "about 2 minutes" while the queue is long or overdue -------------------------------------

def busy_lines(lang: str) -> list[str]:
    from actions import bank

    return list(bank.answers(lang)["handoff_busy"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_busy_queue_promises_no_time_and_says_a_person_joins_when_free(lang: str) -> None:
    from actions.conversation import variants
    from actions.handoff_presence import waiting_line

    busy = {"id": 7, "status": "open", "waiting_s": 5, "expected_wait_s": 40, "queue_ahead": 40,
            "queue_overdue": 40, "busy": True}
    line = waiting_line(busy, DOMAIN, [], lang)
    assert line in busy_lines(lang) and not any(ch.isdigit() for ch in line)
    assert lang == "en" or not set(busy_lines(lang)) & set(busy_lines("en"))  # translated, not the English
    # the same handoff with a short queue: the usual wait, as before
    usual = [t.format(minutes=2) for t in variants(DOMAIN, "utter_handoff_waiting_time", lang)]
    assert waiting_line({**busy, "busy": False}, DOMAIN, [], lang) in usual
    # claimed: who is with them; the person's own wait past the usual one: the overdue line
    assert waiting_line({**busy, "status": "claimed"}, DOMAIN, [], lang) in variants(DOMAIN, "utter_handoff_claimed", lang)
    assert waiting_line({**busy, "waiting_s": 300}, DOMAIN, [], lang) in variants(DOMAIN, "utter_handoff_overdue", lang)


def test_while_waiting_a_busy_queue_gets_the_busy_line_and_the_numbers(team) -> None:
    """b69: "i have no one" while 41 handoffs waited got "usually joins within about 2 minutes"."""
    team["status"] = {"id": 7, "status": "open", "waiting_s": 20, "expected_wait_s": 40, "cursor": 0,
                      "queue_ahead": 40, "queue_overdue": 40, "busy": True}
    from actions.crisis import ActionHandoffPresent

    said, _ = run(ActionHandoffPresent(), [("i want to die", ["I'm really concerned about what you just shared."])],
                  "i have no one", slots=WAITING, crisis={"risk": 0.01, "level": "none"})
    assert any(line in busy_lines("en") for line in said), said
    assert not any("2 minutes" in line for line in said), said
    assert any("tel:" in line for line in said), said  # the numbers to call now come with it


def test_the_busy_line_is_not_repeated_under_every_message(team) -> None:
    team["status"] = {"id": 7, "status": "open", "waiting_s": 20, "expected_wait_s": 40, "cursor": 0,
                      "queue_ahead": 5, "queue_overdue": 0, "busy": True}
    from actions.crisis import ActionHandoffPresent

    said, _ = run(ActionHandoffPresent(), [("i want to die", ["I'm really concerned."]),
                                          ("i have no one", [busy_lines("en")[0]])],
                  "ok", slots=WAITING, crisis={"risk": 0.01, "level": "none"})
    assert not set(said) & set(busy_lines("en")), said


# --- M9: what the person wrote reaches the supervisor ----------------------------------------------

def test_readable_text_removes_nul_and_keeps_the_start_and_the_end_of_a_long_message() -> None:
    assert handoff.readable_text("i want to k\x00ill myself tonight") == "i want to kill myself tonight"
    long = "Today I cleaned the kitchen. " * 900 + PLAN
    shown = handoff.readable_text(long, 4000)
    assert len(shown) <= 4000 and shown.startswith("Today I cleaned") and shown.endswith(PLAN)
    assert f"the message had {len(long):,} characters" in shown and "left out here" in shown
    assert handoff.readable_text("short", 4000) == "short"


def test_the_thread_gets_the_cleaned_words_not_a_refused_report(monkeypatch) -> None:
    sent: list = []

    class Client:
        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return None

        async def add_thread_messages(self, session_id, messages):
            sent.extend(messages)
            return []

    monkeypatch.setattr(handoff, "service_client", lambda timeout=None: Client())
    long = "x" * 20_000 + PLAN
    assert asyncio.run(handoff.add_to_thread("s", [("person", "i\x00 \x00w\x00a\x00n\x00t to die"), ("person", long),
                                                   ("bot", "I'm here.")]))
    assert sent[0] == ("person", "i want to die") and sent[2] == ("bot", "I'm here.")
    assert len(sent[1][1]) <= 4000 and sent[1][1].endswith(PLAN)


def refusing_service(requests: list, code: str, status: int, message: str, risk: float = 0.99):
    """A service that refuses the text as sent (``code``) and analyses the readable copy."""
    def analyse(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": "p", "turn_index": 0})
        form = {k: v[0] for k, v in parse_qs(request.read().decode(), keep_blank_values=True).items()}
        requests.append(form)
        crisis = {"risk": risk, "flag": True, "level": "high", "category": "plan", "explicit": True}
        if len(requests) == 1:
            return httpx.Response(status, json={"error": {"code": code, "message": message}, "turn_logged": True,
                                                "turn_index": 0, "crisis": crisis})
        return httpx.Response(200, json={
            "session_id": "p", "turn_index": 0, "speaker_id": "p", "available": True, "turn": None, "state": None,
            "modalities": {}, "modalities_used": ["text"],
            "derived": {"crisis": {**crisis, "risk": 0.5, "level": "possible"}}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(analyse))


@pytest.mark.parametrize("text, code, status, message, shown", [
    ("i want to k\x00ill myself tonight", "invalid_text", 422, "the text contains NUL characters (U+0000)",
     "i want to kill myself tonight"),
    ("Today I cleaned the kitchen. " * 900 + PLAN, "text_too_long", 413,
     f"text has {26_156} characters; the limit is 10000", None),
], ids=["nul", "too_long"])
def test_a_refused_text_is_sent_again_readable_under_the_same_turn_id(text, code, status, message, shown) -> None:
    """e10, e11: the service logged the turn as rejected without its words; the readable copy completes
    that row (the same client_turn_id), so the dashboard shows the words as far as text consent allows."""
    requests: list = []
    channel = EmobotWebInput(bot="support", client=refusing_service(requests, code, status, message))
    response, received = serve_and_post(channel, lambda http, url: http.post(url, json={"sender": "p", "message": text}))
    assert response.status_code == 200 and len(requests) == 2, requests
    first, again = requests
    assert first["client_turn_id"] == again["client_turn_id"] and first["text"] == text
    assert "\x00" not in again["text"] and len(again["text"]) <= 10_000
    assert again["text"] == shown if shown else (again["text"].endswith(PLAN) and "left out here" in again["text"])
    emotion = received[0].metadata["emotion"]
    assert emotion["text_cleaned"] == code and emotion["available"] is True
    # the refused turn's screening (every character) read more risk: it is the one the bot gets
    assert emotion["derived"]["crisis"]["risk"] == 0.99 and emotion["derived"]["crisis"]["level"] == "high"
    # the bot reads what the person wrote, cut to the channel's max_text_chars around the plan at its end (ninth
    # reading, H4: a 3 MB text had frozen the bot); the service and the lexicon screened every character
    assert received[0].text == text if len(text) <= channel.max_text_chars else (
        len(received[0].text) <= channel.max_text_chars and received[0].text.endswith(PLAN))


def test_another_refusal_is_not_sent_again() -> None:
    requests: list = []
    channel = EmobotWebInput(bot="support", client=refusing_service(requests, "rate_limited_for_good", 422, "no"))
    serve_and_post(channel, lambda http, url: http.post(url, json={"sender": "p", "message": "hello\x00"}))
    assert len(requests) == 1


# --- M11: a child's safeguarding alert is sent as such ---------------------------------------------

def test_the_tutor_sends_a_safeguarding_alert_with_its_kind(monkeypatch) -> None:
    from bot.tutor.actions import wellbeing_actions
    from tests.rasa.test_tutor_eighth_reading import on_first, run_tutor_action

    asked: list = []

    async def request_handoff(session_id, reason, **kwargs):
        asked.append((reason, kwargs.get("kind")))
        return {"id": 1}

    async def handoff_status(session_id):
        return None

    monkeypatch.setattr(wellbeing_actions.handoff, "request_handoff", request_handoff)
    monkeypatch.setattr(wellbeing_actions.handoff, "handoff_status", handoff_status)
    run_tutor_action(wellbeing_actions.ActionWellbeing(), "my dad hits me when he is drunk",
                     {"learner": on_first().to_slot()})
    assert asked == [("a student wrote about being hurt or unsafe at home", "safeguarding")]


def test_request_handoff_sends_the_kind_to_the_service(monkeypatch) -> None:
    bodies: list = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.read()))
        return httpx.Response(200, json={"id": 3, "session_id": "s", "status": "open", "reason": "r",
                                         "kind": bodies[-1].get("kind"), "created": True, "turns_in_snapshot": 0})

    monkeypatch.setattr(handoff, "service_client", lambda timeout=None: EmotionServiceClient(
        "http://emotion.test", transport=httpx.MockTransport(answer)))
    opened = asyncio.run(handoff.request_handoff("s", "a student wrote about hurting themselves", bot="tutor",
                                                 kind=handoff.SAFEGUARDING))
    assert opened["kind"] == "safeguarding" and bodies[-1]["kind"] == "safeguarding" and bodies[-1]["bot"] == "tutor"
    asyncio.run(handoff.request_handoff("s", "crisis", bot="support"))
    assert "kind" not in bodies[-1]  # the support bot's requests are as before
