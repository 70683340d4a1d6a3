"""``EmotionRulesPolicy``: emotion-driven answers from declarative YAML rules, no Python.

config.yml::

    policies:
      - name: RulePolicy                 # priority 6
      - name: MemoizationPolicy          # priority 3
      - name: policies.rules_policy.EmotionRulesPolicy
        priority: 7                      # above RulePolicy: wins ties (see "Priorities" below)
        ignore_intents: [greet, goodbye]
        rules_file: emotion_rules.yml    # optional, relative to where `rasa train` runs
        rules:                           # inline rules (added to those of rules_file)
          - name: crisis
            if: {derived.crisis.flag: true}
            action: action_escalate_crisis
            priority: 100                # higher first; ties: the order written
          - name: frustrated twice
            if:
              derived.tutoring.frustration: {min: 0.6}
              streak: {turns: 2, if: {valence: {max: -0.1}}}
            action: utter_encourage

A rule holds when **all** its conditions hold. Condition keys (the reading is the tracked
state when the service sent one, else this turn's reading):

================================  ================================================
``label``                          top label of the reading, e.g. ``sadness``
``prob.<label>``                   probability of ``<label>``, 0..1
``valence`` / ``arousal``          in [-1, 1]
``confidence``                     0..1
``trend.valence`` / ``trend.arousal`` / ``trend.<label>``  change per turn
``turn.<key>``                     the same keys on this turn's reading alone
``derived.<path>``                 a derived state, e.g. ``derived.crisis.flag``,
                                   ``derived.tutoring.boredom``, ``derived.distress``
``intent``                         the NLU intent of the message
``available``                      false when the service could not analyse the turn
``slot.<name>``                    a slot's current value
``streak``                         ``{turns: N, if: {...}}``: the conditions hold on each
                                   of the last N user turns (this one included)
================================  ================================================

A value is either a literal (equality: ``true``, ``sadness``, ``3``) or a test
``{min: x, max: y}`` (inclusive), ``{in: [a, b]}``, ``{not: v}``. A missing value never
satisfies a test (a rule on ``derived.crisis.flag`` does not fire when the service sent
no derived states).

Priorities: the ensemble first prefers end-to-end predictions (this policy marks its
predictions end-to-end when ``override_intent_predictions: true``, the default), then the
highest probability (a rule's ``confidence``, default 1.0), then the highest policy
``priority``. So with the defaults a matching emotion rule overrides RulePolicy (6),
MemoizationPolicy (3) and TEDPolicy (1); with ``override_intent_predictions: false`` it
only wins where those policies are less sure than the rule's ``confidence`` or tie with it.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

import yaml
from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import InvalidConfigException

from policies.base import Decision, EmotionContext, EmotionPolicyBase

logger = logging.getLogger(__name__)

_MISSING = object()
_READING_KEYS = ("label", "valence", "arousal", "confidence")
_TESTS = {"min", "max", "in", "not"}
RULES_FILE = "emotion_rules.json"


def _reading_value(context: EmotionContext, key: str, turn_only: bool) -> Any:
    reading = context.turn if turn_only else context.reading
    if reading is None:
        return _MISSING
    if key in _READING_KEYS:
        return getattr(reading, key)
    if key.startswith("prob."):
        return reading.probabilities.get(key[5:], _MISSING)
    if key.startswith("trend.") and not turn_only and context.state is not None:
        name = key[6:]
        if name == "valence":
            return context.state.trend_valence
        if name == "arousal":
            return context.state.trend_arousal
        return context.state.trend_labels.get(name, _MISSING)
    return _MISSING


def value_of(context: EmotionContext, key: str, tracker: Optional[DialogueStateTracker] = None) -> Any:
    """The value a condition key names in ``context`` (``_MISSING`` when absent)."""
    if key == "intent":
        return context.intent
    if key == "available":
        return context.available
    if key.startswith("derived."):
        return context.get(key[8:], _MISSING)
    if key.startswith("slot."):
        if tracker is None:
            return _MISSING
        slot = tracker.slots.get(key[5:])
        return _MISSING if slot is None else slot.value
    if key.startswith("turn."):
        return _reading_value(context, key[5:], turn_only=True)
    return _reading_value(context, key, turn_only=False)


def _test(value: Any, spec: Any) -> bool:
    if isinstance(spec, Mapping):
        if value is _MISSING or value is None:
            return False
        if "min" in spec and not (isinstance(value, (int, float)) and value >= float(spec["min"])):
            return False
        if "max" in spec and not (isinstance(value, (int, float)) and value <= float(spec["max"])):
            return False
        if "in" in spec and value not in spec["in"]:
            return False
        if "not" in spec and value == spec["not"]:
            return False
        return True
    if value is _MISSING:
        return False
    return value == spec


def conditions_hold(conditions: Mapping[str, Any], context: EmotionContext,
                    tracker: Optional[DialogueStateTracker] = None) -> bool:
    """True when every condition holds on ``context`` (see the module docstring)."""
    for key, spec in conditions.items():
        if key == "streak":
            n = int(spec["turns"])
            if context.streak(lambda t: conditions_hold(spec["if"], t, tracker)) < n:
                return False
        elif not _test(value_of(context, key, tracker), spec):
            return False
    return True


def _validate_conditions(conditions: Any, where: str) -> None:
    if not isinstance(conditions, Mapping) or not conditions:
        raise InvalidConfigException(f"{where}: 'if' must be a non-empty mapping of conditions.")
    for key, spec in conditions.items():
        if key == "streak":
            if not isinstance(spec, Mapping) or "turns" not in spec or "if" not in spec or int(spec["turns"]) < 1:
                raise InvalidConfigException(f"{where}: streak needs {{turns: N >= 1, if: {{...}}}}.")
            _validate_conditions(spec["if"], where + ".streak")
            continue
        known = (key in ("intent", "available") or key in _READING_KEYS
                 or key.split(".")[0] in ("prob", "trend", "turn", "derived", "slot") and "." in key)
        if not known:
            raise InvalidConfigException(f"{where}: unknown condition {key!r}.")
        if isinstance(spec, Mapping) and (not spec or set(spec) - _TESTS):
            raise InvalidConfigException(f"{where}: condition {key!r} tests must be among {sorted(_TESTS)}.")


def validated_rules(rules: Any) -> List[Dict[str, Any]]:
    """Rules checked and sorted by priority (highest first; ties keep the written order)."""
    if rules is None:
        return []
    if not isinstance(rules, list):
        raise InvalidConfigException("EmotionRulesPolicy: 'rules' must be a list.")
    out = []
    for index, rule in enumerate(rules):
        where = f"EmotionRulesPolicy rule {index} ({rule.get('name', '') if isinstance(rule, Mapping) else rule})"
        if not isinstance(rule, Mapping) or not rule.get("action"):
            raise InvalidConfigException(f"{where}: needs an 'action'.")
        unknown = set(rule) - {"name", "if", "action", "priority", "confidence"}
        if unknown:
            raise InvalidConfigException(f"{where}: unknown keys {sorted(unknown)}.")
        _validate_conditions(rule.get("if"), where)
        confidence = float(rule.get("confidence", 1.0))
        if not 0.0 < confidence <= 1.0:
            raise InvalidConfigException(f"{where}: confidence must be in (0, 1].")
        out.append({"name": str(rule.get("name") or f"rule {index}"), "if": dict(rule["if"]),
                    "action": str(rule["action"]), "priority": float(rule.get("priority", 0)),
                    "confidence": confidence})
    return sorted(out, key=lambda r: -r["priority"])


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True
)
class EmotionRulesPolicy(EmotionPolicyBase):
    """Predicts the action of the highest-priority YAML rule that holds (see module docstring).

    Training only reads and checks the rules (inline ``rules`` and ``rules_file``) and stores
    them in the model, so the trained model does not need the rules file at run time.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {**EmotionPolicyBase.get_default_config(), "rules": [], "rules_file": None}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Optional[TrackerFeaturizer] = None,
        rules: Optional[List[Dict[str, Any]]] = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        if rules is None:
            raw = list(config.get("rules") or [])
            if config.get("rules_file"):
                path = Path(config["rules_file"])
                if not path.is_file():
                    raise InvalidConfigException(f"EmotionRulesPolicy: rules_file {path} not found.")
                loaded = yaml.safe_load(path.read_text()) or {}
                raw += list(loaded.get("rules") or []) if isinstance(loaded, Mapping) else list(loaded)
            rules = validated_rules(raw)
        self.rules = rules

    def actions(self) -> List[str]:
        return [r["action"] for r in self.rules]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The rules file's content, so that editing it retrains the policy: Rasa restores a
        component from its cache while its config and inputs are unchanged, and the file's
        path alone does not change when the file does."""
        path = Path(config["rules_file"]) if config.get("rules_file") else None
        return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None and path.is_file() else None

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        super().train(training_trackers, domain, **kwargs)
        if not self.rules:
            logger.warning("EmotionRulesPolicy has no rules; it will never predict.")
        with self._model_storage.write_to(self._resource) as path:
            (path / RULES_FILE).write_text(json.dumps(self.rules))
        return self._resource

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "EmotionRulesPolicy":
        try:
            with model_storage.read_from(resource) as path:
                rules = json.loads((path / RULES_FILE).read_text())
        except (ValueError, FileNotFoundError) as exc:
            logger.warning("EmotionRulesPolicy: no stored rules (%r); reading the config.", exc)
            rules = None
        return cls(config, model_storage, resource, execution_context, rules=rules)

    def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Optional[Decision]:
        for rule in self.rules:
            if conditions_hold(rule["if"], emotion, tracker):
                return Decision(rule["action"], rule["confidence"],
                                {"rule": rule["name"], "emotion_source": emotion.source})
        return None
