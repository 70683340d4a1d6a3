"""The ninth exploratory reading of the demo, tutor findings: a worried or frightened child answered with maths, and
"Great work today" after a disclosure (M6); questions taken for answers or off-task chat (M7); handoffs: "has finished
talking with you" when nobody wrote, "is the person still there?" parked, the same line to every message (M10);
"/restart" wiping a disclosure and "/session_start" breaking a turn (M13); goodbyes outside English (M2). Each test
failed before its fix."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bot.tutor.actions import wellbeing
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.lines import say
from bot.tutor.actions.messages import says_goodbye
from tests.rasa.test_tutor_eighth_reading import decide

CURRICULUM = load_curriculum()
FIRST = CURRICULUM.first()  # Simplify 2/4. -> 1/2
DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot" / "tutor" / "domain.yml").read_text())
LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-BR"}


def on_first(**fields) -> Learner:
    return replace(Learner().on_item(FIRST.id), **fields)


def run(action, text: str, slots: dict, intent: str = "lesson", lang: str = "en", events: list | None = None):
    """What ``action`` says to ``text`` (after ``events``) with ``slots``, on a page in ``lang``, and its events."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": {"locale": LOCALES[lang]}}
    history = [*(events or []), {"event": "user", "text": text, "parse_data": latest}]
    tracker = Tracker("s", slots, latest, history, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, DOMAIN)
    result = asyncio.run(result) if asyncio.iscoroutine(result) else result
    return [m["text"] for m in dispatcher.messages], result




@pytest.fixture
def service(monkeypatch) -> dict:
    """No handoff service: the alerts, and the handoff status the test sets."""
    from bot.tutor.actions import wellbeing_actions

    state: dict = {"alerts": [], "status": None, "thread": []}

    async def request_handoff(session_id, reason, **kwargs):
        state["alerts"].append(reason)
        return {"id": 1}

    async def handoff_status(session_id):
        return {"id": 1, "status": state["status"]} if state["status"] else None

    async def add_to_thread(session_id, messages):
        state["thread"].extend(messages)
        return True

    monkeypatch.setattr(wellbeing_actions.handoff, "request_handoff", request_handoff)
    monkeypatch.setattr(wellbeing_actions.handoff, "handoff_status", handoff_status)
    monkeypatch.setattr(wellbeing_actions.handoff, "add_to_thread", add_to_thread)
    return state


def help_for(lang: str) -> str:
    from bot.tutor.actions.help_lines import with_help

    return with_help("{help}", LOCALES[lang], lang)


# --- M6: fear, worry or distress about home, family or safety ---

@pytest.mark.parametrize("text, lang", [
    ("my dad didnt come home last night", "en"),
    ("mum says he's at my uncle's but she was crying", "en"),
    ("i'm scared", "en"),
    ("ho paura che muoia", "it"),
    ("la mia mamma è in ospedale", "it"),
    ("i cant stop crying", "en"),
    ("tengo miedo", "es"),
    ("ich hab solche Angst", "de"),
    ("j'ai peur", "fr"),
    ("ik ben bang", "nl"),
    ("estou com medo", "pt"),
])
def test_fear_or_worry_stops_the_maths_and_asks_what_is_happening(text: str, lang: str, service: dict) -> None:
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert wellbeing.concern(text) == "worry"
    assert decide(text).action == "action_wellbeing"
    lines, events = run(ActionWellbeing(), text, {"learner": on_first().to_slot()}, lang=lang)
    assert lines == [say("worry_line", lang).replace("{help}", help_for(lang))]
    assert FIRST.question not in " ".join(lines)
    assert {"event": "slot", "name": "wellbeing_check", "value": "worry", "timestamp": None} in events
    assert "what's happening" in say("worry_line") and "stop the lesson" in say("worry_line")


def test_a_worry_about_the_lesson_is_no_worry_about_home() -> None:
    for text in ("i'm scared i'll get it wrong", "i'm afraid i don't know", "j'ai peur de me tromper"):
        assert wellbeing.concern(text) is None, text


