"""Direct questions answered: what the bot can do, what to do, whether a feeling is normal,
whether it was their fault, who reads this, how to reach a person, medication or a diagnosis.

The NLU tells the question (intents ``ask_*`` and ``bot_challenge``, trained from
data/support/questions/train.csv); it is answered when the message is put as a question
(question_form.py: a statement the NLU reads as a question is listened to instead). Crisis
rules come first in config.yml, so a question that carries risk goes to the crisis flow.

Each answer is a line of ``answers.<intent>`` in the person's language (responses.yml, or
i18n/<lang>.yml), the one said least recently; an advice answer goes on with a suggestion for
the message's topic, a normality answer with information about it (listening.py).

Asking how to reach a person gets the helplines and the offer of someone from the team
(slot ``offered_person``), and so does a person low for several turns, once
(``action_offer_when_low``); a yes to that offer, or "talk to a person" said outright, opens a
handoff (``reason``: the person asked for a person) and the bot stays with them as in a crisis
handoff.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from connectors.contract import at_risk, emotion_of
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import asked_the_bot, echo, listening, medical, offer, plain_answers, screener, situation_replies
from actions.bank import answers, bank, says
from actions.conversation import ABOUT_THE_BOT, Say, crisis_of, user_turns, variants
from actions.crisis import handoff_status, open_handoff, report
from actions.handoff_presence import busy_lines, numbers_said, told_busy, waiting_line
from actions.resources import country_locale, frames
from actions.still_here import back_after_handoff, still_here
from actions.language import folded, least_recent
from actions.other_language import answer_other_language
from actions.question_form import is_question
from policies import situations
from actions.replies import (ActionGoodbye, ActionGreet, ActionSupportAtRisk, ActionSupportQuestion, ActionSupportReflection,
                             ActionSupportRestatement, ActionYouAreWelcome, answered_plainly, listen_only, stops_questions)

ASKED_FOR_A_PERSON = "the person asked to talk to a person"
NUMBER_WORDS = re.compile(r"\b(?:numbers?|helplines?|hotlines?|numero|nummer|telefono|telefone|telefoon|linea|linha|lijn|ligne|hulplijn)\b")
"""A number or a line named in a request for a person: the lines are given with the person."""
SMALL_TALK = {"greet": ActionGreet, "thank": ActionYouAreWelcome, "goodbye": ActionGoodbye}
"""A greeting, thanks or goodbye after the offer that neither takes it up nor declines it."""
WEIGHED = {"ask_advice", "ask_judgement", "ask_normality", "ask_medical"}
"""Questions that, put as "should i ...?" about something to do (not medicine), are the person's own
to weigh up: said back as such (echo.dilemma), not answered."""


OVERLAP = 5
"""Two lines that share this many words in a row say the same thing (``repeats``)."""


def repeats(line: str, other: str) -> bool:
    """Whether ``line`` and ``other`` share ``OVERLAP`` words in a row ("..., und es heißt nicht, dass mit dir etwas nicht
    stimmt" in the normality answer and in the information line after it: ninth reading, L2)."""
    words = lambda t: re.findall(r"[^\W_]+", folded(t))  # noqa: E731
    a, b = words(line), words(other)
    grams = {tuple(a[i:i + OVERLAP]) for i in range(len(a) - OVERLAP + 1)}
    return any(tuple(b[i:i + OVERLAP]) in grams for i in range(len(b) - OVERLAP + 1))


def asks_for_a_number(text: str) -> bool:
    """Whether ``text`` asks for a number, a helpline or a person to talk to, in seven languages
    (policies/situations.yml ``asks_helpline``), whatever the NLU read ("can you give me a number to
    call?" read as a question about what the bot can do); not the person's own number ("does my
    phone number get stored")."""
    return situations.load().matches("asks_helpline", text)


def wants_a_person_now(text: str) -> bool:
    """Whether ``text`` asks outright for a person from the team ("talk to a person", "mit einem
    Menschen"), not denied before it ("nein, ich will nicht mit jemandem reden")."""
    return _asked_before(text) is not None


def asks_for_a_person(text: str) -> bool:
    """Whether ``text``, whatever the NLU read, asks for a person from the team: one of the
    ``person_now`` phrases after a request ("ich möchte mit jemandem aus dem team reden"), not a
    statement that holds one ("es fällt mir schwer, mit jemandem zu reden")."""
    before = _asked_before(text)
    return before is not None and says(bank().answers["person_request"], before)


def _asked_before(text: str) -> str | None:
    """What ``text`` says before the first ``person_now`` phrase not denied just before it; None without one."""
    lowered = " ".join((text or "").lower().replace("’", "'").split())
    found = sorted(lowered.find(phrase) for phrase in bank().answers["person_now"] if phrase in lowered)
    return next((lowered[:at] for at in found if not screener.denies(" ".join(lowered[:at].split()[-3:]))), None)


def risk_read(tracker: Tracker) -> bool:
    """Whether the conversation reads at risk now (``derived.crisis``: possible or high, or flagged)."""
    return at_risk(emotion_of(tracker.latest_message.get("metadata"))) or bool(crisis_of(tracker).get("flag"))


async def heard_asking(say: Say, tracker: Tracker, domain: Dict[Text, Any],
                       reason: str = ASKED_FOR_A_PERSON) -> List[Dict[Text, Any]] | None:
    """A person asked for outright ("Kannst du mir jemanden geben, mit dem ich reden kann?"), or a number asked for while
    the conversation reads at risk ("Can you tell me a number I can call in the UK if it gets bad at night?"): the lines
    where the person is and a person from the team asked to join (thirteenth reading, H7: a screen question and a
    reflection instead). None when the latest message asks for neither."""
    text = tracker.latest_message.get("text") or ""
    number = asks_for_a_number(text) and risk_read(tracker)
    if not (wants_a_person_now(text) or asks_for_a_person(text) or number):
        return None
    if number or NUMBER_WORDS.search(folded(text)):
        say(say.help_now.where(say.lang))
    return await bring_a_person(say, tracker, domain, reason)


async def bring_a_person(say: Say, tracker: Tracker, domain: Dict[Text, Any],
                         reason: str = ASKED_FOR_A_PERSON) -> List[Dict[Text, Any]]:
    """Open a handoff (because the person asked for one, or for ``reason``); the bot stays (``handoff_active``)."""
    opened = await open_handoff(tracker, reason)
    if opened is None:
        say.response(domain, "utter_handoff_failed")
        return [SlotSet("offered_person", False)]
    status = await handoff_status(tracker)
    waiting = waiting_line(status, domain, say.recent, say.lang) if status and (  # else it would say the same again
        status.get("status") == "claimed" or status.get("expected_wait_s") or status.get("busy")) else None
    if waiting not in busy_lines(say.lang):  # "I've asked someone to join" or "everyone is busy", never both (tenth reading, M3)
        say(least_recent(answers(say.lang)["person_joining"], say.recent))
    if waiting:
        say(waiting)
    if told_busy(say) and not numbers_said(say):  # "call one of the numbers now" comes with them (tenth reading, M3)
        say(say.help_now.full(say.lang))
    await report(tracker, tracker.latest_message.get("text"), say.said)
    return [SlotSet("offered_person", False), SlotSet("handoff_active", True), SlotSet("handoff_id", float(opened["id"])),
            SlotSet("handoff_asked", reason == ASKED_FOR_A_PERSON)]


class ActionAnswerQuestion(Action):
    """The answer to the question the NLU recognised (see the module docstring)."""

    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        other = await answer_other_language(dispatcher, tracker, domain)
        if other is not None:  # a language the bot cannot read: said so, the lines, a person (thirteenth reading, H2)
            return other
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        text = tracker.latest_message.get("text") or ""
        if stops_questions(text):  # "can you please stop asking me questions and just listen"
            return listen_only(dispatcher, tracker)
        if back_after_handoff(tracker, text):  # "are you still there?" just after a resolve, read as "are you a bot?": the
            return still_here(dispatcher, tracker)  # team's conversation closed, a person again, the numbers (twelfth, H5)
        number = asks_for_a_number(text)
        if number:
            intent = "ask_human_help"
        say = Say(dispatcher, tracker)
        if number and risk_read(tracker):  # a number asked for at risk: the lines and a person from the team (H7)
            return await heard_asking(say, tracker, domain)
        if intent == "ask_human_help" and (wants_a_person_now(text) or tracker.get_slot("offered_person")) \
                or asks_for_a_person(text):  # whatever the NLU read: "queria falar com um humano" as "are you a bot?"
            if NUMBER_WORDS.search(folded(text)):  # "necesito hablar con alguien, hay algun numero en argentina?": the lines too (fifth reading)
                say(say.help_now.where(say.lang))
            return await bring_a_person(say, tracker, domain)
        answered = await answered_plainly(dispatcher, tracker, domain)
        if answered is not None:  # "what would you do?", "who moved to Canada?", "can you do a mood check-in?" (seventh reading)
            return answered
        if at_risk(emotion_of(tracker.latest_message.get("metadata"))) and asked_the_bot.about_the_service(text) == "ask_police":
            # "what happens if i tell you i want to die? will you call the police?", read at risk: the honest answer and the
            # help lines, not the storage text (eighth reading, M3)
            say(least_recent(answers(say.lang)["ask_police"], say.recent) + " " + say.help_now.short(say.lang))
            return [SlotSet("last_strategy", "information")]
        if intent == "bot_challenge" and (is_question(text) or ABOUT_THE_BOT.search(text.lower())) \
                and not set(say.recent[-2:]) & set(variants(domain, "utter_iamabot", say.lang)):  # not twice running (ninth reading, L1)
            say.response(domain, "utter_iamabot")
            return [SlotSet("last_strategy", "information")]
        plain = plain_answers.plain_question(text)
        if plain:  # "is this free?", "delete what i wrote", whatever the NLU read
            say(plain_answers.plain_answer(say, plain))
            return [SlotSet("last_strategy", "information")]
        if situation_replies.asks_secrecy(text) and not is_question(text):  # "please dont tell anyone": who can read this, honestly
            say(least_recent(situation_replies.secret_lines(say.lang), say.recent))
            return [SlotSet("last_strategy", "information")]
        lines = answers(say.lang).get(intent)
        if intent in WEIGHED and say.lang == "en" and echo.dilemma(text):  # "should i ask her?": theirs to weigh
            return await ActionSupportQuestion().run(dispatcher, tracker, domain)
        if intent == "ask_medical" and not medical.names_medical(text):  # "Does that make sense?" (eighth reading, L4)
            lines = None
        if not lines or not (is_question(text) or number):  # a statement read as a question: listen to it
            listen = ActionSupportQuestion() if tracker.get_slot("last_strategy") == "restatement" \
                else ActionSupportRestatement()
            return await listen.run(dispatcher, tracker, domain)
        values = {"lines": "; ".join(say.help_now.links_in(say.lang))}
        follow = {"ask_advice": "suggestion", "ask_normality": "information"}.get(intent)
        more = listening.compose(follow, text, None, say.recent, turn=user_turns(tracker), lang=say.lang, echo=False) if follow else ""
        fresh = [line.format(**values) for line in lines]
        fresh = [line for line in fresh if not repeats(line, more)] or fresh  # not the same clause twice in one message (ninth, L2)
        answer = least_recent(fresh, say.recent)
        if intent == "ask_human_help" and not any(line.get("phone") for line in say.help_now.lines):
            # a country with no checked line (Nigeria, Colombia): at least the emergency number
            answer += " " + frames(say.lang)["short_alone"].format(emergency=say.help_now.emergency_in(say.lang))
        if more:
            answer += " " + more
        say(answer)
        return [SlotSet("last_strategy", "information"), SlotSet("offered_person", intent == "ask_human_help")]


class ActionAnswerOffer(Action):
    """The person's answer to the offer of someone from the team: a yes that answers it ("yes",
    "ok please", "ja bitte": offer.accepts) or asking again brings one, a no is respected, a greeting,
    thanks or goodbye that is neither gets its own answer, anything else ("yeah exactly", "I feel
    down", "I'm in the US", a question about a helpline) is listened to; they can ask for a person
    any time."""

    def name(self) -> Text:
        return "action_answer_offer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        other = await answer_other_language(dispatcher, tracker, domain)
        if other is not None:  # a language the bot cannot read: said so, the lines, a person (thirteenth reading, H2)
            return other
        text = tracker.latest_message.get("text") or ""
        say = Say(dispatcher, tracker)
        answer = screener.read_answer(text)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        # the NLU's "ask_human_help" counts when the message names a person or help: it read "a veces no salgo
        # de casa en todo el finde" so, and a person was brought to someone who had not answered the offer
        asked_again = intent == "ask_human_help" and not asks_for_a_number(text) and not country_locale(text) and \
            says([*bank().answers["offer_about_a_person"], *bank().answers["offer_asked_again"]], text)
        if offer.accepts(text) or asked_again or wants_a_person_now(text):
            return await bring_a_person(say, tracker, domain)
        if answer in ("no", "dismiss") and len(text.split()) > 4:  # "I'm not in danger, I just feel very low": listened to
            return [SlotSet("offered_person", False), *await ActionSupportReflection().run(dispatcher, tracker, domain)]
        if answer in ("no", "dismiss"):
            say(least_recent(answers(say.lang)["person_declined"], say.recent))
            return [SlotSet("offered_person", False)]
        if intent in SMALL_TALK:  # "thanks", "hi again": what they get without an offer (at risk: never small talk)
            small_talk = ActionSupportAtRisk() if at_risk(emotion_of(tracker.latest_message.get("metadata"))) \
                else SMALL_TALK[intent]()
            return [SlotSet("offered_person", False), *await small_talk.run(dispatcher, tracker, domain)]
        return [SlotSet("offered_person", False), *await ActionSupportRestatement().run(dispatcher, tracker, domain)]


class ActionOfferWhenLow(Action):
    """Low for several turns (config.yml "low for a while"): a person from the team and the
    helplines are offered, once a conversation, on a message that says the person is struggling
    (offer.struggling); an ordinary remark or a question is listened to, as the strategy rules
    below would; the reply goes to ``action_answer_offer``."""

    def name(self) -> Text:
        return "action_offer_when_low"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        say, text = Say(dispatcher, tracker), tracker.latest_message.get("text") or ""
        if says(bank().answers["has_help"], text):
            # "i called the helpline and im seeing a therapist now", "im fine, just venting": heard, no offer
            say(least_recent(answers(say.lang)["has_help_line"], say.recent))  # (third exploratory reading, M4)
            return [SlotSet("offered_when_low", True), SlotSet("last_strategy", "affirmation")]
        if not offer.struggling(text, crisis_of(tracker)):  # "Is that terrible of me?", "my son is 8": listened to
            listen = {"reflection": ActionSupportQuestion, "question": ActionSupportRestatement}.get(
                tracker.get_slot("last_strategy"), ActionSupportReflection)
            return await listen().run(dispatcher, tracker, domain)
        lines = answers(say.lang)["offer_when_low"]
        say(least_recent([line.format(lines="; ".join(say.help_now.links_in(say.lang))) for line in lines], say.recent))
        return [SlotSet("offered_person", True), SlotSet("offered_when_low", True),
                SlotSet("last_strategy", "information")]
