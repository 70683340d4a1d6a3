"""The bots an admin may assign to a supervisor (a bot is a tenant: emotion/dashboard/queries.py): the deployment's
(``DashboardSettings.bots`` and the bots its Rasa servers are named for), those already assigned to someone, and those
the mood log has conversations or handoffs of. The create form offers them as checkboxes (fourteenth exploratory
reading, M8: a supervisor created with no bot saw "The queue is empty." and 404 on every claim, nothing saying why)."""
from __future__ import annotations

from typing import Iterable

from sqlmodel import Session, col, select

from emotion.moodlog.governance import BotAssignment, Handoff
from emotion.moodlog.models import ConversationSession


def known_bots(db: Session, configured: Iterable[str]) -> list[str]:
    """The sorted, distinct bot names of ``configured`` (the deployment's) and of the mood log: assigned ones and those
    with a conversation or a handoff (three indexed DISTINCT reads)."""
    names = {name for name in configured if name}
    for column in (BotAssignment.bot, ConversationSession.bot, Handoff.bot):
        names.update(name for name in db.exec(select(column).where(col(column).is_not(None)).distinct()) if name)
    return sorted(names)


def unknown_bots(chosen: Iterable[str], known: Iterable[str]) -> list[str]:
    """The names among ``chosen`` that are not ``known`` (a forged form), sorted."""
    return sorted(set(chosen) - set(known))
