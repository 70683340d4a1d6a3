"""EmotionRulesPolicy, EmotionContext and EmotionPolicyBase on real Rasa trackers."""
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
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import InvalidConfigException

from policies.base import Decision, EmotionContext, EmotionPolicyBase
from policies.rules_policy import EmotionRulesPolicy, check_against_domain, validated_rules
from policies.testing import emotion_metadata, policy_instance, tracker_of

LABELS = ("neutral", "joy", "sadness", "anger", "fear", "disgust", "surprise")
DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [share_feelings, greet]
slots:
  mode: {type: text, mappings: [{type: custom}]}
responses:
  utter_listen: [{text: listening}]
  utter_empathize: [{text: sorry}]
  utter_cheer: [{text: cheer}]
  utter_encourage: [{text: you can do it}]
  utter_crisis: [{text: help}]
""")


emotion = emotion_metadata  # the testing kit's builders (policies/testing.py)


def tracker(*emotions: dict, intent: str = "share_feelings", extra: list | None = None) -> DialogueStateTracker:
    return tracker_of(*emotions, intent=intent, sender="s", before=extra)


def make(tmp_path: Path, rules: list, **config: Any) -> EmotionRulesPolicy:
    return policy_instance(EmotionRulesPolicy, tmp_path, rules=rules, **config)


def action(policy, t: DialogueStateTracker) -> tuple[str | None, float]:
    prediction = policy.predict_action_probabilities(t, DOMAIN)
    if prediction.max_confidence == 0.0:
        return None, 0.0
    return DOMAIN.action_names_or_texts[prediction.max_confidence_index], prediction.max_confidence


RULES = [
    {"name": "sad", "if": {"prob.sadness": {"min": 0.5}}, "action": "utter_empathize", "confidence": 0.8},
    {"name": "crisis", "if": {"derived.crisis.flag": True}, "action": "utter_crisis", "priority": 100},
    {"name": "frustrated twice", "priority": 10, "action": "utter_encourage",
     "if": {"derived.tutoring.frustration": {"min": 0.6},
            "streak": {"turns": 2, "if": {"derived.tutoring.frustration": {"min": 0.6}}}}},
    {"name": "improving", "if": {"trend.valence": {"min": 0.2}, "label": {"in": ["joy", "neutral"]}},
     "action": "utter_cheer", "confidence": 0.7},
]


def test_priority_picks_crisis_over_an_earlier_matching_rule(tmp_path) -> None:
    policy = make(tmp_path, RULES)
    t = tracker(emotion("sadness", 0.9, -0.7, derived={"crisis": {"flag": True, "risk": 0.97}}))
    assert action(policy, t) == ("utter_crisis", 1.0)
    assert action(policy, tracker(emotion("sadness", 0.9, -0.7))) == ("utter_empathize", pytest.approx(0.8))


def test_crisis_rule_fires_on_a_turn_the_service_could_not_analyse(tmp_path) -> None:
    # the service was down, refused the turn or had no text consent: only the crisis screening came
    policy = make(tmp_path, RULES)
    unanalysed = {"available": False, "error": "service_unavailable",
                  "derived": {"crisis": {"flag": True, "risk": 0.9, "source": "rasa_fallback"}}}
    assert action(policy, tracker(unanalysed)) == ("utter_crisis", 1.0)
    assert action(policy, tracker({"available": False, "error": "service_unavailable"})) == (None, 0.0)


def test_streak_needs_consecutive_turns(tmp_path) -> None:
    policy = make(tmp_path, RULES)
    frustrated = emotion(derived={"tutoring": {"frustration": 0.7}})
    calm = emotion(derived={"tutoring": {"frustration": 0.1}})
    assert action(policy, tracker(calm, frustrated)) == (None, 0.0)
    assert action(policy, tracker(frustrated, calm, frustrated)) == (None, 0.0)
    assert action(policy, tracker(calm, frustrated, frustrated)) == ("utter_encourage", 1.0)


def test_trend_label_and_missing_values(tmp_path) -> None:
    policy = make(tmp_path, RULES)
    assert action(policy, tracker(emotion("joy", 0.8, 0.5, trend=0.3))) == ("utter_cheer", pytest.approx(0.7))
    assert action(policy, tracker(emotion("anger", 0.8, -0.5, trend=0.3))) == (None, 0.0)
    # no derived states at all: derived rules never fire; an unavailable turn matches nothing
    assert action(policy, tracker(emotion("neutral"))) == (None, 0.0)
    assert action(policy, tracker(emotion(available=False))) == (None, 0.0)


def test_intent_slot_and_turn_conditions(tmp_path) -> None:
    rules = [{"if": {"intent": "share_feelings", "slot.mode": "tutor", "turn.valence": {"max": -0.3}},
              "action": "utter_encourage"},
             {"if": {"available": False, "intent": "share_feelings"}, "action": "utter_listen"}]
    policy = make(tmp_path, rules)
    sad = emotion("sadness", 0.8, -0.5)
    assert action(policy, tracker(sad)) == (None, 0.0)
    assert action(policy, tracker(sad, extra=[SlotSet("mode", "tutor")])) == ("utter_encourage", 1.0)
    assert action(policy, tracker(emotion(available=False))) == ("utter_listen", 1.0)


def test_after_its_own_action_it_listens_and_ignores_intents(tmp_path) -> None:
    policy = make(tmp_path, RULES, ignore_intents=["greet"])
    sad = emotion("sadness", 0.9, -0.7)
    own = tracker(sad, extra=None)
    own.update(ActionExecuted("utter_empathize", policy="EmotionRulesPolicy"))
    assert action(policy, own) == ("action_listen", 1.0)
    assert action(policy, tracker(sad, intent="greet")) == (None, 0.0)


def test_wins_over_a_rule_in_rasas_ensemble(tmp_path) -> None:
    t = tracker(emotion("sadness", 0.9, -0.7, derived={"crisis": {"flag": True}}))
    rule = PolicyPrediction.for_action_name(DOMAIN, "utter_listen", "RulePolicy", 1.0)
    rule.policy_priority = 6
    ours = make(tmp_path, RULES).predict_action_probabilities(t, DOMAIN)
    best = DefaultPolicyPredictionEnsemble().combine_predictions([rule, ours], t, DOMAIN)
    assert best.policy_name == "EmotionRulesPolicy"
    assert DOMAIN.action_names_or_texts[best.max_confidence_index] == "utter_crisis"


def test_rules_file_is_stored_in_the_model(tmp_path) -> None:
    rules_file = tmp_path / "emotion_rules.yml"
    rules_file.write_text("rules:\n  - {if: {label: sadness}, action: utter_empathize}\n")
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    cfg = {**EmotionRulesPolicy.get_default_config(), "rules_file": str(rules_file)}
    ctx = ExecutionContext(GraphSchema({}), "test")
    policy = EmotionRulesPolicy.create(cfg, storage, Resource("rules"), ctx)
    policy.train([], DOMAIN)
    rules_file.unlink()  # the trained model does not need the file any more
    loaded = EmotionRulesPolicy.load(cfg, storage, Resource("rules"), ctx)
    assert action(loaded, tracker(emotion("sadness", 0.8, -0.5))) == ("utter_empathize", 1.0)


@pytest.mark.parametrize("rule", [
    {"if": {"label": "sadness"}},                                   # no action
    {"action": "utter_listen"},                                     # no condition
    {"if": {"mood": "bad"}, "action": "utter_listen"},              # unknown condition
    {"if": {"valence": {"below": 0}}, "action": "utter_listen"},    # unknown test
    {"if": {"streak": {"turns": 2}}, "action": "utter_listen"},     # streak without conditions
    {"if": {"label": "joy"}, "action": "utter_listen", "confidence": 2},
    {"if": {"label": "joy"}, "then": "utter_listen"},               # misspelt key
])
def test_invalid_rules_are_refused(tmp_path, rule) -> None:
    with pytest.raises(InvalidConfigException):
        make(tmp_path, [rule])


def test_training_checks_actions(tmp_path) -> None:
    with pytest.raises(InvalidConfigException, match="utter_missing"):
        make(tmp_path, [{"if": {"label": "joy"}, "action": "utter_missing"}]).train([], DOMAIN)


class SadStreakPolicy(EmotionPolicyBase):
    def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Decision | None:
        if emotion.streak(lambda turn: turn.prob("sadness") >= 0.5) >= 3:
            return Decision("utter_empathize", emotion.confidence, {"streak": 3})
        return None


def test_a_subclass_only_writes_decide(tmp_path) -> None:
    policy = SadStreakPolicy.create({**EmotionPolicyBase.get_default_config()}, LocalModelStorage(tmp_path),
                                    Resource("sad"), ExecutionContext(GraphSchema({}), "test"))
    sad = emotion("sadness", 0.8, -0.6, confidence=0.75)
    assert action(policy, tracker(sad, sad)) == (None, 0.0)
    prediction = policy.predict_action_probabilities(tracker(emotion("joy"), sad, sad, sad), DOMAIN)
    assert DOMAIN.action_names_or_texts[prediction.max_confidence_index] == "utter_empathize"
    assert prediction.max_confidence == pytest.approx(0.75) and prediction.is_end_to_end_prediction
    assert prediction.diagnostic_data == {"streak": 3}


def test_context_accessors() -> None:
    t = tracker(emotion("joy", 0.7, 0.4), emotion("sadness", 0.6, -0.5, trend=-0.2,
                                                   derived={"tutoring": {"boredom": 0.4}}))
    ctx = EmotionContext.from_tracker(t)
    assert ctx.label == "sadness" and ctx.source == "state" and ctx.valence == -0.5
    assert ctx.prob("sadness") == pytest.approx(0.6) and ctx.trend_valence == -0.2
    assert ctx.get("tutoring.boredom") == 0.4 and ctx.get("crisis.flag", False) is False
    assert [c.label for c in ctx.turns] == ["joy", "sadness"] and ctx.previous[0].intent == "share_feelings"
    assert ctx.streak(lambda c: c.valence < 0) == 1 and not ctx.crisis


def test_messages_after_a_pause_are_answered(tmp_path) -> None:
    # a paused conversation logs user messages right after the last action (no action_listen)
    from rasa.shared.core.events import ConversationPaused, ConversationResumed

    policy = make(tmp_path, RULES)
    crisis = emotion("sadness", 0.9, -0.7, derived={"crisis": {"flag": True}})
    t = tracker(crisis)
    t.update(ActionExecuted("utter_crisis", policy="EmotionRulesPolicy"))
    t.update(ConversationPaused())
    t.update(UserUttered("hello?", intent={"name": "share_feelings", "confidence": 1.0},
                         metadata={"emotion": emotion("sadness", 0.9, -0.7)}))
    assert action(policy, t) == ("utter_empathize", pytest.approx(0.8))
    t.update(ConversationResumed())
    t.update(UserUttered("/restart", intent={"name": "restart", "confidence": 1.0},
                         metadata={"emotion": crisis}))
    assert action(policy, t) == (None, 0.0)  # /restart is never overruled


def test_editing_the_rules_file_changes_the_fingerprint(tmp_path) -> None:
    """Rasa's training cache keys on this: an edited rules file must retrain the policy."""
    rules_file = tmp_path / "emotion_rules.yml"
    rules_file.write_text("rules:\n  - {if: {label: sadness}, action: utter_empathize}\n")
    cfg = {**EmotionRulesPolicy.get_default_config(), "rules_file": str(rules_file)}
    before = EmotionRulesPolicy.fingerprint_addon(cfg)
    assert before == EmotionRulesPolicy.fingerprint_addon(cfg)  # stable while the file is
    rules_file.write_text("rules:\n  - {if: {label: sadness}, action: utter_comfort}\n")
    assert EmotionRulesPolicy.fingerprint_addon(cfg) not in (None, before)
    assert EmotionRulesPolicy.fingerprint_addon({**cfg, "rules_file": None}) is None


