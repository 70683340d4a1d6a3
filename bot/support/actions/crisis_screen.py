"""The C-SSRS screen as the support bot runs it: one question per turn (screener.py for the
questions, the branching and how answers are read), the screen started on possible risk and left
for what the person asks or says instead of an answer.

Two things end it before the next question: a plan, a time, means at hand or a note told unasked,
affairs settled, a farewell, a way looked up, being on the way, a place with "now", or "I'm serious"
after a risky line (disclosure.py, :func:`meant_after_risk`: the escalation a clear high-risk message
gets outside the screen; also the turn after a screen let pass), and a request for a person ("can I talk to a real person?": one from the team is brought)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from connectors import contract
from connectors.contract import emotion_of
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank, direct_ask, disclosure, handoff_answers, screen_answers, screen_own_words, screen_time, screener, story
from actions.conversation import (Say, answer_of, bot_lines, clear_screen, crisis_of, crisis_reason, earlier_messages,
                                  recently_screened, words_of_its_own)
from actions.crisis import URGENT_KINDS, escalate, escalate_again, laughed, under_way_again
from actions.language import least_recent
from actions.other_language import answer_other_language
from actions.questions import bring_a_person, heard_asking, wants_a_person_now
from actions.echo import risk_words
from actions.question_form import is_question
from actions.replies import ActionSupportQuestion, answered_plainly, requested_tool
from actions.screen_after_attempt import after_an_attempt, bot_said, support_after_an_attempt
from actions.situation_replies import reported_situation


def meant_after_risk(tracker: Tracker, text: str, window: int = 1) -> Optional[str]:
    """"meant in earnest" when ``text`` says the person's earlier words are meant ("im serious actually", "no es broma",
    "das ist kein Witz", "je suis sérieux") and one of their last ``window`` messages carried risk
    (:func:`risk_told_before`); a line read as a joke ("might just walk into the sea lol") is taken back (ninth reading,
    H3). During the screen the window is the message before (after a joke, "ok seriously, sometimes yeah" answers the
    screen's question: fourth reading, H5). Else None."""
    return "meant in earnest" if screener.earnest(text) and risk_told_before(tracker, window) else None


def risk_told_before(tracker: Tracker, window: int) -> bool:
    """Whether one of the person's last ``window`` messages before the latest carried risk: of a way, a plan, an intent or
    preparations, read so (``derived.crisis``, possible or high, or stated) or in its words (disclosure.py); its own flag
    or warning-sign language; risk words in a message read at risk (tenth reading, H3: "je suis sérieux" after "j'ai
    écrit une lettre d'adieu" and "elle est sur mon bureau")."""
    for event in [e for e in tracker.events if e.get("event") == "user"][-(window + 1):-1]:
        crisis, text = contract.crisis_of(emotion_of(event.get("metadata"))), event.get("text") or ""
        if disclosure.acute(crisis) or disclosure.disclosed(text, crisis) or crisis.get("turn_flag", crisis.get("flag")) \
                or crisis.get("explicit") or ((crisis.get("level") or "none") != "none" and risk_words(text)):
            return True
    return False


def earnest_after() -> int:
    """How many of the person's messages before "I'm serious" are read for the risk it confirms (screener.yml)."""
    return int(screener.config()["earnest_after"])


async def taken_in_earnest(dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: Dict[Text, Any]) -> Optional[List[Dict[Text, Any]]]:
    """Outside a handoff, "I'm serious" after risk (:func:`meant_after_risk`): thanked, and the escalation a clear
    high-risk message gets (the numbers, a person from the team), never good news (tenth reading, H3: "je suis sérieux",
    read as joy, got "Ça me fait vraiment plaisir d'entendre ça"); outside a screen, "i have a plan" and nothing of what
    (disclosure.plan_unsaid): asked whether it is a plan to end their life (:func:`ask_about_the_plan`). None otherwise."""
    text = tracker.latest_message.get("text") or ""
    if not tracker.get_slot("handoff_active") and not tracker.get_slot("screening_question") and disclosure.plan_unsaid(text):
        return ask_about_the_plan(Say(dispatcher, tracker))
    if tracker.get_slot("handoff_active") or not meant_after_risk(tracker, text, earnest_after()):
        return None
    return await escalate(dispatcher, tracker, domain, crisis_reason(tracker, "told after risk (meant in earnest)"),
                          means_line=True, lead="earnest_after_risk")


def ask_about_the_plan(say: Say) -> List[Dict[Text, Any]]:
    """"A plan for what? ... do you mean a plan to end your life?": the screen's question about thoughts of killing
    oneself, put about the plan; its answer is read as that question's (a yes asks about a way, a place or a time
    ends the screen: "the bridge by the highway")."""
    say(least_recent(bank.answers(say.lang)["plan_for_what"], say.recent))
    return [SlotSet("screening_question", float(CLIMBS_FROM)), SlotSet("screening_answers", []),
            SlotSet("screening_retry", False)]


def laughed_after_risk(say: Say, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """Outside a handoff, a laugh just after risk ("lol only on mondays"): "I'm taking what you said seriously either
    way" and how to get help now, once a conversation (tenth reading, H3). None otherwise, and after the first time."""
    text = tracker.latest_message.get("text") or ""
    if tracker.get_slot("handoff_active") or not laughed(tracker, text) or not risk_told_before(tracker, earnest_after()):
        return None
    said_before = set(bot_lines(tracker, 50))
    lines = bank.answers(say.lang)["joke_after_risk"]
    if said_before & {*lines, *bank.answers("en")["joke_after_risk"]}:
        return None
    say(least_recent(lines, say.recent))
    say(say.help_now.short(say.lang))
    return [SlotSet("last_strategy", "information")]


SCREEN_MEMORY = 4
"""How many of the person's messages before an answer are read for means or a time they told since the screen began
(the message that started it, and the answers)."""


def under_way(text: str, since: Sequence[str], lang: str) -> Optional[str]:
    """"attempt under way" when an answer tells medicine taken or an attempt under way or coming ("I took a few
    already" after "I keep looking at the bottle of oxy in the cabinet": eleventh reading, H4, where the next question
    followed; handoff_answers.py ``taken``, ``attempt``, ``imminent``, read with the person's messages ``since`` the
    screen began); else None."""
    kinds = handoff_answers.answered(text, (), lang, since, kinds=URGENT_KINDS)
    return "attempt under way" if kinds else None


CLIMBS_FROM = 2
"""A yes to this question (thoughts of killing oneself) brings the questions about a way, an intent and a plan: only a
clear yes does (ninth reading, M1)."""


def clear_yes(tracker: Tracker, text: str) -> bool:
    """Whether the latest answer is a yes in its own words (screener.read_answer), states warning-sign language
    (``explicit``) or says risk words: not only the model's flag over a message about something else ("todo mundo da
    minha sala passou", read high 0.87, got "have you thought about how you might do it?")."""
    return screener.read_answer(text) == "yes" or words_of_its_own(crisis_of(tracker)) or risk_words(text)


async def own_question(say: Say, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                       asked: screener.Question, question: float) -> List[Dict[Text, Any]]:
    """A question of the person's own during the screen ("wait what did i say about my partner", "whats the first
    thing you would do"), not an answer: answered where the bot can (replies.answered_plainly: what they said, the
    service, the bot), else kept for later ("I'll come back to it"), then the screen's question once more; asked a
    second time, the screen is let pass (as after two unclear answers) with how to get help now (ninth reading, M1:
    "wait what did i say about my partner" got the next screening question)."""
    answered = await answered_plainly(dispatcher, tracker, domain)
    if tracker.get_slot("screening_retry"):
        if answered is None:
            answered = await ActionSupportQuestion().run(dispatcher, tracker, domain)
        say(say.help_now.short(say.lang))
        return [*answered, *clear_screen(tracker, answered=False), SlotSet("screen_resumable", question)]
    if answered is None:
        say(least_recent(bank.answers(say.lang)["screen_own_question"], say.recent + bot_said(dispatcher)))
    say(asked.again)
    return [*(answered or []), SlotSet("screening_retry", True)]


class ActionCrisisScreen(Action):
    """The C-SSRS screen, one question per turn (see screener.py for the branching)."""

    def name(self) -> Text:
        return "action_crisis_screen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if (other := await answer_other_language(dispatcher, tracker, domain)) is not None:  # thirteenth reading, H2
            return other  # a language the bot cannot read: said so, the lines, a person
        say, text = Say(dispatcher, tracker), tracker.latest_message.get("text") or ""
        questions = screener.questions(say.lang)
        current = tracker.get_slot("screening_question")
        resumable = tracker.get_slot("screen_resumable")
        if not current and (why := under_way_again(tracker)):  # an attempt under way after a resolved handoff (eighth reading, H2)
            return await escalate_again(dispatcher, tracker, domain, why)
        if not current and (asked := await heard_asking(say, tracker, domain, crisis_reason(tracker, "asked for a person or a number at risk"))) is not None:
            return [*asked, *clear_screen(tracker, answered=False)]  # "kannst du mir jemanden geben ...?" (thirteenth reading, H7)
        if not current and direct_ask.after_attempt(text, earlier_messages(tracker, direct_ask.ATTEMPT_WINDOW)):
            return after_an_attempt(say, dispatcher)  # home after an attempt: heard, the numbers, how they are (M9)
        if not current and direct_ask.support_after_attempt(text, earlier_messages(tracker, direct_ask.ATTEMPT_WINDOW)):
            return support_after_an_attempt(say, dispatcher)  # "the crisis team are meant to ring tomorrow" (M9)
        if not current and resumable:  # the turn after a screen let pass: a late yes or no answers it
            # what the words tell or state (a model's reading alone after a screen let pass is listened to, as below)
            stated = {key: crisis_of(tracker).get(key) for key in ("explicit", "categories")}
            told = disclosure.disclosed(text, stated) or meant_after_risk(tracker, text)
            if told:  # "im serious actually" after a way read as a joke, "my shoes are already on" (ninth reading, H3)
                return await escalate(dispatcher, tracker, domain,
                                      crisis_reason(tracker, f"told after the C-SSRS screen was let pass ({told})"), means_line=True)
            late = screener.read_answer(text)
            # after a joke or "never mind" only a yes takes it up again ("ok seriously, sometimes yeah": fourth reading, H5)
            if late != "yes" and (late != "no" or tracker.get_slot("screen_dismissed")):
                return [*await ActionSupportQuestion().run(dispatcher, tracker, domain), SlotSet("screen_resumable", None)]
            current = resumable
        if not current and (first := disclosure.told_with_first_risk(text, crisis_of(tracker))):
            # means with a time, or means the models read high ("eat my gun"): no screen question (eleventh reading, H1)
            return await escalate(dispatcher, tracker, domain, crisis_reason(tracker, f"told with the first risk ({first})"),
                                  means_line=True)
        if not current and (earnest := await taken_in_earnest(dispatcher, tracker, domain)) is not None:
            return earnest  # "je suis sérieux" read at risk itself (tenth reading, H3)
        if not current and story.about_a_story(tracker):  # "why did she throw herself under the train?" after the novel (L2)
            return story.answer(say, tracker)
        if not current and recently_screened(tracker):  # already asked about: listen, not the same questions again
            events = await ActionSupportQuestion().run(dispatcher, tracker, domain)
            crisis = crisis_of(tracker)
            if crisis.get("turn_flag", crisis.get("flag")):  # high risk read in this message: how to get help now
                say(say.help_now.short(say.lang))
            return events
        if not current:  # a message with possible risk: start the screen (a loss named first is acknowledged)
            laughed_over = direct_ask.laughed_over_words(crisis_of(tracker))  # "...kill myself lmao": asked, no yes (M3)
            lead = bank.answers(say.lang)["joked_warning_sign" if laughed_over else "grief_before_screen"]
            if (laughed_over or direct_ask.grieving(text, earlier_messages(tracker, 3), say.lang)) \
                    and not set(lead) & {m.get("text") for m in dispatcher.messages}:  # not said already this turn
                say(least_recent(lead, say.recent))
            told = {} if laughed_over else screen_own_words.told_in(text)  # "einschlafen und nimmer aufwachen" (S1, M9)
            step, answers, skipped = screen_own_words.first_step(told) if told else (screener.Step("ask", 1), [], [])
            return await self.go_on(say, dispatcher, tracker, domain, step, answers, told, skipped)
        question = int(current)
        since = earlier_messages(tracker, SCREEN_MEMORY)
        told = disclosure.disclosed(text, crisis_of(tracker)) or meant_after_risk(tracker, text) \
            or disclosure.named(text, since) or under_way(text, since, say.lang) \
            or screen_time.time_at_risk(text, since, crisis_of(tracker))  # "um 3 Uhr", "over 5 minuten" (S1)
        if told:  # a plan, a time, means at hand or pointed back to, a note, an overdose: no next question (H2; 11th: H1, H4)
            return await escalate(dispatcher, tracker, domain, crisis_reason(tracker, f"told during the C-SSRS screen ({told})"),
                                  means_line=True)
        if wants_a_person_now(text):  # "kann ich bitte mit einem echten menschen sprechen?": brought, the screen left (H4)
            say(say.help_now.short(say.lang))
            events = await bring_a_person(say, tracker, domain, crisis_reason(tracker, "asked for a person during the C-SSRS screen"))
            return [*events, *clear_screen(tracker, answered=False)]
        answer = answer_of(tracker)
        if screen_answers.about_something_else(text, answer, crisis_of(tracker)):
            answer = "unclear"  # "Ja, ich soll eine kleine Rede halten.": a yes to the speech, no answer (S1, M1)
        own_words = screen_own_words.told_since([*since, text])
        if answer == "unclear" and question in screen_own_words.told_in(text):
            answer = "yes"  # "i'd rather not wake up" to the first question: its yes in their own words (S1, M9)
        if answer == "yes" and question == CLIMBS_FROM and not clear_yes(tracker, text):
            answer = "unclear"  # the model's flag alone ("todo mundo da minha sala passou") does not climb (ninth reading, M1)
        if answer == "dismiss" and screener.laughed_only(text) and disclosure.acute(crisis_of(tracker)):
            answer = "unclear"  # "might just walk into the sea lol": a laugh over a way is not let pass (ninth reading, H3)
        tool = requested_tool(tracker) if answer == "unclear" else None
        if tool is not None:  # "can we do the grounding thing": what the person asks for comes first
            events = await tool.run(dispatcher, tracker, domain)
            say(say.help_now.short(say.lang))
            return [*events, *clear_screen(tracker, answered=False)]
        replied = [q for q, _ in tracker.get_slot("screening_answers") or [] if q not in own_words]  # not told unasked
        if not replied and answer != "yes" and screener.clarifies(text):
            # the words that started the screen were not meant that way ("i mean done with the job, not like
            # that"): thanked, and listened to (fourth reading, H9); to a later question a no is a no
            say(least_recent(bank.answers(say.lang)["screen_clarified"], say.recent))
            return [*await ActionSupportQuestion().run(dispatcher, tracker, domain), *clear_screen(tracker)]
        if answer == "unclear" and reported_situation(tracker) == "asks_helpline":  # "who can i call?" mid-screen
            say(say.help_now.where(say.lang))
            say(questions[question].again)
            return [SlotSet("screening_retry", True)]
        about = screener.asks(text) if answer in ("unclear", "dismiss") else None
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
        if answer == "unclear" and is_question(text):  # "wait what did i say about my partner": a question, no answer (M1)
            return await own_question(say, dispatcher, tracker, domain, questions[question], float(question))
        if answer == "unclear":
            if not tracker.get_slot("screening_retry"):
                if screen_answers.a_statement(text):  # "Mis amigos dicen que salga ...": heard, then asked again (S1, M1)
                    say(screen_answers.reflection(say, tracker))
                say(questions[question].again)
                return [SlotSet("screening_retry", True)]
            say.response(domain, "utter_screen_skipped")
            say(say.help_now.short(say.lang))
            return [*clear_screen(tracker, answered=False), SlotSet("screen_resumable", float(question))]
        answers: List[Tuple[int, str]] = [tuple(a) for a in tracker.get_slot("screening_answers") or []]
        answers.append((question, answer))
        step, skipped = screen_own_words.skip_told(screener.next_step(question, answer, answers), answers, own_words)
        return await self.go_on(say, dispatcher, tracker, domain, step, answers, own_words, skipped)

    @staticmethod
    async def go_on(say: Say, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                    step: screener.Step, answers: List[Tuple[int, str]], told: screen_own_words.Told,
                    skipped: List[int]) -> List[Dict[Text, Any]]:
        """The screen's ``step`` after ``answers`` (the (question, answer) pairs so far); questions the person's own
        words answered (``skipped``, of ``told``) are thanked for, with the locale's line, not asked (S1, M9)."""
        lead = screen_own_words.thanks_key(told, skipped) if skipped else None
        if step.outcome == "ask":
            if lead:
                say(least_recent(bank.answers(say.lang)[lead], say.recent))
                say(say.help_now.short(say.lang))
            say(screener.questions(say.lang)[step.question].ask)
            return [SlotSet("screening_question", step.question),
                    SlotSet("screening_answers", [list(a) for a in answers]), SlotSet("screening_retry", False)]
        if step.outcome == "escalate":
            yes = ", ".join(str(q) for q, a in answers if a == "yes")
            return await escalate(dispatcher, tracker, domain,
                                  f"C-SSRS screen: yes to question(s) {yes} ({screener.risk_of(answers)} risk)", lead=lead)
        if step.outcome == "low":
            say.response(domain, "utter_screen_low")
            say(say.help_now.short(say.lang))
        else:
            say.response(domain, "utter_screen_clear")
        return clear_screen(tracker)
