"""Erasure beyond the mood log: the bots' Rasa trackers and the channels' outboxes.

A person's words also sit in Rasa's tracker store (every event of the conversation) and, while
the emotion service was unreachable, in a channel's outbox (pending or set-aside turns). When
an admin erases a user, :func:`erase_elsewhere` removes their sessions from both:

- **trackers**: with the bot's SQL tracker store URL (``tracker_stores``, the database Rasa's
  ``endpoints.yml`` names) its ``events`` rows are deleted; otherwise the conversation's events
  are replaced by none through Rasa's HTTP API (``PUT /conversations/{id}/tracker/events``,
  with the API token), which empties in-memory, Redis and Mongo tracker stores;
- **outboxes**: each configured outbox (``outboxes``, as in the channel's credentials) deletes
  the sessions' turns (SQLite with ``secure_delete`` and a WAL checkpoint).

Each step reports what it did or why it could not, so the admin sees what is left to do.
"""
from __future__ import annotations

import asyncio
import logging
from urllib.parse import quote

import httpx
from sqlalchemy import bindparam, create_engine, text

from emotion.dashboard.settings import DashboardSettings

log = logging.getLogger(__name__)


def erase_elsewhere(settings: DashboardSettings, sessions: list[tuple[str, str | None]]) -> list[str]:
    """Erase ``sessions`` ([(session id, bot)]) from the trackers and outboxes; one note per step."""
    if not sessions:
        return []
    notes = [_erase_trackers(settings, bot, [s for s, b in sessions if b == bot]) for bot in sorted(
        {b or "" for _, b in sessions})]
    ids = [s for s, _ in sessions]
    notes += [asyncio.run(_erase_outbox(config, ids)) for config in settings.outboxes]
    return notes


def _erase_trackers(settings: DashboardSettings, bot: str, ids: list[str]) -> str:
    url = settings.tracker_stores.get(bot)
    if url:
        try:
            engine = create_engine(url)
            try:
                with engine.begin() as db:
                    query = text("DELETE FROM events WHERE sender_id IN :ids").bindparams(bindparam("ids", expanding=True))
                    deleted = db.execute(query, {"ids": ids}).rowcount
            finally:
                engine.dispose()
            return f"tracker store of {bot or 'unnamed bot'}: {deleted} events deleted"
        except Exception as exc:  # a database that is down or named wrongly
            log.warning("tracker store of %s not erased: %s", bot, exc)
            return f"tracker store of {bot or 'unnamed bot'}: NOT erased ({type(exc).__name__})"
    rasa_url, token = settings.rasa_for(bot or None)
    if not rasa_url:
        return f"tracker of {bot or 'unnamed bot'}: NOT erased (no Rasa URL or tracker store configured)"
    failed = []
    for session_id in ids:
        try:
            answer = httpx.put(f"{rasa_url.rstrip('/')}/conversations/{quote(session_id, safe='')}/tracker/events",
                               params={"token": token} if token else None, json=[], timeout=15)
            if answer.status_code >= 300:
                failed.append(f"{session_id} (HTTP {answer.status_code})")
        except httpx.HTTPError as exc:
            failed.append(f"{session_id} ({type(exc).__name__})")
    if failed:
        return f"tracker of {bot or 'unnamed bot'}: NOT erased for {', '.join(failed)}"
    return f"tracker of {bot or 'unnamed bot'}: {len(ids)} conversation(s) emptied through Rasa's API"


async def _erase_outbox(config: dict, ids: list[str]) -> str:
    from connectors.outbox import OutboxSettings, open_outbox  # the channels' own storage code

    where = config.get("path") or config.get("redis_url") or config.get("backend", "outbox")
    try:
        outbox = open_outbox(OutboxSettings.from_mapping(config))
        if outbox is None:
            return f"outbox {where}: off"
        try:
            return f"outbox {where}: {await outbox.erase(ids)} turn(s) deleted"
        finally:
            await outbox.close()
    except Exception as exc:
        log.warning("outbox %s not erased: %s", where, exc)
        return f"outbox {where}: NOT erased ({type(exc).__name__})"
