"""EmotionEntities: emotion metadata -> entities -> slots, through Rasa's own slot filling."""
from __future__ import annotations

import asyncio

from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from policies.emotion_slots import EmotionEntities, emotion_values

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [share_feelings]
entities:
  - emotion_label: {influence_conversation: false}
  - emotion_valence: {influence_conversation: false}
  - crisis_flag: {influence_conversation: false}
  - tutoring_boredom: {influence_conversation: false}
slots:
  emotion_label: {type: text, influence_conversation: false, mappings: [{type: from_entity, entity: emotion_label}]}
  emotion_valence: {type: float, influence_conversation: false, mappings: [{type: from_entity, entity: emotion_valence}]}
  crisis_flag: {type: bool, influence_conversation: true, mappings: [{type: from_entity, entity: crisis_flag}]}
  tutoring_boredom: {type: float, influence_conversation: false, mappings: [{type: from_entity, entity: tutoring_boredom}]}
""")
EMOTION = {"available": True,
           "state": {"label": "sadness", "probabilities": {"sadness": 0.8}, "valence": -0.6, "arousal": 0.1,
                     "confidence": 0.7, "trend": {"valence": 0.0, "arousal": 0.0}, "turns_observed": 2},
           "derived": {"crisis": {"flag": False, "risk": 0.1, "matched": []}, "distress": 0.4,
                       "tutoring": {"confusion": 0.1, "frustration": 0.2, "boredom": 0.6, "engagement": 0.3},
                       "service": {"frustration": 0.7, "satisfaction": "x"}}}


def test_values_of_the_metadata() -> None:
    values = dict(emotion_values(EMOTION))
    assert values["emotion_label"] == "sadness" and values["emotion_valence"] == -0.6
    assert values["crisis_flag"] is False and values["tutoring_boredom"] == 0.6 and values["distress"] == 0.4
    assert values["service_frustration"] == 0.7 and "service_satisfaction" not in values  # not a number: left out
    assert emotion_values({"available": False, "error": "x"}) == [] and emotion_values(None) == []


def test_component_adds_entities_and_slots_fill(tmp_path) -> None:
    component = EmotionEntities.create(EmotionEntities.get_default_config(), LocalModelStorage(tmp_path), Resource("e"),
                                       ExecutionContext(GraphSchema({}), "test"))
    message = Message(data={"text": "meh", "metadata": {"emotion": EMOTION}})
    plain = Message(data={"text": "hi", "metadata": None})
    component.process([message, plain])
    entities = {e["entity"]: e["value"] for e in message.get("entities")}
    assert entities["emotion_label"] == "sadness" and entities["crisis_flag"] is False
    assert not plain.get("entities")
    only_label = EmotionEntities.create({"entities": ["emotion_label"]}, LocalModelStorage(tmp_path), Resource("e"),
                                        ExecutionContext(GraphSchema({}), "test"))
    restricted = only_label.process([Message(data={"text": "meh", "metadata": {"emotion": EMOTION}})])[0]
    assert [e["entity"] for e in restricted.get("entities")] == ["emotion_label"]

    tracker = DialogueStateTracker.from_events("s", [
        ActionExecuted("action_listen"),
        UserUttered("meh", intent={"name": "share_feelings", "confidence": 1.0},
                    entities=message.get("entities"), metadata={"emotion": EMOTION})], slots=DOMAIN.slots)
    events = asyncio.run(ActionExtractSlots(None).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses), tracker, DOMAIN))
    set_slots = {e.key: e.value for e in events if isinstance(e, SlotSet)}
    assert set_slots == {"emotion_label": "sadness", "emotion_valence": -0.6, "crisis_flag": False,
                         "tutoring_boredom": 0.6}
    # entities that do not influence the conversation stay out of the featurized state
    for event in events:
        tracker.update(event)
    user_state = DOMAIN.get_active_state(tracker)["user"]
    assert "entities" not in user_state or not set(user_state["entities"]) & set(set_slots)
