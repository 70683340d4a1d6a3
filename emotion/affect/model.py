"""Derived affective states: crisis risk, distress, tutoring affect (confusion, frustration,
boredom, engagement) and service affect (frustration, satisfaction), from a turn's text, the
tracked emotion state and dialogue cues.

Heads (all linear on frozen all-MiniLM-L6-v2 sentence embeddings e ∈ R^384, ||e|| = 1;
weights fitted by logistic regression in ``emotion/training/affect.py``):

    r_w      = σ(w_c · e_w + b_c)                  crisis risk of one text window w
    risk     = max_w r_w                            (a long text: max over its windows)
    flag     = risk ≥ τ_c  OR  a risk pattern matches (patterns.RISK_PATTERNS)
    distress = max(risk, σ(w_d · e + b_d))          Dreaddit stress head, 0..1
    p_conf   = σ(w_k · e + b_k)                     GoEmotions "confusion" vs rest
    p_annoy  = σ(w_a · e + b_a)                     GoEmotions "annoyance"/"anger" vs rest
    q        = softmax(W_t · [e ; ē_hist ; f] + b_t) MathBuddy engagement / neutral / boredom
               (ē_hist: mean embedding of the student's earlier turns, f: 4 scalar features)
    s        = softmax(W_s · [e ; f] + b_s)          student affect: confusion, frustration,
               boredom, engagement, neutral (emotion/affect/message.py, its own checkpoint)
    c        = softmax(W_v · [e ; f] + b_v)          service affect: frustration, satisfaction,
               neither (emotion/affect/message.py, its own checkpoint)

Tutoring states combine the student head with cues by a noisy-OR, ⊕(a, b) = 1 - (1-a)(1-b):

    confusion   = ⊕( max(s_confusion, 0.8·[confusion phrase]),  min(1, 0.2·wrong + 0.15·hints) )
    frustration = ⊕( max(s_frustration, 0.8·[frustration phrase]), P_state(anger)·conf_state,
                     min(1, 0.25·max(0, wrong - 1) + 0.1·hints) )
    boredom     = ⊕( max(s_boredom, 0.8·[boredom phrase]),  0.3·[response_time > 60 s] )
    engagement  = s_engagement · (1 - boredom_cues) · (1 - 0.5·frustration)

where wrong = ``cues["wrong_in_a_row"]``, hints = ``cues["hint_requests"]`` and
boredom_cues = ⊕(0.8·[boredom phrase], 0.3·[slow reply]). Service states, for any bot:

    frustration  = ⊕( c_frustration, P_state(anger)·conf_state )
    satisfaction = c_satisfaction · (1 - P_state(anger)·conf_state)

All outputs are in [0, 1].
The student head is scored on a separately written frozen test set
(``emobot evaluate student-affect``); p_conf, p_annoy and q stay for the Reddit/MathBuddy reports.

(Over 300 lines for a reason: the heads above and ``AffectModel.derive``, which combines them
with the tracked state and dialogue cues, are one set of formulas; they stay next to the math.)
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import torch
from torch import nn

from emotion.affect.patterns import match_boredom, match_confusion, match_frustration, match_risk
from emotion.affect.message import SERVICE, SERVICE_CLASSES, STUDENT, STUDENT_CLASSES, MessageHead

CHECKPOINT_NAME = "affect.pt"
EMBEDDING_DIM = 384
N_TUTOR_SCALARS = 4
TUTOR_DIM = 2 * EMBEDDING_DIM + N_TUTOR_SCALARS
TUTORING_CLASSES = ("engagement", "neutral", "boredom")


def tutor_scalars(utterance: str, history: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """f ∈ R^4: log1p(words of the utterance), has '?', has a number, log1p(history turns)."""
    words = len(utterance.split())
    return np.array([math.log1p(words), float("?" in utterance),
                     float(bool(re.search(r"\d", utterance))), math.log1p(len(history))], dtype=np.float32)


class AffectHeads(nn.Module):
    """Linear heads on sentence embeddings.

    Shapes: e (B, 384) -> crisis, distress, confusion, annoyance logits (B,) each;
    x_t (B, 772) = [e ; ē_hist ; f] -> tutoring logits (B, 3).
    """

    def __init__(self) -> None:
        super().__init__()
        self.crisis = nn.Linear(EMBEDDING_DIM, 1)
        self.distress = nn.Linear(EMBEDDING_DIM, 1)
        self.confusion = nn.Linear(EMBEDDING_DIM, 1)
        self.annoyance = nn.Linear(EMBEDDING_DIM, 1)
        self.tutoring = nn.Linear(TUTOR_DIM, len(TUTORING_CLASSES))
        self.register_buffer("tutor_mean", torch.zeros(TUTOR_DIM))
        self.register_buffer("tutor_scale", torch.ones(TUTOR_DIM))

    def binary(self, name: str, e: torch.Tensor) -> torch.Tensor:
        """σ(w · e + b): (B, 384) -> (B,) probabilities of head ``name``."""
        return torch.sigmoid(getattr(self, name)(e)).squeeze(-1)

    def tutor(self, x: torch.Tensor) -> torch.Tensor:
        """softmax(W_t · standardise(x) + b_t): (B, 772) -> (B, 3) over TUTORING_CLASSES."""
        return torch.softmax(self.tutoring((x - self.tutor_mean) / self.tutor_scale), dim=-1)

    @torch.no_grad()
    def set_linear(self, name: str, coef: np.ndarray, intercept: np.ndarray) -> None:
        layer: nn.Linear = getattr(self, name)
        layer.weight.copy_(torch.as_tensor(np.atleast_2d(coef), dtype=torch.float32))
        layer.bias.copy_(torch.as_tensor(np.atleast_1d(intercept), dtype=torch.float32))


def noisy_or(*ps: float) -> float:
    """⊕(p_1, ..., p_n) = 1 - Π(1 - p_i), for p_i in [0, 1]."""
    out = 1.0
    for p in ps:
        out *= 1.0 - min(max(float(p), 0.0), 1.0)
    return 1.0 - out


@dataclass(frozen=True)
class TextAffect:
    """What the text alone says (``AffectModel.read``): model crisis risk and matched risk
    patterns, distress, confusion and annoyance probabilities (0..1), the tutoring
    probabilities (3,) over TUTORING_CLASSES, the student-affect probabilities (5,) over
    STUDENT_CLASSES and the service-affect probabilities (3,) over SERVICE_CLASSES."""

    risk: float
    matched: list[str]
    distress: float
    confusion: float
    annoyance: float
    tutoring: tuple[float, float, float]
    student: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0, 1.0)
    service: tuple[float, ...] = (0.0, 0.0, 1.0)


@dataclass
class AffectModel:
    """Crisis risk, distress and tutoring states for one turn (see the module docstring).

    Load once (the MiniLM base takes ~1 s and ~90 MB), then call ``derive`` per turn.
    """

    heads: AffectHeads
    crisis_threshold: float
    embedder: Any  # emotion.affect.embed.SentenceEmbedder
    info: dict
    student: MessageHead
    service: MessageHead

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None, threads: int | None = None,
             text_encoder: Any = None) -> "AffectModel":
        """Load ``affect.pt`` from ``checkpoint_dir`` (default: settings.checkpoint_dir); with a loaded
        ``text_encoder`` (emotion.encoders.text.TextEncoder) the embedder shares its base.

        Raises FileNotFoundError when the checkpoint is missing (train: ``emobot train affect``).
        """
        from emotion.affect.embed import SentenceEmbedder

        from emotion.settings import checkpoint_file

        path = checkpoint_file(CHECKPOINT_NAME, checkpoint_dir, "emobot train affect")
        ckpt = torch.load(path, map_location="cpu", weights_only=True)
        heads = AffectHeads()
        heads.load_state_dict(ckpt["state_dict"])
        heads.eval()
        info = json.loads(ckpt["info"])
        max_tokens = int(info.get("max_tokens", 128))
        embedder = (SentenceEmbedder.sharing(text_encoder, max_tokens) if text_encoder is not None
                    else SentenceEmbedder(max_tokens, threads))
        return cls(heads, float(ckpt["crisis_threshold"]), embedder, info,
                   MessageHead.load(STUDENT, checkpoint_dir), MessageHead.load(SERVICE, checkpoint_dir))

    # -- pieces, also used by the evaluations ------------------------------------------
    def windows(self, text: str, max_windows: int = 64) -> list[str]:
        """Paragraphs of ``text``, each cut into <= 128-token windows (at most ``max_windows``)."""
        parts = [p for p in re.split(r"\n\s*\n", text or "") if p.strip()] or [text or ""]
        out: list[str] = []
        for p in parts:
            out += self.embedder.windows(p, max_windows)
        return out[:max_windows]

    @torch.no_grad()
    def crisis_risk(self, texts: Sequence[str]) -> list[tuple[float, list[str]]]:
        """Per text: (model risk = max over windows of σ(w_c·e + b_c), matched risk patterns)."""
        windows = [self.windows(t) for t in texts]
        flat = [w for ws in windows for w in ws]
        probs = self.heads.binary("crisis", torch.from_numpy(self.embedder.embed(flat))).numpy() if flat else []
        out, i = [], 0
        for t, ws in zip(texts, windows):
            out.append((float(np.max(probs[i:i + len(ws)])) if ws else 0.0, match_risk(t)))
            i += len(ws)
        return out

    @torch.no_grad()
    def tutoring_probs(self, utterances: Sequence[str], histories: Sequence[Sequence[Mapping[str, Any]]],
                       embeddings: np.ndarray | None = None) -> np.ndarray:
        """(N, 3) probabilities over TUTORING_CLASSES from the last student turn and the history.

        ``embeddings`` (N, 384): the utterances' embeddings when already computed.
        """
        e = self.embedder.embed(list(utterances)) if embeddings is None else embeddings
        hist = []
        for h in histories:
            student = [t["text"] for t in h if str(t.get("user", "Student")).lower() == "student" and t.get("text")]
            hist.append(self.embedder.embed(student).mean(0) if student else np.zeros(EMBEDDING_DIM, np.float32))
        f = np.stack([tutor_scalars(u, h) for u, h in zip(utterances, histories)])
        x = np.concatenate([e, np.stack(hist), f], axis=1)
        return self.heads.tutor(torch.from_numpy(x)).numpy()

    @torch.no_grad()
    def message_probs(self, head: MessageHead, utterances: Sequence[str],
                      embeddings: np.ndarray | None = None) -> np.ndarray:
        """(N, K) probabilities of a message head (``self.student``: STUDENT_CLASSES,
        ``self.service``: SERVICE_CLASSES); ``embeddings`` (N, 384) when already computed."""
        e = self.embedder.embed(list(utterances)) if embeddings is None else embeddings
        f = np.stack([tutor_scalars(u, []) for u in utterances]) if len(utterances) else np.zeros((0, N_TUTOR_SCALARS))
        return head(torch.from_numpy(np.concatenate([e, f], axis=1).astype(np.float32))).numpy()

    def student_probs(self, utterances: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        """(N, 5) probabilities over STUDENT_CLASSES."""
        return self.message_probs(self.student, utterances, embeddings)

    def service_probs(self, utterances: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        """(N, 3) probabilities over SERVICE_CLASSES."""
        return self.message_probs(self.service, utterances, embeddings)

    # -- public API ----------------------------------------------------------------------
    def read(self, text: str, cues: Mapping[str, Any] | None = None) -> TextAffect:
        """The text-only part of ``derive`` (the sentence embeddings and heads): the costly part,
        which needs no tracked state, so the service runs it with the encoders."""
        return self.read_many([text], [cues])[0]

    @torch.no_grad()
    def read_many(self, texts: Sequence[str], cues: Sequence[Mapping[str, Any] | None]) -> list[TextAffect]:
        """``read`` of several texts, their windows embedded in one batch."""
        texts = [t or "" for t in texts]
        windows = [self.windows(t) if t.strip() else [] for t in texts]
        flat = [w for ws in windows for w in ws]
        e_flat = torch.from_numpy(self.embedder.embed(flat)) if flat else torch.zeros(0, EMBEDDING_DIM)  # (W, 384)
        out: list[TextAffect | None] = [None] * len(texts)
        rows, wholes, first = [], [], 0
        for i, (text, ws) in enumerate(zip(texts, windows)):
            if not ws:
                out[i] = TextAffect(0.0, [], 0.0, 0.0, 0.0, (0.0, 1.0, 0.0))
                continue
            e_windows = e_flat[first:first + len(ws)]
            first += len(ws)
            risk = float(self.heads.binary("crisis", e_windows).max())
            # the whole text (first 128 tokens); the same as the only window of a short text
            e = e_windows[:1] if len(ws) == 1 else torch.from_numpy(self.embedder.embed([text]))
            rows.append((i, risk, e))
            wholes.append(e)
        if rows:
            e_all = torch.cat(wholes)  # (N, 384)
            q = self.tutoring_probs([texts[i] for i, _, _ in rows],
                                    [list(dict(cues[i] or {}).get("history") or []) for i, _, _ in rows], e_all.numpy())
            s = self.student_probs([texts[i] for i, _, _ in rows], e_all.numpy())
            c = self.service_probs([texts[i] for i, _, _ in rows], e_all.numpy())
            distress, confusion, annoyance = (self.heads.binary(h, e_all) for h in ("distress", "confusion", "annoyance"))
            for k, (i, risk, _) in enumerate(rows):
                out[i] = TextAffect(risk, match_risk(texts[i]), float(distress[k]), float(confusion[k]),
                                    float(annoyance[k]), tuple(float(v) for v in q[k]), tuple(float(v) for v in s[k]),
                                    tuple(float(v) for v in c[k]))
        return out  # type: ignore[return-value]

    def derive(self, text: str, state: Mapping[str, Any] | None = None,
               cues: Mapping[str, Any] | None = None, reading: TextAffect | None = None) -> dict:
        """Derived states of one user turn.

        Args:
            text: the user's words this turn ("" when the turn had only audio/face).
            state: the speaker's tracked state as the service returns it
                ({"probabilities": {label: p}, "valence", "arousal", "confidence", ...}) or None.
            cues: dialogue cues, all optional: ``wrong_in_a_row`` (int), ``hint_requests``
                (int), ``response_time_s`` (seconds, float), ``history`` (earlier turns,
                [{"text", "user": "Student"|"Teacher"}]).
            reading: ``read(text, cues)`` when already computed.

        Returns:
            {"crisis": {"risk": 0..1, "flag": bool, "matched": [pattern names]},
             "distress": 0..1,
             "tutoring": {"confusion", "frustration", "boredom", "engagement": 0..1,
                          "cues": [matched phrase names]},
             "service": {"frustration", "satisfaction": 0..1}}
        """
        cues = dict(cues or {})
        text = text or ""
        state_probs = dict((state or {}).get("probabilities") or {})
        state_conf = float((state or {}).get("confidence") or 0.0)
        part = reading if reading is not None else self.read(text, cues)
        risk, matched, distress_text = part.risk, list(part.matched), part.distress
        s = dict(zip(STUDENT_CLASSES, part.student))
        flag = bool(matched) or risk >= self.crisis_threshold
        if matched:
            risk = max(risk, 0.95)

        wrong = max(0, int(cues.get("wrong_in_a_row") or 0))
        hints = max(0, int(cues.get("hint_requests") or 0))
        slow = float(cues.get("response_time_s") or 0.0) > 60.0
        conf_phr, frus_phr, bore_phr = match_confusion(text), match_frustration(text), match_boredom(text)
        confusion = noisy_or(max(s["confusion"], 0.8 * bool(conf_phr)), min(1.0, 0.2 * wrong + 0.15 * hints))
        frustration = noisy_or(max(s["frustration"], 0.8 * bool(frus_phr)),
                               float(state_probs.get("anger", 0.0)) * state_conf,
                               min(1.0, 0.25 * max(0, wrong - 1) + 0.1 * hints))
        boredom_cues = noisy_or(0.8 * bool(bore_phr), 0.3 * slow)
        boredom = noisy_or(s["boredom"], boredom_cues)
        engagement = s["engagement"] * (1.0 - boredom_cues) * (1.0 - 0.5 * frustration)
        c = dict(zip(SERVICE_CLASSES, part.service))
        angry_state = float(state_probs.get("anger", 0.0)) * state_conf
        r = lambda v: round(float(v), 4)  # noqa: E731
        return {
            "crisis": {"risk": r(risk), "flag": flag, "matched": matched},
            "distress": r(max(distress_text, risk)),
            "tutoring": {"confusion": r(confusion), "frustration": r(frustration), "boredom": r(boredom),
                         "engagement": r(engagement), "cues": conf_phr + frus_phr + bore_phr},
            "service": {"frustration": r(noisy_or(c["frustration"], angry_state)),
                        "satisfaction": r(c["satisfaction"] * (1.0 - angry_state))},
        }
