"""What every modality encoder returns, and how it reports unusable input."""
from __future__ import annotations

from dataclasses import dataclass, field

from emotion.labels import valence_arousal


MODALITIES: tuple[str, ...] = ("text", "audio", "face")


@dataclass(frozen=True)
class ModalityOutput:
    """One modality's reading of one turn.

    embedding: (D,) floats, the encoder's utterance-level embedding (node feature for the graph).
    probs: (7,) probabilities over ``emotion.labels.LABELS``, summing to 1.
    notes: human-readable remarks about the input (e.g. "clip cut to 10.0 s").
    features: (F,) what the speaker's baseline is updated with (audio with the Whisper head), or None;
        never logged.
    language: text read outside English (the multilingual head): its ISO 639-1 code ("de"); else None.
    """

    modality: str
    embedding: list[float]
    probs: list[float]
    notes: list[str] = field(default_factory=list)
    features: list[float] | None = None
    language: str | None = None

    @property
    def valence_arousal(self) -> tuple[float, float]:
        return valence_arousal(self.probs)


