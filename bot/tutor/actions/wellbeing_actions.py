"""The tutor's actions for a student's wellbeing (see wellbeing.py): the crisis response with a person
from the team alerted, the check-in and the kind replies that pause the lesson, and what the
dashboard's handoff intents say (resolved by the person from the team; nobody joined in time), in
the student's language (a notice the dashboard triggers too: it reads the student's earlier messages).
What the team is told (the alert's reason) stays English."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

from connectors import handoff
from connectors.contract import crisis_of, emotion_of
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from . import death_wish, means, silent_claim, wellbeing
from .actions import TutorMove
from .curriculum import load_curriculum
from .help_lines import locale_of, response_text, with_help
from .learner import Learner
from .lines import response, say
from .messages import asks_to_go_on, is_answer, says_start
from .pedagogy import load_pedagogy, observe
from .student_language import language
from .team_thread import copied_to_the_team, remember_handoff

logger = logging.getLogger(__name__)

BOT = "tutor"
MARKED = {"correct": "marked_correct", "wrong": "marked_wrong"}
"""An answer given with a check-in pending is still marked, in a few words (lines.yml)."""


async def alert(tracker: Tracker, reason: str, safeguarding: bool = False) -> List[Dict[Text, Any]]:
    """A handoff in the dashboard's queue: a person from the team reads the conversation and may write.
    ``safeguarding``: a child's abuse, harm at home or self-harm, sent as the handoff's kind, so the
    queue ranks it with the high-risk handoffs and says why (eighth reading, M11: "hurt or unsafe at
    home" showed "none 0.30" and sorted below every adult). Returns the slot event that remembers the
    handoff (team_thread.remember_handoff: the child's next messages go to its live thread), [] when none opened."""
    user_id = (tracker.latest_message.get("metadata") or {}).get("user_id")
    kind = {"kind": handoff.SAFEGUARDING} if safeguarding else {}
    opened = await handoff.request_handoff(tracker.sender_id, reason, bot=BOT, user_id=str(user_id) if user_id else None,
                                           **kind)
    if opened is None:
        logger.error("tutor: no person from the team could be alerted for %s", tracker.sender_id)
    return remember_handoff(opened)


def tutor_lines(tracker: Tracker, count: int = 6) -> List[str]:
    """The tutor's latest ``count`` lines, newest first (what a reply varies from: ninth reading, M10)."""
    said = [e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "bot"]
    return said[:count]


def team_wrote(tracker: Tracker, before_last_notice: bool = False) -> bool:
    """Whether a person from the team wrote to the student since the tutor's last notice about a handoff (or,
    ``before_last_notice``, before it): a bot event no action of the tutor's said (the dashboard appends a
    supervisor's reply to the conversation on its own, after the tutor went back to listening), as the support
    bot reads it (ninth reading, M10)."""
    wrote, before, after = False, False, None
    for event in tracker.events:
        kind = event.get("event")
        if kind == "action":
            after = event.get("name")
            if after == "action_tutor_handoff_update":
                before, wrote = wrote, False
        elif kind == "user":
            after = None
        elif kind == "bot" and after in (None, "action_listen"):
            wrote = True
    return before if before_last_notice else wrote


async def claimed_status(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The handoff status of this conversation when a person from the team has claimed it (they write to the student
    now, or should: silent_claim.py), else None."""
    status = await handoff.handoff_status(tracker.sender_id)
    return status if status and status.get("status") == "claimed" else None


class ActionSafetyCheck(Action):
    """A message with possible risk ("i dont feel safe at home"): are you safe, and where to get help
    in the student's country; then the lesson goes on, unless the answer is "no" or tells of
    self-harm done recently (slot ``wellbeing_check``: "safety" for one turn)."""

    def name(self) -> Text:
        return "action_safety_check"

    @copied_to_the_team
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=response_text(domain, "utter_safety_check", locale_of(tracker), language(tracker)))
        # the next turn is read as an answer to "are you safe?": "i did it yesterday" or "no" keeps the
        # lesson waiting (eighth reading, H7); anything else lets it go on (wellbeing.reply)
        return [SlotSet("wellbeing_check", "safety")]


class ActionTutorCrisis(Action):
    """Risk language stops the lesson: where to get help now, a person from the team alerted (the
    conversation goes to the dashboard's handoff queue), and a check-in on the next turn."""

    def name(self) -> Text:
        return "action_tutor_crisis"

    @copied_to_the_team
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lang, locale = language(tracker), locale_of(tracker)
        crisis = crisis_of(emotion_of(tracker.latest_message.get("metadata")))
        told = wellbeing.concern(tracker.latest_message.get("text") or "")
        reason = (f"a student wrote risk language (risk {float(crisis.get('risk') or 0.0):.2f}, "
                  f"{crisis.get('category') or 'unknown'})")
        if tracker.get_slot("wellbeing_check") == death_wish.PENDING:  # a yes to the tutor's check (reading 13, M6)
            reason = f"{death_wish.ALERT}; {reason}"
        if told == "friend_at_risk":
            # a friend at risk, not the child: what to do for the friend (ninth reading, M16: "are you okay right now?")
            dispatcher.utter_message(text=with_help(say("friend_line", lang), locale, lang))
            remembered = await alert(tracker, f"{wellbeing.ALERTS[told]}; {reason}", safeguarding=True)
            return [SlotSet("wellbeing_check", "friend"), *(remembered or [])]
        lines, pending = self.lines_for(tracker, domain, lang, locale)
        if tracker.get_slot(wellbeing.HANDOFF_SLOT) is not None and silent_claim.claimer_silent(
                await claimed_status(tracker), team_wrote(tracker)):  # risk while nobody has written (reading 14, T1)
            lines = silent_claim.instead_of_again(lines, lang)
        for line in lines:
            dispatcher.utter_message(text=with_help(line, locale, lang))
        if say("means_taken", lang) in lines:
            reason = f"{means.ALERT}; {reason}"
        # a child's abuse, harm at home or self-harm read as high risk is a safeguarding concern too (ninth reading, M17);
        # so is a child naming the means, or having used them (reading 13, M11)
        if told in wellbeing.ALERTS or pending == means.PENDING or say("means_taken", lang) in lines:
            remembered = await alert(tracker, reason, safeguarding=True)
        else:
            remembered = await alert(tracker, reason)
        return [SlotSet("wellbeing_check", pending), *(remembered or [])]

    @staticmethod
    def lines_for(tracker: Tracker, domain: Dict[Text, Any], lang: str, locale: Any) -> Tuple[List[str], str]:
        """What the crisis path says, and the check-in pending after it. Reading 13, M11: "i have my mom's pills" after
        "i want to kill myself" got the same block of help lines again. The means, named, are asked about once (pills:
        "have you taken any?", means.py), a yes gets the emergency number and the children's line first, and the block
        is not said again word for word (``crisis_again``, varied)."""
        text, recent = tracker.latest_message.get("text") or "", tutor_lines(tracker)
        kind = means.named(text)
        answer = means.reply(text, means.PENDING if kind else tracker.get_slot("wellbeing_check"), lang)
        if answer is not None and say("means_taken", lang) in answer[0]:
            return answer[0], "asked"  # "yes", "i took some", "i took my mom's pills": the emergency number first
        block = response_text(domain, "utter_crisis_resources", locale, lang)
        said_before = any(said == block for said in recent)
        lines = [] if said_before else [response(domain, "utter_crisis_resources", lang)]
        if kind and not means.said_recently(lang, recent):
            return [*lines, means.line_for(kind, lang)], means.PENDING
        if answer is not None:  # "no, i haven't taken any"
            return answer[0], "asked"
        return lines or [wellbeing.fresh("crisis_again", lang, recent)], "crisis"


class ActionWellbeing(TutorMove):
    """The lesson waits: a check-in after risk, or a kind reply to grief, being left out or a wish
    to stop (wellbeing.reply); an answer given meanwhile is still marked."""

    move = "wellbeing"

    @copied_to_the_team
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lang = language(tracker)
        curriculum, pedagogy = load_curriculum(lang=lang), load_pedagogy()
        learner = Learner.from_slot(tracker.get_slot("learner"))
        item = curriculum.item(learner.item) if learner.started else None
        text = tracker.latest_message.get("text") or ""
        pending = tracker.get_slot("wellbeing_check")
        told = wellbeing.concern(text)  # once this turn, passed down (code review, reading 10: read up to five times)
        if told is None and wellbeing.team_was_told(pending, tracker.get_slot(wellbeing.HANDOFF_SLOT)) \
                and wellbeing.asks_to_keep_secret(text):
            # reading 11, M7: "please dont tell anyone" after a disclosure got the help lines again; answered honestly
            dispatcher.utter_message(text=say("team_was_told", lang))
            return [SlotSet("tutor_move", self.move)]
        if pending in ("crisis", "asked", "friend", "claimed") and (status := await claimed_status(tracker)):
            # a person from the team answers now: the tutor does not talk over them (sixth reading, M11), but a wish
            # to go on with the lesson is answered (reading 11, H5: "can we do fractions now" got no line at all)
            if silent_claim.claimer_silent(status, team_wrote(tracker)):  # nobody has written: no promise (reading 14, T1)
                dispatcher.utter_message(text=silent_claim.answer(tracker, lang, locale_of(tracker), tutor_lines(tracker)))
            elif pending != "claimed" and not team_wrote(tracker):  # the student answering them has heard already (reading 12, L3)
                dispatcher.utter_message(text=say("person_joined", lang))
            elif asks_to_go_on(text) or says_start(text) or item is not None and is_answer(text):
                dispatcher.utter_message(text=wellbeing.fresh("lesson_waits_for_the_team", lang, tutor_lines(tracker)))
            else:  # never nothing: a turn left unanswered got the channel's safety net, adult lines (reading 13, H5)
                dispatcher.utter_message(text=wellbeing.fresh("team_reading", lang, tutor_lines(tracker)))
            return [SlotSet("wellbeing_check", "claimed"), SlotSet("tutor_move", self.move)]
        grade = None
        if item is not None and told is None:
            learner, grade = observe(learner, item, text, pedagogy, (tracker.latest_message.get("intent") or {}).get("name"))
        if not pending and told is None and wellbeing.ASKS_SOMEONE.search(text.lower()):
            # "is the person still there?", "hallo?" with no check-in pending (ninth reading, M10: parked as off-task)
            await self.someone_there(dispatcher, tracker, domain, item, lang)
            return [SlotSet("tutor_move", self.move)]
        lines, pending, goes_on = wellbeing.reply_to(told, text, None if pending == "claimed" else pending, grade is not None,
                                                     lang, recent=tutor_lines(tracker))
        if grade in MARKED:
            lines.insert(0, say(MARKED[grade], lang))
        if goes_on and item is not None:
            lines.append(self.restate(item, lang))
        for line in lines:
            dispatcher.utter_message(text=with_help(line, locale_of(tracker), lang))
        remembered = await self.alert_for(tracker, told, lines, lang)
        return [SlotSet("learner", learner.to_slot()), SlotSet("tutor_move", self.move),
                SlotSet("wellbeing_check", pending), SlotSet("wrong_in_a_row", float(learner.wrong_in_a_row)),
                *(remembered or [])]

    @staticmethod
    async def alert_for(tracker: Tracker, told: Any, lines: List[str], lang: str) -> List[Dict[Text, Any]]:
        """A person from the team alerted when the student told of harm, self-harm or a friend at risk, of self-harm
        done recently, or is not okay after a check-in; the events that remember the handoff."""
        if told in wellbeing.ALERTS:  # a person from the team is alerted (fourth reading, H14)
            return await alert(tracker, wellbeing.ALERTS[told], safeguarding=True)
        if say("means_taken", lang) in lines:  # "yes" to "have you taken any?" (reading 13, M11)
            return await alert(tracker, means.ALERT, safeguarding=True)
        if say("recent_harm_line", lang) in lines:  # "i did it yesterday" after the safety line (eighth reading, H7)
            return await alert(tracker, "a student said they hurt themselves recently", safeguarding=True)
        if say("not_okay", lang) in lines:  # not okay after a check-in ("i should just disappear": sixth reading, H9)
            return await alert(tracker, "a student said they are not okay when the tutor checked in")
        return []

    async def someone_there(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                            item: Any, lang: str) -> None:
        """"Is anyone there?" with no check-in pending: who is here, by the handoff's state (the person from the
        team finished, nobody could talk with the student, one is coming), and the question again."""
        status = await handoff.handoff_status(tracker.sender_id)
        state = (status or {}).get("status")
        locale = locale_of(tracker)
        if state == "resolved" and team_wrote(tracker, before_last_notice=True):
            lines = [say("person_finished", lang)]
        elif state == "resolved":
            lines = [response(domain, "utter_tutor_handoff_resolved_unjoined", lang)]
        elif state in ("open", "claimed"):
            lines = [wellbeing.fresh("not_yet", lang, tutor_lines(tracker))]
        else:
            lines = [say("i_am_here", lang)]
        if item is not None:
            lines.append(self.restate(item, lang))
        for line in lines:
            dispatcher.utter_message(text=with_help(line, locale, lang))


class ActionTutorHandoffUpdate(Action):
    """The dashboard's intents about the alert: the person from the team finished (the lesson can go
    on) or nobody joined in time (where to get help now)."""

    def name(self) -> Text:
        return "action_tutor_handoff_update"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        name = "utter_tutor_handoff_waiting"
        if intent == "handoff_resolved":
            status = await handoff.handoff_status(tracker.sender_id)
            if not (status and status.get("status") == "resolved"):
                return []  # the intent alone ends nothing: a student could type it
            # resolved with a note only, not a word to the student: nobody talked with them (ninth reading, M10)
            name = "utter_tutor_handoff_resolved" if team_wrote(tracker) else "utter_tutor_handoff_resolved_unjoined"
        text = response_text(domain, name, locale_of(tracker), language(tracker))
        dispatcher.utter_message(text=text)
        # a triggered intent's reply reaches no page: the thread pushes it (fourth exploratory reading, H15)
        await handoff.add_to_thread(tracker.sender_id, [("notice", text)])
        if intent != "handoff_resolved":
            return []
        return [SlotSet("wellbeing_check", None), SlotSet(wellbeing.HANDOFF_SLOT, None)]  # its thread is closed

