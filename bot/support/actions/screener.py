"""The C-SSRS screener in plain language, and how the support bot reads a person's answers.

The Columbia Suicide Severity Rating Scale's screen version asks up to six questions about the
past month (behaviour: the past three months). The bot asks them one at a time after a message
with *possible* crisis risk (the emotion service's ``derived.crisis.level == "possible"``):

    1 wish to be dead        -> 2
    2 thoughts of suicide    -> yes: 3, no: 6
    3 method                 -> 4
    4 intent                 -> 5
    5 plan                   -> 6
    6 recent behaviour       -> done

Triage (the screen's own): a yes to 4, 5 or 6 is high risk (the bot hands the conversation to a
human at once), a yes to 2 or 3 moderate (handed over once the screen is complete). A yes to 1 alone is low risk: the bot gives the
crisis resources and keeps listening. An answer that dismisses the question ("never mind",
"lol jk", "forget it") or a "no" that ends the screen clears it: the person carries on.

:func:`read_answer` classifies an answer as ``yes``, ``no``, ``dismiss`` or ``unclear`` from
words in English, German, French, Spanish, Italian, Dutch and Portuguese (``screener.yml``).
Hedged answers ("kind of", "sometimes", "a bit", "idk maybe") count as yes: the screen errs toward asking on.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Literal, Optional, Sequence, Tuple

import yaml

from actions.question_form import is_question

Answer = Literal["yes", "no", "dismiss", "unclear"]
SHORT_ANSWER_WORDS = 6
"""An answer this short is read whole; in a longer one a yes counts only in its first words."""
ANSWER_OPENING_WORDS = 4
"""A person who answers says so first ("yeah, most nights since the move"); a yes further into a
longer message is part of a story that goes on past the question ("my kids, I see them one
weekend sì and one no") and is no answer: unclear, asked again once. (Both numbers were chosen on
the dev answers and dev conversations; a long answer that carries risk itself still counts as
yes: the bot's ``answer_of`` reads the message's own crisis flag.)"""
WHOLE_ANSWER_WORDS = 2
"""screener.yml ``weak_yes`` ("right", "y") counts only in an answer this short: "right. i think i hav to tell him"
and "il y a quelqu'un ?" are no yes (ninth reading, M1, L6)."""
Outcome = Literal["ask", "escalate", "low", "clear"]

SCREENER_FILE = Path(__file__).with_name("screener.yml")


@dataclass(frozen=True)
class Question:
    number: int
    ask: str
    again: str  # asked once more after an unclear answer


@dataclass(frozen=True)
class Step:
    """What the bot does after an answer: ask ``question`` next, or end the screen."""

    outcome: Outcome
    question: Optional[int] = None


@lru_cache(maxsize=1)
def config() -> Dict:
    """screener.yml: the questions, and the words that answer them or tell more (disclosure.py)."""
    return yaml.safe_load(SCREENER_FILE.read_text(encoding="utf-8"))


def questions(lang: str = "en") -> Dict[int, Question]:
    """The screen's questions, in ``lang`` where i18n/<lang>.yml has them."""
    from actions.language import translated

    source = (translated(lang) or {}).get("questions") or config()["questions"]
    return {int(n): Question(int(n), q["ask"], q["again"]) for n, q in source.items()}


def fold(text: str) -> str:
    """``text`` as its words are matched: lowercase, no accents, punctuation but apostrophes as spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text)).strip()


@lru_cache(maxsize=1)
def _patterns() -> Dict[str, re.Pattern]:
    words = config()["answers"]
    unquoted = [w for kind in words.values() for w in kind if not isinstance(w, str)]
    if unquoted:  # YAML reads a bare yes / no / true as a boolean
        raise ValueError(f"{SCREENER_FILE}: quote these answer words: {unquoted}")
    return {kind: re.compile(r"(?<!\w)(?:" + "|".join(sorted((re.escape(fold(w) or w) for w in words[kind]),
                                                              key=len, reverse=True)) + r")(?!\w)")
            for kind in ("yes", "weak_yes", "aux", "no", "dismiss", "hedge", "laugh", "past", "recent", "unclear", "unsure",
                         "self", "negation", "refers")}


def clarifies(text: str) -> bool:
    """Whether an answer says the words that started the screen were not meant that way ("i mean
    done with the job, not like that", "just an expression", "im not in danger"; screener.yml
    ``clarify``), or is a no that says what was meant (``explain``), and is no yes ("yes, but not
    like that" is a yes)."""
    folded, answer = fold(text or ""), read_answer(text)
    if answer == "yes":
        return False
    if _words(config()["clarify"]).search(folded):
        return True
    # a "no" that says what was meant instead ("god no. i love my life, i just hate mondays"), no "but" after it
    return answer == "no" and len(folded.split()) > 3 and bool(_words(config()["explain"]).search(folded)) \
        and not re.search(r"\b(?:but|aber|mais|pero|maar)\b", folded)


@lru_cache(maxsize=8)
def _compiled(words: Tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in words) + r")(?!\w)")


