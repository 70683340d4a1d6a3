"""The support bot's response bank, per language: ``responses.yml`` (English) and the i18n files.

``bank()`` is the English bank as written; ``listening_in(lang)`` what supportive-listening lines
are made of in one language (strategies, topics, feelings, steps, names), read once per language;
``words_pattern`` how a list of words a person types is matched; ``tool`` / ``names_tool`` the
tools' messages and names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from actions.language import translated

RESPONSES_FILE = Path(__file__).with_name("responses.yml")
STRATEGIES = ("question", "restatement", "reflection", "affirmation", "suggestion", "information")


@dataclass(frozen=True)
class Bank:
    strategies: Dict
    topics: Dict[str, Dict]
    named_feelings: List[str]
    feeling_by_label: Dict[str, str]
    tools: Dict[str, List[str]]
    handoff: Dict[str, Dict]
    tool_names: Dict[str, List[str]]
    checkin_answer: Dict
    answers: Dict
    quote: List[str]
    greetings: List[str]
    dilemma: List[str]
    farewells: List[str]
    affirming: List[str]  # parts of lines never said to a message with risk words (listening.compose)
    hardship: List[str]  # parts of lines that take a message as something hard (listening.compose)
    thanks: List[str]  # words that thank, seven languages (replies.ActionYouAreWelcome)
    exercises: Dict[str, List[str]]  # the steps of breathing and grounding after their first message (exercise.py)
    closing: Dict[str, List[str]]  # farewells_alone, thanks_alone, closing_words, thanks_for (listening.closing)


@lru_cache(maxsize=1)
def bank() -> Bank:
    raw = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))
    return Bank(raw["strategies"], raw["topics"], raw["feelings"]["named"], raw["feelings"]["by_label"], raw["tools"],
                raw["handoff"], raw["tool_names"], raw["checkin_answer"], raw["answers"], raw["quote"], raw["greetings"], raw["dilemma"],
                raw["farewells"], raw["affirming"], raw["hardship"], raw["thanks"], raw["exercises"],
                {key: raw[key] for key in ("farewells_alone", "thanks_alone", "closing_words", "thanks_for")})


def answers(lang: str) -> Dict:
    """The ``answers`` block of the bank in ``lang``, English where the language has no line."""
    return {**bank().answers, **((translated(lang) or {}).get("answers") or {})}


def says(words: Sequence[str], text: Optional[str]) -> bool:
    """Whether ``text`` holds one of ``words`` (as :func:`words_pattern` matches them), any case."""
    return bool(words_pattern(words).search((text or "").lower().replace("’", "'")))


def words_pattern(words: Sequence[str]) -> re.Pattern:
    """Words or phrases matched as words or word starts ("sleep" matches "sleeping"); one whose
    last word is shorter than 3 letters only as a whole word ("my ex" is not "my exam"). Built
    once per word list (the handoff's ten kinds are read every turn)."""
    return _compiled_words(tuple(words))


@lru_cache(maxsize=256)
def _compiled_words(words: Tuple[str, ...]) -> re.Pattern:
    def alternative(word: str) -> str:
        word = word.lower()
        return re.escape(word) + (r"(?!\w)" if len(word.split()[-1]) < 3 else "")

    alternatives = sorted((alternative(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")")


@dataclass(frozen=True)
class Listening:
    """What supportive-listening lines are made of in one language.

    strategies: strategy -> {"general": [lines], "topic": [templates] or {topic: [lines]}};
    topics: topic -> {"name": what a line calls it, "words": what a person types};
    feelings: what a person types -> the word a line says; feeling_by_label: emotion label -> word;
    default_feeling: the word when neither says one.
    """

    strategies: Dict
    topics: Dict[str, Dict]
    feelings: Dict[str, str]
    feeling_by_label: Dict[str, str]
    default_feeling: str
    topic_patterns: Dict[str, re.Pattern]
    feeling_pattern: Optional[re.Pattern]
    steps: Dict  # {"patterns": [regex], "echo": [lines with {said}], "general": [lines]}
    step_pattern: Optional[re.Pattern]
    quote: List[str]  # lines that quote a short message ({quote})
    good_news: List[str]  # affirmation lines only for good news (GOOD_NEWS)
    name_patterns: Tuple[re.Pattern, ...]  # a name the person tells, captured as (?P<name>...) (names.py)
    name_lines: List[str]  # lines that say it back ({name})
    own_name_patterns: Tuple[re.Pattern, ...] = ()  # the person's own name ("my name is sam")
    welcome: Tuple[str, ...] = ()  # lines that welcome them by it ({name})
    ask: Tuple[str, ...] = ()  # what is asked after a welcome when the message says nothing more


@lru_cache(maxsize=16)
def listening_in(lang: str = "en") -> Listening:
    """The listening bank of ``lang`` (English: responses.yml; else i18n/<lang>.yml's general lines
    and its ``listening`` block; a language without that block has general lines only)."""
    own = translated(lang)
    if own is None:
        english = bank()
        strategies, topics = english.strategies, english.topics
        feelings, by_label, default = {w: w for w in english.named_feelings}, english.feeling_by_label, "heavy"
        raw = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))
        steps, names = raw["steps"], raw["names"]
        quote = list(english.quote)
        good_news = list(strategies["affirmation"].get("good_news") or [])
    else:
        block = own.get("listening") or {}
        extra = block.get("strategies") or {}
        strategies = {name: {"general": list((extra.get(name) or {}).get("general") or []) + list(own["strategies"][name]),
                             "topic": (extra.get(name) or {}).get("topic") or []} for name in STRATEGIES}
        topics = block.get("topics") or {}
        feelings = {str(k).lower(): str(v) for k, v in ((block.get("feelings") or {}).get("named") or {}).items()}
        by_label = (block.get("feelings") or {}).get("by_label") or {}
        default = by_label.get("neutral", "")
        steps, names = block.get("steps") or {}, block.get("names") or {}
        quote = list(block.get("quote") or [])
        good_news = list(own.get("good_news") or [])
    patterns = steps.get("patterns") or []
    own_name = names.get("own") or {}
    return Listening(strategies, topics, feelings, by_label, default,
                     {name: words_pattern(topic["words"]) for name, topic in topics.items()},
                     words_pattern(list(feelings)) if feelings else None,
                     steps, re.compile("|".join(patterns)) if patterns else None, quote, good_news,
                     tuple(re.compile(p) for p in names.get("patterns") or []), list(names.get("lines") or []),
                     tuple(re.compile(p) for p in own_name.get("patterns") or []), tuple(own_name.get("welcome") or ()),
                     tuple(own_name.get("ask") or ()))


def tool(name: str, lang: str = "en") -> List[str]:
    """The messages of a tool (breathing, grounding, checkin), in ``lang`` where translated."""
    return list(((translated(lang) or {}).get("tools") or {}).get(name) or bank().tools[name])


def exercise_steps(name: str, lang: str = "en") -> List[str]:
    """The steps of the exercise ``name`` (breathing, grounding, or ``again``: one breathing round
    more) after the tool's first message, in ``lang`` where translated."""
    return list(((translated(lang) or {}).get("exercises") or {}).get(name) or bank().exercises[name])


def names_tool(name: str, text: str) -> bool:
    """Whether ``text`` names the tool ``name`` (one of its ``tool_names``, any case)."""
    lowered = text.lower()
    return any(str(word).lower() in lowered for word in bank().tool_names[name])
