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
                                   ``derived.tutoring.boredom``, ``derived.distress``,
                                   ``derived.service.frustration``
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

from connectors.contract import CONVERSATION_CRISIS_FIELDS, CRISIS_FIELDS, SERVICE_FIELDS, TUTORING_FIELDS
from emotion.labels import LABELS
from policies.base import Decision, EmotionContext, EmotionPolicyBase, did_you_mean

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


def _known_keys() -> List[str]:
    """Every condition key the service's contract can fill (slot.* aside, checked against the domain)."""
    reading = [*_READING_KEYS, *(f"prob.{label}" for label in LABELS)]
    derived = ["derived.distress", *(f"derived.crisis.{f}" for f in CRISIS_FIELDS if f != "conversation"),
               *(f"derived.crisis.conversation.{f}" for f in CONVERSATION_CRISIS_FIELDS),
               *(f"derived.tutoring.{f}" for f in TUTORING_FIELDS), *(f"derived.service.{f}" for f in SERVICE_FIELDS)]
    trend = ["trend.valence", "trend.arousal", *(f"trend.{label}" for label in LABELS)]
    return ["intent", "available", *reading, *(f"turn.{k}" for k in reading), *trend, *derived]


def _check_key(key: str, where: str) -> None:
    """Unknown condition keys are refused with the bad key and the nearest known one."""
    if key.startswith("slot.") and len(key) > 5:
        return  # checked against the domain's slots when the policy trains
    known = _known_keys()
    if key not in known:
        raise InvalidConfigException(f"{where}: unknown condition {key!r}.{did_you_mean(key, known)} "
                                     "Conditions name the reading (label, prob.<label>, valence, ...), turn.<key>, "
                                     "trend.<key>, derived.<path> of the service's published states, intent, "
                                     "available or slot.<name>.")


def first_failure(conditions: Mapping[str, Any], context: EmotionContext,
                  tracker: Optional[DialogueStateTracker] = None) -> str:
    """The first condition that does not hold, with the value compared (for debug logs)."""
    for key, spec in conditions.items():
        if key == "streak":
            n = int(spec["turns"])
            got = context.streak(lambda t: conditions_hold(spec["if"], t, tracker))
            if got < n:
                return f"streak {got} < {n} turns"
        else:
            value = value_of(context, key, tracker)
            if not _test(value, spec):
                return f"{key} = {'(missing)' if value is _MISSING else repr(value)}, wanted {spec!r}"
    return "all hold"


def _validate_conditions(conditions: Any, where: str) -> None:
    if not isinstance(conditions, Mapping) or not conditions:
        raise InvalidConfigException(f"{where}: 'if' must be a non-empty mapping of conditions.")
    for key, spec in conditions.items():
        if key == "streak":
            if not isinstance(spec, Mapping) or "turns" not in spec or "if" not in spec or int(spec["turns"]) < 1:
                raise InvalidConfigException(f"{where}: streak needs {{turns: N >= 1, if: {{...}}}}.")
            _validate_conditions(spec["if"], where + ".streak")
            continue
        _check_key(str(key), where)
        if isinstance(spec, Mapping) and (not spec or set(spec) - _TESTS):
            bad = sorted(set(spec) - _TESTS) or ["(none)"]
            raise InvalidConfigException(f"{where}: condition {key!r} has the test {bad[0]!r}; tests are "
                                         f"{sorted(_TESTS)}.{did_you_mean(bad[0], _TESTS)}")


def _slots_of(conditions: Mapping[str, Any]) -> List[str]:
    out = []
    for key, spec in conditions.items():
        if key == "streak":
            out += _slots_of(spec["if"])
        elif str(key).startswith("slot."):
            out.append(str(key)[5:])
    return out


def load_rules(config: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """The policy's rules, inline and from ``rules_file`` (relative to the working folder), validated."""
    raw = list(config.get("rules") or [])
    if config.get("rules_file"):
        path = Path(config["rules_file"])
        if not path.is_file():
            raise InvalidConfigException(f"EmotionRulesPolicy: rules_file {path} not found.")
        loaded = yaml.safe_load(path.read_text()) or {}
        from_file = list(loaded.get("rules") or []) if isinstance(loaded, Mapping) else list(loaded)
        raw += [{**r, "source": f" in {path}"} if isinstance(r, Mapping) else r for r in from_file]
    return validated_rules(raw, " in config.yml")


def check_against_domain(rules: List[Dict[str, Any]], domain: Domain) -> None:
    """Each rule's action and slots exist in the domain (else the bot would silently fall back)."""
    actions = set(domain.action_names_or_texts)
    slots = {slot.name for slot in domain.slots}
    for rule in rules:
        where = f"EmotionRulesPolicy rule {rule['name']!r}{rule.get('source', '')}"
        if rule["action"] not in actions:
            raise InvalidConfigException(f"{where}: action {rule['action']!r} is not in the domain."
                                         f"{did_you_mean(rule['action'], actions)}")
        for slot in _slots_of(rule["if"]):
            if slot not in slots:
                raise InvalidConfigException(f"{where}: slot {slot!r} is not in the domain.{did_you_mean(slot, slots)}")


def validated_rules(rules: Any, source: str = "") -> List[Dict[str, Any]]:
    """Rules checked and sorted by priority (highest first; ties keep the written order).
    ``source`` (e.g. " in emotion_rules.yml") goes into every error message."""
    if rules is None:
        return []
    if not isinstance(rules, list):
        raise InvalidConfigException("EmotionRulesPolicy: 'rules' must be a list.")
    out = []
    for index, rule in enumerate(rules):
        named = rule.get("name") if isinstance(rule, Mapping) else None
        where = (f"EmotionRulesPolicy rule {named!r}" if named else f"EmotionRulesPolicy rule {index} ({rule!r})") + (
            rule.get("source", source) if isinstance(rule, Mapping) else source)
        if not isinstance(rule, Mapping):
            raise InvalidConfigException(f"{where}: a rule is a mapping with 'if' and 'action'.")
        keys = {"name", "if", "action", "priority", "confidence", "source"}
        unknown = sorted(set(rule) - keys)
        if unknown:
            raise InvalidConfigException(f"{where}: unknown key {unknown[0]!r}; a rule has "
                                         f"{sorted(keys - {'source'})}.{did_you_mean(unknown[0], keys)}")
        if not rule.get("action"):
            raise InvalidConfigException(f"{where}: needs an 'action'.")
        _validate_conditions(rule.get("if"), where)
        confidence = float(rule.get("confidence", 1.0))
        if not 0.0 < confidence <= 1.0:
            raise InvalidConfigException(f"{where}: confidence must be in (0, 1].")
        out.append({"name": str(rule.get("name") or f"rule {index}"), "if": dict(rule["if"]),
                    "action": str(rule["action"]), "priority": float(rule.get("priority", 0)),
                    "confidence": confidence, "source": str(rule.get("source", source))})
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
        self.rules = load_rules(config) if rules is None else rules

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
        check_against_domain(self.rules, domain)
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
                logger.debug("EmotionRulesPolicy: rule %r holds -> %s", rule["name"], rule["action"])
                return Decision(rule["action"], rule["confidence"],
                                {"rule": rule["name"], "emotion_source": emotion.source})
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug("EmotionRulesPolicy: rule %r does not hold: %s", rule["name"],
                             first_failure(rule["if"], emotion, tracker))
        return None
