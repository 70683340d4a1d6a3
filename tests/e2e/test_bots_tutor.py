"""The fractions tutor against a real `rasa run` and action server.

A stand-in emotion service injects the derived tutoring states (by keyword of the student's
text), so each pedagogical move of TutorAffectPolicy is asserted exactly: the ladder of wrong
answers, questions that contain fractions, confusion, frustration and boredom, and pedagogical
honesty (a changed item is announced and shown; the current item is always restated).
"""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml

from policies.testing_bot import per_turn_actions, standin_service
from tests.e2e.rasa_server import rasa_server
from tests.e2e.web_sessions import conversation, said

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def tutoring(confusion=0.05, frustration=0.05, boredom=0.05, engagement=0.3) -> dict:
    return {"crisis": {"risk": 0.01, "flag": False, "matched": []}, "distress": 0.1,
            "tutoring": {"confusion": confusion, "frustration": frustration, "boredom": boredom,
                         "engagement": engagement, "cues": []}}


def derived_of(text: str) -> dict:
    if text in ("i want to stop", "i dont feel safe at home"):  # the detector reads both as possible risk
        return {**tutoring(), "crisis": {"risk": 0.8, "flag": False, "level": "possible", "matched": []}}
    if "kill myself" in text:
        return {**tutoring(), "crisis": {"risk": 0.99, "flag": True, "level": "high", "matched": ["kill myself"]}}
    if "not safe at home" in text:
        return {**tutoring(), "crisis": {"risk": 0.75, "flag": False, "level": "possible", "matched": []}}
    if "don't get" in text or "lost" in text:
        return tutoring(confusion=0.9)
    if "give up" in text:
        return tutoring(frustration=0.9)
    if "boring" in text:
        return tutoring(boredom=0.9)
    return tutoring()


@pytest.fixture(scope="module")
def bot():
    with standin_service(lambda text: "neutral", derived_of) as service:
        with rasa_server("tutor", emotion_service_url=service.url) as url:
            yield url, service


def say(url: str, text: str, sender: str) -> list[str]:
    """The tutor's lines to ``text`` in the test's conversation ``sender``, held as the chat page holds it (a child's
    conversation with a handoff is not a plain REST sender's to write in)."""
    return [line or "" for line in said(url, sender, text, timeout=60)]


def moves(url: str, sender: str) -> list[str]:
    tracker = httpx.get(f"{url}/conversations/{conversation(url, sender)}/tracker", timeout=30).json()
    return [",".join(actions) for actions in per_turn_actions(tracker)]


def test_wrong_answers_climb_the_ladder_and_the_question_is_never_changed_silently(bot) -> None:
    url, service = bot
    s = "ladder"
    assert "fractions tutor" in say(url, "hi", s)[0]
    start = say(url, "let's start", s)
    assert start[-1] == "Here's your first one: Simplify 2/4."
    # a question that holds fractions is answered, not marked wrong; the item is restated
    asked = say(url, "why is 3/4 bigger than 2/3?", s)
    assert "9/12" in asked[0] and "8/12" in asked[0] and "3/4 is bigger than 2/3" in asked[0]
    assert asked[-1] == "Back to your exercise: Simplify 2/4."
    # "not 1/2" is asked about, not marked (neither right nor wrong)
    assert say(url, "not 1/2", s) == ["Do you mean the answer is 1/2, or that it isn't? Type just your answer, like 3/4.",
                                      "Simplify 2/4."]
    # the question's own fraction written back is a try that was not right: it climbs the ladder
    assert say(url, "2/4", s) == ["That's the fraction from the question itself: it still needs simplifying.",
                                  "Simplify 2/4."]
    hint = say(url, "is it 1/4?", s)
    assert hint[0].startswith("Not quite. Here's a hint:")
    worked = say(url, "3/4", s)
    assert "worked example" in worked[0] and "2/6" in worked[0]          # a similar item, not this one
    assert worked[-1] == "Now try yours the same way: Simplify 2/4."
    shown = say(url, "2", s)
    assert shown[0].startswith("Let's work through this one together.") and "So the answer is 1/2." in shown[0]
    assert shown[1].startswith("Now let's try a new one like it") and shown[2].startswith("New question: Simplify")
    assert moves(url, s)[1:] == ["action_start", "action_answer_question", "action_retry", "action_retry",
                                 "action_hint", "action_worked_example", "action_show_answer"]
    # the channel sent the tutor's cues with each turn: wrong answers in a row, hints, response time
    cues = [t["cues"] for t in service.turns if t["session_id"] == conversation(url, s)]
    assert cues[-1]["wrong_in_a_row"] == 3 and cues[-1]["hint_requests"] == 1 and cues[-1]["response_time_s"] >= 0


