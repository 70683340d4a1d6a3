"""The committed speech encoder checkpoint and its evaluation command."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
import soundfile as sf

from emotion.types import ModalityInputError
from emotion.encoders.speech import SpeechEncoder
from emotion.tracking.baseline import PersonBaseline
from emotion.evaluation.speech import evaluate
from emotion.labels import LABELS
from tests.service.conftest import DATA

RAVDESS = DATA / "ravdess_speech_16k"
# Held-out actors (19-24 are the test actors of emotion/config/speech.yaml).
ANGRY = RAVDESS / "Actor_19" / "03-01-05-02-01-01-19.wav"
CALM = RAVDESS / "Actor_20" / "03-01-02-01-01-01-20.wav"
SAD = RAVDESS / "Actor_22" / "03-01-04-02-02-01-22.wav"


@pytest.fixture(scope="module")
def encoder() -> SpeechEncoder:
    assert ANGRY.exists(), f"shared data not found: {RAVDESS} (../shared must sit beside the repo)"
    return SpeechEncoder.load(threads=1)


def test_missing_checkpoint_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        SpeechEncoder.load(tmp_path)


def test_encode_ravdess_clip(encoder):
    out = encoder.encode(ANGRY.read_bytes(), ANGRY.name, "audio/wav")
    assert out.modality == "audio"
    assert len(out.probs) == len(LABELS) == 7
    assert sum(out.probs) == pytest.approx(1.0, abs=1e-5)
    assert all(0.0 <= p <= 1.0 for p in out.probs)
    assert len(out.embedding) == encoder.embedding_dim
    assert np.isfinite(out.embedding).all() and np.std(out.embedding) > 0
    # different utterances give different embeddings
    other = encoder.encode(SAD.read_bytes())
    assert not np.allclose(out.embedding, other.embedding)


def test_bad_input_raises_modality_error(encoder):
    silence = io.BytesIO()
    sf.write(silence, np.zeros(32000, np.float32), 16000, format="WAV")
    for data, code in [(b"", "empty_audio"), (b"not audio at all" * 50, "corrupt_audio"), (silence.getvalue(), "no_speech")]:
        with pytest.raises(ModalityInputError) as info:
            encoder.encode(data)
        assert info.value.code == code


def test_evaluate_tiny_folder(encoder, tmp_path):
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(32000, np.float32), 16000)
    rows = [
        ("path", "emotion", "actor", "gender"),
        (str(ANGRY), "angry", "19", "male"),
        (str(CALM), "calm", "20", "female"),
        (str(SAD), "sad", "22", "female"),
        (str(SAD), "contempt", "22", "female"),  # no common label: skipped
        ("silent.wav", "neutral", "20", "female"),  # refused input: skipped
        (str(ANGRY), "angry", "1", "male"),  # not a kept actor
    ]
    (tmp_path / "metadata.csv").write_text("\n".join(",".join(r) for r in rows) + "\n")
    out = tmp_path / "report.json"
    report = evaluate(tmp_path, out, actors={19, 20, 22}, verbose=False)
    assert report["n"] == 3
    assert report["skipped"] == {"contempt": 1, "input_error:no_speech": 1}
    assert set(report["group_accuracy"]) == {"male", "female"}
    assert "accuracy_8" in report  # RAVDESS labels including calm
    assert report["ravdess_8"]["n"] == 3
    written = json.loads(out.read_text())
    for key in ("accuracy", "weighted_f1", "macro_f1", "n", "ece"):
        assert written[key] == pytest.approx(report[key])
    assert 0.0 <= report["accuracy"] <= 1.0


def test_the_whisper_head_reads_a_clip_against_the_speakers_baseline(encoder):
    from types import SimpleNamespace

    assert encoder.head is not None, "emotion/checkpoints/speech/whisper_head.* should be committed"
    alone = encoder.encode(ANGRY.read_bytes(), ANGRY.name)
    assert alone.features is not None and len(alone.features) == encoder.head.dim
    same = [encoder.encode(p.read_bytes()).features for p in (CALM, SAD)]
    stats = PersonBaseline.of(np.array(same)).to_json()
    stored = SimpleNamespace(space=encoder.feature_space, count=stats.pop("n"), stats=stats)
    known = encoder.encode(ANGRY.read_bytes(), ANGRY.name, baseline=stored)
    assert sum(known.probs) == pytest.approx(1.0, abs=1e-5)
    assert not np.allclose(known.probs, alone.probs)  # the baseline changes the reading
    assert known.features == alone.features  # the clip's own features do not depend on it
    elsewhere = SimpleNamespace(space="another-encoder", count=2, stats=stored.stats)
    assert np.allclose(encoder.encode(ANGRY.read_bytes(), baseline=elsewhere).probs, alone.probs)


def test_without_the_head_the_encoder_is_ecapa_alone(tmp_path):
    import shutil

    from emotion.settings import checkpoint_root

    for name in ("speech.json", "speech.pt"):
        shutil.copy(checkpoint_root() / "speech" / name, tmp_path / name)
    ecapa = SpeechEncoder.load(tmp_path)
    assert ecapa.head is None and ecapa.feature_space is None
    out = ecapa.encode(ANGRY.read_bytes())
    assert out.features is None and sum(out.probs) == pytest.approx(1.0, abs=1e-5)
