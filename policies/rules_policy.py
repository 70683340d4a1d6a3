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

A rule holds when **all** its conditions hold: the condition keys and tests are in
policies/rule_conditions.py.

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

from policies.base import Decision, EmotionContext, EmotionPolicyBase, did_you_mean
from policies.rule_conditions import conditions_hold, first_failure, slots_of, validate_conditions

logger = logging.getLogger(__name__)

RULES_FILE = "emotion_rules.json"


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
        for slot in slots_of(rule["if"]):
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
        validate_conditions(rule.get("if"), where)
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
