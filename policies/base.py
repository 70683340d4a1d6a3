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
from typing import Any, Dict, Iterable, List, Mapping, Optional

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

from connectors.contract import EMOTION_METADATA_KEY
from policies import action_validation
from policies.context import EmotionContext

__all__ = ["EMOTION_METADATA_KEY", "Decision", "EmotionContext", "EmotionPolicyBase", "did_you_mean"]

logger = logging.getLogger(__name__)
action_validation.install()  # a Rasa server that runs emobot policies checks action answers without ~30 ms each


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
        for action in self.actions():
            if action not in domain.action_names_or_texts:
                raise InvalidConfigException(f"{type(self).__name__}.actions() names {action!r}, which is not in the "
                                             f"domain.{did_you_mean(action, domain.action_names_or_texts)}")
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
