"""Face emotion encoder: MediaPipe face mesh + blendshapes + aligned-crop HOG/pixels -> MLP.

Per image, ``FaceLandmarks`` (emotion/encoders/face_features.py) gives the largest face's
features (``FaceFeatures``: MediaPipe mesh, blendshapes, pose, an aligned grey crop's HOG and
thumbnail).

``FaceClassifier`` maps the concatenated feature vector x (D,) to logits over LABELS:

    h_0 = (x - mu) / sigma,   h_{l+1} = Dropout(GELU(LayerNorm(W_l h_l + b_l))),
    p = softmax(W_out h_L / T)

where mu, sigma are training-set statistics and T the temperature fitted on validation data
(a per-class logit bias fitted with it is folded into the head's bias). h_L is the face
embedding. Weights are stored as float16 (2 MB), run as float32. p is then read together with the
packaged expression models of ``face.yaml``'s ``members`` (emotion/encoders/face_members.py:
weighted geometric mean). Several snapshots of one turn are pooled by averaging p and h_L over
the images in which a face was found.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from emotion.types import ModalityInputError
from emotion.encoders.base import ModalityOutput
from emotion.encoders.face_features import FEATURE_SIZES, LANDMARKER_FILE, FaceFeatures, FaceLandmarks
from emotion.encoders.face_members import ExpressionMember, load_members, with_members
from emotion.images import decode_image
from emotion.labels import LABELS, NUM_LABELS

CHECKPOINT_FILE = "face_mlp.pt"
FACE_CONFIG = Path(__file__).resolve().parents[1] / "config" / "face.yaml"


def face_members(model_dir: Path | None = None, threads: int = 1) -> list[ExpressionMember]:
    """The expression models ``face.yaml`` names, from ``model_dir`` (default: settings.model_dir).
    Raises FileNotFoundError when one is missing (``scripts/install.sh service`` extracts them)."""
    import yaml

    from emotion.settings import get_settings

    config = yaml.safe_load(FACE_CONFIG.read_text())
    return load_members(config, Path(model_dir or get_settings().model_dir), threads)


@dataclass
class FaceClassifierConfig:
    groups: tuple[str, ...] = ("landmarks", "blendshapes", "pose", "hog")
    hidden: int = 256
    layers: int = 2
    dropout: float = 0.3

    @property
    def in_features(self) -> int:
        return sum(FEATURE_SIZES[g] for g in self.groups)


class FaceClassifier(nn.Module):
    """Standardise -> ``layers`` x (Linear, LayerNorm, GELU, Dropout) -> Linear -> logits / T."""

    def __init__(self, config: FaceClassifierConfig):
        super().__init__()
        self.config = config
        self.register_buffer("mean", torch.zeros(config.in_features))
        self.register_buffer("std", torch.ones(config.in_features))
        self.register_buffer("temperature", torch.ones(()))
        blocks: list[nn.Module] = []
        width = config.in_features
        for _ in range(config.layers):
            blocks += [nn.Linear(width, config.hidden), nn.LayerNorm(config.hidden), nn.GELU(), nn.Dropout(config.dropout)]
            width = config.hidden
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(width, NUM_LABELS)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """x: (B, D) raw features -> (logits (B, 7) before temperature, embedding (B, hidden))."""
        h = self.body((x - self.mean) / self.std)  # (B, hidden)
        return self.head(h), h

    @torch.no_grad()
    def predict(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """x: (B, D) -> (calibrated probabilities (B, 7), embedding (B, hidden))."""
        logits, h = self(x)
        return torch.softmax(logits / self.temperature, dim=-1), h

    def save(self, path: Path, meta: dict | None = None) -> None:
        state = {k: v.to(torch.float16) if v.is_floating_point() and k not in ("mean", "std", "temperature") else v
                 for k, v in self.state_dict().items()}
        torch.save({"config": vars(self.config), "state": state, "labels": list(LABELS), "meta": meta or {}}, path)

    @classmethod
    def load(cls, path: Path) -> "FaceClassifier":
        blob = torch.load(path, map_location="cpu", weights_only=True)
        if tuple(blob["labels"]) != LABELS:
            raise ValueError(f"{path} was trained on labels {blob['labels']}, expected {LABELS}")
        config = dict(blob["config"])
        config["groups"] = tuple(config["groups"])
        model = cls(FaceClassifierConfig(**config))
        model.load_state_dict({k: v.float() for k, v in blob["state"].items()})
        return model.eval()


class FaceEncoder:
    """Face snapshots of one turn -> ModalityOutput(modality="face"); see the module docstring."""

    def __init__(self, landmarks: FaceLandmarks, classifier: FaceClassifier,
                 members: list[ExpressionMember] | None = None):
        self.landmarks = landmarks
        self.classifier = classifier
        self.members = members or []

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None, model_dir: Path | None = None, threads: int = 1) -> "FaceEncoder":
        """Load the sha256-checked landmarker and the expression members from ``model_dir`` and the
        MLP from ``checkpoint_dir``.

        Defaults come from ``emotion.settings``. ``threads`` sets torch's (process-wide)
        intra-op threads. Raises FileNotFoundError when a file is missing or the
        landmarker's checksum does not match.
        """
        from emotion.settings import get_settings

        settings = get_settings()
        checkpoint = Path(checkpoint_dir or settings.checkpoint_dir) / CHECKPOINT_FILE
        if not checkpoint.is_file():
            raise FileNotFoundError(f"{checkpoint} is missing: run emobot train face")
        torch.set_num_threads(threads)
        classifier = FaceClassifier.load(checkpoint)
        landmarks = FaceLandmarks(Path(model_dir or settings.model_dir) / LANDMARKER_FILE)
        return cls(landmarks, classifier, face_members(model_dir, threads))

    def extract(self, image: np.ndarray) -> FaceFeatures | None:
        """(H, W, 3) uint8 RGB -> features of the largest face, or None."""
        return self.landmarks.extract(image)

    def predict_features(self, features: list[FaceFeatures]) -> tuple[np.ndarray, np.ndarray]:
        """N faces -> (probabilities (N, 7) of the MLP with the members, MLP embeddings (N, hidden))."""
        x = torch.from_numpy(np.stack([f.vector(self.classifier.config.groups) for f in features]))
        probs, h = self.classifier.predict(x)
        return with_members(probs.numpy().astype(np.float64), np.stack([f.frame for f in features]), self.members), h.numpy()

    def encode(self, images: list[bytes]) -> ModalityOutput:
        """Pool the faces of a turn's snapshots (encoded image bytes) into one reading.

        Raises ModalityInputError("face", "not_an_image") when no image decodes, and
        ("face", "no_face") when no decoded image shows a face.
        """
        if not images:
            raise ModalityInputError("face", "not_an_image", "no image given")
        notes: list[str] = []
        faces: list[FaceFeatures] = []
        decoded = 0
        last_error: ModalityInputError | None = None
        for i, data in enumerate(images, start=1):
            try:
                image = decode_image(data)
            except ModalityInputError as exc:
                last_error = exc
                notes.append(f"image {i} skipped ({exc.code}): {exc}")
                continue
            decoded += 1
            notes += [f"image {i}: {note}" for note in image.notes]
            found = self.extract(image.rgb)
            if found is None:
                notes.append(f"image {i} skipped: no face found")
                continue
            if found.n_faces > 1:
                notes.append(f"image {i}: chose the largest of {found.n_faces} faces")
            faces.append(found)
        if decoded == 0:
            assert last_error is not None
            raise ModalityInputError("face", last_error.code, f"no image could be decoded: {last_error}")
        if not faces:
            raise ModalityInputError("face", "no_face", f"no face found in {decoded} image(s)")
        probs, embeddings = self.predict_features(faces)
        pooled = probs.mean(0)
        return ModalityOutput(
            modality="face",
            embedding=embeddings.mean(0).astype(float).tolist(),
            probs=(pooled / pooled.sum()).astype(float).tolist(),
            notes=notes,
        )

    def close(self) -> None:
        self.landmarks.close()
