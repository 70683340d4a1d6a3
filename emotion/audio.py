"""Decoding of an uploaded audio clip into the 16 kHz mono float32 waveform the speech encoder reads.

Pipeline: bytes -> (channels, samples) float at the file's own rate (soundfile for
wav/flac/ogg-vorbis, PyAV for webm/ogg-opus/mp3/m4a/...) -> mono (channel mean) -> 16 kHz
(SpeechBrain's sinc resampler) -> cut to ``max_duration_s`` -> leading/trailing silence
trimmed with silero-vad (pauses inside the speech are kept).

Every way a clip can be unusable raises ``ModalityInputError("audio", code, message)`` with
one of the codes: ``empty_audio``, ``unsupported_format``, ``corrupt_audio``, ``too_short``,
``no_speech``.
"""
from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

import numpy as np
import torch

from emotion.encoders.base import ModalityInputError

SAMPLE_RATE = 16_000
MAX_DURATION_S = 15.0  # longer clips are cut to their first 15 s (with a note)
MIN_DURATION_S = 0.25  # shorter decoded clips are refused before VAD
MIN_SPEECH_S = 0.3  # less speech than this after trimming is refused
VAD_THRESHOLD = 0.5  # silero speech probability for trimming
VAD_LOW_THRESHOLD = 0.1  # second try for shouting/screaming, which silero scores low
SILENCE_PEAK = 1e-4  # |x| below this everywhere = digital silence, VAD not needed

# Extensions / MIME types we refuse up front because they are certainly not audio.
_NOT_AUDIO_EXT = {
    ".txt", ".json", ".csv", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp",
    ".html", ".htm", ".xml", ".zip", ".gz", ".doc", ".docx",
}
_NOT_AUDIO_MIME_PREFIXES = ("text/", "image/", "application/json", "application/pdf")

_VAD_LOCK = threading.Lock()  # the silero model keeps recurrent state between windows


@dataclass(frozen=True)
class DecodedAudio:
    """A clip ready for feature extraction.

    waveform: (T,) float32 in [-1, 1], mono, at ``sample_rate``.
    sample_rate: always 16000 Hz.
    duration_s: T / sample_rate, in seconds, after cutting and silence trimming.
    notes: human-readable remarks (e.g. the clip was cut, resampled or down-mixed).
    """

    waveform: torch.Tensor
    sample_rate: int = SAMPLE_RATE
    duration_s: float = 0.0
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_vad() -> torch.nn.Module:
    """The silero-vad model shipped inside the ``silero_vad`` wheel (no download)."""
    from silero_vad import load_silero_vad

    return load_silero_vad()


def decode_audio(
    data: bytes,
    filename: str | None = None,
    content_type: str | None = None,
    *,
    vad: torch.nn.Module | None = None,
    max_duration_s: float = MAX_DURATION_S,
    min_speech_s: float = MIN_SPEECH_S,
    trim_silence: bool = True,
) -> DecodedAudio:
    """Decode any uploaded clip to 16 kHz mono float32 with silence trimmed.

    Args:
        data: the file's bytes.
        filename, content_type: hints from the upload; only used to refuse non-audio early.
        vad: a silero-vad model (pass one loaded once); None loads the shared one.
        max_duration_s: clips longer than this (seconds) are cut to their beginning.
        min_speech_s: less speech than this (seconds) raises ``too_short``.
        trim_silence: trim leading/trailing non-speech with silero-vad.

    Raises:
        ModalityInputError: with code empty_audio, unsupported_format, corrupt_audio,
            too_short or no_speech.
    """
    if not data:
        raise ModalityInputError("audio", "empty_audio", "the audio upload is empty (0 bytes)")
    _refuse_non_audio(filename, content_type)

    channels, rate = _decode(data)  # (C, N) float32, Hz
    notes: list[str] = []
    if channels.shape[0] > 1:
        notes.append(f"{channels.shape[0]} channels mixed down to mono")
    wave = torch.from_numpy(np.ascontiguousarray(channels.mean(axis=0), dtype=np.float32))
    if rate != SAMPLE_RATE:
        wave = resample(wave, rate)
        notes.append(f"resampled from {rate} Hz to {SAMPLE_RATE} Hz")

    duration = wave.numel() / SAMPLE_RATE
    if duration < MIN_DURATION_S:
        raise ModalityInputError(
            "audio", "too_short", f"the clip lasts {duration:.2f} s; at least {MIN_DURATION_S} s is needed"
        )
    max_samples = int(max_duration_s * SAMPLE_RATE)
    if wave.numel() > max_samples:
        notes.append(f"clip cut to its first {max_duration_s:.1f} s (it lasted {duration:.1f} s)")
        wave = wave[:max_samples]

    if float(wave.abs().max()) < SILENCE_PEAK:
        raise ModalityInputError("audio", "no_speech", "the clip is silent")
    if trim_silence:
        wave = trim_to_speech(wave, vad if vad is not None else load_vad())
    speech_s = wave.numel() / SAMPLE_RATE
    if speech_s < min_speech_s:
        raise ModalityInputError(
            "audio", "too_short", f"only {speech_s:.2f} s of speech; at least {min_speech_s} s is needed"
        )
    return DecodedAudio(waveform=wave.contiguous(), sample_rate=SAMPLE_RATE, duration_s=speech_s, notes=notes)


