"""``EmotionContext``: what a policy reads of a user message's emotion metadata (this turn, the
tracked state with its trend, the derived states) and of the previous user turns (streaks).
Part of the policy API (policies/base.py)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.contract import EmotionReading, EmotionState, derived_of, emotion_of

logger = logging.getLogger(__name__)


def _parse(metadata: Optional[Mapping[str, Any]]) -> Tuple[bool, Optional[EmotionReading], Optional[EmotionState], Dict[str, Any]]:
    emotion = emotion_of(metadata)
    # derived states come even when the turn was not analysed: its crisis screening always does
    derived = derived_of(emotion)
    if not emotion.get("available"):
        return False, None, None, dict(derived)
    try:
        turn = EmotionReading.from_json(emotion["turn"]) if emotion.get("turn") else None
        state = EmotionState.from_json(emotion["state"]) if emotion.get("state") else None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        logger.warning("malformed emotion metadata (%r); ignoring it.", exc)
        return False, None, None, dict(derived)
    return True, turn, state, dict(derived)


@dataclass(frozen=True)
class EmotionContext:
    """The emotion of one user turn, plus the turns before it.

    Attributes:
        available: False when the service could not analyse the turn (then every reading is None
            and numeric accessors return 0.0).
        turn: this turn's reading alone, or None.
        state: the speaker's tracked state after this turn (smoothed, with trend), or None.
        derived: derived states, e.g. {"crisis": {"risk", "flag", "matched"}, "distress",
            "tutoring": {"confusion", "frustration", "boredom", "engagement"}} ({} if none).
        intent: the NLU intent of the message, or None.
        text: the message text.
        previous: the earlier user turns of the conversation, oldest first (at most
            ``history_turns`` of them), each an EmotionContext with an empty ``previous``.
    """

    available: bool
    turn: Optional[EmotionReading]
    state: Optional[EmotionState]
    derived: Mapping[str, Any]
    intent: Optional[str] = None
    text: Optional[str] = None
    previous: Tuple["EmotionContext", ...] = ()

    @classmethod
    def from_message(cls, message: UserUttered, previous: Tuple["EmotionContext", ...] = ()) -> "EmotionContext":
        available, turn, state, derived = _parse(message.metadata)
        return cls(available, turn, state, derived, message.intent_name, message.text, previous)

    @classmethod
    def from_tracker(cls, tracker: DialogueStateTracker, history_turns: int = 10) -> Optional["EmotionContext"]:
        """The context of the tracker's latest user message (None if there is none)."""
        users = [e for e in tracker.applied_events() if isinstance(e, UserUttered)]
        if not users:
            return None
        earlier = tuple(cls.from_message(u) for u in users[-history_turns - 1:-1]) if history_turns else ()
        return cls.from_message(users[-1], earlier)

    # -- the reading a policy usually wants: the tracked state, else this turn ------------
    @property
    def reading(self) -> Optional[EmotionReading]:
        """The tracked state if the service sent one, else this turn's reading."""
        return self.state if self.state is not None else self.turn

    @property
    def source(self) -> str:
        """"state", "turn" or "none": where ``reading`` comes from."""
        return "state" if self.state is not None else "turn" if self.turn is not None else "none"

    @property
    def label(self) -> Optional[str]:
        return self.reading.label if self.reading else None

    @property
    def confidence(self) -> float:
        return self.reading.confidence if self.reading else 0.0

    @property
    def valence(self) -> float:
        """Pleasantness in [-1, 1] (0.0 when unavailable)."""
        return self.reading.valence if self.reading else 0.0

    @property
    def arousal(self) -> float:
        """Activation in [-1, 1] (0.0 when unavailable)."""
        return self.reading.arousal if self.reading else 0.0

    def prob(self, label: str) -> float:
        """Probability of ``label`` (neutral, joy, sadness, anger, fear, disgust, surprise), 0..1."""
        return self.reading.probabilities.get(label, 0.0) if self.reading else 0.0

    @property
    def trend_valence(self) -> float:
        """Change of valence per turn over the recent turns (positive = improving)."""
        return self.state.trend_valence if self.state else 0.0

    @property
    def trend_arousal(self) -> float:
        return self.state.trend_arousal if self.state else 0.0

    def trend(self, label: str) -> float:
        """Change of ``label``'s probability per turn."""
        return self.state.trend_labels.get(label, 0.0) if self.state else 0.0

    def get(self, path: str, default: Any = None) -> Any:
        """A derived value by dotted path, e.g. ``get("crisis.flag")``, ``get("tutoring.boredom", 0.0)``."""
        value: Any = self.derived
        for key in path.split("."):
            if not isinstance(value, Mapping) or key not in value:
                return default
            value = value[key]
        return value

    @property
    def crisis(self) -> bool:
        """True when the service flagged crisis risk this turn (``derived.crisis.flag``)."""
        return bool(self.get("crisis.flag", False))

    @property
    def turns(self) -> Tuple["EmotionContext", ...]:
        """The earlier turns and this one, oldest first."""
        return (*self.previous, self)

    def streak(self, predicate: Callable[["EmotionContext"], bool]) -> int:
        """How many of the latest user turns in a row (this one included) satisfy ``predicate``.

        Example: ``emotion.streak(lambda t: t.prob("sadness") > 0.5) >= 3``.
        A turn whose emotion was unavailable breaks the streak unless the predicate accepts it.
        """
        count = 0
        for turn in reversed(self.turns):
            if not predicate(turn):
                break
            count += 1
        return count
