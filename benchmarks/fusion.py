"""Fusion by reliability: which modality decides the turn's reading, through the real service.

    .venv/bin/python benchmarks/fusion.py [--split test|dev] [--per-label 10] [--sessions 12]
                                          [--config NAME=SETTING=VALUE,...] [--json out.json]

Turns are built from held-out items of the shared data (``--split test``: MELD test utterances,
FER-2013 PrivateTest faces, RAVDESS actors 19-24; ``--split dev``: MELD dev, FER PublicTest,
RAVDESS actors 17-18), each face pasted at 240 px into a 640x480 frame:

paired        one-turn sessions; text, face and voice all of the same label: accuracy
conflict-face one-turn sessions; text of one label, a face of another: text wins / face wins
conflict-voice one-turn sessions; text of one label, a clip of another: text wins / voice wins
static-face   ``--sessions`` sessions of 8 turns, one face for the whole chat (of a random label),
              texts of varied labels: how often the reading follows the words and how often the
              face, on turns 1-2 and on turns 3-8 (the person's face baseline has formed)

Each configuration starts ``emobot serve`` with its ``EMOBOT_`` settings. The default compares
``before`` (the graph reads every modality, no per-person baselines) with ``after`` (the
defaults: graph reads text, audio and face late-fused against the person's baselines).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from PIL import Image  # noqa: E402

from benchmarks.turn import service  # noqa: E402
from emotion.data.meld import data_dir  # noqa: E402
from emotion.labels import LABELS, normalise_label  # noqa: E402

SPLITS = {"test": ("test_sent_emo.csv", "test", [19, 20, 21, 22, 23, 24]),
          "dev": ("dev_sent_emo.csv", "val", [17, 18])}
CONFIGS = {"before": {"graph_modalities": '["text", "audio", "face"]', "person_baselines": "false"},
           "after": {}}


class Items:
    """Held-out texts, faces and clips by common label."""

    def __init__(self, data: Path, split: str, rng: random.Random):
        meld, fer, actors = SPLITS[split]
        self.texts: dict[str, list[str]] = defaultdict(list)
        with open(data / "meld" / meld, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if len(row["Utterance"].split()) >= 4:
                    self.texts[normalise_label(row["Emotion"])].append(row["Utterance"].replace("\u2019", "'"))
        self.faces = {normalise_label(folder.name): sorted(folder.glob("*.jpg"))
                      for folder in (data / "fer2013" / fer).iterdir()}
        self.clips: dict[str, list[Path]] = defaultdict(list)
        with open(data / "ravdess_speech_16k" / "metadata.csv") as f:
            for row in csv.DictReader(f):
                if int(row["actor"]) in actors:
                    self.clips[normalise_label(row["emotion"])].append(data / "ravdess_speech_16k" / row["path"])
        self.rng = rng

    def text(self, label: str) -> str:
        return self.rng.choice(self.texts[label])

    def face(self, label: str) -> bytes:
        face = Image.open(self.rng.choice(self.faces[label])).convert("RGB").resize((240, 240))
        canvas = Image.new("RGB", (640, 480), (190, 190, 190))
        canvas.paste(face, (200, 120))
        buffer = io.BytesIO()
        canvas.save(buffer, "JPEG", quality=90)
        return buffer.getvalue()

    def clip(self, label: str) -> bytes:
        return self.rng.choice(self.clips[label]).read_bytes()


def turn_label(http: httpx.Client, url: str, session: str, user: str, text: str,
               face: bytes | None = None, clip: bytes | None = None) -> str | None:
    files = []
    if face is not None:
        files.append(("images", ("face.jpg", face, "image/jpeg")))
    if clip is not None:
        files.append(("audio", ("clip.wav", clip, "audio/wav")))
    response = http.post(f"{url}/v1/sessions/{session}/turns", data={"text": text, "speaker_id": user,
                                                                        "user_id": user}, files=files or None)
    response.raise_for_status()
    reading = response.json().get("turn")
    return reading["label"] if reading else None


def scenarios(items_seed: int, data: Path, split: str, per_label: int, sessions: int) -> dict[str, list]:
    """The turns of every scenario, drawn once so that each configuration gets the same ones."""
    rng = random.Random(items_seed)
    items = Items(data, split, rng)
    out: dict[str, list] = {"paired": [], "conflict-face": [], "conflict-voice": [], "static-face": []}
    for label in LABELS:
        for _ in range(per_label):
            out["paired"].append((label, [(items.text(label), items.face(label), items.clip(label))]))
            other = rng.choice([x for x in LABELS if x != label])
            out["conflict-face"].append(((label, other), [(items.text(label), items.face(other), None)]))
            other = rng.choice([x for x in LABELS if x != label])
            out["conflict-voice"].append(((label, other), [(items.text(label), None, items.clip(other))]))
    for _ in range(sessions):
        face_label = rng.choice(LABELS)
        face = items.face(face_label)
        turns = [(label := rng.choice(LABELS), items.text(label)) for _ in range(8)]
        out["static-face"].append((face_label, [(text, face, None, label) for label, text in turns]))
    return out


def run(url: str, plan: dict[str, list], tag: str) -> dict:
    http = httpx.Client(timeout=120)
    result: dict = {}
    hits = Counter()
    for i, (label, turns) in enumerate(plan["paired"]):
        text, face, clip = turns[0]
        hits[turn_label(http, url, f"{tag}-p{i}", f"{tag}-pu{i}", text, face, clip) == label] += 1
    result["paired"] = {"n": len(plan["paired"]), "accuracy": hits[True] / max(1, len(plan["paired"]))}
    for name, key in (("conflict-face", "face"), ("conflict-voice", "voice")):
        wins = Counter()
        for i, ((text_label, other), turns) in enumerate(plan[name]):
            text, face, clip = turns[0]
            got = turn_label(http, url, f"{tag}-{key}{i}", f"{tag}-{key}u{i}", text, face, clip)
            wins["text" if got == text_label else key if got == other else "other"] += 1
        n = len(plan[name])
        result[name] = {"n": n, **{k: wins[k] / n for k in ("text", key, "other")}}
    early, late = Counter(), Counter()
    for s, (face_label, turns) in enumerate(plan["static-face"]):
        for t, (text, face, _, text_label) in enumerate(turns):
            got = turn_label(http, url, f"{tag}-s{s}", f"{tag}-su{s}", text, face)
            bucket = early if t < 2 else late
            bucket["n"] += 1
            bucket["text"] += got == text_label
            bucket["face"] += got == face_label and face_label != text_label
    result["static-face"] = {f"turns {span}": {"n": c["n"], "text": c["text"] / max(1, c["n"]),
                                               "face": c["face"] / max(1, c["n"])}
                             for span, c in (("1-2", early), ("3-8", late))}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=list(SPLITS), default="test")
    parser.add_argument("--per-label", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--config", action="append", default=[],
                        help="NAME=setting=value[;setting=value], e.g. 'face05=fusion_weights={\"face\": 0.5}'")
    parser.add_argument("--data", type=Path, default=data_dir())
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    configs = dict(CONFIGS)
    for spec in args.config:
        name, _, rest = spec.partition("=")
        configs[name] = dict(pair.split("=", 1) for pair in rest.split(";") if pair)
    plan = scenarios(7, args.data, args.split, args.per_label, args.sessions)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, settings in configs.items():
            with service(f"sqlite:///{tmp}/{name}.sqlite3", name, **settings) as (url, _, _):
                results[name] = run(url, plan, name)
            print(f"{name} done", file=sys.stderr, flush=True)
    print(f"\nsplit {args.split}: {len(plan['paired'])} paired turns, {len(plan['conflict-face'])} conflicts each, "
          f"{len(plan['static-face'])} static-face sessions of 8 turns")
    print(f"{'config':<10} {'paired acc':>10} | {'face conflict: text / face':>27} | {'voice conflict: text / voice':>29} | "
          f"{'static face 1-2: text / face':>29} | {'3-8: text / face':>17}")
    for name, r in results.items():
        sf = r["static-face"]
        print(f"{name:<10} {r['paired']['accuracy']:>10.3f} | {r['conflict-face']['text']:>18.3f} / "
              f"{r['conflict-face']['face']:.3f} | {r['conflict-voice']['text']:>20.3f} / {r['conflict-voice']['voice']:.3f} | "
              f"{sf['turns 1-2']['text']:>20.3f} / {sf['turns 1-2']['face']:.3f} | "
              f"{sf['turns 3-8']['text']:>8.3f} / {sf['turns 3-8']['face']:.3f}")
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, "configs": configs, "results": results}, indent=2))


if __name__ == "__main__":
    main()
