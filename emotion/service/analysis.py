"""Turn analysis: run each present modality through its encoder and report what happened.

Encoders are loaded (and warmed up) once at start-up. A modality whose encoder could not be
loaded is still accepted: its input is validated where a decoder exists and reported as
``not_used`` with the reason, never silently dropped.

Speed: audio and face run on a small thread pool while the request's own thread reads the
text (text encoder, then the affect heads' sentence embedding on the same frozen bottom
layers); concurrent requests' texts are read in one batch (``emotion.service.batching``).
``Analysis.timings`` has the milliseconds of each stage.

(Over 300 lines for a reason: the ``Analyzer`` owns the loaded encoders, their thread pool and
the text batcher, and each modality's stage is a short method beside the others so the order
and the overlap of the stages read in one place.)
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping

import torch

from emotion.types import ModalityInputError
from emotion.encoders.base import ModalityOutput
from emotion.encoders.text_multilingual import reread_other_languages
from emotion.fusion import against_baseline
from emotion.service.batching import MicroBatcher
from emotion.service.schemas import ModalityReport
from emotion.service.screening import CrisisScreen, load_screen
from emotion.labels import LABELS
from emotion.settings import Settings
from emotion.tracking.baseline import PersonBaseline

log = logging.getLogger(__name__)
FACE_SPACE = "face-probs:" + ",".join(LABELS)  # a face baseline is the person's mean face reading


@dataclass(frozen=True)
class Upload:
    """An uploaded file, already read (size limits are enforced before this point)."""

    data: bytes
    filename: str | None = None
    content_type: str | None = None


@dataclass
class Analysis:
    """outputs: the used modalities' readings; reports: what happened to each modality;
    affect: the text's part of the derived states (``AffectModel.read``) when text was used;
    timings: milliseconds per stage (text_encoder, affect, text_queue: waiting for a batch;
    audio_decode, vad, speech_encoder, face_encoder; analysis: all of it) and text_batch, the
    number of texts read in the batch."""

    outputs: list[ModalityOutput] = field(default_factory=list)
    reports: dict[str, ModalityReport] = field(default_factory=dict)
    affect: Any = None  # emotion.affect.model.TextAffect | None
    timings: dict[str, float] = field(default_factory=dict)
    baselines: dict[str, tuple[str, list[float]]] = field(default_factory=dict)  # modality -> (space, (F,) features)
    # to add to the user's baseline of that modality

    @property
    def used(self) -> list[str]:
        return [o.modality for o in self.outputs]


def _crisis_tap(settings: Settings) -> tuple[int, ...]:
    """The states the crisis encoder reads (below the base's last k layers), for the text
    encoder's bottom to return from the same run: the detector then needs no bottom of its own."""
    if not settings.crisis_detector:
        return ()
    try:
        from emotion.crisis.detector import CrisisDetector

        k = CrisisDetector.encoder_layers(settings.checkpoint_dir)
    except (ImportError, FileNotFoundError):
        return ()
    return (k,) if k else ()


def _load_text(settings: Settings):
    from emotion.encoders.text import TextEncoder

    encoder = TextEncoder.load(settings.checkpoint_dir, threads=settings.torch_threads, taps=_crisis_tap(settings))
    if settings.text_backend == "onnxruntime":
        try:
            return encoder.on_onnxruntime(settings.torch_threads, int8=settings.text_int8)
        except ImportError as exc:
            log.warning("text encoder on torch: ONNX Runtime or onnx is not installed (%s)", exc)
    return encoder.quantized() if settings.text_int8 else encoder


def _load_speech(settings: Settings):
    from emotion.encoders.speech import SpeechEncoder

    return SpeechEncoder.load(settings.checkpoint_dir, threads=settings.torch_threads)


def _load_face(settings: Settings):
    from emotion.encoders.face import FaceEncoder

    return FaceEncoder.load(settings.checkpoint_dir, settings.model_dir, threads=settings.torch_threads)


def _load_context(settings: Settings):
    from emotion.service.context import ConversationContext

    return ConversationContext.load(settings.checkpoint_dir, settings.graph_modalities)


def _load_multilingual(settings: Settings):
    from emotion.encoders.text_multilingual import MultilingualTextHead
    from emotion.language import warm_up

    head = MultilingualTextHead.load(settings.checkpoint_dir)
    warm_up(low_accuracy=True)
    return head


def _load_affect(settings: Settings, text_encoder: Any):
    from emotion.affect import AffectModel

    return AffectModel.load(settings.checkpoint_dir, threads=settings.torch_threads, text_encoder=text_encoder)


def _load_optional(name: str, load: Callable[[], Any], status: dict[str, str]) -> Any:
    """A text-side model the service works without: loaded, or None with the reason in ``status``."""
    try:
        model = load()
    except (ImportError, FileNotFoundError) as exc:
        status[name] = f"not available: {exc}"
        log.warning("%s not available: %s", name, exc)
        return None
    status[name] = "loaded"
    return model


LOADERS: dict[str, Callable[[Settings], Any]] = {"text": _load_text, "audio": _load_speech, "face": _load_face}


def _validate_audio(upload: Upload) -> list[str]:
    """Decode the clip without an encoder, so corrupt audio is reported even then."""
    from emotion.audio import decode_audio

    return list(decode_audio(upload.data, filename=upload.filename).notes)


def _validate_images(images: list[Upload]) -> list[str]:
    from emotion.images import decode_image

    notes: list[str] = []
    for i, image in enumerate(images, start=1):
        notes.extend(f"image {i}: {n}" for n in decode_image(image.data).notes)
    return notes


VALIDATORS: dict[str, Callable[[Any], list[str]]] = {"audio": _validate_audio, "face": _validate_images}


class Analyzer:
    """Holds the loaded encoders. ``encoders[m]`` is None when modality m is unavailable;
    ``status[m]`` says 'loaded' or why not.

    workers: threads that run a turn's audio and face while the request thread reads its text
    (0 = all in the request thread). batch_text: read concurrent requests' texts in batches of
    at most ``batch_max_size``, ``batch_concurrency`` batches at a time.
    """

    def __init__(self, encoders: dict[str, Any], status: dict[str, str], context: Any = None, affect: Any = None,
                 workers: int = 0, batch_text: bool = False, batch_max_size: int = 32, batch_max_wait_s: float = 0.0,
                 batch_concurrency: int = 1, face_baseline_strength: float = 2.0, multilingual: Any = None):
        self.encoders = encoders
        self.multilingual = multilingual  # emotion.encoders.text_multilingual.MultilingualTextHead, or None
        self.status = status
        self.face_baseline_strength = face_baseline_strength  # turns the uniform prior is worth (emotion.fusion)
        self.context = context  # emotion.service.context.ConversationContext, or None
        self.affect = affect  # emotion.affect.AffectModel (crisis, distress, tutoring states), or None
        self.crisis = CrisisScreen()  # emotion.service.screening: every turn's crisis screening
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="modality") if workers > 0 else None
        self.text_batches = (MicroBatcher(self._read_texts, batch_max_size, batch_max_wait_s, batch_concurrency)
                             if batch_text else None)

    @classmethod
    def load(cls, settings: Settings) -> "Analyzer":
        torch.set_num_threads(settings.torch_threads)
        encoders: dict[str, Any] = {}
        status: dict[str, str] = {}
        for modality, loader in LOADERS.items():
            if modality not in settings.analysed_modalities:
                encoders[modality], status[modality] = None, (
                    f"disabled by the deployment (modalities {settings.modalities}, "
                    f"compliance profile {settings.compliance_profile!r})")
                continue
            try:
                encoders[modality] = loader(settings)
                status[modality] = "loaded"
            except (ImportError, FileNotFoundError) as exc:
                encoders[modality], status[modality] = None, f"not available: {exc}"
                log.warning("%s encoder not available: %s", modality, exc)
        context = affect = multilingual = None
        if encoders.get("text") is not None:
            context = _load_optional("context", lambda: _load_context(settings), status)
            affect = _load_optional("affect", lambda: _load_affect(settings, encoders["text"]), status)
            if settings.multilingual_text:
                multilingual = _load_optional("multilingual_text", lambda: _load_multilingual(settings), status)
        analyzer = cls(encoders, status, context, affect, workers=settings.analysis_workers,
                       batch_text=settings.batch_text, batch_max_size=settings.batch_max_size,
                       batch_max_wait_s=settings.batch_max_wait_ms / 1000, batch_concurrency=settings.batch_concurrency,
                       face_baseline_strength=settings.face_baseline_strength, multilingual=multilingual)
        analyzer.crisis = load_screen(affect if settings.crisis_detector else None, settings.checkpoint_dir, status,
                                      settings.torch_threads if settings.text_backend == "onnxruntime" else None)
        if settings.warm_up:
            analyzer.warm_up()
        return analyzer

    def warm_up(self) -> None:
        """Run each loaded model once, so the first turn does not pay for lazy initialisation
        (allocator, oneDNN kernels, TorchScript profiling, MediaPipe graph)."""
        import numpy as np

        start = time.perf_counter()
        text = self.encoders.get("text")
        if text is not None:
            for _ in range(2):
                output = self._read_texts([("I am fine, thanks. How are you?", {})])[0][0]
            if self.context is not None:
                self.context.read([output], "I am fine", "warm-up", "warm-up", 0, past=[], speaker_last=None)
        self.crisis.read("I am fine, thanks. How are you?")  # the lexicon's patterns compile here
        speech = self.encoders.get("audio")
        if speech is not None and hasattr(speech, "forward"):
            from emotion.audio import speech_probabilities

            noise = torch.from_numpy(np.random.default_rng(0).normal(0, 0.1, 16_000).astype(np.float32))
            speech_probabilities(noise, speech.vad)
            speech.forward(noise)
        face = self.encoders.get("face")
        if face is not None and hasattr(face, "extract"):
            face.extract(np.full((480, 640, 3), 128, dtype=np.uint8))
        log.info("models warmed up in %.1f s", time.perf_counter() - start)

    def close(self) -> None:
        """Release native resources (MediaPipe tasks must be closed explicitly)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)
        for encoder in self.encoders.values():
            close = getattr(encoder, "close", None)
            if close is not None:
                close()

    def _read_texts(self, items: list[tuple[str, Mapping[str, Any]]]) -> list[tuple[ModalityOutput, Any, dict]]:
        """(text, cues) pairs -> (text reading, TextAffect or None, the batch's milliseconds per stage):
        one batch through the text encoder, then the affect heads (their sentence embedding
        reuses the encoder's bottom layers)."""
        start = time.perf_counter()
        texts = [text for text, _ in items]
        outputs = reread_other_languages(self.multilingual, texts, self.encoders["text"].encode(texts))
        encoded = time.perf_counter()
        affects = (self.affect.read_many([t for t, _ in items], [c for _, c in items]) if self.affect is not None
                   else [None] * len(items))
        ms = {"text_encoder": (encoded - start) * 1000, "affect": (time.perf_counter() - encoded) * 1000,
              "text_batch": float(len(items))}
        return [(o, a, ms) for o, a in zip(outputs, affects)]

    def _read_text(self, text: str, cues: Mapping[str, Any], timings: dict[str, float]) -> tuple[ModalityOutput, Any]:
        start = time.perf_counter()
        batch = self.text_batches or (lambda item: self._read_texts([item])[0])
        output, affect, ms = batch((text, cues))
        timings.update(ms)
        timings["text_queue"] = max(0.0, (time.perf_counter() - start) * 1000 - ms["text_encoder"] - ms["affect"])
        return output, affect

    def analyse(self, text: str, audio: Upload | None, images: list[Upload],
                withheld: Mapping[str, ModalityReport] | None = None,
                cues: Mapping[str, Any] | None = None, baselines: Mapping[str, Any] | None = None) -> Analysis:
        """Encode each present modality. ``withheld[m]``: a modality that must not be analysed
        (no consent); its input is neither decoded nor encoded, and the report says why.
        ``cues``: the turn's dialogue cues, for the affect heads (see ``AffectModel.derive``).
        ``baselines``: the user's stored baselines by modality (``PersonBaselineRow``), None: no
        per-person adaptation. The clip is read against the audio one and the face reading against
        the face one; ``Analysis.baselines`` holds what to add to each."""
        start = time.perf_counter()
        analysis = Analysis()
        withheld = withheld or {}
        inputs: dict[str, Any] = {
            "text": text if text.strip() else None,
            "audio": audio,
            "face": images or None,
        }
        jobs: dict[str, Callable[[], Any]] = {}
        for modality, value in inputs.items():
            if value is None:
                analysis.reports[modality] = ModalityReport(status="absent")
                continue
            if modality in withheld:
                analysis.reports[modality] = withheld[modality]
                continue
            encoder = self.encoders.get(modality)
            if encoder is None and self.status[modality].startswith("disabled"):
                analysis.reports[modality] = ModalityReport(status="not_used", code="disabled",
                                                            message=self.status[modality])
                continue
            jobs[modality] = self._job(modality, encoder, value, cues or {}, analysis.timings,
                                       (baselines or {}).get("audio"))
        # audio and face on the pool, text (the one that batches across requests) in this thread
        futures: dict[str, Future] = {m: self._pool.submit(job) for m, job in jobs.items()
                                      if m != "text" and self._pool is not None}
        done = {m: _outcome(m, job) for m, job in jobs.items() if m not in futures}
        done.update({m: _outcome(m, f.result) for m, f in futures.items()})
        for modality in ("text", "audio", "face"):
            if modality not in done:
                continue
            result, report = done[modality]
            if report is not None:
                analysis.reports[modality] = report
                continue
            output, affect = result if modality == "text" else (result, None)
            if baselines is not None:
                output = self._against_baseline(output, baselines.get(modality), analysis)
            analysis.outputs.append(output)
            analysis.reports[modality] = ModalityReport(status="used", notes=list(output.notes))
            analysis.affect = affect if modality == "text" else analysis.affect
        analysis.timings["analysis"] = (time.perf_counter() - start) * 1000
        return analysis

    def _job(self, modality: str, encoder: Any, value: Any, cues: Mapping[str, Any],
             timings: dict[str, float], voice_baseline: Any = None) -> Callable[[], Any]:
        """The work for one modality: returns its ModalityOutput (text: with its TextAffect), or
        a ModalityReport when the encoder is unavailable."""
        def run() -> Any:
            if encoder is None:
                return ModalityReport(status="not_used", code="encoder_unavailable", message=self.status[modality],
                                      notes=self._validate(modality, value))
            if modality == "text":
                return self._read_text(value, cues, timings)
            if modality == "audio":
                return encoder.encode(value.data, filename=value.filename, content_type=value.content_type,
                                      timings=timings, baseline=voice_baseline)
            start = time.perf_counter()
            try:
                return encoder.encode([image.data for image in value])
            finally:
                timings["face_encoder"] = (time.perf_counter() - start) * 1000
        return run

    def _against_baseline(self, output: ModalityOutput, stored: Any, analysis: Analysis) -> ModalityOutput:
        """Audio (already read against its baseline by the encoder) and face (read against the person's
        usual face here): record what the person's baseline learns from this turn."""
        if output.modality == "audio" and output.features is not None:
            analysis.baselines["audio"] = (self.encoders["audio"].feature_space, output.features)
        if output.modality != "face":
            return output
        analysis.baselines["face"] = (FACE_SPACE, list(output.probs))
        baseline = PersonBaseline.stored(stored, FACE_SPACE)
        if baseline is None:
            return output
        notes = [*output.notes, f"read against this person's usual face ({baseline.n} earlier turns)"]
        return replace(output, probs=against_baseline(output.probs, baseline, self.face_baseline_strength), notes=notes)

    @staticmethod
    def _validate(modality: str, value: Any) -> list[str]:
        validator = VALIDATORS.get(modality)
        if validator is None:
            return []
        try:
            return validator(value)
        except ImportError:
            return []


def _outcome(modality: str, job: Callable[[], Any]) -> tuple[Any, ModalityReport | None]:
    """(result, None), or (None, the report) when the job reported or failed."""
    try:
        result = job()
    except ModalityInputError as exc:
        return None, ModalityReport(status="error", code=exc.code, message=str(exc))
    except Exception:  # a bug in one encoder must not lose the turn or the other modalities
        log.exception("%s encoder failed", modality)
        return None, ModalityReport(status="error", code="internal_error",
                                    message=f"the {modality} encoder failed; see the service log")
    if isinstance(result, ModalityReport):
        return None, result
    return result, None
