"""The emotion policy API: write one small class, get a Rasa 3.6 policy.

    from policies.base import Decision, EmotionContext, EmotionPolicyBase

    @DefaultV1Recipe.register(
        [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False)
    class CheerUpPolicy(EmotionPolicyBase):
        def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Decision | None:
            if emotion.streak(lambda turn: turn.valence < -0.3) >= 3:
                return Decision("utter_cheer_up", emotion.confidence)
            return None

``decide`` runs once per user message (not inside forms, not for /restart, /back,
/session_start, the intents in ``ignore_intents``, nor, when ``only_intents`` is set, the
intents outside it). What it returns is predicted with
the given confidence; ``None`` abstains. After an action this policy predicted, it predicts
``action_listen``, so an emotion-driven reply never chains into a story it was not part of.

``EmotionContext`` reads ``UserUttered.metadata["emotion"]`` as the emobot_web channel writes
it (the service's turn response): ``turn`` (this turn), ``state`` (tracked over turns, with
``trend``) and ``derived`` (crisis, distress, tutoring states), and the same for the
previous user turns, so a policy can ask for streaks ("sad three turns in a row").
"""
from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer
from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import (
    ACTION_LISTEN_NAME,
    USER_INTENT_BACK,
    USER_INTENT_RESTART,
    USER_INTENT_SESSION_START,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import InvalidConfigException

from connectors.contract import EmotionReading, EmotionState
from connectors.contract import EMOTION_METADATA_KEY, derived_of, emotion_of

logger = logging.getLogger(__name__)
def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " Did you mean 'x'?" suffix naming the nearest of ``choices`` (difflib); "" when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


NEVER_OVERRULED_INTENTS = (USER_INTENT_RESTART, USER_INTENT_BACK, USER_INTENT_SESSION_START)


@dataclass(frozen=True)
class Decision:
    """What an emotion policy wants to do now.

    Attributes:
        action: an action or response name of the domain, e.g. ``"utter_empathize"``.
        confidence: the prediction's probability, in (0, 1].
        reason: anything worth logging; it goes into the prediction's ``diagnostic_data``.
    """

    action: str
    confidence: float = 1.0
    reason: Mapping[str, Any] = field(default_factory=dict)


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


class EmotionPolicyBase(Policy):
    """Base class of emotion-driven Rasa policies: override :meth:`decide`.

    Config (``config.yml``), shared by every subclass::

        - name: my_bot.policies.MyPolicy
          priority: 7                       # RulePolicy is 6: ties go to the emotion policy
          override_intent_predictions: true # mark predictions end-to-end (see below)
          ignore_intents: [greet, goodbye]  # intents whose own answer always wins
          only_intents: [lesson, off_task]  # when set: decide for these intents only
          history_turns: 10                 # earlier user turns available in emotion.previous

    ``override_intent_predictions``: Rasa's ensemble ranks end-to-end predictions above the
    intent-based ones of RulePolicy, MemoizationPolicy and TEDPolicy, so a Decision wins
    even over a rule with probability 1.0. When false, it competes on probability, then
    priority: at the default priority (7, above RulePolicy's 6) a Decision of confidence 1.0
    still wins a tie with a rule; give the policy a lower priority or confidence to let the
    rules and stories answer first.

    A subclass registers itself like any Rasa policy::

        @DefaultV1Recipe.register(
            [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False)
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "priority": 7,
            "override_intent_predictions": True,
            "ignore_intents": [],
            "only_intents": [],
            "history_turns": 10,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Optional[TrackerFeaturizer] = None,
    ) -> None:
        config = {**EmotionPolicyBase.get_default_config(), **config}
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self.override_intent_predictions = bool(config["override_intent_predictions"])
        self.ignore_intents = set(config["ignore_intents"] or []) | set(NEVER_OVERRULED_INTENTS)
        self.only_intents = set(config["only_intents"] or [])
        self.history_turns = int(config["history_turns"])

    # -- the one method to write ----------------------------------------------------------
    def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Optional[Decision]:
        """The action to run after this user message, or None to let other policies answer.

        Args:
            emotion: the emotion of the latest user turn and of the turns before it.
            tracker: the conversation (slots, events), read-only.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement decide()")

    def actions(self) -> Iterable[str]:
        """Actions ``decide`` may return; checked against the domain at training time."""
        return ()

    # -- Rasa plumbing ---------------------------------------------------------------------
    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn: check that the policy's actions exist in the domain."""
        unknown = [a for a in self.actions() if a not in domain.action_names_or_texts]
        if unknown:
            raise InvalidConfigException(
                f"{type(self).__name__} names actions missing from the domain: {unknown}")
        intents = set(domain.intents) | {"nlu_fallback"}
        for key in ("only_intents", "ignore_intents"):
            for intent in self.config.get(key) or []:
                if intent not in intents:
                    raise InvalidConfigException(f"{type(self).__name__}: {key} names the intent {intent!r}, "
                                                 f"which is not in the domain.{did_you_mean(intent, intents)}")
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        name = type(self).__name__

        def abstain(why: str, *args: Any) -> PolicyPrediction:
            logger.debug("%s abstains: " + why, name, *args)
            return self._prediction(self._default_predictions(domain))

        if tracker.active_loop_name:
            return abstain("a form (%s) is active", tracker.active_loop_name)
        if not after_user_message(tracker):
            if latest_action_policy(tracker) == name:
                return self._prediction(confidence_scores_for(ACTION_LISTEN_NAME, 1.0, domain))
            return abstain("not right after a user message")
        message = tracker.latest_message
        if message is None or message.intent_name in self.ignore_intents:
            return abstain("intent %r is in ignore_intents", message.intent_name if message else None)
        if self.only_intents and message.intent_name not in self.only_intents:
            return abstain("intent %r is not in only_intents", message.intent_name)
        context = EmotionContext.from_tracker(tracker, self.history_turns)
        if context is None:
            return abstain("the message carries no emotion metadata")
        decision = self.decide(context, tracker)
        if decision is None:
            return abstain("decide() returned None (label=%s, available=%s)", context.label, context.available)
        if decision.action not in domain.action_names_or_texts:
            logger.error("%s decided on %r, which is not in the domain; abstaining.", name, decision.action)
            return abstain("%r is not in the domain", decision.action)
        confidence = min(max(float(decision.confidence), 0.0), 1.0)
        if confidence <= 0.0:
            return abstain("the decision's confidence is %s", decision.confidence)
        logger.debug("%s -> %s (%.2f) %s", type(self).__name__, decision.action, confidence, decision.reason)
        return self._prediction(
            confidence_scores_for(decision.action, confidence, domain),
            is_end_to_end_prediction=self.override_intent_predictions,
            diagnostic_data=dict(decision.reason),
        )


def after_user_message(tracker: DialogueStateTracker) -> bool:
    """True when the next action is the first answer to a user message.

    Usually the message follows ``action_listen``; in a paused conversation (or one resumed
    by a human) messages follow the last action directly, and they are still unanswered.
    """
    for event in reversed(tracker.applied_events()):
        if isinstance(event, UserUttered):
            return True
        if isinstance(event, ActionExecuted):
            return event.action_name == ACTION_LISTEN_NAME
    return False


def latest_action_policy(tracker: DialogueStateTracker) -> Optional[str]:
    """The policy that predicted the latest executed action (None if it was not predicted)."""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted):
            return event.policy
    return None
