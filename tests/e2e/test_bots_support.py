"""The support bot's crisis escalation against a real `rasa run` and action server.

Readings are injected by a stand-in emotion service; the crisis flag comes from the real
affect model (emotion.affect). Checks the handoff request, that the bot keeps answering every
message during the handoff (each one reaching the handoff's thread), that the person cannot end
it (not even by typing the resolve intent), and that a human's resolve resumes the bot.
"""
from __future__ import annotations

import httpx
import pytest
import yaml

from tests.e2e.processes import REPO
from policies.testing_bot import standin_service
from tests.e2e.rasa_server import rasa_server
from tests.e2e.web_sessions import conversation, said

pytestmark = pytest.mark.slow
GERMAN_DISCLOSURE = "ich kann nicht mehr, ich will mich heute nacht umbringen"
# turns whose screening the stand-in service answers as the real one does (its crisis detector
# reads seven languages; the affect model's stand-in screening reads English)
MEANS_AT_HAND = "i have the pills in front of me. im going to take them tonight"
SCREENED = {GERMAN_DISCLOSURE: {"crisis": {"risk": 0.98, "flag": True, "level": "high", "explicit": True,
                                           "category": "plan", "matched": ["umbringen"]}},
            MEANS_AT_HAND: {"crisis": {"risk": 0.99, "flag": True, "level": "high", "explicit": True,
                                       "category": "method", "matched": ["take them tonight"]}}}
RESPONSES = yaml.safe_load((REPO / "bot/support/domain.yml").read_text())["responses"]
TEXTS = {name: {r["text"] for r in variants} for name, variants in RESPONSES.items()}
ANSWERS = yaml.safe_load((REPO / "bot/support/actions/responses.yml").read_text())["answers"]


@pytest.fixture(scope="module")
def affect():
    from emotion.affect import AffectModel

    return AffectModel.load(threads=1)


@pytest.fixture(scope="module")
def bot(affect):
    label_of = lambda text: "sadness" if any(w in text for w in ("sad", "die", "lost", "kill")) else "neutral"  # noqa: E731
    derived_of = lambda text: SCREENED.get(text) or affect.derive(text, None, {})  # noqa: E731
    with standin_service(label_of, derived_of) as service:
        with rasa_server("support", emotion_service_url=service.url) as url:
            yield url, service


def say(url: str, sender: str, text: str) -> list[str]:
    return said(url, sender, text)


def tracker(url: str, sender: str) -> dict:
    return httpx.get(f"{url}/conversations/{conversation(url, sender)}/tracker", timeout=30).json()


