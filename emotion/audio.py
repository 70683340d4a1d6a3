"""Decoding of an uploaded audio clip into the 16 kHz mono float32 waveform the speech encoder reads.

Pipeline: bytes -> mono float (channel mean, block by block) at the file's own rate, decoding
stopped after ``max_duration_s`` (soundfile for wav/flac/ogg-vorbis, PyAV for
webm/ogg-opus/mp3/m4a/...) -> 16 kHz (SpeechBrain's sinc resampler) -> leading/trailing
silence trimmed with silero-vad (pauses inside the speech are kept).

silero-vad runs as its "sequence" ONNX model when onnxruntime is installed: one call per clip
instead of one per 32 ms window (the same per-window probabilities to 1e-5, about 4x faster on
a 3 s clip); otherwise as the TorchScript model. Either way the probabilities are computed once
and both thresholds are read from them.

Uploads are untrusted: decoding stops at ``max_duration_s`` whatever the file claims (10 MB
of Opus is hours of audio), and sample rates outside [4, 192] kHz are refused before any
resampling (a WAV header claiming 855 MHz made the resampler allocate gigabytes).

Every way a clip can be unusable raises ``ModalityInputError("audio", code, message)`` with
one of the codes: ``empty_audio``, ``unsupported_format``, ``corrupt_audio``, ``too_short``,
``no_speech``.

(Over 300 lines for a reason: one decoding pipeline, bytes to trimmed 16 kHz speech, with the two
decoders and the VAD it needs; every step is a short function, in the order it runs.)
"""
from __future__ import annotations

import hashlib
import io
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any, MutableMapping

import numpy as np
import torch

from emotion.types import ModalityInputError

SAMPLE_RATE = 16_000
MAX_DURATION_S = 15.0  # longer clips are cut to their first 15 s (with a note)
MIN_DURATION_S = 0.25  # shorter decoded clips are refused before VAD
MIN_SPEECH_S = 0.3  # less speech than this after trimming is refused
VAD_THRESHOLD = 0.5  # silero speech probability for trimming
VAD_LOW_THRESHOLD = 0.1  # second try for shouting/screaming, which silero scores low
SILENCE_PEAK = 1e-4  # |x| below this everywhere = digital silence, VAD not needed
MIN_SAMPLE_RATE = 4_000  # Hz; telephone speech is 8 kHz, nothing real is recorded below 4 kHz
MAX_SAMPLE_RATE = 192_000  # Hz; the highest rate audio interfaces record at
BLOCK_SAMPLES = 1 << 20  # samples (all channels together) decoded at a time before down-mixing

# Extensions / MIME types we refuse up front because they are certainly not audio.
_NOT_AUDIO_EXT = {
    ".txt", ".json", ".csv", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp",
    ".html", ".htm", ".xml", ".zip", ".gz", ".doc", ".docx",
}
_NOT_AUDIO_MIME_PREFIXES = ("text/", "image/", "application/json", "application/pdf")

_VAD_LOCK = threading.Lock()  # the TorchScript silero model keeps recurrent state between windows


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
def load_vad() -> Any:
    """The silero-vad model shipped inside the ``silero_vad`` wheel (no download): the sequence
    ONNX model (``SileroVADSequence``, stateless, thread-safe) when onnxruntime is installed,
    else the TorchScript module."""
    from silero_vad import load_silero_vad

    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return load_silero_vad()
    return load_silero_vad(sequence=True)


def speech_probabilities(wave: torch.Tensor, vad: Any) -> list[float]:
    """(T,) 16 kHz audio -> silero's speech probability of each 512-sample (32 ms) window."""
    if isinstance(vad, torch.nn.Module):
        with _VAD_LOCK, torch.inference_mode():
            return vad.audio_forward(wave, SAMPLE_RATE)[0].tolist()
    return vad.audio_forward(wave.numpy(), SAMPLE_RATE).tolist()


class _RecentClips:
    """The last few decoded clips by content. The voice channel sends each clip twice (to
    ``POST /v1/asr``, then with the turn), so the turn's decoding and VAD is a lookup. A clip
    decoded with another ``max_duration_s`` is reused only if neither limit cut it."""

    def __init__(self, size: int = 8):
        self.size = size
        self._clips: OrderedDict[tuple, tuple[float, float | None, DecodedAudio]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, max_duration_s: float) -> DecodedAudio | None:
        with self._lock:
            limit, uncut_s, clip = self._clips.get(key, (None, None, None))
        if clip is not None and (limit == max_duration_s or (uncut_s is not None and uncut_s <= max_duration_s)):
            return clip
        return None

    def put(self, key: tuple, max_duration_s: float, uncut_s: float | None, clip: DecodedAudio) -> None:
        """uncut_s: the clip's whole duration (s) when ``max_duration_s`` did not cut it, else None."""
        with self._lock:
            self._clips[key] = (max_duration_s, uncut_s, clip)
            self._clips.move_to_end(key)
            while len(self._clips) > self.size:
                self._clips.popitem(last=False)


