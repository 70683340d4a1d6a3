"""The support bot's answers to the eighth exploratory reading's medium findings M3, M4 and M5 (2026-12-07,
data/exploratory/2026-12-07/reading8): questions about the bot, its storage and the police were misread ("who reads
this?" -> "I don't remember you telling me that") or got listening lines (M3); "no, that's not what I meant" was said
back, and recall of earlier lines worked in English only (M4); "ok lets try it" after an offered exercise, and asking for
tips or something to try, got a stock line instead of the exercise (M5)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import bank, conversation  # noqa: E402
from actions.bank import answers  # noqa: E402
from actions.resources import resources_for  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt")


def run(action, turns, text, intent="share_feelings", crisis=None, locale="en-US", slots=None, confidence=0.5):
    """What ``action`` says to ``text`` after ``turns`` (the person's messages, each with the bot's lines after it), and
    the slots it sets; the turn proved its session (recall may draw on earlier turns)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for said, bot_said in turns:
        events.append({"event": "user", "text": said, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": confidence},
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}}
    dispatcher = CollectingDispatcher()
    out = asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"), DOMAIN))
    return [m["text"] for m in dispatcher.messages], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}


def support_reply():
    from actions.replies import ActionSupportQuestion

    return ActionSupportQuestion()


def answer_question():
    from actions.questions import ActionAnswerQuestion

    return ActionAnswerQuestion()


# --- M3: questions about the bot, its storage, where the person is and the police ---

ABOUT_THE_SERVICE = [  # (locale, before, the question, the answers key): a01/a04/a20, a06, a07, a20, a10, a19, b09, b16, b64, ...
    ("en-GB", "i got diagnosed with MS last week", "who reads this?", "ask_who_reads"),
    ("en-US", "200 days sober today", "thats ok. do you keep what i say?", "ask_who_reads"),
    ("en-GB", "it's been a year since the divorce", "Good. And is this stored somewhere?", "ask_who_reads"),
    ("en-GB", "i keep failing my exams", "what do you do with my emotions data", "ask_who_reads"),
    ("fr-FR", "je ne dors plus depuis la naissance", "qui lit ces messages ?", "ask_who_reads"),
    ("pt-PT", "estou sempre cansada com a doença", "quem lê isto?", "ask_who_reads"),
    ("pt-PT", "estou sempre cansada com a doença", "isto fica guardado?", "ask_who_reads"),
    ("de-DE", "mir geht es nicht gut", "wer liest das eigentlich?", "ask_who_reads"),
    ("nl-NL", "het gaat niet zo goed met me", "wordt dit opgeslagen?", "ask_who_reads"),
    ("it-IT", "il mio amico non mi parla più", "chi legge questi messaggi?", "ask_who_reads"),
    ("es-ES", "echo mucho de menos mi casa", "¿quién lee esto?", "ask_who_reads"),
    ("en-US", "i feel so low lately", "do you know where i am?", "ask_where_i_am"),
    ("nl-BE", "ik voel me slecht", "weet je waar ik woon?", "ask_where_i_am"),
    ("de-DE", "mir geht es schlecht", "weißt du, wo ich wohne?", "ask_where_i_am"),
    ("fr-FR", "ça ne va pas fort", "tu sais où j'habite ?", "ask_where_i_am"),
    ("en-US", "i feel so low lately", "will my parents find out?", "ask_find_out"),
    ("pt-BR", "tô muito mal", "meus pais vão saber?", "ask_find_out"),
    ("es-MX", "me siento muy mal", "¿mis papás se van a enterar?", "ask_find_out"),
    ("en-US", "i feel so low lately", "will you call the police?", "ask_police"),
    ("it-IT", "mi sento giù", "chiami la polizia?", "ask_police"),
]


@pytest.mark.parametrize("locale, before, text, key", ABOUT_THE_SERVICE)
@pytest.mark.parametrize("action", [support_reply, answer_question])
def test_a_question_about_the_service_gets_its_plain_answer(locale, before, text, key, action) -> None:
    lang = locale[:2]
    said, _ = run(action(), [(before, ["Thank you for telling me."])], text, locale=locale,
                  intent="ask_privacy" if action is answer_question else "share_feelings")
    assert said == answers(lang)[key], said
    assert answers(lang)[key] != answers("en")[key] or lang == "en"          # in the person's language
    assert answers(lang)["recall_unknown"][0] not in said                      # "who reads this?" is no recall question


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_says_what_is_kept_who_reads_it_and_that_no_one_is_called(lang) -> None:
    facts = {"ask_who_reads": ("supervis",), "ask_police": ("bot",), "ask_where_i_am": ()}
    for key, words in facts.items():
        line = answers(lang)[key][0]
        assert all(word in line.lower() for word in words), (key, line)
    assert answers("en")["ask_who_reads"][0].count("mood log") == 1 and "supervisors" in answers("en")["ask_who_reads"][0]
    assert "won't call the police" in answers("en")["ask_police"][0] and "emergency help" in answers("en")["ask_police"][0]
    assert "don't know where you are" in answers("en")["ask_where_i_am"][0]