def test_crisis_escalates_the_bot_stays_and_only_a_human_resolves(bot) -> None:
    url, service = bot
    sender = "crisis-e2e"
    assert say(url, sender, "hello")[0] in TEXTS["utter_greet"]
    assert "sad" in say(url, sender, "I lost my job and I feel so sad")[0]  # a reflection of the feeling
    assert not service.handoffs

    replies = say(url, sender, "I can't take it anymore, I want to kill myself")
    assert replies[0] in TEXTS["utter_crisis_concern"] and "(tel:988)" in replies[1]
    assert replies[2] in TEXTS["utter_handoff_joining"]
    assert len(service.handoffs) == 1
    session_id, request = service.handoffs[0]
    assert session_id == conversation(url, sender) and request["bot"] == "support" and "kill myself" in request["reason"]
    state = tracker(url, sender)
    assert state["paused"] is False
    assert state["slots"]["handoff_active"] is True and state["slots"]["crisis_flag"] is True
    escalation = [e for e in state["events"] if e["event"] == "action" and e["name"] == "action_escalate_crisis"]
    assert escalation and escalation[0]["policy"] == "EmotionRulesPolicy"

    # every later message gets an answer that fits it (not the same three lines each time: seventh
    # reading, M3), and reaches the supervisor's thread; nothing the person sends ends the handoff
    # typed, "/session_start" reaches the bot as plain words (it had started a session and emptied the page's history:
    # eleventh reading, M2): the conversation with the team stays open, and so does the handoff
    assert say(url, sender, "/session_start")[0] in ANSWERS["restart_in_handoff"]
    assert tracker(url, sender)["slots"]["handoff_active"] is True
    again = say(url, sender, "hello? are you there")  # heard, and who is coming and the numbers once again
    assert again[0] in TEXTS["utter_handoff_ack"] | set(ANSWERS["still_here"]), again
    assert any(r in TEXTS["utter_handoff_joining"] for r in again) and any("(tel:988)" in r for r in again), again
    for text in ("/restart", "/handoff_resolved"):  # then no words of the person's: the handoff stays, nothing more
        replies = say(url, sender, text)
        assert len(replies) == 1 and replies[0] in ANSWERS["restart_in_handoff"], (text, replies)
        assert tracker(url, sender)["slots"]["handoff_active"] is True, text
    bye = say(url, sender, "bye")  # a goodbye while waiting is a warning sign: asked, and the numbers again
    assert bye[0].startswith("Before you go") and any("(tel:988)" in r for r in bye), bye
    assert tracker(url, sender)["slots"]["handoff_active"] is True
    assert [m["text"] for s, m in service.thread if m["kind"] == "person"][-2:] == ["handoff_resolved", "bye"]
    assert len(service.handoffs) == 1

    # a supervisor writes (the dashboard appends the reply to the conversation, as a bot event), then
    # resolves: the service says so, and it triggers the bot's intent. (Resolved without a word, the
    # person is told that nobody could join: tests/rasa/test_support_listening.py.)
    wrote = httpx.post(f"{url}/conversations/{conversation(url, sender)}/tracker/events", timeout=60,
                       json=[{"event": "bot", "text": "Hi, I'm Sam from the support team. I'm here now."}])
    assert wrote.status_code == 200, wrote.text
    service.handoff_status[conversation(url, sender)] = "resolved"
    resumed = httpx.post(f"{url}/conversations/{conversation(url, sender)}/trigger_intent", timeout=60,
                         json={"name": "handoff_resolved"}, params={"output_channel": "collector"})
    assert resumed.status_code == 200, resumed.text
    assert [m["text"] for m in resumed.json()["messages"]] == [next(iter(TEXTS["utter_handoff_resolved"]))]
    assert tracker(url, sender)["slots"]["handoff_active"] is False
    assert say(url, sender, "thank you")[0] in TEXTS["utter_you_are_welcome"]


def test_ordinary_sadness_is_not_escalated(bot) -> None:
    url, service = bot
    before = len(service.handoffs)
    for text in ("I feel sad today, my grandmother passed away last month",
                 "I'm disappointed I didn't get the job", "hello"):
        assert say(url, "sad-e2e", text)
    assert len(service.handoffs) == before
    assert tracker(url, "sad-e2e")["paused"] is False


def test_a_conversation_rasa_forgot_is_back_in_its_handoff(bot) -> None:
    """Rasa loses the conversation (a restart with an in-memory tracker store, a replica without
    the state): the next message starts a new session, which finds the open handoff."""
    url, service = bot
    sender = "forgotten-e2e"
    say(url, sender, "I can't take it anymore, I want to kill myself")
    assert tracker(url, sender)["slots"]["handoff_active"] is True
    forgot = httpx.post(f"{url}/conversations/{conversation(url, sender)}/tracker/events", timeout=30, json=[{"event": "restart"}])
    assert forgot.status_code == 200 and forgot.json()["slots"]["handoff_active"] is None
    replies = say(url, sender, "hello? did you go away")
    assert replies and replies[0] in TEXTS["utter_handoff_ack"], replies
    assert tracker(url, sender)["slots"]["handoff_active"] is True


def test_a_person_writing_german_is_answered_in_german(bot) -> None:
    """Screen questions, concern, resources (the German helplines) and the handoff notice come in
    the language the person writes (bot/support/actions/i18n/de.yml), through the real bot."""
    url, service = bot
    german = yaml.safe_load((REPO / "bot/support/actions/i18n/de.yml").read_text())["responses"]
    sender = "german-e2e"
    replies = say(url, sender, GERMAN_DISCLOSURE)
    assert replies[0] in german["utter_crisis_concern"] and "(tel:08001110111)" in replies[1]
    answers = [line for lines in yaml.safe_load((REPO / "bot/support/actions/i18n/de.yml").read_text())["handoff"].values()
               for line in lines]
    assert any(r in answers for r in replies[2:]), replies          # "kann nicht mehr" is answered, in German
    after = [r for r in replies[2:] if r not in answers]
    assert after[0] in german["utter_handoff_joining"] + german["utter_handoff_waiting_time"], replies
    later = say(url, sender, "ok")                                     # too short to tell: still German
    assert later[0] in german["utter_handoff_ack"]


