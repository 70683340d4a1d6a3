"""Crisis screening of every turn, before anything that could refuse or skip it.

``CrisisScreen.screen`` runs first in ``POST /v1/sessions/{id}/turns``: before the rate limit,
the size limits, the NUL check and the consent check, so none of them switches it off. Its
basis is the person's vital interest (GDPR Art. 9(2)(c)), not emotion-analysis consent: without
text consent the mood log keeps only the flag, risk, level, category and attempt (not the words: a
detector tuned to read earlier turns' words, ``context_turns`` > 0, then reads the message alone).

For a turn with text m in session s:

    reading      = detector.screen(m)          (emotion/crisis/detector.py; the lexicon alone when
                                                the detector or the text models are not loaded)
    reading      = corroborated(the session's last turns' risks, reading)   (a flag the models alone
                                                raise on a calm conversation counts as "possible")
    conversation = conversation_risk(the session's last turns' risks, reading)   (emotion/crisis/conversation.py)
    flag         = reading.flag or conversation.flag

NUL characters are dropped for screening; a text over the size limit is screened whole by the
lexicon and in its first and last windows by the models, and only then refused.
"""
from __future__ import annotations

import logging
from typing import Any

from emotion.crisis.conversation import ConversationPolicy, TurnRisk, conversation_risk, corroborated
from emotion.crisis.lexicon import Lexicon
from emotion.crisis.normalise import logical, visible

log = logging.getLogger(__name__)

LEVELS = ("none", "possible", "high")
KEPT_WITHOUT_CONSENT = ("risk", "flag", "level", "category", "attempt")
MAX_SCREENED_CHARS = 1_000_000  # the lexicon reads at most this much of a text (about 0.2 s)


