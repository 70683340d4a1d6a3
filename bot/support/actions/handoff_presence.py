"""What the support bot says to a person waiting for a human besides answering what they say
(handoff_answers.py): that it heard them, who is coming and when, how to get help now, whether a
message is urgent enough to bring every line back, and a request for a person withdrawn.

While they wait the bot keeps listening (seventh exploratory reading, M3: the same three lines,
emergency number included, under each of ten messages): a message gets a short reflection or an
acknowledgement that fits it (``heard``), who is coming comes back when asked, when it changes or
every ``WAITING_LINE_EVERY`` turns (``waiting_due``), and the numbers once, then again when asked
or for a message that carries risk (``numbers_due``; the delayed notice gives them too).

Over 300 lines for a reason: each of these reads the same handoff status and the same turns of the wait (who
wrote last, when it was claimed); apart, each half would read them again."""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Sequence, Text

from connectors import handoff
from connectors.contract import at_risk, emotion_of
from rasa_sdk import Tracker

from actions import bank, handoff_answers, handoff_steps, listening, recall
from actions.conversation import Say, bot_lines, crisis_of, earlier_messages, response, system_text, user_turns, variants
from actions.echo import risk_words
from actions.language import least_recent
from actions.still_here import still_there
from actions.tone import not_well
from policies.silent_claim import CLAIMED_SILENT_S, RISK_OF_ITS_OWN, SILENT_ALERT_S, silent_since_claim  # noqa: F401 (SILENT_ALERT_S: silent_claim.py reads it here)

WAITING_LINE_EVERY = 3
"""Who is coming is said again when it was not said in the person's last this many turns."""
ACK_WORDS = 3
"""A message of fewer words ("ok", "ja", "egal, ich warte") is acknowledged, not reflected."""


def waiting_line(status: Optional[Dict[str, Any]], domain: Dict[Text, Any], recent: Sequence[str],
                 lang: str = "en", overdue: bool = False) -> str:
    """Who is coming and, when known, how long it usually takes; once nobody has joined in that
    time, or the person was told not to wait (``overdue``: the delayed notice went out), never
    "usually within 2 minutes" again but "call now, I'm staying". While the team's queue is long or
    overdue (the status's ``busy``), no time either: a person joins as soon as one is free, and the
    numbers to call now (eighth exploratory reading, M8: "it usually takes about 2 minutes" while
    40 handoffs waited, all overdue; :func:`numbers_due` gives them after this line)."""
    if status and status.get("status") == "claimed":
        return response(domain, "utter_handoff_claimed", recent, lang)
    expected, waited = (status or {}).get("expected_wait_s"), (status or {}).get("waiting_s")
    if overdue or (expected and waited and float(waited) > float(expected)):
        return response(domain, "utter_handoff_overdue", recent, lang)
    if (status or {}).get("busy"):
        return least_recent(bank.answers(lang)["handoff_busy"], recent)
    if expected:
        # at least 2: "about 1 minutes" read wrong in every language (fourth reading), and a wait under
        # a minute said as "about 2 minutes" promises no more than the team can keep
        return response(domain, "utter_handoff_waiting_time", recent, lang, minutes=max(2, round(expected / 60)))
    return response(domain, "utter_handoff_joining", recent, lang)


def team_wrote(tracker: Tracker) -> bool:
    """Whether a person from the team wrote to the person in the latest handoff: a bot event after the
    handoff opened (slot ``handoff_active`` set) that no action of the bot's said. The dashboard appends
    a supervisor's reply to the conversation on its own (POST /conversations/{id}/tracker/events), after
    the bot went back to listening; the bot's own lines follow the action that said them."""
    wrote, opened, after = False, False, None
    for event in tracker.events:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "handoff_active":  # a new handoff starts with nobody having written
            wrote, opened = (wrote and opened) if event.get("value") else wrote, bool(event.get("value"))
        elif kind == "action":
            after = event.get("name")
        elif kind == "user":
            after = None
        elif kind == "bot" and opened and after in (None, "action_listen"):
            wrote = True
    return wrote