def test_the_lesson_waits_while_the_child_talks_and_each_reply_differs() -> None:
    """c11: "my dad didnt come home last night", "mum says he's at my uncle's but she was crying", "i'm scared"."""
    said: list[str] = []
    lines, pending, goes_on = wellbeing.reply("my dad didnt come home last night", None)
    assert lines == [say("worry_line")] and pending == "worry" and not goes_on
    said = lines + said
    for text in ("mum says he's at my uncle's but she was crying", "i'm scared", "i dont know where he is"):
        assert decide(text, wellbeing_check=pending).action == "action_wellbeing"
        lines, pending, goes_on = wellbeing.reply(text, pending, recent=said)
        assert pending == "worry" and not goes_on and lines and lines[0] not in said, text
        said = lines + said
    # an answer, or the start word, takes the child back to the lesson, and the worry is cleared by the move
    assert decide("1/2", wellbeing_check="worry").action == "action_praise_next"


def test_after_a_worry_a_plain_okay_goes_back_to_fractions() -> None:
    """c47: "my parents are getting divorced", then "its fine i guess" got a quick-fire round."""
    _, pending, _ = wellbeing.reply("my parents are getting divorced", None)
    assert pending == "worry"
    assert decide("its fine i guess", wellbeing_check=pending).action == "action_wellbeing"
    assert wellbeing.reply("its fine i guess", pending) == ([say("glad_worry")], None, True)


def test_grief_then_crying_is_no_maths() -> None:
    """c42: "my grandpa died yesterday", then "i cant stop crying" got a step down and a new question."""
    _, pending, _ = wellbeing.reply("my grandpa died yesterday", None)
    assert decide("i cant stop crying", wellbeing_check=pending).action == "action_wellbeing"
    lines, pending, goes_on = wellbeing.reply("i cant stop crying", pending)
    assert not goes_on and pending == "worry" and lines


@pytest.mark.parametrize("text, kind", [
    ("some boys in my class keep taking my bag and pushing me in the corridor", "harm_at_home"),  # c09
    ("j'ai peur de rentrer ce soir", "harm_at_home"),                                           # d10
    ("mis padres gritan mucho", "home"),                                                       # c45
])
def test_bullying_fear_of_going_home_and_shouting_parents_are_heard(text: str, kind: str) -> None:
    assert wellbeing.concern(text) == kind
    assert decide(text).action == "action_wellbeing"


def test_after_a_disclosure_a_goodbye_is_a_caring_one_with_the_help_line() -> None:
    """c28, c09, c39: "bye" after a disclosure got "Great work today. See you next time!"."""
    from bot.tutor.actions.greeting import ActionGoodbye

    told = [{"event": "user", "text": "if i get this wrong my mom hits me"},
            {"event": "user", "text": "she did it last week with a belt"}]
    lines, _ = run(ActionGoodbye(), "bye", {"learner": on_first().to_slot()}, intent="goodbye", events=told)
    assert lines == [say("goodbye_caring").replace("{help}", help_for("en"))] and "Great work" not in lines[0]
    lines, _ = run(ActionGoodbye(), "bye", {"learner": on_first().to_slot(), "wellbeing_check": "asked"}, intent="goodbye")
    assert lines[0].startswith("Bye for now, and please take care of yourself.")
    lines, _ = run(ActionGoodbye(), "adiós", {"learner": on_first().to_slot()}, intent="goodbye", lang="es",
                   events=[{"event": "user", "text": "tengo miedo"}])
    assert lines == [say("goodbye_caring", "es").replace("{help}", help_for("es"))]
    lines, _ = run(ActionGoodbye(), "bye", {"learner": on_first().to_slot()}, intent="goodbye",
                   events=[{"event": "user", "text": "1/2"}])
    assert lines == [DOMAIN["responses"]["utter_goodbye"][0]["text"]]  # an ordinary lesson: praise, as before


# --- M7: questions taken for answers or for off-task chat ---

