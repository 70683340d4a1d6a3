"""The recording conditions of emotion/conditions/audio.py (benchmarks and training augmentation)."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import welch

from emotion.conditions.audio import CONDITIONS, random_condition

RATE = 16_000


def voice_like(seconds: float = 1.0) -> np.ndarray:
    """A harmonic tone with energy up to 6 kHz (120 Hz and its harmonics), peak 0.3."""
    t = np.arange(int(seconds * RATE)) / RATE
    wave = sum(np.sin(2 * np.pi * 120 * k * t) / k for k in range(1, 50))
    return (0.3 * wave / np.abs(wave).max()).astype(np.float32)


@pytest.mark.parametrize("name", sorted(CONDITIONS))
def test_each_condition_keeps_a_clip_a_clip_and_is_seeded(name) -> None:
    wave = voice_like()
    a, b = CONDITIONS[name](wave, np.random.default_rng(1)), CONDITIONS[name](wave, np.random.default_rng(1))
    assert a.dtype == np.float32 and abs(a.size - wave.size) <= RATE // 50 and np.abs(a).max() <= 1.0
    assert np.array_equal(a, b)


def test_levels_and_noise_are_what_they_say() -> None:
    wave, rng = voice_like(), np.random.default_rng(2)
    assert np.abs(CONDITIONS["quieter"](wave, rng)).max() == pytest.approx(0.03, rel=1e-3)
    noisy = CONDITIONS["noise10"](wave, rng)
    snr = 10 * np.log10(np.mean(wave ** 2) / np.mean((noisy - wave) ** 2))
    assert snr == pytest.approx(10, abs=0.5)


def test_the_telephone_band_ends_near_3_4_khz() -> None:
    f, power = welch(CONDITIONS["telephone"](voice_like(), None), fs=RATE, nperseg=1024)
    _, clean = welch(voice_like(), fs=RATE, nperseg=1024)
    high = f > 4200
    assert power[high].sum() < 1e-3 * clean[high].sum()  # what is above the band is gone
    band = (f > 500) & (f < 3000)
    assert power[band].sum() > 0.3 * clean[band].sum()  # what is in it stays


def test_training_augmentation_varies_with_the_generator() -> None:
    wave = voice_like()
    outs = [random_condition(wave, np.random.default_rng(seed)) for seed in range(4)]
    assert len({round(float(np.abs(o).mean()), 6) for o in outs}) == 4
