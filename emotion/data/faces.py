"""Face image datasets (FER-2013, muxspace, any labelled folder) and their cached face features.

A labelled image set is a ``FaceSet``: paths, label indices into ``LABELS`` and an optional
group per image (the person, for identity splits). Features are extracted once per set with
``FaceLandmarks.extract`` and cached as .npz under ``cache_dir`` (default ``var/cache/face``,
git-ignored), keyed by the file list, sizes and modification times and ``FEATURE_VERSION``.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from emotion.labels import LABEL_INDEX, normalise_label

if TYPE_CHECKING:
    from emotion.encoders.face_features import FaceLandmarks

from emotion.files import REPO_ROOT  # noqa: E402
DEFAULT_CACHE_DIR = REPO_ROOT / "var" / "cache" / "face"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp")
FEATURE_VERSION = "face-v2"  # bump when FaceLandmarks.extract changes
_IDENTITY = re.compile(r"^(?P<who>.+)_\d+$")


def data_root() -> Path:
    """$EMOBOT_DATA_DIR, else ../shared/data next to the repository."""
    return Path(os.environ.get("EMOBOT_DATA_DIR", REPO_ROOT.parent / "shared" / "data"))


@dataclass
class FaceSet:
    """paths (N,), labels (N,) indices into LABELS, groups (N,) or None; skipped: label -> count."""

    paths: list[Path]
    labels: np.ndarray
    groups: list[str] | None = None
    skipped: dict[str, int] = field(default_factory=dict)

    def subset(self, keep: np.ndarray) -> "FaceSet":
        idx = np.flatnonzero(keep)
        groups = [self.groups[i] for i in idx] if self.groups is not None else None
        return FaceSet([self.paths[i] for i in idx], self.labels[idx], groups, dict(self.skipped))


def _build(rows: list[tuple[Path, str, str | None]]) -> FaceSet:
    paths, labels, groups, skipped = [], [], [], Counter()
    for path, raw, group in rows:
        label = normalise_label(raw)
        if label is None:
            skipped[raw.strip().lower()] += 1
            continue
        paths.append(path)
        labels.append(LABEL_INDEX[label])
        groups.append(group)
    has_groups = any(g is not None for g in groups)
    return FaceSet(paths, np.asarray(labels, dtype=np.int64), [str(g) for g in groups] if has_groups else None, dict(skipped))


def load_folder(root: Path) -> FaceSet:
    """``root/<label>/*.jpg`` (as fer2013/test) or ``root/metadata.csv`` with ``path, emotion``
    and optional extra columns; the first extra column (e.g. ``group``, ``gender``) is the group."""
    metadata = root / "metadata.csv"
    if metadata.is_file():
        with open(metadata, newline="") as handle:
            reader = csv.DictReader(handle)
            extra = [c for c in (reader.fieldnames or []) if c not in ("path", "emotion")]
            group_col = extra[0] if extra else None
            rows = [(root / r["path"], r["emotion"], r[group_col] if group_col else None) for r in reader]
        return _build(rows)
    rows = [
        (path, label_dir.name, None)
        for label_dir in sorted(p for p in root.iterdir() if p.is_dir())
        for path in sorted(label_dir.iterdir())
        if path.suffix.lower() in IMAGE_SUFFIXES
    ]
    if not rows:
        raise FileNotFoundError(f"{root} has neither metadata.csv nor <label>/ sub-folders with images")
    return _build(rows)


def identity(name: str) -> str:
    """Person of a muxspace file name: ``George_W_Bush_0003.jpg`` -> ``George_W_Bush``."""
    stem = Path(name).stem
    match = _IDENTITY.match(stem)
    return match.group("who") if match else stem


def load_muxspace(root: Path | None = None) -> FaceSet:
    """facial_expressions_muxspace: legend.csv (emotion lower-cased), group = identity."""
    root = root or data_root() / "facial_expressions_muxspace"
    with open(root / "legend.csv", newline="") as handle:
        rows = [(root / "images" / r["image"], r["emotion"].lower(), identity(r["image"])) for r in csv.DictReader(handle)]
    return _build([r for r in rows if r[0].is_file()])


def split_by_group(groups: list[str], test_fraction: float, seed: int) -> np.ndarray:
    """(N,) bool, True for the test part: whole groups go to test by a seeded hash."""
    def draw(group: str) -> float:
        digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    return np.array([draw(g) < test_fraction for g in groups])


@dataclass
class FaceArrays:
    """Features of a FaceSet; rows without a face (detected False) are zeros."""

    detected: np.ndarray  # (N,) bool
    n_faces: np.ndarray  # (N,) int
    landmarks: np.ndarray  # (N, 478, 3) float32
    blendshapes: np.ndarray  # (N, 52) float32
    pose: np.ndarray  # (N, 3) float32
    crop: np.ndarray  # (N, 64, 64) uint8
    frame: np.ndarray  # (N, 64, 64) uint8: FaceFeatures.frame


def _cache_key(paths: list[Path]) -> str:
    digest = hashlib.sha256(FEATURE_VERSION.encode())
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


def extract_features(paths: list[Path], landmarks: "FaceLandmarks", cache_dir: Path | None = DEFAULT_CACHE_DIR,
                     log_every: int = 1000, augment: tuple[str, Any, int] | None = None) -> FaceArrays:
    """Run ``landmarks.extract`` (a FaceLandmarks) on every image, or load the cached result.

    Images that fail to decode count as 'no face'. Progress goes to stderr. ``augment``: (name,
    an ``emotion.conditions.image`` condition, seed): each image goes through the condition first
    (one generator of that seed, in order), cached under its name and seed.
    """
    from emotion.types import ModalityInputError
    from emotion.encoders.face_features import CROP_SIZE, NUM_BLENDSHAPES, NUM_LANDMARKS
    from emotion.encoders.face_members import FRAME_SIZE
    from emotion.images import decode_image
    from PIL import Image

    tag = f"-{augment[0]}{augment[2]}" if augment else ""
    cache = cache_dir / f"{_cache_key(paths)}{tag}.npz" if cache_dir is not None else None
    rng = np.random.default_rng(augment[2]) if augment else None
    if cache is not None and cache.is_file():
        with np.load(cache) as blob:
            return FaceArrays(**{k: blob[k] for k in FaceArrays.__dataclass_fields__})
    n = len(paths)
    arrays = FaceArrays(
        detected=np.zeros(n, bool),
        n_faces=np.zeros(n, np.int64),
        landmarks=np.zeros((n, NUM_LANDMARKS, 3), np.float32),
        blendshapes=np.zeros((n, NUM_BLENDSHAPES), np.float32),
        pose=np.zeros((n, 3), np.float32),
        crop=np.zeros((n, CROP_SIZE, CROP_SIZE), np.uint8),
        frame=np.zeros((n, FRAME_SIZE, FRAME_SIZE), np.uint8),
    )
    start = time.perf_counter()
    for i, path in enumerate(paths):
        try:
            rgb = decode_image(path.read_bytes()).rgb
            if augment:
                rgb = np.asarray(augment[1](Image.fromarray(rgb), rng))
            found = landmarks.extract(rgb)
        except ModalityInputError:
            found = None
        if found is not None:
            arrays.detected[i] = True
            arrays.n_faces[i] = found.n_faces
            arrays.landmarks[i] = found.landmarks
            arrays.blendshapes[i] = found.blendshapes
            arrays.pose[i] = found.pose
            arrays.crop[i] = found.crop
            arrays.frame[i] = found.frame
        if log_every and (i + 1) % log_every == 0:
            print(f"[face] {i + 1}/{n} images, {time.perf_counter() - start:.0f} s, "
                  f"detected {arrays.detected[: i + 1].mean():.3f}", file=sys.stderr, flush=True)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp.npz")
        np.savez(tmp, **vars(arrays))
        tmp.replace(cache)
    return arrays


def feature_matrix(arrays: FaceArrays, groups: tuple[str, ...]) -> np.ndarray:
    """(N, D) float32 feature vectors in the order of FaceFeatures.vector(groups)."""
    from emotion.encoders.face_features import FEATURE_SIZES, hog, pixels

    n = len(arrays.detected)
    parts = []
    for g in groups:
        if g == "landmarks":
            parts.append(arrays.landmarks.reshape(n, -1))
        elif g == "blendshapes":
            parts.append(arrays.blendshapes)
        elif g == "pose":
            parts.append(arrays.pose)
        elif g == "hog":
            parts.append(np.stack([hog(c) for c in arrays.crop]) if n else np.zeros((0, FEATURE_SIZES[g]), np.float32))
        elif g == "pixels":
            parts.append(np.stack([pixels(c) for c in arrays.crop]) if n else np.zeros((0, FEATURE_SIZES[g]), np.float32))
        else:
            raise ValueError(f"unknown feature group {g!r}")
    return np.concatenate([p.astype(np.float32) for p in parts], axis=1)
