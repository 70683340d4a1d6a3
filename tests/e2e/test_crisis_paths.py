"""Crisis screening that nothing switches off, through a real `rasa run` (support bot, with its
action server) and the real emotion service: each path sends a risky message and sees the
bot escalate (crisis resources, a handoff the bot stays in).

Paths: the service is down (the in-Rasa lexicon screens), the session's rate limit, text over
the size limit, a NUL character, no text consent, and a sender id the service refuses.
"""
from __future__ import annotations

import time
from contextlib import ExitStack
from urllib.parse import quote

import httpx
import pytest
import yaml

from connectors.client import service_session_id
from tests.e2e.processes import REPO, emotion_service, free_port
from tests.e2e.rasa_server import rasa_server

pytestmark = pytest.mark.slow
RESPONSES = yaml.safe_load((REPO / "bot/support/domain.yml").read_text())["responses"]
CONCERN = {r["text"] for r in RESPONSES["utter_crisis_concern"]}
RISKY = "i have all my pills saved up and im going to take them tonight"


def say(url: str, sender: str, text: str, **extra: str) -> list[str]:
    reply = httpx.post(f"{url}/webhooks/emobot_web/webhook", json={"sender": sender, "message": text, **extra},
                       timeout=120)
    assert reply.status_code == 200, reply.text
    return [m.get("text") for m in reply.json()]


def tracker(url: str, sender: str) -> dict:
    return httpx.get(f"{url}/conversations/{quote(sender, safe='')}/tracker", timeout=30).json()


def escalated(url: str, sender: str, replies: list[str]) -> bool:
    state = tracker(url, sender)
    assert state["sender_id"] == sender, state["sender_id"]
    return bool(CONCERN & set(replies)) and any("(tel:988)" in r for r in replies) \
        and state["slots"]["handoff_active"] is True


def wait_until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    port = free_port()
    db = tmp_path_factory.mktemp("crisis") / "moodlog.sqlite3"
    with ExitStack() as stack:
        rasa = stack.enter_context(rasa_server("support", emotion_service_url=f"http://127.0.0.1:{port}"))
        yield rasa, port, db, stack


def test_every_path_escalates(servers) -> None:
    rasa, port, db, stack = servers
    # the service is down: the channel's lexicon screens the turn in the Rasa process
    assert escalated(rasa, "down-1", say(rasa, "down-1", RISKY))

    service = stack.enter_context(emotion_service(f"sqlite:///{db}", port=port, modalities='["text"]',
                                                  rate_limit_turns_per_minute="1", rate_limit_burst="1",
                                                  max_text_chars="300"))
    # the queued turn is replayed once the channel sees the service back; the service flags it too
    # (the bot escalated while the service was away: its handoff request failed; the replay opens it)
    wait_until(lambda: httpx.get(f"{service}/v1/sessions/down-1/handoffs", timeout=10).json() != [])
    handoffs = httpx.get(f"{service}/v1/sessions/down-1/handoffs", timeout=10).json()
    assert [h["status"] for h in handoffs] == ["open"] and handoffs[0]["turns_in_snapshot"] == 1
    # rate limit: the second turn of the session is over it
    say(rasa, "limited-1", "hello")
    assert escalated(rasa, "limited-1", say(rasa, "limited-1", RISKY))
    # size limit and NUL character: refused by the service, screened before
    assert escalated(rasa, "long-1", say(rasa, "long-1", "so " * 200 + RISKY))
    assert escalated(rasa, "nul-1", say(rasa, "nul-1", RISKY + "\x00"))
    # no text consent (the consent page's default): screened all the same
    assert httpx.put(f"{service}/v1/users/u-noconsent/consent", timeout=10,
                     json={"text": False, "audio": False, "face": False}).status_code == 200
    assert escalated(rasa, "noconsent-1", say(rasa, "noconsent-1", RISKY, user_id="u-noconsent"))
    # a sender id the service's session ids refuse: logged under a derived id, screened there
    # (Rasa's HTTP API does not decode such an id in its paths, so the proof is the bot's answer
    # and the handoff the escalation opened under the derived session id)
    odd = "user with spaces ü"
    assert CONCERN & set(say(rasa, odd, RISKY))
    assert httpx.get(f"{service}/v1/sessions/{quote(service_session_id(odd), safe=':')}/handoffs",
                     timeout=10).json()[0]["status"] == "open"