def _words(words: Sequence[str]) -> re.Pattern:
    """``words`` (folded) as one pattern that matches whole words, compiled once."""
    return _compiled(tuple(words))


def words_in(words: Sequence[str]) -> re.Pattern:
    """``words`` (folded) as one pattern that matches whole words (:func:`_words`), for callers outside this module."""
    return _words(words)


def denies(text: str) -> bool:
    """Whether ``text`` holds a negation (screener.yml ``negation``: "not", "haven't", "geen", "pas")."""
    folded = fold(text or "")
    return "n't" in folded or bool(_patterns()["negation"].search(folded))


def asks(text: str) -> Optional[str]:
    """"why" when the person asks why the screen asks ("why do you ask?"), "again" when they ask
    to hear the question again ("what was the question?"), else None (screener.yml ``asks``)."""
    folded = fold(text or "")
    for kind in ("why", "again"):
        if re.search(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in config()["asks"][kind]) + r")(?!\w)", folded):
            return kind
    return None


def read_answer(text: str) -> Answer:
    """``yes`` / ``no`` / ``dismiss`` / ``unclear`` for an answer to a screener question.

    Order: a dismissal wins ("no jk", "never mind"); asking what is meant or not knowing
    ("what kind of plan?", "idk") is unclear; a past
    that is over ("years ago, not anymore") is no; then a "no" that is not corrected by a later
    yes ("no... well actually yes" is yes); then a yes or a hedge (a bare "i do" / "i have" not in
    a question of the person's own: "what can i do to fall asleep?"); a laugh with neither ("lol")
    dismisses; a plain statement about oneself without negation ("i wrote goodbye letters")
    affirms when it speaks of the question (``refers``: "i've read about it", not "i think i hav to tell him"); a bare
    "i have" only where a clause ends with it; "right" or "y" only as the whole answer (``WHOLE_ANSWER_WORDS``);
    anything else ("idk") is unclear. In a message of more than ``SHORT_ANSWER_WORDS``
    words, a yes or hedge counts only within its first ``ANSWER_OPENING_WORDS`` words, and a
    statement about oneself does not affirm.
    """
    emoji = " ".join(c for c in text or "" if unicodedata.category(c) == "So")  # fold drops them
    folded = f"{fold(text or '')} {emoji}".strip()
    if not folded:
        return "unclear"
    spans = {kind: [(m.start(), m.end()) for m in pattern.finditer(folded)] for kind, pattern in _patterns().items()}
    meant = _earnest_spans(folded, text or "")  # "not joking", "no es broma": neither a dismissal nor a no (ninth reading, H3)
    spans = {kind: [(a, b) for a, b in found if not any(s <= a < e for s, e in meant)] for kind, found in spans.items()}
    within_no = lambda start: any(a <= start < b for a, b in spans["no"])  # noqa: E731 ("definitely" in "definitely not")
    found = {kind: [start for start, _ in found if kind not in ("yes", "hedge", "aux") or not within_no(start)]
             for kind, found in spans.items()}
    if found["dismiss"]:
        return "dismiss"
    short = len(folded.split()) <= SHORT_ANSWER_WORDS
    if found["aux"] and ("?" in (text or "") or not _clause_final_aux(text or "")):
        found["aux"] = []  # "what did i say about my partner", "i have to tell him": no bare "i did" (ninth reading, M1)
    if len(folded.split()) <= WHOLE_ANSWER_WORDS:
        found["yes"] = sorted(found["yes"] + found["weak_yes"])  # "right", "y": a yes only as the whole answer
    yes = found["yes"] + found["hedge"] + found["aux"]
    if found["unclear"]:  # not knowing with a hedge ("idk maybe", "not sure, maybe") is a hedged yes (fourteenth reading, S1)
        return "yes" if found["hedge"] and set(spans["unclear"]) <= set(spans["unsure"]) else "unclear"
    if found["past"] and not found["recent"]:
        return "no"
    if found["no"] and (not yes or min(found["no"]) < min(yes) and not _yes_after_no(folded, found)):
        return "no"
    if yes and (short or len(folded[:min(yes)].split()) < ANSWER_OPENING_WORDS):
        return "yes"
    if found["laugh"]:
        return "dismiss"
    if meant:  # "im serious actually", "das ist kein witz": what was said is meant
        return "yes"
    # "i wrote goodbye letters": a short statement about oneself that speaks of the question (``refers``), no negation,
    # not a question; "i think i hav to tell him" is about something else (ninth reading, M1)
    if short and found["self"] and min(found["self"]) == 0 and found["refers"] and not found["negation"] \
            and not is_question(text):
        return "yes"
    return "unclear"