def team_spoke_last(tracker: Tracker) -> bool:
    """Whether the last line the person read before their latest message was written by a person from the team (a bot
    event the dashboard appended after the bot went back to listening: :func:`team_wrote`): the message answers them,
    not the bot's own question before it (ninth reading, M11: "hi sam. yes they're on the table", to the supervisor's
    "are the pills near you?", got the bot's "if you have taken something, call your emergency number now")."""
    after, last_by_team, before_latest = None, False, False
    for event in tracker.events:
        kind = event.get("event")
        if kind == "action":
            after = event.get("name")
        elif kind == "user":
            after, before_latest = None, last_by_team
        elif kind == "bot":
            last_by_team = after in (None, "action_listen")
    return before_latest


def told_not_to_wait(tracker: Tracker, domain: Dict[Text, Any], lang: str) -> bool:
    """Whether the delayed notice (nobody joined in time: call now) went out during this handoff."""
    notices = {response(domain, "utter_handoff_delayed", (), code) for code in {"en", lang}}
    return any(line in notices for line in bot_lines(tracker, 50))


def heard(say: Say, tracker: Tracker, domain: Dict[Text, Any]) -> str:
    """A line that shows the latest message was heard, for a person waiting for a human whose message
    got no answer of its own: "Yes, I'm still here." to "hello?"; a reflection of a message whose
    words tell what weighs on them (a feeling named, "not well", a topic: "my girlfriend left me"),
    in their words where they can be said back; else an acknowledgement ("I've got your message"):
    the emotion reading alone does not say what a short remark while waiting is about."""
    text = tracker.latest_message.get("text") or ""
    if still_there(text):
        return least_recent(bank.answers(say.lang)["still_here"], say.recent)
    heavy = not_well(text.lower()) or listening.topic_of(text, say.lang) is not None or listening.names_a_feeling(text, say.lang)
    if system_text(text) or len(re.findall(r"[^\W\d_]+", text)) < ACK_WORDS or not heavy:
        return response(domain, "utter_handoff_ack", say.recent, say.lang)
    emotion = emotion_of(tracker.latest_message.get("metadata"))
    return listening.compose("reflection", text, (emotion.get("turn") or {}).get("label"), say.recent, turn=user_turns(tracker),
                             lang=say.lang, echo=not at_risk(emotion),
                             earlier=earlier_messages(tracker, 3) if recall.may_recall(tracker.latest_message.get("metadata")) else [])


def waiting_due(tracker: Tracker, domain: Dict[Text, Any], lang: str, kinds: Sequence[str], claimed: bool) -> bool:
    """Whether who is coming is said this turn: once someone claimed it, until they have written (their answers
    come now; after that the person is talking with them, and "a person from our team has joined" again talks over
    them: ninth reading, M11); when the person asks ("is anyone coming?", "hello?": ``kinds`` holds ``wait``); once
    after the delayed notice; and when it was not said in their last ``WAITING_LINE_EVERY`` turns."""
    text = tracker.latest_message.get("text") or ""
    if claimed:
        return not team_wrote(tracker)
    if "wait" in kinds or still_there(text):
        return True
    if told_not_to_wait(tracker, domain, lang) and not _said_since_notice(tracker, domain, lang, "utter_handoff_overdue"):
        return True
    return not any(_waiting_pattern(domain, lang).fullmatch(line) for line in bot_lines(tracker, WAITING_LINE_EVERY))