def test_affect_read_with_performance(bot) -> None:
    url, _ = bot
    s = "affect"
    say(url, "hello", s)
    say(url, "let's start", s)
    first = say(url, "I don't get it", s)
    second = say(url, "still lost", s)
    assert first[0].startswith("Let me put it another way.") and second[0].startswith("Let me put it another way.")
    assert first[0] != second[0]                                          # a different explanation each time
    assert say(url, "I don't get it at all", s)[0].startswith("Let's look at a worked example")
    praise = say(url, "1/2", s)
    assert praise[0].startswith(("That's right", "Yes,", "Correct,", "Spot on")) and "fast" not in praise[0]
    after_two = say(url, "1/3", s)
    assert after_two[-2] == "You got 2 in a row, so the next one is a bit harder."
    # boredom after a correct streak: challenge, announced, with the new question
    bored = say(url, "this is boring", s)
    assert bored[0].startswith("You're finding this easy, so let's go up a step") and bored[1].startswith("New question:")
    # frustration: an easier item, announced
    frustrated = say(url, "ugh I give up", s)
    openings = ("That's frustrating, and it's okay: fractions can be tricky, and struggling is part of learning.",
                "It's okay to feel stuck. Let's go one step at a time.",
                "Let's slow down. Feeling like this is normal when something is new.")  # in turn (actions.STEP_DOWN)
    assert frustrated[0] in openings and frustrated[1].startswith("Let's take a step back to an easier one")
    assert frustrated[-1].startswith("New question:")
    # off-task chat and neutral comments restate the current item
    assert say(url, "ok", s)[-1].startswith("Your question is still:")
    assert moves(url, s)[1:] == ["action_start", "action_explain", "action_explain", "action_worked_example",
                                 "action_praise_next", "action_praise_next", "action_challenge", "action_step_down",
                                 "action_keep_pace"]
    tracker = httpx.get(f"{url}/conversations/{conversation(url, s)}/tracker", timeout=30).json()
    learner = tracker["slots"]["learner"]
    assert learner["mastery"]["1"] > 0.5 and learner["correct_in_a_row"] == 2


def test_frustration_again_offers_a_break_and_the_place_is_kept(bot) -> None:
    """Third exploratory reading, M21: each sign of frustration brought an easier item and nothing
    else; the second since the last correct answer now offers a break, and a break keeps the place."""
    url, _ = bot
    s = "break"
    say(url, "let's start", s)
    offer = "If you need a breather, say \"break\" and I'll keep your place."
    first = say(url, "ugh I give up", s)
    assert not any(line.startswith(offer) for line in first), first
    second = say(url, "i give up again", s)
    assert any(line.startswith(offer) for line in second) and second[-1].startswith("New question:"), second
    question = second[-1].removeprefix("New question: ")
    assert say(url, "can i take a break", s) == [
        "Good idea. Take five minutes: stand up, stretch, have a drink of water. Your place is saved; just write "
        "when you're back."]
    back = say(url, "ok im back", s)
    assert back[0] == "Welcome back!" and back[-1] == f"Your question is still: {question}", back
    assert say(url, "ok", s)[0] != "Welcome back!"                      # welcomed once
    assert moves(url, s) == ["action_start", "action_step_down", "action_step_down", "action_wellbeing",
                             "action_keep_pace", "action_keep_pace"]


