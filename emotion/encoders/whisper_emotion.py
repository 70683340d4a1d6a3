"""Speech emotion from Whisper's encoder states, read against the speaker's own baseline.

    H  = WhisperEncoder(log_mel(x))          # (frames, 384): tiny.en, the clip alone (emotion.whisper)
    f  = [mean_t H ; std_t H]                # (768,) statistics pooling
    z  = baseline.normalise(f, mu_0, var_0)  # (768,) per-person standardisation (PersonBaseline)
    p8 = softmax((W z + b) / T)              # (8,) RAVDESS classes; W (8, 768), T fitted on dev actors

Trained by ``emotion.training.speech_whisper`` (config ``emotion/config/speech_whisper.yaml``);
the checkpoint is ``whisper_head.pt`` + ``whisper_head.json`` in ``<checkpoint_dir>/speech/``.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

from emotion.tracking.baseline import PersonBaseline
from emotion.settings import checkpoint_root
from emotion.whisper import load_whisper, whisper_states

HEAD_FILES = ("whisper_head.json", "whisper_head.pt")
SPACE = "whisper-tiny.en:mean+std"  # the features' space: a stored voice baseline is only read in its own


def pooled(states: np.ndarray) -> np.ndarray:
    """(frames, d) -> (2d,) mean and standard deviation over time."""
    return np.concatenate([states.mean(0), states.std(0)]).astype(np.float64)


class WhisperEmotionHead:
    """Linear head over pooled Whisper states; ``features`` is thread-safe (CTranslate2)."""

    def __init__(self, meta: dict, weights: dict, whisper) -> None:
        self.labels8: list[str] = list(meta["labels"])
        self.temperature = float(meta["temperature"])
        self.strength = float(meta["baseline_strength"])
        self.ecapa_weight = float(meta.get("ecapa_weight", 0.0))
        self.weight = weights["weight"].double().numpy()  # (8, F)
        self.bias = weights["bias"].double().numpy()  # (8,)
        self.prior_mean = weights["prior_mean"].double().numpy()  # (F,)
        self.prior_var = weights["prior_var"].double().numpy()  # (F,)
        self.whisper = whisper
        self.space = SPACE

    @property
    def dim(self) -> int:
        return self.weight.shape[1]

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None) -> "WhisperEmotionHead":
        """Raises FileNotFoundError without the checkpoint, ImportError without faster-whisper."""
        base = Path(checkpoint_dir) if checkpoint_dir else checkpoint_root()
        folder = base if (base / HEAD_FILES[0]).exists() else base / "speech"
        meta_file, weights_file = (folder / name for name in HEAD_FILES)
        for needed in (meta_file, weights_file):
            if not needed.exists():
                raise FileNotFoundError(f"speech head missing: {needed} "
                                        "(train it with `emobot train speech-whisper`)")
        weights = torch.load(weights_file, map_location="cpu", weights_only=True)
        return cls(json.loads(meta_file.read_text()), weights, load_whisper())  # shared with recognition

    def features(self, wave: np.ndarray) -> np.ndarray:
        """(T,) 16 kHz waveform -> (F,) pooled encoder states."""
        return pooled(whisper_states(self.whisper, wave))

    def probs(self, features: np.ndarray, baseline: PersonBaseline | None = None) -> np.ndarray:
        """(F,) or (N, F) features -> (8,) or (N, 8) probabilities over ``labels8``, read against
        ``baseline`` (None: the population)."""
        baseline = baseline or PersonBaseline.empty(self.dim)
        z = baseline.normalise(features, self.prior_mean, self.prior_var, self.strength)
        logits = (z @ self.weight.T + self.bias) / self.temperature
        logits = logits - logits.max(-1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(-1, keepdims=True)
