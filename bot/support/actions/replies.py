"""Supportive listening: a line of one supporter strategy from the response bank
(listening.py), greetings and goodbyes that do not repeat, the tools a person asks for, and the
mood check-in's answer.

(Over 300 lines for a reason: one class per action the rules in config.yml name, and the plain
answers they share; the greeting, the goodbye, the tools and the listening reply hand over to each
other, so they are read side by side.)"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from connectors.contract import at_risk, emotion_of
from connectors.contract import crisis_of as crisis_in
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import asked_the_bot, checkin, direct_ask, exercise, listening, medical, plain_answers, recall, story
from actions import bank, listen_asked, listen_leisure
from actions.bank import answers, says
from actions.echo import risk_words, said_back, second_person
from actions.names import introduced
from actions.other_language import answer_other_language
from actions.conversation import (Say, bot_lines, crisis_of, earlier_messages, help_locale, language, locale_of, response,
                                  system_text, user_turns)
from actions.language import folded, least_recent, variant_of
from actions.resources import country_locale, resources_for
from actions.still_here import back_after_handoff, still_here, still_there
from actions.tone import light_idiom, without_idioms
from policies.commands import COMMAND

STOP_ASKING = re.compile(
    r"\b(?:stop asking(?: me)?(?: so many)?(?: questions)?|no more questions|just listen|(?:youre|you are|ur) doing it again"
    r"|hor auf(?: mich)? zu fragen|keine fragen mehr|arrete de (?:me )?poser des questions|deja de (?:hacerme )?preguntas"
    r"|smettila di (?:farmi )?domande|stop met (?:die )?vragen|para de (?:me )?fazer perguntas)\b")
"""The person asks the bot to stop asking questions: it listens without questions for ``LISTEN_ONLY_TURNS`` turns."""
LISTEN_ONLY_TURNS = 3
MINIMAL = {"meh", "k", "kk", "ok", "okay", "idk", "dunno", "nothing", "fine", "whatever", "yeah", "nah", "hm", "hmm",
           "mhm", "sure", "lol", "ja", "nee", "bof", "nada", "niente", "nix", "tja", "boh", "sei la", "no se"}
"""Replies that give nothing back; three in a row get the ``no_words`` line (less pressure), once in five turns."""
WHERE_WORDS = 6
"""A message this short that names the country the person is in ("I am in Germany") is answered with
the help lines there."""
FEELING_MEMORY = 3
"""A feeling the person named in this many of their previous messages is still theirs (listening.feeling_of)."""


class SupportReply(Action):
    """A line of one supporter strategy from the response bank (listening.py); it says back the
    person's words only when the turn carries no crisis risk."""

    strategy = "question"

    def name(self) -> Text:
        return f"action_support_{self.strategy}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        other = await answer_other_language(dispatcher, tracker, domain)
        if other is not None:  # a language the bot cannot read: said so, the lines, a person (thirteenth reading, H2)
            return other
        text = tracker.latest_message.get("text") or ""
        from actions.crisis import escalate_again, under_way_again  # crisis.py imports this module (through situation_replies)

        if (why := under_way_again(tracker)):  # "ik sta op de brug" after a resolved handoff, read only "possible" (eighth reading, H2)
            return await escalate_again(dispatcher, tracker, domain, why)
        from actions.crisis_screen import laughed_after_risk, taken_in_earnest  # crisis_screen.py imports this module

        earnest = await taken_in_earnest(dispatcher, tracker, domain)
        if earnest is not None:  # "je suis sérieux" after a goodbye letter, read as joy: never good news (tenth reading, H3)
            return earnest
        laugh = laughed_after_risk(Say(dispatcher, tracker), tracker)
        if laugh is not None:  # "lol only on mondays" after risk: taken seriously, the numbers, once (tenth reading, H3)
            return laugh
        if user_turns(tracker) > 1 and (still_there(text) or back_after_handoff(tracker, text)):
            return still_here(dispatcher, tracker)
        closed = close_plainly(dispatcher, tracker, domain)
        if closed is not None:  # "night", "ok i'm here, bye", "thanks for listening at this silly hour" (eighth reading, L3)
            return closed
        if comes_back(tracker, text):  # "hi again, i'm back" read as something to listen to (eighth reading, L7)
            return welcome_back(dispatcher, tracker)
        plain = plain_answers.plain_question(text)
        if plain:  # "is this free?", "delete what i wrote" (fifth reading M12, sixth H15)
            say = Say(dispatcher, tracker)
            say(plain_answers.plain_answer(say, plain))
            return [SlotSet("last_strategy", "information")]
        if medical.took_too_much(text, earlier_messages(tracker, medical.RECENT)):  # sixth reading, H5
            say = Say(dispatcher, tracker)
            say(medical.too_much_line(say))
            return [SlotSet("last_strategy", "information")]
        honest = answered_honestly(dispatcher, tracker)
        if honest is not None:  # "Welche Horrorfilme magst du?", "How do I write that scene?" (thirteenth reading, M4, L7)
            return honest
        if story.about_a_story(tracker):  # "why did she throw herself under the train?" after the novel (tenth reading, L2)
            return story.answer(Say(dispatcher, tracker), tracker)
        lead = direct_ask.lead_in(text, earlier_messages(tracker, direct_ask.WINDOW), crisis_of(tracker))
        if lead and not tracker.get_slot("screening_question"):  # sixth reading, H1, H3: asked, never affirmed
            from actions.crisis_screen import ActionCrisisScreen  # crisis_screen.py imports this module

            say_answer(dispatcher, tracker, lead)
            return await ActionCrisisScreen().run(dispatcher, tracker, domain)
        answered = await answered_plainly(dispatcher, tracker, domain)
        if answered is not None:  # a command, a tool asked for, a question to the bot (seventh reading, M4, M5, L1)
            return answered
        if stops_questions(text):
            return listen_only(dispatcher, tracker)
        from actions import questions  # questions.py imports this module
        if questions.asks_for_a_person(text):  # "ich möchte mit jemandem aus dem team reden", unplaced (seventh reading, H4)
            return await questions.bring_a_person(Say(dispatcher, tracker), tracker, domain)
        if gives_nothing_back(tracker):
            return say_answer(dispatcher, tracker, "no_words")
        light = light_reply(tracker, text)
        if light:  # "je suis mort de rire devant cette série": no line that names sadness (tenth reading, M2)
            say = Say(dispatcher, tracker)
            say(least_recent(answers(say.lang)[light], say.recent))
            return [SlotSet("last_strategy", "reflection")]
        place = country_locale(text, language(tracker)) \
            if len(text.split()) <= WHERE_WORDS and not NOT_A_PLACE.search(folded(text)) else None
        if place:  # "i am in germany": the help lines there
            dispatcher.utter_message(text=resources_for(place).where(language(tracker)))
            return [SlotSet("last_strategy", "information")]
        return self.listen(dispatcher, tracker)

    def listen(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """Say this strategy's line for the latest message (a reflection instead of a question
        while the person asked for no questions)."""
        emotion = emotion_of(tracker.latest_message.get("metadata"))
        reading = emotion.get("state") or emotion.get("turn") or {}
        until = tracker.get_slot("listen_only_until")
        quiet = bool(until) and user_turns(tracker) <= until and self.strategy != "affirmation"
        line = listening.compose("reflection" if quiet else self.strategy, tracker.latest_message.get("text") or "",
                                 reading.get("label"), bot_lines(tracker), turn=user_turns(tracker),
                                 lang=language(tracker), echo=not (quiet or at_risk(emotion)),
                                 earlier=earlier_messages(tracker, FEELING_MEMORY)
                                 if recall.may_recall(tracker.latest_message.get("metadata")) else [])
        dispatcher.utter_message(text=line)
        return [SlotSet("last_strategy", self.strategy)]


def answered_honestly(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]] | None:
    """The honest answer to what a listening bot cannot answer ("which horror films do you like?", "how do I write that scene?")
    or to a figure of speech explained ("das sagt man halt so"), listen_asked.py; None for any other message, or in a turn at
    risk beyond "possible" (thirteenth reading, M4: a breathing exercise and a question about "the story")."""
    text = tracker.latest_message.get("text") or ""
    if at_risk(emotion_of(tracker.latest_message.get("metadata"))) and not only_possibly(tracker, text):
        return None
    kind = listen_asked.asked(text, earlier_messages(tracker, story.STORY_WINDOW))
    return say_answer(dispatcher, tracker, kind) if kind else None


