"""Evaluate the speech encoder on a folder of labelled clips, as a new speaker and as a known one.

    emobot evaluate speech --data ../shared/data/ravdess_speech_16k --actors 19,20,21,22,23,24 \\
        [--history 0,2,5,10] [--json out.json]

``--data`` holds ``metadata.csv`` with ``path`` (relative to the folder) and ``emotion``, and
optionally ``actor``/``speaker`` (``--actors`` keeps only those; also who a clip's history comes
from) and ``gender`` (per-gender accuracy). Labels go through ``normalise_label`` (calm ->
neutral, happy -> joy, ...); rows with a label outside the common 7 are counted in ``skipped``.
Clips go through the full decoding path (silence trimming); clips refused as input errors are
counted in ``skipped`` as ``input_error:<code>``.

History k: each clip is read against the voice baseline of k other clips of the same speaker
(drawn with a fixed seed; fewer when the speaker has fewer), as the service does after k earlier
voice turns of that person. The main report is the first history size; ``history`` holds the
accuracy (7 classes, and 8 when the labels are RAVDESS's) and per-gender accuracy for each size.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import torch

from emotion.data.speech import read_rows
from emotion.encoders.speech import SpeechEncoder, to_common
from emotion.tracking.baseline import PersonBaseline
from emotion.evaluation.metrics import classification_report, write_report
from emotion.labels import LABEL_INDEX, LABELS, normalise_label
from emotion.types import ModalityInputError

SEED = 0


def speaker_of(row: dict) -> str:
    return (row.get("actor") or row.get("speaker") or "").strip() or "unknown"


def evaluate(
    data: Path,
    json_out: Path | None = None,
    actors: set[int] | None = None,
    checkpoint_dir: Path | None = None,
    verbose: bool = True,
    history: list[int] | None = None,
) -> dict:
    """Score the speech encoder on ``data``; return (and optionally write) the report.

    Keys: n, accuracy, weighted_f1, macro_f1, ece, per_class_f1, support, confusion_matrix,
    labels, skipped, group_accuracy (when there is a gender column), ravdess_8 / accuracy_8 when
    the labels are RAVDESS's 8 classes, and history: {k: {accuracy, accuracy_8, group_accuracy}}.
    """
    data, history = Path(data), history or [0]
    encoder = SpeechEncoder.load(checkpoint_dir)
    skipped: Counter[str] = Counter()
    y7, y8, ecapa8, feats, genders, speakers = [], [], [], [], [], []
    for row in read_rows(data, actors):
        raw = row["emotion"].strip().lower()
        common = normalise_label(raw)
        if common is None:
            skipped[raw] += 1
            continue
        try:
            clip = encoder.decode((data / row["path"]).read_bytes(), row["path"])
        except ModalityInputError as exc:
            skipped[f"input_error:{exc.code}"] += 1
            continue
        _, p8 = encoder.forward(clip.waveform)
        ecapa8.append(p8.numpy())
        feats.append(encoder.head.features(clip.waveform.numpy()) if encoder.head is not None else None)
        y7.append(LABEL_INDEX[common])
        y8.append(encoder.labels8.index(raw) if raw in encoder.labels8 else -1)
        genders.append((row.get("gender") or "").strip().lower() or "unknown")
        speakers.append(speaker_of(row))
    has_gender = any(g != "unknown" for g in genders)
    is_ravdess = bool(y8) and min(y8) >= 0 and "calm" in {encoder.labels8[i] for i in y8}
    title = f"speech encoder on {data}" + (f" (actors {sorted(actors)})" if actors else "")
    per_k, report = {}, None
    for k in history:
        probs8 = np.array([encoder.combine(None if f is None else encoder.head.probs(f, baseline(feats, speakers, i, k)),
                                           e) for i, (f, e) in enumerate(zip(feats, ecapa8))]).reshape(-1, 8)
        probs7 = to_common(torch.from_numpy(probs8), encoder.labels8).numpy()
        r7 = classification_report(np.array(y7, dtype=np.int64), probs7.reshape(-1, len(LABELS)), LABELS,
                                   skipped=dict(skipped), groups=genders if has_gender else None,
                                   title=f"{title}, history {k}: 7 common labels", verbose=verbose and report is None)
        entry = {"accuracy": r7["accuracy"], "group_accuracy": r7.get("group_accuracy")}
        if is_ravdess:
            r8 = classification_report(np.array(y8, dtype=np.int64), probs8, encoder.labels8, skipped=dict(skipped),
                                       groups=genders if has_gender else None,
                                       title=f"{title}, history {k}: 8 RAVDESS classes", verbose=verbose and report is None)
            r7["ravdess_8"], r7["accuracy_8"] = r8, r8["accuracy"]
            entry.update(accuracy_8=r8["accuracy"], group_accuracy_8=r8.get("group_accuracy"))
        per_k[k] = entry
        report = report or r7
    if verbose:
        print("history  accuracy(7)  accuracy(8)  by gender (8 classes, else 7)")
        for k, e in per_k.items():
            groups = e.get("group_accuracy_8") or e.get("group_accuracy") or {}
            print(f"{k:>7}  {e['accuracy']:11.3f}  {e.get('accuracy_8', float('nan')):11.3f}  "
                  + "  ".join(f"{g} {v['accuracy']:.3f}" for g, v in sorted(groups.items())))
    report["history"] = per_k
    report["encoder"] = "ecapa + whisper head" if encoder.head is not None else "ecapa"
    report["data"] = str(data)
    report["actors"] = sorted(actors) if actors else None
    write_report(report, json_out)
    return report


def baseline(feats: list, speakers: list[str], i: int, k: int) -> PersonBaseline | None:
    """The voice baseline of k other clips of clip i's speaker (seeded by i and k), or None for k = 0."""
    if k == 0:
        return None
    others = [j for j, s in enumerate(speakers) if s == speakers[i] and j != i]
    rng = np.random.default_rng([SEED, i, k])
    chosen = rng.choice(others, size=min(k, len(others)), replace=False) if others else []
    return PersonBaseline.of(np.array([feats[j] for j in chosen])) if len(chosen) else None
