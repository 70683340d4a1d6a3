"""The learner model: Bayesian Knowledge Tracing per student and skill, and the performance cues.

BKT (Corbett & Anderson, 1995) keeps P(the student knows the skill). After each graded answer:

    posterior = P(L)(1-slip) / (P(L)(1-slip) + (1-P(L))guess)        if correct
              = P(L)slip / (P(L)slip + (1-P(L))(1-guess))             if wrong
    P(L) next = posterior + (1 - posterior) * learn

The four parameters (``p_init``, ``p_learn``, ``p_guess``, ``p_slip``) come from
bot/tutor/tutor.yml; they are textbook defaults, not fitted: with logged answers, pyBKT's
``Model.fit`` estimates them per skill and the numbers go into that file.

The whole learner state lives in one Rasa slot (``learner``, type any) as a plain dict, so the
tracker store persists it and erasing the tracker erases it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Mapping, Optional


@dataclass(frozen=True)
class BKT:
    p_init: float = 0.2
    p_learn: float = 0.15
    p_guess: float = 0.2
    p_slip: float = 0.1

    def update(self, p_known: float, correct: bool) -> float:
        """P(known) after one answer (probabilities in [0, 1])."""
        if correct:
            hit, miss = p_known * (1 - self.p_slip), (1 - p_known) * self.p_guess
        else:
            hit, miss = p_known * self.p_slip, (1 - p_known) * (1 - self.p_guess)
        posterior = hit / (hit + miss) if hit + miss > 0 else p_known
        return posterior + (1 - posterior) * self.p_learn


@dataclass(frozen=True)
class Learner:
    """Where the student is and how they are doing.

    Attributes:
        item: the current item's id ("" before the lesson starts).
        mastery: skill level (as str, JSON keys) -> P(known).
        wrong_in_a_row: tries in a row on the current item that were not right (wrong, or the right
            value not simplified).
        correct_in_a_row: correct answers in a row, across items.
        hints: hints given on the current item (asked for, or after a second wrong answer).
        confusion: times the student showed confusion on the current item.
        explained: explanations given so far (the next one is the one after).
        worked: a worked example was shown for the current item.
        seen: items already shown, oldest first (the last 50).
        done: items answered right or worked through (their answer shown), oldest first (the last 50): not served
            again while another is left unfinished (reading 11, L2).
        skipped: items skipped in a row without an answer ("next", "skip").
        stepped_down: steps down for frustration since the last correct answer (the second one
            offers a break; the third works the item through instead: pedagogy.work_through_after).
    """

    item: str = ""
    mastery: dict[str, float] = field(default_factory=dict)
    wrong_in_a_row: int = 0
    correct_in_a_row: int = 0
    hints: int = 0
    confusion: int = 0
    explained: int = 0
    worked: bool = False
    seen: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    skipped: int = 0
    stepped_down: int = 0

    @classmethod
    def from_slot(cls, value: Optional[Mapping[str, Any]]) -> "Learner":
        """The learner from the slot's dict; unknown or malformed fields fall back to defaults."""
        if not isinstance(value, Mapping):
            return cls()
        known = {k: v for k, v in value.items() if k in cls.__dataclass_fields__}
        try:
            learner = cls(**known)
            return replace(learner, mastery={str(k): float(v) for k, v in dict(learner.mastery).items()},
                           seen=tuple(str(s) for s in learner.seen), done=tuple(str(d) for d in learner.done),
                           wrong_in_a_row=int(learner.wrong_in_a_row),
                           correct_in_a_row=int(learner.correct_in_a_row), hints=int(learner.hints),
                           confusion=int(learner.confusion), explained=int(learner.explained),
                           worked=bool(learner.worked), item=str(learner.item), skipped=int(learner.skipped),
                           stepped_down=int(learner.stepped_down))
        except (TypeError, ValueError):
            return cls()

    def to_slot(self) -> dict[str, Any]:
        out = asdict(self)
        out["seen"], out["done"] = list(self.seen), list(self.done)
        return out

    @property
    def started(self) -> bool:
        return bool(self.item)

    def known(self, level: int, bkt: BKT) -> float:
        return self.mastery.get(str(level), bkt.p_init)

    def answered(self, level: int, correct: bool, bkt: BKT) -> "Learner":
        """After a graded answer on a skill: mastery and the in-a-row counters."""
        mastery = {**self.mastery, str(level): bkt.update(self.known(level, bkt), correct)}
        if correct:
            return replace(self.finished(), mastery=mastery, wrong_in_a_row=0, correct_in_a_row=self.correct_in_a_row + 1,
                           skipped=0, stepped_down=0)
        return replace(self, mastery=mastery, wrong_in_a_row=self.wrong_in_a_row + 1, correct_in_a_row=0, skipped=0)

    def missed(self) -> "Learner":
        """After a try that is not yet right but shows the skill (the right value, not simplified):
        the in-a-row counters move, mastery does not."""
        return replace(self, wrong_in_a_row=self.wrong_in_a_row + 1, correct_in_a_row=0, skipped=0)

    def finished(self) -> "Learner":
        """The current item answered right or worked through: done (moved to the end when done before)."""
        return replace(self, done=(*(d for d in self.done if d != self.item), self.item)[-50:]) if self.item else self

    def on_item(self, item_id: str) -> "Learner":
        """A new current item: the per-item counters start again."""
        seen = self.seen if item_id in self.seen else (*self.seen, item_id)[-50:]
        return replace(self, item=item_id, wrong_in_a_row=0, hints=0, confusion=0, worked=False, seen=seen)
