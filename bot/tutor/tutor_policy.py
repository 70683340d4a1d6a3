"""The tutor's emotion policy: one ``decide`` method on the public API (policies.base).

It reads the tutoring states the emotion service derives (``derived.tutoring``) and the
tutor's own dialogue cues (slots ``wrong_in_a_row``, ``hint_requests``), and picks a move:

    frustration ≥ θ_f, or 2+ wrong answers in a row with negative valence -> action_encourage
    confusion   ≥ θ_c                                                      -> action_reexplain
    boredom     ≥ θ_b                                                      -> action_challenge
    otherwise (engaged / neutral)                                          -> abstain: the
        rules and stories keep the pace (check the answer, next exercise)

config.yml::

    - name: bot.tutor.tutor_policy.TutorAffectPolicy
      ignore_intents: [greet, goodbye, answer, start_lesson]
      confusion: 0.6
      frustration: 0.6
      boredom: 0.6
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.trackers import DialogueStateTracker

from policies.base import Decision, EmotionContext, EmotionPolicyBase


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False
)
class TutorAffectPolicy(EmotionPolicyBase):
    """Confusion -> re-explain, frustration -> encourage, boredom -> challenge (see module doc)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {**EmotionPolicyBase.get_default_config(), "confusion": 0.6, "frustration": 0.6, "boredom": 0.6}

    def actions(self) -> List[str]:
        return ["action_encourage", "action_reexplain", "action_challenge"]

    def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Optional[Decision]:
        tutoring = emotion.get("tutoring", {}) or {}
        wrong = float(tracker.get_slot("wrong_in_a_row") or 0)
        frustration = float(tutoring.get("frustration", 0.0))
        if frustration >= self.config["frustration"] or (wrong >= 2 and emotion.valence <= -0.2):
            return Decision("action_encourage", max(frustration, 0.6), {"state": "frustration", "wrong": wrong})
        if float(tutoring.get("confusion", 0.0)) >= self.config["confusion"]:
            return Decision("action_reexplain", float(tutoring["confusion"]), {"state": "confusion"})
        if float(tutoring.get("boredom", 0.0)) >= self.config["boredom"]:
            return Decision("action_challenge", float(tutoring["boredom"]), {"state": "boredom"})
        return None
