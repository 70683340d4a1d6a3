"""Pseudo-multimodal MELD: same-label RAVDESS clips and FER-2013 faces paired with MELD turns.

The shared MELD has text only. To train and measure the graph's audio and face inputs, each MELD
utterance with gold label y is given, independently per modality m with probability
``presence[m]``, the embedding of a random clip (face image) whose label is also y:

    x_{i,audio} ~ Uniform{ ECAPA(c) : c in RAVDESS clips of the split's actors, label(c) = y_i }
    x_{i,face}  ~ Uniform{ h_L(f)   : f in FER-2013 images of the split,        label(f) = y_i }

(embeddings of ``emotion/encoders/speech.py`` (128,) and ``emotion/encoders/face.py`` (256,)).
The pairing uses the gold label, so it measures how well the graph fuses modalities whose
encoders are as accurate as on RAVDESS/FER; it is not multimodal ERC on real conversations
(a face or a voice in MELD does not carry its label the way an acted clip does).

Splits are kept apart: MELD train is paired with RAVDESS train actors (1-16) and FER train,
dev with the valid actors (17-18) and FER val, test with the held-out actors (19-24) and FER
test. Train-split embeddings come from the data the encoders were trained on, so they are
cleaner than the held-out ones; the dev pools choose the epoch. Pools are cached under
``var/cache/graph/`` keyed on the encoder checkpoint and the file list.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from torch_geometric.data import Data

from emotion.graph.features import CACHE_DIR, modality_source
from emotion.labels import LABEL_INDEX, LABELS, NUM_LABELS, normalise_label


@dataclass
class ModalityPool:
    """Embeddings of labelled clips or images: embedding (N, D) float32, probs (N, 7) the
    encoder's calibrated probabilities, labels (N,) indices into LABELS."""

    modality: str
    embedding: torch.Tensor
    probs: torch.Tensor
    labels: torch.Tensor
    source: str  # encoder checkpoint, e.g. "speech:<sha256[:16]>"

    def by_label(self) -> list[torch.Tensor]:
        """Row indices per label (7 tensors); a label with no example gets an empty tensor."""
        return [torch.nonzero(self.labels == k).flatten() for k in range(NUM_LABELS)]

    def accuracy(self) -> float:
        """Accuracy of the encoder's own argmax on the pool (how informative the modality is)."""
        return float((self.probs.argmax(1) == self.labels).float().mean())


def _cached(name: str, key_parts: list, build) -> dict:
    key = hashlib.sha256(json.dumps(key_parts).encode()).hexdigest()[:20]
    path = CACHE_DIR / f"{name}-{key}.pt"
    if path.exists():
        return torch.load(path, weights_only=True)
    blob = build()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    torch.save(blob, path)
    return blob


def speech_pool(folder: Path, actors: Sequence[int], checkpoint_dir: Path | None = None) -> ModalityPool:
    """ECAPA embeddings (N, 128) of the clips of ``actors`` in a RAVDESS-format folder
    (``metadata.csv`` with path, emotion, actor). Clips the encoder refuses are left out."""
    from emotion.types import ModalityInputError
    from emotion.encoders.speech import SpeechEncoder, to_common
    from emotion.data.speech import read_rows

    folder = Path(folder)
    source = modality_source("audio", checkpoint_dir)
    rows = [r for r in read_rows(folder, set(actors)) if normalise_label(r["emotion"]) is not None]

    def build() -> dict:
        encoder = SpeechEncoder.load(checkpoint_dir)
        emb, probs, labels = [], [], []
        for row in rows:
            try:
                clip = encoder.decode((folder / row["path"]).read_bytes(), row["path"])
            except ModalityInputError:
                continue
            e, p8 = encoder.forward(clip.waveform)
            emb.append(e)
            probs.append(to_common(p8.unsqueeze(0), encoder.labels8)[0])
            labels.append(LABEL_INDEX[normalise_label(row["emotion"])])
        return {"embedding": torch.stack(emb), "probs": torch.stack(probs), "labels": torch.tensor(labels)}

    blob = _cached("speech", [source, str(folder.resolve()), [r["path"] for r in rows]], build)
    return ModalityPool("audio", blob["embedding"], blob["probs"], blob["labels"], source)


