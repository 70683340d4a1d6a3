"""The crisis flow: a handoff to a human (resources, the bot stays present, the supervisor's
resolve resumes it). The C-SSRS screen that leads to it is crisis_screen.py; ``/restart`` and a
new session around a handoff are lifecycle.py's.

(Over 300 lines for a reason: one action class per step of a handoff that config.yml's rules name, opened, waited
in, resolved and overdue, and the escalation and the reading of "an attempt again after a resolve" they share; split,
each half would import the other.)"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Sequence, Text

from connectors import contract, handoff
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank, direct_ask, handoff_answers, handoff_imminent, handoff_steps, screener
from actions.language import folded, least_recent, plain_text
from actions.other_language import cannot_read, in_other_language
from actions.question_form import is_question
from actions.conversation import (ABOUT_THE_BOT, Say, bot_lines, clear_screen, crisis_of, crisis_reason, earlier_messages,
                                  user_turns)
from actions.handoff_presence import (claimed_before_resolve, claimer_silent, heard, how_to_get_help, kinds_left_out,
                                      numbers_due, team_spoke_last, team_wrote, told_not_to_wait, waiting_due, waiting_line,
                                      withdrawn)
from actions.silent_claim import SILENT_CLAIM_NOTICE, alert_due, say_silence, tell_silence  # noqa: F401  (the notice: tests)
from actions.situation_replies import moved_on, reported_situation, situation_line, situation_open
from policies.commands import COMMAND
from policies.situations import ACUTE

logger = logging.getLogger(__name__)

BOT = "support"
WITH_THE_TEAM = contract.LEFT_TO_THE_TEAM
"""What the bot sends, as a custom message, to a turn it leaves to the person from the team who has joined and
written (ninth reading, M11): the emobot channels count it as an answer (their safety net answers a turn at risk left
without one: "I'm having trouble answering right now") and pass it to no client."""


async def report(tracker: Tracker, person: Optional[str], said: Sequence[str], kind: str = "bot") -> None:
    """Append the person's message and the bot's lines to the handoff's live thread."""
    person = None if person and person.startswith("/") else person  # an intent the channel sent, not words
    await handoff.add_to_thread(tracker.sender_id, ([("person", person)] if person else [])
                                + [(kind, line) for line in said])


async def still_with_the_team(say: Say, tracker: Tracker) -> None:
    """A command typed during a handoff ("/restart", "session_start"): the conversation with the team stays open (``restart_in_handoff``), said to the
    person and to the team's thread."""
    say(least_recent(bank.answers(say.lang)["restart_in_handoff"], say.recent))
    await report(tracker, tracker.latest_message.get("text"), say.said)


async def open_handoff(tracker: Tracker, reason: str) -> Optional[Dict[str, Any]]:
    """Open (or find) the session's handoff; None when the service could not be reached."""
    user_id = (tracker.latest_message.get("metadata") or {}).get("user_id")
    return await handoff.request_handoff(tracker.sender_id, reason, bot=BOT, user_id=str(user_id) if user_id else None)


async def handoff_status(tracker: Tracker) -> Optional[Dict[str, Any]]:
    return await handoff.handoff_status(tracker.sender_id)


MEANS_MEMORY = 3
"""How many of the person's messages before the latest are read for means or a place they named (the pills in "I took
a few already", the gun that "it's in the closet, loaded" points back to: eleventh reading, H1, H4)."""
URGENT_KINDS = ("imminent", "attempt", "sick_taken", "taken")
"""Handoff answers that tell an attempt under way or about to happen: the team's thread is told it is urgent."""


