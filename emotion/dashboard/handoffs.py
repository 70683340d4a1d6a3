"""Handoffs: a conversation handed from the bot to a human, and the human's replies.

The bot side opens handoffs (``emotion.moodlog.governance.open_handoff``) and reports the
live thread; supervisors claim, reply and resolve from the dashboard. A reply is stored in
the thread (the person's page polls it) and pushed into the Rasa conversation
(``deliver_reply``: a ``bot`` event sent through the conversation's channel, so a socket.io
widget shows it at once). Resolving triggers the bot's ``handoff_resolved`` intent (it resumes
with a check-in), and needs a confirmation while the person's newest line was read at risk; an unclaimed
handoff past its time is re-alerted (:func:`realert_overdue`); a silent claim (claimed, nobody has written, the
person still at risk: ``emotion.moodlog.silent_claim``) may be taken over by any supervisor (:func:`take_over`).
Claiming and taking over are each one conditional UPDATE (:func:`_update_if`): of two supervisors at once exactly one
wins, the other gets :class:`HandoffStateError` (409).
A reply the bot's Rasa server refused counts as written once the person's page fetched it.
"""
from __future__ import annotations

import logging
import time
from datetime import timedelta
from urllib.parse import quote

import httpx
from sqlalchemy import update
from sqlmodel import Session, col, select

from connectors.contract import FROM_THE_TEAM
from emotion.dashboard.last_line import AT_RISK_FROM, last_line_at_risk, team_wrote, unwritten_at_risk
from emotion.moodlog.governance import Handoff, HandoffMessage, as_utc
from emotion.moodlog.models import utcnow

log = logging.getLogger("emotion.dashboard")


class HandoffStateError(ValueError):
    """The handoff is not in a state that allows this step (e.g. resolving an open, unclaimed one)."""


class NoteRequired(ValueError):
    """Resolving a handoff whose person nobody wrote to needs a note saying why."""


class WriteFirst(HandoffStateError):
    """A person at risk to whom nobody from the team has written is not resolved by a supervisor's tick (thirteenth
    exploratory reading, H6): they write first or hand it over; only an admin resolves it, with a note saying why."""

    def __init__(self) -> None:
        super().__init__("Nobody from the team has written to this person, and they are at risk (an attempt announced, "
                         "or their last message read at risk). Write to them first, or hand it over to a colleague. "
                         "Only an admin may resolve it without writing, with a note saying why (for example: "
                         "emergency services are with them).")


class RiskNotConfirmed(ValueError):
    """Resolving a handoff whose person's newest line was read at risk needs an explicit confirmation."""

    def __init__(self, line: str) -> None:
        super().__init__(f"The person's last message was read at risk: '{line}'. Resolve anyway? Confirm it "
                         "(\"Resolve anyway\") if you know they are safe or help is with them.")


def words_withheld(handoff: Handoff, text_consent: bool) -> bool:
    """Without text consent the person's words are shown only while a human is helping them
    (a live handoff: their vital interest); once it is resolved they are withheld like any transcript."""
    return not text_consent and handoff.status == "resolved"


def _update_if(db: Session, handoff: Handoff, *conditions, **values) -> bool:
    """Write ``values`` to ``handoff``'s row in ONE conditional UPDATE, matched only while ``conditions`` still hold in
    the database (not in the copy read before: a read-then-write let two supervisors both take over, the last one
    winning; the review of the dashboard, D1). Of two concurrent steps exactly one matches: PostgreSQL's row lock makes
    the second wait and re-check the conditions on the committed row, SQLite's write lock serialises them. True when it
    matched (uncommitted: the caller commits); ``handoff`` is re-read from the row either way."""
    result = db.exec(update(Handoff).where(col(Handoff.id) == handoff.id, *conditions).values(**values)
                     .execution_options(synchronize_session=False))
    db.refresh(handoff)
    return result.rowcount == 1


def claim(db: Session, handoff: Handoff, actor: str) -> None:
    """Claim an open handoff (:func:`_update_if`: of two claiming at once, the second gets
    :class:`HandoffStateError`)."""
    if _update_if(db, handoff, Handoff.status == "open", status="claimed", claimed_by=actor, claimed_at=utcnow()):
        return
    if handoff.status == "claimed":
        raise HandoffStateError(f"{handoff.claimed_by} claimed it first" if handoff.claimed_by != actor
                                else "you claimed it already")
    raise HandoffStateError(f"handoff is {handoff.status}")


