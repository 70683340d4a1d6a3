"""A request's fields the channel checks itself, so a client gets the channel's own 400 and the service
never echoes or refuses them in its own words (eleventh exploratory reading, L1).

- A turn's ids (``sender``, ``speaker_id``, ``user_id``) are at most ``max_sender_chars``
  (:data:`MAX_SENDER_CHARS`) long: a 5,000-character sender was accepted and echoed back as each
  message's ``recipient_id``. A longer one is refused with 400 ``sender_too_long`` before the
  service or the bot reads the turn, but its words are screened first (the in-process lexicon,
  nothing kept), as the service screens every turn it refuses: a refusal of words at risk, or of a
  voice clip (whose words only the service could hear), carries the help line of the turn's locale,
  which the chat page shows (``error.help``, as for a 413).
- ``/pushed?after=`` is a whole number up to :data:`MAX_CURSOR`: a larger one got the service's 422
  with its internal field name ("query.after: Input should be less than or equal to 2147483647").
"""
from __future__ import annotations

import asyncio
import logging
from typing import Optional

from sanic import response
from sanic.response import HTTPResponse

from connectors.contract import at_risk
from connectors.web.safety_net import help_line
from connectors.web.turn import WebTurn
from emotion.crisis.fallback import FALLBACK

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 128
"""Default of ``max_sender_chars``: the most characters of a turn's ``sender``, ``speaker_id`` or
``user_id`` (an issued id is 36; an e-mail address fits)."""
MAX_CURSOR = 2**31 - 1
"""The largest ``after`` of ``/pushed``: the service's bound on a handoff-thread id."""


def cursor_after(value: Optional[str]) -> int:
    """``/pushed``'s ``?after=`` (None: 0) as a thread id, 0..:data:`MAX_CURSOR` (a negative one is 0).
    Raises ValueError for anything but a whole number up to :data:`MAX_CURSOR`."""
    after = int(value if value is not None else "0")
    if after > MAX_CURSOR:
        raise ValueError(f"after is over {MAX_CURSOR}")
    return max(0, after)


def overlong_id(turn: WebTurn, limit: int) -> Optional[str]:
    """The name of the first of ``turn``'s ids longer than ``limit`` characters, or None."""
    for field, identity in (("sender", turn.sender_id), ("speaker_id", turn.speaker_id), ("user_id", turn.user_id)):
        if identity and len(identity) > limit:
            return field
    return None


async def refuse_overlong_id(turn: WebTurn, field: str, limit: int, locale: Optional[str]) -> HTTPResponse:
    """400 ``sender_too_long`` for ``turn``, whose ``field`` is over ``limit`` characters; with
    ``help`` (the help line of ``locale``) when its text screens at risk or it carries a voice clip.
    The lexicon reads the text off the event loop (up to ``max_body_bytes`` of it)."""
    crisis = await asyncio.get_running_loop().run_in_executor(None, FALLBACK.screen, turn.text)
    error = {"code": "sender_too_long",
             "message": f"{field} is longer than {limit} characters: send a shorter id, or POST /session "
                        f"and send its token instead"}
    if at_risk({"derived": {"crisis": crisis}}) or turn.audio is not None:
        if turn.audio is None:
            logger.warning("A turn at risk (%s) was refused for its %s's length; its refusal says where to get help",
                           crisis.get("level"), field)
        error["help"] = help_line(locale)
    return response.json({"error": error}, status=400)
