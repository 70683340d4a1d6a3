"""Recipe: the speech emotion encoder (Fbank -> ECAPA-TDNN -> linear), trained from scratch on RAVDESS.

    .venv/bin/emobot train speech [--config emotion/config/speech.yaml] [--epochs N]

Hyper-parameters and the actor split live in ``emotion/config/speech.yaml``. The recipe
1. decodes every clip once with ``emotion.audio.decode_audio`` (silence trimmed with silero-vad,
   exactly as at inference) and caches the waveforms,
2. trains on the train actors, keeping the epoch with the best valid accuracy,
3. fits a softmax temperature on the valid actors (NLL),
4. scores the test actors (8-class and 7-class accuracy) and
5. writes ``speech.pt`` (weights only) and ``speech.json`` (labels, temperature, model shape,
   split, figures) to ``emotion/checkpoints/speech/``.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import time
from pathlib import Path

import speechbrain as sb
import torch
import torch.nn.functional as F
from hyperpyyaml import load_hyperpyyaml

from emotion.training.calibration import fit_temperature
from emotion.audio import decode_audio, load_vad
from emotion.encoders.speech import to_common
from emotion.labels import LABEL_INDEX, normalise_label
from emotion.settings import checkpoint_root

from emotion.files import REPO_ROOT  # noqa: E402
DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "speech.yaml"
# Model-shape keys of the YAML that the encoder needs to rebuild the network.
MODEL_KEYS = (
    "sample_rate", "n_mels", "emb_dim", "channels", "kernel_sizes", "dilations",
    "attention_channels", "res2net_scale", "se_channels", "max_duration_s",
)


class SpeechEmotionBrain(sb.Brain):
    """Utterance-level emotion classification: logits (B, 8) from waveforms (B, T)."""

    def compute_forward(self, batch, stage):
        wavs, lens = batch.sig  # (B, T) at 16 kHz, (B,) relative lengths
        if stage == sb.Stage.TRAIN:
            wavs, lens = self.hparams.wav_augment(wavs, lens)
        feats = self.modules.compute_features(wavs)  # (B, F, n_mels)
        feats = self.modules.mean_var_norm(feats, lens)
        emb = self.modules.embedding_model(feats, lens)  # (B, 1, emb_dim)
        return self.modules.classifier(emb.squeeze(1))  # (B, 8)

    def compute_objectives(self, predictions, batch, stage):
        labels = batch.label_id.data.squeeze(1)  # (B,)
        if stage == sb.Stage.TRAIN:
            labels = self.hparams.wav_augment.replicate_labels(labels)
        else:
            self.n_correct += int((predictions.argmax(-1) == labels).sum())
            self.n_seen += labels.numel()
        return F.cross_entropy(predictions, labels, label_smoothing=self.hparams.label_smoothing)

    def on_stage_start(self, stage, epoch=None):
        self.n_correct, self.n_seen = 0, 0
        self.stage_started = time.time()

    def on_stage_end(self, stage, stage_loss, epoch=None):
        seconds = time.time() - self.stage_started
        if stage == sb.Stage.TRAIN:
            self.train_loss = stage_loss
            return
        accuracy = self.n_correct / max(self.n_seen, 1)
        if stage == sb.Stage.VALID:
            old_lr, new_lr = self.hparams.lr_annealing(epoch)
            sb.nnet.schedulers.update_learning_rate(self.optimizer, new_lr)
            print(
                f"epoch {epoch:3d}  lr {old_lr:.5f}  train loss {self.train_loss:.3f}  "
                f"valid loss {stage_loss:.3f}  valid acc {accuracy:.3f}  ({seconds:.0f} s valid)",
                flush=True,
            )
            self.checkpointer.save_and_keep_only(
                meta={"accuracy": accuracy, "loss": stage_loss}, max_keys=["accuracy"], min_keys=["loss"],
                num_to_keep=1,
            )
        else:
            print(f"test loss {stage_loss:.3f}  test acc {accuracy:.3f}", flush=True)


def data_root(hparams: dict) -> Path:
    """The shared data folder: config value, else $EMOBOT_DATA_DIR, else ../shared/data."""
    if hparams.get("data_dir"):
        return Path(hparams["data_dir"])
    if os.environ.get("EMOBOT_DATA_DIR"):
        return Path(os.environ["EMOBOT_DATA_DIR"])
    return REPO_ROOT.parent / "shared" / "data"


def load_waveforms(folder: Path, cache_file: Path, max_duration_s: float) -> dict[str, torch.Tensor]:
    """Relative path -> trimmed (T,) 16 kHz waveform of every clip in metadata.csv (cached)."""
    if cache_file.exists():
        return torch.load(cache_file)
    vad = load_vad()
    waves: dict[str, torch.Tensor] = {}
    with open(folder / "metadata.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        clip = decode_audio((folder / row["path"]).read_bytes(), row["path"], vad=vad, max_duration_s=max_duration_s)
        waves[row["path"]] = clip.waveform.clone()
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    torch.save(waves, cache_file)
    return waves


def make_datasets(hparams: dict, waves: dict[str, torch.Tensor]) -> dict[str, sb.dataio.dataset.DynamicItemDataset]:
    """train/valid/test DynamicItemDatasets with items ``sig`` (T,) and ``label_id`` (1,)."""
    folder = data_root(hparams) / hparams["dataset"]
    with open(folder / "metadata.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    label_index = {name: i for i, name in enumerate(hparams["labels"])}
    segment = int(hparams["segment_s"] * hparams["sample_rate"])
    datasets = {}
    for split in ("train", "valid", "test"):
        actors = set(hparams[f"{split}_actors"])
        data = {
            row["path"]: {"path": row["path"], "label": row["emotion"]}
            for row in rows
            if int(row["actor"]) in actors
        }
        ds = sb.dataio.dataset.DynamicItemDataset(data)

        @sb.utils.data_pipeline.takes("path")
        @sb.utils.data_pipeline.provides("sig")
        def audio_pipeline(path, crop=(split == "train")):
            wave = waves[path]
            if crop and wave.numel() > segment:  # a random segment_s window
                start = int(torch.randint(0, wave.numel() - segment + 1, (1,)))
                wave = wave[start : start + segment]
            return wave

        @sb.utils.data_pipeline.takes("label")
        @sb.utils.data_pipeline.provides("label_id")
        def label_pipeline(label):
            return torch.tensor([label_index[label]])

        ds.add_dynamic_item(audio_pipeline)
        ds.add_dynamic_item(label_pipeline)
        ds.set_output_keys(["id", "sig", "label_id"])
        datasets[split] = ds
    return datasets


@torch.no_grad()
def predict_logits(brain: SpeechEmotionBrain, dataset) -> tuple[torch.Tensor, torch.Tensor]:
    """Logits (N, 8) and labels (N,) of a dataset, one clip at a time (no padding effects)."""
    brain.modules.eval()
    logits, labels = [], []
    loader = sb.dataio.dataloader.make_dataloader(dataset, batch_size=1)
    for batch in loader:
        logits.append(brain.compute_forward(batch, sb.Stage.TEST))
        labels.append(batch.label_id.data.squeeze(1))
    return torch.cat(logits), torch.cat(labels)


def train(config_path: Path | None = None, overrides: dict | None = None) -> dict:
    """Train, calibrate, test and export the speech encoder; return the figures as a dict."""
    torch.set_num_threads(1)
    config_path = Path(config_path) if config_path else DEFAULT_CONFIG
    cache_dir = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "emobot" / "speech"
    base = {"cache_dir": str(cache_dir), "checkpoint_dir": str(checkpoint_root() / "speech")}
    base.update(overrides or {})
    with open(config_path) as f:
        hparams = load_hyperpyyaml(f, base)
    cache_dir = Path(hparams["cache_dir"])
    shutil.rmtree(cache_dir / "save", ignore_errors=True)  # a fresh run, not a resumed one
    (cache_dir / "save").mkdir(parents=True)

    started = time.time()
    folder = data_root(hparams) / hparams["dataset"]
    waves = load_waveforms(folder, cache_dir / f"waves_{hparams['max_duration_s']:g}s.pt", hparams["max_duration_s"])
    datasets = make_datasets(hparams, waves)
    print(
        f"clips: train {len(datasets['train'])}, valid {len(datasets['valid'])}, test {len(datasets['test'])} "
        f"(decoded in {time.time() - started:.0f} s)",
        flush=True,
    )

    brain = SpeechEmotionBrain(
        modules=hparams["modules"],
        opt_class=hparams["opt_class"],
        hparams=hparams,
        run_opts={"device": "cpu", "noprogressbar": True},
        checkpointer=hparams["checkpointer"],
    )
    n_params = sum(p.numel() for p in brain.modules.parameters())
    print(f"parameters: {n_params:,}", flush=True)
    loader = {"batch_size": hparams["batch_size"], "shuffle": True, "drop_last": True}
    brain.fit(
        hparams["epoch_counter"], datasets["train"], datasets["valid"],
        train_loader_kwargs=loader, valid_loader_kwargs={"batch_size": hparams["batch_size"]},
    )
    train_s = time.time() - started

    # Best-valid epoch, then temperature on valid, then the test actors.
    brain.checkpointer.recover_if_possible(max_key="accuracy")
    valid_logits, valid_labels = predict_logits(brain, datasets["valid"])
    temperature = fit_temperature(valid_logits, valid_labels)
    test_logits, test_labels = predict_logits(brain, datasets["test"])
    labels8 = list(hparams["labels"])
    probs8 = torch.softmax(test_logits / temperature, dim=-1)
    common_true = torch.tensor([LABEL_INDEX[normalise_label(labels8[i])] for i in test_labels])
    figures = {
        "valid_accuracy_8": float((valid_logits.argmax(-1) == valid_labels).float().mean()),
        "test_accuracy_8": float((probs8.argmax(-1) == test_labels).float().mean()),
        "test_accuracy_7": float((to_common(probs8, labels8).argmax(-1) == common_true).float().mean()),
        "test_nll_8": float(F.nll_loss(probs8.clamp_min(1e-12).log(), test_labels)),
        "temperature": temperature,
        "train_seconds": round(train_s),
        "parameters": n_params,
    }
    export(brain, hparams, figures)
    print(json.dumps(figures, indent=2))
    return figures


def export(brain: SpeechEmotionBrain, hparams: dict, figures: dict) -> None:
    """Write speech.pt (weights only) and speech.json (what is needed to rebuild and use them)."""
    out = Path(hparams["checkpoint_dir"])
    out.mkdir(parents=True, exist_ok=True)
    weights = {
        "embedding_model": {k: v.detach().clone() for k, v in brain.modules.embedding_model.state_dict().items()},
        "classifier": {k: v.detach().clone() for k, v in brain.modules.classifier.state_dict().items()},
    }
    torch.save(weights, out / "speech.pt")
    meta = {
        "labels": list(hparams["labels"]),
        "temperature": figures["temperature"],
        "model": {key: hparams[key] for key in MODEL_KEYS},
        "features": "speechbrain Fbank + per-utterance mean normalisation (no global statistics)",
        "split": {s: list(hparams[f"{s}_actors"]) for s in ("train", "valid", "test")},
        "figures": figures,
        "data": f"{hparams['dataset']} (RAVDESS speech, CC BY-NC-SA 4.0)",
    }
    (out / "speech.json").write_text(json.dumps(meta, indent=2) + "\n")
