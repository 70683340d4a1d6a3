"""The ``handoff`` block of the bank as the handoff readers use it (handoff_answers.py, handoff_imminent.py,
handoff_steps.py): one kind's lines in a language, a message lower-cased the way the block's words are matched, and
the words that name a way (means, medicine, a place, a plan)."""
from __future__ import annotations

from typing import List

from actions.bank import bank
from actions.language import translated

WAY_KINDS = ("means", "medicine", "place", "plan")
"""The ``handoff`` kinds whose words name a way: a time or a count said after one is about it."""


def kind_lines(kind: str, lang: str = "en") -> List[str]:
    """The lines of one kind of answer (``plan``, ``means``, ...) in ``lang``."""
    return list(bank().handoff[kind]["lines"] if lang == "en" else ((translated(lang) or {}).get("handoff") or {}).get(kind) or [])


def lowered(text: str) -> str:
    """``text`` as the ``handoff`` words are matched: lower case, a typographic apostrophe as a plain one."""
    return (text or "").lower().replace("’", "'")


def way_words() -> List[str]:
    """The words of ``WAY_KINDS`` (the pills, the rope, the bridge, "i have a plan"), all languages."""
    return [word for kind in WAY_KINDS for word in bank().handoff[kind]["words"]]
