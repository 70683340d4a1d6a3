"""The support bot's custom actions: crisis flow, the bot's presence during a handoff, and
supportive-listening replies.

Which action runs is decided by the bot's policies (config.yml): EmotionRulesPolicy rules on
the emotion service's crisis screening (``derived.crisis``) and the slots set here, then the
emotion-driven strategy rules, then Rasa's RulePolicy. In order of priority:

=========================  ===========================================================
``action_handoff_present``  a handoff to a human is active: every message gets an answer
                            (acknowledgement, how to get help now, the waiting time), and
                            both reach the supervisor's live thread
``action_escalate_crisis``  clear, high risk (``derived.crisis.flag``): resources, a
                            handoff to a human (``POST /v1/sessions/{id}/handoffs``)
``action_crisis_screen``    possible risk (``derived.crisis.level == "possible"``), and each
                            answer while the screen runs: the C-SSRS questions (screener.py)
``action_support_<strategy>``  question, restatement, reflection, affirmation, suggestion,
                            information: a line from the response bank (listening.py)
``action_tool_<name>``      breathing, grounding, checkin (asked for by the person)
=========================  ===========================================================

A supervisor ends a handoff from the dashboard, which triggers the intent ``handoff_resolved``
(``action_handoff_resolved``: the bot resumes with a check-in); an unclaimed handoff past its
time triggers ``handoff_waiting`` (``action_handoff_waiting``: what to do now). The person
cannot end a handoff (``/restart`` and a new session keep it).
"""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from connectors import contract, handoff
from connectors.contract import emotion_of
from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, FollowupAction, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import checkin, listening, screener
from actions.language import language_of, least_recent, translated, warm_up
from actions.resources import resources_for

logger = logging.getLogger(__name__)
warm_up()  # the language models load when the action server starts (~4 s), not on a person's first message

BOT = "support"
SCREEN_SLOTS = ("screening_question", "screening_answers", "screening_retry")
RESCREEN_AFTER_TURNS = int(os.environ.get("EMOBOT_RESCREEN_AFTER_TURNS", "10"))
"""After a completed screen, only a message with explicit warning-sign language starts another
within this many of the person's turns: the person has just answered the questions."""


# --- what the actions share ---------------------------------------------------------------

def crisis_of(tracker: Tracker) -> Dict[str, Any]:
    """The latest message's ``derived.crisis`` ({} when it carries none)."""
    return contract.crisis_of(emotion_of(tracker.latest_message.get("metadata")))


def crisis_reason(tracker: Tracker, extra: str = "") -> str:
    """A short reason for the supervisor from the latest message's crisis screening."""
    emotion = emotion_of(tracker.latest_message.get("metadata"))
    crisis = crisis_of(tracker)
    matched = ", ".join(crisis.get("matched") or []) or "none"
    conversation = crisis.get("conversation") or {}
    reason = (f"crisis risk {float(crisis.get('risk') or 0.0):.2f}, level {crisis.get('level') or 'unknown'}, "
              f"category {crisis.get('category') or 'unknown'}, conversation risk "
              f"{float(conversation.get('risk') or 0.0):.2f} (risk language: {matched}; "
              f"screened by {crisis.get('source') or 'service'}{', replayed turn' if emotion.get('replayed') else ''})")
    return f"{extra}; {reason}" if extra else reason


def locale_of(tracker: Tracker) -> Optional[str]:
    metadata = tracker.latest_message.get("metadata") or {}
    locale = metadata.get("locale")
    return str(locale) if isinstance(locale, str) and len(locale) <= 35 else None