async def escalate(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                   reason: str, means_line: bool = False, lead: Optional[str] = None) -> List[EventType]:
    """Resources, a handoff to a human, and the bot stays: shared by a flagged message and a
    screen whose answers call for a human; ``means_line``: a plan or preparations were told, so
    whether the means are near is asked even when the message names none (the means the person named in their last
    ``MEANS_MEMORY`` messages first); ``lead``: the ``answers`` key of a line said first ("Thank you for telling me you
    mean it": crisis_screen.py). An attempt under way or about to happen (``URGENT_KINDS``: "I took a few already"
    after "the bottle of oxy") is marked urgent for the team, in the reason and the thread."""
    say = Say(dispatcher, tracker)
    if in_other_language(tracker):  # "chcę się zabić" flagged: said in the page's language that the bot cannot read it (H2)
        cannot_read(say)
    if lead:
        say(least_recent(bank.answers(say.lang)[lead], say.recent))
    say.response(domain, "utter_crisis_concern")
    say(say.help_now.full(say.lang))
    earlier = earlier_messages(tracker, MEANS_MEMORY)
    text = tracker.latest_message.get("text") or ""
    # a step (a letter, a time) is answered so while waiting (thirteenth reading, M8); told at the start, the plan's line
    answers = handoff_answers.answered(text, say.recent, say.lang, earlier, leave_out=handoff_steps.ACT_STEPS)
    lines = [line for _, line in answers]
    named = bool(answers) and handoff_imminent.means_of_act(text, earlier) is not None  # the act-now line named the gun
    if means_line and not named and not {kind for kind, _ in answers} - {"imminent"}:  # "i'm doing it now": the act now,
        lines += means_told_before(earlier, say)[:handoff_answers.MAX_HANDOFF_LINES - len(lines)]  # and the means' line
    for line in lines or (handoff_answers.kind_lines("plan", say.lang)[:1] if means_line else []):
        say(line)  # means at hand or a place named in the same message: safety first, before the wait
    urgent = {kind for kind, _ in answers} & set(URGENT_KINDS)
    handoff = await open_handoff(tracker, f"URGENT, attempt under way or coming: {reason}" if urgent else reason)
    if handoff is None:
        say.response(domain, "utter_handoff_failed")
    else:
        say(waiting_line(await handoff_status(tracker), domain, say.recent, say.lang))
        await report(tracker, tracker.latest_message.get("text"), say.said)
        if urgent:
            await report(tracker, None, [urgent_notice(urgent)], kind="alert")  # the team's only, never pushed to the person
    return [SlotSet("handoff_active", True), SlotSet("handoff_asked", False),
            SlotSet("handoff_id", float(handoff["id"]) if handoff else None),
            *clear_screen(tracker)]


def means_told_before(earlier: Sequence[str], say: Say) -> List[str]:
    """The safety line for the means or the place the person named in one of ``earlier`` (newest first): "put some
    distance between you and the pistol" to "it's in the closet, loaded" (eleventh reading, H1); [] when none."""
    for said in reversed(earlier):
        lines = handoff_answers.handoff_lines(said, say.recent, say.lang, kinds=("medicine", "means", "place"))
        if lines:
            return lines[:1]
    return []


HERE_NOW = re.compile(
    r"\b(?:(?:i ?m|i am|im) (?:standing |sitting )?(?:on|at|by|up on|on top of)|(?:here|there) now|(?:on|at) the \w+ now)\b"
    r"|\bich (?:bin|stehe|sitze) (?:jetzt )?(?:auf|an)\b|\bje suis (?:sur|au|a)\b|\b(?:estoy|me encuentro) (?:en|sobre)\b"
    r"|\b(?:sono|sto) (?:sul|sulla|sullo|al|in cima)\b|\bik (?:sta|zit|ben) (?:nu )?(?:op|bij|aan)\b|\b(?:estou|to|tou) (?:na|no|em cima)\b")
"""The person is at the place now ("i'm on the bridge now", "ik sta op de brug"), not telling of it."""
UNDER_WAY = ("attempt", "taken", "means_here")
"""What a person waiting for a human may say that is an attempt under way or means at hand (handoff_answers.py)."""


AT_HAND = ("taken", "medicine", "means", "means_here")
"""Means the person says are at hand (or taken): after an attempt told, or a message at high risk, a handoff."""


def means_after_risk(tracker: Tracker) -> bool:
    """Outside a handoff, the message says means are at hand (or taken: ``AT_HAND``, any of the seven languages' words;
    not a question) just after the person told of an attempt (in their last ``direct_ask.ATTEMPT_WINDOW`` messages) or
    after a message of theirs read at high risk (tenth exploratory reading, H2: "ainda tenho os comprimidos em casa"
    after "tive alta ontem depois de tentar matar-me" got "Parece que isto é importante para ti"; its English twin,
    whose first message was read high, was handed over and asked "have you taken any of the pills?")."""
    if tracker.get_slot("handoff_active"):
        return False
    text = tracker.latest_message.get("text") or ""
    if not handoff_answers.answered(text, (), "en", at_risk=False, kinds=AT_HAND):
        return False
    earlier = earlier_messages(tracker, direct_ask.ATTEMPT_WINDOW)
    if any(direct_ask.ATTEMPT.search(plain_text(said)) for said in earlier):
        return True
    said = [e for e in tracker.events if e.get("event") == "user"][-2:-1]
    before = crisis_of_event(said[0]) if said else {}
    return bool(before.get("turn_flag", before.get("flag"))) and before.get("level") == "high"


