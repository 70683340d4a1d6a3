"""Recipe: the face emotion classifier (MediaPipe features -> MLP), see emotion/encoders/face.py.

    .venv/bin/emobot train face [--config emotion/config/face.yaml] [--json report.json]

Trains on FER-2013 train/ plus the training identities of muxspace, keeps the epoch with the
best FER-2013 val (PublicTest) accuracy on detected faces, calibrates on val (temperature, and
optionally a per-class bias) and reports FER-2013 test (PrivateTest) and the held-out muxspace
identities. Features are extracted once and cached in ``cache_dir``. Writes
``emotion/checkpoints/face_mlp.pt`` and returns the report dict.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml

from emotion.data.faces import REPO_ROOT, FaceArrays, FaceSet, data_root, extract_features, feature_matrix, load_folder, load_muxspace, split_by_group
from emotion.encoders.face import CHECKPOINT_FILE, FaceClassifier, FaceClassifierConfig
from emotion.encoders.face_features import BLENDSHAPE_NAMES, FaceLandmarks
from emotion.evaluation.face import score
from emotion.conditions.image import camera
from emotion.settings import VENV_MODEL_DIR, checkpoint_root

DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "face.yaml"


def mirror(arrays: FaceArrays, reference: np.ndarray) -> FaceArrays:
    """Horizontally mirrored faces. reference: (478, 3) mean normalised mesh, to pair each
    landmark with its mirror image (nearest point of the reflected mean mesh)."""
    reflect = np.array([-1.0, 1.0, 1.0], dtype=np.float32)
    pairs = np.linalg.norm((reference * reflect)[:, None, :] - reference[None, :, :], axis=-1).argmin(1)
    swap = [BLENDSHAPE_NAMES.index(n.replace("Left", "#").replace("Right", "Left").replace("#", "Right")) for n in BLENDSHAPE_NAMES]
    return FaceArrays(
        detected=arrays.detected,
        n_faces=arrays.n_faces,
        landmarks=arrays.landmarks[:, pairs] * reflect,
        blendshapes=arrays.blendshapes[:, swap],
        pose=arrays.pose * np.array([-1.0, 1.0, -1.0], dtype=np.float32),  # yaw and roll change sign
        crop=np.ascontiguousarray(arrays.crop[:, :, ::-1]),
        frame=np.ascontiguousarray(arrays.frame[:, :, ::-1]),
    )


def concat(parts: list[FaceArrays]) -> FaceArrays:
    return FaceArrays(**{k: np.concatenate([getattr(p, k) for p in parts]) for k in FaceArrays.__dataclass_fields__})


def select(arrays: FaceArrays, keep: np.ndarray) -> FaceArrays:
    return FaceArrays(**{k: getattr(arrays, k)[keep] for k in FaceArrays.__dataclass_fields__})


def fit_calibration(logits: torch.Tensor, labels: torch.Tensor, with_bias: bool) -> tuple[float, torch.Tensor]:
    """Minimise the NLL of softmax(logits / T + b) on held-out data: (T, b (7,) zeros unless with_bias)."""
    log_t = torch.zeros((), requires_grad=True)
    bias = torch.zeros(logits.shape[1], requires_grad=with_bias)
    params = [log_t, bias] if with_bias else [log_t]
    optimiser = torch.optim.LBFGS(params, lr=0.1, max_iter=200, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp() + bias, labels)
        loss.backward()
        return loss

    optimiser.step(closure)
    return float(log_t.exp()), bias.detach()


def train(config_path: Path | None = None) -> dict:
    """Train, select, calibrate and save the face classifier; return the report dict."""
    config_path = Path(config_path or DEFAULT_CONFIG)
    cfg = yaml.safe_load(config_path.read_text())
    torch.set_num_threads(1)  # the committed checkpoint was trained on one thread
    torch.manual_seed(cfg["seed"])
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(cfg["seed"])
    root = Path(cfg["data_dir"]) if cfg.get("data_dir") else data_root()
    cache_dir = REPO_ROOT / cfg["cache_dir"]
    start = time.perf_counter()

    sets: dict[str, FaceSet] = {split: load_folder(root / "fer2013" / split) for split in ("train", "val", "test")}
    mux = load_muxspace(root / "facial_expressions_muxspace")
    held_out = split_by_group(mux.groups, cfg["muxspace_test_fraction"], cfg["muxspace_split_seed"])
    sets["mux_train"], sets["mux_test"] = mux.subset(~held_out), mux.subset(held_out)
    train_paths = sets["train"].paths + sets["mux_train"].paths
    with FaceLandmarks(VENV_MODEL_DIR / "face_landmarker.task") as landmarks:
        arrays = {name: extract_features(s.paths, landmarks, cache_dir) for name, s in sets.items()
                  if name in ("train", "val", "test")}
        mux_arrays = extract_features(mux.paths, landmarks, cache_dir)
        # camera copies: each training image once more through a random webcam's losses
        copies = [extract_features(train_paths, landmarks, cache_dir, augment=("camera", camera, cfg["seed"] + c))
                  for c in range(cfg["train"].get("camera_copies", 0))]
    extract_s = time.perf_counter() - start
    arrays["mux_train"], arrays["mux_test"] = select(mux_arrays, ~held_out), select(mux_arrays, held_out)

    # Training data: faces found in FER-2013 train and the muxspace training identities (and their camera copies).
    model_cfg = FaceClassifierConfig(**{**cfg["model"], "groups": tuple(cfg["model"]["groups"])})
    train_arrays = concat([arrays["train"], arrays["mux_train"], *copies])
    train_labels = np.concatenate([sets["train"].labels, sets["mux_train"].labels])
    y_train = np.concatenate([train_labels] * (1 + len(copies)))[train_arrays.detected]
    train_arrays = select(train_arrays, train_arrays.detected)
    x_train = torch.from_numpy(feature_matrix(train_arrays, model_cfg.groups))  # (N, D)
    x_flip = torch.from_numpy(feature_matrix(mirror(train_arrays, train_arrays.landmarks.mean(0)), model_cfg.groups))
    y_train_t = torch.from_numpy(y_train)
    val_det = arrays["val"].detected
    x_val = torch.from_numpy(feature_matrix(select(arrays["val"], val_det), model_cfg.groups))
    y_val = torch.from_numpy(sets["val"].labels[val_det])

    model = FaceClassifier(model_cfg)
    model.mean.copy_(x_train.mean(0))
    model.std.copy_(x_train.std(0).clamp_min(1e-4))
    tcfg = cfg["train"]
    optimiser = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    steps_per_epoch = -(-len(x_train) // tcfg["batch_size"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=tcfg["lr"], total_steps=tcfg["epochs"] * steps_per_epoch)
    best = (-1.0, 0, None)
    for epoch in range(1, tcfg["epochs"] + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(len(x_train)))
        for i in range(0, len(order), tcfg["batch_size"]):
            idx = order[i : i + tcfg["batch_size"]]
            x = x_train[idx]
            if tcfg["flip"]:
                flip = torch.from_numpy(rng.random(len(idx)) < 0.5)
                x = torch.where(flip[:, None], x_flip[idx], x)
            if tcfg["feature_noise"]:
                x = x + tcfg["feature_noise"] * model.std * torch.randn_like(x)
            logits, _ = model(x)
            loss = F.cross_entropy(logits, y_train_t[idx], label_smoothing=tcfg["label_smoothing"])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        model.eval()
        with torch.no_grad():
            val_acc = float((model(x_val)[0].argmax(1) == y_val).float().mean())
        if val_acc > best[0]:
            best = (val_acc, epoch, {k: v.clone() for k, v in model.state_dict().items()})
        print(f"[face] epoch {epoch:3d} loss {loss.item():.4f} val acc (detected) {val_acc:.4f}", flush=True)
    model.load_state_dict(best[2])
    model.eval()

    with torch.no_grad():
        val_logits = model(x_val)[0]
    temperature, bias = fit_calibration(val_logits, y_val, with_bias=cfg["calibration"] == "bias")
    with torch.no_grad():
        model.head.bias += bias * temperature  # softmax(z/T + b) = softmax((z + bT)/T)
        model.temperature.fill_(temperature)
    train_s = time.perf_counter() - start - extract_s

    report: dict = {"best_epoch": best[1], "val_accuracy_detected_uncalibrated": best[0], "temperature": temperature,
                    "class_bias": bias.tolist(), "extract_s": round(extract_s, 1), "train_s": round(train_s, 1),
                    "n_train": int(len(x_train))}
    for name in ("val", "test", "mux_train", "mux_test"):
        report[name] = score(model, sets[name], arrays[name], title=name)
    path = REPO_ROOT / cfg["checkpoint"] if cfg.get("checkpoint") else checkpoint_root() / CHECKPOINT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path, meta={"config": cfg, "test_accuracy": report["test"]["accuracy"],
                           "test_accuracy_detected": report["test"]["detected"]["accuracy"]})
    report["checkpoint_bytes"] = path.stat().st_size
    summary = {k: v for k, v in report.items() if not isinstance(v, (dict, list))}
    summary["train_detection_rate"] = float(arrays["train"].detected.mean())
    for name in ("val", "test", "mux_train", "mux_test"):
        summary[f"{name}_detection_rate"] = report[name]["detection_rate"]
        summary[f"{name}_accuracy_all_images"] = report[name]["accuracy"]
        summary[f"{name}_accuracy_detected"] = report[name]["detected"]["accuracy"]
    print(json.dumps(summary, indent=1))
    return report