def bot_lines(tracker: Tracker, turns: int = listening.NO_REPEAT) -> List[str]:
    """What the bot said in the person's last ``turns`` turns, oldest first."""
    lines: List[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            turns -= 1
            if turns < 0:
                break
        elif event.get("event") == "bot":
            lines.append(event.get("text") or "")
    return lines[::-1]


def user_turns(tracker: Tracker) -> int:
    return sum(1 for e in tracker.events if e.get("event") == "user")


def language(tracker: Tracker) -> str:
    """The language the person writes in (actions/language.py), from their latest messages."""
    said = [e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "user"]
    return language_of([tracker.latest_message.get("text") or "", *said], locale_of(tracker))


def response(domain: Dict[Text, Any], name: str, recent: Sequence[str] = (), lang: str = "en", **values: Any) -> str:
    """The variant of the response ``name`` said least recently in ``recent`` (the bot's lines
    of the last turns, oldest first; one not said there comes first), with ``values``; in
    ``lang`` where i18n/<lang>.yml has it, else the domain's."""
    variants = ((translated(lang) or {}).get("responses") or {}).get(name) \
        or [v["text"] for v in domain["responses"][name] if v.get("text")]
    return least_recent([v.format(**values) for v in variants], recent)


class Say:
    """Collects what an action says, so the same lines go to the person and to the thread."""

    def __init__(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        self.dispatcher, self.said, self.recent = dispatcher, [], bot_lines(tracker)
        self.lang = language(tracker)
        self.help_now = resources_for(locale_of(tracker) or self.lang)

    def response(self, domain: Dict[Text, Any], name: str, **values: Any) -> str:
        """Say the response ``name`` in the person's language (see :func:`response`)."""
        return self(response(domain, name, self.recent, self.lang, **values))

    def __call__(self, text: str) -> str:
        self.dispatcher.utter_message(text=text)
        self.said.append(text)
        self.recent.append(text)
        return text


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


def waiting_line(status: Optional[Dict[str, Any]], domain: Dict[Text, Any], recent: Sequence[str],
                 lang: str = "en") -> str:
    """Who is coming and, when known, how long it usually takes."""
    if status and status.get("status") == "claimed":
        return response(domain, "utter_handoff_claimed", recent, lang)
    expected = (status or {}).get("expected_wait_s")
    if expected:
        return response(domain, "utter_handoff_waiting_time", recent, lang, minutes=max(1, round(expected / 60)))
    return response(domain, "utter_handoff_joining", recent, lang)


def clear_screen(tracker: Tracker, answered: bool = True) -> List[EventType]:
    """End the screen. After one the person answered, remember when: for a while only explicit
    warning-sign language starts another (:func:`recently_screened`)."""
    return [SlotSet(name, None) for name in SCREEN_SLOTS] + \
        ([SlotSet("screened_at_turn", float(user_turns(tracker)))] if answered else [])


def recently_screened(tracker: Tracker) -> bool:
    """The person answered a screen in the last RESCREEN_AFTER_TURNS turns and this message
    states no warning-sign language itself."""
    done = tracker.get_slot("screened_at_turn")
    explicit = bool(crisis_of(tracker).get("explicit"))
    return done is not None and user_turns(tracker) - done <= RESCREEN_AFTER_TURNS and not explicit


def answer_of(tracker: Tracker) -> str:
    """The screener answer in the latest message; an answer that is neither yes nor no but is
    itself high risk (flagged) or states warning-sign language counts as yes ("i just want it
    all to end")."""
    answer = screener.read_answer(tracker.latest_message.get("text") or "")
    crisis = crisis_of(tracker)
    if answer == "unclear" and (crisis.get("flag") or crisis.get("explicit")):
        return "yes"
    return answer


async def escalate(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                   reason: str) -> List[EventType]:
    """Resources, a handoff to a human, and the bot stays: shared by a flagged message and a
    screen whose answers call for a human."""
    say = Say(dispatcher, tracker)
    say.response(domain, "utter_crisis_concern")
    say(say.help_now.full(say.lang))
    handoff = await open_handoff(tracker, reason)
    if handoff is None:
        say.response(domain, "utter_handoff_failed")
    else:
        say(waiting_line(await handoff_status(tracker), domain, say.recent, say.lang))
        await report(tracker, tracker.latest_message.get("text"), say.said)
    return [SlotSet("handoff_active", True), SlotSet("handoff_id", float(handoff["id"]) if handoff else None),
            *clear_screen(tracker)]


# --- crisis ---------------------------------------------------------------------------------

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
        if mine is None or status is None or status.get("status") == "resolved":
            opened = await open_handoff(tracker, crisis_reason(tracker, "handoff requested again"))
            if opened is not None:
                status = await handoff_status(tracker)
                events.append(SlotSet("handoff_id", float(opened["id"])))
        say.response(domain, "utter_handoff_ack")
        for line in listening.handoff_lines(tracker.latest_message.get("text") or "", say.recent):
            say(line)  # means at hand, a person to reach, a question: answered, not only acknowledged
        say(waiting_line(status, domain, say.recent, say.lang))
        say(say.help_now.full(say.lang) if crisis_of(tracker).get("level") in ("high", "possible")
            else say.help_now.short(say.lang))
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
        return [SlotSet("handoff_active", False), SlotSet("handoff_id", None), *clear_screen(tracker)]


class ActionHandoffWaiting(Action):
    """Nobody claimed the handoff in time: say so, and what to do now."""

    def name(self) -> Text:
        return "action_handoff_waiting"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not tracker.get_slot("handoff_active"):
            return []
        say = Say(dispatcher, tracker)
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
        if not current and recently_screened(tracker):  # the risk is the conversation's, already asked about
            return await ActionSupportQuestion().run(dispatcher, tracker, domain)
        if not current:  # a message with possible risk: start the screen
            say(questions[1].ask)
            return [SlotSet("screening_question", 1), SlotSet("screening_answers", []),
                    SlotSet("screening_retry", False)]
        question = int(current)
        answer = answer_of(tracker)
        if answer == "unclear":
            if not tracker.get_slot("screening_retry"):
                say(questions[question].again)
                return [SlotSet("screening_retry", True)]
            say.response(domain, "utter_screen_skipped")
            say(say.help_now.short(say.lang))
            return clear_screen(tracker, answered=False)
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


# --- supportive listening -------------------------------------------------------------------

class SupportReply(Action):
    """A line of one supporter strategy from the response bank (listening.py)."""

    strategy = "question"

    def name(self) -> Text:
        return f"action_support_{self.strategy}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        emotion = emotion_of(tracker.latest_message.get("metadata"))
        reading = emotion.get("state") or emotion.get("turn") or {}
        line = listening.compose(self.strategy, tracker.latest_message.get("text") or "", reading.get("label"),
                                 bot_lines(tracker), turn=user_turns(tracker), lang=language(tracker))
        dispatcher.utter_message(text=line)
        return [SlotSet("last_strategy", self.strategy)]


class ActionSupportQuestion(SupportReply):
    strategy = "question"


class ActionSupportRestatement(SupportReply):
    strategy = "restatement"


class ActionSupportReflection(SupportReply):
    strategy = "reflection"


class ActionSupportAffirmation(SupportReply):
    strategy = "affirmation"


class ActionSupportSuggestion(SupportReply):
    strategy = "suggestion"


class ActionSupportInformation(SupportReply):
    strategy = "information"


class FreshResponse(Action):
    """A domain response, its variant said least recently (Rasa's own choice is random and
    may repeat the last line)."""

    response_name = "utter_greet"

    def name(self) -> Text:
        return "action_" + self.response_name[len("utter_"):]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=response(domain, self.response_name, bot_lines(tracker), language(tracker)))
        return []


class ActionGreet(FreshResponse):
    response_name = "utter_greet"


class ActionYouAreWelcome(FreshResponse):
    response_name = "utter_you_are_welcome"


class ActionGoodbye(FreshResponse):
    response_name = "utter_goodbye"


class ActionSupportAtRisk(Action):
    """A greeting, thanks or goodbye in a conversation with crisis risk: never small talk. A
    goodbye or thanks gets a warm close with how to get help; a greeting an open question."""

    def name(self) -> Text:
        return "action_support_at_risk"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "greet":
            return await ActionSupportQuestion().run(dispatcher, tracker, domain)
        say = Say(dispatcher, tracker)
        say.response(domain, "utter_leaving_at_risk")
        say(say.help_now.short(say.lang))
        return [SlotSet("last_strategy", "information")]


class Tool(Action):
    """A tool the person asked for: a short sequence of messages. It runs when the person names
    it, or when the NLU is at least ``SURE`` of the ask and the tool did not run in the last
    turns; otherwise the NLU guessed (e.g. "explain it like im 5" read as 5-4-3-2-1) and the
    bot listens instead (a restatement)."""

    tool = "breathing"
    SURE = 0.9

    def name(self) -> Text:
        return f"action_tool_{self.tool}"

    def asked(self, tracker: Tracker, lines: List[str]) -> bool:
        """Whether the person asked for this tool (``lines``: the tool's lines in their language)."""
        text = tracker.latest_message.get("text") or ""
        confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
        just_ran = lines[0] in bot_lines(tracker)
        return listening.names_tool(self.tool, text) or (confidence >= self.SURE and not just_ran)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lines = listening.tool(self.tool, language(tracker))
        if not self.asked(tracker, lines):
            return await ActionSupportRestatement().run(dispatcher, tracker, domain)
        for line in lines:
            dispatcher.utter_message(text=line)
        return [SlotSet("last_strategy", "tool")] + ([SlotSet("awaiting_checkin", True)] if self.tool == "checkin" else [])


class ActionToolBreathing(Tool):
    tool = "breathing"


class ActionToolGrounding(Tool):
    tool = "grounding"


class ActionToolCheckin(Tool):
    tool = "checkin"


class ActionCheckinAnswer(Action):
    """The person's answer to the mood check-in: a number from 0 to 10 (a digit or a number word),
    compared with the last, in their language (actions/checkin.py)."""

    def name(self) -> Text:
        return "action_checkin_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lang = language(tracker)
        score = checkin.score_of(tracker.latest_message.get("text") or "", lang)
        line = checkin.reply(score, tracker.get_slot("mood_score"), lang)
        if score is None:
            dispatcher.utter_message(text=line)
            return [SlotSet("awaiting_checkin", False)]
        if score <= 2:
            line += " " + resources_for(locale_of(tracker)).short(lang)
        dispatcher.utter_message(text=line)
        return [SlotSet("awaiting_checkin", False), SlotSet("mood_score", float(score))]


# --- the conversation's lifecycle -----------------------------------------------------------

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
