"""A Rasa 3.6 policy that answers the user's emotion, read from the message metadata.

The emobot web channel (``connectors.web.channel.EmobotWebInput``) puts the emotion
service's analysis of each user turn into ``UserUttered.metadata["emotion"]``:

    {"available": true,
     "turn":  {"label": "sadness", "probabilities": {...}, "valence": -0.6,
               "arousal": -0.3, "confidence": 0.8},                  # this turn alone
     "state": {... same fields ..., "trend": {"valence": .., "arousal": ..},
               "turns_observed": 3},                                 # tracked over turns
     "modalities": {...}, "modalities_used": ["text", "audio"], ...}

or ``{"available": false, "error": "<reason>"}`` when the service could not analyse it.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Mapping, Optional

from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import InvalidConfigException

from connectors.contract import EmotionReading
from emotion.labels import LABELS
from policies.base import EMOTION_METADATA_KEY, Decision, EmotionContext, EmotionPolicyBase, did_you_mean  # noqa: F401

logger = logging.getLogger(__name__)

_CONDITIONS = ("label", "min_probability", "max_valence", "min_valence")


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False
)
class EmotionPolicy(EmotionPolicyBase):
    """Predicts a bot action from the emotion of the latest user turn, by rules in config.yml.

    Right after a user message, the policy takes the speaker's tracked ``state`` from
    ``metadata["emotion"]`` (or the ``turn`` reading when the service sent no state) and
    checks the rules in order; the first rule whose conditions all hold is predicted with
    probability = the reading's ``confidence`` (0..1). Otherwise it abstains (all zeros).
    Right after an action it predicted itself, it predicts ``action_listen`` (1.0), since
    no rule or story knows what follows an emotion-driven reply.

    Config (``config.yml``)::

        policies:
          - name: policies.emotion_policy.EmotionPolicy
            priority: 7                   # ties with RulePolicy (6) go to this policy
            min_confidence: 0.3           # of the tracked state: about 0.4 on a first message
            override_intent_predictions: true
            ignore_intents: [goodbye]     # intents whose own answer always wins
            rules:                        # first match wins; all conditions of a rule hold
              - {label: sadness, min_probability: 0.5, action: utter_empathize}
              - {max_valence: -0.4, action: utter_empathize}
              - {label: joy, min_probability: 0.6, action: utter_glad}

    A rule has an ``action`` and any of: ``label`` with ``min_probability`` (probability of
    that label, 0..1, default 0.5), ``max_valence`` / ``min_valence`` (in [-1, 1]).

    ``override_intent_predictions``: when true, predictions are marked end-to-end (they
    are made from the user's raw text/voice/face, not from the intent), and Rasa's
    ensemble ranks end-to-end predictions above the intent-based ones of RulePolicy,
    MemoizationPolicy and TEDPolicy. That is what lets an emotion rule take precedence
    over a rule such as ``share_feelings -> utter_listen`` (which has probability 1.0).
    When false, the prediction competes on probability, then priority (see
    :class:`policies.base.EmotionPolicyBase`: a tie still goes to the higher priority). Rasa records an end-to-end turn as text
    (``DefinePrevUserUtteredFeaturization(True)``), so MemoizationPolicy/TEDPolicy later
    see that turn by its text rather than its intent; rules about the current turn are
    not affected.

    A turn with ``available: false`` (service down, turn refused, nothing analysable) is
    never acted on, even when the service sent the speaker's earlier state with it.

    The policy never acts inside an active loop (form) or on ``/restart``, ``/back``,
    ``/session_start``, so it cannot break those flows.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Default config: no rules (the policy abstains until a bot author adds some)."""
        return {**EmotionPolicyBase.get_default_config(), "min_confidence": 0.0, "rules": []}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Optional[TrackerFeaturizer] = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self.rules: List[Dict[str, Any]] = [validated_rule(r) for r in config["rules"] or []]
        self.min_confidence = float(config["min_confidence"])

    def actions(self) -> List[str]:
        return [r["action"] for r in self.rules]

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        """Nothing to learn: check that every rule names an action of the domain."""
        if not self.rules:
            logger.warning("EmotionPolicy has no rules in config.yml; it will never predict.")
        return super().train(training_trackers, domain, **kwargs)

    def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Optional[Decision]:
        """The first rule matching the reading (state, else turn), at the reading's confidence."""
        reading = emotion.reading
        if not emotion.available or reading is None or reading.confidence < self.min_confidence:
            return None
        for index, rule in enumerate(self.rules):
            if _matches(rule, reading):
                return Decision(rule["action"], reading.confidence,
                                {"emotion_source": emotion.source, "label": reading.label,
                                 "rule_index": index})
        return None


def validated_rule(rule: Mapping[str, Any]) -> Dict[str, Any]:
    if not isinstance(rule, Mapping) or not rule.get("action"):
        raise InvalidConfigException(f"EmotionPolicy rule {rule!r} needs an 'action'.")
    unknown_keys = sorted(set(rule) - set(_CONDITIONS) - {"action"})
    if unknown_keys:
        raise InvalidConfigException(
            f"EmotionPolicy rule {dict(rule)!r}: unknown key {unknown_keys[0]!r}; conditions are {_CONDITIONS}."
            f"{did_you_mean(unknown_keys[0], [*_CONDITIONS, 'action'])}")
    if not set(rule) & set(_CONDITIONS) or (
        "min_probability" in rule and "label" not in rule
    ):
        raise InvalidConfigException(
            f"EmotionPolicy rule {dict(rule)!r}: conditions are {_CONDITIONS}, at least one."
        )
    if "label" in rule and rule["label"] not in LABELS:
        raise InvalidConfigException(
            f"EmotionPolicy rule {dict(rule)!r}: label {rule['label']!r} must be one of {LABELS}."
            f"{did_you_mean(str(rule['label']), LABELS)}"
        )
    validated = dict(rule)
    if "label" in validated:
        validated.setdefault("min_probability", 0.5)
    return validated


def _matches(rule: Mapping[str, Any], reading: EmotionReading) -> bool:
    if "label" in rule and reading.probabilities.get(rule["label"], 0.0) < rule["min_probability"]:
        return False
    if "max_valence" in rule and reading.valence > float(rule["max_valence"]):
        return False
    if "min_valence" in rule and reading.valence < float(rule["min_valence"]):
        return False
    return True