@pytest.mark.parametrize("rule, named, suggested", [
    ({"if": {"turn.prob.angr": {"min": 0.5}}, "action": "utter_calm"}, "turn.prob.angr", "turn.prob.anger"),
    ({"if": {"derived.crisis.flga": True}, "action": "utter_calm"}, "derived.crisis.flga", "derived.crisis.flag"),
    ({"if": {"derived.tutoring.frustrated": {"min": 0.5}}, "action": "utter_calm"}, "derived.tutoring.frustrated",
     "derived.tutoring.frustration"),
    ({"if": {"valence": {"mn": -0.5}}, "action": "utter_calm"}, "mn", "min"),
    ({"if": {"label": "sadness"}, "acton": "utter_calm"}, "acton", "action"),
])
def test_a_mistyped_rule_is_named_with_a_suggestion(rule, named, suggested) -> None:
    with pytest.raises(InvalidConfigException) as refused:
        validated_rules([{"name": "mine", **rule}], " in emotion_rules.yml")
    message = str(refused.value)
    assert f"'{named}'" in message and f"Did you mean '{suggested}'?" in message
    assert "mine" in message and "emotion_rules.yml" in message


def test_actions_and_slots_are_checked_against_the_domain() -> None:
    from rasa.shared.core.domain import Domain

    domain = Domain.from_yaml('version: "3.1"\nresponses:\n  utter_empathize: [{text: "I hear you"}]\n'
                              'slots:\n  problem_solved: {type: bool, mappings: [{type: custom}]}\n')
    with pytest.raises(InvalidConfigException, match="Did you mean 'utter_empathize'"):
        check_against_domain(validated_rules([{"if": {"label": "sadness"}, "action": "utter_empathise"}]), domain)
    with pytest.raises(InvalidConfigException, match="Did you mean 'problem_solved'"):
        check_against_domain(validated_rules([{"if": {"slot.problem_solve": True}, "action": "utter_empathize"}]),
                             domain)
    check_against_domain(validated_rules([{"if": {"slot.problem_solved": True}, "action": "utter_empathize"}]), domain)


