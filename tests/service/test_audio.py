"""emotion.audio: decoding of uploaded clips to 16 kHz mono, and its refusals."""
from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import resample_poly

from emotion.audio import SAMPLE_RATE, decode_audio, load_vad
from emotion.types import ModalityInputError
from tests.service.conftest import DATA
from tests.service.media import encode_with_av

CLIP = DATA / "ravdess_speech_16k" / "Actor_01" / "03-01-05-02-01-01-01.wav"  # angry, strong, 16 kHz


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    """A real 16 kHz utterance, (T,) float32."""
    assert CLIP.exists(), f"shared data not found: {CLIP} (../shared must sit beside the repo)"
    wave, rate = sf.read(CLIP, dtype="float32")
    assert rate == SAMPLE_RATE
    return wave


@pytest.fixture(scope="module")
def vad():
    return load_vad()


def wav_bytes(samples: np.ndarray, rate: int, fmt: str = "WAV") -> bytes:
    buf = io.BytesIO()
    sf.write(buf, samples, rate, format=fmt)
    return buf.getvalue()


def test_wav_16k_is_trimmed_to_speech(speech, vad):
    clip = decode_audio(wav_bytes(speech, SAMPLE_RATE), "a.wav", vad=vad)
    assert clip.sample_rate == SAMPLE_RATE and clip.waveform.dtype.is_floating_point
    assert clip.waveform.ndim == 1
    # RAVDESS clips start with ~1 s of silence: trimming must shorten, not empty, the clip.
    assert 0.8 < clip.duration_s < len(speech) / SAMPLE_RATE - 0.5
    assert clip.notes == []


@pytest.mark.parametrize("rate", [8000, 44100])
def test_other_rates_are_resampled(speech, vad, rate):
    resampled = resample_poly(speech, rate, SAMPLE_RATE).astype(np.float32)
    clip = decode_audio(wav_bytes(resampled, rate), vad=vad)
    reference = decode_audio(wav_bytes(speech, SAMPLE_RATE), vad=vad)
    assert any(f"from {rate} Hz" in note for note in clip.notes)
    assert abs(clip.duration_s - reference.duration_s) < 0.3


def test_stereo_flac_is_mixed_to_mono(speech, vad):
    stereo = np.stack([speech, 0.5 * speech], axis=1)
    clip = decode_audio(wav_bytes(stereo, SAMPLE_RATE, fmt="FLAC"), "a.flac", vad=vad)
    assert clip.waveform.ndim == 1
    assert any("mono" in note for note in clip.notes)
    # the mix is the channel mean: 0.75 x the original at the loudest sample
    assert float(clip.waveform.abs().max()) == pytest.approx(0.75 * np.abs(speech).max(), rel=0.02)


@pytest.mark.parametrize("container", ["webm", "ogg"])
def test_opus_made_with_pyav_decodes(speech, vad, container):
    data = encode_with_av(speech, container, "libopus", 48000)
    clip = decode_audio(data, f"a.{container}", f"audio/{container}", vad=vad)
    reference = decode_audio(wav_bytes(speech, SAMPLE_RATE), vad=vad)
    assert any("from 48000 Hz" in note for note in clip.notes)
    assert abs(clip.duration_s - reference.duration_s) < 0.3


def test_long_clip_is_cut_with_a_note(speech, vad):
    long = np.tile(speech, 6)  # ~20 s
    clip = decode_audio(wav_bytes(long, SAMPLE_RATE), vad=vad, max_duration_s=15.0)
    assert clip.duration_s <= 15.0
    assert any("cut" in note for note in clip.notes)


def error_code(data: bytes, vad, **kwargs) -> str:
    with pytest.raises(ModalityInputError) as info:
        decode_audio(data, vad=vad, **kwargs)
    assert info.value.modality == "audio"
    return info.value.code


def test_empty_bytes(vad):
    assert error_code(b"", vad) == "empty_audio"


def test_random_bytes(vad):
    assert error_code(np.random.default_rng(0).bytes(4096), vad) == "corrupt_audio"


def test_truncated_header(speech, vad):
    assert error_code(wav_bytes(speech, SAMPLE_RATE)[:30], vad) == "corrupt_audio"


def test_not_audio_by_name(speech, vad):
    assert error_code(wav_bytes(speech, SAMPLE_RATE), vad, filename="face.png") == "unsupported_format"


def test_silence_and_noise_have_no_speech(vad):
    assert error_code(wav_bytes(np.zeros(3 * SAMPLE_RATE, np.float32), SAMPLE_RATE), vad) == "no_speech"
    noise = (0.05 * np.random.default_rng(0).standard_normal(3 * SAMPLE_RATE)).astype(np.float32)
    assert error_code(wav_bytes(noise, SAMPLE_RATE), vad) == "no_speech"


def test_too_short(speech, vad):
    assert error_code(wav_bytes(speech[:1000], SAMPLE_RATE), vad) == "too_short"
