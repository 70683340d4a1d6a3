"""How the tutor reads and grades answers as students write them (bot/tutor/actions/answers.py),
and what it says of one that is not (yet) right (exploratory readings of 2026-12-06: ".5",
"half", "not 1/2", "50%", "un medio" and an unsimplified answer written back four times)."""
from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from bot.tutor.actions.actions import StudentTurn, verdict
from bot.tutor.actions.answers import grade, in_digits, parse_answer
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.messages import is_answer
from bot.tutor.actions.pedagogy import Turn, choose_move, load_pedagogy, observe

CURRICULUM, PEDAGOGY = load_curriculum(), load_pedagogy()
FIRST = CURRICULUM.first()  # Simplify 2/4. -> 1/2


def test_the_first_item_is_the_one_these_tests_assume() -> None:
    assert FIRST.question == "Simplify 2/4." and FIRST.answer == Fraction(1, 2) and FIRST.lowest_terms


@pytest.mark.parametrize("text", [".5", "i think it's .5", "0,5", "half", "its half", "a half", "½", "1:2", "la mitad",
                                  "un medio", "die Hälfte", "ein halb", "la moitié", "la metà", "de helft", "metade",
                                  "1/4,1/2"])
def test_a_half_as_students_write_it_is_right(text: str) -> None:
    assert is_answer(text) and grade(FIRST, text) == "correct"


@pytest.mark.parametrize("text,value", [("tres cuartos", "3/4"), ("zwei Drittel", "2/3"), ("dreiviertel", "3/4"),
                                        ("trois quarts", "3/4"), ("due terzi", "2/3"), ("drie kwart", "3/4"),
                                        ("dois terços", "2/3"), ("five eighths", "5/8"), ("3 over 5", "3/5")])
def test_fractions_in_words_in_seven_languages(text: str, value: str) -> None:
    assert parse_answer(text)[0] == Fraction(value)


@pytest.mark.parametrize("text", ["je comprends pas la moitié", "half of my class hates this", "i ate half the cake"])
def test_a_half_inside_a_sentence_is_no_answer(text: str) -> None:
    assert parse_answer(text) is None and in_digits(text) == text


@pytest.mark.parametrize("text,expected", [("not 1/2", "negated"), ("isn't it 1/2", "correct"), ("nicht 1/2", "negated"),
                                           ("no es 1/2", "negated"), ("c'est pas 1/2", "negated"),
                                           ("1/2 not 2/4", "correct"), ("not 1/2 but 2/4", "not_lowest"),
                                           ("not 1/2, not 1/3", "negated")])
def test_a_number_only_denied_is_asked_about_and_the_one_stood_by_is_graded(text: str, expected: str) -> None:
    assert grade(FIRST, text) == expected


@pytest.mark.parametrize("text,expected", [("50%", "percent"), ("50 percent", "percent"), ("50 por ciento", "percent"),
                                           ("25%", "wrong"), ("0.25", "wrong")])
def test_a_percentage_of_the_right_amount_is_asked_for_as_a_fraction(text: str, expected: str) -> None:
    assert grade(FIRST, text) == expected


@pytest.mark.parametrize("grade_,text,said", [
    ("not_lowest", "2/4", "That's the fraction from the question itself: it still needs simplifying."),
    ("not_lowest", "4/8", "That's the right value, but it can be simplified further."),
    ("percent", "50%", "That's the right amount as a percentage. Can you write it as a fraction?"),
    ("negated", "not 1/2", "Do you mean the answer is 1/2, or that it isn't? Type just your answer, like 3/4."),
    ("two_answers", "1/4 or 1/2", "You gave two answers, 1/4 and 1/2. Which one do you pick?"),
    ("wrong", "3/4", "Not quite.")])
def test_what_the_tutor_says_of_each_grade(grade_: str, text: str, said: str) -> None:
    assert grade(FIRST, text) == grade_
    assert verdict(StudentTurn(text, grade_, CURRICULUM), FIRST) == said


def test_the_right_value_unsimplified_climbs_the_ladder_without_changing_mastery() -> None:
    learner = Learner().on_item(FIRST.id)
    moves = []
    for _ in range(4):
        move, _ = choose_move(Turn("2/4"), learner, FIRST, PEDAGOGY)
        learner, result = observe(learner, FIRST, "2/4", PEDAGOGY)
        moves.append((move, result))
    assert moves == [("retry", "not_lowest"), ("hint", "not_lowest"), ("worked_example", "not_lowest"),
                     ("show_answer", "not_lowest")]
    assert learner.mastery == {} and learner.wrong_in_a_row == 4


@pytest.mark.parametrize("text", ["not 1/2", "50%", "1/4 or 1/2"])
def test_a_denied_number_a_percentage_and_options_leave_the_ladder_where_it_was(text: str) -> None:
    learner = replace(Learner().on_item(FIRST.id), wrong_in_a_row=1)
    move, _ = choose_move(Turn(text), learner, FIRST, PEDAGOGY)
    after, _ = observe(learner, FIRST, text, PEDAGOGY)
    assert move == "retry" and after == learner