def test_direct_questions_are_answered_and_a_person_comes_when_asked(bot) -> None:
    """Who reads this, is it normal: answered (NLU intents ask_*); asking how to reach a person
    gives the helplines and the offer of someone from the team, and a yes opens a handoff."""
    url, service = bot
    answers = yaml.safe_load((REPO / "bot/support/actions/responses.yml").read_text())["answers"]
    privacy = say(url, "questions-1", "is this chat confidential? who reads my messages")
    assert privacy[0] in answers["ask_privacy"] + answers["ask_who_reads"], privacy  # who reads: its own answer (eighth reading, M3)
    normal = say(url, "questions-1", "is it normal to cry this much after a breakup??")
    assert any(normal[0].startswith(line) for line in answers["ask_normality"]), normal

    offer = say(url, "questions-2", "is there someone i can actually talk to")
    assert "(tel:988)" in offer[0] and offer[0].endswith("?"), offer
    assert tracker(url, "questions-2")["slots"]["offered_person"] is True
    assert not [h for h in service.handoffs if h[0] == conversation(url, "questions-2")]
    joined = say(url, "questions-2", "yes please")
    # someone is coming, said once (the waiting line only when a wait is known or someone claimed it)
    assert joined[0] in answers["person_joining"] and not set(joined[1:]) & set(TEXTS["utter_handoff_joining"]), joined
    (session, request), = [h for h in service.handoffs if h[0] == conversation(url, "questions-2")]
    assert request["reason"] == "the person asked to talk to a person"
    assert tracker(url, "questions-2")["slots"]["handoff_active"] is True

    # said outright, a person is asked for at once; a no to the offer is respected
    assert say(url, "questions-3", "can i talk to a real person please")[0] in answers["person_joining"]
    say(url, "questions-4", "is there a helpline i could call")
    assert say(url, "questions-4", "no thanks, not now")  # thanks or a no: never a handoff
    assert not [h for h in service.handoffs if h[0] == conversation(url, "questions-4")]


def test_a_request_for_a_person_can_be_withdrawn_but_a_crisis_handoff_stays(bot) -> None:
    """Fifth exploratory reading, M2: "actually never mind, im ok now" and "can you cancel it?" got
    "a person is on the way" and the emergency number; the request stayed in the queue."""
    url, service = bot
    answers = yaml.safe_load((REPO / "bot/support/actions/responses.yml").read_text())["answers"]
    assert say(url, "withdraw-1", "can i speak to a person please")[0] in answers["person_joining"]
    assert service.handoff_status[conversation(url, "withdraw-1")] == "open"
    withdrawn = say(url, "withdraw-1", "actually never mind, im ok now, sorry")
    assert withdrawn == answers["person_withdrawn"], withdrawn
    assert service.handoff_status[conversation(url, "withdraw-1")] == "resolved"
    assert tracker(url, "withdraw-1")["slots"]["handoff_active"] is False
    after = say(url, "withdraw-1", "i just had a long day at work")   # the bot goes on, no waiting lines
    assert after and not set(after) & (TEXTS["utter_handoff_ack"] | TEXTS["utter_handoff_joining"]), after
    # once someone from the team claimed it, they read it: the request stays
    say(url, "withdraw-2", "can i talk to a real person please")
    service.handoff_status[conversation(url, "withdraw-2")] = "claimed"
    assert answers["person_withdrawn"][0] not in say(url, "withdraw-2", "never mind, cancel it")
    assert service.handoff_status[conversation(url, "withdraw-2")] == "claimed"
    # a goodbye from a person who only asked for a person is no warning sign (sixth reading, M2)
    say(url, "withdraw-4", "can i talk to a real person please")
    assert not any("ending your life" in line for line in say(url, "withdraw-4", "ok thanks, bye"))
    # a crisis handoff is never withdrawn by the person's word
    say(url, "withdraw-3", MEANS_AT_HAND)
    assert answers["person_withdrawn"][0] not in say(url, "withdraw-3", "never mind im fine now")
    assert service.handoff_status[conversation(url, "withdraw-3")] == "open"
    assert tracker(url, "withdraw-3")["slots"]["handoff_active"] is True