def correction_taken_up(dispatcher: CollectingDispatcher, tracker: Tracker, said: str, key: str) -> List[Dict[Text, Any]]:
    """A correction taken up with the ``key`` answer; in English with what the person put right (``<key>_said``)."""
    say = Say(dispatcher, tracker)
    if said and say.lang == "en":  # "my sister, not my brother" said back as "your sister, not your brother" (eleventh reading, M9)
        said = said if key == "corrected" else second_person(said)
        say(least_recent(answers(say.lang)[f"{key}_said"], say.recent).format(said=said))
    else:
        say(least_recent(answers(say.lang)[key], say.recent))
    return [SlotSet("last_strategy", "reflection")]


async def answered_plainly(dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: Dict[Text, Any]) -> List[Dict[Text, Any]] | None:
    """The answer to what the latest message asks plainly, whatever the NLU read; None when it asks
    none of these: a command ("/handoff_resolved", L1), a tool or an exercise asked for ("can you do a
    mood check-in with me?", "puoi aiutarmi con un esercizio?", M4), a question about what the person
    said earlier or to the bot itself ("who moved to Canada?", "what would you do?", M5); eighth reading: a yes to the
    exercise just offered (M5), a question about the service ("who reads this?", "will you call the police?", M3), a
    correction ("no, that's not what i meant", M4) and recall in every language (M4)."""
    text = tracker.latest_message.get("text") or ""
    if COMMAND.match(text):  # answered as one, never quoted back as something the person feels (seventh reading, L1)
        return say_answer(dispatcher, tracker, "command")
    risky = at_risk(emotion_of(tracker.latest_message.get("metadata")))
    if risky and not only_possibly(tracker, text):  # risk: listened to, never a lighter answer
        return None
    # asked for, also at a "possible" risk the earlier turns carry ("kun je me een oefening geven?": eleventh reading, M8), or a
    # yes to the exercise just offered ("ok lets try it": eighth reading, M5)
    wanted = exercise.asked_for(text) or (None if risky else taken_up(tracker, text))
    if wanted:
        events = await run_asked(wanted, dispatcher, tracker, domain)
        if risky:  # with how to get help now, as a tool asked for during the screen
            dispatcher.utter_message(text=resources_for(help_locale(tracker, language(tracker)) or language(tracker)).short(language(tracker)))
        return events
    switched = asked_the_bot.language_asked_for(text)
    if switched:  # "can we speak English please": said yes to in that language (eleventh reading, M8)
        return say_answer(dispatcher, tracker, "language_switched", variant_of(switched, locale_of(tracker)))
    service = asked_the_bot.about_the_service(text)
    if service:  # "who reads this?", "do you know where i am?", "will you call the police?" (eighth reading, M3)
        say = Say(dispatcher, tracker)
        if service == "a_bot":
            say.response(domain, "utter_iamabot")
        else:  # with risk words only the police question comes here: its answer carries the help lines
            say(least_recent(answers(say.lang)[service], say.recent) + (" " + say.help_now.short(say.lang) if risk_words(text) else ""))
        return [SlotSet("last_strategy", "information")]
    fixed = asked_the_bot.fact_fix(text)
    if fixed is not None:  # "no wait, it was saturday not sunday": thanks, got it (tenth reading, M4)
        return correction_taken_up(dispatcher, tracker, fixed, "fact_fixed")
    meant = asked_the_bot.correction(text)
    if meant is not None:  # "no, that's not what i meant": taken up, never said back (eighth reading, M4)
        return correction_taken_up(dispatcher, tracker, meant, "corrected")
    if recall.asks(text) and not recall.may_recall(tracker.latest_message.get("metadata")):
        say = Say(dispatcher, tracker)  # a turn that did not prove its session: nothing of earlier turns (eighth reading, H8)
        say(recall.not_signed_in(say.lang, say.recent))
        return [SlotSet("last_strategy", "information")]
    if recall.asks(text):
        earlier = earlier_messages(tracker, 50)
        say = Say(dispatcher, tracker)
        key, values = "recall_unknown", {}
        if say.lang == "en":
            own = next((met[0] for t in reversed(earlier) for met in [introduced(t, listening.listening_in("en").own_name_patterns)]
                        if met), None)
            key, values = recall.answer(text, recall.corrected(earlier), own)  # the sister, not the brother put right (M9)
        said = None if recall.asks_all(text) else recall.quoted(text, earlier)  # their own words, any language (eighth reading, M4)
        if said and (key == "recall_unknown" or (key == "recall_told" and len(values["said"].split()) < 3)):
            key, values = "recall_quoted", {"said": said}
        told = first_told(tracker) if key == "recall_unknown" and recall.asks_all(text) else None
        if told:  # "puoi ricordare quello che ti ho detto?": the first thing they told (eleventh reading, M8)
            key, values = ("recall_told", {"said": said_back(told)}) if say.lang == "en" and said_back(told) \
                else ("recall_quoted", {"said": told})
        say(least_recent(answers(say.lang)[key], say.recent).format(**values))
        return [SlotSet("last_strategy", "information")]
    kind = asked_the_bot.asked(text)
    if kind:
        say_answer(dispatcher, tracker, kind)
        quiet = [SlotSet("listen_only_until", float(user_turns(tracker) + LISTEN_ONLY_TURNS))] if kind == "only_questions" else []
        return [SlotSet("last_strategy", "information"), *quiet]  # "only_questions": then no questions for a few turns
    from actions.situation_replies import asks_secrecy, secret_lines  # situation_replies imports this module

    if asks_secrecy(text) and not re.search(r"\btell me\b", text.lower()):  # "você promete não contar pra ninguém?" (ninth, M4)
        say = Say(dispatcher, tracker)
        say(least_recent(secret_lines(say.lang), say.recent))
        return [SlotSet("last_strategy", "information")]
    return None


