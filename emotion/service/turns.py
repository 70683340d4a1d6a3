"""One user turn, read top to bottom: one read of the mood log (replay check, consent, recent
screenings, graph window), screen, admit, analyse, read in context, fuse, track and derive,
one write to the mood log.

:class:`TurnPipeline` is what ``POST /v1/sessions/{id}/turns`` runs (the route only parses the
form into a :class:`TurnInput`). Each stage is a method; the pipeline, not the route, takes the
timings (``timings_ms`` of the answer, milliseconds per stage). A turn that is refused is still
logged (its row says why) and still screened for crisis risk: screening comes before every
limit, so nothing a person or an outsider sends can switch it off (screening.py).

(Over 300 lines for a reason: the turn is meant to be read top to bottom in one file; each stage
is a short method of ``TurnPipeline``, and splitting them over files would hide their order.)
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any, Callable, Optional

from fastapi import UploadFile
from pydantic import ValidationError

from emotion.audio import decode_audio
from emotion.moodlog.models import EmotionRecord, Turn
from emotion.moodlog.ratelimit import TokenBuckets
from emotion.moodlog.repository import DuplicateTurn, MoodLog, SessionOfAnotherBot, TurnReads, TurnToLog
from emotion.service.analysis import Analysis, Analyzer, Upload
from emotion.service.errors import ApiError
from emotion.service.schemas import DialogueCues, ModalityReport, Reading, State, TurnResponse, TurnTranscript
from emotion.service.screening import stored
from emotion.settings import Settings
from emotion.types import ModalityInputError, message_text
from emotion.tracking import track
from emotion.service.context import ContextReading, fuse_in_context

log = logging.getLogger(__name__)
EARLIEST_SENT_AT = datetime(2000, 1, 1, tzinfo=timezone.utc)


@dataclass
class TurnInput:
    """A turn as the channel sent it (the route's form fields; see its OpenAPI description)."""

    session_id: str
    text: str = ""
    speaker_id: str = "user"
    bot: Optional[str] = None
    user_id: Optional[str] = None
    audio: Optional[UploadFile] = None
    images: list[UploadFile] = field(default_factory=list)
    cues: Optional[str] = None
    client_turn_id: Optional[str] = None
    sent_at: Optional[str] = None
    transcribe: bool = False  # a voice message: its words are recognised and become the text
    language: Optional[str] = None  # a voice message's language (ISO 639-1); English when None


def withheld_modalities(consent: dict[str, bool], require_consent: list[str]) -> dict[str, ModalityReport]:
    """Modalities the user refused, or that need an opt-in (``require_consent``) not given.
    Without text among them the mood log keeps neither the person's words nor the bot's replies."""
    withheld = {}
    for modality in ("text", "audio", "face"):
        if consent.get(modality) is False:
            withheld[modality] = ModalityReport(status="not_used", code="no_consent",
                                                message=f"the user declined {modality} emotion analysis")
        elif modality in require_consent and consent.get(modality) is not True:
            withheld[modality] = ModalityReport(status="not_used", code="no_consent",
                                                message=f"{modality} emotion analysis needs the user's opt-in")
    return withheld


class TurnPipeline:
    """The stages of one turn over the service's settings, mood log, models and rate limiter."""

    def __init__(self, settings: Settings, moodlog: MoodLog, analyzer: Analyzer,
                 limiter: Optional[TokenBuckets], recognizer: Optional[Callable[[], Any]] = None) -> None:
        self.settings, self.moodlog, self.analyzer, self.limiter = settings, moodlog, analyzer, limiter
        self.recognizer = recognizer  # () -> the app's SpeechRecognizer (loaded on first use), for transcribe

    def run(self, turn: TurnInput) -> TurnResponse:
        """Analyse one turn, update the speaker's tracked state and write both to the mood log;
        raises :class:`ApiError` (logged as rejected, crisis screening in the body) when refused."""
        timings: dict[str, float] = {}
        reads = self._read(turn, timings)
        if reads.logged is not None and reads.logged[0].status != "rejected":  # a rejected one is judged again
            return logged_answer(*reads.logged)
        heard = self._transcribe(turn, timings) if turn.transcribe else None
        if heard is not None:  # the spoken words join the typed ones from here on: screened, read, logged
            turn = replace(turn, text=message_text(turn.text, heard.text))
        withheld = self._withheld(reads.consent)
        crisis = self._screen(turn, reads, timings)
        kept_crisis = stored(crisis, "text" not in withheld)  # without text consent: flag, risk, level, category
        kept_text = turn.text if "text" not in withheld else None  # and not the words (text_chars only)
        log_turn = partial(TurnToLog, session_id=turn.session_id, speaker_id=turn.speaker_id, bot=turn.bot,
                           user_id=turn.user_id or turn.speaker_id, text_chars=len(turn.text),
                           client_turn_id=turn.client_turn_id, sent_at=sent_time(turn.sent_at)[0],
                           crisis=kept_crisis)
        try:
            audio, images, cues = self._admit(turn, log_turn, crisis)
        except ApiError as exc:  # refused (a limit): a voice message's words still go back, screened
            exc.transcript = heard.model_dump() if heard is not None else None
            raise
        analysis: Analysis = self.analyzer.analyse(turn.text, audio, images, cues=cues, withheld=withheld,
                                                   baselines=reads.baselines if self.settings.person_baselines else None)
        timings.update(analysis.timings)
        context = self._read_in_context(turn, analysis, reads, timings)
        modalities = {m: r.model_dump() for m, r in analysis.reports.items()}
        try:
            if analysis.outputs:
                row, reading, state, derived = self._track_and_log(turn, analysis, context, cues, log_turn,
                                                                   modalities, kept_crisis, kept_text, timings)
            else:
                row, _ = self.moodlog.append_turn(log_turn(text=kept_text, status="unanalysed", error_code=None,
                                                           modalities=modalities))
                previous = self.moodlog.latest_record(turn.session_id, turn.speaker_id)
                reading, state, derived = None, (State.of_record_state(previous) if previous else None), None
        except DuplicateTurn as exc:  # its original was logged while this copy was being analysed
            return logged_answer(exc.row, exc.record)
        except SessionOfAnotherBot as exc:
            raise another_bots(exc, crisis)
        derived = {**(derived or {}), "crisis": crisis}  # screened whatever else happened to the turn
        return TurnResponse(
            session_id=turn.session_id, turn_index=row.turn_index, speaker_id=turn.speaker_id,
            available=reading is not None, turn=reading, state=state,
            modalities={m: ModalityReport(**r) for m, r in modalities.items()}, modalities_used=analysis.used,
            derived=derived, client_turn_id=turn.client_turn_id, transcript=heard,
            timings_ms={k: round(v, 3) for k, v in timings.items()},
        )

    # --- stages -------------------------------------------------------------------------

    def _read(self, turn: TurnInput, timings: dict[str, float]) -> TurnReads:
        """The turn's one read of the mood log (replay copy, consent, recent screenings, graph window)."""
        start = time.perf_counter()
        graph = self.analyzer.context
        reads = self.moodlog.read_for_turn(turn.session_id, turn.speaker_id, turn.user_id or turn.speaker_id,
                                           turn.client_turn_id, self.analyzer.crisis.policy.window - 1,
                                           graph.window if graph is not None else 0)
        timings["moodlog_read"] = (time.perf_counter() - start) * 1000
        return reads

    def _transcribe(self, turn: TurnInput, timings: dict[str, float]) -> Optional[TurnTranscript]:
        """The words spoken in the turn's clip (typed text beside it or not), or None: no clip, a clip
        too large, undecodable or without speech (the audio stage then reports why), or no recogniser."""
        if turn.audio is None or self.recognizer is None:
            return None
        start = time.perf_counter()
        try:
            upload = read_upload(turn.audio, self.settings.max_audio_bytes, "audio")
        except ValueError:
            return None
        finally:
            turn.audio.file.seek(0)  # the audio stage reads it again (its decoding is then a cache hit)
        try:
            clip = decode_audio(upload.data, filename=upload.filename, content_type=upload.content_type,
                                max_duration_s=self.settings.max_spoken_turn_s)
            if any(note.startswith("clip cut") for note in clip.notes):  # half a sentence would mislead the bot
                log.info("no transcript for a voice message of %s: longer than %g s", turn.session_id,
                         self.settings.max_spoken_turn_s)
                return None
            language = turn.language or "en"
            prompt = self.settings.asr_prompts.get(turn.bot or "") if language == "en" else None
            words = self.recognizer().transcribe(clip.waveform.numpy(), clip.sample_rate, language, prompt)
        except (ModalityInputError, ApiError) as exc:  # unusable audio, or recognition not installed
            log.info("no transcript for a voice message of %s: %s", turn.session_id, exc)
            return None
        finally:
            timings["asr"] = (time.perf_counter() - start) * 1000
        return TurnTranscript(text=words.text, confidence=min(max(words.confidence, 0.0), 1.0),
                              speech_s=round(clip.duration_s, 3))

    def _withheld(self, consent: dict[str, bool]) -> dict[str, ModalityReport]:
        return withheld_modalities(consent, self.settings.require_consent)

    def _screen(self, turn: TurnInput, reads: TurnReads, timings: dict[str, float]) -> dict[str, Any]:
        """Crisis screening of the text with the session's recent screened turns (before any limit)."""
        start = time.perf_counter()
        crisis = self.analyzer.crisis.screen(turn.text, reads.recent_crisis)
        timings["crisis_screening"] = (time.perf_counter() - start) * 1000
        return crisis

    def _admit(self, turn: TurnInput, log_turn, crisis: dict[str, Any]) -> tuple[Optional[Upload], list[Upload], dict]:
        """The limits, in order: rate, text, sent_at, sizes, emptiness, cues. Returns the read
        uploads and the parsed cues; a refusal is logged and raised."""
        settings = self.settings

        def reject(status: int, code: str, message: str, retry_after_s: float | None = None) -> ApiError:
            # logged with its client_turn_id: a retry that is admitted completes this row
            try:
                row, _ = self.moodlog.append_turn(log_turn(text=None, status="rejected", error_code=code, modalities={}))
            except DuplicateTurn as exc:
                row = exc.row
            except SessionOfAnotherBot as exc:
                return another_bots(exc, crisis)
            headers = {"Retry-After": str(max(1, math.ceil(retry_after_s)))} if retry_after_s is not None else None
            return ApiError(status, code, message, turn_index=row.turn_index, headers=headers, crisis=crisis)

        if self.limiter is not None:
            # per session and, when the channel names the end user, per user: rotating session
            # ids does not escape the limit
            buckets = [(f"turns:{turn.session_id}", "session")]
            buckets += [(f"user-turns:{turn.user_id}", "user")] if turn.user_id else []
            for bucket, who in buckets:
                if (wait_s := self.limiter.take(bucket)) > 0:
                    raise reject(429, "rate_limited", f"this {who} sends more than "
                                 f"{settings.rate_limit_turns_per_minute:g} turns per minute; retry in {wait_s:.1f} s",
                                 retry_after_s=wait_s)
        if "\x00" in turn.text:
            raise reject(422, "invalid_text", "the text contains NUL characters (U+0000)")
        if (problem := sent_time(turn.sent_at)[1]) is not None:
            raise reject(422, "invalid_sent_at", problem)
        if len(turn.text) > settings.max_text_chars:
            raise reject(413, "text_too_long", f"text has {len(turn.text)} characters; the limit is {settings.max_text_chars}")
        images = [i for i in turn.images if i.filename or i.size]
        if len(images) > settings.max_images_per_turn:
            raise reject(413, "too_many_images", f"{len(images)} images; the limit is {settings.max_images_per_turn} per turn")
        try:
            audio = read_upload(turn.audio, settings.max_audio_bytes, "audio") if turn.audio is not None else None
            uploads = [read_upload(i, settings.max_image_bytes, f"image {n}") for n, i in enumerate(images)]
        except ValueError as exc:
            raise reject(413, "upload_too_large", str(exc))
        if not turn.text.strip() and audio is None and not uploads:
            raise reject(422, "empty_turn", "the turn has no text, audio or images")
        try:
            cues = DialogueCues.model_validate_json(turn.cues).model_dump(exclude_none=True) if turn.cues else {}
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'cues'}: {e['msg']}" for e in exc.errors())
            raise reject(422, "invalid_cues", f"cues must be a JSON object of dialogue cues: {problems}")
        return audio, uploads, cues

    def _read_in_context(self, turn: TurnInput, analysis: Analysis, reads: TurnReads,
                         timings: dict[str, float]) -> ContextReading | None:
        """The conversation graph's reading of the turn's used modalities that it reads, with the
        session's recent turns; their reports say so. None without a graph model or such a modality."""
        graph = self.analyzer.context
        if graph is None or not set(analysis.used) & set(graph.modalities):
            return None
        start = time.perf_counter()
        context = graph.read(analysis.outputs, turn.text, turn.speaker_id, turn.session_id, turn_index=0,
                             past=reads.graph_window, speaker_last=reads.speaker_last)
        timings["graph"] = (time.perf_counter() - start) * 1000
        for m in context.read:
            analysis.reports[m].notes.extend(context.output.notes)
        if any(o.language for o in analysis.outputs if o.modality in context.read):
            analysis.reports["text"].notes.append("read without the conversation graph (it reads English text)")
        return context

    def _track_and_log(self, turn: TurnInput, analysis: Analysis, context: ContextReading | None, cues: dict,
                       log_turn, modalities: dict, kept_crisis: dict[str, Any] | None,
                       kept_text: str | None, timings: dict[str, float]):
        """Fuse the modalities in context, then in one mood-log transaction: the turn, the
        speaker's tracked state and the derived states. Returns (row, reading, state, derived)."""
        settings = self.settings
        fused = fuse_in_context(analysis.outputs, context, settings.fusion_weights)
        update = partial(track, reading=fused, smoothing=settings.smoothing, window=settings.tracking_window)
        derive = lambda record: self._derive(analysis, turn.text, State.of_record_state(record), cues,  # noqa: E731
                                             kept_crisis)
        write = time.perf_counter()
        row, record = self.moodlog.append_turn(
            log_turn(text=kept_text, status="analysed", error_code=None, modalities=modalities,
                     baselines=analysis.baselines),
            reading=fused, update_state=timed(update, "tracking", timings), modalities_used=analysis.used,
            graph_node=context.node if context else None, derive=timed(derive, "derive", timings),
        )
        timings["moodlog_write"] = ((time.perf_counter() - write) * 1000 - timings.get("tracking", 0.0)
                                    - timings.get("derive", 0.0))
        return row, Reading.of(fused), State.of_record_state(record), record.derived

    def _derive(self, analysis: Analysis, text: str, state: State, cues: dict, crisis: dict | None) -> dict | None:
        """Distress and tutoring states (emotion/affect) when the turn's text was analysed, and the
        turn's crisis screening in place of the affect model's own crisis head."""
        affect = self.analyzer.affect
        if affect is None or "text" not in analysis.used:
            return {"crisis": crisis} if crisis is not None else None
        return {**affect.derive(text, state.model_dump(), cues, reading=analysis.affect), "crisis": crisis}


