"""Evaluate the speech encoder on a folder of labelled clips.

    .venv/bin/python -m emotion.evaluation.speech --data ../shared/data/ravdess_speech_16k \\
        --actors 19,20,21,22,23,24 [--json out.json]

``--data`` holds ``metadata.csv`` with ``path`` (relative to the folder) and ``emotion``, and
optionally ``actor``/``speaker`` (``--actors`` keeps only those) and ``gender`` (per-gender
accuracy). Labels go through ``normalise_label`` (calm -> neutral, happy -> joy, ...); rows
with a label outside the common 7 are counted in ``skipped`` and left out. Clips go through
the full ``encode`` path (decoding, silence trimming); clips refused as input errors are
counted in ``skipped`` as ``input_error:<code>``. When every kept label is one of the
encoder's 8 RAVDESS classes, ``ravdess_8`` also reports the 8-class figures (calm kept apart).
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from emotion.types import ModalityInputError
from emotion.data.speech import read_rows
from emotion.encoders.speech import SpeechEncoder, to_common
from emotion.evaluation.metrics import classification_report, write_report
from emotion.labels import LABEL_INDEX, LABELS, normalise_label


def evaluate(
    data: Path,
    json_out: Path | None = None,
    actors: set[int] | None = None,
    checkpoint_dir: Path | None = None,
    verbose: bool = True,
) -> dict:
    """Score the speech encoder on ``data``; return (and optionally write) the report.

    Keys: n, accuracy, weighted_f1, macro_f1, ece, per_class_f1, support, confusion_matrix,
    labels, skipped, group_accuracy (when there is a gender column), and ravdess_8 /
    accuracy_8 when the labels are RAVDESS's 8 classes.
    """
    data = Path(data)
    encoder = SpeechEncoder.load(checkpoint_dir)
    skipped: Counter[str] = Counter()
    y7, y8, probs7, probs8, genders = [], [], [], [], []
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
        y7.append(LABEL_INDEX[common])
        y8.append(encoder.labels8.index(raw) if raw in encoder.labels8 else -1)
        probs8.append(p8.numpy())
        probs7.append(to_common(p8.unsqueeze(0), encoder.labels8)[0].numpy())
        genders.append((row.get("gender") or "").strip().lower() or "unknown")

    has_gender = any(g != "unknown" for g in genders)
    title = f"speech encoder on {data}" + (f" (actors {sorted(actors)})" if actors else "")
    report = classification_report(
        np.array(y7, dtype=np.int64), np.array(probs7).reshape(-1, len(LABELS)), LABELS,
        skipped=dict(skipped), groups=genders if has_gender else None,
        title=f"{title}: 7 common labels", verbose=verbose,
    )
    if y8 and min(y8) >= 0 and "calm" in {encoder.labels8[i] for i in y8}:
        report8 = classification_report(
            np.array(y8, dtype=np.int64), np.array(probs8), encoder.labels8,
            skipped=dict(skipped), groups=genders if has_gender else None,
            title=f"{title}: 8 RAVDESS classes", verbose=verbose,
        )
        report["ravdess_8"] = report8
        report["accuracy_8"] = report8["accuracy"]
    report["data"] = str(data)
    report["actors"] = sorted(actors) if actors else None
    write_report(report, json_out)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with metadata.csv")
    parser.add_argument("--json", type=Path, default=None, help="write the report here")
    parser.add_argument("--actors", default=None, help="comma-separated actor/speaker numbers to keep, e.g. 19,20")
    parser.add_argument("--checkpoint-dir", type=Path, default=None, help="default: emotion/checkpoints")
    args = parser.parse_args(argv)
    actors = {int(a) for a in args.actors.split(",") if a.strip()} if args.actors else None
    evaluate(args.data, args.json, actors=actors, checkpoint_dir=args.checkpoint_dir)


if __name__ == "__main__":
    main()
