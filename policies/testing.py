"""A testing kit for emotion policies: emotion metadata, trackers and policy instances.

Rasa's test stories cannot carry message metadata, so an emotion-driven path is tested with
these builders (unit level) and end to end over HTTP against a real ``rasa run`` (see
docs/writing-emotion-policies.md, "Testing")::

    from policies.testing import emotion_metadata, policy_instance, tracker_of

    def test_sad_users_get_empathy(tmp_path):
        policy = policy_instance(EmotionRulesPolicy, tmp_path, rules=[
            {"name": "sad", "if": {"prob.sadness": {"min": 0.5}}, "action": "utter_empathize"}])
        tracker = tracker_of(emotion_metadata("sadness", p=0.9, valence=-0.6))
        prediction = policy.predict_action_probabilities(tracker, domain)
        assert domain.action_names_or_texts[prediction.max_confidence_index] == "utter_empathize"
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Type

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.contract import EMOTION_METADATA_KEY
from policies import testing_bot


def emotion_metadata(label: str = "neutral", p: float = 0.8, valence: float = 0.0, arousal: float = 0.1,
                     confidence: float = 0.9, derived: Optional[Dict[str, Any]] = None, trend: float = 0.0,
                     available: bool = True) -> Dict[str, Any]:
    """``metadata["emotion"]`` as the emobot channel writes it: ``label`` with probability ``p``
    (the rest spread evenly), the same reading as turn and tracked state (with a valence
    ``trend`` per turn), and ``derived`` states (e.g. ``{"crisis": {"flag": True, ...}}``).
    ``available=False``: a turn the service could not analyse."""
    if not available:
        return {"available": False, "error": "service_unavailable", "derived": derived or {}}
    reading = {**testing_bot.reading(label, p, confidence), "valence": valence, "arousal": arousal}
    return {"available": True, "turn": reading,
            "state": {**reading, "trend": {"valence": trend, "arousal": 0.0, "labels": {label: 0.1}},
                      "turns_observed": 1},
            "derived": derived or {}}


def tracker_of(*emotions: Dict[str, Any], intent: str = "share_feelings", sender: str = "test",
               before: Optional[List[Event]] = None, bot_action: str = "utter_listen") -> DialogueStateTracker:
    """A conversation of one user message per ``emotions`` entry (its metadata), each but the
    last answered by ``bot_action``; ``before``: events that come first (slots, a form...)."""
    events: List[Event] = list(before or [])
    for i, emotion in enumerate(emotions):
        events += [ActionExecuted("action_listen"),
                   UserUttered(f"message {i}", intent={"name": intent, "confidence": 0.9},
                               metadata={EMOTION_METADATA_KEY: emotion})]
        if i < len(emotions) - 1:
            events.append(ActionExecuted(bot_action, policy="RulePolicy"))
    return DialogueStateTracker.from_events(sender, events)


def policy_instance(policy_class: Type, folder: Path, **config: Any) -> Any:
    """A policy as Rasa creates it (its default config updated with ``config``), storing into ``folder``."""
    return policy_class.create({**policy_class.get_default_config(), **config}, LocalModelStorage(folder),
                               Resource(policy_class.__name__), ExecutionContext(GraphSchema({}), "test"))