@pytest.mark.parametrize("text, lang, expected", [
    ("est-ce que 2/4 c'est pareil que 1/2 ?", "fr", "compare_same"),
    ("quanto fa 1/2 + 1/4?", "it", "1/2 + 1/4 = 2/4 + 1/4 = 3/4."),
    ("perché 3/4 è più grande di 2/3?", "it", "compare_bigger"),
    ("how do you know 6/8 is 3/4", "en", "6 ÷ 2 = 3 and 8 ÷ 2 = 4, so 6/8 = 3/4."),
    ("is one third the answer or is it three ninths", "en", "compare_same"),
])
def test_a_question_is_answered_not_graded_or_parked(text: str, lang: str, expected: str) -> None:
    from bot.tutor.actions.questions import ActionAnswerQuestion

    learner = on_first() if "6/8" not in text else Learner().on_item(CURRICULUM.pick(1, 1, set(), avoid=FIRST.id).id)
    assert decide(text, learner=learner).action == "action_answer_question"
    lines, _ = run(ActionAnswerQuestion(), text, {"learner": learner.to_slot()}, lang=lang)
    if expected == "compare_same":
        assert "1/2" in lines[0] or "1/3" in lines[0]
        assert say("compare_same", lang, a="X", b="Y").split("X")[0] in lines[0], lines
    elif expected == "compare_bigger":
        assert say("compare_bigger", lang, big="3/4", small="2/3") in lines[0], lines
    else:
        assert expected in lines[0], lines
    assert "pizza" not in lines[0] and "number line" not in lines[0]
    if text.startswith("is one third"):  # 1/3 and 3/9 are not this exercise's answer: not "both are right"
        assert not any("right in value" in line for line in lines)


def test_why_is_that_after_a_worked_example_is_a_question() -> None:
    """c06: "warum ist das so?" after the worked example got "Lass uns das kurz parken"."""
    assert decide("warum ist das so?", learner=on_first(worked=True)).action == "action_answer_question"
    assert decide("à quoi ça sert ?").action != "action_answer_question"  # "what's the point" stays a frustration


def test_a_question_before_the_lesson_is_answered_then_the_lesson_starts() -> None:
    """c01: "why is 3/4 bigger than 2/3" before starting got the lesson's start and was never answered."""
    from bot.tutor.actions.actions import ActionStart

    lines, _ = run(ActionStart(), "why is 3/4 bigger than 2/3", {})
    assert say("compare_bigger", big="3/4", small="2/3") in lines[0]
    assert lines[-1] == say("first_question", question=FIRST.question)
    lines, _ = run(ActionStart(), "let's start", {})  # no question: the start as before
    assert lines[0].startswith("Let's practise")


# --- M10: tutor handoffs ---

SUPERVISOR = {"event": "bot", "text": "Hi, I'm Sam, a real person from the team."}


def test_a_resolve_with_a_note_only_says_that_nobody_could_talk_with_the_child(service: dict) -> None:
    """d11: "De persoon van ons team is klaar met het gesprek met jou" when nobody wrote to the child."""
    from bot.tutor.actions.wellbeing_actions import ActionTutorHandoffUpdate

    service["status"] = "resolved"
    listen = {"event": "action", "name": "action_listen"}
    lines, _ = run(ActionTutorHandoffUpdate(), "EXTERNAL: handoff_resolved", {}, intent="handoff_resolved", lang="nl",
                   events=[{"event": "user", "text": "mijn stiefvader slaat me"}, {"event": "action", "name": "action_wellbeing"},
                           {"event": "bot", "text": "Dank je dat je me dit vertelt."}, listen])
    assert lines[0].startswith("Het spijt me: niemand van ons team kon hier met je praten.")
    assert help_for("nl") in lines[0] and "klaar met het gesprek" not in lines[0]
    lines, _ = run(ActionTutorHandoffUpdate(), "EXTERNAL: handoff_resolved", {}, intent="handoff_resolved",
                   events=[{"event": "action", "name": "action_wellbeing"}, {"event": "bot", "text": "Thank you."}, listen,
                           SUPERVISOR])
    assert lines == [DOMAIN["responses"]["utter_tutor_handoff_resolved"][0]["text"]]