def crisis_of_event(event: Dict[str, Any]) -> Dict[str, Any]:
    """The crisis reading (``derived.crisis``) a user event of the tracker carries."""
    return contract.crisis_of(contract.emotion_of(event.get("metadata")))


def under_way_again(tracker: Tracker) -> Optional[str]:
    """Why the message opens a new handoff marked as an attempt, or None: after a crisis handoff was resolved (slot
    ``handoff_joined`` set, none running), the message tells an attempt under way: read so (``derived.crisis``
    attempt, the message's own flag), or words of an attempt, medicine taken, means at hand, or the place said as where
    they are now (eighth reading, H2: "i'm on the bridge now" after "nobody from our team could join this chat" got a
    listening question and no new handoff; "ik sta op de brug" read only "possible"); or means at hand just after an
    attempt told or a high reading (:func:`means_after_risk`, tenth reading, H2)."""
    if means_after_risk(tracker):
        return "means at hand after an attempt or high risk told"
    if tracker.get_slot("handoff_active") or tracker.get_slot("handoff_joined") is None:
        return None
    again = "attempt under way after a resolved handoff"
    crisis = crisis_of(tracker)
    if crisis.get("attempt") and crisis.get("turn_flag", crisis.get("flag")):
        return again
    text = tracker.latest_message.get("text") or ""
    kinds = {kind for kind, _ in handoff_answers.answered(text, (), "en", kinds=(*UNDER_WAY, "place"))}
    plain = folded(text).replace("'", " ").replace("’", " ")
    if kinds & set(UNDER_WAY) or ("place" in kinds and HERE_NOW.search(plain)):
        return again
    if not tracker.get_slot("handoff_asked") and not is_question(text) and (crisis.get("level") or "none") != "none" \
            and handoff_answers.answered(text, (), "en", at_risk=False, kinds=AT_HAND):  # the screen reads risk in it
        return "means at hand again after a resolved crisis handoff"  # "I still have the gun" (eleventh reading, H3)
    return None


async def escalate_again(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                         why: str) -> List[EventType]:
    """A new handoff marked with ``why`` (:func:`under_way_again`'s reason): an attempt under way after one was
    resolved, or means at hand after an attempt told."""
    return await escalate(dispatcher, tracker, domain, crisis_reason(tracker, why), means_line=True)


class ActionEscalateCrisis(Action):
    def name(self) -> Text:
        return "action_escalate_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if (why := under_way_again(tracker)):  # marked as an attempt for the team (eighth reading, H2)
            return await escalate_again(dispatcher, tracker, domain, why)
        return await escalate(dispatcher, tracker, domain, crisis_reason(tracker))


