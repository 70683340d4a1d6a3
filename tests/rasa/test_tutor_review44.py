"""The review of stop 44: answers to the tutor's checks read the safe way round.

- "no, i mean it" and "its not just the homework" to "is that just frustration?" had read as "just the homework": the
  lesson went on and nobody was told.
- "no i took 5" and "nah took some already" to "have you taken any?" had read as a no: "give them to a grown-up",
  no emergency number, no alert.
"""
from __future__ import annotations

import pytest

from bot.tutor.actions import death_wish, means


@pytest.mark.parametrize("text", ["no, i mean it", "no im not joking", "its not just the homework",
                                  "no joke i think about it a lot", "nein, ich meine es ernst", "no, en serio"])
def test_a_confirmation_with_a_no_in_it_is_meant(text: str) -> None:
    assert death_wish.meant(text, None)


@pytest.mark.parametrize("text", ["no just the homework", "nah jk", "no"])
def test_just_the_homework_is_not_meant(text: str) -> None:
    assert not death_wish.meant(text, None)


@pytest.mark.parametrize("text, taken", [
    ("no i took 5", True), ("nah took some already", True), ("ich hab zwei genommen", True), ("ik heb er 3 genomen", True),
    ("no", False), ("no, i havent taken any", False), ("nein, ich habe keine genommen", False),
    ("nee ik heb er geen genomen", False),
])
def test_pills_taken_are_read_before_a_no(text: str, taken: bool) -> None:
    lines, _, _ = means.reply(text, means.PENDING, "en")
    assert (lines[0] == means.say("means_taken", "en")) is taken, lines
