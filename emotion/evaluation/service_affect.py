"""Score the service-affect head on chat-style customer messages (CSV: id, text, label,
category, lang; labels frustration / satisfaction / neither).

Two readings are scored: the head alone, and what a service bot acts on, the derived service
states (``AffectModel.derive`` of the message alone: frustration or satisfaction when it is at or
above ``threshold``, the higher of the two, else neither). Printed per class, then per category
and language.

Run: ``emobot evaluate service-affect --data data/service_affect/test/messages.csv``.
"""
from __future__ import annotations

from pathlib import Path

from emotion.affect.message import SERVICE_CLASSES
from emotion.affect.model import AffectModel
from emotion.evaluation.message_affect import read_rows, score, strongest


def evaluate(data: Path, json_out: Path | None = None, threshold: float = 0.4,
             model: AffectModel | None = None) -> dict:
    rows = read_rows(data, SERVICE_CLASSES)
    model = model or AffectModel.load()
    texts = [r["text"] for r in rows]
    readings = model.read_many(texts, [None] * len(texts))
    derived = [strongest(model.derive(t, reading=r)["service"], threshold, "neither") for t, r in zip(texts, readings)]
    return score(data, rows, SERVICE_CLASSES, model.service_probs(texts), derived,
                 lambda r: (f"{r['label']}/{r.get('category') or '?'}", f"lang={r.get('lang') or '?'}"),
                 "service-affect", f"derived service states (>= {threshold}, else neither)", json_out)