def test_is_the_person_still_there_after_a_resolve_is_answered(service: dict) -> None:
    """d08: "is the person still there?" after the resolve got "Let's park that and get back to fractions"."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert decide("is the person still there?").action == "action_wellbeing"
    service["status"] = "resolved"
    earlier = [{"event": "action", "name": "action_listen"}, SUPERVISOR,
               {"event": "action", "name": "action_tutor_handoff_update"},
               {"event": "bot", "text": DOMAIN["responses"]["utter_tutor_handoff_resolved"][0]["text"]}]
    lines, _ = run(ActionWellbeing(), "is the person still there?", {"learner": on_first().to_slot()}, events=earlier)
    assert lines[0] == say("person_finished").replace("{help}", help_for("en"))
    assert lines[1] == say("still_your_question", question=FIRST.question)
    service["status"] = None
    lines, _ = run(ActionWellbeing(), "hello?", {"learner": on_first().to_slot()})
    assert lines[0] == say("i_am_here")


def test_while_waiting_each_message_gets_a_different_line(service: dict) -> None:
    """d10: "il y a quelqu'un ?", "j'ai peur de rentrer ce soir", "tu es là ?" each got the same block."""
    from bot.tutor.actions.help_lines import with_help

    said = [with_help(say("harm_line", "fr"), "fr-FR", "fr")]
    for text in ("il y a quelqu'un ?", "j'ai peur de rentrer ce soir", "tu es là ?", "allo ?"):
        lines, pending, goes_on = wellbeing.reply(text, "asked", lang="fr", recent=said)
        assert pending == "asked" and not goes_on
        filled = [with_help(line, "fr-FR", "fr") for line in lines]
        assert filled[0] not in said, text
        said = filled + said
    assert wellbeing.reply("no", "asked", recent=[with_help(say("not_okay"), "en-GB")])[0][0] != say("not_okay")


# --- M13: typed commands ---

def test_a_typed_restart_is_answered_and_wipes_nothing() -> None:
    """e16: "/restart" after "i want to kill myself" got no reply, and the check-in was gone."""
    from rasa_sdk.events import Restarted

    from bot.tutor.actions.commands import ActionTutorRestart

    lines, events = run(ActionTutorRestart(), "/restart", {"learner": on_first().to_slot(), "wellbeing_check": "asked"},
                        intent="restart")
    assert lines == [say("command"), say("ask_again")] and Restarted() not in events
    lines, _ = run(ActionTutorRestart(), "/restart", {"learner": on_first().to_slot()}, intent="restart", lang="de")
    assert lines == [say("command", "de"), say("still_your_question", "de", question=load_curriculum(lang="de").first().question)]
    assert {"action_restart", "action_session_start"} <= set(DOMAIN["actions"])


def test_a_typed_session_start_is_answered_and_the_slots_carry_over() -> None:
    """e16: "/session_start" got the channel's "I'm having trouble answering right now"."""
    from rasa_sdk.events import SessionStarted, SlotSet

    from bot.tutor.actions.commands import ActionTutorSessionStart

    slots = {"learner": on_first().to_slot(), "wellbeing_check": "crisis"}
    lines, events = run(ActionTutorSessionStart(), "/session_start", slots, intent="session_start")
    assert lines == [say("command"), say("ask_again")]
    assert events[0] == SessionStarted() and SlotSet("wellbeing_check", "crisis") in events
    # a session Rasa starts on its own (no typed command as the latest event) says nothing
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    tracker = Tracker("s", slots, {}, [{"event": "action", "name": "action_listen"}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionTutorSessionStart().run(dispatcher, tracker, DOMAIN))
    assert dispatcher.messages == [] and SlotSet("wellbeing_check", "crisis") in events


# --- M2: goodbyes outside English ---

@pytest.mark.parametrize("text", ["merci au revoir", "adiós", "ciao", "ciao ciao", "doei", "tchau", "tschüss", "bye"])
def test_a_goodbye_in_any_of_the_seven_languages_is_heard(text: str) -> None:
    assert says_goodbye(text)
    assert decide(text, intent="greet" if text.startswith("ciao") else "lesson").action == "action_goodbye"
    assert decide(text, wellbeing_check="asked").action == "action_goodbye"


def test_back_after_a_pause_goes_back_to_the_lesson() -> None:
    """"sorry im back, had dinner" after "my parents were fighting again all night": the lesson, with a welcome back
    (tests/e2e/test_bots_tutor.py), not another listening line."""
    decision = decide("sorry im back, had dinner", wellbeing_check="worry")
    assert decision.action not in ("action_wellbeing", "action_goodbye"), decision
    assert decide("he said sorry and went back to bed", wellbeing_check="worry").action == "action_wellbeing"


def test_a_goodbye_read_at_risk_is_asked_about_first() -> None:
    """"bye everyone" read at possible risk gets the safety check, not the goodbye."""
    assert decide("bye everyone", risk=0.6).action == "action_safety_check"
    assert decide("bye everyone").action == "action_goodbye"


def test_ciao_before_the_lesson_is_still_a_greeting_and_answers_are_no_goodbyes() -> None:
    assert decide("ciao", intent="greet", learner=Learner()) is None  # the greet rule
    for text in ("1/2", "i give up", "see you used 2", "dag 3/4"):
        assert not says_goodbye(text), text