def resample(wave: torch.Tensor, orig_rate: int) -> torch.Tensor:
    """(T,) at ``orig_rate`` Hz -> (T',) at 16 kHz with SpeechBrain's sinc resampler."""
    from speechbrain.augment.time_domain import Resample

    return Resample(orig_freq=int(orig_rate), new_freq=SAMPLE_RATE)(wave.unsqueeze(0)).squeeze(0)


def trim_to_speech(wave: torch.Tensor, vad: torch.nn.Module) -> torch.Tensor:
    """Keep (T,) 16 kHz audio from the first speech onset to the last speech offset.

    Silero scores shouted or screamed speech low (several strong-intensity RAVDESS clips get
    no frame above 0.5), so when nothing passes ``VAD_THRESHOLD`` we retry at
    ``VAD_LOW_THRESHOLD``; noise, hum and tones still score below that.
    Raises ModalityInputError(no_speech) when silero finds no speech at either threshold.
    """
    from silero_vad import get_speech_timestamps

    with _VAD_LOCK, torch.inference_mode():
        for threshold in (VAD_THRESHOLD, VAD_LOW_THRESHOLD):
            spans = get_speech_timestamps(
                wave, vad, threshold=threshold, sampling_rate=SAMPLE_RATE, speech_pad_ms=100
            )
            if spans:
                return wave[spans[0]["start"] : spans[-1]["end"]]
    raise ModalityInputError("audio", "no_speech", "no speech was detected in the clip")


def _refuse_non_audio(filename: str | None, content_type: str | None) -> None:
    ext = PurePath(filename).suffix.lower() if filename else ""
    mime = (content_type or "").split(";")[0].strip().lower()
    if ext in _NOT_AUDIO_EXT or mime.startswith(_NOT_AUDIO_MIME_PREFIXES):
        raise ModalityInputError(
            "audio", "unsupported_format", f"not an audio file ({filename or ''} {mime})".strip()
        )


def _decode(data: bytes) -> tuple[np.ndarray, int]:
    """bytes -> ((C, N) float32, sample rate in Hz); soundfile first, PyAV as fallback."""
    import soundfile as sf

    try:
        samples, rate = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)  # (N, C)
        return samples.T, int(rate)
    except Exception:  # libsndfile does not know the container: try FFmpeg
        pass
    return _decode_av(data)


def _decode_av(data: bytes) -> tuple[np.ndarray, int]:
    import av

    try:
        container = av.open(io.BytesIO(data), mode="r")
    except Exception as exc:  # FFmpeg cannot even probe it
        raise ModalityInputError("audio", "corrupt_audio", f"the audio cannot be decoded: {exc}") from exc
    with container:
        if not container.streams.audio:
            raise ModalityInputError("audio", "unsupported_format", "the file holds no audio stream")
        stream = container.streams.audio[0]
        chunks: list[np.ndarray] = []
        rate = 0
        try:
            # Planar float at the stream's own rate and layout: resampling is ours.
            converter = None
            for frame in container.decode(stream):
                if converter is None:
                    rate = frame.sample_rate
                    converter = av.AudioResampler(format="fltp", layout=frame.layout.name, rate=rate)
                for out in converter.resample(frame):
                    chunks.append(out.to_ndarray())  # (C, n)
            if converter is not None:
                for out in converter.resample(None):
                    chunks.append(out.to_ndarray())
        except ModalityInputError:
            raise
        except Exception as exc:
            if not chunks:
                raise ModalityInputError("audio", "corrupt_audio", f"the audio cannot be decoded: {exc}") from exc
            # a truncated tail: keep what decoded
    if not chunks:
        raise ModalityInputError("audio", "corrupt_audio", "the file contains no decodable audio")
    return np.concatenate(chunks, axis=1).astype(np.float32), int(rate)