LIGHT_RISK = 0.5
"""A "possible" turn whose own risk is below this is answered plainly (``only_possibly``); above it (0.7: "who reads this?"
then is the crisis flow's, eighth reading M3) it is listened to."""


def only_possibly(tracker: Tracker, text: str) -> bool:
    """Whether the latest turn is at risk only as "possible" (no flag, not high, its own risk below ``LIGHT_RISK``; often
    carried by earlier turns) and its message holds no risk words: a question to the bot, a correction or a question about what was said is still answered
    (ninth reading, M4: "qu'est-ce que j'ai dit sur ma mère tout à l'heure?", "Nein, das hast du falsch verstanden", pt-PT
    "és uma pessoa?" got listening lines); tools and small talk still wait."""
    crisis = crisis_of(tracker)
    return crisis.get("level") == "possible" and not crisis.get("flag") and float(crisis.get("risk") or 0.0) < LIGHT_RISK \
        and not risk_words(text)


NOT_A_PLACE = re.compile(r"\b(?:but|aber|mais|pero|ma|maar|mas)\b")
"""A short message that tells more than where the person is ("i'm german but living in leeds": tenth reading, M4, got the help
lines): listened to, not answered with the help lines."""


def light_reply(tracker: Tracker, text: str) -> str | None:
    """The ``answers`` key of a light reply: to an idiom of laughter, longing or hunger (tone.light_idiom: "me muero de ganas de
    ver a mi novia", read as sadness), or to the message after one that tells of nothing hard ("llega mañana", "stasera pizza con
    gli amici"); None for any other message, with risk words, or in a turn at risk (tenth reading, M2)."""
    if risk_words(without_idioms(text)) or at_risk(emotion_of(tracker.latest_message.get("metadata"))):
        return None
    kind = light_idiom(text)
    if kind:
        return f"idiom_{kind}"
    label = (emotion_of(tracker.latest_message.get("metadata")).get("turn") or {}).get("label")
    if listen_leisure.enjoyed(text, label) and not listening.troubled(text, None, language(tracker)):
        return "enjoyed"  # a horror-film marathon with friends, read as fear: no feeling to probe (thirteenth reading, M4)
    before = earlier_messages(tracker, 1)
    lang = language(tracker)
    if before and light_idiom(before[-1]) and not risk_words(without_idioms(before[-1])) and not risk_words(text) and not listening.troubled(text, None, lang) \
            and not listening.is_farewell(text):
        return "idiom_after"
    return None