def take_over(db: Session, handoff: Handoff, actor: str) -> str:
    """Any supervisor who may see the handoff takes over a silent claim (claimed, nobody has written since, and the
    bot told the team the person is still at risk: twelfth exploratory reading, H5); the claim starts again with
    them. One conditional UPDATE (:func:`_update_if`) against the claimer read before: of two taking over at once,
    the second gets :class:`HandoffStateError` naming who took it first. Returns who had claimed it."""
    before = handoff.claimed_by
    if _update_if(db, handoff, Handoff.status == "claimed", col(Handoff.silent_alerted_at).is_not(None),
                  col(Handoff.claimed_by) == before, col(Handoff.claimed_by) != actor,
                  claimed_by=actor, claimed_at=utcnow(), silent_alerted_at=None):
        return before or ""
    if handoff.status == "claimed" and handoff.claimed_by == actor:
        raise HandoffStateError("you claimed it already: write to the person now" if before == actor
                                else "you have taken it over already: write to the person now")
    if handoff.status == "claimed" and handoff.claimed_by != before:
        raise HandoffStateError(f"{handoff.claimed_by} took it over first: they are with the person now")
    raise HandoffStateError("only a claim nobody has written in while the person is at risk is taken over")


def reassign(db: Session, handoff: Handoff, actor: str, colleague: str) -> None:
    """Hand a claimed handoff to a colleague (the claimer, or an admin, may); the person's
    conversation goes on with them. The caller checks that the colleague may see the bot."""
    if handoff.status != "claimed":
        raise HandoffStateError(f"only a claimed handoff is reassigned (this one is {handoff.status})")
    if colleague == handoff.claimed_by:
        raise HandoffStateError(f"{colleague} already has it")
    before = handoff.claimed_by  # one conditional UPDATE: a take-over in between wins, this one is refused (review)
    if not _update_if(db, handoff, Handoff.status == "claimed", col(Handoff.claimed_by) == before,
                      claimed_by=colleague, claimed_at=utcnow(), silent_alerted_at=None):
        raise HandoffStateError(f"{handoff.claimed_by} took it over first: they are with the person now"
                                if handoff.status == "claimed" else f"handoff is {handoff.status}")


NOT_TOLD = ("The bot could not be told that this handoff is resolved (it did not answer), so the person has had no "
            "closing message. The bot resumes at their next message.")
"""The thread's note when resolving could not reach the bot."""


def resolve(db: Session, handoff: Handoff, actor: str, rasa_url: str | None = None,
            rasa_token: str | None = None, note: str = "", over_risk: bool = False, admin: bool = False,
            at_risk_from: float = AT_RISK_FROM) -> bool:
    """Close the handoff and resume the bot (its ``handoff_resolved`` intent); False when Rasa
    could not be told (the bot then resumes at the person's next message, when it sees the
    handoff resolved; the thread then says so in a note, ``NOT_TOLD``). A handoff nobody from the team wrote in needs a ``note`` saying why
    (reached by phone, emergency services called, the person left): kept in the thread for the
    team, never sent (sixth exploratory reading, H13: a crisis handoff was resolved without a
    word, and the person was told a team member "finished their part"). While the person's newest line was read at
    risk (``last_line.last_line_at_risk``) it is resolved only ``over_risk``, confirmed (:class:`RiskNotConfirmed`
    without: twelfth exploratory reading, H5; ``at_risk_from``: a line's own risk read at risk). A person at risk to
    whom nobody has written (``last_line.unwritten_at_risk``) is resolved only by an ``admin``, with a note
    (:class:`WriteFirst` for anyone else: thirteenth exploratory reading, H6)."""
    if handoff.status != "claimed" or handoff.claimed_by != actor:
        raise HandoffStateError("only the supervisor who claimed a handoff resolves it")
    if not admin and unwritten_at_risk(db, handoff, at_risk_from):
        raise WriteFirst()
    if not team_wrote(db, handoff) and not note.strip():
        raise NoteRequired("nobody has written to this person: reply first, or say in a note why you resolve without writing")
    line = last_line_at_risk(db, handoff, at_risk_from)
    if line is not None and not over_risk:
        raise RiskNotConfirmed(line)
    if note.strip():
        db.add(HandoffMessage(handoff_id=handoff.id, author=actor, kind="note", text=note.strip()))
    handoff.status, handoff.resolved_at = "resolved", utcnow()
    db.add(handoff)
    db.commit()
    told = trigger_intent(rasa_url, handoff.session_id, "handoff_resolved", token=rasa_token)
    if rasa_url and not told:  # ninth exploratory reading, M15: the page said nothing of it
        db.add(HandoffMessage(handoff_id=handoff.id, author="system", kind="note", text=NOT_TOLD))
        db.commit()
    return told


class ReplyNotDelivered(RuntimeError):
    """The bot's Rasa server did not accept a reply (unreachable, or not a 2xx): it is kept, undelivered, for the
    person's chat page to fetch (``/pushed``), and counts as written only once it has been."""

    def __init__(self) -> None:
        super().__init__("Your reply was NOT pushed to the person's chat: the bot's server did not accept it "
                         "(unreachable, or it refused it). It is kept: the web chat page fetches it when it next asks for "
                         "messages (the thread then says \"seen\"), a socket.io widget does not. Until it is seen it "
                         "does not count as written.")


