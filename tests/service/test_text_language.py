"""Which language a message is in (emotion/language.py), and the multilingual re-reading of the text
encoder's outputs (emotion/encoders/text_multilingual.py) with a head whose weights are set by hand."""
from __future__ import annotations

import numpy as np
import pytest

from emotion.encoders.base import ModalityOutput
from emotion.encoders.text_multilingual import LANGUAGE_AT, MultilingualTextHead, reread_other_languages
from emotion.labels import LABEL_INDEX, LABELS
from emotion.language import sure_language


@pytest.mark.parametrize("text, lang", [
    ("ich habe heute keine lust mehr auf die arbeit", "de"),
    ("je suis vraiment content de te voir demain", "fr"),
    ("no puedo creer que me hayan cancelado otra vez", "es"),
    ("sono molto preoccupata per l'esame di domani", "it"),
    ("ik ben zo blij dat het weekend is", "nl"),
    ("estou muito cansada de tudo isso hoje", "pt"),
    ("idk whats wrong w me tbh", "en"),
])
def test_a_message_tells_its_language_to_the_text_reading(text, lang):
    assert sure_language(text, LANGUAGE_AT, low_accuracy=True) == lang


@pytest.mark.parametrize("text", ["ok", "ja", "3/4", "", "hallo"])
def test_a_message_too_short_tells_no_language(text):
    assert sure_language(text, LANGUAGE_AT, low_accuracy=True) is None


def _output(probs):
    return ModalityOutput("text", [0.0] * 384, list(probs), notes=["kept"])


def test_only_the_messages_in_another_language_are_reread():
    fear = LABEL_INDEX["fear"]
    head = MultilingualTextHead(np.zeros((len(LABELS), 384), np.float32),
                                np.eye(len(LABELS), dtype=np.float32)[fear] * 10, 1.0, {})
    neutral = np.eye(len(LABELS))[LABEL_INDEX["neutral"]]
    texts = ["ich habe solche angst vor morgen, ehrlich", "I am scared of tomorrow, honestly", "ok"]
    out = reread_other_languages(head, texts, [_output(neutral) for _ in texts])
    assert int(np.argmax(out[0].probs)) == fear and out[0].notes == ["kept", "text in 'de' read by the multilingual head"]
    assert out[1].probs == list(neutral) and out[1].notes == ["kept"]
    assert out[2].probs == list(neutral) and out[2].notes == ["kept"]
    assert abs(sum(out[0].probs) - 1.0) < 1e-6


def test_without_a_head_another_language_is_marked_unreliable():
    neutral = np.eye(len(LABELS))[LABEL_INDEX["neutral"]]
    out = reread_other_languages(None, ["je suis tellement fatiguée de tout ça"], [_output(neutral)])
    assert out[0].probs == list(neutral)
    assert "unreliable" in out[0].notes[-1] and "'fr'" in out[0].notes[-1]
