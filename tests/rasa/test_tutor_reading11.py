"""The eleventh exploratory reading of the demo, tutor findings: a child's answers never reached the supervisor's live
thread of a tutor handoff, and "can we do fractions now" got no line (H5); "one and a half" marked right for 2/4 and
"drei" refused for 48/16 (M3); a tired child given a quick-fire round, a stop not kept, and "please dont tell anyone"
answered with the help lines again (M7); a solved item served again, "ciao, cominciamo" and "c'est quoi la réponse"
(L2). Each test failed before its fix."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from bot.tutor.actions import wellbeing
from bot.tutor.actions.answers import grade, in_digits, parse_answer
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.lines import say
from bot.tutor.actions.messages import is_answer
from bot.tutor.actions.pedagogy import Turn, choose_move, load_pedagogy, next_item
from tests.rasa.test_tutor_eighth_reading import decide

CURRICULUM, PEDAGOGY = load_curriculum(), load_pedagogy()
FIRST = CURRICULUM.first()  # Simplify 2/4. -> 1/2
DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot" / "tutor" / "domain.yml").read_text())
LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-BR"}


def on(item_id: str, **fields) -> Learner:
    return replace(Learner().on_item(item_id), **fields)


class Child:
    """One conversation with the tutor's actions: the slots and events it builds up, as the action server sees them."""

    def __init__(self, lang: str = "en") -> None:
        self.slots: dict = {"learner": Learner().to_slot()}
        self.events: list[dict] = []
        self.locale = LOCALES[lang]

    def says(self, text: str, action, intent: str = "lesson") -> list[str]:
        latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": {"locale": self.locale}}
        self.events.append({"event": "user", "text": text, "parse_data": latest})
        return self.run(action, latest)

    def run(self, action, latest: dict) -> list[str]:
        from rasa_sdk import Tracker
        from rasa_sdk.executor import CollectingDispatcher

        tracker = Tracker("child", dict(self.slots), latest, list(self.events), False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, tracker, DOMAIN)
        events = asyncio.run(events) if asyncio.iscoroutine(events) else events
        self.slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        lines = [m["text"] for m in dispatcher.messages if m.get("text")]
        self.events += [{"event": "action", "name": action.name()}, *({"event": "bot", "text": line} for line in lines),
                        {"event": "action", "name": "action_listen"}]
        return lines

    def team_writes(self, text: str) -> None:
        """The supervisor's reply, which the dashboard appends to the conversation itself."""
        self.events.append({"event": "bot", "text": text})


@pytest.fixture
def team(monkeypatch) -> dict:
    """The handoff service: the handoffs asked for, the status the test sets, the live thread and the status calls."""
    from connectors import handoff

    state: dict = {"alerts": [], "status": None, "thread": [], "asked": 0}

    async def request_handoff(session_id, reason, **kwargs):
        state["alerts"].append(reason)
        state["status"] = state["status"] or "open"
        return {"id": 54, "status": state["status"]}

    async def handoff_status(session_id):
        state["asked"] += 1
        return {"id": 54, "status": state["status"]} if state["status"] else None

    async def add_to_thread(session_id, messages):
        state["thread"].extend(messages)
        return True

    monkeypatch.setattr(handoff, "request_handoff", request_handoff)
    monkeypatch.setattr(handoff, "handoff_status", handoff_status)
    monkeypatch.setattr(handoff, "add_to_thread", add_to_thread)
    return state


def help_for(lang: str = "en") -> str:
    from bot.tutor.actions.help_lines import with_help

    return with_help("{help}", LOCALES[lang], lang)


# --- H5: the child's messages during a tutor handoff reach the supervisor's live thread ---

