"""A reply during the C-SSRS screen that answers no question of it (fourteenth reading, S1, M1).

"Ja, ich soll eine kleine Rede halten." (a yes to the funeral speech) was read as a yes to "have you wished you were
dead?", and "Mis amigos dicen que salga con ellos el sábado pero no tengo ganas" as a no to "have you had thoughts of
killing yourself?": each stepped to the next question as if answered. Such a reply is no answer:

- a yes about something else: a yes word, then a clause of at least screener.yml ``off_topic.min_words`` words that
  tells of a task or of what others say (``off_topic.elsewhere``: "ich soll", "i have to", "mis amigos dicen"), with no
  word that owns the yes (``owning``: "honestly", "someone to talk to"), none that speaks of the question
  (``answers.refers``), no hedge, time or further yes, and no risk words;
- a no that is only a word deep in a longer story: in a message of more than ``screener.SHORT_ANSWER_WORDS`` words, a
  no word first after its opening ``screener.ANSWER_OPENING_WORDS`` words, as for a yes (read_answer), and no past
  that is over ("i did years ago but not anymore" is a no).

Neither when the message's own reading is flagged or states warning-sign language: a risky reply is never made to read
safe ("ja", "ja leider", "yes", "sometimes", "idk maybe" stay answers). Such a reply, and a statement that is no answer,
gets a reflection of what was said (listening.py) before the question is asked again, once (crisis_screen.py).
"""
from __future__ import annotations

from typing import Any, Mapping

from connectors.contract import emotion_of
from rasa_sdk import Tracker

from actions import listening, screen_words, screener
from actions.conversation import Say, user_turns
from actions.bank import answers
from actions.echo import risk_words, said_back
from actions.language import least_recent
from actions.question_form import is_question


def _words(key: str):
    """screener.yml ``off_topic.<key>`` as whole words over folded text."""
    return screener.words_in(screener.config()["off_topic"][key])


def _answer_words(*kinds: str):
    """screener.yml ``answers`` of ``kinds`` as whole words over folded text."""
    return screener.words_in([w for kind in kinds for w in screener.config()["answers"][kind]])


def yes_about_something_else(text: str) -> bool:
    """Whether ``text`` opens with a yes and goes on about something else (the module docstring)."""
    folded = screener.fold(text or "")
    opening = _answer_words("yes").search(folded)
    if not opening or len(folded[:opening.start()].split()) >= screener.ANSWER_OPENING_WORDS:
        return False
    rest = folded[opening.end():]
    if len(rest.split()) < int(screener.config()["off_topic"]["min_words"]) or not _words("elsewhere").search(rest):
        return False
    speaks_of_it = _answer_words("refers", "hedge", "recent", "yes", "weak_yes").search(rest)
    return not speaks_of_it and not _words("owning").search(rest) and not risk_words(text)


def no_deep_in_a_story(text: str) -> bool:
    """Whether ``text`` is a longer message whose first no word comes after its opening words (the module docstring)."""
    folded = screener.fold(text or "")
    if len(folded.split()) <= screener.SHORT_ANSWER_WORDS or screen_words.over(text):
        return False
    first_no = _answer_words("no").search(folded)
    return bool(first_no) and len(folded[:first_no.start()].split()) >= screener.ANSWER_OPENING_WORDS


def about_something_else(text: str, answer: str, crisis: Mapping[str, Any]) -> bool:
    """Whether ``answer`` ("yes" / "no" as read from ``text``) answers something other than the screen's question;
    never for a message read at risk itself (``crisis``: its ``derived.crisis``, flagged or warning-sign language)."""
    if crisis.get("turn_flag", crisis.get("flag")) or crisis.get("explicit"):
        return False
    return (answer == "yes" and yes_about_something_else(text)) or (answer == "no" and no_deep_in_a_story(text))


def a_statement(text: str) -> bool:
    """Whether ``text`` says something of its own that can be reflected (at least ``off_topic.min_words`` words, no
    question, no "idk" or "what do you mean": screener.yml ``answers.unclear``)."""
    folded = screener.fold(text or "")
    return len(folded.split()) >= int(screener.config()["off_topic"]["min_words"]) and not is_question(text) \
        and not _answer_words("unclear").search(folded)


REFLECTION_TRIES = 6
"""Lines of the listening bank tried for a reflection that asks nothing (the screen's question comes next)."""


def reflection(say: Say, tracker: Tracker) -> str:
    """What the latest message said, said back: in English its own words (echo.said_back, responses.yml
    ``answers.screen_heard_said``), else a reflection of its topic and feeling (listening.compose, no echo, so no
    "that sounds like a good step" to "nee ik wil niemand bellen") that asks no question of its own."""
    text = tracker.latest_message.get("text") or ""
    said = said_back(text) if say.lang == "en" else None
    if said:
        return least_recent(answers(say.lang)["screen_heard_said"], say.recent).format(said=said)
    emotion = emotion_of(tracker.latest_message.get("metadata"))
    label = (emotion.get("turn") or emotion.get("state") or {}).get("label")
    lines = [listening.compose("reflection", text, label, say.recent, turn=user_turns(tracker) + n, lang=say.lang, echo=False)
             for n in range(REFLECTION_TRIES)]
    return next((line for line in lines if "?" not in line and "¿" not in line), lines[0])
