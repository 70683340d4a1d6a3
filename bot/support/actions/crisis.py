"""The crisis flow: a handoff to a human (resources, the bot stays present, the supervisor's
resolve resumes it), the C-SSRS screen, and the conversation's lifecycle around a handoff
(``/restart`` and a new session keep it)."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from connectors import handoff
from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, FollowupAction, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank, direct_ask, handoff_answers, screener
from actions.language import least_recent
from actions.conversation import (ABOUT_THE_BOT, Say, answer_of, bot_lines, clear_screen, crisis_of, crisis_reason,
                                  earlier_messages, recently_screened, user_turns)
from actions.handoff_presence import how_to_get_help, kinds_left_out, told_not_to_wait, urgent, waiting_line, withdrawn
from actions.replies import ActionSupportQuestion, requested_tool
from actions.situation_replies import reported_situation, situation_line, situation_open
from policies.situations import ACUTE

logger = logging.getLogger(__name__)

BOT = "support"


async def report(tracker: Tracker, person: Optional[str], said: Sequence[str], kind: str = "bot") -> None:
    """Append the person's message and the bot's lines to the handoff's live thread."""
    person = None if person and person.startswith("/") else person  # an intent the channel sent, not words
    await handoff.add_to_thread(tracker.sender_id, ([("person", person)] if person else [])
                                + [(kind, line) for line in said])


async def open_handoff(tracker: Tracker, reason: str) -> Optional[Dict[str, Any]]:
    """Open (or find) the session's handoff; None when the service could not be reached."""
    user_id = (tracker.latest_message.get("metadata") or {}).get("user_id")
    return await handoff.request_handoff(tracker.sender_id, reason, bot=BOT, user_id=str(user_id) if user_id else None)


async def handoff_status(tracker: Tracker) -> Optional[Dict[str, Any]]:
    return await handoff.handoff_status(tracker.sender_id)


async def escalate(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                   reason: str) -> List[EventType]:
    """Resources, a handoff to a human, and the bot stays: shared by a flagged message and a
    screen whose answers call for a human."""
    say = Say(dispatcher, tracker)
    say.response(domain, "utter_crisis_concern")
    say(say.help_now.full(say.lang))
    for line in handoff_answers.handoff_lines(tracker.latest_message.get("text") or "", say.recent, say.lang):
        say(line)  # means at hand or a place named in the same message: safety first, before the wait
    handoff = await open_handoff(tracker, reason)
    if handoff is None:
        say.response(domain, "utter_handoff_failed")
    else:
        say(waiting_line(await handoff_status(tracker), domain, say.recent, say.lang))
        await report(tracker, tracker.latest_message.get("text"), say.said)
    return [SlotSet("handoff_active", True), SlotSet("handoff_asked", False),
            SlotSet("handoff_id", float(handoff["id"]) if handoff else None),
            *clear_screen(tracker)]


class ActionEscalateCrisis(Action):
    def name(self) -> Text:
        return "action_escalate_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return await escalate(dispatcher, tracker, domain, crisis_reason(tracker))