def _clause_final_aux(text: str) -> bool:
    """Whether a bare "i have" / "i did" / "i do" of screener.yml ``aux`` ends a clause of ``text`` ("yeah.. i have",
    "i did, last week"), not the start of one ("i have to tell him", "what did i say")."""
    plain = unicodedata.normalize("NFKD", (text or "").lower().replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = "|".join(sorted((re.escape(w) for w in config()["answers"]["aux"]), key=len, reverse=True))
    return bool(re.search(rf"(?<!\w)(?:{words})\s*(?:[.,;:!…)\-]|$)", plain.strip()))


def earnest(text: str) -> bool:
    """Whether ``text`` says that what was said is meant ("im serious actually", "no es broma", "je rigole pas", "das
    ist kein Witz", "non sto scherzando", "ik meen het", "não é brincadeira"; screener.yml ``earnest``): not a question
    ("seriously?"), not denied just before ("no lo decía en serio", "niet serieus bedoeld")."""
    rest = REPLY_NO.sub("", text or "", count=1)  # "no, en serio, lo digo en serio": a no to "was it a joke?" (tenth reading, M3)
    return bool(_earnest_spans(fold(text or ""), text or "") or (rest != (text or "") and _earnest_spans(fold(rest), rest)))


REPLY_NO = re.compile(r"^\W*(?:no|nope|nah|nein|non|nee|não|nao)\s*[,.!;:]+\s*", re.IGNORECASE)
"""A no that opens a reply and is its own clause ("no, im serious"): it denies nothing the message goes on to say."""


def _earnest_spans(folded: str, text: str) -> List[Tuple[int, int]]:
    if "?" in text:
        return []
    return [(m.start(), m.end()) for m in _words(config()["earnest"]).finditer(folded)
            if not denies(" ".join(folded[:m.start()].split()[-3:]))]


def laughed_only(text: str) -> bool:
    """Whether ``text`` would be a dismissal only for a laugh in it ("might just walk into the sea lol"), with no word
    that takes anything back ("jk", "never mind")."""
    folded = fold(text or "")
    emoji = " ".join(c for c in text or "" if unicodedata.category(c) == "So")
    return bool(_patterns()["laugh"].search(f"{folded} {emoji}")) and not _patterns()["dismiss"].search(folded)


CLEAR_YES = re.compile(r"^\W*(?:yes|yeah|yea|yep|yup|ya|ok|okay|sure|please|yes please|ok please|alright|go ahead|"
                       r"ja|gerne|bitte|oui|d accord|volontiers|si|sí|claro|por favor|vale|certo|va bene|graag|"
                       r"sim|pode ser|por favor)\b")


def says_yes(text: str) -> bool:
    """A clear yes to an offer ("yes", "ok please", "ja gerne"): a yes word first, no no."""
    folded = fold(text or "")
    later = re.search(r"\b(?:later|not now|another time|spater|plus tard|mas tarde|piu tardi|dopo|straks|depois|mais tarde)\b",
                      folded)
    return bool(CLEAR_YES.match(folded)) and not later and read_answer(text) in ("yes", "unclear")


def _yes_after_no(folded: str, found: Dict[str, List[int]]) -> bool:
    """A yes after a no that corrects it ("no, well, actually yes"), not "no but i'm fine"."""
    first_no = min(found["no"])
    later_yes = [p for p in found["yes"] + found["hedge"] + found["aux"] if p > first_no]
    return bool(later_yes) and bool(re.search(r"\b(actually|well|i mean|eigentlich|en fait|bueno|pensandolo)\b", folded))


def next_step(question: int, answer: Answer, answers: Sequence[Tuple[int, str]]) -> Step:
    """The step after ``answer`` to ``question``; ``answers``: the (question, answer) pairs so far,
    this one included. An ``unclear`` answer is handled by the caller (asked again once)."""
    said_yes = {q for q, a in answers if a == "yes"}
    if answer == "dismiss":
        return Step("clear")
    if answer == "yes" and question in (4, 5, 6):  # high risk: no further question first
        return Step("escalate")
    if question == 1:
        return Step("ask", 2)
    if question == 2:
        return Step("ask", 3) if answer == "yes" else Step("ask", 6)
    if question in (3, 4):
        return Step("ask", question + 1)
    if question == 5:
        return Step("ask", 6)
    # question 6: the screen is complete
    if said_yes & {2, 3, 4, 5, 6}:
        return Step("escalate")
    if 1 in said_yes:
        return Step("low")
    return Step("clear")


def risk_of(answers: Sequence[Tuple[int, str]]) -> str:
    """The screen's triage so far: ``high`` (yes to 4-6), ``moderate`` (yes to 2-3), ``low``
    (yes to 1), ``none``."""
    said_yes = {q for q, a in answers if a == "yes"}
    if said_yes & {4, 5, 6}:
        return "high"
    if said_yes & {2, 3}:
        return "moderate"
    return "low" if 1 in said_yes else "none"
