"""The fractions curriculum (bot/tutor/curriculum.yml).

Four skills (levels 1..4: simplify, add_same, add_unlike, multiply), each with three
difficulty steps of several items; every item has two hints, a worked example of a similar
item and the reasoning of its own answer; every skill has several explanations. How answers
are read and graded: answers.py. ``load_curriculum(lang=...)``: the same curriculum (ids, answers,
levels) with its texts in another language (i18n/<lang>.yml ``curriculum``), for what the tutor says.

Pure Python (no Rasa): the action server imports it as ``actions.curriculum`` and the tutor's
policy, inside the Rasa server, as ``bot.tutor.actions.curriculum``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import yaml

from .lines import translation

CURRICULUM_FILE = Path(__file__).resolve().parents[1] / "curriculum.yml"
DIFFICULTIES = (1, 2, 3)


@dataclass(frozen=True)
class Item:
    """One exercise. ``level`` is its skill's level (1..4), ``difficulty`` its step (1..3)."""

    id: str
    level: int
    difficulty: int
    question: str
    answer: Fraction
    lowest_terms: bool
    hints: tuple[str, ...]
    worked_example: str
    reasoning: str


@dataclass(frozen=True)
class Skill:
    id: str
    level: int
    name: str
    explanations: tuple[str, ...]
    glossary: dict[str, str]
    steps: dict[int, tuple[Item, ...]]  # difficulty -> items, easiest first
    glossary_words: dict[str, str] = field(default_factory=dict)  # a word in another language -> its glossary term


@dataclass(frozen=True)
class Curriculum:
    skills: dict[int, Skill]  # level -> skill

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(sorted(self.skills))

    def item(self, item_id: str) -> Optional[Item]:
        """The item with this id, or None (an id from an older curriculum)."""
        return self._items().get(item_id)

    def _items(self) -> dict[str, Item]:
        return {it.id: it for skill in self.skills.values() for items in skill.steps.values() for it in items}

    def first(self) -> Item:
        return self.skills[self.levels[0]].steps[DIFFICULTIES[0]][0]

    def glossary(self) -> dict[str, str]:
        return {term: text for skill in self.skills.values() for term, text in skill.glossary.items()}

    def glossary_words(self) -> dict[str, str]:
        """Every way of writing a glossary term (lower case) -> the term: the term itself, and its
        words in other languages ("denominador" -> "denominator")."""
        words = {term: term for term in self.glossary()}
        words.update({word: term for skill in self.skills.values() for word, term in skill.glossary_words.items()})
        return words

    def pick(self, level: int, difficulty: int, seen: set[str], avoid: str | None = None,
             done: Sequence[str] = ()) -> Item:
        """An item at (level, difficulty), clamped to the curriculum: the first not in ``seen``; else the first not
        ``done`` (answered right, or its answer shown: oldest first) that is not ``avoid`` (the current item), so the
        question always changes; else the one done longest ago (reading 11, L2: after the last item the first one,
        already solved, came again while others were left unfinished)."""
        level = min(max(level, self.levels[0]), self.levels[-1])
        difficulty = min(max(difficulty, DIFFICULTIES[0]), DIFFICULTIES[-1])
        items = [it for it in self.skills[level].steps[difficulty] if it.id != avoid]
        fresh = [it for it in items if it.id not in seen]
        unfinished = [it for it in items if it.id not in done]
        if fresh or unfinished:
            return (fresh or unfinished)[0]
        order = list(done)
        return min(items, key=lambda it: order.index(it.id)) if items else self.skills[level].steps[difficulty][0]

    def easier(self, item: Item) -> Optional[tuple[int, int]]:
        """(level, difficulty) one step easier than ``item``, or None at the very first step."""
        if item.difficulty > DIFFICULTIES[0]:
            return item.level, item.difficulty - 1
        if item.level > self.levels[0]:
            return item.level - 1, DIFFICULTIES[-1]
        return None

    def harder(self, item: Item) -> Optional[tuple[int, int]]:
        """(level, difficulty) one step harder than ``item``, or None at the very last step."""
        if item.difficulty < DIFFICULTIES[-1]:
            return item.level, item.difficulty + 1
        if item.level < self.levels[-1]:
            return item.level + 1, DIFFICULTIES[0]
        return None