def test_the_childs_answers_reach_the_supervisors_thread_once_and_in_order(team: dict) -> None:
    """D04: "no im at school" and "can we do fractions now" never reached handoff #54's thread."""
    from bot.tutor.actions.actions import ActionStart
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child()
    child.says("let's start", ActionStart())
    assert team["thread"] == [] and team["asked"] == 0  # no handoff: no thread, and the service is not asked
    disclosure = "my mum's boyfriend hurts me when she's at work and I'm scared to go home"
    assert decide(disclosure).action == "action_wellbeing"
    harm = child.says(disclosure, ActionWellbeing())
    assert team["alerts"] and child.slots["handoff_id"] == 54.0
    assert team["thread"] == [("bot", harm[0])]  # the disclosure is the transcript's last message, not said again
    team["status"] = "claimed"
    child.team_writes("Hi, I'm Alex, a grown-up from the team. You did the right thing telling us. "
                      "Are you at home right now?")
    joined = child.says("no im at school", ActionWellbeing())
    # the child answers the person from the team: no "has joined" over them (reading 12, L3), but never nothing (reading 13,
    # H5: the channel sent its safety net with adult lines)
    assert joined == [say("team_reading")]
    assert team["thread"][1:] == [("person", "no im at school"), ("bot", joined[0])]  # the team sees what was said
    pending = child.slots["wellbeing_check"]
    assert pending == "claimed" and decide("can we do fractions now", wellbeing_check=pending).action == "action_wellbeing"
    waits = child.says("can we do fractions now", ActionWellbeing())
    assert waits == [say("lesson_waits_for_the_team")] and FIRST.question not in waits[0]  # the lesson waits, said so
    assert team["thread"][3:] == [("person", "can we do fractions now"), ("bot", waits[0])]
    reading = child.says("ok", ActionWellbeing())  # the person from the team answers; the tutor says only that they read it
    assert reading == [say("team_reading", variant=1)]
    assert team["thread"][5:] == [("person", "ok"), ("bot", reading[0])]
    asked_again = child.says("can we do fractions now", ActionWellbeing())
    assert asked_again == [say("lesson_waits_for_the_team", variant=1)]  # not the same line twice


def test_a_message_answered_by_a_second_action_is_not_copied_twice(team: dict) -> None:
    from bot.tutor.actions.actions import ActionKeepPace

    team["status"] = "open"
    child = Child()
    child.slots.update({"learner": on(FIRST.id).to_slot(), "handoff_id": 54.0})
    child.says("ok", ActionKeepPace())
    latest = {"text": "ok", "intent": {"name": "lesson"}, "metadata": {}}
    child.run(ActionKeepPace(), latest)  # a second action after the same message, with no new user event
    assert [m for m in team["thread"] if m[0] == "person"] == [("person", "ok")]
    assert [m for m in team["thread"] if m[0] == "bot"] and len(team["thread"]) == 5


def test_lesson_moves_and_goodbyes_are_copied_while_the_handoff_is_open_and_nothing_after_it_is_resolved(team) -> None:
    from bot.tutor.actions.actions import ActionPraiseNext
    from bot.tutor.actions.greeting import ActionGoodbye
    from bot.tutor.actions.wellbeing_actions import ActionTutorHandoffUpdate

    team["status"] = "open"
    child = Child()
    child.slots.update({"learner": on(FIRST.id).to_slot(), "handoff_id": 54.0})
    praised = child.says("1/2", ActionPraiseNext())
    assert team["thread"] == [("person", "1/2"), *(("bot", line) for line in praised)]
    team["status"] = "resolved"
    child.says("EXTERNAL: handoff_resolved", ActionTutorHandoffUpdate(), intent="handoff_resolved")
    assert child.slots["handoff_id"] is None and team["thread"][-1][0] == "notice"
    copied, asked = len(team["thread"]), team["asked"]
    child.says("bye", ActionGoodbye(), intent="goodbye")
    assert len(team["thread"]) == copied and team["asked"] == asked  # resolved: not copied, the service not asked


def test_a_typed_command_is_not_copied_as_the_childs_words(team: dict) -> None:
    from bot.tutor.actions.commands import ActionTutorRestart

    team["status"] = "claimed"
    child = Child()
    child.slots.update({"learner": on(FIRST.id).to_slot(), "handoff_id": 54.0})
    said = child.says("/restart", ActionTutorRestart())
    assert team["thread"] == [("bot", line) for line in said]


# --- M3: mixed numbers and whole numbers in words ---

SIMPLIFY_48_16 = CURRICULUM.item("simplify-3b")  # -> 3
SIMPLIFY_45_30 = CURRICULUM.item("simplify-3c")  # -> 3/2


def test_one_and_a_half_is_three_halves_not_a_half() -> None:
    """C03: "one and a half" for "Simplify 2/4." got "That's right: 1/2."."""
    assert grade(FIRST, "one and a half") == "wrong"
    assert grade(SIMPLIFY_45_30, "one and a half") == "correct" and grade(SIMPLIFY_45_30, "1 and a half") == "correct"
    assert parse_answer("2 and 1/4")[0] == Fraction(9, 4)


@pytest.mark.parametrize("text, value", [
    ("one and a half", "3/2"), ("two and three quarters", "11/4"), ("eineinhalb", "3/2"), ("anderthalb", "3/2"),
    ("zweieinhalb", "5/2"), ("zwei und ein Viertel", "9/4"), ("un et demi", "3/2"), ("deux et trois quarts", "11/4"),
    ("uno y medio", "3/2"), ("dos y cuarto", "9/4"), ("uno e mezzo", "3/2"), ("due e un quarto", "9/4"),
    ("anderhalf", "3/2"), ("een en een half", "3/2"), ("twee en drie kwart", "11/4"), ("um e meio", "3/2"),
    ("duas e meia", "5/2"), ("dois e três quartos", "11/4")])