class ActionHandoffPresent(Action):
    """Every message during a handoff: heard and answered, and, when due, who is coming and how to
    get help now (handoff_presence.py).

    The handoff is opened again when the first request could not reach the service; a handoff
    the supervisor resolved while Rasa could not be told resumes the bot now."""

    def name(self) -> Text:
        return "action_handoff_present"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        say = Say(dispatcher, tracker)
        events: List[EventType] = []
        status, mine = await handoff_status(tracker), tracker.get_slot("handoff_id")
        if status is not None and mine is not None and status.get("id") == int(mine) \
                and status.get("status") == "resolved" and not crisis_of(tracker).get("flag"):
            return await ActionHandoffResolved().run(dispatcher, tracker, domain)
        at_risk = (crisis_of(tracker).get("level") or "none") != "none"
        if await withdrawn(say, tracker, at_risk):  # "never mind, im ok now" after asking for a person
            await report(tracker, tracker.latest_message.get("text"), say.said)
            return [SlotSet("handoff_active", False), SlotSet("handoff_id", None), SlotSet("handoff_asked", False)]
        none_open = False  # no handoff exists and none could be opened: nobody was asked (ninth reading, H6)
        if mine is None or status is None or status.get("status") == "resolved":
            opened = await open_handoff(tracker, crisis_reason(tracker, "handoff requested again"))
            if opened is not None:
                status = await handoff_status(tracker)
                events.append(SlotSet("handoff_id", float(opened["id"])))
            none_open = opened is None and mine is None
        # once a person from the team has claimed it, they answer: the bot says only that the
        # message reaches them, and what safety cannot wait for (means, a place, a goodbye); once they
        # have written, not even that: only an attempt under way, new means or a place (ninth reading, M11)
        claimed = bool(status) and status.get("status") == "claimed"
        text, earlier = tracker.latest_message.get("text") or "", earlier_messages(tracker, 10)
        if COMMAND.match(text) and not at_risk:  # "session_start" typed: the conversation with the team stays open
            await still_with_the_team(say, tracker)
            return events
        if not claimed and (tracker.latest_message.get("intent") or {}).get("name") == "bot_challenge" \
                and ABOUT_THE_BOT.search(text.lower()):
            say(least_recent(bank.answers(say.lang)["bot_in_handoff"], say.recent))  # "are you a real person?"
        situation, still_open = reported_situation(tracker), situation_open(tracker)
        if situation in ACUTE:  # abuse, a friend at risk, an emergency: its answer, not only "I'm here"
            say(situation_line(situation, say, tracker, after=situation == still_open))
        elif still_open and not claimed and not moved_on(still_open, tracker):  # "what do i do now?" after someone else's emergency: its next line (never to a story: eighth reading, M2)
            say(situation_line(still_open, say, tracker, after=True))
        if at_risk:  # a handoff the person asked for is a crisis one now: the delayed notice gives every line
            events.append(SlotSet("handoff_asked", False))
        # a yes to the bot's "have you taken any?" is medicine taken, not a yes to what the person from the team asked
        # since ("are the pills near you?": ninth reading, M11)
        asked_taken = not team_spoke_last(tracker) and handoff_answers.asked_if_taken(bot_lines(tracker, 1), say.lang)
        leave_out = kinds_left_out(tracker, at_risk, situation or still_open, text)
        with_them = claimed and team_wrote(tracker)  # they are talking with the person: only what safety needs (M11)
        answers = handoff_answers.answered(text, say.recent, say.lang, earlier[-5:], at_risk,
                                           handoff_answers.WITH_THE_TEAM if with_them else
                                           handoff_answers.SAFETY_KINDS if claimed else None, asked_taken, leave_out)
        if with_them:  # means already told are theirs to ask about; an attempt under way, new means or a place are not
            answers = [(kind, line) for kind, line in answers if not handoff_answers.told_before(kind, text, earlier)]
        for _, line in answers:
            say(line)  # means at hand, a person to reach, a question: answered, not only acknowledged
        if not claimed and not answers and handoff_answers.confirms_farewell(text, earlier[-1:]):  # eleventh reading, M10
            say(least_recent(bank.answers(say.lang)["farewell_confirmed"], say.recent))
            answers = [("farewell", say.said[-1])]  # a goodbye letter confirmed: the numbers come with it
        crisis_one = not tracker.get_slot("handoff_asked") or at_risk
        earnest = not claimed and crisis_one and not say.said and screener.earnest(text)
        if earnest:  # "no, en serio, lo digo en serio": the risk said before confirmed, the numbers now (tenth reading, M3)
            say(least_recent(bank.answers(say.lang)["handoff_earnest"], say.recent))
        elif not say.said and not claimed and crisis_one and laughed(tracker, text):  # "lol only on mondays" (M3)
            say(least_recent(bank.answers(say.lang)["handoff_joke"], say.recent))
        if not say.said and not claimed:  # nothing else answered it: a reflection or an acknowledgement that fits
            say(heard(say, tracker, domain))
        kinds, silent = [kind for kind, _ in answers], claimer_silent(tracker, status)
        told_silence = silent and tell_silence(say, tracker, kinds)  # nobody has written since the claim (twelfth, H5)
        if none_open:  # never "I've asked a person from our team to join" when no handoff could open
            say.response(domain, "utter_handoff_failed")
        elif told_silence:  # the truth, never "has joined and will answer you here" again
            say_silence(say, kinds, earlier)
        elif not silent and waiting_due(tracker, domain, say.lang, kinds, claimed):
            say(waiting_line(status, domain, say.recent, say.lang, told_not_to_wait(tracker, domain, say.lang)))
        elif silent and not say.said:
            say(heard(say, tracker, domain))
        if earnest or told_silence or numbers_due(say, tracker, kinds, claimed, silent):  # tenth reading, M5
            say(how_to_get_help(say, tracker))
        if with_them and not say.said:  # left to the person from the team: no words of the bot's, yet no silence for the
            dispatcher.utter_message(json_message=WITH_THE_TEAM)  # channel, whose safety net answers a turn at risk left unanswered
        await report(tracker, tracker.latest_message.get("text"), say.said)
        if set(kinds) & set(URGENT_KINDS):  # the team told the risk went up: an attempt about to happen or under way
            await report(tracker, None, [urgent_notice(kinds)], kind="alert")  # (tenth reading, H3; twelfth, H2, M2)
        elif (step := handoff_steps.step_notice(kinds, text, earlier)):  # a time, means counted, a letter: the team sees
            await report(tracker, None, [step], kind="alert")  # it (thirteenth reading, M8)
        notice = alert_due(tracker, status, told_silence, say.lang)  # claimed, nobody has written (twelfth, H5)
        if notice:
            await report(tracker, None, [notice], kind="alert")
        return events