def test_every_decision_and_abstention_is_logged_with_the_values_compared(tmp_path, caplog) -> None:
    import logging

    policy = make(tmp_path, RULES)
    with caplog.at_level(logging.DEBUG, logger="policies"):
        assert action(policy, tracker(emotion("joy", p=0.9, valence=0.5))) == (None, 0.0)
    lines = caplog.text
    assert "rule 'crisis' does not hold: derived.crisis.flag = (missing), wanted True" in lines
    assert "rule 'sad' does not hold: prob.sadness = 0.0166" in lines
    assert "EmotionRulesPolicy abstains: decide() returned None (label=joy" in lines
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="policies"):
        assert action(policy, tracker(emotion("sadness", p=0.9)))[0] == "utter_empathize"
    assert "rule 'sad' holds -> utter_empathize" in caplog.text


def test_without_end_to_end_marking_a_tie_goes_by_priority(tmp_path) -> None:
    """The guides' worked example: override_intent_predictions: false does not by itself let the
    rules win; at equal probability (1.0) the higher priority does (ours 7 by default, RulePolicy 6)."""
    t = tracker(emotion("sadness", 0.9, -0.7))
    sad = [{"name": "sad", "if": {"prob.sadness": {"min": 0.5}}, "action": "utter_empathize"}]

    def winner(**config: Any) -> str:
        rule = PolicyPrediction.for_action_name(DOMAIN, "utter_listen", "RulePolicy", 1.0)
        rule.policy_priority = 6
        ours = make(tmp_path, sad, override_intent_predictions=False, **config).predict_action_probabilities(t, DOMAIN)
        return DefaultPolicyPredictionEnsemble().combine_predictions([rule, ours], t, DOMAIN).policy_name

    assert winner() == "EmotionRulesPolicy"  # the default priority 7 wins the tie
    assert winner(priority=5) == "RulePolicy"  # below RulePolicy: the rule answers
    sad[0]["confidence"] = 0.9
    assert winner() == "RulePolicy"  # or a lower confidence: the rule's 1.0 is higher