def test_mixed_numbers_in_words_in_seven_languages(text: str, value: str) -> None:
    assert is_answer(text) and parse_answer(text)[0] == Fraction(value)


@pytest.mark.parametrize("text", ["three", "drei", "es ist drei", "trois", "c'est trois", "tres", "tre", "drie", "três",
                                  "its three"])
def test_a_whole_number_in_words_is_read_in_seven_languages(text: str) -> None:
    """C02: "drei" for "Kürze 48/16." got "schreib deine Antwort als Bruch" where "three" was "Correct, 3."."""
    assert grade(SIMPLIFY_48_16, text) == "correct"
    assert decide(text, learner=on(SIMPLIFY_48_16.id)).action == "action_praise_next"


@pytest.mark.parametrize("text", ["i have three cats", "c'est nul", "one day", "drei Katzen", "the fourteenth of may"])
def test_numbers_inside_words_are_no_answer(text: str) -> None:
    assert in_digits(text) == text and not is_answer(text)


# --- M7: a tired child, a stop kept, "please dont tell anyone" ---

@pytest.mark.parametrize("text, lang", [("im so tired", "en"), ("ich bin so müde", "de"), ("chu fatigué", "fr"),
                                        ("estoy muy cansada", "es"), ("sono stanca morta", "it"), ("ik ben zo moe", "nl"),
                                        ("tô cansado", "pt")])
def test_a_tired_child_is_offered_a_break_not_a_quick_fire_round(text: str, lang: str) -> None:
    """C06: "im so tired" got "Let's switch it up with a quick-fire one" and a new question."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert wellbeing.concern(text) == "tired"
    assert decide(text).action == "action_wellbeing"
    child = Child(lang)
    child.slots["learner"] = on(FIRST.id).to_slot()
    assert child.says(text, ActionWellbeing()) == [say("tired_line", lang)]
    assert child.slots.get("wellbeing_check") is None  # nothing pending: an answer or "let's stop" is read as ever


def test_tired_of_something_and_a_sleepy_sigh_are_left_to_the_lesson() -> None:
    assert wellbeing.concern("i'm tired of this") is None and wellbeing.concern("zzzzz so sleepy") is None


def test_a_stop_is_kept_until_the_child_asks_to_go_on() -> None:
    """C06: after "can we stop" -> "Of course, let's stop here", "i hate maths i'm so stupid" got a new question and
    "whatever" a quick-fire round."""
    from bot.tutor.actions.actions import ActionKeepPace
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child()
    child.slots["learner"] = on("simplify-1c").to_slot()
    assert child.says("can we stop", ActionWellbeing()) == [say("stopping")]
    assert child.slots["wellbeing_check"] == "stopped"
    said: list[str] = []
    for text in ("i hate maths i'm so stupid", "whatever"):
        assert decide(text, wellbeing_check="stopped").action == "action_wellbeing", text
        lines = child.says(text, ActionWellbeing())
        assert not any("question" in line.lower() for line in lines) and child.slots["wellbeing_check"] == "stopped"
        said += lines
    assert said == [say("not_stupid_step_down"), say("stopped_kept"), say("stopped_kept", variant=1)]
    assert decide("let's go on", wellbeing_check="stopped").action == "action_keep_pace"
    assert child.says("let's go on", ActionKeepPace()) == [say("where_we_were", question="Simplify 4/10.")]
    assert child.slots["wellbeing_check"] is None
    assert decide("2/5", wellbeing_check="stopped", learner=on("simplify-1c")).action == "action_praise_next"


def test_a_stop_for_today_ends_with_the_session_not_with_a_typed_command() -> None:
    from rasa_sdk import Tracker
    from rasa_sdk.events import SlotSet
    from rasa_sdk.executor import CollectingDispatcher

    from bot.tutor.actions.commands import ActionTutorSessionStart

    slots = {"learner": on(FIRST.id).to_slot(), "wellbeing_check": "stopped"}
    tracker = Tracker("s", slots, {}, [{"event": "action", "name": "action_listen"}], False, None, {}, "action_listen")
    events = asyncio.run(ActionTutorSessionStart().run(CollectingDispatcher(), tracker, DOMAIN))
    assert SlotSet("learner", slots["learner"]) in events and not [e for e in events if e.get("name") == "wellbeing_check"]
    typed = Child()
    typed.slots.update(slots)
    typed.says("/session_start", ActionTutorSessionStart(), intent="session_start")
    assert typed.slots["wellbeing_check"] == "stopped"  # typed: nothing is reset


def test_please_dont_tell_anyone_is_answered_honestly_once_the_team_was_told(team: dict) -> None:
    """C07: "please dont tell anyone" after "he hit me with his belt yesterday" (handoff #28 open) got the help lines
    again, without saying that a person from the team had been told."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child("en")
    child.slots["learner"] = on("simplify-1b").to_slot()
    child.says("if i get this wrong my dad will hit me again", ActionWellbeing())
    assert team["alerts"] and child.slots["wellbeing_check"] == "asked"
    child.says("he hit me with his belt yesterday", ActionWellbeing())
    honest = child.says("please dont tell anyone", ActionWellbeing())
    assert honest == [say("team_was_told")] and help_for() not in honest[0]
    assert "has been told" in honest[0] and "kind" in honest[0]
    assert child.slots["wellbeing_check"] == "asked"  # the check-in still waits
    # with the check-in answered the handoff is still open: the policy still sends it to the honest answer
    assert decide("please dont tell anyone", handoff_id=54.0).action == "action_wellbeing"


@pytest.mark.parametrize("text", ["please dont tell anyone", "sag es bitte niemandem", "ne le dis à personne",
                                  "no se lo digas a nadie", "non dirlo a nessuno", "vertel het aan niemand",
                                  "não conta pra ninguém"])
def test_a_wish_for_secrecy_is_heard_in_seven_languages(text: str) -> None:
    assert wellbeing.asks_to_keep_secret(text)


def test_nobody_is_said_to_have_been_told_when_no_person_from_the_team_was_alerted() -> None:
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child()
    child.slots.update({"learner": on(FIRST.id).to_slot(), "wellbeing_check": "worry"})
    assert say("team_was_told") not in child.says("please dont tell anyone", ActionWellbeing())


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "nl", "pt", "pt-PT"])
def test_the_new_lines_are_translated(lang: str) -> None:
    for key in ("tired_line", "stopped_kept", "team_was_told", "lesson_waits_for_the_team"):
        assert say(key, lang) != say(key), (key, lang)
    assert say("stopped_kept", "pt-PT") != say("stopped_kept", "pt")


