"""A question about a story the person is reading or watching, answered as one: "why did she throw herself under the
train?" after "im reading anna karenina for my literature class" (tenth exploratory reading, L2: it got "What would
help you most right now: to talk it through, or just to let it out?").

Told by a question with no word of the person's own ("i", "my", "ich", "je", "yo", ...) when the question, or one of
their last ``STORY_WINDOW`` messages before it, names a book, a novel, a film or a series, or the crisis reading guards
it as fiction; never for warning-sign language stated (``explicit``) or the message's own high-risk flag: those are the
crisis flow's.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.bank import answers
from actions.conversation import Say, crisis_of, earlier_messages
from actions.language import folded, least_recent
from actions.question_form import is_question

STORY_WINDOW = 4
"""How many of the person's messages before a question are read for the story it may be about."""
STORY = re.compile(
    r"\b(?:book|novel|story|stories|chapter|character|film|movie|series|poem|literature|lit class|english class|fiction"
    r"|buch|roman|geschichte|kapitel|romanfigur|serie|gedicht|lekture|deutschunterricht"
    r"|livre|histoire|chapitre|personnage|poeme|cours de francais"
    r"|libro|novela|historia|capitulo|personaje|pelicula|poema|clase de literatura"
    r"|romanzo|capitolo|personaggio|poesia|letteratura"
    r"|boek|verhaal|hoofdstuk|personage|gedicht|literatuur"
    r"|livro|romance|personagem|filme|literatura)\b")
"""Words that name a story (folded: lower case, no accents), in seven languages."""
OWN = re.compile(
    r"\b(?:i|im|ive|id|me|my|myself|mine|ich|mich|mir|mein\w*|je|j|moi|mon|mes|yo|mi|mis|conmigo|io|mio|mia|miei|mie"
    r"|ik|mij|mijn|mn|mezelf|eu|mim|meu|minha|meus|minhas|comigo)\b")
"""Words of the person's own (folded, apostrophes as spaces: "i'm" -> "i m"): a question about themselves, not a story."""


def about_a_story(tracker: Tracker) -> bool:
    """Whether the latest message is a question about a story (see the module docstring)."""
    text = tracker.latest_message.get("text") or ""
    crisis = crisis_of(tracker)
    plain = folded(text).replace("'", " ").replace("’", " ")
    if not is_question(text) or OWN.search(plain) or crisis.get("explicit") or crisis.get("turn_flag", crisis.get("flag")):
        return False
    told = [text, *earlier_messages(tracker, STORY_WINDOW)]
    return "fiction" in (crisis.get("guards") or []) or any(STORY.search(folded(said)) for said in told)


def answer(say: Say, tracker: Tracker) -> List[Dict[Text, Any]]:
    """The question taken up as one about the story: what the person makes of it, what the story showed before."""
    say(least_recent(answers(say.lang)["story_question"], say.recent))
    return [SlotSet("last_strategy", "question")]
