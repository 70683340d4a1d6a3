"""The support bot's help lines and listening, eleventh exploratory reading (data/exploratory/2026-12-07/reading11) M1, M6, M8,
M9, M11: Switzerland's lines for it-CH and fr-CH (M1); a young person's lines first, and a pt-PT crisis reply in European
Portuguese (M11); what helps for a partner who asks how to help (M6); an exercise, the bot's name, a language and what was said,
asked for (M8); facts put right, kept after a pause (M9)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions.bank import answers  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt", "pt-PT")


def tracker_for(turns, text, locale="en-GB", crisis=None, slots=None, intent="share_feelings"):
    """A tracker whose person said ``turns`` (their messages, each with the bot's lines after it), then ``text``."""
    from rasa_sdk import Tracker

    events = []
    for words, bot_said in turns:
        events.append({"event": "user", "text": words, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.6}, "entities": [],
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}}
    return Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen")


def said(turns, text, locale="en-GB", crisis=None, intent="share_feelings") -> list[str]:
    """What the listening reply says to ``text`` after ``turns``."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.replies import ActionSupportQuestion

    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSupportQuestion().run(dispatcher, tracker_for(turns, text, locale, crisis, intent=intent), DOMAIN))
    return [m["text"] for m in dispatcher.messages]


# --- M1: Switzerland in Italian and French ---

@pytest.mark.parametrize("locale, lang, line", [("it-CH", "it", "143"), ("fr-CH", "fr", "143"), ("de-CH", "de", "143"), ("it_ch", "it", "143")])
def test_a_swiss_page_gets_swiss_lines_not_italys_or_frances(locale, lang, line) -> None:
    from actions.resources import resources_for

    full = resources_for(locale).full(lang)
    assert f"[{line}](tel:{line})" in full and "144" in full and "117" in full, full
    assert "2327" not in full and "3114" not in full and "19696" not in full, full
    assert "147" in resources_for(locale).sentence("child", lang)


def test_the_tutor_lines_for_it_ch_are_switzerlands() -> None:
    from policies.crisis_lines import lines_for

    assert [line["phone"] for line in lines_for("it-CH").child] == ["147"]
    assert lines_for("it-IT").child[0]["phone"] == "19696"  # Italy keeps Telefono Azzurro


def test_a_swiss_country_named_in_italian_gets_it_ch() -> None:
    from actions.resources import country_locale

    assert country_locale("sono in svizzera", "it") == "it-CH" and country_locale("je suis en suisse", "fr") == "fr-CH"


# --- M11: a young person's lines first ---

@pytest.mark.parametrize("text", ["im 14 and everyone at school hates me", "tenho 15 anos e toda a gente na escola goza comigo",
                                  "ich bin 13", "j'ai 14 ans", "I'm only 15", "ho 16 anni"])
def test_a_person_who_says_their_age_under_18_is_young(text) -> None:
    from actions.resources import says_young

    assert says_young([text])


@pytest.mark.parametrize("text", ["I am 25", "i took 15 pills", "im 5 minutes away", "ho 10 giorni di ferie", "ik ben 15 kilo afgevallen"])
def test_a_number_that_is_no_age_under_18_is_not(text) -> None:
    from actions.resources import says_young

    assert not says_young([text])


@pytest.mark.parametrize("locale, lang, child, adult", [("en-AU", "en", "1800 55 1800", "13 11 14"),
                                                       ("pt-PT", "pt-PT", "116 111", "213 544 545"),
                                                       ("it-CH", "it", "[147]", "[143]")])
def test_a_young_persons_crisis_lines_put_the_childrens_line_first(locale, lang, child, adult) -> None:
    from actions.resources import resources_for

    full = resources_for(locale, young=True).full(lang)
    assert child in full and adult in full and full.index(child) < full.index(adult), full
    assert child not in resources_for(locale).full(lang)  # an adult's lines as before


def test_a_person_who_said_they_are_14_gets_the_childrens_line_first_in_every_answer() -> None:
    """A08 (en-AU): "im 14 and everyone at school hates me", then the risk: the crisis reply gave Lifeline only."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.conversation import Say

    young = Say(CollectingDispatcher(), tracker_for([("im 14 and everyone at school hates me", ["That sounds hard."])],
                                                    "i just wanna go to sleep and never wake up", locale="en-AU"))
    adult = Say(CollectingDispatcher(), tracker_for([("im 40 and everyone at work hates me", ["That sounds hard."])],
                                                    "i just wanna go to sleep and never wake up", locale="en-AU"))
    assert "1800 55 1800" in young.help_now.full("en") and "1800 55 1800" not in adult.help_now.full("en")