def close_plainly(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]] | None:
    """The goodbye or the you're welcome to a message that only says goodbye or thanks (listening.closing: "night",
    "ok i'm here, bye", "ta"), whatever the NLU read; in a turn at risk the warm close with how to get help
    (``leaving_at_risk``), never small talk; None for any other message (eighth reading, L3)."""
    kind = listening.closing(tracker.latest_message.get("text") or "", language(tracker))
    if kind is None:
        return None
    if at_risk(emotion_of(tracker.latest_message.get("metadata"))):
        return leaving_at_risk(dispatcher, tracker, domain)
    name = "utter_goodbye" if kind == "goodbye" else "utter_you_are_welcome"
    dispatcher.utter_message(text=response(domain, name, bot_lines(tracker), language(tracker)))
    return [SlotSet("last_strategy", "information")]


BACK = re.compile(
    r"\b(?:i ?m back|i am back|back again|it ?s me again|bin wieder da|da bin ich wieder|me revoila|je suis de retour"
    r"|c ?est encore moi|he vuelto|ya volvi|(?:ya )?estoy de vuelta|sono tornat[oa]|rieccomi|eccomi di nuovo|ik ben (?:terug|er weer)"
    r"|daar ben ik weer|weer terug|(?:ja )?voltei|estou de volta|ca estou outra vez)\b")
