"""Reading 10, the tutor's loose ends: a decimal compared with a fraction ("is 0.5 bigger than 1/4?") got the skill's
explanation; "can we do fractions now" after a resolved safeguarding handoff got the boredom line and a new question;
a student on a pt-PT page was written to in Brazilian Portuguese ("você"); and, from code review, the student's words
were read for a concern up to five times a turn and every goodbye read the last 40 messages again. Each test failed
before its fix."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from string import Formatter

import pytest
import yaml

from bot.tutor.actions import wellbeing
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.lines import I18N, say
from tests.rasa.test_tutor_ninth_reading import DOMAIN, LOCALES, run, service  # noqa: F401 (a fixture)
from tests.rasa.test_tutor_tenth_reading import decide_bored

CURRICULUM = load_curriculum()
THIRDS = CURRICULUM.item("simplify-1b")  # Simplify 3/9. -> 1/3


def on(item, **fields) -> Learner:
    return replace(Learner().on_item(item.id), **fields)


# --- 1: a decimal compared with a fraction: yes or no, why (both as fractions), and the item again ---

@pytest.mark.parametrize("text, lang, key, working, verdict", [
    ("is 0.5 bigger than 1/4?", "en", "decimal_compare_yes",
     "0.5 = 5/10 = 1/2; with the same bottom, 4: 1/2 = 2/4 and 1/4 = 1/4", ("0.5", "1/4")),
    ("¿es 0,5 mayor que 1/4?", "es", "decimal_compare_yes",
     "0,5 = 5/10 = 1/2; con el mismo denominador, 4: 1/2 = 2/4 y 1/4 = 1/4", ("0,5", "1/4")),
    ("ist 0,75 größer als 2/3?", "de", "decimal_compare_yes",
     "0,75 = 75/100 = 3/4; mit demselben Nenner, 12: 3/4 = 9/12 und 2/3 = 8/12", ("0,75", "2/3")),
    ("which is bigger, 0.3 or 1/3?", "en", "decimal_compare_which",
     "0.3 = 3/10; with the same bottom, 30: 3/10 = 9/30 and 1/3 = 10/30", ("1/3", "0.3")),
    ("is 1/4 bigger than 0.5?", "en", "decimal_compare_no",
     "0.5 = 5/10 = 1/2; with the same bottom, 4: 1/2 = 2/4 and 1/4 = 1/4", ("0.5", "1/4")),
    ("est-ce que 0,3 est plus petit que 1/3 ?", "fr", "decimal_compare_yes",
     "0,3 = 3/10 ; avec le même dénominateur, 30 : 3/10 = 9/30 et 1/3 = 10/30", ("1/3", "0,3")),
    ("qual é maior, 0,75 ou 2/3?", "pt", "decimal_compare_which",
     "0,75 = 75/100 = 3/4; com o mesmo denominador, 12: 3/4 = 9/12 e 2/3 = 8/12", ("0,75", "2/3")),
])
def test_a_decimal_compared_with_a_fraction_is_answered_then_the_item_restated(text, lang, key, working, verdict) -> None:
    from bot.tutor.actions.questions import ActionAnswerQuestion

    learner = on(THIRDS, wrong_in_a_row=1)
    assert decide_bored(text, learner).action == "action_answer_question"  # not graded, not boredom
    lines, events = run(ActionAnswerQuestion(), text, {"learner": learner.to_slot()}, lang=lang)
    big, small = verdict
    assert lines == [say(key, lang, working=working, verdict=say("compare_bigger", lang, big=big, small=small)),
                     say("back_to_your_exercise", lang, question=load_curriculum(lang=lang).item(THIRDS.id).question)]
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert Learner.from_slot(slots["learner"]).wrong_in_a_row == 1  # no answer to the item


def test_the_same_amount_asked_as_bigger_is_a_no_and_is_said_so() -> None:
    from bot.tutor.actions.messages import decimal_compared
    from bot.tutor.actions.questions import decimal_said

    assert decimal_said(decimal_compared("is 0.5 bigger than 2/4?")) == say(
        "decimal_compare_no", working="0.5 = 5/10 = 1/2 = 2/4", verdict=say("compare_same", a="0.5", b="2/4"))
    assert decimal_compared("is it 0.5 or 1/2?") is None  # two answers offered, as before
    assert decimal_compared("is 0.25 a quarter?") == ("0.25", "1/4", "=")  # the tenth reading's, unchanged


# --- 2: "can we do fractions now" after a resolved handoff: the current item, not the boredom line ---

@pytest.mark.parametrize("text, lang", [
    ("can we do fractions now", "en"), ("can we do fractions now?", "en"), ("können wir jetzt Brüche machen?", "de"),
    ("on peut faire les fractions maintenant ?", "fr"), ("¿podemos hacer fracciones ahora?", "es"),
    ("possiamo fare le frazioni adesso?", "it"), ("kunnen we nu breuken doen?", "nl"), ("podemos fazer frações agora?", "pt"),
])
def test_a_wish_to_go_on_after_a_resolved_handoff_restates_the_item(text: str, lang: str, service: dict) -> None:
    from bot.tutor.actions.actions import ActionKeepPace
    from bot.tutor.actions.wellbeing_actions import ActionTutorHandoffUpdate

    service["status"] = "resolved"
    claimed = {"learner": on(THIRDS).to_slot(), "wellbeing_check": "claimed"}
    _, events = run(ActionTutorHandoffUpdate(), "EXTERNAL: handoff_resolved", claimed, "handoff_resolved", lang)
    assert {"event": "slot", "name": "wellbeing_check", "value": None, "timestamp": None} in events
    learner = on(THIRDS)
    decision = decide_bored(text, learner)  # read as boredom, as the demo's service read it
    assert decision.action == "action_keep_pace", decision
    lines, _ = run(ActionKeepPace(), text, {"learner": learner.to_slot()}, lang=lang)
    question = load_curriculum(lang=lang).item(THIRDS.id).question
    assert lines == [say("where_we_were", lang, question=question)]
    assert say("more_interesting", lang) not in lines


def test_other_wishes_are_not_read_as_going_on() -> None:
    from bot.tutor.actions.messages import asks_to_go_on

    assert not any(asks_to_go_on(t) for t in ("can we do something else", "can we stop", "can we do harder ones",
                                              "what's 1/2 + 1/4?", "1/3"))


# --- 3: pt-PT: "tu", not "você", laid over pt.yml as the support bot does ---

PT_PT = I18N / "variants" / "pt-PT.yml"


def test_a_student_on_a_pt_pt_page_is_written_to_with_tu(monkeypatch) -> None:
    from bot.tutor.actions.actions import ActionKeepPace
    from bot.tutor.actions.greeting import ActionGreet

    monkeypatch.setitem(LOCALES, "pt-PT", "pt-PT")  # the page's locale of run(..., lang="pt-PT")
    said = "acho que ainda não percebi muito bem esta parte"
    lines, _ = run(ActionKeepPace(), said, {"learner": on(THIRDS).to_slot()}, lang="pt-PT")
    assert lines[0] == say("take_your_time", "pt-PT")
    assert lines[0] == "Sem pressa. Quando quiseres, escreve a tua resposta como fração, por exemplo 3/4."
    assert lines[1] == say("still_your_question", "pt-PT", question=load_curriculum(lang="pt").item(THIRDS.id).question)
    assert not any("você" in line.lower() or "sua " in line for line in lines)
    lines, _ = run(ActionKeepPace(), said, {"learner": on(THIRDS).to_slot()}, lang="pt")  # a pt-BR page
    assert lines[0] == say("take_your_time", "pt") and "Quando quiser," in lines[0]  # Brazil keeps "você"
    lines, _ = run(ActionGreet(), "olá", {}, intent="greet", lang="pt-PT")
    assert lines[0].startswith("Olá! Sou o teu tutor de frações.")


def test_the_pt_pt_overlay_keeps_every_placeholder_and_says_tu() -> None:
    own = yaml.safe_load(PT_PT.read_text(encoding="utf-8"))
    pt = yaml.safe_load((I18N / "pt.yml").read_text(encoding="utf-8"))

    def fields(text) -> set:
        return {name for _, name, _, _ in Formatter().parse(str(text)) if name}

    for block in ("lines", "responses"):
        for key, value in own[block].items():
            assert key in pt[block], key
            if isinstance(value, list):
                assert len(value) == len(pt[block][key]), key
                assert all(fields(v) == fields(w) for v, w in zip(value, pt[block][key])), key
            elif isinstance(value, dict):
                assert set(value) == set(pt[block][key]), key
            else:
                assert fields(value) == fields(pt[block][key]), key
    for name, skill in own["curriculum"]["skills"].items():
        assert len(skill["explanations"]) == len(pt["curriculum"]["skills"][name]["explanations"]), name
    text = yaml.safe_dump(own, allow_unicode=True).lower()
    assert "você" not in text and "ônibus" not in text and "cachorro" not in text


def test_the_variant_loader_is_shared_by_both_bots() -> None:
    import policies.variants as variants
    from bot.tutor.actions import lines, student_language

    assert lines.lines_in is variants.lines_in and student_language.variant_of is variants.variant_of
    merged = lines.translation("pt-PT")
    assert merged["lines"]["take_your_time"] != lines.translation("pt")["lines"]["take_your_time"]
    assert merged["lines"]["compare_bigger"] == lines.translation("pt")["lines"]["compare_bigger"]  # not in the overlay
    assert load_curriculum(lang="pt-PT").skills[1].explanations[0].startswith("Para simplificar uma fração, divide")
    assert Path(variants.__file__).parent.name == "policies"


# --- 4: the student's words read once a turn; the goodbye reads only what no lesson move answered ---

@pytest.fixture
def concern_calls(monkeypatch) -> list:
    """Every text wellbeing.concern reads, in order."""
    calls: list = []
    read = wellbeing.concern

    def counted(text):
        calls.append(text)
        return read(text)

    monkeypatch.setattr(wellbeing, "concern", counted)
    return calls


@pytest.mark.parametrize("text, pending, expected_lines", [
    ("my grandpa died yesterday", None, 2),
    ("my mum hits me", None, 1),
    ("1/3", "worry", 2),          # an answer while the lesson waits for a worry: marked, and the item again
    ("is anyone there?", None, 2),
    ("i'm fine", "asked", 2),
])
def test_a_wellbeing_turn_reads_the_words_once(text, pending, expected_lines, concern_calls, service) -> None:
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    slots = {"learner": on(THIRDS).to_slot(), "wellbeing_check": pending}
    lines, _ = run(ActionWellbeing(), text, slots)
    assert concern_calls == [text] and len(lines) == expected_lines, (concern_calls, lines)


def test_the_goodbye_reads_only_the_messages_no_lesson_move_answered(concern_calls) -> None:
    from bot.tutor.actions.greeting import ActionGoodbye

    def turn(text: str, action: str) -> list:
        return [{"event": "user", "text": text}, {"event": "action", "name": action},
                {"event": "action", "name": "action_listen"}]

    lesson = [event for n in range(20) for event in turn(f"{n}/3", "action_retry")]
    told = turn("my grandpa died last week", "action_wellbeing")
    lines, _ = run(ActionGoodbye(), "bye", {"learner": on(THIRDS).to_slot()}, intent="goodbye",
                   events=[*turn("its fine", "action_wellbeing"), *lesson, *told])
    assert len(lines) == 1 and lines[0].startswith("Bye for now, and please take care of yourself.")
    assert concern_calls == ["its fine", "my grandpa died last week"]  # the 20 answers not read again
    concern_calls.clear()
    lines, _ = run(ActionGoodbye(), "bye", {"learner": on(THIRDS).to_slot()}, intent="goodbye",
                   events=[*turn("hi", "action_greet"), *lesson])
    assert lines == [DOMAIN["responses"]["utter_goodbye"][0]["text"]]
    assert concern_calls == ["hi", "bye"]


@pytest.mark.parametrize("text", ["session_start", "handoff_resolved", "/restart"])
def test_a_command_typed_as_plain_words_is_answered_as_a_command_and_not_graded(text: str) -> None:
    """Eleventh reading, M2 (what the fix in the channel left): "/session_start" reaches the tutor as "session_start",
    which got "Fair enough, let's make it more interesting." and a new question."""
    from bot.tutor.actions.actions import ActionChallenge

    learner = on(THIRDS, correct_in_a_row=2)
    lines, events = run(ActionChallenge(), text, {"learner": learner.to_slot()})
    assert lines[0] == say("command") and lines[-1] == say("still_your_question", question=THIRDS.question), lines
    assert not any(e.get("name") == "learner" for e in events)  # nothing marked, nothing moved on
