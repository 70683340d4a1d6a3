"""Speech emotion encoder: one audio clip -> ECAPA embedding + probabilities over the 7 common labels.

    x  = decode_audio(bytes)                    # (T,) 16 kHz mono, silence trimmed
    F  = Fbank(x) - mean_t Fbank(x)             # (1, frames, n_mels), per-utterance mean removed
    e  = ECAPA_TDNN(F)                          # (1, 1, emb_dim): the embedding we return
    pe = softmax(W e / T)                       # (8,) RAVDESS classes, T fitted on valid actors
    pw = WhisperEmotionHead(x | baseline)       # (8,) from Whisper states, against the speaker's baseline
    p8 ~ pw^(1-a) pe^a                          # geometric ensemble, a fitted on dev actors
    p7 = A p8                                   # (7,) common labels; A sums calm into neutral

The ECAPA network is trained from scratch by ``emotion.training.speech`` (config
``emotion/config/speech.yaml``; ``speech.pt`` + ``speech.json`` in ``<checkpoint_dir>/speech/``);
the Whisper head by ``emotion.training.speech_whisper`` (``whisper_head.*`` beside them). Without
the head (or without faster-whisper) the encoder is ECAPA alone.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any, MutableMapping

import numpy as np
import torch

from emotion.audio import DecodedAudio, decode_audio, load_vad
from emotion.encoders.base import ModalityOutput
from emotion.tracking.baseline import PersonBaseline
from emotion.labels import LABEL_INDEX, LABELS, normalise_label
from emotion.settings import checkpoint_root

log = logging.getLogger(__name__)


def to_common(probs8: torch.Tensor, labels8: list[str]) -> torch.Tensor:
    """(N, C) probabilities over a dataset's labels -> (N, 7) over ``LABELS`` (aliases summed)."""
    index = torch.tensor([LABEL_INDEX[normalise_label(name)] for name in labels8])
    out = torch.zeros(probs8.shape[0], len(LABELS), dtype=probs8.dtype)
    return out.index_add_(1, index, probs8)