def numbers_due(say: Say, tracker: Tracker, kinds: Sequence[str], claimed: bool, silent: bool = False) -> bool:
    """Whether how to get help now comes with this turn: always for a message urgent of its own or
    asking who to call; otherwise not once a person from the team answers (``claimed``; unless they
    have been ``silent`` since: :func:`claimer_silent`, or have not written yet and this turn answered a place or
    means: "still on the balcony" 30 s after a claim got no number, twelfth reading, H5), nor after the person asked
    not to be given them again; else for a message that carries risk (a reading of its own of at least
    ``RISK_OF_ITS_OWN``, risk words in any language, an answer about means, a plan, a place or a
    goodbye), and, unclaimed, once in a handoff where they were not given yet."""
    text = tracker.latest_message.get("text") or ""
    if urgent(tracker) or handoff_answers.asks_who_to_call(text) or CANNOT_TALK.search(text.lower()):
        return True
    waiting = not claimed or silent or (bool(set(kinds) & set(handoff_answers.SAFETY_KINDS)) and not team_wrote(tracker))
    if not waiting or handoff_answers.no_more_numbers(text, earlier_messages(tracker, 10)):
        return False
    own_risk = float(crisis_of(tracker).get("risk") or 0.0) >= RISK_OF_ITS_OWN
    safety = set(kinds) & set(handoff_answers.SAFETY_KINDS) or "question" in kinds
    if own_risk or risk_words(text) or safety:
        return True
    given = {say.help_now.full(say.lang), say.help_now.short(say.lang), say.help_now.texting(say.lang)}
    return not claimed and (told_busy(say) or not given & set(bot_lines(tracker, 50)))


CLAIM_BEFORE_RESOLVE_S = 5.0
"""Seconds by which a resolved handoff's wait (``waiting_s``, stopped at a claim) falls short of its time open: claimed."""


def claimed_before_resolve(tracker: Tracker, status: Optional[Dict[str, Any]]) -> Optional[bool]:
    """Whether a person from the team claimed the resolved handoff ``status`` before resolving it (eleventh reading, H3):
    its own ``claimed`` (the service's status says it) where given; else its ``waiting_s`` (open until the claim, or the
    resolve) against the time from :func:`opened_at` to the latest event. None when neither tells (no event times)."""
    known = [key for key in ("claimed",) if key in (status or {})]
    if not status or known:
        return bool(status[known[0]]) if known else None
    opened = opened_at(tracker, status)
    now = next((e.get("timestamp") for e in reversed(tracker.events) if e.get("timestamp") is not None), None)
    if opened is None or now is None or status.get("waiting_s") is None:
        return None
    return float(now) - opened - float(status["waiting_s"]) >= CLAIM_BEFORE_RESOLVE_S


def opened_at(tracker: Tracker, status: Dict[str, Any]) -> Optional[float]:
    """When the handoff of ``status`` opened: the first event that set slot ``handoff_id`` to its id (a new session sets
    the slots again); None when that event carries no time."""
    opened = next((e.get("timestamp") for e in tracker.events if e.get("event") == "slot" and e.get("name") == "handoff_id"
                   and e.get("value") is not None and int(e["value"]) == status.get("id")), None)
    return None if opened is None else float(opened)


def claimer_silent(tracker: Tracker, status: Optional[Dict[str, Any]]) -> bool:
    """Whether a person from the team claimed the handoff at least ``CLAIMED_SILENT_S`` before the latest message and has
    not written since (d07: "sigo en el balcón" got only "Tu mensaje le llega a la persona de nuestro equipo"). The claim's
    time is the service's ``since_claim_s``; without it, the handoff's opening (the first event that set slot ``handoff_id``
    to it: a new session sets the slots again) and the status's ``waiting_s``, its wait until the claim; False when the
    tracker's events carry no times."""
    if not status or status.get("status") != "claimed" or team_wrote(tracker):
        return False
    if (said_by_the_service := silent_since_claim(status, CLAIMED_SILENT_S)) is not None:  # the service says when it was claimed
        return said_by_the_service
    claimed, said = claimed_at(tracker, status), said_at(tracker)
    return claimed is not None and said is not None and said - claimed >= CLAIMED_SILENT_S


def said_at(tracker: Tracker) -> Optional[float]:
    """When the person's latest message came (the tracker's event clock, seconds); None without a time."""
    said = [e.get("timestamp") for e in tracker.events if e.get("event") == "user"]
    return None if not said or said[-1] is None else float(said[-1])