@pytest.mark.parametrize("locale, text", [  # b09, b16, b64: a hypothetical death wish and the police, read without risk
    ("en-US", "what happens if i tell you i want to die? will you call the police?"),
    ("nl-BE", "wat gebeurt er als ik zeg dat ik dood wil? bel je dan de politie?"),
    ("de-DE", "was passiert, wenn ich dir sage, dass ich sterben will? rufst du dann die Polizei?"),
])
def test_the_police_question_with_a_death_wish_gets_the_answer_and_the_help_lines(locale, text) -> None:
    lang = locale[:2]
    said, _ = run(answer_question(), [], text, locale=locale, intent="ask_privacy")
    assert len(said) == 1 and said[0].startswith(answers(lang)["ask_police"][0])
    assert resources_for(locale).short(lang) in said[0]                        # never lighter: the numbers come with it
    assert answers(lang)["ask_privacy"][0] not in said


def test_the_police_question_read_at_risk_gets_the_answer_and_the_help_lines_not_the_storage_text() -> None:
    text = "what happens if i tell you i want to die? will you call the police?"  # b09: read "possible"
    said, _ = run(answer_question(), [], text, intent="ask_privacy", crisis={"risk": 0.35, "level": "possible"})
    assert said == [answers("en")["ask_police"][0] + " " + resources_for("en-US").short("en")]


def test_a_question_about_the_service_at_risk_is_left_to_the_crisis_flow() -> None:
    from actions.replies import answered_plainly
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    emotion = {"available": True, "derived": {"crisis": {"risk": 0.7, "level": "possible"}}}
    latest = {"text": "who reads this?", "intent": {"name": "ask_privacy"}, "metadata": {"emotion": emotion, "locale": "en-US"}}
    tracker = Tracker("s", {}, latest, [{"event": "user", "text": "who reads this?"}], False, None, {}, "action_listen")
    assert asyncio.run(answered_plainly(CollectingDispatcher(), tracker, DOMAIN)) is None


@pytest.mark.parametrize("text", ["who is reading my sister's diary?", "is it stupid to cry about cheese bread",
                                  "i keep what i say to myself", "my boss will know", "who moved to canada?"])
def test_ordinary_lines_are_no_questions_about_the_service(text) -> None:
    from actions.asked_the_bot import about_the_service

    assert about_the_service(text) is None


def test_sei_un_bot_is_answered_as_a_bot() -> None:  # a25
    said, _ = run(support_reply(), [("mio fratello non mi parla", ["Ti ascolto."])], "sei un bot?", locale="it-IT")
    assert said[0] in conversation.variants(DOMAIN, "utter_iamabot", "it")


# --- M4: corrections taken up, recall in every language ---

def test_a_correction_is_taken_up_with_what_was_meant() -> None:  # a06, a07
    text = ("no, that's not what i meant, i'm not thinking of drinking. i'm asking how to stand there for 2 hours "
            "with a soda and everyone watching")
    said, _ = run(support_reply(), [("there's a party on friday", ["So there's a party on friday."])], text)
    assert said == ["Sorry, I got that wrong. So your question is how to stand there for 2 hours with a soda and "
                    "everyone watching. Tell me more about that."]
    said, _ = run(support_reply(), [("it's the anniversary", ["Would you contact him?"])],
                  "No, that's not quite what I meant. I'm not asking whether to contact him. I meant mark it for myself.")
    assert said == ["Sorry, I got that wrong. So you meant mark it for yourself. Tell me more about that."]


@pytest.mark.parametrize("locale, text", [("de-DE", "nein, so habe ich das nicht gemeint"), ("es-ES", "no, no es lo que quise decir"),
                                          ("it-IT", "no, non intendevo questo"), ("nl-NL", "nee, dat bedoelde ik niet"),
                                          ("fr-FR", "non, ce n'est pas ce que je voulais dire"),
                                          ("pt-BR", "não, não foi isso que eu quis dizer")])
def test_a_correction_in_another_language_is_taken_up_not_said_back(locale, text) -> None:
    said, _ = run(support_reply(), [], text, locale=locale)
    assert said == answers(locale[:2])["corrected"] and said != answers("en")["corrected"]