URGENT_NOTICE = "URGENT: the person says an attempt is about to happen (a jump, a train, a time after a means). Please join now."
"""What the team's thread is told when the person says an act is coming while waiting (tenth reading, H3): the handoff
service has no priority to raise, so the notice says it."""
TAKEN_NOTICE = "URGENT: the person says they have already taken something or an attempt is under way. Please join now."
"""The thread's notice for medicine taken or an attempt under way (eleventh reading, H4: "I took a few already")."""


def urgent_notice(kinds: Sequence[str]) -> str:
    """The thread's notice for handoff answers of ``URGENT_KINDS``: medicine taken or an attempt under way first."""
    return TAKEN_NOTICE if set(kinds) & {"taken", "attempt"} else URGENT_NOTICE


def laughed(tracker: Tracker, text: str) -> bool:
    """A laugh in the message ("lol only on mondays"): its crisis reading guarded as a joke, or a laugh in its words."""
    return "joke" in (crisis_of(tracker).get("guards") or []) or screener.laughed_only(text)


class ActionHandoffResolved(Action):
    """The supervisor resolved the handoff: the bot resumes with a gentle check-in. Only when the
    service says this conversation's handoff is resolved: the intent alone ends nothing. What the
    person is told follows what happened: when nobody from the team wrote to them, that nobody could
    join (seventh reading, M9: "The person from our team has finished their part" after a resolve
    with a note and not a word to the person), or, once a person from the team had claimed it
    (:func:`claimed_before_resolve`), that they looked at the conversation and closed it without writing here
    (eleventh reading, H3: "nobody from our team could join this chat" after a claim and the note "called emergency
    services per protocol"), with how to get help now after a crisis handoff; slot ``handoff_joined`` (wrote or
    claimed) keeps it for a return later (still_here.py)."""

    def name(self) -> Text:
        return "action_handoff_resolved"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not tracker.get_slot("handoff_active"):
            return []
        status, mine = await handoff_status(tracker), tracker.get_slot("handoff_id")
        if not handoff.is_resolved(status, mine):
            logger.warning("handoff_resolved for %s, whose handoff is %s: ignored", tracker.sender_id,
                           status and status.get("status"))
            return []
        say, wrote, claimed = Say(dispatcher, tracker), team_wrote(tracker), claimed_before_resolve(tracker, status)
        if wrote:
            say.response(domain, "utter_handoff_resolved")
        else:  # claimed and acted without a word here (a note: "called emergency services"), or nobody could join
            notice = least_recent(bank.answers(say.lang)["handoff_resolved_claimed" if claimed else "handoff_resolved_unjoined"],
                                  say.recent)
            say(notice if tracker.get_slot("handoff_asked") else f"{notice} {say.help_now.short(say.lang)}")
        await report(tracker, None, say.said, kind="notice")
        return [SlotSet("handoff_active", False), SlotSet("handoff_id", None), *clear_screen(tracker),
                SlotSet("handoff_resolved_at", float(user_turns(tracker))), SlotSet("handoff_joined", wrote or bool(claimed))]


class ActionHandoffWaiting(Action):
    """Nobody claimed the handoff in time: say so, and what to do now; nothing once the service says the
    handoff is no longer open (withdrawn by the person, claimed or resolved since: seventh reading, M9,
    "nobody from our team is free yet" after "laat maar ... ik red me wel" was answered)."""

    def name(self) -> Text:
        return "action_handoff_waiting"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not tracker.get_slot("handoff_active"):
            return []
        status, mine = await handoff_status(tracker), tracker.get_slot("handoff_id")
        if status is not None and (status.get("status") != "open" or (mine is not None and status.get("id") != int(mine))):
            return []
        say = Say(dispatcher, tracker)
        if tracker.get_slot("handoff_asked"):  # asked for a person, and no message since was at risk (ActionHandoffPresent)
            say(least_recent(bank.answers(say.lang)["person_delayed"], say.recent))
            await report(tracker, None, say.said, kind="notice")
            return []
        say.response(domain, "utter_handoff_delayed")
        say(say.help_now.full(say.lang))
        await report(tracker, None, say.said, kind="notice")
        return []