"""A person saying they are back ("hi again, i'm back", "ich bin wieder da", "ya volví"), on the folded message; a greeting
again alone ("hi again") is greeted, unless it follows the person's goodbye."""
BACK_WORDS = 8
"""A return is a short message: a longer one says more, and is listened to."""


def comes_back(tracker: Tracker, text: str) -> bool:
    """Whether ``text`` greets the bot again after earlier turns: it says the person is back (``BACK``), or it is a
    greeting after their goodbye; short, no risk words, not in a turn at risk (eighth reading, L7: "hi again, i'm back"
    got "Is there a part of this you'd like to start with?")."""
    plain = folded(text).replace("'", " ").replace("’", " ")
    if user_turns(tracker) < 2 or len(plain.split()) > BACK_WORDS or risk_words(text) \
            or at_risk(emotion_of(tracker.latest_message.get("metadata"))):
        return False
    before = earlier_messages(tracker, 1)
    return bool(BACK.search(plain)) or (listening.is_greeting(text) and bool(before) and listening.is_farewell(before[-1]))


def welcome_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """ "Welcome back." and how things are now; in English, in a turn that proved its session (``session_proven``),
    with what the person told before ("Last time you told me your dad is in hospital after a stroke.")."""
    say = Say(dispatcher, tracker)
    told = told_before(tracker) if say.lang == "en" and recall.may_recall(tracker.latest_message.get("metadata")) else None
    key = "welcome_back_said" if told else "welcome_back"
    say(least_recent(answers(say.lang)[key], say.recent).format(said=told or ""))
    return [SlotSet("last_strategy", "question")]