def test_a_locale_without_a_childrens_line_keeps_its_lines() -> None:
    from actions.resources import resources_for

    assert resources_for("es-MX", young=True).full("es") == resources_for("es-MX").full("es")


def test_a_pt_pt_crisis_reply_is_european_portuguese() -> None:
    from actions.conversation import variants

    lines = [*variants(DOMAIN, "utter_crisis_concern", "pt-PT"), *variants(DOMAIN, "utter_handoff_joining", "pt-PT"),
             *variants(DOMAIN, "utter_handoff_failed", "pt-PT"), *answers("pt-PT")["handoff_busy"], *answers("pt-PT")["person_joining"]]
    assert lines and not [line for line in lines if "você" in line or "equipe" in line], lines


# --- M6: how to help someone at risk ---

@pytest.mark.parametrize("lang, locale, text", [
    ("en", "en-US", "how can I help him? I'm not in danger myself, I just want to support him"),
    ("de", "de-DE", "wie kann ich ihm helfen? ich bin selbst nicht in gefahr"),
    ("fr", "fr-FR", "comment je peux l'aider ? moi je ne suis pas en danger"),
    ("es", "es-ES", "¿cómo puedo ayudarle? yo no estoy en peligro"),
    ("it", "it-IT", "come posso aiutarlo? io non sono in pericolo"),
    ("nl", "nl-NL", "hoe kan ik hem helpen? ik ben zelf niet in gevaar"),
    ("pt", "pt-BR", "como posso ajudar ele? eu não estou em perigo"),
])
def test_a_partner_asking_how_to_help_gets_what_helps(lang, locale, text) -> None:
    from rasa_sdk.executor import CollectingDispatcher

    from actions import situation_replies
    from actions.conversation import Say

    tracker = tracker_for([("my boyfriend said he wants to kill himself last night", ["..."])], text, locale,
                          crisis={"level": "possible", "risk": 0.01, "guards": ["past"]},
                          slots={"situation_open": "friend_at_risk", "situation_until": 4.0})
    assert not situation_replies.moved_on("friend_at_risk", tracker)
    line = situation_replies.situation_line("friend_at_risk", Say(CollectingDispatcher(), tracker), tracker, after=True)
    assert line.startswith(answers(lang)["situation_friend_how_to_help"][0][:40]), line


# --- M8: tools and questions ---

def test_a_breathing_exercise_asked_for_starts() -> None:
    from actions.bank import tool

    assert said([("hi", ["Hi"])], "can you give me a breathing exercise?", intent="ask_capability") == tool("breathing", "en")


def test_an_exercise_asked_for_at_a_possible_risk_of_earlier_turns_is_given_with_the_help_lines() -> None:
    got = said([("ik heb zin om te verdwijnen", ["..."])], "kun je me een oefening geven?", locale="nl-NL",
               crisis={"level": "possible", "risk": 0.05, "flag": False})
    assert got[0] == answers("nl")["exercise_offer"][0] and "113" in got[-1], got


@pytest.mark.parametrize("text, locale, lang", [("come ti chiami?", "it-IT", "it"), ("what's your name?", "en-GB", "en"),
                                                ("hoe heet je?", "nl-NL", "nl"), ("como te chamas?", "pt-PT", "pt-PT")])
def test_the_bots_name_asked_is_answered(text, locale, lang) -> None:
    assert said([("ciao", ["Ciao"])], text, locale=locale) == answers(lang)["bot_name"]


@pytest.mark.parametrize("text, lang", [("can we speak English please", "en"), ("können wir deutsch sprechen?", "de"),
                                        ("podemos hablar en español por favor", "es")])
def test_a_language_asked_for_is_said_yes_to_in_it(text, lang) -> None:
    assert said([("mia nonna è morta la settimana scorsa", ["..."])], text, locale="it-IT") == answers(lang)["language_switched"]