# --- L2: a solved item again, "ciao, cominciamo", "c'est quoi la réponse" ---

def test_a_solved_item_is_not_served_again_while_others_are_unfinished() -> None:
    """C04: 2/4 (its answer shown), 3/9 and 4/10 (stepped away from) and 6/8 (solved): the next was 2/4 again."""
    learner = on("simplify-1d", seen=("simplify-1a", "simplify-1b", "simplify-1c", "simplify-1d"), done=("simplify-1a",))
    learner = learner.answered(1, True, PEDAGOGY.bkt)
    assert learner.done == ("simplify-1a", "simplify-1d")
    new, _ = next_item("praise_next", learner, CURRICULUM.item("simplify-1d"), CURRICULUM, PEDAGOGY)
    assert new.id == "simplify-1b"
    every = replace(learner, done=("simplify-1b", "simplify-1a", "simplify-1c", "simplify-1d"))
    new, _ = next_item("praise_next", every, CURRICULUM.item("simplify-1d"), CURRICULUM, PEDAGOGY)
    assert new.id == "simplify-1b"  # all solved: the one solved longest ago


def test_an_answer_shown_makes_the_item_done() -> None:
    from bot.tutor.actions.actions import ActionShowAnswer, StudentTurn

    learner, _ = ActionShowAnswer().teach([], on(FIRST.id), FIRST, StudentTurn("what's the answer??", None, CURRICULUM))
    assert learner.done == (FIRST.id,) and Learner.from_slot(learner.to_slot()).done == (FIRST.id,)


def test_a_greeting_with_the_start_word_starts_the_lesson() -> None:
    """C08 (it-CH): "ciao, cominciamo" got the greeting again, asking to write «iniziamo»."""
    for text in ("ciao, cominciamo", "hallo, los geht's", "hola, empecemos"):
        assert decide(text, intent="greet", learner=Learner()).action == "action_start", text


@pytest.mark.parametrize("text", ["c'est quoi la réponse", "quelle est la réponse ?", "was ist die Antwort?",
                                  "cuál es la respuesta", "qual è la risposta?", "wat is het antwoord",
                                  "qual é a resposta"])
def test_asking_for_the_answer_is_no_off_task_chat(text: str) -> None:
    """C09 (fr-CA): "c'est quoi la réponse" got "Mettons ça de côté et revenons aux fractions"."""
    move, _ = choose_move(Turn(text, "off_task", {}), on(FIRST.id), FIRST, PEDAGOGY)
    assert move == "hint"