def told_before(tracker: Tracker) -> str | None:
    """The first thing the person told about themselves in this conversation, said back in second person ("your dad
    is in hospital after a stroke"), as they put it right later ("your sister", not the brother they took back: eleventh
    reading, M9): not a greeting, a goodbye or thanks, never a message with risk words or one read at risk; None when none
    can be said back."""
    for text in told(tracker):
        said = said_back(text)
        if said and len(said.split()) >= 3:
            return said
    return None


def told(tracker: Tracker) -> List[str]:
    """What the person told before the latest message, oldest first, with the facts they put right made in it
    (recall.corrected), and no greeting, goodbye, thanks, question, message with risk words or message read at high risk
    (a "possible" reading of a move or a deadline, "me cambio de piso el viernes", is still what they told: thirteenth
    reading, L3, "¿qué te dije al principio?" got the previous line)."""
    events = [e for e in tracker.events if e.get("event") == "user"][:-1]
    texts = recall.corrected([e.get("text") or "" for e in events if not read_high(emotion_of(e.get("metadata")))])
    return [text for text in texts if text and not listening.is_greeting(text) and not listening.closing(text)
            and not text.rstrip().endswith("?") and not risk_words(text) and not system_text(text)]


def read_high(emotion: Dict[str, Any]) -> bool:
    """Whether a turn's ``emotion`` reading flagged crisis risk or read it high."""
    crisis = crisis_in(emotion)
    return bool(crisis.get("flag")) or crisis.get("level") == "high"


def first_told(tracker: Tracker) -> str | None:
    """The first message of at least ``TOLD_WORDS`` words the person told (:func:`told`), as they wrote it; None when none."""
    return next((text for text in told(tracker) if len(text.split()) >= TOLD_WORDS), None)


TOLD_WORDS = 3