_RECENT = _RecentClips()


def decode_audio(
    data: bytes,
    filename: str | None = None,
    content_type: str | None = None,
    *,
    vad: Any = None,
    max_duration_s: float = MAX_DURATION_S,
    min_speech_s: float = MIN_SPEECH_S,
    trim_silence: bool = True,
    timings: MutableMapping[str, float] | None = None,
) -> DecodedAudio:
    """Decode any uploaded clip to 16 kHz mono float32 with silence trimmed.

    Args:
        data: the file's bytes.
        filename, content_type: hints from the upload; only used to refuse non-audio early.
        vad: a silero-vad model from ``load_vad`` (pass one loaded once); None loads the shared one.
        max_duration_s: clips longer than this (seconds) are cut to their beginning.
        min_speech_s: less speech than this (seconds) raises ``too_short``.
        trim_silence: trim leading/trailing non-speech with silero-vad.
        timings: when given, receives ``audio_decode`` and ``vad``: milliseconds spent on each.

    The last few clips are remembered by content (see ``_RecentClips``): the same bytes
    decoded again cost a hash.

    Raises:
        ModalityInputError: with code empty_audio, unsupported_format, corrupt_audio,
            too_short or no_speech.
    """
    if not data:
        raise ModalityInputError("audio", "empty_audio", "the audio upload is empty (0 bytes)")
    _refuse_non_audio(filename, content_type)

    start = time.perf_counter()
    vad = vad if vad is not None or not trim_silence else load_vad()  # None and the shared model: one key
    key = (hashlib.sha1(data).digest(), id(vad), min_speech_s, trim_silence)
    recent = _RECENT.get(key, max_duration_s)
    if recent is not None:
        if timings is not None:
            timings["audio_decode"], timings["vad"] = (time.perf_counter() - start) * 1000, 0.0
        return recent
    clip = _decode(data, max_duration_s)
    notes: list[str] = []
    if clip.channels > 1:
        notes.append(f"{clip.channels} channels mixed down to mono")
    if clip.cut:
        lasted = f"it lasted {clip.duration_s:.1f} s" if clip.duration_s else "it is longer"
        notes.append(f"clip cut to its first {max_duration_s:.1f} s ({lasted})")
    duration = clip.wave.size / clip.rate  # checked before resampling, which cannot take 0 samples
    if duration < MIN_DURATION_S:
        raise ModalityInputError(
            "audio", "too_short", f"the clip lasts {duration:.2f} s; at least {MIN_DURATION_S} s is needed"
        )
    wave = torch.from_numpy(clip.wave)
    if clip.rate != SAMPLE_RATE:
        wave = resample(wave, clip.rate)[: int(max_duration_s * SAMPLE_RATE)]
        notes.append(f"resampled from {clip.rate} Hz to {SAMPLE_RATE} Hz")

    if float(wave.abs().max()) < SILENCE_PEAK:
        raise ModalityInputError("audio", "no_speech", "the clip is silent")
    decoded = time.perf_counter()
    if timings is not None:
        timings["audio_decode"] = (decoded - start) * 1000
    if trim_silence:
        try:
            wave = trim_to_speech(wave, vad)
        finally:
            if timings is not None:
                timings["vad"] = (time.perf_counter() - decoded) * 1000
    speech_s = wave.numel() / SAMPLE_RATE
    if speech_s < min_speech_s:
        raise ModalityInputError(
            "audio", "too_short", f"only {speech_s:.2f} s of speech; at least {min_speech_s} s is needed"
        )
    decoded_audio = DecodedAudio(waveform=wave.contiguous(), sample_rate=SAMPLE_RATE, duration_s=speech_s, notes=notes)
    _RECENT.put(key, max_duration_s, None if clip.cut else duration, decoded_audio)
    return decoded_audio


def resample(wave: torch.Tensor, orig_rate: int) -> torch.Tensor:
    """(T,) at ``orig_rate`` Hz -> (T',) at 16 kHz with SpeechBrain's sinc resampler."""
    from speechbrain.augment.time_domain import Resample

    return Resample(orig_freq=int(orig_rate), new_freq=SAMPLE_RATE)(wave.unsqueeze(0)).squeeze(0)