def test_means_named_with_the_disclosure_are_answered_at_once(bot) -> None:
    """The escalation itself asks the person to put the means out of reach, before the wait."""
    url, service = bot
    replies = say(url, "means-1", MEANS_AT_HAND)
    assert replies[0] in TEXTS["utter_crisis_concern"] and "(tel:988)" in replies[1]
    assert "pills" in replies[2] and "out of reach" in replies[2], replies
    assert replies[3] in TEXTS["utter_handoff_joining"]
    assert [h for h in service.handoffs if h[0] == conversation(url, "means-1")]


FRENCH_DISCLOSURE = "j'en peux plus, je veux me tuer ce soir"
SCREENED[FRENCH_DISCLOSURE] = {"crisis": {"risk": 0.98, "flag": True, "level": "high", "explicit": True,
                                          "category": "plan", "matched": ["me tuer"]}}


def trigger(url: str, sender: str, intent: str) -> list[str]:
    reply = httpx.post(f"{url}/conversations/{conversation(url, sender)}/trigger_intent", timeout=60,
                       json={"name": intent}, params={"output_channel": "collector"})
    assert reply.status_code == 200, reply.text
    return [m["text"] for m in reply.json()["messages"]]


def test_during_a_handoff_questions_are_answered_and_a_late_one_says_call_now(bot) -> None:
    """How long, stop the numbers: answered (third exploratory reading, H9); once the dashboard's
    notice told the person not to wait, no line says "usually within 2 minutes" again (H7); the
    notice is in the person's language with their lines (H8)."""
    url, service = bot
    handoff = yaml.safe_load((REPO / "bot/support/actions/responses.yml").read_text())["handoff"]
    sender = "handoff-questions"
    say(url, sender, MEANS_AT_HAND)
    assert handoff["wait"]["lines"][0] in say(url, sender, "how long will it take?")
    london = say(url, sender, "I'm in London, who can I call?")
    assert handoff["who_to_call"]["lines"][0] in london and any("(tel:116123)" in r for r in london), london
    stop = say(url, sender, "can you stop with the hotline stuff")
    assert handoff["stop_numbers"]["lines"][0] in stop and not any("(tel:988)" in r for r in stop), stop
    assert not any("(tel:988)" in r for r in say(url, sender, "ok")), "the numbers came back"
    notice = trigger(url, sender, "handoff_waiting")
    assert notice[0] in TEXTS["utter_handoff_delayed"] and "(tel:116123)" in notice[1], notice  # London's lines
    after = say(url, sender, "ok")
    assert any(r in TEXTS["utter_handoff_overdue"] for r in after), after
    assert not set(after) & (TEXTS["utter_handoff_waiting_time"] | TEXTS["utter_handoff_joining"]), after

    # a person from the team claims it: the bot stops talking over them (third reading, M7)
    service.handoff_status[conversation(url, sender)] = "claimed"
    claimed = say(url, sender, "my sister can come over. i'll text her")
    assert len(claimed) == 1 and claimed[0] in TEXTS["utter_handoff_claimed"], claimed
    urgent = say(url, sender, MEANS_AT_HAND)  # high risk of its own still gets the safety lines
    assert any("out of reach" in r for r in urgent) and any("(tel:116123)" in r for r in urgent), urgent

    french = yaml.safe_load((REPO / "bot/support/actions/i18n/fr.yml").read_text())["responses"]
    say(url, "handoff-french", FRENCH_DISCLOSURE)
    notice = trigger(url, "handoff-french", "handoff_waiting")
    assert notice[0] in french["utter_handoff_delayed"] and "3114" in notice[1], notice


def test_someone_elses_emergency_and_abuse_get_their_own_answer_through_rasa(bot) -> None:
    # fourth exploratory reading: a parent's poisoning emergency got a grounding exercise (H3), a
    # person hit by their partner four suicide questions (H7); the NLU component tags the
    # situation, the policy's rule answers it first, the action server says the locale's numbers
    url, _ = bot
    said = say(url, "situation-emergency", "my 5 year old swallowed some pills what do i do")
    assert said[0].startswith("This sounds like an emergency") and "911" in said[0]
    assert "grounding" not in " ".join(said).lower()
    said = say(url, "situation-abuse", "my boyfriend hit me again last night")
    assert "not your fault" in said[0] and not any("wish" in line and "dead" in line for line in said)
    follow = say(url, "situation-abuse", "he says its my fault because i make him angry")
    assert follow and follow[0] != said[0] and not any("killing yourself" in line for line in follow)
