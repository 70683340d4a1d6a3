"""The detector's features: hashed character n-grams of normalised text, and the stacked vector
the calibrated risk is read from (emotion/crisis/detector.py gives the whole formula):

    f = [lexicon features (7) ; logit p_chat ; logit p_reddit ; logit p_char]   (10,)
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from emotion.crisis.lexicon import LexiconReading
from emotion.crisis.normalise import normalise

HASH_FEATURES = 2 ** 17
N_FEATURES = 10


def char_vectorizer():
    """Stateless hashed character n-grams (2..5, word-bounded) of normalised text: (N, 2^17)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=HASH_FEATURES,
                             alternate_sign=False, norm="l2", preprocessor=normalise)


def logit(p: np.ndarray | float, bound: float = 8.0) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.clip(np.log(p / (1 - p)), -bound, bound)


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


def stack_features(lex: Sequence[LexiconReading], p_chat: np.ndarray, p_reddit: np.ndarray,
                   p_char: np.ndarray) -> np.ndarray:
    """(N, 10) stacked features: lexicon (7), then logits of the three model heads."""
    lexf = np.array([r.features() for r in lex], dtype=np.float64).reshape(len(lex), 7)
    return np.concatenate([lexf, logit(p_chat)[:, None], logit(p_reddit)[:, None], logit(p_char)[:, None]], axis=1)