def test_risk_stops_the_lesson_until_the_student_is_okay_and_a_person_is_alerted(bot) -> None:
    """Third exploratory reading, H12: after risk language the lesson waits for a check-in (an
    answer meanwhile is still marked), and a person from the team is alerted (a handoff)."""
    url, service = bot
    s = "safety"
    say(url, "let's start", s)
    assert "talk to an adult you trust right now" in say(url, "sometimes i want to kill myself", s)[0]
    (session, request), = [h for h in service.handoffs if h[0] == conversation(url, s)]
    assert request["bot"] == "tutor" and "risk language" in request["reason"]
    marked = say(url, "1/2", s)
    assert marked[0] == "That's right." and marked[1].startswith("Before we go on") and len(marked) == 2, marked
    assert say(url, "no not really", s)[0].startswith("I'm sorry things are this hard")
    resumed = say(url, "yeah im ok now, i told my mum", s)
    assert resumed[0].startswith("I'm really glad") and resumed[-1].startswith("Your question is still"), resumed
    check = say(url, "i dont feel safe at home", s)                       # possible risk: asked, then the lesson
    assert check[0].startswith("Thanks for telling me. Are you safe right now?") and "988" in check[0]
    assert "{help}" not in check[0]
    assert moves(url, s) == ["action_start", "action_tutor_crisis", "action_wellbeing", "action_wellbeing",
                             "action_wellbeing", "action_safety_check"]
    assert say(url, "1/2", s)[0].startswith(("That's right", "Yes,", "Correct,", "Spot on"))  # the lesson goes on
    stop = say(url, "i want to stop", "stopping")                          # the lesson, not a safety check (fourth reading)
    assert stop[0].startswith("Of course, let's stop here for today"), stop


def test_grief_and_a_wish_to_stop_pause_the_lesson(bot) -> None:
    """Third exploratory reading, H13: no fractions explanation to a grieving student, and "can we
    stop for today" stops (no new question); harm at home alerts a person (fourth reading, H14)."""
    url, service = bot
    s = "grief"
    say(url, "let's start", s)
    grief = say(url, "my grandma died last week and i cant focus", s)
    assert grief[0].startswith("I'm so sorry about your grandma") and not any("question" in r for r in grief), grief
    home = say(url, "my dad hits me when he's drunk", "harm")          # fourth exploratory reading, H14
    assert home[-1].startswith("Thank you for telling me. That's not okay, and it's not your fault."), home
    assert [h for h in service.handoffs if h[0] == conversation(url, "harm")]
    stop = say(url, "can we stop for today", s)
    assert stop == ["Of course, let's stop here for today. Thanks for sticking with it; your progress is saved for next time."], stop


def test_reasoning_worries_and_a_stop_in_french_through_the_real_bot(bot) -> None:
    """Sixth exploratory reading: a right answer with its reasoning was marked wrong (H11), a fight at
    home got a step down (H8), "on peut arrêter ?" was parked as off-task (H10), "i'm back" got
    "Take your time" (L5)."""
    url, _ = bot
    s = "sixth"
    say(url, "let's start", s)
    reasoned = say(url, "the answer is 1/2 because 2 goes into both", s)
    assert reasoned[0].startswith(("That's right", "Yes,", "Correct,", "Spot on")), reasoned
    home = say(url, "my parents were fighting again all night", s)
    assert home[0].startswith("That sounds really hard, and it's not your fault.") and len(home) == 1, home
    back = say(url, "sorry im back, had dinner", s)
    assert back[0] == "Welcome back!" and back[-1].startswith("Your question is still:"), back
    stop = say(url, "je suis fatiguée, on peut arrêter ?", s)
    # asked in French, answered in French (the tutor writes in the student's language)
    french = yaml.safe_load((REPO / "bot" / "tutor" / "i18n" / "fr.yml").read_text(encoding="utf-8"))["lines"]
    assert stop[0] == french["stopping"], stop
