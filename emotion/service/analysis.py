"""Turn analysis: run each present modality through its encoder and report what happened.

Encoders are loaded once at start-up. A modality whose encoder could not be loaded is still
accepted: its input is validated where a decoder exists and reported as ``not_used`` with the
reason, never silently dropped.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import torch

from emotion.encoders.base import ModalityInputError, ModalityOutput
from emotion.service.schemas import ModalityReport
from emotion.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Upload:
    """An uploaded file, already read (size limits are enforced before this point)."""

    data: bytes
    filename: str | None = None
    content_type: str | None = None


@dataclass
class Analysis:
    outputs: list[ModalityOutput] = field(default_factory=list)
    reports: dict[str, ModalityReport] = field(default_factory=dict)

    @property
    def used(self) -> list[str]:
        return [o.modality for o in self.outputs]


def _load_text(settings: Settings):
    from emotion.encoders.text import TextEncoder

    return TextEncoder.load(settings.checkpoint_dir, threads=settings.torch_threads)


def _load_speech(settings: Settings):
    from emotion.encoders.speech import SpeechEncoder

    return SpeechEncoder.load(settings.checkpoint_dir, threads=settings.torch_threads)


def _load_face(settings: Settings):
    from emotion.encoders.face import FaceEncoder

    return FaceEncoder.load(settings.checkpoint_dir, settings.model_dir, threads=settings.torch_threads)


def _load_context(settings: Settings):
    from emotion.tracking.context import ConversationContext

    return ConversationContext.load(settings.checkpoint_dir)


def _load_affect(settings: Settings):
    from emotion.affect import AffectModel

    return AffectModel.load(settings.checkpoint_dir, threads=settings.torch_threads)


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
    ``status[m]`` says 'loaded' or why not."""

    def __init__(self, encoders: dict[str, Any], status: dict[str, str], context: Any = None, affect: Any = None):
        self.encoders = encoders
        self.status = status
        self.context = context  # emotion.tracking.context.ConversationContext, or None
        self.affect = affect  # emotion.affect.AffectModel (crisis, distress, tutoring states), or None

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
        context = affect = None
        if encoders.get("text") is not None:
            context = _load_optional("context", lambda: _load_context(settings), status)
            affect = _load_optional("affect", lambda: _load_affect(settings), status)
        return cls(encoders, status, context, affect)

    def close(self) -> None:
        """Release native resources (MediaPipe tasks must be closed explicitly)."""
        for encoder in self.encoders.values():
            close = getattr(encoder, "close", None)
            if close is not None:
                close()

    def analyse(self, text: str, audio: Upload | None, images: list[Upload],
                withheld: Mapping[str, ModalityReport] | None = None) -> Analysis:
        """Encode each present modality. ``withheld[m]``: a modality that must not be analysed
        (no consent); its input is neither decoded nor encoded, and the report says why."""
        analysis = Analysis()
        withheld = withheld or {}
        inputs: dict[str, Any] = {
            "text": text if text.strip() else None,
            "audio": audio,
            "face": images or None,
        }
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
            try:
                if encoder is None:
                    notes = self._validate(modality, value)
                    analysis.reports[modality] = ModalityReport(
                        status="not_used", code="encoder_unavailable", message=self.status[modality], notes=notes)
                    continue
                output = self._encode(modality, encoder, value)
            except ModalityInputError as exc:
                analysis.reports[modality] = ModalityReport(status="error", code=exc.code, message=str(exc))
                continue
            except Exception:  # a bug in one encoder must not lose the turn or the other modalities
                log.exception("%s encoder failed", modality)
                analysis.reports[modality] = ModalityReport(status="error", code="internal_error",
                                                            message=f"the {modality} encoder failed; see the service log")
                continue
            analysis.outputs.append(output)
            analysis.reports[modality] = ModalityReport(status="used", notes=list(output.notes))
        return analysis

    @staticmethod
    def _encode(modality: str, encoder: Any, value: Any) -> ModalityOutput:
        if modality == "text":
            return encoder.encode([value])[0]
        if modality == "audio":
            return encoder.encode(value.data, filename=value.filename, content_type=value.content_type)
        return encoder.encode([image.data for image in value])

    @staticmethod
    def _validate(modality: str, value: Any) -> list[str]:
        validator = VALIDATORS.get(modality)
        if validator is None:
            return []
        try:
            return validator(value)
        except ImportError:
            return []
