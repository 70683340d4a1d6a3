"""Recording conditions a user's clip goes through, applied to a clean 16 kHz waveform.

Each condition is a function ``(wave, rng) -> wave`` on a (T,) float32 array at 16 kHz in
[-1, 1]; ``rng`` (numpy Generator) draws whatever the condition leaves open (noise, a room).
Used twice, with the same code: by ``benchmarks/robustness.py`` to make transformed copies of a
test folder (fixed settings, seeded), and by the speech training recipe as augmentation
(random settings per clip, see :func:`random_condition`).

    quieter / louder    gain of -20 dB / +10 dB (clipped to [-1, 1], as a hot microphone does)
    noise20 / noise10   white noise at 20 / 10 dB SNR over the clip's own RMS
    opus                Opus at 24 kbit/s in WebM, decoded again (what a browser's MediaRecorder sends)
    telephone           8 kHz, 300-3400 Hz band (4th-order Butterworth), G.711 mu-law, back to 16 kHz
    room                a synthetic room: exponentially decaying noise impulse response, RT60 0.3-0.9 s
"""
from __future__ import annotations

import io
from typing import Callable

import numpy as np

SAMPLE_RATE = 16_000

Condition = Callable[[np.ndarray, np.random.Generator], np.ndarray]


def _rms(wave: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(wave, dtype=np.float64)) + 1e-12))


def gain(wave: np.ndarray, db: float) -> np.ndarray:
    """Scale by ``db`` decibels; clipped to [-1, 1]."""
    return np.clip(wave * 10 ** (db / 20), -1.0, 1.0).astype(np.float32)


def white_noise(wave: np.ndarray, snr_db: float, rng: np.random.Generator) -> np.ndarray:
    """Add white Gaussian noise ``snr_db`` below the clip's RMS."""
    noise = rng.standard_normal(wave.shape) * _rms(wave) / 10 ** (snr_db / 20)
    return np.clip(wave + noise, -1.0, 1.0).astype(np.float32)


def opus(wave: np.ndarray, bitrate: int = 24_000) -> np.ndarray:
    """Encode as Opus in WebM at ``bitrate`` bit/s (48 kHz, as browsers do) and decode back to 16 kHz."""
    import av

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="webm") as out:
        stream = out.add_stream("libopus", rate=48_000)
        stream.bit_rate = bitrate
        stream.layout = "mono"
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)
        frame = av.AudioFrame.from_ndarray((np.clip(wave, -1, 1) * 32767).astype(np.int16)[None, :],
                                           format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        for resampled in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(resampled):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    buffer.seek(0)
    pieces = []
    with av.open(buffer, mode="r") as container:
        back = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        for decoded in container.decode(audio=0):
            pieces.extend(f.to_ndarray().reshape(-1) for f in back.resample(decoded))
        pieces.extend(f.to_ndarray().reshape(-1) for f in back.resample(None))
    return np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, np.float32)


def telephone(wave: np.ndarray) -> np.ndarray:
    """Narrow-band telephone: 8 kHz, 300-3400 Hz, G.711 mu-law (8 bit), back to 16 kHz."""
    from scipy.signal import butter, resample_poly, sosfilt

    narrow = resample_poly(wave, 1, 2)
    narrow = sosfilt(butter(4, [300, 3400], btype="bandpass", fs=8_000, output="sos"), narrow)
    mu = 255.0
    x = np.clip(narrow, -1, 1)
    companded = np.round((np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)) * 127) / 127
    expanded = np.sign(companded) * ((1 + mu) ** np.abs(companded) - 1) / mu
    return np.clip(resample_poly(expanded, 2, 1), -1, 1).astype(np.float32)


def room(wave: np.ndarray, rng: np.random.Generator, rt60_s: tuple[float, float] = (0.3, 0.9)) -> np.ndarray:
    """Reverberate with a synthetic impulse response (direct path + decaying noise tail), level kept."""
    from scipy.signal import fftconvolve

    rt60 = rng.uniform(*rt60_s)
    t = np.arange(int(rt60 * SAMPLE_RATE)) / SAMPLE_RATE
    ir = rng.standard_normal(t.size) * np.exp(-6.9 * t / rt60) * 0.3
    ir[0] = 1.0
    wet = fftconvolve(wave, ir)[: wave.size]
    return np.clip(wet * _rms(wave) / _rms(wet), -1, 1).astype(np.float32)


CONDITIONS: dict[str, Condition] = {
    "clean": lambda w, rng: w.astype(np.float32),
    "quieter": lambda w, rng: gain(w, -20),
    "louder": lambda w, rng: gain(w, 10),
    "noise20": lambda w, rng: white_noise(w, 20, rng),
    "noise10": lambda w, rng: white_noise(w, 10, rng),
    "opus": lambda w, rng: opus(w, 24_000),
    "telephone": lambda w, rng: telephone(w),
    "room": lambda w, rng: room(w, rng),
}


def random_condition(wave: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Training augmentation: a random gain, then at most two of noise (5-30 dB), room, Opus
    (16-32 kbit/s) and telephone, each drawn with its own probability."""
    out = gain(wave, rng.uniform(-20, 6))
    if rng.random() < 0.3:
        out = room(out, rng)
    if rng.random() < 0.4:
        out = white_noise(out, rng.uniform(5, 30), rng)
    codec = rng.random()
    if codec < 0.2:
        out = opus(out, int(rng.choice([16_000, 24_000, 32_000])))
    elif codec < 0.4:
        out = telephone(out)
    return out