def test_can_you_speak_spanish_is_still_a_question_whether_it_can() -> None:
    from actions.asked_the_bot import language_asked_for

    assert language_asked_for("can you speak spanish?") is None


def test_what_should_i_do_about_work_gets_places_to_start() -> None:
    assert said([("my job is really stressing me out", ["..."])], "what do you think I should do about work?") == answers("en")["what_first"]


def test_do_you_remember_what_i_told_you_says_it_back() -> None:
    turns = [("ciao", ["Ciao"]), ("ho litigato con mia sorella ieri sera", ["..."])]
    assert said(turns, "puoi ricordare quello che ti ho detto?", locale="it-IT") == \
        [answers("it")["recall_quoted"][0].format(said="ho litigato con mia sorella ieri sera")]
    assert said([("my job is really stressing me out", ["..."])], "do you remember what I told you?") == \
        ["You told me your job is really stressing you out."]


# --- M9: facts put right ---

BROTHER = [("hi", ["Hi"]), ("I've been feeling really low since my brother moved away", ["So ..."]),
           ("sorry, I meant my sister, not my brother", ["Ah ..."])]


def test_a_correction_is_said_back_in_second_person() -> None:
    assert said(BROTHER[:2], "sorry, I meant my sister, not my brother") == \
        [answers("en")["fact_fixed_said"][0].format(said="your sister, not your brother")]


def test_after_a_pause_the_fact_as_put_right_is_recalled() -> None:
    got = said([*BROTHER, ("thanks, bye for now", ["Take care of yourself."])], "hi, it's me again", intent="greet")
    assert got and "your sister moved away" in got[0] and "brother" not in got[0], got
    assert said(BROTHER, "what did I tell you about my sister?") == \
        ["You told me you've been feeling really low since your sister moved away."]


@pytest.mark.parametrize("before, text", [("ik voel me verdrietig", "nee, niet verdrietig, eerder boos"),
                                          ("mijn baas heeft me ontslagen", "sorry, niet ontslagen, berispt")])
def test_a_dutch_correction_is_taken_up(before, text) -> None:
    assert said([("hoi", ["Hoi"]), (before, ["..."])], text, locale="nl-NL") == answers("nl")["fact_fixed"]


@pytest.mark.parametrize("text, pair", [("sorry, I meant my sister, not my brother", ("my brother", "my sister")),
                                        ("nee, niet verdrietig, eerder boos", ("verdrietig", "boos")),
                                        ("nein, nicht traurig, eher wütend", ("traurig", "wutend")),
                                        ("no, not really, im just tired", None)])
def test_what_a_correction_takes_back(text, pair) -> None:
    from actions.asked_the_bot import put_right

    assert put_right(text) == pair


def test_corrections_are_made_in_the_messages_before_them() -> None:
    from actions.recall import corrected

    assert corrected(["hoi", "mijn baas heeft me ontslagen", "sorry, niet ontslagen, berispt"]) == ["hoi", "mijn baas heeft me berispt"]


def test_a_swiss_italian_page_opens_with_switzerlands_lines() -> None:
    """M1 (it-CH): the page's greeting gave the Milan number of Telefono Amico Italia."""
    credentials = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot" / "support" / "credentials.yml").read_text())
    greeting = credentials["connectors.web.channel.EmobotWebInput"]["page"]["greetings"]["it-ch"]
    assert "[143](tel:143)" in greeting and "[147](tel:147)" in greeting and "2327" not in greeting


@pytest.mark.parametrize("text", ["im 10 feet from the edge", "i am 6 floors up", "ik ben 8 jaar getrouwd", "im 8 years sober"])
def test_numbers_that_are_no_age_keep_the_adult_lines(text) -> None:
    """A stranger's review: "im 10 feet from the edge" was read as a child's age, and an adult on a ledge got the
    children's line first."""
    from actions.resources import says_young

    assert not says_young([text])


def test_a_correction_with_a_backslash_is_taken_as_words() -> None:
    """A stranger's review: the person's words were a regex template ("sister\\," raised re.error in every recall)."""
    from actions.recall import corrected

    assert corrected(["i feel low since my brother moved", "sorry, I meant my sister\\1, not my brother"]) == [
        "i feel low since my sister\\1 moved"]
