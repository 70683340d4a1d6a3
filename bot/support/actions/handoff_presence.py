"""What the support bot says to a person waiting for a human besides answering what they say
(handoff_answers.py): who is coming and when, how to get help now, whether a message is urgent
enough to bring every line back, and a request for a person withdrawn."""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Sequence, Text

from connectors import handoff
from rasa_sdk import Tracker

from actions import bank, handoff_answers
from actions.conversation import Say, bot_lines, crisis_of, response
from actions.language import least_recent


def waiting_line(status: Optional[Dict[str, Any]], domain: Dict[Text, Any], recent: Sequence[str],
                 lang: str = "en", overdue: bool = False) -> str:
    """Who is coming and, when known, how long it usually takes; once nobody has joined in that
    time, or the person was told not to wait (``overdue``: the delayed notice went out), never
    "usually within 2 minutes" again but "call now, I'm staying"."""
    if status and status.get("status") == "claimed":
        return response(domain, "utter_handoff_claimed", recent, lang)
    expected, waited = (status or {}).get("expected_wait_s"), (status or {}).get("waiting_s")
    if overdue or (expected and waited and float(waited) > float(expected)):
        return response(domain, "utter_handoff_overdue", recent, lang)
    if expected:
        # at least 2: "about 1 minutes" read wrong in every language (fourth reading), and a wait under
        # a minute said as "about 2 minutes" promises no more than the team can keep
        return response(domain, "utter_handoff_waiting_time", recent, lang, minutes=max(2, round(expected / 60)))
    return response(domain, "utter_handoff_joining", recent, lang)


def told_not_to_wait(tracker: Tracker, domain: Dict[Text, Any], lang: str) -> bool:
    """Whether the delayed notice (nobody joined in time: call now) went out during this handoff."""
    notices = {response(domain, "utter_handoff_delayed", (), code) for code in {"en", lang}}
    return any(line in notices for line in bot_lines(tracker, 50))


FULL_RESOURCES_EVERY = 2
"""During a handoff, the full list of resources comes back at least once in this many of the person's turns."""


CANNOT_TALK = re.compile(
    r"\b(?:(?:can i|could i|is there|what about|how do i|do you have|any)\b.{0,20}\b(?:text|texting|sms|chat|message)"
    r"|(?:cant|can't|cannot|unable to|dont want to|don't want to) (?:talk|call|speak|phone)|sms|whatsapp"
    r"|kann (?:ich )?(?:nicht )?(?:telefonieren|anrufen|reden)|kann ich (?:eine )?sms|schreiben statt"
    r"|je ne peux pas (?:parler|appeler|telephoner)|envoyer un sms|no puedo (?:hablar|llamar)|(?:mandar|enviar) (?:un )?(?:mensaje|sms)"
    r"|non posso (?:parlare|chiamare)|(?:mandare|scrivere) un messaggio|ik kan niet (?:bellen|praten)|kan ik (?:sms|appen)"
    r"|nao posso (?:falar|ligar)|não posso (?:falar|ligar)|mandar (?:mensagem|sms))\b")
"""A person who cannot or would rather not talk on the phone ("what about texting, I can't talk
on the phone"): the lines that take texts."""


def how_to_get_help(say: Say, tracker: Tracker) -> str:
    """The lines that take texts to a person who cannot talk on the phone (``CANNOT_TALK``); every
    resource when this message is itself at high risk or states warning signs, or when the full
    list was not given in the person's last ``FULL_RESOURCES_EVERY`` turns; else the emergency
    number and the first line (the same block under every message reads as a script)."""
    if CANNOT_TALK.search((tracker.latest_message.get("text") or "").lower()):
        return say.help_now.texting(say.lang)
    full = say.help_now.full(say.lang)
    asked = handoff_answers.asks_who_to_call(tracker.latest_message.get("text") or "")
    fresh = full not in bot_lines(tracker, FULL_RESOURCES_EVERY)
    return full if urgent(tracker) or asked or fresh else say.help_now.short(say.lang)


def urgent(tracker: Tracker) -> bool:
    """Whether this message is itself at high risk or states warning signs (its own flag: the
    service's ``turn_flag``, the in-Rasa fallback's ``flag``)."""
    crisis = crisis_of(tracker)
    return bool(crisis.get("turn_flag", crisis.get("flag")) or crisis.get("explicit"))


async def withdrawn(say: Say, tracker: Tracker, at_risk: bool) -> bool:
    """A person who asked for a person and now no longer wants one ("never mind, im ok now", "can you
    cancel it?"; fifth reading, M2): the open handoff is withdrawn (resolved, with a note for the
    supervisor), the bot says so and goes on; True then. Only a handoff the person asked for (slot
    ``handoff_asked``: no risk read since it opened), for a message ``at_risk`` does not read as risk:
    a crisis handoff stays whatever the person says, and so does one a person from the team has
    claimed (they read the message) or one the service could not be told about."""
    text = tracker.latest_message.get("text") or ""
    if at_risk or not tracker.get_slot("handoff_asked") or not bank.says(bank.bank().handoff["withdraw"]["words"], text):
        return False
    if not await handoff.withdraw_handoff(tracker.sender_id):
        return False
    say(least_recent(bank.answers(say.lang)["person_withdrawn"], say.recent))
    return True


SOMEONE_ELSES = ("friend_at_risk", "emergency_other")
"""Situations that are someone else's: the pills or the place the person names are that person's."""
WRITERS_KINDS = ("attempt", "taken", "medicine", "means", "means_here", "place", "calm")
"""Handoff answers addressed to the writer's own means, place or calm."""


def kinds_left_out(tracker: Tracker, at_risk: bool, situation: str) -> tuple[str, ...]:
    """The handoff answers that would be addressed to the wrong person: for a person who only asked
    for a person (no risk since), sudden calm ("bye" is a goodbye: sixth reading, M2); for a person
    reporting someone else's risk or emergency (``situation``) whose own message is not flagged,
    the writer's own means, place and calm ("she said she has pills" got "Have you taken any of the
    pills?": sixth reading, M3)."""
    if situation in SOMEONE_ELSES and not crisis_of(tracker).get("flag"):
        return WRITERS_KINDS
    if tracker.get_slot("handoff_asked") and not at_risk:
        return ("calm",)
    return ()