def claimed_at(tracker: Tracker, status: Dict[str, Any]) -> Optional[float]:
    """When the handoff of ``status`` was claimed (the tracker's event clock, seconds): the latest message's time less the
    service's ``since_claim_s``; without it, the handoff's opening (:func:`opened_at`) and its ``waiting_s``; None when the
    events carry no times."""
    if status.get("since_claim_s") is not None:
        said = said_at(tracker)
        return None if said is None else said - float(status["since_claim_s"])
    opened = opened_at(tracker, status)
    return None if opened is None else opened + float(status.get("waiting_s") or 0.0)


def told_busy(say: Say) -> bool:
    """Whether this turn told the person that the team is busy and to call now (``handoff_busy``):
    the numbers it names come with it."""
    return bool(set(say.said) & set(busy_lines(say.lang)))


def busy_lines(lang: str) -> list[str]:
    """The lines that say the team is busy and to call one of the numbers now (``handoff_busy``), English and ``lang``."""
    return [line for code in {"en", lang} for line in bank.answers(code)["handoff_busy"]]


def numbers_said(say: Say) -> bool:
    """Whether a line said this turn gives the help lines where the person is (one of their links)."""
    links = say.help_now.links_in(say.lang)
    return any(link in line for link in links for line in say.said)


def _waiting_pattern(domain: Dict[Text, Any], lang: str) -> re.Pattern:
    """Every line that says who is coming (joining, the usual wait, the team busy, claimed, overdue,
    the person asked for is joining), in English and ``lang``, any number of minutes."""
    names = ("utter_handoff_joining", "utter_handoff_waiting_time", "utter_handoff_claimed", "utter_handoff_overdue")
    templates = [t for code in {"en", lang} for name in names for t in variants(domain, name, code)]
    templates += [t for code in {"en", lang} for key in ("person_joining", "handoff_busy") for t in bank.answers(code)[key]]
    return re.compile("|".join(".+".join(re.escape(part) for part in re.split(r"\{\w+\}", t)) for t in templates))


def _said_since_notice(tracker: Tracker, domain: Dict[Text, Any], lang: str, name: str) -> bool:
    """Whether a line of the response ``name`` was said after the latest delayed notice."""
    notices = {response(domain, "utter_handoff_delayed", (), code) for code in {"en", lang}}
    lines = bot_lines(tracker, 50)
    last = max((i for i, line in enumerate(lines) if line in notices), default=-1)
    wanted = {t for code in {"en", lang} for t in variants(domain, name, code)}
    return any(line in wanted for line in lines[last + 1:])


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
WRITERS_KINDS = ("imminent", "attempt", "taken", "medicine", "means", "means_here", "place", "calm", *handoff_steps.ACT_STEPS)
"""Handoff answers addressed to the writer's own means, place, calm or steps (a goodbye letter found in a son's room is
his: thirteenth reading, H8)."""


def kinds_left_out(tracker: Tracker, at_risk: bool, situation: str, text: str = "") -> tuple[str, ...]:
    """The handoff answers that would be addressed to the wrong person: for a person who only asked
    for a person (no risk since), sudden calm ("bye" is a goodbye: sixth reading, M2) and consent withdrawn (its line
    speaks of danger: thirteenth reading, L9); for a person
    reporting someone else's risk or emergency (``situation``) whose own message is not flagged,
    the writer's own means, place and calm ("she said she has pills" got "Have you taken any of the
    pills?": sixth reading, M3). A bare "is anyone there??" (``text``) gets "still here" and who is
    coming (``heard``, ``waiting_due``), not the wait's answer."""
    still = ("wait",) if still_there(text) else ()
    if situation in SOMEONE_ELSES and not crisis_of(tracker).get("flag"):
        return WRITERS_KINDS + still
    if tracker.get_slot("handoff_asked") and not at_risk:
        return ("calm", handoff_steps.CONSENT, *still)
    return still