# --- helpers --------------------------------------------------------------------------------

def read_upload(upload: UploadFile, limit: int, what: str) -> Upload:
    """The upload's bytes, read no further than ``limit`` + 1 (ValueError when larger)."""
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{what} is larger than the limit of {limit} bytes")
    return Upload(data=data, filename=upload.filename, content_type=upload.content_type)


def logged_answer(row: Turn, record: EmotionRecord | None) -> TurnResponse:
    """The answer to a turn the mood log already holds (a channel's replay of it)."""
    return TurnResponse(
        session_id=row.session_id, turn_index=row.turn_index, speaker_id=row.speaker_id,
        available=record is not None, turn=Reading.of_record(record) if record else None,
        state=State.of_record_state(record) if record else None,
        modalities={m: ModalityReport(**r) for m, r in row.modalities.items()},
        modalities_used=list(record.modalities_used) if record else [], derived=record.derived if record else None,
        client_turn_id=row.client_turn_id, duplicate=True,
    )


def another_bots(exc: SessionOfAnotherBot, crisis: dict[str, Any]) -> ApiError:
    """409: sessions are keyed by bot; the turn is not logged into another bot's conversation
    (the channel still answers, screening with its own fallback check)."""
    return ApiError(409, "session_of_another_bot", f"{exc}; use a session id of this bot's own", crisis=crisis)


def sent_time(value: str | None) -> tuple[datetime | None, str | None]:
    """``sent_at`` as a UTC datetime (SQLite keeps no offset), or None and why it is refused."""
    if value is None:
        return None, None
    try:
        sent = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError as exc:
        return None, f"sent_at {value!r} is no ISO 8601 date and time: {exc}"
    sent = sent.replace(tzinfo=timezone.utc) if sent.tzinfo is None else sent.astimezone(timezone.utc)
    if not EARLIEST_SENT_AT <= sent <= datetime.now(timezone.utc) + timedelta(days=1):
        return None, f"sent_at {value!r} is before 2000 or more than a day ahead of the service's clock"
    return sent, None


def timed(fn, stage: str, timings: dict[str, float]):
    """``fn`` that also adds its milliseconds to ``timings[stage]``."""
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[stage] = timings.get(stage, 0.0) + (time.perf_counter() - start) * 1000
    return run
