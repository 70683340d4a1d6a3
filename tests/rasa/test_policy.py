"""EmotionPolicy on real Rasa trackers, with a listening bot's domain and config (the example
support bot now chooses its strategies with EmotionRulesPolicy; EmotionPolicy is the simpler
label -> response API that docs/writing-emotion-policies.md starts from)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import InvalidConfigException

from policies.emotion_policy import EmotionPolicy

DOMAIN = """
version: "3.1"
intents: [greet, goodbye, share_feelings, thank]
responses:
  utter_greet: [{text: "Hi"}]
  utter_listen: [{text: "I'm listening."}]
  utter_empathize: [{text: "That sounds hard."}]
  utter_glad: [{text: "Lovely!"}]
"""
POLICY = """
priority: 7
min_confidence: 0.3
ignore_intents: [greet, goodbye, thank]
rules:
  - {label: sadness, min_probability: 0.4, action: utter_empathize}
  - {label: fear, min_probability: 0.4, action: utter_empathize}
  - {label: anger, min_probability: 0.4, action: utter_empathize}
  - {max_valence: -0.4, action: utter_empathize}
  - {label: joy, min_probability: 0.5, action: utter_glad}
"""
LABELS = ("neutral", "joy", "sadness", "anger", "fear", "disgust", "surprise")


def reading(label: str, p: float, confidence: float, valence: float = 0.0) -> dict[str, Any]:
    rest = (1.0 - p) / (len(LABELS) - 1)
    return {"label": label, "probabilities": {l: p if l == label else rest for l in LABELS},
            "valence": valence, "arousal": 0.0, "confidence": confidence}


def emotion(state: dict | None, turn: dict | None = None) -> dict[str, Any]:
    full_state = None if state is None else {**state, "trend": {"valence": 0.0, "arousal": 0.0},
                                             "turns_observed": 2}
    return {"available": True, "session_id": "s", "turn_index": 1, "speaker_id": "s",
            "turn": turn, "state": full_state, "modalities": {}, "modalities_used": ["text"]}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.from_yaml(DOMAIN)


def policy_config() -> dict[str, Any]:
    return yaml.safe_load(POLICY)


def make_policy(tmp_path: Path, **overrides: Any) -> EmotionPolicy:
    config = {**EmotionPolicy.get_default_config(), **policy_config(), **overrides}
    return EmotionPolicy.create(config, LocalModelStorage(tmp_path), Resource("emotion_policy"),
                                ExecutionContext(GraphSchema({}), "test"))


def tracker_after(metadata: dict | None, intent: str = "share_feelings",
                  *later_events: Any) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"),
              UserUttered("I lost my job", intent={"name": intent, "confidence": 0.9},
                          metadata=metadata), *later_events]
    return DialogueStateTracker.from_events("s", events)


def predicted(prediction: PolicyPrediction, domain: Domain) -> tuple[str | None, float]:
    if prediction.max_confidence == 0.0:
        return None, 0.0
    return domain.action_names_or_texts[prediction.max_confidence_index], prediction.max_confidence


def test_sad_state_predicts_empathy_with_the_state_confidence(tmp_path, domain) -> None:
    policy = make_policy(tmp_path)
    tracker = tracker_after({"emotion": emotion(reading("sadness", 0.7, 0.8, valence=-0.6),
                                                turn=reading("neutral", 0.9, 0.9))})
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert predicted(prediction, domain) == ("utter_empathize", pytest.approx(0.8))
    assert prediction.policy_priority == 7
    assert prediction.is_end_to_end_prediction
    assert prediction.diagnostic_data["emotion_source"] == "state"


def test_turn_reading_is_used_when_there_is_no_state(tmp_path, domain) -> None:
    policy = make_policy(tmp_path)
    tracker = tracker_after({"emotion": emotion(None, turn=reading("joy", 0.8, 0.6, 0.7))})
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert predicted(prediction, domain) == ("utter_glad", pytest.approx(0.6))
    assert prediction.diagnostic_data["emotion_source"] == "turn"


def test_valence_rule_catches_a_negative_mixture(tmp_path, domain) -> None:
    # no single negative label reaches 0.4, but the expected valence is low
    policy = make_policy(tmp_path)
    tracker = tracker_after({"emotion": emotion(reading("disgust", 0.35, 0.7, valence=-0.5))})
    assert predicted(policy.predict_action_probabilities(tracker, domain), domain) == (
        "utter_empathize", pytest.approx(0.7))


@pytest.mark.parametrize("metadata", [
    None,
    {},
    {"emotion": {"available": False, "error": "service_unavailable"}},
    {"emotion": emotion(reading("neutral", 0.8, 0.9))},
    {"emotion": emotion(reading("sadness", 0.9, 0.2, valence=-0.7))},  # below min_confidence
    {"emotion": {"available": True, "state": {"label": "sadness"}}},  # malformed
])
def test_abstains_without_a_confident_matching_reading(tmp_path, domain, metadata) -> None:
    policy = make_policy(tmp_path)
    prediction = policy.predict_action_probabilities(tracker_after(metadata), domain)
    assert prediction.max_confidence == 0.0


def test_abstains_for_ignored_intents_and_inside_a_form(tmp_path, domain) -> None:
    policy = make_policy(tmp_path)
    sad = {"emotion": emotion(reading("sadness", 0.9, 0.9, valence=-0.7))}
    assert policy.predict_action_probabilities(tracker_after(sad, "goodbye"), domain).max_confidence == 0
    assert policy.predict_action_probabilities(tracker_after(sad, "restart"), domain).max_confidence == 0
    in_form = DialogueStateTracker.from_events("s", [
        ActiveLoop("some_form"), ActionExecuted("action_listen"),
        UserUttered("sad", intent={"name": "share_feelings", "confidence": 1.0}, metadata=sad)])
    assert policy.predict_action_probabilities(in_form, domain).max_confidence == 0


def test_after_a_bot_action(tmp_path, domain) -> None:
    policy = make_policy(tmp_path)
    sad = {"emotion": emotion(reading("sadness", 0.9, 0.9, valence=-0.7))}
    # after another policy's action the emotion of the same message is not acted on again
    other = tracker_after(sad, "share_feelings", ActionExecuted("utter_listen", policy="RulePolicy"))
    assert policy.predict_action_probabilities(other, domain).max_confidence == 0.0
    # after its own action, it hands the turn back to the user
    own = tracker_after(sad, "share_feelings",
                        ActionExecuted("utter_empathize", policy="EmotionPolicy", confidence=0.9))
    assert predicted(policy.predict_action_probabilities(own, domain), domain) == (
        "action_listen", 1.0)


def test_outranks_a_rule_in_rasas_ensemble(tmp_path, domain) -> None:
    sad = {"emotion": emotion(reading("sadness", 0.7, 0.8, valence=-0.6))}
    tracker = tracker_after(sad)
    rule = PolicyPrediction.for_action_name(domain, "utter_listen", "RulePolicy", 1.0)
    rule.policy_priority = 6
    ensemble = DefaultPolicyPredictionEnsemble()

    ours = make_policy(tmp_path).predict_action_probabilities(tracker, domain)
    best = ensemble.combine_predictions([rule, ours], tracker, domain)
    assert (best.policy_name, predicted(best, domain)[0]) == ("EmotionPolicy", "utter_empathize")

    # without the override the rule (probability 1.0 > 0.8) keeps the turn
    gentle = make_policy(tmp_path, override_intent_predictions=False)
    best = ensemble.combine_predictions(
        [rule, gentle.predict_action_probabilities(tracker, domain)], tracker, domain)
    assert best.policy_name == "RulePolicy"


@pytest.mark.parametrize("rule", [
    {"label": "sadness"},                                  # no action
    {"action": "utter_empathize"},                         # no condition
    {"label": "sad", "action": "utter_empathize"},         # not a label of the set
    {"min_probability": 0.5, "action": "utter_empathize"}, # probability of which label?
    {"max_arousal": 0.5, "action": "utter_empathize"},     # unknown condition
])
def test_invalid_rules_are_refused(tmp_path, rule) -> None:
    with pytest.raises(InvalidConfigException):
        make_policy(tmp_path, rules=[rule])


def test_train_checks_actions_against_the_domain(tmp_path, domain) -> None:
    policy = make_policy(tmp_path, rules=[{"label": "fear", "action": "utter_missing"}])
    with pytest.raises(InvalidConfigException, match="utter_missing"):
        policy.train([], domain)
    assert make_policy(tmp_path).train([], domain) == Resource("emotion_policy")


def test_only_intents_limits_the_turns_a_policy_decides(tmp_path, domain) -> None:
    policy = make_policy(tmp_path, ignore_intents=[], only_intents=["share_feelings"])
    sad = {"emotion": emotion(reading("sadness", 0.9, 0.9, valence=-0.7))}
    assert predicted(policy.predict_action_probabilities(tracker_after(sad), domain), domain)[0] is not None
    assert policy.predict_action_probabilities(tracker_after(sad, "greet"), domain).max_confidence == 0


def test_train_checks_the_intents_it_names_against_the_domain(tmp_path, domain) -> None:
    with pytest.raises(InvalidConfigException, match="only_intents names the intent 'share_feeling'.*"
                                                      "Did you mean 'share_feelings'"):
        make_policy(tmp_path, only_intents=["share_feeling"]).train([], domain)
    with pytest.raises(InvalidConfigException, match="ignore_intents names the intent 'bye'"):
        make_policy(tmp_path, ignore_intents=["bye"]).train([], domain)
