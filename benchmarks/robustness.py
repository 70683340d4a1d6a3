"""Speech and face emotion under the recording conditions users have: the tables of issue #19.

    .venv/bin/python benchmarks/robustness.py --data ../shared/data/ravdess_speech_16k \\
        --actors 19,20,21,22,23,24 [--conditions clean,quieter,...] [--history 0,5] [--json out.json]
    .venv/bin/python benchmarks/robustness.py --modality face --data ../shared/data/fer2013/test [--per-label 200]
    .venv/bin/python benchmarks/robustness.py --modality face --data ../shared/data/facial_expressions_muxspace \\
        --identities heldout

For each condition of ``emotion.conditions.audio.CONDITIONS`` (clean, 20 dB quieter, 10 dB
louder, white noise at 20 and 10 dB SNR, Opus 24 kbit/s in WebM, telephone band, a synthetic
room) a transformed copy of the folder (WAV files + metadata.csv, seeded) is written to a
temporary folder and scored by ``emotion.evaluation.speech.evaluate`` with each history size.
Any folder in the shared speech format works (``metadata.csv`` with path and emotion, optional
actor/speaker and gender). Prints 8-class accuracy when the labels are RAVDESS's, else 7-class,
with the gap to clean and the men/women split.

Faces (``--modality face``): each condition of ``emotion.conditions.image.IMAGE_CONDITIONS``
(clean, darkened, JPEG quality 20, the face at a quarter of a 640x480 frame, 15 degree roll) is
applied to every image of a folder in the shared face formats (``<label>/`` sub-folders,
``metadata.csv``, or muxspace's ``legend.csv``; ``--identities heldout`` keeps the identities
face.yaml held out), optionally ``--per-label`` images per label (seeded), and scored by
``emotion.evaluation.face.evaluate`` (no-face images count as errors): the MLP with its expression
members, and the MLP alone beside it.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402

from emotion.conditions.audio import CONDITIONS  # noqa: E402
from emotion.data.speech import read_rows  # noqa: E402
from emotion.evaluation.speech import evaluate  # noqa: E402


def transformed_copy(data: Path, rows: list[dict], condition: str, out: Path) -> Path:
    """Write ``rows``' clips of ``data`` through ``condition`` into ``out`` (same metadata)."""
    rng = np.random.default_rng(0)
    out.mkdir(parents=True, exist_ok=True)
    for row in rows:
        wave, rate = sf.read(data / row["path"], dtype="float32", always_2d=True)
        wave = wave.mean(axis=1)
        if rate != 16_000:
            from scipy.signal import resample_poly

            wave, rate = resample_poly(wave, 16_000, rate).astype(np.float32), 16_000
        target = out / row["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        sf.write(target, CONDITIONS[condition](wave, rng), rate)
    with open(out / "metadata.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def face_table(args) -> None:
    import contextlib

    import yaml
    from PIL import Image

    from emotion.conditions.image import IMAGE_CONDITIONS
    from emotion.data.faces import REPO_ROOT as ROOT, load_folder, load_muxspace, split_by_group
    from emotion.evaluation.face import evaluate as evaluate_face
    from emotion.labels import LABELS

    faces = load_muxspace(args.data) if (args.data / "legend.csv").is_file() else load_folder(args.data)
    if args.identities == "heldout":
        cfg = yaml.safe_load((ROOT / "emotion" / "config" / "face.yaml").read_text())
        faces = faces.subset(split_by_group(faces.groups, cfg["muxspace_test_fraction"], cfg["muxspace_split_seed"]))
    keep = np.arange(len(faces.paths))
    if args.per_label:
        rng = np.random.default_rng(0)
        keep = np.concatenate([rng.permutation(np.flatnonzero(faces.labels == k))[: args.per_label]
                               for k in range(len(LABELS))])
    conditions = args.conditions.split(",") if args.conditions else list(IMAGE_CONDITIONS)
    table = {}
    with tempfile.TemporaryDirectory() as tmp:
        for condition in conditions:
            out, rng = Path(tmp) / condition, np.random.default_rng(0)
            out.mkdir()
            rows = []
            for i in keep:
                image = IMAGE_CONDITIONS[condition](Image.open(faces.paths[i]).convert("RGB"), rng)
                image.save(out / f"{i}.png")
                rows.append({"path": f"{i}.png", "emotion": LABELS[faces.labels[i]],
                             "group": faces.groups[i] if faces.groups else ""})
            with open(out / "metadata.csv", "w", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=["path", "emotion", "group"])
                writer.writeheader()
                writer.writerows(rows)
            with contextlib.redirect_stdout(io.StringIO()):
                report = evaluate_face(out, cache_dir=None, member_weights=[0.0])
            table[condition] = {"accuracy": report["accuracy"], "detection_rate": report.get("detection_rate"),
                                "mlp_alone": report.get("member_weights", {}).get(0.0)}
            print(f"{condition} done", file=sys.stderr, flush=True)
    clean = table.get("clean", {}).get("accuracy")
    print(f"\n{len(keep)} images of {args.data}")
    print(f"{'condition':<10} {'accuracy':>9} {'gap':>7} {'faces found':>12} {'MLP alone':>10}")
    for condition, row in table.items():
        gap = f"{row['accuracy'] - clean:+.3f}" if clean is not None else ""
        alone = f"{row['mlp_alone']:.3f}" if row["mlp_alone"] is not None else "-"
        print(f"{condition:<10} {row['accuracy']:9.3f} {gap:>7} {row['detection_rate'] or 0:12.3f} {alone:>10}")
    if args.json:
        args.json.write_text(json.dumps({"data": str(args.data), "n": len(keep), "table": table}, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modality", choices=["speech", "face"], default="speech")
    parser.add_argument("--identities", choices=["all", "heldout"], default="all", help="face, muxspace only")
    parser.add_argument("--per-label", type=int, default=0, help="face: at most this many images per label (seeded)")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--actors", default=None, help="e.g. 19,20,21,22,23,24")
    parser.add_argument("--conditions", default=None, help="comma-separated; default: all of the modality's")
    parser.add_argument("--history", default="0,5", help="earlier clips of the same speaker, e.g. 0,2,5,10")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if args.modality == "face":
        return face_table(args)
    args.conditions = args.conditions or ",".join(CONDITIONS)
    actors = {int(a) for a in args.actors.split(",")} if args.actors else None
    history = [int(k) for k in args.history.split(",")]
    rows = read_rows(args.data, actors)
    table: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for condition in args.conditions.split(","):
            folder = transformed_copy(args.data, rows, condition, Path(tmp) / condition)
            report = evaluate(folder, verbose=False, history=history)
            table[condition] = {str(k): v for k, v in report["history"].items()}
            table[condition]["skipped"] = report.get("skipped", {})
            print(f"{condition} done", file=sys.stderr, flush=True)
    key = "accuracy_8" if "accuracy_8" in table["clean" if "clean" in table else next(iter(table))][str(history[0])] \
        else "accuracy"
    print(f"\n{'condition':<11}" + "".join(f"  history {k:<3} (gap)" for k in history) + "   men / women (history 0)")
    for condition, row in table.items():
        cells = []
        for k in history:
            acc, clean = row[str(k)][key], table.get("clean", row)[str(k)][key]
            cells.append(f"  {acc:9.3f} ({acc - clean:+.3f})")
        groups = row[str(history[0])].get("group_accuracy_8") or row[str(history[0])].get("group_accuracy") or {}
        nan = {"accuracy": float("nan")}
        gender = f"{groups.get('male', nan)['accuracy']:.3f} / {groups.get('female', nan)['accuracy']:.3f}"
        print(f"{condition:<11}" + "".join(cells) + f"   {gender}")
    if args.json:
        args.json.write_text(json.dumps({"metric": key, "history": history, "table": table}, indent=2))


if __name__ == "__main__":
    main()