def _item(level: int, difficulty: int, raw: dict) -> Item:
    return Item(id=str(raw["id"]), level=level, difficulty=difficulty, question=str(raw["question"]),
                answer=Fraction(str(raw["answer"])), lowest_terms=bool(raw.get("lowest_terms", False)),
                hints=tuple(str(h) for h in raw["hints"]), worked_example=str(raw["worked_example"]),
                reasoning=str(raw["reasoning"]))


def parse_curriculum(data: dict) -> Curriculum:
    """A curriculum from the YAML's mapping; raises ValueError when a skill lacks a step,
    an explanation (two or more) or an item lacks its two hints."""
    skills = {}
    for level, raw in enumerate(data["skills"], start=1):
        steps = {int(s["difficulty"]): tuple(_item(level, int(s["difficulty"]), it) for it in s["items"])
                 for s in raw["steps"]}
        skill = Skill(id=str(raw["id"]), level=level, name=str(raw["name"]),
                      explanations=tuple(str(e) for e in raw["explanations"]),
                      glossary={str(k).lower(): str(v) for k, v in (raw.get("glossary") or {}).items()},
                      steps=steps,
                      glossary_words={str(w).lower(): str(term).lower()
                                      for term, words in (raw.get("glossary_words") or {}).items() for w in words})
        if sorted(steps) != list(DIFFICULTIES) or any(not items for items in steps.values()):
            raise ValueError(f"skill {skill.id}: needs items at difficulties {DIFFICULTIES}")
        if len(skill.explanations) < 2:
            raise ValueError(f"skill {skill.id}: needs two or more explanations")
        for items in steps.values():
            for it in items:
                if len(it.hints) < 2:
                    raise ValueError(f"item {it.id}: needs two hints")
        skills[level] = skill
    return Curriculum(skills)


@lru_cache(maxsize=16)
def load_curriculum(path: Path = CURRICULUM_FILE, lang: str = "en") -> Curriculum:
    """The curriculum at ``path``, its texts in ``lang`` where i18n/<lang>.yml has them."""
    if lang != "en":
        return translated(load_curriculum(path), translation(lang).get("curriculum") or {})
    with open(path, encoding="utf-8") as f:
        return parse_curriculum(yaml.safe_load(f))


def translated(curriculum: Curriculum, texts: dict) -> Curriculum:
    """``curriculum`` with the texts of ``texts`` (``skills``: id -> name, explanations, glossary;
    ``items``: id -> question, hints, worked_example, reasoning); a text missing there stays as it was."""
    skills = {}
    for level, skill in curriculum.skills.items():
        said = (texts.get("skills") or {}).get(skill.id) or {}
        steps = {difficulty: tuple(_translated_item(it, (texts.get("items") or {}).get(it.id) or {}) for it in items)
                 for difficulty, items in skill.steps.items()}
        skills[level] = replace(skill, name=str(said.get("name") or skill.name), steps=steps,
                                explanations=tuple(str(e) for e in said.get("explanations") or skill.explanations),
                                glossary={**skill.glossary, **{str(k).lower(): str(v) for k, v in
                                                               (said.get("glossary") or {}).items()}})
    return Curriculum(skills)


def _translated_item(item: Item, said: dict) -> Item:
    return replace(item, question=str(said.get("question") or item.question),
                   hints=tuple(str(h) for h in said.get("hints") or item.hints),
                   worked_example=str(said.get("worked_example") or item.worked_example),
                   reasoning=str(said.get("reasoning") or item.reasoning))