RECALLED = [  # (locale, earlier messages, the question, the sentence said back): a06, a03, a09, a25, a24, and the rest
    ("en-US", ["my daughter is 7", "she drew me a card with 200 on it. i cried"], "what did i say my daughter drew?",
     "she drew me a card with 200 on it."),
    ("en-US", ["HR said they would look into it. nothing happened", "i cant sleep"], "what did i tell you about hr earlier",
     "HR said they would look into it."),
    ("de-DE", ["Jana hat mir gestern geschrieben, dass sie nicht mehr kommt", "ich bin so müde"],
     "was habe ich vorhin über Jana gesagt?", "Jana hat mir gestern geschrieben, dass sie nicht mehr kommt"),
    ("it-IT", ["mio fratello non mi parla da un mese", "sono stanca"], "cosa ti ho detto di mio fratello?",
     "mio fratello non mi parla da un mese"),
    ("es-ES", ["mi hija me dibujó un corazón", "llevo 200 días sobria"], "¿qué te dije que me dibujó mi hija?",
     "mi hija me dibujó un corazón"),
    ("nl-NL", ["mijn zus belt me nooit meer", "ik slaap slecht"], "wat heb ik je verteld over mijn zus?", "mijn zus belt me nooit meer"),
    ("fr-FR", ["mon amie Léa ne me répond plus", "je suis triste"], "qu'est-ce que je t'ai dit sur Léa ?", "mon amie Léa ne me répond plus"),
    ("pt-BR", ["a Camila foi embora pro Canadá", "tô com saudade"], "o que eu te disse sobre a Camila?", "a Camila foi embora pro Canadá"),
]


@pytest.mark.parametrize("locale, earlier, text, sentence", RECALLED)
def test_a_question_about_what_was_said_is_answered_with_their_words(locale, earlier, text, sentence) -> None:
    said, _ = run(support_reply(), [(line, ["I'm listening."]) for line in earlier], text, locale=locale)
    told = answers("en")["recall_told"][0].format(said=sentence.rstrip("."))  # English: said back in second person when it can
    assert said in ([answers(locale[:2])["recall_quoted"][0].format(said=sentence)], [told + "."[:told[-1] != "."]])


def test_recall_outside_english_says_so_honestly_when_it_was_not_said() -> None:
    said, _ = run(support_reply(), [("ich bin so müde", ["Ich höre dir zu."])], "was habe ich vorhin über Jana gesagt?", locale="de-DE")
    assert said == answers("de")["recall_unknown"]


# --- M5: the exercise taken up, tools asked for ---

@pytest.mark.parametrize("locale, offer, text, tool", [
    ("en-GB", "Sometimes it helps to ground yourself in the room around you. Want to try a quick 5-4-3-2-1 exercise? Say 'grounding'.",
     "ok lets try it", "grounding"),
    ("de-DE", None, "ok, probieren wir", "breathing"),         # after ask_tips: its first exercise
    ("pt-BR", None, "vamos tentar", "breathing"),
    ("en-US", "Would it help to try a short breathing exercise together? Just say 'breathing'.", "yes", "breathing"),
])
def test_a_yes_to_the_exercise_just_offered_starts_it(locale, offer, text, tool) -> None:
    lang = locale[:2]
    offer = offer or answers(lang)["ask_tips"][0]
    said, slots = run(support_reply(), [("i feel awful", [offer])], text, locale=locale, intent="affirm")
    assert said == bank.tool(tool, lang) and slots.get("last_strategy") == "tool"


@pytest.mark.parametrize("text", ["ok", "no thanks", "ok but i hate my job"])
def test_a_bare_ok_or_a_no_after_an_offer_starts_nothing(text) -> None:
    offer = "Would it help to try a short breathing exercise together? Just say 'breathing'."
    said, _ = run(support_reply(), [("i feel awful", [offer])], text, intent="affirm")
    assert said != bank.tool("breathing", "en")


@pytest.mark.parametrize("locale, text", [("de-DE", "hast du irgendwelche Tipps für schlechte Tage?"),
                                          ("pt-PT", "tens alguma técnica para dias maus?"),
                                          ("en-US", "can you give me one thing to try tonight"),
                                          ("en-US", "do you have anything for 5pm cravings if they come back"),
                                          ("es-ES", "¿tienes algún truco?")])
def test_asking_for_tips_or_something_to_try_gets_the_exercises(locale, text) -> None:
    said, _ = run(support_reply(), [("i feel low", ["I'm listening."])], text, locale=locale)
    assert said == answers(locale[:2])["ask_tips"]


def test_tips_with_risk_words_are_no_tips_question() -> None:
    from actions.plain_answers import plain_question

    assert plain_question("any tips for ending it all?") is None and plain_question("my mum has some tips for cooking") is None
