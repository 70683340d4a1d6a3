"""Evaluate the face encoder on a labelled image folder.

    .venv/bin/emobot evaluate face --data ../shared/data/fer2013/test [--identities heldout] [--json out.json]

``--data`` is a folder with one sub-folder per label (as fer2013/test) or a ``metadata.csv``
with ``path, emotion`` and optional group columns (the first extra column is the group), or
the muxspace folder (``legend.csv``; group = identity). For muxspace, ``--identities heldout``
keeps only the identities that emotion/config/face.yaml held out of training.
Labels go through ``normalise_label``; unmapped ones (contempt) are skipped and counted.

Images where no face is found cannot be classified. The headline ``accuracy`` counts them as
errors (all images); ``detected`` holds the full report on the images with a face, and
``detection_rate`` the fraction of images with a face.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import torch

import yaml

from emotion.data.faces import (
    DEFAULT_CACHE_DIR, REPO_ROOT, FaceArrays, FaceSet, extract_features, feature_matrix, load_folder, load_muxspace,
    split_by_group,
)
from emotion.encoders.face import CHECKPOINT_FILE, FaceClassifier, face_members
from emotion.encoders.face_members import ExpressionMember, with_members
from emotion.encoders.face_features import LANDMARKER_FILE, FaceLandmarks
from emotion.evaluation.metrics import classification_report, write_report
from emotion.labels import LABELS

MAX_REPORTED_GROUPS = 20


def predictions(model: FaceClassifier, arrays: FaceArrays, members: Sequence[ExpressionMember] = (),
                weights: Sequence[float] | None = None) -> np.ndarray:
    """(detected, 7) probabilities of the images in which a face was found: the MLP read with the
    expression ``members`` (their configured weights, or ``weights``)."""
    x = torch.from_numpy(feature_matrix(arrays, model.config.groups)[arrays.detected])
    if not len(x):
        return np.zeros((0, len(LABELS)))
    probs = model.predict(x)[0].numpy().astype(np.float64)
    return with_members(probs, arrays.frame[arrays.detected], members, weights)


def score(model: FaceClassifier, faces: FaceSet, arrays: FaceArrays, title: str = "", verbose: bool = True,
          members: Sequence[ExpressionMember] = ()) -> dict:
    """Metrics of ``model`` on a FaceSet whose features are ``arrays``.

    Returns the detected-only report of ``classification_report`` under ``detected`` and, at
    top level, n, accuracy (no-face images count as errors), weighted_f1 and macro_f1 (over
    all images, a no-face image counted as a wrong 'no prediction'), detection_rate, n_no_face.
    """
    det = arrays.detected
    probs = predictions(model, arrays, members)
    # Per-group figures for a few groups (gender, age band...), not for hundreds of identities.
    report_groups = faces.groups is not None and len(set(faces.groups)) <= MAX_REPORTED_GROUPS
    groups = [g for g, d in zip(faces.groups, det) if d] if report_groups else None
    detected = classification_report(
        faces.labels[det], probs, LABELS, skipped=faces.skipped, groups=groups,
        title=f"{title} (detected faces only)", verbose=verbose,
    )
    # All images: a no-face image is predicted as an extra class "none", always wrong.
    none = len(LABELS)
    y_pred = np.full(len(faces.labels), none)
    y_pred[det] = probs.argmax(1)
    onehot = np.eye(none + 1)[y_pred]
    everything = classification_report(faces.labels, onehot, [*LABELS, "no_face"], verbose=False)
    report = {
        "n": int(len(faces.labels)),
        "accuracy": everything["accuracy"],
        "weighted_f1": everything["weighted_f1"],
        "macro_f1": float(np.mean([everything["per_class_f1"][lab] for lab in LABELS if everything["support"][lab] > 0])),
        "detection_rate": float(det.mean()) if len(det) else 0.0,
        "n_no_face": int((~det).sum()),
        "skipped": dict(faces.skipped),
        "detected": detected,
    }
    if report_groups:
        hits = y_pred == faces.labels
        report["group_accuracy_all_images"] = {
            g: {"n": int(sum(1 for x in faces.groups if x == g)),
                "accuracy": float(np.mean([h for h, x in zip(hits, faces.groups) if x == g]))}
            for g in sorted(set(faces.groups))
        }
    if verbose:
        print(
            f"{title} all images: n={report['n']} accuracy={report['accuracy']:.4f} "
            f"weighted-F1={report['weighted_f1']:.4f} macro-F1={report['macro_f1']:.4f} "
            f"detection_rate={report['detection_rate']:.4f} (no face: {report['n_no_face']}, counted as errors)"
        )
    return report


def evaluate(
    data: Path,
    json_out: Path | None = None,
    checkpoint_dir: Path | None = None,
    model_dir: Path | None = None,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    identities: str = "all",
    history: list[int] | None = None,
    baseline_strength: float | None = None,
    member_weights: list[float] | None = None,
) -> dict:
    """Score the committed face checkpoint with its expression members on ``data``; optionally
    write the report as JSON.

    identities: "all", or for muxspace "heldout" / "train" (the identity split of face.yaml).
    member_weights: also print the accuracy (all images) with the first member at each of these
    weights (0: the MLP alone); how face.yaml's weight is chosen, on FER-2013 val.
    """
    from emotion.settings import get_settings

    settings = get_settings()
    model = FaceClassifier.load(Path(checkpoint_dir or settings.checkpoint_dir) / CHECKPOINT_FILE)
    data = Path(data)
    faces = load_muxspace(data) if (data / "legend.csv").is_file() else load_folder(data)
    if identities != "all":
        if faces.groups is None:
            raise ValueError("--identities needs a data set with identities (muxspace)")
        cfg = yaml.safe_load((REPO_ROOT / "emotion" / "config" / "face.yaml").read_text())
        held_out = split_by_group(faces.groups, cfg["muxspace_test_fraction"], cfg["muxspace_split_seed"])
        faces = faces.subset(held_out if identities == "heldout" else ~held_out)
    with FaceLandmarks(Path(model_dir or settings.model_dir) / LANDMARKER_FILE) as landmarks:
        arrays = extract_features(faces.paths, landmarks, cache_dir=cache_dir)
    members = face_members(model_dir)
    report = score(model, faces, arrays, title=str(data), members=members)
    if member_weights and members:
        report["member_weights"] = {}
        for w in member_weights:
            hits = predictions(model, arrays, members[:1], [w]).argmax(1) == faces.labels[arrays.detected]
            report["member_weights"][w] = float(hits.sum() / len(faces.labels))
            print(f"{members[0].spec.name} at weight {w:g}: accuracy (all images) {report['member_weights'][w]:.4f}")
    if history and faces.groups is not None:
        probs = predictions(model, arrays, members)
        strength = baseline_strength or settings.face_baseline_strength
        report["history"] = history_curve(probs, faces.labels[arrays.detected],
                                          [g for g, d in zip(faces.groups, arrays.detected) if d], history, strength)
        print(f"face read against the person's usual face (strength {strength:g}); images whose person has "
              f"more than k other images with a face:")
        print("      k      n   without   with baseline")
        for k, row in report["history"].items():
            print(f"{k:>7} {row['n']:>6} {row['accuracy_without']:9.3f} {row['accuracy_with']:15.3f}")
    write_report(report, json_out)
    return report


def history_curve(probs: np.ndarray, labels: np.ndarray, groups: list[str], history: list[int],
                  strength: float) -> dict[int, dict]:
    """Accuracy of (N, 7) face readings without and with the person's baseline of k of their other
    readings (``emotion.fusion.against_baseline``, as the service applies it), for each k, on the
    images whose person has more than k others (seeded draws)."""
    from emotion.fusion import against_baseline
    from emotion.tracking.baseline import PersonBaseline

    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    out = {}
    for k in history:
        rng, without, with_ = np.random.default_rng(k), [], []
        for i, g in enumerate(groups):
            others = [j for j in members[g] if j != i]
            if len(others) < max(k, 1):
                continue
            chosen = rng.choice(others, size=k, replace=False) if k else []
            adapted = against_baseline(probs[i], PersonBaseline.of(probs[chosen]) if k else None, strength)
            without.append(probs[i].argmax() == labels[i])
            with_.append(int(np.argmax(adapted)) == labels[i])
        out[k] = {"n": len(without), "accuracy_without": float(np.mean(without)) if without else float("nan"),
                  "accuracy_with": float(np.mean(with_)) if with_ else float("nan")}
    return out
