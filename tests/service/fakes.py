"""A keyword text encoder for unit tests of the service plumbing (never used outside tests)."""
from __future__ import annotations

from emotion.types import ModalityInputError
from emotion.encoders.base import ModalityOutput
from emotion.labels import LABEL_INDEX, NUM_LABELS

KEYWORDS = {"sad": "sadness", "happy": "joy", "angry": "anger", "scared": "fear"}


class KeywordTextEncoder:
    def encode(self, texts: list[str]) -> list[ModalityOutput]:
        outputs = []
        for text in texts:
            if not text.strip():
                raise ModalityInputError("text", "empty_text", "empty text")
            label = next((lab for word, lab in KEYWORDS.items() if word in text.lower()), "neutral")
            probs = [0.05 / (NUM_LABELS - 1)] * NUM_LABELS
            probs[LABEL_INDEX[label]] = 0.95
            outputs.append(ModalityOutput("text", embedding=[0.0] * 4, probs=probs))
        return outputs