class SpeechEncoder:
    """Loaded speech emotion model; ``encode`` is thread-safe (one clip at a time)."""

    def __init__(self, meta: dict, weights: dict, vad: Any, head: Any = None):
        from speechbrain.lobes.features import Fbank
        from speechbrain.lobes.models.ECAPA_TDNN import ECAPA_TDNN
        from speechbrain.processing.features import InputNormalization

        model = meta["model"]
        self.labels8: list[str] = list(meta["labels"])
        self.temperature = float(meta["temperature"])
        self.max_duration_s = float(model["max_duration_s"])
        self.embedding_dim = int(model["emb_dim"])
        self.compute_features = Fbank(sample_rate=model["sample_rate"], n_mels=model["n_mels"])
        self.mean_norm = InputNormalization(norm_type="sentence", std_norm=False)
        self.embedding_model = ECAPA_TDNN(
            input_size=model["n_mels"],
            lin_neurons=model["emb_dim"],
            channels=model["channels"],
            kernel_sizes=model["kernel_sizes"],
            dilations=model["dilations"],
            attention_channels=model["attention_channels"],
            res2net_scale=model["res2net_scale"],
            se_channels=model["se_channels"],
        )
        self.classifier = torch.nn.Linear(model["emb_dim"], len(self.labels8))
        self.embedding_model.load_state_dict(weights["embedding_model"])
        self.classifier.load_state_dict(weights["classifier"])
        for module in (self.compute_features, self.mean_norm, self.embedding_model, self.classifier):
            module.eval()
        self.vad = vad
        self.head = head  # WhisperEmotionHead or None
        self.ecapa_weight = float(head.ecapa_weight) if head is not None else 1.0
        self._lock = threading.Lock()

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None, threads: int = 1, with_head: bool = True) -> "SpeechEncoder":
        """Load ``speech.pt``/``speech.json`` from ``checkpoint_dir/speech`` (or ``checkpoint_dir`` itself),
        and the Whisper head beside them when ``with_head`` and it is there.

        Raises FileNotFoundError when the ECAPA checkpoint is missing.
        """
        base = Path(checkpoint_dir) if checkpoint_dir else checkpoint_root()
        folder = base if (base / "speech.json").exists() else base / "speech"
        meta_file, weights_file = folder / "speech.json", folder / "speech.pt"
        for needed in (meta_file, weights_file):
            if not needed.exists():
                raise FileNotFoundError(
                    f"speech checkpoint missing: {needed} (train it with `emobot train speech`)"
                )
        torch.set_num_threads(threads)
        meta = json.loads(meta_file.read_text())
        weights = torch.load(weights_file, map_location="cpu", weights_only=True)
        head = None
        if with_head:
            from emotion.encoders.whisper_emotion import WhisperEmotionHead

            try:
                head = WhisperEmotionHead.load(base)
            except (FileNotFoundError, ImportError) as exc:
                log.warning("speech emotion without the Whisper head: %s", exc)
        return cls(meta, weights, load_vad(), head)

    @torch.inference_mode()
    def forward(self, wave: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(T,) 16 kHz waveform -> embedding (emb_dim,), probabilities (8,) over ``labels8``."""
        wavs = wave.unsqueeze(0)  # (1, T)
        lens = torch.ones(1)
        feats = self.mean_norm(self.compute_features(wavs), lens)  # (1, frames, n_mels)
        emb = self.embedding_model(feats, lens).reshape(-1)  # (emb_dim,)
        probs8 = torch.softmax(self.classifier(emb) / self.temperature, dim=-1)  # (8,)
        return emb, probs8

    def decode(self, data: bytes, filename: str | None = None, content_type: str | None = None,
               timings: MutableMapping[str, float] | None = None) -> DecodedAudio:
        """bytes -> trimmed 16 kHz clip (raises ModalityInputError on unusable input)."""
        return decode_audio(data, filename, content_type, vad=self.vad, max_duration_s=self.max_duration_s,
                            timings=timings)

    @property
    def feature_space(self) -> str | None:
        """The space of ``ModalityOutput.features`` (a stored baseline from another one is not used)."""
        return self.head.space if self.head is not None else None

    def combine(self, whisper_probs8: np.ndarray | None, ecapa_probs8: np.ndarray) -> np.ndarray:
        """(..., 8) probabilities of the two members -> the ensemble's (..., 8) (ECAPA alone without the head)."""
        if whisper_probs8 is None or self.head is None:
            return ecapa_probs8
        a = self.ecapa_weight
        log_p = (1 - a) * np.log(whisper_probs8 + 1e-9) + a * np.log(ecapa_probs8 + 1e-9)
        p = np.exp(log_p - log_p.max(-1, keepdims=True))
        return p / p.sum(-1, keepdims=True)

    def read(self, wave: torch.Tensor, baseline: PersonBaseline | None = None
             ) -> tuple[torch.Tensor, np.ndarray, np.ndarray | None]:
        """(T,) trimmed 16 kHz clip -> ECAPA embedding (emb_dim,), ensemble probabilities (8,) over
        ``labels8`` read against ``baseline``, and the clip's Whisper features (F,) (None without the head)."""
        with self._lock:
            emb, ecapa8 = self.forward(wave)
        if self.head is None:
            return emb, ecapa8.numpy(), None
        features = self.head.features(wave.numpy())
        return emb, self.combine(self.head.probs(features, baseline), ecapa8.numpy()), features

    def encode(self, data: bytes, filename: str | None = None, content_type: str | None = None,
               timings: MutableMapping[str, float] | None = None, baseline: Any = None) -> ModalityOutput:
        """One uploaded clip -> ModalityOutput(modality="audio", embedding (emb_dim,), probs (7,), notes,
        features (F,) for the speaker's baseline when the Whisper head is loaded).

        ``baseline``: the speaker's stored voice baseline (``space``, ``count``, ``stats``; see
        ``PersonBaseline.stored``), or None: read against the population.
        ``timings`` (optional) receives milliseconds per stage: ``audio_decode``, ``vad``, ``speech_encoder``.
        Raises ModalityInputError (empty_audio, unsupported_format, corrupt_audio, too_short, no_speech).
        """
        clip = self.decode(data, filename, content_type, timings)
        start = time.perf_counter()
        emb, probs8, features = self.read(clip.waveform, PersonBaseline.stored(baseline, self.feature_space))
        probs7 = to_common(torch.from_numpy(probs8).unsqueeze(0), self.labels8)[0]
        if timings is not None:
            timings["speech_encoder"] = (time.perf_counter() - start) * 1000
        return ModalityOutput(
            modality="audio",
            embedding=[float(v) for v in emb],
            probs=[float(v) for v in probs7],
            notes=list(clip.notes),
            features=None if features is None else [float(v) for v in features],
        )