class CrisisScreen:
    """Screens a turn's text with the detector (or the lexicon alone) and the session's history.

    Args:
        detector: an ``emotion.crisis.detector.CrisisDetector`` with its embedder, or None.
        policy: how risk builds over turns (the detector's tuned policy when it is loaded).
        lexicon_flag_at / lexicon_possible_at: thresholds on the lexicon score without a detector.
    """

    def __init__(self, detector: Any = None, policy: ConversationPolicy | None = None,
                 lexicon_flag_at: float = 0.6, lexicon_possible_at: float = 0.3) -> None:
        self.detector = detector
        self.policy = policy or (ConversationPolicy.from_mapping(detector.conversation) if detector is not None
                                 else ConversationPolicy(floor=0.3, flag_at=0.75))
        self.lexicon_flag_at, self.lexicon_possible_at = lexicon_flag_at, lexicon_possible_at

    @property
    def source(self) -> str:
        return "detector" if self.detector is not None else "lexicon"

    def read(self, text: str, previous: list[str] | None = None) -> dict[str, Any]:
        """The per-message reading of ``text``, read with the person's ``previous`` texts too
        when the detector was tuned to (``context_turns``)."""
        raw = (text or "").replace("\x00", " ")[:MAX_SCREENED_CHARS]
        text = visible(raw)  # as the reader sees it, for the models too
        typed = visible(logical(raw))  # in the order it was typed, when a direction control turned words round
        if self.detector is not None:
            try:
                readings = [self.detector.screen_in_context(t, previous or []) for t in dict.fromkeys((text, typed))]
                return max(readings, key=lambda r: (r.risk, r.attempt)).to_dict()
            except Exception:  # a model failure must not switch screening off: the lexicon still reads it
                log.exception("crisis detector failed; screening with the lexicon alone")
        r = max((Lexicon.load().read(t) for t in dict.fromkeys((text, typed))), key=lambda r: (r.score, r.attempt))
        risk = max(r.score, self.lexicon_flag_at) if r.attempt else r.score  # an attempt under way is high
        level = "high" if risk >= self.lexicon_flag_at else "possible" if risk >= self.lexicon_possible_at else "none"
        return {"risk": risk, "flag": level == "high", "level": level,
                "category": r.category if level != "none" else None, "categories": list(r.categories),
                "guards": list(r.guards), "obfuscated": r.obfuscated, "attempt": r.attempt,
                "scores": {"lexicon": r.score}}

    @property
    def thresholds(self) -> tuple[float, float]:
        """(τ_flag, τ_possible) of a message's own risk."""
        if self.detector is not None:
            return float(self.detector.thresholds["flag"]), float(self.detector.thresholds["possible"])
        return self.lexicon_flag_at, self.lexicon_possible_at

    def _uncorroborated(self, reading: dict[str, Any], risk: float) -> dict[str, Any]:
        """A reading the models alone raised on a calm conversation, counted at ``risk`` (its own
        risk stays in ``scores.alone``)."""
        level = "possible" if risk >= self.thresholds[1] else "none"
        return {**reading, "risk": round(risk, 4), "flag": False, "level": level, "uncorroborated": True,
                "category": reading.get("category") if level != "none" else None,
                "scores": {**(reading.get("scores") or {}), "alone": reading["risk"]}}

    def screen(self, text: str, history: list[tuple[int, dict[str, Any], str | None]]) -> dict[str, Any]:
        """``derived.crisis`` of a turn: the reading, the conversation's risk and the joint flag.

        ``history``: the session's earlier screened turns, oldest first: (index, stored crisis, text).
        """
        reading = self.read(text, [t for _, _, t in history if t])
        past = [TurnRisk(float(c.get("risk") or 0.0), c.get("category"), i, (c.get("scores") or {}).get("lexicon"))
                for i, c, _ in history]
        current = TurnRisk(float(reading["risk"]), reading.get("category"),
                           lexicon=float((reading.get("scores") or {}).get("lexicon", 1.0)))
        counted = corroborated(past, current, self.policy, self.thresholds[0])
        if counted.risk < current.risk:
            reading = self._uncorroborated(reading, counted.risk)
        conversation = conversation_risk(past, counted, self.policy)
        level = max(reading["level"], conversation["level"], key=LEVELS.index)
        category = reading.get("category") or next(
            (c["category"] for c in reversed(conversation["categories"]) if c.get("category")), None)
        return {**reading, "flag": bool(reading["flag"] or conversation["flag"]), "turn_flag": bool(reading["flag"]),
                "level": level, "category": category if level != "none" else None,
                "matched": list(reading.get("categories") or []), "conversation": conversation, "source": self.source}


def stored(crisis: dict[str, Any] | None, text_consent: bool) -> dict[str, Any] | None:
    """What the mood log keeps of a turn's crisis screening: all of it with text consent, else
    only the flag, risk, level, category and whether an attempt is under way."""
    if crisis is None or text_consent:
        return crisis
    return {k: crisis.get(k) for k in KEPT_WITHOUT_CONSENT}


def load_screen(affect: Any, checkpoint_dir: Any, status: dict[str, str],
                onnx_threads: int | None = None) -> CrisisScreen:
    """The detector on the affect model's embedder when both load (its crisis encoder on ONNX
    Runtime with ``onnx_threads``, as the text encoder); else the lexicon alone (status says why)."""
    if affect is None:
        status["crisis"] = "lexicon only: the text models are not loaded or the detector is off (EMOBOT_CRISIS_DETECTOR)"
        return CrisisScreen()
    try:
        from emotion.crisis.detector import CrisisDetector

        embedder = affect.embedder
        detector = CrisisDetector.load(checkpoint_dir, embedder=embedder)
    except (ImportError, FileNotFoundError) as exc:
        status["crisis"] = f"lexicon only: {exc}"
        log.warning("crisis detector not available (%s); screening with the lexicon alone", exc)
        return CrisisScreen()
    if onnx_threads is not None:
        try:
            detector = detector.on_onnxruntime(onnx_threads)
        except ImportError as exc:
            log.warning("crisis encoder on torch: ONNX Runtime or onnx is not installed (%s)", exc)
    status["crisis"] = "loaded"
    return CrisisScreen(detector)
