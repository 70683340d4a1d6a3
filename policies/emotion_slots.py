"""``EmotionEntities``: the turn's emotion as entities, so slots fill from it every turn.

Rasa fills slots right after a user message (``action_extract_slots``), before any policy
predicts, from the message's entities. This NLU component, listed in the pipeline, turns
``metadata["emotion"]`` (written by the emobot_web channel) into entities; slots with a
``from_entity`` mapping then hold the emotion, and stories, rules (``slot_was_set``),
conditional responses (``condition: [{type: slot, ...}]``) and custom actions can use them.

config.yml::

    pipeline:
      - name: WhitespaceTokenizer
      - ...
      - name: policies.emotion_slots.EmotionEntities
        entities: [emotion_label, crisis_flag]   # default: all of them (list them in the domain)

Rasa warns about every entity the domain does not declare, so give ``entities`` when you
only declare some. domain.yml (take the entities and slots you need; ``influence_conversation: false`` on the
entities keeps them out of story/rule featurization)::

    entities:
      - emotion_label: {influence_conversation: false}
      - crisis_flag: {influence_conversation: false}
    slots:
      emotion_label:
        type: categorical
        values: [neutral, joy, sadness, anger, fear, disgust, surprise]
        influence_conversation: false
        mappings: [{type: from_entity, entity: emotion_label}]
      crisis_flag:
        type: bool
        influence_conversation: true
        mappings: [{type: from_entity, entity: crisis_flag}]

Entities (only those with a value this turn are emitted):

=========================  ==========================================================
``emotion_label``          top label of the tracked state (else of the turn), text
``emotion_valence``        valence in [-1, 1], float
``emotion_arousal``        arousal in [-1, 1], float
``emotion_confidence``     0..1, float
``crisis_flag``            bool (derived.crisis.flag)
``crisis_risk``            0..1 (derived.crisis.risk)
``distress``               0..1 (derived.distress)
``tutoring_confusion``, ``tutoring_frustration``, ``tutoring_boredom``,
``tutoring_engagement``    0..1 (derived.tutoring.*)
``service_frustration``,
``service_satisfaction``   0..1 (derived.service.*)
=========================  ==========================================================

A turn the service could not analyse emits no entities, so the slots keep their values.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.training_data.training_data import TrainingData

from connectors.contract import SERVICE_FIELDS, crisis_of, derived_of, emotion_of

ENTITY_NAMES = (
    "emotion_label", "emotion_valence", "emotion_arousal", "emotion_confidence",
    "crisis_flag", "crisis_risk", "distress",
    "tutoring_confusion", "tutoring_frustration", "tutoring_boredom", "tutoring_engagement",
    "service_frustration", "service_satisfaction",
)
SCORED_STATES = {"tutoring": ("confusion", "frustration", "boredom", "engagement"),
                 "service": SERVICE_FIELDS}
"""The derived states whose 0..1 scores become ``<state>_<score>`` entities."""


def emotion_values(emotion: Any) -> List[Tuple[str, Any]]:
    """(entity name, value) pairs of one ``metadata["emotion"]`` (empty when unavailable)."""
    if not isinstance(emotion, Mapping) or not emotion.get("available"):
        return []
    out: List[Tuple[str, Any]] = []
    reading = emotion.get("state") or emotion.get("turn")
    if isinstance(reading, Mapping):
        if reading.get("label"):
            out.append(("emotion_label", str(reading["label"])))
        for key in ("valence", "arousal", "confidence"):
            if isinstance(reading.get(key), (int, float)):
                out.append((f"emotion_{key}", float(reading[key])))
    derived, crisis = derived_of(emotion), crisis_of(emotion)
    if "flag" in crisis:
        out.append(("crisis_flag", bool(crisis["flag"])))
    if isinstance(crisis.get("risk"), (int, float)):
        out.append(("crisis_risk", float(crisis["risk"])))
    if isinstance(derived.get("distress"), (int, float)):
        out.append(("distress", float(derived["distress"])))
        for name, keys in SCORED_STATES.items():
            scores = derived.get(name)
            if isinstance(scores, Mapping):
                out += [(f"{name}_{key}", float(scores[key])) for key in keys
                        if isinstance(scores.get(key), (int, float))]
    return out


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EmotionEntities(GraphComponent, EntityExtractorMixin):
    """Adds the emotion entities of ``metadata["emotion"]`` to each user message (see module doc)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"entities": list(ENTITY_NAMES)}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "EmotionEntities":
        return cls(config)

    def __init__(self, config: Dict[str, Any]) -> None:
        self.component_config = config
        wanted = config.get("entities")
        self.entities = set(ENTITY_NAMES if wanted is None else wanted)
        unknown = self.entities - set(ENTITY_NAMES)
        if unknown:
            raise InvalidConfigException(
                f"EmotionEntities: unknown entities {sorted(unknown)}; choose from {ENTITY_NAMES}.")

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples carry no emotion metadata: nothing to add."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            metadata = message.get("metadata") or {}
            values = [(name, value) for name, value in
                      emotion_values(emotion_of(metadata))
                      if name in self.entities]
            if not values:
                continue
            entities = [{"entity": name, "value": value, "start": 0, "end": 0, "confidence_entity": 1.0}
                        for name, value in values]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities),
                        add_to_output=True)
        return messages
