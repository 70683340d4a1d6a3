"""Text node features for the conversation graph, cached on disk.

The text node feature of an utterance is the sentence embedding of the text encoder
(``emotion/encoders/text.py``; 384 floats, unit norm) and, beside it, the encoder's 7
calibrated label probabilities. When the text checkpoint ``text_emotion.pt`` does not exist
yet, the frozen all-MiniLM-L6-v2 mean-pooled, L2-normalised embedding is used instead (the
same embedding the encoder gives with a frozen base) and the probabilities are absent.

Features are cached under ``var/cache/graph/``, keyed on the SHA-256 of the checkpoint file
(or ``minilm-frozen``) and on the texts, so a retrained text encoder invalidates the cache.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from emotion.types import normalise_text
from emotion.files import REPO_ROOT  # noqa: E402
from emotion.encoders.text import CHECKPOINT_NAME, EMBEDDING_DIM  # noqa: E402
from emotion.files import file_sha256  # noqa: E402

CACHE_DIR = REPO_ROOT / "var" / "cache" / "graph"


@dataclass
class TextFeatures:
    """embedding: (N, 384) float32; probs: (N, 7) float32 or None (no text checkpoint yet)."""

    embedding: torch.Tensor
    probs: torch.Tensor | None
    source: str  # "text_emotion:<sha256[:16]>" or "minilm-frozen"


def feature_source(checkpoint_dir: Path | None = None) -> str:
    """Which text features ``text_features`` would produce now."""
    from emotion.settings import checkpoint_root

    path = Path(checkpoint_dir or checkpoint_root()) / CHECKPOINT_NAME
    return f"text_emotion:{file_sha256(path)[:16]}" if path.is_file() else "minilm-frozen"


def modality_source(modality: str, checkpoint_dir: Path | None = None) -> str | None:
    """Which encoder gives a modality's node feature now: the text features' ``feature_source``,
    ``speech:<sha256[:16]>`` of speech/speech.pt, ``face:<sha256[:16]>`` of face_mlp.pt; None
    when that checkpoint is missing (the modality cannot be analysed)."""
    from emotion.settings import checkpoint_root

    if modality == "text":
        return feature_source(checkpoint_dir)
    name, file = {"audio": ("speech", Path("speech") / "speech.pt"), "face": ("face", Path("face_mlp.pt"))}[modality]
    path = Path(checkpoint_dir or checkpoint_root()) / file
    return f"{name}:{file_sha256(path)[:16]}" if path.is_file() else None


@torch.inference_mode()
def _minilm_frozen(texts: list[str], batch_size: int = 64) -> torch.Tensor:
    """(N, 384) unit-norm mean-pooled all-MiniLM-L6-v2 embeddings."""
    from transformers import AutoModel, AutoTokenizer

    from emotion.encoders.text_base import base_model_path

    path = base_model_path()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    out = torch.empty(len(texts), EMBEDDING_DIM)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        batch = tok([texts[i] for i in idx], padding=True, truncation=True, max_length=256, return_tensors="pt")
        h = model(**batch).last_hidden_state  # (B, T, 384)
        m = batch["attention_mask"].unsqueeze(-1).float()  # (B, T, 1)
        out[idx] = F.normalize((h * m).sum(1) / m.sum(1).clamp(min=1.0), dim=-1)
    return out


def text_features(texts: list[str], checkpoint_dir: Path | None = None, threads: int = 1) -> TextFeatures:
    """Text node features of ``texts`` (N,), from the cache when possible."""
    texts = [normalise_text(t) or "." for t in texts]
    source = feature_source(checkpoint_dir)
    key = hashlib.sha256(json.dumps([source, texts]).encode()).hexdigest()[:20]
    cache = CACHE_DIR / f"text-{key}.pt"
    if cache.exists():
        d = torch.load(cache, weights_only=True)
        return TextFeatures(d["embedding"], d["probs"], source)
    torch.set_num_threads(threads)
    if source == "minilm-frozen":
        emb, probs = _minilm_frozen(texts), None
    else:
        from emotion.encoders.text import TextEncoder

        outs = TextEncoder.load(checkpoint_dir, threads=threads).encode(texts)
        emb = torch.tensor([o.embedding for o in outs], dtype=torch.float32)
        probs = torch.tensor([o.probs for o in outs], dtype=torch.float32)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    torch.save({"embedding": emb, "probs": probs, "source": source}, cache)
    return TextFeatures(emb, probs, source)