def trim_to_speech(wave: torch.Tensor, vad: Any) -> torch.Tensor:
    """Keep (T,) 16 kHz audio from the first speech onset to the last speech offset.

    Silero scores shouted or screamed speech low (several strong-intensity RAVDESS clips get
    no frame above 0.5), so when nothing passes ``VAD_THRESHOLD`` we retry at
    ``VAD_LOW_THRESHOLD`` (on the same probabilities); noise, hum and tones still score below that.
    Raises ModalityInputError(no_speech) when silero finds no speech at either threshold.
    """
    from silero_vad.utils_vad import get_speech_timestamps_from_probs

    probs = speech_probabilities(wave, vad)
    for threshold in (VAD_THRESHOLD, VAD_LOW_THRESHOLD):
        spans = get_speech_timestamps_from_probs(
            probs, sampling_rate=SAMPLE_RATE, threshold=threshold, speech_pad_ms=100,
            audio_length_samples=wave.numel(),
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


@dataclass(frozen=True)
class _MonoClip:
    """The beginning of an uploaded clip, down-mixed.

    wave: (N,) float32 at ``rate`` Hz, N <= max_duration_s * rate.
    channels: channels in the file. cut: the file holds more than ``wave``.
    duration_s: the whole file's duration when the container states it, else None (seconds).
    """

    wave: np.ndarray
    rate: int
    channels: int
    cut: bool
    duration_s: float | None


def _check_rate(rate: int) -> None:
    if not MIN_SAMPLE_RATE <= rate <= MAX_SAMPLE_RATE:
        raise ModalityInputError(
            "audio", "unsupported_format", f"sample rate {rate} Hz is outside {MIN_SAMPLE_RATE}..{MAX_SAMPLE_RATE} Hz"
        )


def _clip(pieces: list[np.ndarray], rate: int, channels: int, limit: int, duration_s: float | None) -> _MonoClip:
    """Mono pieces -> the first ``limit`` samples; no samples at all is ``corrupt_audio``."""
    wave = np.concatenate(pieces) if pieces else np.zeros(0, np.float32)
    if not wave.size:
        raise ModalityInputError("audio", "corrupt_audio", "the file contains no decodable audio")
    return _MonoClip(wave=np.ascontiguousarray(wave[:limit], dtype=np.float32), rate=int(rate), channels=channels,
                     cut=wave.size > limit, duration_s=duration_s)


def _decode(data: bytes, max_duration_s: float) -> _MonoClip:
    """bytes -> the clip's first ``max_duration_s`` seconds, mono; soundfile first, PyAV as fallback."""
    import soundfile as sf

    try:
        sound = sf.SoundFile(io.BytesIO(data))
    except Exception:  # libsndfile does not know the container: try FFmpeg
        return _decode_av(data, max_duration_s)
    with sound:
        _check_rate(sound.samplerate)
        limit = int(max_duration_s * sound.samplerate)
        pieces: list[np.ndarray] = []
        try:
            for block in sound.blocks(blocksize=max(1, BLOCK_SAMPLES // sound.channels), dtype="float32",
                                      always_2d=True, frames=limit + 1):  # (n, C)
                pieces.append(block.mean(axis=1))
        except Exception:  # a header libsndfile accepts over data it cannot read: let FFmpeg try
            return _decode_av(data, max_duration_s)
        return _clip(pieces, sound.samplerate, sound.channels, limit, sound.frames / sound.samplerate)


def _decode_av(data: bytes, max_duration_s: float) -> _MonoClip:
    import av

    try:
        container = av.open(io.BytesIO(data), mode="r")
    except Exception as exc:  # FFmpeg cannot even probe it
        raise ModalityInputError("audio", "corrupt_audio", f"the audio cannot be decoded: {exc}") from exc
    with container:
        if not container.streams.audio:
            raise ModalityInputError("audio", "unsupported_format", "the file holds no audio stream")
        stream = container.streams.audio[0]
        duration_s = container.duration / av.time_base if container.duration else None
        pieces: list[np.ndarray] = []
        rate = channels = decoded = limit = 0
        try:
            # Planar float at the stream's own rate and layout: resampling is ours.
            converter = None
            for frame in container.decode(stream):
                if converter is None:
                    rate, channels = frame.sample_rate, frame.layout.nb_channels
                    _check_rate(rate)
                    limit = int(max_duration_s * rate)
                    converter = av.AudioResampler(format="fltp", layout=frame.layout.name, rate=rate)
                for out in converter.resample(frame):
                    pieces.append(out.to_ndarray().mean(axis=0))  # (C, n) -> (n,)
                    decoded += pieces[-1].size
                if decoded > limit:  # the rest would be cut anyway
                    break
            else:
                if converter is not None:
                    pieces.extend(out.to_ndarray().mean(axis=0) for out in converter.resample(None))
        except ModalityInputError:
            raise
        except Exception as exc:
            if not pieces:
                raise ModalityInputError("audio", "corrupt_audio", f"the audio cannot be decoded: {exc}") from exc
            # a truncated tail: keep what decoded
    return _clip(pieces, rate, channels, limit, duration_s)