class ActionHandoffPresent(Action):
    """Every message during a handoff: acknowledge, how to get help now, who is coming.

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
        if mine is None or status is None or status.get("status") == "resolved":
            opened = await open_handoff(tracker, crisis_reason(tracker, "handoff requested again"))
            if opened is not None:
                status = await handoff_status(tracker)
                events.append(SlotSet("handoff_id", float(opened["id"])))
        # once a person from the team has claimed it, they answer: the bot says only that the
        # message reaches them, and what safety cannot wait for (means, a place, a goodbye)
        claimed = bool(status) and status.get("status") == "claimed"
        if not claimed and (tracker.latest_message.get("intent") or {}).get("name") == "bot_challenge" \
                and ABOUT_THE_BOT.search((tracker.latest_message.get("text") or "").lower()):
            say(least_recent(bank.answers(say.lang)["bot_in_handoff"], say.recent))  # "are you a real person?"
        elif not claimed:
            say.response(domain, "utter_handoff_ack")
        situation, still_open = reported_situation(tracker), situation_open(tracker)
        if situation in ACUTE:  # abuse, a friend at risk, an emergency: its answer, not only "I'm here"
            say(situation_line(situation, say, tracker, after=situation == still_open))
        elif still_open and not claimed:  # "what do i do now?" after someone else's emergency: its next line
            say(situation_line(still_open, say, tracker, after=True))
        text, earlier = tracker.latest_message.get("text") or "", earlier_messages(tracker, 10)
        if at_risk:  # a handoff the person asked for is a crisis one now: the delayed notice gives every line
            events.append(SlotSet("handoff_asked", False))
        asked_taken = handoff_answers.asked_if_taken(bot_lines(tracker, 1), say.lang)
        leave_out = kinds_left_out(tracker, at_risk, situation or still_open)
        for line in handoff_answers.handoff_lines(text, say.recent, say.lang, earlier[-5:], at_risk,
                                                  handoff_answers.SAFETY_KINDS if claimed else None, asked_taken, leave_out):
            say(line)  # means at hand, a person to reach, a question: answered, not only acknowledged
        say(waiting_line(status, domain, say.recent, say.lang, told_not_to_wait(tracker, domain, say.lang)))
        if urgent(tracker) or handoff_answers.asks_who_to_call(text) \
                or not (claimed or handoff_answers.no_more_numbers(text, earlier)):
            say(how_to_get_help(say, tracker))
        await report(tracker, tracker.latest_message.get("text"), say.said)
        return events


class ActionHandoffResolved(Action):
    """The supervisor resolved the handoff: the bot resumes with a gentle check-in. Only when the
    service says this conversation's handoff is resolved: the intent alone ends nothing."""

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
        say = Say(dispatcher, tracker)
        say.response(domain, "utter_handoff_resolved")
        await report(tracker, None, say.said, kind="notice")
        return [SlotSet("handoff_active", False), SlotSet("handoff_id", None), *clear_screen(tracker),
                SlotSet("handoff_resolved_at", float(user_turns(tracker)))]


class ActionHandoffWaiting(Action):
    """Nobody claimed the handoff in time: say so, and what to do now."""

    def name(self) -> Text:
        return "action_handoff_waiting"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not tracker.get_slot("handoff_active"):
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


