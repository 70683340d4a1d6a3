"""The tutor's emotion policy: affect read together with performance picks the pedagogical move.

On every student turn about the lesson or off it (greetings and goodbyes aside) it reads the emotion service's tutoring
states (``derived.tutoring``: confusion, frustration, boredom, engagement) and the learner model
(slot ``learner``: the current item, mastery per skill, wrong answers in a row, hints,
confusion on this item) and predicts ``action_<move>`` as bot/tutor/actions/pedagogy.py's
``choose_move`` decides: a question is answered whatever numbers it holds, wrong answers climb
retry -> hint -> worked example -> the answer, frustration steps down, confusion gets a
different explanation, boredom with mastery is challenged. The student comes first: while a
check-in after risk language is pending (slot ``wellbeing_check``), or when the words are about
grief, trouble at home, being left out, test anxiety, not wanting to be here, self-hatred, a break, a wish to stop or
tiredness, it predicts ``action_wellbeing`` (actions/wellbeing.py); the first message after a break gets the
lesson's move again, and a stop is kept until the student asks to go on or answers (possible risk after a stop still
gets the safety line). "please dont tell anyone" once a
person from the team was alerted is answered honestly (action_wellbeing).

config.yml::

    - name: bot.tutor.tutor_policy.TutorAffectPolicy
      only_intents: [lesson, off_task, nlu_fallback, greet]

Goodbyes are left to the rules (action_goodbye), and so is a greeting before the lesson
(action_greet), unless it is the start word the greeting asked for ("iniziamo", read as a greeting by
Rasa NLU: eighth reading, M10); during the lesson a message read as a greeting is a turn like any other (Rasa
NLU reads short words in other languages, "langweilig", as greetings).
The thresholds and the ladder are data: bot/tutor/tutor.yml.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tutor.actions import death_wish, wellbeing
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.messages import asks_to_go_on, is_answer, says_goodbye, says_start
from bot.tutor.actions.pedagogy import AFFECTS, MOVES, Turn, choose_move, load_pedagogy
from bot.tutor.actions.remarks import says_back
from policies.base import Decision, EmotionContext, EmotionPolicyBase


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False
)
class TutorAffectPolicy(EmotionPolicyBase):
    """Picks ``action_<move>`` for each student turn (see module doc)."""

    def actions(self) -> List[str]:
        return [f"action_{move}" for move in MOVES] + ["action_wellbeing", "action_safety_check", "action_goodbye",
                                                       "action_tutor_crisis"]

    def decide(self, emotion: EmotionContext, tracker: DialogueStateTracker) -> Optional[Decision]:
        pedagogy, curriculum = load_pedagogy(), load_curriculum()
        learner = Learner.from_slot(tracker.get_slot("learner"))
        if emotion.intent == "greet" and not learner.started and not says_start(emotion.text or ""):
            return None  # "iniziamo", the word the Italian greeting asks for, read as a greeting starts (eighth reading, M10)
        text = emotion.text or ""
        risk = float(emotion.get("crisis.risk", 0.0) or 0.0)
        if says_goodbye(text) and (learner.started or emotion.intent != "greet") and risk < pedagogy.possible_risk:
            # "merci au revoir", "adiós", "ciao", "doei", "tchau" (ninth reading, M2): a goodbye, a caring one after a
            # disclosure (greeting.ActionGoodbye); "bye everyone" read at risk is asked about first
            return Decision("action_goodbye", 1.0, {"goodbye": True})
        pending = tracker.get_slot("wellbeing_check")
        concern = wellbeing.concern(text)
        if pending == death_wish.PENDING and death_wish.meant(text, concern):
            # "yes" to "is that frustration, or are you having thoughts like that?" (reading 13, M6): the crisis path
            return Decision("action_tutor_crisis", 1.0, {"death_wish": "meant"})
        if pending == "break" and concern is None:  # back from a break: the lesson's move, with a welcome
            pending = None
        item = curriculum.item(learner.item) if learner.started else None
        if pending == "worry" and concern is None and (says_start(text) or says_back(text)
                                                       or item is not None and is_answer(text, emotion.intent)):
            pending = None  # the student goes back to the lesson after telling of a worry (ninth reading, M6)
        if pending == "stopped" and concern is None and (says_start(text) or asks_to_go_on(text) or says_back(text)
                                                         or item is not None and is_answer(text, emotion.intent)):
            pending = None  # a stop is kept until the student asks to go on, or answers (reading 11, M7)
        if concern is None and wellbeing.team_was_told(pending, tracker.get_slot(wellbeing.HANDOFF_SLOT)) \
                and wellbeing.asks_to_keep_secret(text):
            return Decision("action_wellbeing", 1.0, {"keep_secret": True})  # answered honestly (reading 11, M7)
        if not pending and concern is None and wellbeing.ASKS_SOMEONE.search(text.lower()):
            return Decision("action_wellbeing", 1.0, {"asks_for_someone": True})  # "is the person still there?" (M10)
        if pending == "safety" and concern is None and not wellbeing.after_safety_check(emotion.text or ""):
            pending = None  # the safety line answered with the lesson; "i did it yesterday" waits (eighth reading, H7)
        if (risk >= pedagogy.possible_risk and (not pending or pending == "stopped")  # a stop is no answer to risk (M4)
                and concern not in ("stop", "break", "friend_at_risk", *wellbeing.ASKS_IF_SAFE)):
            # this message's own risk is possible ("i dont feel safe at home"): ask, name where to get
            # help, then carry on; "i want to stop" is about the lesson (fourth exploratory reading);
            # a concern that asks whether the student is safe asks it itself, and reads the answer; a friend at risk
            # is answered with what to do for the friend (ninth reading, M16)
            return Decision("action_safety_check", 1.0, {"crisis_risk": risk})
        if pending or concern:  # the student before the lesson (bot/tutor/actions/wellbeing.py)
            return Decision("action_wellbeing", 1.0, {"wellbeing_check": pending, "concern": concern})
        affect = {name: float(emotion.get(f"tutoring.{name}", 0.0) or 0.0) for name in AFFECTS}
        move, why = choose_move(Turn(emotion.text or "", emotion.intent, affect), learner, item, pedagogy)
        return Decision(f"action_{move}", 1.0, {**why, "affect": affect})

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return EmotionPolicyBase.get_default_config()
