"""The committed text checkpoint, loaded with the real all-MiniLM-L6-v2 base."""
import math

import pytest

from emotion.types import ModalityInputError
from emotion.encoders.text import EMBEDDING_DIM, TextEncoder
from emotion.labels import LABEL_INDEX, LABELS


@pytest.fixture(scope="module")
def encoder() -> TextEncoder:
    return TextEncoder.load()


def top_label(probs: list[float]) -> str:
    return LABELS[max(range(len(probs)), key=probs.__getitem__)]


def test_joy(encoder):
    (out,) = encoder.encode(["I am so happy, this is wonderful!"])
    assert out.modality == "text"
    assert top_label(out.probs) == "joy"
    assert out.valence_arousal[0] > 0


def test_anger_or_negative(encoder):
    (out,) = encoder.encode(["I am furious! How dare you lie to me, get out of my house!"])
    assert top_label(out.probs) == "anger" or out.valence_arousal[0] < 0


def test_probabilities_and_embedding(encoder):
    outs = encoder.encode(["Hi.", "Where are my keys?", "Oh my God, you got married?!"])
    for out in outs:
        assert len(out.probs) == len(LABELS)
        assert sum(out.probs) == pytest.approx(1.0, abs=1e-5)
        assert all(0.0 <= p <= 1.0 for p in out.probs)
        assert len(out.embedding) == EMBEDDING_DIM == 384
        assert math.sqrt(sum(x * x for x in out.embedding)) == pytest.approx(1.0, abs=1e-4)
        assert out.notes == []


def test_batch_matches_single(encoder):
    texts = ["Okay.", "I can't believe you did that to me, after everything we went through together."]
    batched = encoder.encode(texts)
    for text, out in zip(texts, batched):
        (single,) = encoder.encode([text])
        assert single.probs == pytest.approx(out.probs, abs=1e-4)
        assert single.embedding[:8] == pytest.approx(out.embedding[:8], abs=1e-4)


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_empty_text_raises(encoder, text):
    with pytest.raises(ModalityInputError) as err:
        encoder.encode(["fine", text])
    assert err.value.modality == "text" and err.value.code == "empty_text"


def test_long_text_is_truncated_with_note(encoder):
    (long, short) = encoder.encode(["this is a very long complaint " * 200, "short"])
    assert any("truncated" in note for note in long.notes)
    assert short.notes == []
    assert sum(long.probs) == pytest.approx(1.0, abs=1e-5)


def test_missing_checkpoint(tmp_path):
    with pytest.raises(FileNotFoundError):
        TextEncoder.load(tmp_path)


def test_label_index_consistent():
    assert LABEL_INDEX["joy"] == LABELS.index("joy")


def test_a_bottom_with_a_tap_returns_the_same_states_and_those_below_from_one_run():
    """``taps``: the frozen bottom also returns the states below the base's last k layers (what
    the crisis encoder reads), from the same run and remembered with it; the encoder's own
    readings do not change."""
    import torch

    from emotion.affect.embed import SentenceEmbedder
    from emotion.encoders.text_base import TappedBottom

    plain, tapped = TextEncoder.load(), TextEncoder.load(taps=(4,))
    texts = ["i cant sleep again", "we had pizza and watched a film tonight"]
    for a, b in zip(plain.encode(texts), tapped.encode(texts)):
        assert max(abs(x - y) for x, y in zip(a.probs, b.probs)) < 1e-6
    runs = []
    run = tapped.bottom.run
    tapped.bottom.run = lambda *args: runs.append(1) or run(*args)
    below = tapped.bottom.below(4)
    assert isinstance(below, TappedBottom) and tapped.bottom.below(3) is None
    batch = tapped.tokenizer(["something new to read", "and a longer second text to read"], padding=True,
                             return_tensors="pt")
    ids, mask = batch["input_ids"], batch["attention_mask"]
    states = tapped.bottom(ids, mask)
    h2 = below(ids, mask)
    assert len(runs) == 1 and h2.shape == states.shape and not torch.allclose(h2, states)
    own = SentenceEmbedder.split(4).bottom(ids, mask)  # a bottom of the first two layers alone
    assert torch.allclose(h2 * mask[..., None], own * mask[..., None], atol=1e-5)
    assert TextEncoder.load(taps=(2,)).taps == ()  # the bottom's own depth: no tap
