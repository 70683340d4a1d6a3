"""The lexicon-only crisis screen: what runs inside the Rasa process when the emotion service
cannot answer a turn (down, queued, refused) or answered without a crisis reading.

``FALLBACK.screen(text, session_id)`` -> the same shape as the service's ``derived.crisis``
(emotion.service.schemas.CrisisState) with ``"source": "rasa_fallback"``. It remembers the
last turns' risks of recent sessions in memory (bounded), so risk still builds over a
conversation while the service is away. Standard library and PyYAML only; about 0.2 ms a message.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from emotion.crisis.conversation import ConversationPolicy, TurnRisk, conversation_risk
from emotion.crisis.lexicon import EXPLICIT_AT, Lexicon


@dataclass
class FallbackScreen:
    """Lexicon score as risk; flag at ``flag_at``, "possible" from ``possible_at``."""

    flag_at: float = 0.6
    possible_at: float = 0.3
    policy: ConversationPolicy = ConversationPolicy(decay=0.85, floor=0.3, flag_at=0.75, possible_at=0.4)
    max_sessions: int = 10_000
    _history: "OrderedDict[str, list[TurnRisk]]" = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def screen(self, text: str, session_id: str | None = None) -> dict[str, Any]:
        reading = Lexicon.load().read(text or "")
        risk = max(reading.score, self.flag_at) if reading.attempt else reading.score  # an attempt under way is high
        level = "high" if risk >= self.flag_at else "possible" if risk >= self.possible_at else "none"
        current = TurnRisk(risk, reading.category)
        with self._lock:
            history = list(self._history.get(session_id, [])) if session_id else []
            if session_id:
                self._history[session_id] = (history + [current])[-self.policy.window:]
                self._history.move_to_end(session_id)
                while len(self._history) > self.max_sessions:
                    self._history.popitem(last=False)
        conversation = conversation_risk(history, current, self.policy)
        return {"risk": round(risk, 4), "flag": level == "high" or conversation["flag"], "level": level,
                "explicit": risk >= EXPLICIT_AT,
                "category": reading.category if risk >= self.possible_at else None,
                "categories": list(reading.categories), "matched": list(reading.categories),
                "guards": list(reading.guards), "obfuscated": reading.obfuscated, "attempt": reading.attempt,
                "conversation": conversation,
                "source": "rasa_fallback"}


FALLBACK = FallbackScreen()
