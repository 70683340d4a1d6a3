"""Situations a message reports (policies/situations.py): each read in seven languages, and the
look-alikes that are none of them (a past that is over, a film, an idiom, the writer's own risk)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from policies import situations
from policies.situations import ORDER, situation_of

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot" / "support"))


@pytest.mark.parametrize("text, situation", [
    # fourth exploratory reading of the demo (H3, H7, H8, H12, H11)
    ("my 5 year old swallowed some pills what do i do", "emergency_other"),
    ("my boyfriend hit me again last night", "abuse"),
    ("I'm scared to go home", "abuse"),
    ("my best friend texted me that she wants to kill herself", "friend_at_risk"),
    ("I think I'm having a panic attack, my heart is racing and I can't breathe", "panic"),
    ("¿a quién puedo llamar si me siento muy mal?", "asks_helpline"),
    # written for this test
    ("my roommate is on the floor and wont wake up, there's an empty bottle", "emergency_other"),
    ("ma fille a avalé des cachets, je fais quoi", "emergency_other"),
    ("mein Sohn atmet kaum und ist bewusstlos", "emergency_other"),
    ("he said if i leave hell kill me", "abuse"),
    ("mi marido me pegó otra vez y tengo miedo de volver a casa", "abuse"),
    ("il mio ragazzo mi ha picchiata ieri", "abuse"),
    ("my little brother keeps cutting himself and told me not to tell", "friend_at_risk"),
    ("mijn zus zegt dat ze dood wil", "friend_at_risk"),
    ("minha amiga disse que quer morrer, o que eu faço", "friend_at_risk"),
    ("ich krieg keine luft und mein herz rast", "panic"),
    ("no puedo respirar, me falta el aire", "panic"),
    ("sono molto agitata, ho un attacco d'ansia", "panic"),  # seventh reading, M4 (a14)
    ("is there a helpline in ireland?", "asks_helpline"),
    ("wie kan ik bellen als het slecht gaat", "asks_helpline"),
])
def test_a_situation_is_read_in_seven_languages(text: str, situation: str) -> None:
    assert situation_of(text) == situation


@pytest.mark.parametrize("text", [
    "my ex used to hit me but im safe now",                       # a past that is over
    "my best mate killed himself in may and i keep thinking about it",   # grief, not someone at risk now
    "in hamlet is he talking about killing himself",              # discussion
    "my mom is going to kill me if i fail",                       # idiom
    "shes going to kill me when she finds out i spoiled the ending",
    "laughing so hard i cant breathe lol",                        # a laugh
    "i want to kill myself",                                      # the writer's own risk: the crisis flow's
    "my friend said i should talk to someone because i keep thinking about killing myself",
    "the voices say if i dont hurt myself theyll hurt my family",  # command hallucinations: the crisis flow's
    "what can i do when i feel a panic attack coming",            # a question about panic in general
    "does my phone number get stored",                            # the writer's own number
    "my friend took ibuprofen for her headache, can she have a glass of wine",
    "mijn vriendin reageert niet op mijn berichten",               # not answering messages is no emergency
    "had a panic attack at the store last month, its over",
    "",
])
def test_look_alikes_are_no_situation(text: str) -> None:
    assert situation_of(text) is None


def test_every_situation_has_patterns_in_the_seven_languages_and_its_guards_exist() -> None:
    raw = yaml.safe_load(situations.DEFAULT_FILE.read_text(encoding="utf-8"))
    for name in ORDER:
        entry = raw["situations"][name]
        assert set(entry) - {"guards"} == {"en", "de", "fr", "es", "it", "nl", "pt"}, name
        assert set(entry["guards"]) <= set(raw["guards"]), name
    assert {"own_risk", "recent"} <= set(raw["guards"])


def test_a_deployment_can_load_its_own_patterns(tmp_path: Path) -> None:
    own = yaml.safe_load(situations.DEFAULT_FILE.read_text(encoding="utf-8"))
    own["situations"]["panic"]["en"] = ["\\bfreaking out\\b"]
    path = tmp_path / "situations.yml"
    path.write_text(yaml.safe_dump(own, allow_unicode=True), encoding="utf-8")
    assert situations.load(str(path)).of("im freaking out") == "panic"
    assert situations.load(str(path)).of("im having a panic attack") is None
    assert situation_of("im having a panic attack") == "panic"          # the default file is unchanged


@pytest.mark.parametrize("text, answer", [
    ("definitely not", "no"), ("of course not", "no"), ("absolutely not, i have a lot to live for", "no"),
    ("claro que no", "no"), ("certo che no", "no"), ("yes definitely", "yes"), ("absolutely", "yes"),
])
def test_a_no_that_holds_a_yes_word_is_a_no(text: str, answer: str) -> None:
    from actions.screener import read_answer

    assert read_answer(text) == answer   # "definitely not" was read as yes: a false escalation


@pytest.mark.parametrize("text, clarifies", [
    ("I mean done with the job, not like that", True), ("lol no i was joking, i just meant work is a nightmare", True),
    ("nein so mein ich das nicht, die klausur bringt mich um", True), ("no, lo decia por el trabajo", True),
    ("lol no, i want to die as in that exam was brutal", True),
    ("yes, but not like i would do anything", False),   # a yes stays a yes
    ("no, im just stressed", False), ("nein, ich bin nur total müde", False),   # a no with a feeling: the screen asks on
    ("no", False), ("sometimes", False),
])
def test_a_screen_answer_that_says_it_was_not_meant_that_way(text: str, clarifies: bool) -> None:
    from actions.screener import clarifies as says_so

    assert says_so(text) == clarifies


@pytest.mark.parametrize("text", ["a" * 200_000, "ha" * 100_000, "https://example.com/" + "x" * 200_000,
                                  "i feel so tired today " * 50_000])
def test_a_huge_message_is_read_in_a_moment(text: str) -> None:
    """Ninth exploratory reading, H4: the patterns' word loops are quadratic in a word's length; a 3 MB
    message of letters blocked the support bot's event loop for every conversation (8,000 letters 8.7 s,
    200,000 letters about 1.5 hours). Only the message's ends are read, and no word longer than 40."""
    import time

    start = time.perf_counter()
    assert situation_of(text) is None
    assert time.perf_counter() - start < 5.0


def test_a_situation_at_the_end_of_a_long_paste_is_still_read() -> None:
    pasted = "i feel so tired today and i keep writing about it " * 400
    assert situation_of(pasted + "my friend just took a whole bottle of pills and wont wake up") == "emergency_other"
    assert situation_of("my friend just took a whole bottle of pills and wont wake up. " + pasted) == "emergency_other"
