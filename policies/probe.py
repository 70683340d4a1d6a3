"""Exercise a custom emotion policy's ``decide()`` before ``rasa train``.

A rule file is checked by reading it; a Python policy only shows its mistakes when ``decide()``
runs (an action name misspelled in one branch, a ``KeyError`` on a turn the service could not
analyse). ``probe`` runs ``decide()`` over a fixed grid of typical conversations built with the
testing kit (each label at a weak and a strong reading, a sustained negative stretch, a crisis
flag, a frustrated and a satisfied customer, a tutoring struggle, a turn without analysis) and
reports every action that is not in the domain and every exception, with the turn that caused it::

    problems = probe(MyPolicy, {"priority": 7}, domain, folder)
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Type

from rasa.shared.core.domain import Domain

from emotion.labels import LABELS, PROTOTYPES
from policies.base import EmotionPolicyBase, did_you_mean
from policies.context import EmotionContext
from policies.testing import emotion_metadata, policy_instance, tracker_of

Conversation = Tuple[str, List[Dict[str, Any]]]
"""(what it is, the emotion metadata of each user message, oldest first)."""


def typical_conversations() -> Iterator[Conversation]:
    """The grid ``probe`` runs: about 30 conversations of one to four user messages."""
    for label, (valence, arousal) in zip(LABELS, PROTOTYPES):
        for p in (0.45, 0.95):
            yield f"one message reading {label} {p}", [emotion_metadata(label, p, valence * p, arousal * p)]
    for label, (valence, arousal) in zip(LABELS, PROTOTYPES):
        if valence < 0:
            turn = emotion_metadata(label, 0.9, valence, arousal, trend=-0.2)
            yield f"four messages reading {label}", [turn] * 4
    crisis = {"crisis": {"risk": 0.97, "flag": True, "level": "high", "category": "intent", "explicit": True,
                         "turn_flag": True, "conversation": {"risk": 0.97, "flag": True, "level": "high"}}}
    yield "a crisis disclosure", [emotion_metadata("sadness", 0.9, -0.8, derived=crisis)]
    yield "a frustrated customer", [emotion_metadata("anger", 0.8, -0.6, derived={
        "service": {"frustration": 0.9, "satisfaction": 0.05}, "distress": 0.8})] * 2
    yield "a satisfied customer", [emotion_metadata("joy", 0.8, 0.7, derived={
        "service": {"frustration": 0.05, "satisfaction": 0.9}, "distress": 0.1})]
    yield "a struggling student", [emotion_metadata("neutral", 0.6, -0.1, derived={
        "tutoring": {"confusion": 0.8, "frustration": 0.7, "boredom": 0.1, "engagement": 0.3, "cues": {}}})] * 3
    yield "a message the service could not analyse", [emotion_metadata(available=False)]
    yield "an analysed message after one that was not", [emotion_metadata(available=False),
                                                          emotion_metadata("sadness", 0.9, -0.6)]


def probe(policy_class: Type[EmotionPolicyBase], config: Mapping[str, Any], domain: Domain,
          folder: Optional[Path] = None) -> List[str]:
    """Every mistake ``policy_class.decide()`` makes over ``typical_conversations()`` ([] when none):
    declared ``actions()`` and decided actions missing from ``domain`` (with the nearest name),
    and exceptions (with their type and message). Each distinct mistake is reported once."""
    name = policy_class.__name__
    actions = list(domain.action_names_or_texts)
    seen: Dict[Tuple[str, str], List[str]] = {}  # (a mistake, its suggestion) -> the conversations it happened on
    with tempfile.TemporaryDirectory() as scratch:
        policy = policy_instance(policy_class, folder or Path(scratch), **dict(config))
        found = [f"{name}.actions() names {action!r}, which is not in the domain.{did_you_mean(action, actions)}"
                 for action in policy.actions() if action not in actions]
        for what, emotions in typical_conversations():
            tracker = tracker_of(*emotions)
            try:
                decision = policy.decide(EmotionContext.from_tracker(tracker, policy.history_turns), tracker)
            except Exception as exc:  # a user's code: report whatever it raises
                seen.setdefault((f"{name}.decide() raised {type(exc).__name__}: {exc}", ""), []).append(what)
                continue
            if decision is not None and decision.action not in actions:
                seen.setdefault((f"{name}.decide() returned {decision.action!r}, which is not in the domain",
                                 did_you_mean(decision.action, actions)), []).append(what)
    for (mistake, suggestion), where in seen.items():
        more = f" and {len(where) - 1} more of the typical conversations" if len(where) > 1 else ""
        found.append(f"{mistake} (on {where[0]}{more}){'.' if suggestion else ''}{suggestion}")
    return found
