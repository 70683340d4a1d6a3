"""Conversation-level crisis risk: risk that builds over a person's recent turns.

For turn t with per-message risks r_k of the last ``window`` turns k <= t (this one included):

    c_k   = r_k * decay^(t - k)   if r_k >= floor, else 0      (faint turns add nothing)
    R_t   = 1 - prod_k (1 - c_k)                                (noisy-OR of the decayed turns)

so several individually ambiguous messages add up, and one benign message, a joke or "never
mind" only lowers a high risk by one step of decay instead of resetting it. The conversation is
flagged when R_t >= ``flag_at``; the level is "high" when flagged, "possible" from
``possible_at``, else "none".

A turn the models alone read as high risk (its own risk r_t >= the detector's τ_flag, its lexicon
score below ``EXPLICIT_AT``: no warning-sign words of its own) below ``corroborate_below``, with
no earlier turn of the window at ``corroborated_by`` or more, counts as min(r_t,
``uncorroborated_cap``) (``corroborated``): one harmless everyday line the models misread ("going to take the weekend to just rest") does not
escalate a conversation that was calm until then, while the same line after an uneasy turn, a
warning sign in words or a reading above ``corroborate_below`` still does.
Standard library and the lexicon's threshold only (the Rasa runtime uses it too).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from emotion.crisis.lexicon import EXPLICIT_AT


@dataclass(frozen=True)
class ConversationPolicy:
    """How turns add up (see the module docstring); thresholds are on risk in 0..1."""

    window: int = 10
    decay: float = 0.85
    floor: float = 0.15
    flag_at: float = 0.6
    possible_at: float = 0.35
    corroborate_below: float = 0.0   # 0: every turn counts as read (no corroboration asked)
    corroborated_by: float = 0.2
    uncorroborated_cap: float = 0.7
    words_corroborate: bool = True  # an earlier turn with warning-sign words (lexicon >= EXPLICIT_AT) corroborates too

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> "ConversationPolicy":
        fields = cls.__dataclass_fields__
        return cls(**{k: type(getattr(cls, k))(v) for k, v in (data or {}).items() if k in fields})


@dataclass(frozen=True)
class TurnRisk:
    """One earlier turn's screening result: its per-message risk and category (or None)."""

    risk: float
    category: str | None = None
    turn_index: int | None = None
    lexicon: float | None = None  # the lexicon's score of the message; None when unknown: a turn never capped, an
    #                               earlier turn no words to corroborate with (the log keeps no scores without consent)


def corroborated(history: Sequence[TurnRisk], current: TurnRisk, policy: ConversationPolicy,
                 turn_flag_at: float) -> TurnRisk:
    """``current`` as it counts (see the module docstring): capped at ``uncorroborated_cap`` when the
    models alone read it at >= ``turn_flag_at`` (the detector's τ_flag) and below
    ``corroborate_below``, and no earlier turn of the window reached ``corroborated_by`` (nor, with
    ``words_corroborate``, held warning-sign words: "im nothing but a weight on her" read 0.14 by the stack
    with the lexicon at 0.85, then "it would be a relief for all of them if i died" was capped as a calm
    conversation's misreading; data/crisis/dev9 fa055)."""
    earlier = list(history)[-(policy.window - 1):] if policy.window > 1 else []
    alone = (turn_flag_at <= current.risk < policy.corroborate_below
             and current.lexicon is not None and current.lexicon < EXPLICIT_AT
             and current.risk > policy.uncorroborated_cap)
    if not alone or any(t.risk >= policy.corroborated_by
                        or (policy.words_corroborate and t.lexicon is not None and t.lexicon >= EXPLICIT_AT)
                        for t in earlier):
        return current
    return replace(current, risk=policy.uncorroborated_cap)


def conversation_risk(history: Sequence[TurnRisk], current: TurnRisk,
                      policy: ConversationPolicy = ConversationPolicy()) -> dict[str, Any]:
    """The conversation's risk after ``current``, given earlier turns oldest first.

    Returns {"risk": 0..1, "flag": bool, "level": "none"|"possible"|"high",
             "categories": [{"turn_index", "category", "risk"}] of the window's turns with a category,
             "turns": how many turns the window held}.
    """
    turns = list(history)[-(policy.window - 1):] + [current] if policy.window > 1 else [current]
    survive = 1.0
    for age, turn in enumerate(reversed(turns)):
        if turn.risk >= policy.floor:
            survive *= 1.0 - min(1.0, max(0.0, turn.risk)) * policy.decay ** age
    risk = 1.0 - survive
    flag = risk >= policy.flag_at
    return {
        "risk": round(risk, 4), "flag": flag,
        "level": "high" if flag else "possible" if risk >= policy.possible_at else "none",
        "categories": [{"turn_index": t.turn_index, "category": t.category, "risk": round(t.risk, 4)}
                       for t in turns if t.category and t.risk >= policy.floor],
        "turns": len(turns),
    }