def reply(db: Session, handoff: Handoff, actor: str, text: str, rasa_url: str | None,
          rasa_token: str | None = None) -> HandoffMessage:
    """Store the reply and try to push it (uncommitted: the caller commits). It counts as written (a silent claim ends;
    the resolve rules see it) at once when Rasa pushed it, or when the dashboard has no Rasa server for the bot (the
    person's page polls it); a reply Rasa refused is ``refused`` and counts once their page fetched it
    (``emotion.moodlog.governance.pushed_messages`` ends the silent claim then). With a Rasa server for the
    bot (``rasa_url``) that did not accept it: stored all the same (their page still fetches it; the review of stop
    45: dropping it lost the reply) and :class:`ReplyNotDelivered` raised after."""
    if handoff.status != "claimed" or handoff.claimed_by != actor:
        raise HandoffStateError("claim the handoff before replying")
    delivered = deliver_reply(rasa_url, handoff.session_id, text, token=rasa_token)
    refused = bool(rasa_url) and not delivered
    message = HandoffMessage(handoff_id=handoff.id, author=actor, kind="supervisor", text=text, delivered=delivered,
                             refused=refused)
    if not refused:
        handoff.silent_alerted_at = None  # someone has written: no longer a silent claim
    db.add_all([message, handoff])
    if refused:
        raise ReplyNotDelivered()
    return message


def deliver_reply(rasa_url: str | None, conversation_id: str, text: str, *, token: str | None = None,
                  timeout_s: float = 5.0) -> bool:
    """Append a ``bot`` event, marked the team's (``FROM_THE_TEAM`` in its metadata), to the Rasa conversation
    (POST /conversations/{id}/tracker/events) and send it through the conversation's latest channel. False when no Rasa URL is configured or
    Rasa refused it; the reply then stays undelivered in the dashboard."""
    if not rasa_url:
        return False
    params = {"output_channel": "latest", "execute_side_effects": "true"}
    if token:
        params["token"] = token
    try:
        response = httpx.post(f"{rasa_url.rstrip('/')}/conversations/{quote(conversation_id, safe='')}/tracker/events",
                              params=params, json={"event": "bot", "text": text, "timestamp": time.time(),
                                                    "metadata": {FROM_THE_TEAM: True}},
                              timeout=timeout_s)
    except httpx.HTTPError as exc:
        log.warning("reply to %s not delivered: %s", conversation_id, exc)
        return False
    if response.status_code >= 300:
        log.warning("reply to %s refused by Rasa: HTTP %s", conversation_id, response.status_code)
        return False
    return True


def trigger_intent(rasa_url: str | None, conversation_id: str, intent: str, *, token: str | None = None,
                   timeout_s: float = 10.0) -> bool:
    """Run the bot's answer to ``intent`` in the conversation, its messages sent through the
    conversation's channel (POST /conversations/{id}/trigger_intent?output_channel=latest)."""
    if not rasa_url:
        return False
    params = {"output_channel": "latest", **({"token": token} if token else {})}
    try:
        response = httpx.post(f"{rasa_url.rstrip('/')}/conversations/{quote(conversation_id, safe='')}/trigger_intent",
                              params=params, json={"name": intent}, timeout=timeout_s)
    except httpx.HTTPError as exc:
        log.warning("intent %s not triggered in %s: %s", intent, conversation_id, exc)
        return False
    if response.status_code >= 300:
        log.warning("intent %s refused by Rasa for %s: HTTP %s", intent, conversation_id, response.status_code)
        return False
    return True


def overdue(db: Session, after_s: float) -> list[Handoff]:
    """Open (unclaimed) handoffs older than ``after_s`` seconds that were not re-alerted yet."""
    cutoff = utcnow() - timedelta(seconds=after_s)
    return list(db.exec(select(Handoff).where(Handoff.status == "open", col(Handoff.realerted_at).is_(None),
                                              col(Handoff.created_at) <= cutoff)).all())


def realert_overdue(db: Session, after_s: float, webhook_url: str | None, rasa_url_of) -> list[int]:
    """Re-alert every overdue handoff once: mark it, call the webhook (``{"event":
    "handoff_overdue", ...}``) and tell the person what to do now (the bot's
    ``handoff_waiting`` intent). ``rasa_url_of(bot)`` names the bot's Rasa server. Returns their ids."""
    ids = []
    for handoff in overdue(db, after_s):
        handoff.realerted_at = utcnow()
        db.add(handoff)
        db.commit()
        ids.append(handoff.id)
        if webhook_url:
            try:
                httpx.post(webhook_url, json={"event": "handoff_overdue", "id": handoff.id, "session_id": handoff.session_id,
                                              "bot": handoff.bot, "reason": handoff.reason,
                                              "waiting_s": round((utcnow() - as_utc(handoff.created_at)).total_seconds())},
                           timeout=5).raise_for_status()
            except httpx.HTTPError as exc:
                log.warning("re-alert webhook %s failed for handoff %s: %s", webhook_url, handoff.id, exc)
        url, token = rasa_url_of(handoff.bot)
        trigger_intent(url, handoff.session_id, "handoff_waiting", token=token)
    return ids
