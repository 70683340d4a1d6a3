"""``SituationEntities``: the situation a message reports (policies/situations.py) as the entity
``situation``, so a rule of ``policies.rules_policy.EmotionRulesPolicy`` can answer it first
(condition ``entity.situation``, which reads the latest message's entities) and an action can
read it (``tracker.get_latest_entity_values("situation")``).

A message that reports one gets the entity, valued one of ``situations.ORDER``
(``emergency_other``, ``abuse``, ``friend_at_risk``, ``panic``, ``asks_helpline``); others get
none (no slot: an earlier message's situation is never taken for this one's). It reads the words
alone: it works when the emotion service is down.

config.yml::

    pipeline:
      - ...
      - name: policies.situation_entities.SituationEntities
        patterns: policies/situations.yml   # optional: a deployment's own patterns

domain.yml::

    entities:
      - situation: {influence_conversation: false}

and a rule such as ``{if: {entity.situation: abuse}, action: action_situation}``.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from policies import situations

ENTITY = "situation"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class SituationEntities(GraphComponent, EntityExtractorMixin):
    """Adds the entity ``situation`` to each user message (see module doc)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"patterns": str(situations.DEFAULT_FILE)}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SituationEntities":
        return cls(config)

    def __init__(self, config: Dict[str, Any]) -> None:
        self.component_config = config
        self.situations = situations.load(str(config.get("patterns") or situations.DEFAULT_FILE))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples carry no situation: nothing to add."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            value = None if text.startswith("/") else self.situations.of(text)  # "/handoff_waiting": an intent, not words
            if value is None:
                continue
            entity = {"entity": ENTITY, "value": value, "start": 0, "end": 0, "confidence_entity": 1.0}
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name([entity]), add_to_output=True)
        return messages