class ActionCrisisScreen(Action):
    """The C-SSRS screen, one question per turn (see screener.py for the branching)."""

    def name(self) -> Text:
        return "action_crisis_screen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        say = Say(dispatcher, tracker)
        questions = screener.questions(say.lang)
        current = tracker.get_slot("screening_question")
        resumable = tracker.get_slot("screen_resumable")
        if not current and resumable:  # the turn after a screen let pass: a late yes or no answers it
            late = screener.read_answer(tracker.latest_message.get("text") or "")
            # after a joke or "never mind" only a yes takes it up again ("ok seriously, sometimes yeah": fourth reading, H5)
            if late != "yes" and (late != "no" or tracker.get_slot("screen_dismissed")):
                return [*await ActionSupportQuestion().run(dispatcher, tracker, domain), SlotSet("screen_resumable", None)]
            current = resumable
        if not current and recently_screened(tracker):  # already asked about: listen, not the same questions again
            events = await ActionSupportQuestion().run(dispatcher, tracker, domain)
            crisis = crisis_of(tracker)
            if crisis.get("turn_flag", crisis.get("flag")):  # high risk read in this message: how to get help now
                say(say.help_now.short(say.lang))
            return events
        if not current:  # a message with possible risk: start the screen (a loss named first is acknowledged)
            if direct_ask.grieving(tracker.latest_message.get("text") or "", earlier_messages(tracker, 3), say.lang):
                say(least_recent(bank.answers(say.lang)["grief_before_screen"], say.recent))
            say(questions[1].ask)
            return [SlotSet("screening_question", 1), SlotSet("screening_answers", []),
                    SlotSet("screening_retry", False)]
        question = int(current)
        answer = answer_of(tracker)
        tool = requested_tool(tracker) if answer == "unclear" else None
        if tool is not None:  # "can we do the grounding thing": what the person asks for comes first
            events = await tool.run(dispatcher, tracker, domain)
            say(say.help_now.short(say.lang))
            return [*events, *clear_screen(tracker, answered=False)]
        if question == 1 and answer != "yes" and screener.clarifies(tracker.latest_message.get("text") or ""):
            # the words that started the screen were not meant that way ("i mean done with the job, not like
            # that"): thanked, and listened to (fourth reading, H9); to a later question a no is a no
            say(least_recent(bank.answers(say.lang)["screen_clarified"], say.recent))
            return [*await ActionSupportQuestion().run(dispatcher, tracker, domain), *clear_screen(tracker)]
        if answer == "unclear" and reported_situation(tracker) == "asks_helpline":  # "who can i call?" mid-screen
            say(say.help_now.where(say.lang))
            say(questions[question].again)
            return [SlotSet("screening_retry", True)]
        about = screener.asks(tracker.latest_message.get("text") or "") if answer in ("unclear", "dismiss") else None
        if about == "why" and not tracker.get_slot("screening_retry"):  # answered, then asked again (third reading, M8)
            say.response(domain, "utter_screen_why")
            say(questions[question].again)
            return [SlotSet("screening_retry", True)]
        if about == "again":  # "what was the question?": the question again, not a refusal (M9)
            say(questions[question].ask)
            return []
        if answer == "dismiss":  # "nvm, ignore that": taken back, not answered no; a yes next turn takes it up
            say.response(domain, "utter_screen_skipped")
            say(say.help_now.short(say.lang))
            return [*clear_screen(tracker, answered=False), SlotSet("screen_resumable", float(question)),
                    SlotSet("screen_dismissed", True)]
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if answer == "unclear" and intent in ("goodbye", "thank"):  # "thx ttyl": a warm close, not the next question
            say.response(domain, "utter_leaving_at_risk")
            say(say.help_now.short(say.lang))
            return clear_screen(tracker, answered=False)
        if answer == "unclear" and intent == "bot_challenge":  # "are you a real person?": answered, then asked again
            say.response(domain, "utter_iamabot")
            say(questions[question].again)
            return [SlotSet("screening_retry", True)]
        if answer == "unclear":
            if not tracker.get_slot("screening_retry"):
                say(questions[question].again)
                return [SlotSet("screening_retry", True)]
            say.response(domain, "utter_screen_skipped")
            say(say.help_now.short(say.lang))
            return [*clear_screen(tracker, answered=False), SlotSet("screen_resumable", float(question))]
        answers: List[Tuple[int, str]] = [tuple(a) for a in tracker.get_slot("screening_answers") or []]
        answers.append((question, answer))
        step = screener.next_step(question, answer, answers)
        if step.outcome == "ask":
            say(questions[step.question].ask)
            return [SlotSet("screening_question", step.question),
                    SlotSet("screening_answers", [list(a) for a in answers]), SlotSet("screening_retry", False)]
        if step.outcome == "escalate":
            yes = ", ".join(str(q) for q, a in answers if a == "yes")
            return await escalate(dispatcher, tracker, domain,
                                  f"C-SSRS screen: yes to question(s) {yes} ({screener.risk_of(answers)} risk)")
        if step.outcome == "low":
            say.response(domain, "utter_screen_low")
            say(say.help_now.short(say.lang))
        else:
            say.response(domain, "utter_screen_clear")
        return clear_screen(tracker)


class ActionRestart(Action):
    """``/restart``, except during a handoff, which only a human ends."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot("handoff_active"):
            # then listen: no policy has a rule for what follows action_restart
            return [*await ActionHandoffPresent().run(dispatcher, tracker, domain), FollowupAction("action_listen")]
        return [Restarted()]


class ActionSessionStart(Action):
    """Rasa's session start, carrying the slots over (a handoff or a running screen stays). A
    conversation Rasa does not remember (a restart with an in-memory tracker store, another
    replica's lost state) whose handoff the service holds open is back in the handoff."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events: List[EventType] = [SessionStarted()]
        slots = {key: value for key, value in tracker.current_slot_values().items() if value is not None}
        if not slots.get("handoff_active"):
            status = await handoff_status(tracker)
            if status and status.get("status") in ("open", "claimed"):
                slots.update(handoff_active=True, handoff_id=float(status["id"]))
        events += [SlotSet(key, value) for key, value in slots.items()]
        events.append(ActionExecuted("action_listen"))
        return events
