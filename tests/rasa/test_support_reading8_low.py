"""The support bot's answers to the eighth exploratory reading's low findings L1, L3, L4 and L7 (2026-12-07,
data/exploratory/2026-12-07/reading8): a pt-PT page got Brazilian Portuguese ("Oi", "você": L1); goodbyes and thanks
such as "night", "ta", "ok i'm here, bye" and "thanks for listening at this silly hour" got listening lines (L3); "Does
that make sense?" got the medication disclaimer (L4); "hi again, i'm back" got no welcome back, and "hoy hace 200 días
que no bebo 🎉" was not celebrated as "200 days sober" is (L7)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import listening  # noqa: E402
from actions.bank import answers, listening_in  # noqa: E402
from actions.language import translated, variant_of  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-BR"}
LONG_DAY = {"en": "i had a really long day at work", "de": "ich hatte einen sehr langen Tag bei der Arbeit",
            "fr": "j'ai eu une très longue journée au travail", "es": "he tenido un día muy largo en el trabajo",
            "it": "ho avuto una giornata molto lunga al lavoro", "nl": "ik had een heel lange dag op mijn werk",
            "pt": "eu tive um dia muito longo no trabalho"}


def run(action, turns, text, intent="share_feelings", crisis=None, locale="en-GB", slots=None, label="neutral", proven=True):
    """What ``action`` says to ``text`` after ``turns`` (the person's messages, each with the bot's lines after it)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for said, bot_said in turns:
        events.append({"event": "user", "text": said, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": label}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.6},
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": proven}}
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"), DOMAIN))
    return [m["text"] for m in dispatcher.messages]


def lines_of(name: str, lang: str) -> list[str]:
    own = ((translated(lang) or {}).get("responses") or {}).get(name)
    return own or [v["text"] for v in DOMAIN["responses"][name]]


def support_reply():
    from actions.replies import ActionSupportQuestion

    return ActionSupportQuestion()


# --- L1: European Portuguese on a pt-PT page ---

def test_a_pt_pt_page_gets_european_portuguese_and_a_pt_br_page_brazilian() -> None:
    from actions.replies import ActionGreet

    portugal = run(ActionGreet(), [], "olá", intent="greet", locale="pt-PT")
    brazil = run(ActionGreet(), [], "olá", intent="greet", locale="pt-BR")
    assert portugal[0].startswith("Olá") and "você" not in portugal[0].lower() and "estás" in portugal[0], portugal
    assert brazil[0].startswith("Oi") and "você" in brazil[0], brazil                       # pt-BR as before
    said = run(support_reply(), [("olá", portugal)], "fui diagnosticada com lúpus há um mês", locale="pt-PT")
    assert "você" not in said[0].lower() and said[0] in listening_in("pt-PT").strategies["question"]["general"], said


def test_the_pt_pt_screen_questions_and_help_lines_say_tu() -> None:
    from actions import screener
    from actions.resources import resources_for

    for number, question in screener.questions("pt-PT").items():
        assert "você" not in (question.ask + question.again).lower(), number
    assert "Sentiste-te assim no último mês?" in screener.questions("pt-PT")[1].ask
    assert "Você se sentiu assim no último mês?" in screener.questions("pt")[1].ask
    assert "estiveres" in resources_for("pt-PT").full("pt-PT") and "você" in resources_for("pt-PT").full("pt")


def test_the_pt_pt_lines_are_the_portuguese_ones_with_the_variant_laid_over() -> None:
    pt, pt_pt = translated("pt"), translated("pt-PT")
    assert set(pt_pt["responses"]) == set(pt["responses"])
    assert all(len(pt_pt["responses"][name]) == len(lines) for name, lines in pt["responses"].items())
    assert sorted(pt_pt["questions"]) == [1, 2, 3, 4, 5, 6] and set(pt_pt["resources"]) == set(pt["resources"])
    assert set(pt_pt["strategies"]) == set(pt["strategies"]) and pt_pt["checkin_answer"]["numbers"] == pt["checkin_answer"]["numbers"]
    assert all("{" not in line for pool in pt_pt["strategies"].values() for line in pool)
    assert answers("pt-PT")["ask_who_reads"] == answers("pt")["ask_who_reads"]          # not overlaid: pt.yml's
    assert answers("pt-PT")["welcome_back"] != answers("pt")["welcome_back"]


@pytest.mark.parametrize("lang, locale, variant", [
    ("pt", "pt-PT", "pt-PT"), ("pt", "pt_pt", "pt-PT"), ("pt", "pt-BR", "pt"), ("pt", "pt", "pt"), ("pt", None, "pt"),
    ("en", "pt-PT", "en"), ("es", "es-ES", "es"),
])
def test_the_variant_comes_from_the_page_locale_and_the_language_written(lang, locale, variant) -> None:
    assert variant_of(lang, locale) == variant


def test_a_recall_question_in_an_unproven_pt_pt_turn_says_tu() -> None:
    from actions import recall

    line = recall.not_signed_in("pt-PT")
    assert "és tu" in line and "você" not in line


# --- L3: goodbyes and thanks the NLU read as something to listen to ---

GOODBYES = [("en", "night"), ("en", "nite"), ("en", "ok i'm here, bye"), ("en", "cya"), ("en", "gotta go"),
            ("en", "bye for now"), ("en", "ttyl"), ("en", "Night!"), ("de", "ok tschüss"), ("fr", "bon, à bientôt"),
            ("es", "vale, hasta luego"), ("it", "ok a presto"), ("nl", "oké doei"), ("pt", "tchau")]
THANKS = [("en", "ta"), ("en", "thanks for listening at this silly hour"), ("en", "ta very much"),
          ("de", "danke fürs zuhören"), ("fr", "merci de m'avoir écouté"), ("es", "gracias por escucharme"),
          ("it", "grazie mille"), ("nl", "bedankt voor het luisteren"), ("pt", "obrigada por me ouvir")]


@pytest.mark.parametrize("lang, text", GOODBYES)
def test_a_goodbye_read_as_something_to_listen_to_gets_the_goodbye(lang, text) -> None:
    said = run(support_reply(), [(LONG_DAY[lang], ["..."])], text, locale=LOCALES[lang])
    assert said and said[0] in lines_of("utter_goodbye", lang), said


@pytest.mark.parametrize("lang, text", THANKS)
def test_thanks_read_as_something_to_listen_to_gets_you_are_welcome(lang, text) -> None:
    said = run(support_reply(), [(LONG_DAY[lang], ["..."])], text, locale=LOCALES[lang])
    assert said and said[0] in lines_of("utter_you_are_welcome", lang), said


def test_ta_read_as_thanks_is_answered_and_night_read_as_a_goodbye_is_one() -> None:
    from actions.replies import ActionGoodbye, ActionYouAreWelcome

    assert run(ActionYouAreWelcome(), [("hey", ["Hi"])], "ta", intent="thank", locale="en-AU")[0] in lines_of("utter_you_are_welcome", "en")
    assert run(ActionGoodbye(), [("hey", ["Hi"])], "night", intent="goodbye")[0] in lines_of("utter_goodbye", "en")


@pytest.mark.parametrize("text", [
    "i couldn't sleep last night", "this is my last night", "goodbye everyone", "bye everyone, thanks for everything",
    "thanks for everything, i won't be around", "thanks to my mum i'm still here", "no thanks", "thanks for nothing",
    "thanks but i still feel awful", "last nite was awful", "i have nowhere to go", "tá bom",
])
def test_a_message_that_says_more_or_carries_risk_gets_no_goodbye_or_thanks(text) -> None:
    closing = {*lines_of("utter_goodbye", "en"), *lines_of("utter_you_are_welcome", "en"),
               *lines_of("utter_goodbye", "pt"), *lines_of("utter_you_are_welcome", "pt")}
    said = run(support_reply(), [("i had a long day", ["I'm listening."])], text)
    assert not set(said) & closing, said
    assert listening.closing(text) is None


def test_a_goodbye_the_nlu_read_as_one_that_only_names_the_night_is_listened_to() -> None:
    from actions.replies import ActionGoodbye

    said = run(ActionGoodbye(), [("hey", ["Hi"])], "last nite was awful", intent="goodbye")
    assert not set(said) & set(lines_of("utter_goodbye", "en")), said


@pytest.mark.parametrize("text", ["night", "thanks for listening at this silly hour", "ok i'm here, bye"])
def test_a_goodbye_or_thanks_in_a_turn_at_risk_gets_the_warm_close_with_help(text) -> None:
    said = run(support_reply(), [("i don't see the point anymore", ["I'm listening."])], text,
               crisis={"risk": 0.4, "level": "possible"})
    assert said[0] in lines_of("utter_leaving_at_risk", "en") and "116 123" in said[1], said


# --- L4: the medical answer only to a medical question ---

@pytest.mark.parametrize("locale, text", [("en-GB", "Does that make sense?"),
                                          ("de-DE", "manchmal kann ich morgens die Kaffeetasse nicht halten"),
                                          ("en-GB", "is that weird?")])
def test_a_question_that_names_nothing_medical_gets_no_medication_disclaimer(locale, text) -> None:
    from actions.questions import ActionAnswerQuestion

    said = run(ActionAnswerQuestion(), [("it's been a year since the divorce", ["I'm listening."])], text,
               intent="ask_medical", locale=locale)
    assert said and not set(said) & set(answers(locale[:2])["ask_medical"]), said


@pytest.mark.parametrize("locale, text", [("en-GB", "should i see a doctor?"), ("de-DE", "hab ich eine depression?"),
                                          ("es-ES", "¿puedo tomar alcohol con mis pastillas?"),
                                          ("pt-BR", "comecei a tomar fluoxetina e tô com dor de cabeça. é normal?")])
def test_a_medical_question_still_gets_the_medical_answer(locale, text) -> None:
    from actions.questions import ActionAnswerQuestion

    said = run(ActionAnswerQuestion(), [(LONG_DAY[locale[:2]], ["..."])], text, intent="ask_medical", locale=locale)
    assert said[0] in answers(locale[:2])["ask_medical"], said


def test_every_medical_question_the_nlu_learns_names_something_medical() -> None:
    from actions.medical import names_medical

    nlu = yaml.safe_load((SUPPORT / "data" / "nlu_questions.yml").read_text())
    examples = [line[2:] for block in nlu["nlu"] if block.get("intent") == "ask_medical"
                for line in block["examples"].splitlines() if line.startswith("- ")]
    assert len(examples) > 50 and [e for e in examples if not names_medical(e)] == []


# --- L7: welcome back, and celebrations in every language ---

A26 = [("hi", ["Hi, I'm here to listen. How are you feeling today?"]),
       ("my dad is in hospital after a stroke", ["You're saying your dad is in hospital after a stroke."]),
       ("his name is Peter", ["Peter. I'm glad you told me."]), ("i have to go, visiting time", ["..."]),
       ("bye", ["Take care of yourself. I'm here whenever you want to talk again."])]


@pytest.mark.parametrize("intent", ["greet", "share_feelings"])
def test_back_in_the_same_session_is_welcomed_back_with_what_was_told(intent) -> None:
    from actions.replies import ActionGreet

    action = ActionGreet() if intent == "greet" else support_reply()
    said = run(action, A26, "hi again, i'm back", intent=intent)
    assert said == ["Welcome back. Last time you told me your dad is in hospital after a stroke. How are things now?"]


def test_back_in_a_turn_that_did_not_prove_its_session_is_welcomed_without_quoting() -> None:
    said = run(support_reply(), A26, "hi again, i'm back", proven=False)
    assert said[0] in answers("en")["welcome_back"] and "stroke" not in said[0], said


@pytest.mark.parametrize("lang, before, bye, back", [
    ("de", "mein vater liegt im krankenhaus", "tschüss", "hallo, ich bin wieder da"),
    ("fr", "mon père est à l'hôpital", "au revoir", "coucou"), ("es", "mi padre está en el hospital", "adiós", "hola"),
    ("it", "mio padre è in ospedale", "ciao", "rieccomi"), ("nl", "mijn vader ligt in het ziekenhuis", "doei", "hoi"),
    ("pt", "meu pai está no hospital", "tchau", "oi, voltei"), ("en", "my dad is in hospital", "bye", "hey"),
])
def test_a_greeting_after_the_person_s_goodbye_is_a_welcome_back_in_their_language(lang, before, bye, back) -> None:
    from actions.replies import ActionGreet

    said = run(ActionGreet(), [(before, ["..."]), (bye, ["..."])], back, intent="greet", locale=LOCALES[lang], proven=False)
    assert said[0] in answers(lang)["welcome_back"], said
    assert all(answers(lang)["welcome_back"]) and (lang == "en" or answers(lang)["welcome_back"] != answers("en")["welcome_back"])


def test_back_with_risk_is_no_welcome_back() -> None:
    said = run(support_reply(), A26, "i'm back, i can't stop thinking about ending it", crisis={"risk": 0.9, "level": "high"})
    assert not set(said) & {*answers("en")["welcome_back"], *answers("en")["welcome_back_said"]}, said


@pytest.mark.parametrize("lang, text", [
    ("en", "today is 200 days sober!!! 🎉🎉"), ("es", "hoy hace 200 días que no bebo 🎉"), ("de", "heute bin ich 200 tage trocken 🎉"),
    ("fr", "ça fait 200 jours que je ne bois plus 🎉"), ("it", "oggi sono 200 giorni che non bevo 🎉"),
    ("nl", "vandaag ben ik 200 dagen nuchter 🎉"), ("pt", "hoje faz 200 dias que não bebo 🎉"),
])
@pytest.mark.parametrize("strategy", ["question", "restatement", "affirmation"])
def test_a_milestone_of_recovery_is_celebrated_in_every_language(lang, text, strategy) -> None:
    from actions import replies

    action = {"question": replies.ActionSupportQuestion, "restatement": replies.ActionSupportRestatement,
              "affirmation": replies.ActionSupportAffirmation}[strategy]()
    from actions.listen_pride import celebration_lines

    said = run(action, [("hi", ["..."])], text, locale=LOCALES[lang], label="joy")
    # thirteenth reading, M2: a milestone gets its own celebration ("200 days is huge: congratulations. What helped you get here?"),
    # no longer a general glad line ("It sounds like things are a little lighter. What helped?")
    assert said[0] in celebration_lines("milestone", text, lang), said


@pytest.mark.parametrize("text", ["200 days sober but i relapsed last night", "hace 3 días que no duermo",
                                  "i had 3 days off work", "100 days sober and i'm not doing well"])
def test_no_milestone_or_one_with_a_slip_is_not_celebrated(text) -> None:
    said = run(support_reply(), [("hi", ["..."])], text, label="neutral")
    assert not set(said) & {*listening_in("en").good_news, *listening_in("es").good_news}, said