def face_pool(folder: Path, per_label: int, seed: int, checkpoint_dir: Path | None = None,
              model_dir: Path | None = None) -> ModalityPool:
    """Face embeddings (N, 256) of at most ``per_label`` images per label of a labelled image
    folder (``<label>/*.png`` or metadata.csv), drawn with ``seed``; images without a face are
    left out. Landmarks are cached by ``emotion.data.faces.extract_features``."""
    from emotion.data.faces import extract_features, feature_matrix, load_folder
    from emotion.encoders.face import CHECKPOINT_FILE, FaceClassifier
    from emotion.encoders.face_features import LANDMARKER_FILE, FaceLandmarks
    from emotion.settings import checkpoint_root, get_settings

    checkpoint = Path(checkpoint_dir or checkpoint_root()) / CHECKPOINT_FILE
    source = modality_source("face", checkpoint_dir)
    images = load_folder(Path(folder))
    rng = np.random.default_rng(seed)
    keep = np.zeros(len(images.paths), bool)
    for k in range(NUM_LABELS):
        idx = np.flatnonzero(images.labels == k)
        keep[rng.permutation(idx)[:per_label]] = True
    images = images.subset(keep)

    def build() -> dict:
        classifier = FaceClassifier.load(checkpoint)
        with FaceLandmarks(Path(model_dir or get_settings().model_dir) / LANDMARKER_FILE) as landmarks:
            arrays = extract_features(images.paths, landmarks, log_every=500)
        found = arrays.detected
        x = torch.from_numpy(feature_matrix(arrays, classifier.config.groups)[found])
        probs, emb = classifier.predict(x)
        return {"embedding": emb, "probs": probs, "labels": torch.from_numpy(images.labels[found])}

    blob = _cached("face", [source, [str(p) for p in images.paths]], build)
    return ModalityPool("face", blob["embedding"], blob["probs"], blob["labels"], source)


def pair(graphs: list[Data], pools: dict[str, ModalityPool], presence: dict[str, float],
         generator: torch.Generator, same_label: dict[str, float] | None = None) -> None:
    """Give each node of ``graphs`` (with y (N,)), in place, a same-label embedding of modality m
    with probability ``presence[m]``: sets x_m (N, D_m), present_m (N,) and probs_m (N, 7) (the
    encoder's own reading of the paired clip, for late-fusion baselines) for every m in pools.

    same_label[m] (default 1): probability that the partner's label is the node's; otherwise it
    is another label, uniformly. Training uses the encoders' held-out accuracy here, so the graph
    learns to trust an embedding as much as it deserves on unseen speakers and faces (the train
    pools' embeddings are the encoders' own training data, read almost perfectly).
    A label the pool lacks leaves the modality absent on that node."""
    for m, pool in pools.items():
        groups = pool.by_label()
        sizes = torch.tensor([len(g) for g in groups])
        keep = (same_label or {}).get(m, 1.0)
        for g in graphs:
            n = len(g.y)
            label = g.y.clone()
            if keep < 1.0:
                other = (label + 1 + (torch.rand(n, generator=generator) * (NUM_LABELS - 1)).long()) % NUM_LABELS
                label = torch.where(torch.rand(n, generator=generator) < keep, label, other)
            draw = (torch.rand(n, generator=generator) < presence.get(m, 0.0)) & (sizes[label] > 0)
            pick = (torch.rand(n, generator=generator) * sizes[label].clamp(min=1)).long()
            rows = torch.tensor([int(groups[y][k]) if d else 0 for y, k, d in zip(label.tolist(), pick.tolist(), draw.tolist())],
                                dtype=torch.long)
            x = pool.embedding[rows].clone()
            x[~draw] = 0.0
            g[f"x_{m}"], g[f"present_{m}"], g[f"probs_{m}"] = x, draw, pool.probs[rows]


def hide(graphs: list[Data], modality: str) -> list[Data]:
    """Copies of ``graphs`` without ``modality`` (present_m all False)."""
    out = []
    for g in graphs:
        c = g.clone()
        c[f"present_{modality}"] = torch.zeros_like(g[f"present_{modality}"])
        out.append(c)
    return out


def pool_summary(pools: dict[str, ModalityPool]) -> str:
    return ", ".join(f"{m} {len(p.labels)} ({p.source}, encoder accuracy {p.accuracy():.3f}, per label "
                     + "/".join(str(int((p.labels == k).sum())) for k in range(NUM_LABELS)) + ")"
                     for m, p in pools.items()) + f"  [labels {'/'.join(LABELS)}]"


def split_pools(pc: dict, split: str, root: Path) -> dict[str, ModalityPool]:
    """The audio and face pools of one MELD split (train, dev or test) from the config section
    ``pseudo_multimodal`` of ``emotion/config/graph.yaml``; paths relative to the data root."""
    return {
        "audio": speech_pool(root / pc["ravdess"], pc["actors"][split]),
        "face": face_pool(root / pc["fer"][split], int(pc["fer_per_label"][split]), int(pc["fer_seed"])),
    }