def leaving_at_risk(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    """A goodbye or thanks in a conversation with crisis risk: a warm close and how to get help now."""
    say = Say(dispatcher, tracker)
    say.response(domain, "utter_leaving_at_risk")
    say(say.help_now.short(say.lang))
    return [SlotSet("last_strategy", "information")]


def taken_up(tracker: Tracker, text: str) -> str | None:
    """The exercise the bot's last turn offered ("Want to try a quick 5-4-3-2-1 exercise? Say 'grounding'."), when ``text``
    says yes to it ("ok lets try it", "ok, probieren wir"); not while a person from the team is on offer."""
    if tracker.get_slot("offered_person") or not exercise.takes_up(text):
        return None
    return exercise.offered(bot_lines(tracker, 1))


async def run_asked(wanted: str, dispatcher: CollectingDispatcher, tracker: Tracker,
                    domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    """The tool the person asked for (``wanted``: breathing, grounding, checkin), or, for an exercise
    they did not name, the offer of the exercises."""
    tool = {"breathing": ActionToolBreathing, "grounding": ActionToolGrounding, "checkin": ActionToolCheckin}.get(wanted)
    if tool is None:
        return say_answer(dispatcher, tracker, "exercise_offer")
    return tool().start(dispatcher, tracker)  # asked for: started (ninth reading, M3: "c'est quoi un truc pour se calmer")


def stops_questions(text: str) -> bool:
    """Whether ``text`` asks the bot to stop asking questions (``STOP_ASKING``)."""
    plain = folded(text)
    return bool(STOP_ASKING.search(plain.replace("'", "").replace("’", "")))


def listen_only(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """ "Of course. I'm listening, take your time." and no questions for the next turns."""
    events = say_answer(dispatcher, tracker, "listening_only")
    return [*events, SlotSet("listen_only_until", float(user_turns(tracker) + LISTEN_ONLY_TURNS))]


def gives_nothing_back(tracker: Tracker) -> bool:
    """This message and the two before are minimal ("meh", "k", "..."), and the ``no_words`` line
    was not said in the bot's last lines."""
    said = earlier_messages(tracker, 2) + [tracker.latest_message.get("text") or ""]
    minimal = len(said) == 3 and all(not re.sub(r"[\W_]+", "", t) or t.strip().lower().strip(".!?") in MINIMAL
                                     for t in said)
    recent = bot_lines(tracker)
    return minimal and not any(line in recent for lang in ("en", language(tracker)) for line in answers(lang)["no_words"])


def say_answer(dispatcher: CollectingDispatcher, tracker: Tracker, name: str, lang: str | None = None) -> List[Dict[Text, Any]]:
    """A line of ``answers.<name>`` in the person's language (or ``lang``), the one said least recently."""
    dispatcher.utter_message(text=least_recent(answers(lang or language(tracker))[name], bot_lines(tracker)))
    return [SlotSet("last_strategy", "reflection")]


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
        other = await answer_other_language(dispatcher, tracker, domain)
        if other is not None:  # a language the bot cannot read: said so, the lines, a person (thirteenth reading, H2)
            return other
        dispatcher.utter_message(text=response(domain, self.response_name, bot_lines(tracker), language(tracker)))
        return []


class ActionGreet(FreshResponse):
    """A greeting; mid-conversation, a message the NLU read as one but that greets nobody ("ok",
    "haha fair", "anyway") is listened to instead of greeted (the fifth reading's "greets again in
    the middle of conversations"); a greeting that tells the person's name ("hi my name is sam")
    welcomes them by it (listening.compose)."""

    response_name = "utter_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        other = await answer_other_language(dispatcher, tracker, domain)
        if other is not None:  # a language the bot cannot read: said so, the lines, a person (thirteenth reading, H2)
            return other
        text = tracker.latest_message.get("text") or ""
        if user_turns(tracker) > 1 and (still_there(text) or back_after_handoff(tracker, text)):
            return still_here(dispatcher, tracker)
        if closes(tracker, text):  # a closing "ciao" (seventh reading, L7)
            return await ActionGoodbye().run(dispatcher, tracker, domain)
        if comes_back(tracker, text):  # "hi again, i'm back" (eighth reading, L7)
            return welcome_back(dispatcher, tracker)
        if exercise.asked_for(text) and not at_risk(emotion_of(tracker.latest_message.get("metadata"))):
            return await run_asked(exercise.asked_for(text), dispatcher, tracker, domain)  # "hi, can you do a mood check-in with me?"
        if listening.introduces(text, language(tracker)) or (user_turns(tracker) > 1 and not listening.is_greeting(text)):
            return await ActionSupportQuestion().run(dispatcher, tracker, domain)
        return await super().run(dispatcher, tracker, domain)


def closes(tracker: Tracker, text: str) -> bool:
    """Whether ``text``, a word that both greets and says goodbye ("ciao", "salut", "tchau"), closes the
    conversation: said after the person's first message, alone (seventh reading, L7: a closing "ciao"
    got the opening greeting again)."""
    return user_turns(tracker) > 1 and len(text.split()) <= 2 and listening.is_farewell(text) and listening.is_greeting(text)


class ActionYouAreWelcome(FreshResponse):
    """ "You're welcome" to thanks; a message the NLU read as thanks that thanks nobody ("the bank's
    taking it": seventh reading, M5) is listened to instead."""

    response_name = "utter_you_are_welcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        if not says(bank.bank().thanks, folded(text)) and listening.closing(text, language(tracker)) != "thanks":  # "ta" (L3)
            return await not_a_goodbye(dispatcher, tracker, domain)
        return await super().run(dispatcher, tracker, domain)


class ActionGoodbye(FreshResponse):
    """A goodbye; a message the NLU read as one but that says no farewell ("i have nowhere to go",
    "most nights now") is listened to instead (sixth reading, H2: "Take care of yourself" to a
    person in distress)."""

    response_name = "utter_goodbye"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not listening.is_farewell(tracker.latest_message.get("text") or ""):
            return await not_a_goodbye(dispatcher, tracker, domain)
        return await super().run(dispatcher, tracker, domain)


async def not_a_goodbye(dispatcher: CollectingDispatcher, tracker: Tracker,
                        domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    """A message read as a goodbye that says none: the open situation's next line ("i have nowhere
    to go" after abuse at home), else listening."""
    from actions.situation_replies import ActionSituation, situation_open  # situation_replies imports this module

    if situation_open(tracker):
        return await ActionSituation().run(dispatcher, tracker, domain)
    return await ActionSupportQuestion().run(dispatcher, tracker, domain)


class ActionSupportAtRisk(Action):
    """A greeting, thanks or goodbye in a conversation with crisis risk: never small talk. A
    goodbye or thanks gets a warm close with how to get help; a greeting an open question."""

    def name(self) -> Text:
        return "action_support_at_risk"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        other = await answer_other_language(dispatcher, tracker, domain)
        if other is not None:  # a language the bot cannot read: said so, the lines, a person (thirteenth reading, H2)
            return other
        from actions.crisis import escalate_again, under_way_again  # crisis.py imports this module (through situation_replies)

        if (why := under_way_again(tracker)):  # eighth reading, H2
            return await escalate_again(dispatcher, tracker, domain, why)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "greet" and not closes(tracker, tracker.latest_message.get("text") or ""):
            return await ActionSupportQuestion().run(dispatcher, tracker, domain)
        if intent == "goodbye" and not listening.is_farewell(tracker.latest_message.get("text") or ""):
            return await not_a_goodbye(dispatcher, tracker, domain)
        return leaving_at_risk(dispatcher, tracker, domain)


class Tool(Action):
    """A tool the person asked for: its first message (breathing and grounding then go one step at a
    time: exercise.py), or the check-in's question. It runs when the person names
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
        if exercise.declines(text):  # "i dont really have time for breathing exercises tbh" (ninth reading, M3)
            return False
        return bank.names_tool(self.tool, text) or (confidence >= self.SURE and not just_ran) or taken_up(tracker, text) == self.tool

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lines = bank.tool(self.tool, language(tracker))
        if exercise.declines(tracker.latest_message.get("text") or "") and \
                not at_risk(emotion_of(tracker.latest_message.get("metadata"))):  # turned down: no exercise, and heard
            return say_answer(dispatcher, tracker, "exercise_declined")
        if not self.asked(tracker, lines):
            return await ActionSupportRestatement().run(dispatcher, tracker, domain)
        return self.start(dispatcher, tracker)

    def start(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """The tool's first message(s), and the slots that keep it going."""
        lines = bank.tool(self.tool, language(tracker))
        for line in lines:
            dispatcher.utter_message(text=line)
        return [SlotSet("last_strategy", "tool"), *exercise.started(self.tool)] + \
            ([SlotSet("awaiting_checkin", True)] if self.tool == "checkin" else [])


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
            line += " " + resources_for(help_locale(tracker, lang) or lang).short(lang)
        dispatcher.utter_message(text=line)
        return [SlotSet("awaiting_checkin", False), SlotSet("mood_score", float(score))]


def requested_tool(tracker: Tracker) -> Tool | None:
    """The tool the latest message asks for (named, or an NLU intent it is sure of), or None."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text") or ""
    for tool in (ActionToolBreathing(), ActionToolGrounding(), ActionToolCheckin()):
        if (intent == f"ask_{tool.tool}" or bank.names_tool(tool.tool, text)) and \
                tool.asked(tracker, bank.tool(tool.tool, language(tracker))):
            return tool
    return None
