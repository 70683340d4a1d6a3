"""The tutor's pedagogy without Rasa: message forms, the learner model (BKT), the choice of move
and where each move leads (bot/tutor/actions/{messages,learner,pedagogy,curriculum}.py)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.tutor.actions.curriculum import load_curriculum, parse_curriculum
from bot.tutor.actions.learner import BKT, Learner
from bot.tutor.actions.lines import english, say
from bot.tutor.actions.messages import asks_for_hint, comparison, is_answer, is_question
from bot.tutor.actions.pedagogy import Pedagogy, Turn, choose_move, felt, load_pedagogy, next_item, observe

CURRICULUM, PEDAGOGY = load_curriculum(), load_pedagogy()
FIRST = CURRICULUM.first()


def on_first(**fields) -> Learner:
    """A learner on the first item, with ``fields`` set."""
    return replace(Learner().on_item(FIRST.id), **fields)


@pytest.mark.parametrize("text", ["why is 3/4 bigger than 2/3", "how do u add 1/3 and 1/4?", "what's a denominator",
                                  "wait so what does simplify mean exactly", "is 2/4 the same as 1/2?",
                                  "so if i add 1/3 and 1/6 do i need to change both?", "warum ist 1/2 größer als 1/3?"])
def test_questions_are_questions_whatever_numbers_they_hold(text: str) -> None:
    assert is_question(text) and not is_answer(text)


@pytest.mark.parametrize("text", ["3/4", "is it 3/4?", "umm 7/12?", "i think its 2/5", "1/2 right?", "0,5",
                                  "3/5 ugh this is hard", "4/5 ez"])
def test_answers_are_answers(text: str) -> None:
    assert is_answer(text) and not is_question(text)


@pytest.mark.parametrize("text", ["gimme 2 sec", "my brother ate 3/4 of the pizza", "my birthday is on the 14th",
                                  "lol dinner in 10", "i have 2 cats and 1 dog", "do you play minecraft?"])
def test_numbers_that_count_something_else_and_chat_are_neither(text: str) -> None:
    assert not is_answer(text) and not is_question(text)


def test_an_off_task_intent_keeps_a_trailing_number_from_being_graded() -> None:
    assert is_answer("my cousin got a switch 2") and not is_answer("my cousin got a switch 2", "off_task")
    assert is_answer("is it 3/4?", "off_task")  # a tentative answer stays an answer


def test_hint_requests_and_comparisons() -> None:
    assert asks_for_hint("can i get a clue") and asks_for_hint("help") and not asks_for_hint("no clue whats going on")
    assert comparison("which is bigger 5/8 or 3/5?") == ("5/8", "3/5") and comparison("what is 1/2 + 1/4") is None


def test_bkt_update_follows_the_formula() -> None:
    bkt = BKT(p_init=0.2, p_learn=0.1, p_guess=0.25, p_slip=0.1)
    posterior = 0.2 * 0.9 / (0.2 * 0.9 + 0.8 * 0.25)
    assert bkt.update(0.2, True) == pytest.approx(posterior + (1 - posterior) * 0.1)
    posterior = 0.2 * 0.1 / (0.2 * 0.1 + 0.8 * 0.75)
    assert bkt.update(0.2, False) == pytest.approx(posterior + (1 - posterior) * 0.1)
    p = 0.2
    for _ in range(6):
        p = bkt.update(p, True)
    assert p > 0.95


def test_learner_slot_round_trip_and_garbage() -> None:
    learner = on_first().answered(1, True, PEDAGOGY.bkt)
    assert Learner.from_slot(learner.to_slot()) == learner
    assert Learner.from_slot({"item": "x", "wrong_in_a_row": "many"}) == Learner()
    assert Learner.from_slot("not a dict") == Learner() and Learner.from_slot(None) == Learner()


def move(text: str, learner: Learner, intent: str | None = None, **affect: float) -> str:
    return choose_move(Turn(text, intent, affect), learner, CURRICULUM.item(learner.item), PEDAGOGY)[0]


def test_wrong_answers_climb_retry_hint_worked_example_answer() -> None:
    learner, seen = on_first(), []
    for _ in range(4):
        seen.append(move("3/4", learner))
        learner, _ = observe(learner, FIRST, "3/4", PEDAGOGY)
    assert seen == ["retry", "hint", "worked_example", "show_answer"]


def test_affect_read_together_with_performance() -> None:
    fresh = on_first()
    assert move("3/4 ugh", fresh, frustration=0.9) == "step_down"            # wrong and frustrated
    assert move("1/2", fresh, frustration=0.9) == "praise_next"              # right, whatever the mood
    assert move("this is boring", fresh, boredom=0.9) == "reengage"          # bored without a streak
    streak = on_first(correct_in_a_row=2)
    assert move("this is boring, too easy", streak, boredom=0.8, frustration=0.6) == "challenge"
    assert move("i don't get it", fresh, confusion=0.9) == "explain"
    assert move("i don't get it", on_first(confusion=2), confusion=0.9) == "worked_example"
    assert move("hint pls", fresh) == "hint" and move("hint pls", on_first(hints=1)) == "worked_example"
    assert move("did you see the game", fresh, intent="off_task") == "redirect"
    assert move("ok", fresh, engagement=0.9) == "keep_pace"
    assert move("hello", Learner()) == "start"


def test_the_dominant_state_wins_ties_by_rubric_order() -> None:
    assert felt(Turn("x", None, {"boredom": 0.8, "frustration": 0.6}), PEDAGOGY) == "boredom"
    assert felt(Turn("x", None, {"boredom": 0.7, "frustration": 0.7}), PEDAGOGY) == "frustration"
    assert felt(Turn("x", None, {"boredom": 0.4}), PEDAGOGY) is None


def test_thresholds_and_ladder_come_from_settings() -> None:
    strict = Pedagogy.from_mapping({"show_answer_after": 2, "affect": {"confusion": 0.95}})
    learner = on_first(wrong_in_a_row=1)
    assert choose_move(Turn("3/4"), learner, FIRST, strict)[0] == "show_answer"
    assert choose_move(Turn("huh", None, {"confusion": 0.9}), on_first(), FIRST, strict)[0] == "keep_pace"


def test_moves_lead_to_genuinely_easier_or_harder_items_and_say_why() -> None:
    middle = CURRICULUM.pick(2, 2, set())
    learner = Learner().on_item(middle.id)
    easier, why = next_item("step_down", learner, middle, CURRICULUM, PEDAGOGY)
    assert (easier.level, easier.difficulty) == (2, 1) and "easier" in why
    harder, why = next_item("challenge", learner, middle, CURRICULUM, PEDAGOGY)
    assert (harder.level, harder.difficulty) == (2, 3) and "harder" in why
    same, _ = next_item("reengage", learner, middle, CURRICULUM, PEDAGOGY)
    assert same.id != middle.id and (same.level, same.difficulty) == (2, 2)
    # two in a row step up; a new skill only once the current one is mastered
    top = CURRICULUM.pick(1, 3, set())
    unmastered = Learner(correct_in_a_row=2, mastery={"1": 0.5}).on_item(top.id)
    assert next_item("praise_next", unmastered, top, CURRICULUM, PEDAGOGY)[0].level == 1
    mastered = Learner(correct_in_a_row=2, mastery={"1": 0.99}).on_item(top.id)
    new, why = next_item("praise_next", mastered, top, CURRICULUM, PEDAGOGY)
    assert new.level == 2 and "move on" in why


def test_the_curriculum_is_rich_enough_to_adapt_within() -> None:
    for skill in CURRICULUM.skills.values():
        assert len(skill.explanations) >= 2
        for items in skill.steps.values():
            assert len(items) >= 3 and all(len(it.hints) >= 2 and it.worked_example and it.reasoning for it in items)
    with pytest.raises(ValueError, match="two or more explanations"):
        parse_curriculum({"skills": [{"id": "x", "name": "x", "explanations": ["one"], "steps": [
            {"difficulty": d, "items": [{"id": f"x{d}", "question": "q", "answer": "1", "hints": ["a", "b"],
                                         "worked_example": "w", "reasoning": "r"}]} for d in (1, 2, 3)]}]})


@pytest.mark.parametrize("text, options", [("1/4 or 1/2", ["1/4", "1/2"]), ("1/2 or 1/4?", ["1/2", "1/4"]),
                                           ("0,5 ou 1/4", ["0,5", "1/4"]), ("1/4 or 1/2 or 1/3", ["1/4", "1/2", "1/3"])])
def test_two_answers_offered_are_asked_about_not_graded_by_their_order(text: str, options: list) -> None:
    # exploratory reading of the demo: "1/4 or 1/2" was marked right and "1/2 or 1/4?" wrong
    from bot.tutor.actions.answers import answer_options, grade

    assert answer_options(text) == options and grade(FIRST, text) == "two_answers"
    learner = on_first()
    after, result = observe(learner, FIRST, text, PEDAGOGY)
    assert result == "two_answers" and after == learner                # neither right nor wrong
    assert choose_move(Turn(text), learner, FIRST, PEDAGOGY)[0] == "retry"


@pytest.mark.parametrize("text, expected", [("1/3 no wait 1/2", "correct"), ("between 1/4 or 1/2 i pick 1/2", "correct"),
                                            ("1/4, 1/2", "correct"), ("is it 1/2 or not", "correct")])
def test_one_answer_with_other_numbers_is_graded_by_its_last_number(text: str, expected: str) -> None:
    from bot.tutor.actions.answers import grade

    assert FIRST.answer == 1 / 2 and grade(FIRST, text) == expected


def test_effort_is_praised_after_wrong_tries_not_on_a_first_try() -> None:
    # exploratory reading of the demo: "You stuck with it, well done." to a first-try answer
    from bot.tutor.actions.actions import ActionPraiseNext, StudentTurn

    for seen in range(4):
        learner = replace(on_first(), seen=tuple(str(i) for i in range(seen)))
        first, after = [], []
        ActionPraiseNext().teach(first, learner, FIRST, StudentTurn("1/2", "correct", CURRICULUM, 0))
        ActionPraiseNext().teach(after, learner, FIRST, StudentTurn("1/2", "correct", CURRICULUM, 2))
        assert first[0] in {p.format(answer="1/2") for p in english()["praise"]} and "stuck with it" not in first[0]
        assert after[0] in {p.format(answer="1/2") for p in english()["praise_after_tries"]}


def test_an_off_task_message_is_redirected_whatever_boredom_the_service_read_in_it() -> None:
    # exploratory reading of the demo: "what's the weather like?" was read as boredom and the question changed
    assert move("what's the weather like?", on_first(), "off_task", boredom=0.8) == "redirect"
    assert move("this is so boring", on_first(), "lesson", boredom=0.8) == "reengage"
    assert move("whatever i dont get it", on_first(), "off_task", confusion=0.9) == "explain"


def test_a_step_down_answers_a_put_down_and_does_not_repeat_its_opening() -> None:
    # exploratory reading of the demo: "i give up, i'm stupid" got no reply to "i'm stupid", and the same block thrice
    from bot.tutor.actions.actions import ActionStepDown, StudentTurn

    openings = set()
    for seen in range(3):
        lines: list = []
        learner = replace(on_first(), seen=tuple(str(i) for i in range(seen)))
        ActionStepDown().teach(lines, learner, FIRST, StudentTurn("i give up, i'm stupid", None, CURRICULUM))
        assert lines[0].startswith("You're not stupid")
        openings.add(lines[1])
    assert len(openings) == 3
    lines = []
    ActionStepDown().teach(lines, on_first(), FIRST, StudentTurn("i give up", None, CURRICULUM))
    assert not lines[0].startswith("You're not stupid")


@pytest.mark.parametrize("text, line", [
    ("what is 2/4 times 2?", "2/4 × 2 = 4/4 = 1."),          # exploratory reading: a canned 1/2 × 1/4 instead
    ("whats 3/4 - 1/4", "3/4 - 1/4 = 2/4 = 1/2."),
    ("what is 1/2 + 1/3?", "1/2 + 1/3 = 3/6 + 2/6 = 5/6."),
    ("what is 1/2 divided by 1/4", "1/2 ÷ 1/4 = 1/2 × 4/1 = 4/2 = 2."),
    ("was ist 2/3 mal 3/4?", "2/3 × 3/4 = 6/12 = 1/2."),
])
def test_a_calculation_asked_about_is_worked_out_with_its_own_numbers(text: str, line: str) -> None:
    from bot.tutor.actions.actions import StudentTurn
    from bot.tutor.actions.questions import ActionAnswerQuestion

    lines: list = []
    ActionAnswerQuestion().teach(lines, on_first(), FIRST, StudentTurn(text, None, CURRICULUM))
    assert lines == [f"Good question. {line}"]


def test_the_exercise_itself_asked_as_a_question_gets_a_hint_not_the_answer() -> None:
    from bot.tutor.actions.actions import StudentTurn
    from bot.tutor.actions.questions import ActionAnswerQuestion

    item = next(it for items in CURRICULUM.skills[2].steps.values() for it in items)   # "What is 1/5 + 2/5?"
    lines: list = []
    ActionAnswerQuestion().teach(lines, on_first(), item, StudentTurn(f"{item.question.lower()} ?", None, CURRICULUM))
    assert lines == [f"That one is your exercise, so I won't give it away. Here's a hint: {item.hints[0]}"]


def test_mixed_numbers_decimals_and_options_with_maybe_are_read_as_written() -> None:
    # second exploratory reading: "1 1/2" marked wrong for 3/2, "0.666..." called wrong for 2/3,
    # "1/3 or maybe 1/9" graded on its last number
    from fractions import Fraction

    from bot.tutor.actions.answers import answer_options, grade, parse_answer

    three_halves = next(it for s in CURRICULUM.skills.values() for items in s.steps.values() for it in items
                        if it.answer == Fraction(3, 2))
    assert parse_answer("1 1/2") == (Fraction(3, 2), "1 1/2") and grade(three_halves, "1 1/2") == "correct"
    assert grade(three_halves, "1 2/4") == ("not_lowest" if three_halves.lowest_terms else "correct")
    two_thirds = replace(FIRST, answer=Fraction(2, 3))
    assert grade(two_thirds, "0.6666666666666666") == "decimal" and grade(two_thirds, "0.6") == "wrong"
    assert answer_options("1/3 or maybe 1/9") == ["1/3", "1/9"]


def test_a_side_calculation_the_student_checks_is_checked_not_graded_as_the_answer() -> None:
    # second exploratory reading: "3/4 + 1/8 = 7/8 right?" got "Not quite" (graded against 1/9 + 5/9)
    from bot.tutor.actions.actions import StudentTurn
    from bot.tutor.actions.questions import ActionAnswerQuestion

    item = next(it for items in CURRICULUM.skills[2].steps.values() for it in items)   # "What is 1/5 + 2/5?"
    learner = replace(on_first(), item=item.id)
    assert move("3/4 + 1/8 = 7/8 right?", learner) == "answer_question"
    assert observe(learner, item, "3/4 + 1/8 = 7/8 right?", PEDAGOGY) == (learner, None)
    for text, lead in (("3/4 + 1/8 = 7/8 right?", "Yes, that is right"), ("3/4 + 1/8 = 5/8?", "Not quite")):
        lines: list = []
        ActionAnswerQuestion().teach(lines, learner, item, StudentTurn(text, None, CURRICULUM))
        assert lines == [f"{lead}: 3/4 + 1/8 = 6/8 + 1/8 = 7/8."]
    assert move("1/5 + 2/5 = 3/5", learner) == "praise_next"                          # the exercise's own: an answer


def test_the_answer_asked_for_too_hard_and_lost_get_a_move_that_helps() -> None:
    # second exploratory reading: "can you just tell me the answer" was parked as off-task twice; "too hard"
    # and "I don't get it" got "Take your time" three times, with no hint
    learner = on_first()
    assert move("can you just tell me the answer", learner, "off_task") == "hint"
    assert move("just give me the answer please", replace(learner, hints=1), "off_task") == "show_answer"
    assert move("this is too hard", learner, "lesson") == "step_down"
    assert move("I don't get it", learner, "lesson") == "explain"
    assert move("I don't get it", learner, "lesson", frustration=0.9) == "step_down"     # a reading still comes first


def test_half_of_a_fraction_is_worked_out() -> None:
    from bot.tutor.actions.actions import StudentTurn
    from bot.tutor.actions.questions import ActionAnswerQuestion

    lines: list = []
    ActionAnswerQuestion().teach(lines, on_first(), FIRST, StudentTurn("what is half of 3/4?", None, CURRICULUM))
    assert lines == ["Good question. 1/2 × 3/4 = 3/8."]


@pytest.mark.parametrize("text, expected", [("one half", "correct"), ("a half", "correct"), ("two-thirds", "wrong"),
                                            ("the answer is 3 over 5", "wrong"), ("1/2", "correct"),
                                            ("½", "correct"), ("⅔", "wrong"), ("three", "wrong")])
def test_answers_in_words_are_read(text: str, expected: str) -> None:
    # second exploratory reading: "one half" got "type your answer as a fraction", "3 over 5" was parked as off-task
    from bot.tutor.actions.answers import grade

    assert is_answer(text, "off_task" if "over" in text else None) and grade(FIRST, text) == expected


@pytest.mark.parametrize("text, kind", [
    ("my grandma died last week and i cant focus", "grief"), ("we had to put my dog down, my dog died", "grief"),
    ("everyone in my class hates me", "left_out"), ("im getting bullied at school", "left_out"),
    ("can we stop for today", "stop"), ("i want to stop now", "stop"),
    ("my dad hits me when he's drunk", "harm_at_home"), ("im scared to go home", "harm_at_home"),
    ("my parents are getting divorced", "home"), ("nobody at school likes me", "left_out"),
    ("i want to quit", "stop"), ("stop", "stop"), ("im tired i want to go to bed", "stop"), ("stop being so easy", None),
    ("3/4", None), ("this is boring", None), ("stop giving me easy ones", None), ("the pizza died lol 1/2", None),
    # fifth exploratory reading: the lesson went on after each
    ("i cant focus, my parents were screaming all night and my dad hit my mum", "harm_at_home"),
    ("i cant think, i havent eaten since yesterday, theres no food at home", "harm_at_home"),
    ("a kid said hes going to stab me after school tomorrow", "harm_at_home"),
    ("i ate 3/4 of the pizza", None),
    # a break, with the place kept (third exploratory reading, M21)
    ("can i take a break", "break"), ("i need a break from this", "break"), ("brb", "break"), ("break pls", "break"),
    ("can we stop for a bit", "break"), ("kann ich eine pause machen", "break"), ("necesito un descanso", "break"),
    ("this is breaking my brain", None), ("what's the break even point", None),
])
def test_what_comes_before_the_lesson_is_told_apart(text: str, kind: str | None) -> None:
    from bot.tutor.actions import wellbeing

    assert wellbeing.concern(text) == kind


def test_after_risk_the_lesson_waits_until_the_student_says_they_are_okay() -> None:
    from bot.tutor.actions import wellbeing

    lines, pending, goes_on = wellbeing.reply("2/5", "crisis")
    assert lines == [say("check_in")] and pending == "asked" and not goes_on
    assert wellbeing.reply("no", "asked") == ([say("not_okay")], "asked", False)
    assert wellbeing.reply("im ok but not really", "asked")[1] == "asked"
    assert wellbeing.reply("yeah i'm okay, i told my mum", "asked") == ([say("glad")], None, True)
    assert wellbeing.reply("3/4", None) == ([], None, True)
    assert wellbeing.reply("is someone coming?", "asked") == ([say("not_yet")], "asked", False)
    assert wellbeing.reply("1/2", "asked", answered=True) == ([say("ask_again")], "asked", False)
    assert wellbeing.reply("my dad hits me when he's drunk", None) == ([say("harm_line")], "asked", False)


def test_a_whole_number_in_words_is_an_answer_but_not_a_count() -> None:
    # third exploratory reading, M18: "three" got "type your answer as a fraction", "3.0" was right
    from bot.tutor.actions.answers import parse_answer

    assert parse_answer("three")[0] == 3 and parse_answer("its three")[0] == 3 and parse_answer("twelve")[0] == 12
    assert not is_answer("i have three cats")



def test_skipping_moves_on_once_then_asks_why_and_never_jumps_a_skill() -> None:
    # third exploratory reading, M19/M20: "next"/"skip" forever, and "can we skip this" read as "too easy"
    able = replace(on_first(), correct_in_a_row=5, mastery={"1": 0.99})
    bored = {"boredom": 0.9, "frustration": 0.0, "confusion": 0.0, "engagement": 0.0}
    assert choose_move(Turn("can we skip this", "lesson", bored), able, FIRST, PEDAGOGY)[0] == "reengage"
    assert choose_move(Turn("skip", "lesson", bored), replace(able, skipped=1), FIRST, PEDAGOGY)[0] == "keep_pace"
    assert choose_move(Turn("this is boring, too easy", "lesson", bored), able, FIRST, PEDAGOGY)[0] == "challenge"
    assert Learner().answered(1, True, BKT()).skipped == 0