def test_the_guides_learner_cue_rule_reads_slots_beside_the_states(tmp_path) -> None:
    """docs/writing-emotion-policies.md's rule under <!-- learner-cues-rule -->, as written."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "writing-emotion-policies.md").read_text()
    block = doc.split("<!-- learner-cues-rule -->", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    rules = yaml.safe_load(block)[0]["rules"]
    policy = policy_instance(EmotionRulesPolicy, tmp_path, rules=rules)
    frustrated = emotion_metadata("anger", derived={"tutoring": {"frustration": 0.7}})
    failing = tracker_of(frustrated, before=[SlotSet("wrong_in_a_row", 2.0)])
    succeeding = tracker_of(frustrated, before=[SlotSet("wrong_in_a_row", 0.0)])
    domain = Domain.from_yaml('version: "3.1"\nslots:\n  wrong_in_a_row: {type: float, mappings: [{type: custom}]}\n'
                              'responses:\n  utter_offer_break: [{text: "Break?"}]\n')
    hit = policy.predict_action_probabilities(failing, domain)
    assert domain.action_names_or_texts[hit.max_confidence_index] == "utter_offer_break"
    assert policy.predict_action_probabilities(succeeding, domain).max_confidence == 0.0


def test_the_guides_service_bot_rules_validate_and_fire(tmp_path) -> None:
    """docs/writing-emotion-policies.md, "Service bots": its YAML is valid and does what it says."""
    guide = (Path(__file__).parents[2] / "docs" / "writing-emotion-policies.md").read_text()
    block = guide.split("**Service bots**", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    rules = yaml.safe_load(block)
    domain = Domain.from_yaml('version: "3.1"\nintents: [share_feelings]\nresponses:\n'
                              '  utter_offer_human: [{text: human}]\n  utter_glad_to_help: [{text: glad}]\n')
    check_against_domain(validated_rules(rules), domain)
    policy = make(tmp_path, rules)

    def fired(*frustration_satisfaction: tuple[float, float]) -> str | None:
        t = tracker(*(emotion(derived={"service": {"frustration": f, "satisfaction": s}})
                      for f, s in frustration_satisfaction))
        prediction = policy.predict_action_probabilities(t, domain)
        return domain.action_names_or_texts[prediction.max_confidence_index] if prediction.max_confidence else None

    assert fired((0.7, 0.1)) is None                                     # one fed-up message: not yet
    assert fired((0.6, 0.1), (0.7, 0.1)) == "utter_offer_human"          # two in a row
    assert fired((0.1, 0.8)) == "utter_glad_to_help"


def test_an_entity_condition_reads_the_latest_message_only(tmp_path) -> None:
    # the support bot's situations (policies/situation_entities.py) come as the entity "situation"
    from rasa.shared.core.events import ActionExecuted, UserUttered

    from policies.situation_entities import SituationEntities
    from rasa.shared.nlu.training_data.message import Message

    policy = make(tmp_path, [{"if": {"entity.situation": {"in": ["abuse", "panic"]}}, "action": "utter_crisis"}])
    tagged = SituationEntities({}).process([Message({"text": "my boyfriend hit me again"}),
                                            Message({"text": "/handoff_waiting"}), Message({"text": "hello"})])
    entities = [m.get("entities") or [] for m in tagged]
    assert entities[0][0]["entity"] == "situation" and entities[0][0]["value"] == "abuse"
    assert entities[1] == [] and entities[2] == []                      # an intent, and plain words: none

    def said(*messages: list) -> DialogueStateTracker:
        events = []
        for i, found in enumerate(messages):
            events += [ActionExecuted("action_listen"),
                       UserUttered(f"message {i}", intent={"name": "share_feelings", "confidence": 0.9}, entities=found)]
            if i < len(messages) - 1:
                events.append(ActionExecuted("utter_listen", policy="RulePolicy"))
        return DialogueStateTracker.from_events("s", events)

    assert action(policy, said(entities[0])) == ("utter_crisis", 1.0)
    assert action(policy, said(entities[0], [])) == (None, 0.0)         # an earlier message's situation is not this one's
    with pytest.raises(InvalidConfigException):
        validated_rules([{"if": {"entity.": "abuse"}, "action": "utter_crisis"}])
