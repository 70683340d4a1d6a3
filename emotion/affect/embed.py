"""Sentence embeddings of all-MiniLM-L6-v2 (frozen), for the affect heads.

For token states ``H`` (T, 384) of the last layer and attention mask ``m`` (T,):

    e = normalise( Σ_t m_t H_t / Σ_t m_t )        # (384,), ||e|| = 1

A long text is cut into windows of at most ``max_tokens`` tokens (default 128) and each
window is embedded separately, so a risk statement late in a long message is not lost
to truncation: ``embed_chunks`` returns (n_windows, 384) per text.

In the service the embedder shares the text encoder's tokenizer and frozen bottom layers
(``SentenceEmbedder.sharing``): only the base's top layers are its own, and a text that the
text encoder has just read is not run through the bottom again; it also remembers the last
embeddings it computed, so the crisis detector and the affect heads, which read the same
windows of a turn, run the top layers once.
"""
from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from emotion.encoders.text_base import (  # noqa: E402
    EMBEDDING_DIM, BottomStates, FrozenBottom, Memo, PooledLayers, length_batches, load_base, serial)


class SentenceEmbedder:
    """Frozen MiniLM: texts -> unit-norm embeddings (N, 384) float32."""

    dim = EMBEDDING_DIM

    def __init__(self, max_tokens: int = 128, threads: int | None = None) -> None:
        if threads:
            torch.set_num_threads(threads)
        tokenizer, base, _ = load_base(0)
        self._set(tokenizer, FrozenBottom(BottomStates(base), memo=0), PooledLayers(torch.nn.ModuleList()), max_tokens, 0)

    def _set(self, tokenizer, bottom: FrozenBottom, pooled: torch.nn.Module, max_tokens: int, top_layers: int,
             memo: int = 0) -> None:
        """pooled: (token states (B, T, D), mask (B, T)) -> unit-norm embeddings (B, D), running the
        base's last ``top_layers`` layers over the bottom's states; memo: how many texts'
        embeddings are remembered (0 for training's one-off batches)."""
        self.tokenizer, self.bottom, self.pooled, self.max_tokens = serial(tokenizer), bottom, pooled, max_tokens
        self.top_layers = top_layers
        self._memo = Memo(memo)

    @classmethod
    def split(cls, top_layers: int = 2, max_tokens: int = 128, threads: int | None = None,
              memo: int = 0) -> "SentenceEmbedder":
        """The same embeddings, computed as a frozen bottom of ``6 - top_layers`` layers then the
        pretrained top layers: the layout the service shares with the text encoder, so models
        trained on its bottom states (emotion/crisis) run in both."""
        if threads:
            torch.set_num_threads(threads)
        tokenizer, base, top = load_base(top_layers)
        embedder = cls.__new__(cls)
        embedder._set(tokenizer, FrozenBottom(BottomStates(base), memo=0),
                      PooledLayers(top if top is not None else torch.nn.ModuleList()), max_tokens, top_layers, memo)
        return embedder

    @torch.inference_mode()
    def bottom_states(self, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """The frozen bottom's token states of ``texts`` (each cut to ``max_tokens``):
        (B, T, 384) states and (B, T) mask."""
        ids, mask = self.tokens(texts)
        return self.bottom(ids, mask), mask

    def tokens(self, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """input_ids and attention_mask (B, T) of ``texts``, each cut to ``max_tokens``."""
        batch = self.tokenizer([t or "." for t in texts], padding=True, truncation=True,
                               max_length=self.max_tokens, return_tensors="pt")
        return batch["input_ids"], batch["attention_mask"]

    @classmethod
    def sharing(cls, text_encoder, max_tokens: int = 128, memo: int = 64) -> "SentenceEmbedder":
        """The same embedder on a loaded ``TextEncoder``'s tokenizer, frozen bottom layers and
        pretrained top layers (no second copy of the base), remembering ``memo`` embeddings."""
        embedder = cls.__new__(cls)
        embedder._set(text_encoder.tokenizer, text_encoder.bottom, text_encoder.pretrained, max_tokens,
                      text_encoder.top_layers, memo)
        return embedder

    def below(self, top_layers: int) -> "SentenceEmbedder | None":
        """An embedder whose ``bottom_states`` are the states below the base's last ``top_layers``
        layers, taken from this one's bottom run (no second bottom), or None when the bottom was
        not built with that tap (``TextEncoder.load(taps=...)``). For ``bottom_states`` only."""
        tapped = self.bottom.below(top_layers) if isinstance(self.bottom, FrozenBottom) else None
        if tapped is None:
            return None
        embedder = self.__class__.__new__(self.__class__)
        embedder._set(self.tokenizer, tapped, PooledLayers(torch.nn.ModuleList()), self.max_tokens, top_layers)
        return embedder

    def bottom_on_onnxruntime(self, threads: int = 1, keep_top: bool = True) -> "SentenceEmbedder":
        """The same embedder with its frozen bottom exported to ONNX Runtime (for an embedder of
        its own, ``split``; a ``sharing`` one already runs on the text encoder's). ``keep_top=False``
        drops the pretrained top layers, for a caller that reads only ``bottom_states``."""
        from emotion.encoders.text_onnx import OnnxPart

        batch = self.tokenizer(["an example, to trace the graph", "short"], padding=True, return_tensors="pt")
        run = OnnxPart(self.bottom.run, (batch["input_ids"], batch["attention_mask"]), ["input_ids", "attention_mask"],
                       ["states"], threads)
        embedder = self.__class__.__new__(self.__class__)
        pooled = self.pooled if keep_top else PooledLayers(torch.nn.ModuleList())
        embedder._set(self.tokenizer, FrozenBottom(run, memo=self.bottom.memo_size), pooled, self.max_tokens,
                      self.top_layers, self._memo.size)
        return embedder

    def windows(self, text: str, max_windows: int = 8) -> list[str]:
        """``text`` cut into at most ``max_windows`` pieces of <= max_tokens - 2 tokens each."""
        step = self.max_tokens - 2
        if len(text or "") <= step:  # a token covers at least one character: no need to count them
            return [text or ""]
        ids = self.tokenizer(text, add_special_tokens=False, truncation=False, verbose=False)["input_ids"]
        if len(ids) <= step:
            return [text]
        pieces = [self.tokenizer.decode(ids[i:i + step]) for i in range(0, len(ids), step)]
        return pieces[:max_windows]

    @torch.inference_mode()
    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """texts (N,) -> (N, 384); each text truncated to ``max_tokens`` tokens."""
        out, todo = self._recall(texts)
        for batch_idx in length_batches([len(texts[i] or ".") for i in todo], batch_size):
            idx = [todo[j] for j in batch_idx]
            out[idx] = self._pool([texts[i] for i in idx], *self.bottom_states([texts[i] for i in idx]))
        return out

    @torch.inference_mode()
    def embed_states(self, texts: list[str], h: torch.Tensor, mask: torch.Tensor) -> np.ndarray:
        """The embeddings (N, 384) of ``texts`` whose bottom states h (N, T, 384) and mask (N, T)
        the caller already holds (``bottom_states``): remembered ones are not computed again."""
        out, todo = self._recall(texts)
        if todo:
            out[todo] = self._pool([texts[i] for i in todo], h[todo], mask[todo])
        return out

    def _recall(self, texts: list[str]) -> tuple[np.ndarray, list[int]]:
        """(N, 384) with the remembered embeddings filled in, and the indices still to compute."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        remembered = self._memo.get_many(texts)
        for i, e in enumerate(remembered):
            if e is not None:
                out[i] = e
        return out, [i for i, e in enumerate(remembered) if e is None]

    def _pool(self, texts: list[str], h: torch.Tensor, mask: torch.Tensor) -> np.ndarray:
        e = self.pooled(h, mask).numpy()  # (B, 384)
        self._memo.put_many(texts, [row.copy() for row in e])
        return e

    def embed_chunks(self, texts: list[str], max_windows: int = 8) -> list[np.ndarray]:
        """texts (N,) -> N arrays of shape (n_windows_i, 384)."""
        pieces, owner = [], []
        for i, text in enumerate(texts):
            for w in self.windows(text, max_windows):
                pieces.append(w)
                owner.append(i)
        flat = self.embed(pieces)
        owner_arr = np.array(owner)
        return [flat[owner_arr == i] for i in range(len(texts))]
