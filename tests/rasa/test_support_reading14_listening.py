"""The support bot's listening replies, thirteenth exploratory reading (data/exploratory/2026-12-07/reading13), fix-brief S3:
a milestone of recovery from self-harm and pride celebrated (M2); a question a listening bot cannot answer answered honestly, a
pastime not probed as a feeling (M4); no praise of a step where none was taken, a figure of speech taken as one (L7); reflections
that keep the person as the subject, in lower case, and European Portuguese on a pt-PT page (L2); "what did I tell you at the
beginning?" and "I need to go, the nurse is here." heard (L3)."""
from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions.bank import answers, listening_in  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt", "pt-PT")
LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-BR", "pt-PT": "pt-PT"}
NEW_KEYS = ("milestone", "pride", "enjoyed", "bot_taste", "how_to_write", "how_to_write_hard", "just_a_saying")


def tracker_for(turns, text, locale="en-GB", label="neutral", crisis=None):
    """A tracker whose person said ``turns`` (their messages, each with the bot's lines after it), then ``text``."""
    from rasa_sdk import Tracker

    events = []
    for words, bot_said in turns:
        events.append({"event": "user", "text": words, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": label}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": "share_feelings", "confidence": 0.6}, "entities": [],
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}}
    return Tracker("s", {}, latest, events, False, None, {}, "action_listen")


def said(strategy, turns, text, locale="en-GB", label="neutral", crisis=None) -> list[str]:
    """What the listening reply of ``strategy`` says to ``text`` after ``turns``."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions import replies

    action = {"question": replies.ActionSupportQuestion, "restatement": replies.ActionSupportRestatement,
              "reflection": replies.ActionSupportReflection, "affirmation": replies.ActionSupportAffirmation,
              "suggestion": replies.ActionSupportSuggestion}[strategy]()
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker_for(turns, text, locale, label, crisis), DOMAIN))
    return [m["text"] for m in dispatcher.messages]


# --- M2: a milestone of recovery from self-harm, and pride ---

FIVE_YEARS = "Today is five years since I last self-harmed. Five whole years!"


@pytest.mark.parametrize("strategy", ["reflection", "restatement", "question"])
def test_five_years_since_self_harm_is_celebrated_not_a_burden(strategy) -> None:
    """A11: "It sounds like today is five years since you last self harmed. No wonder it's been weighing on you." """
    reply = said(strategy, [], FIVE_YEARS, label="anger")
    assert len(reply) == 1 and reply[0].startswith("Five years"), reply
    assert reply[0] in [line.format(span="Five years") for line in answers("en")["milestone_said"]], reply
    assert "weighing" not in reply[0] and "self harm" not in reply[0], reply


def test_pride_after_the_milestone_is_celebrated_and_the_cutting_is_not_said_back() -> None:
    """A11: "I used to cut every day at uni. I'm really proud of myself" got "It sounds like you used to cut every day at uni"."""
    reply = said("restatement", [(FIVE_YEARS, ["Five years is huge: congratulations. What helped you get here?"])],
                 "I used to cut every day at uni. I'm really proud of myself, I wanted to tell someone.")
    assert reply[0] in answers("en")["pride"] and "cut" not in reply[0], reply


@pytest.mark.parametrize("lang, text", [
    ("de", "Heute bin ich seit fünf Jahren ritzfrei!"), ("de", "Seit 3 Jahren ritze ich mich nicht mehr."),
    ("fr", "Ça fait cinq ans que je ne me scarifie plus !"), ("es", "Hoy hace cinco años que no me corto."),
    ("it", "Oggi sono cinque anni che non mi taglio!"), ("nl", "Vandaag al vijf jaar zonder zelfbeschadiging!"),
    ("pt", "Hoje faz cinco anos que não me corto!"), ("pt-PT", "Hoje faz cinco anos que não me corto!"),
    ("en", "2 years self harm free today"), ("en", "haven't cut in 100 days"),
])
def test_a_self_harm_milestone_is_celebrated_in_every_language(lang, text) -> None:
    reply = said("reflection", [("hi", ["..."])], text, locale=LOCALES[lang], label="sadness")
    lines = answers(lang)["milestone"] + [line.format(span=s) for line in answers("en")["milestone_said"]
                                          for s in ("2 years", "100 days")]
    assert reply[0] in lines, reply


@pytest.mark.parametrize("lang, text", [("de", "Ich bin so stolz auf mich!"), ("fr", "Je suis trop fière de moi"),
                                        ("es", "Estoy muy orgullosa de mí"), ("it", "Sono davvero orgoglioso di me"),
                                        ("nl", "Ik ben echt trots op mezelf"), ("pt", "Estou muito orgulhosa de mim")])
def test_pride_is_celebrated_in_every_language(lang, text) -> None:
    assert said("restatement", [("hi", ["..."])], text, locale=LOCALES[lang])[0] in answers(lang)["pride"]


@pytest.mark.parametrize("text", ["five years since I last self-harmed, and last night I cut again",
                                  "five years since I last self-harmed and I want to die", "I'm not proud of myself",
                                  "i had five years off work", "Seit 5 Jahren ritzfrei, und heute stehe ich auf der Brücke"])
def test_no_celebration_with_a_slip_risk_words_or_no_milestone(text) -> None:
    from actions.listen_pride import celebration, without_recovery
    from actions.echo import risk_words

    celebrated = celebration(text) and not risk_words(without_recovery(text))
    assert not celebrated, text
    reply = said("reflection", [("hi", ["..."])], text)
    cheers = {line for lang in LANGS for key in ("milestone", "pride") for line in answers(lang)[key]}
    assert reply[0] not in cheers and "congratulations" not in reply[0], reply


@pytest.mark.parametrize("lang", LANGS)
def test_the_new_lines_are_in_every_language(lang) -> None:
    for key in NEW_KEYS:
        assert answers(lang)[key], (lang, key)
        if lang != "en":
            assert answers(lang)[key] != answers("en")[key], (lang, key)


# --- M4: what a listening bot cannot answer; a hobby is no feeling to probe ---

def test_a_novelists_writing_question_gets_an_honest_answer_not_an_exercise() -> None:
    """A09: "How do I write that scene honestly without glamorising it?" got a breathing exercise."""
    reply = said("suggestion", [("I'm writing a novel. In chapter 12 my protagonist, Mara, writes a suicide note and takes pills.",
                                 ["Feeling low like this is hard. I'm glad you're telling me."])],
                 "How do I write that scene honestly without glamorising it? My editor is worried.", locale="en-AU")
    assert reply == [answers("en")["how_to_write_hard"][0]], reply
    assert "breathing" not in " ".join(reply).lower()


@pytest.mark.parametrize("lang, text", [("en", "how do i write a scene where she finally leaves him?"),
                                        ("de", "Wie schreibe ich das letzte Kapitel?"),
                                        ("es", "¿Cómo escribo el capítulo final?"),
                                        ("pt", "Como escrever essa cena sem exagerar?")])
def test_a_writing_question_without_risk_gets_the_plain_honest_answer(lang, text) -> None:
    assert said("suggestion", [("hi", ["..."])], text, locale=LOCALES[lang]) == [answers(lang)["how_to_write"][0]]


HORROR = "Hab gestern mit meinen Freunden einen Horrorfilm-Marathon gemacht, sechs Filme, überall Blut und Leichen."


def test_a_horror_marathon_with_friends_is_taken_up_not_probed_as_a_feeling() -> None:
    """A10: got "Wie lange fühlst du dich schon so?" (read as fear)."""
    reply = said("question", [], HORROR, locale="de-AT", label="fear")
    assert reply[0] in answers("de")["enjoyed"] and "fühlst du dich" not in reply[0], reply


def test_asked_which_horror_films_it_likes_the_bot_says_honestly_it_has_none() -> None:
    """A10: "Welche Horrorfilme magst du?" got "Das ist eine echte Frage zur Geschichte ..."."""
    turns = [(HORROR, ["Das klingt nach einer guten Zeit."]),
             ("Der beste war der, wo der Killer alle mit der Kettensäge erwischt. Ich liebe das Genre!", ["Danke."])]
    reply = said("question", turns, "Welche Horrorfilme magst du?", locale="de-AT", label="fear")
    assert reply == [answers("de")["bot_taste"][0]] and reply[0] not in answers("de")["story_question"], reply


@pytest.mark.parametrize("lang, text", [("en", "what films do you like?"), ("en", "what's your favourite band?"),
                                        ("fr", "Quels films tu aimes ?"), ("es", "¿Qué películas te gustan?"),
                                        ("it", "Quali film ti piacciono?"), ("nl", "Welke films vind je leuk?"),
                                        ("pt", "Que filmes você gosta?")])
def test_a_question_about_the_bots_taste_in_every_language(lang, text) -> None:
    from actions.listen_asked import asked

    assert asked(text) == "bot_taste"


@pytest.mark.parametrize("text", ["I watched a film with friends and cried all night", "the match was not fun at all",
                                  "my friends watched a horror film and I was alone at home"])
def test_a_pastime_told_with_something_hard_is_no_hobby_to_take_up(text) -> None:
    from actions.listen_leisure import enjoyed

    assert not enjoyed(text)


# --- L7: praise for a step only where one was taken; a figure of speech taken as one ---

STEP_PRAISE = {line for lang in LANGS for line in listening_in(lang).good_news
               if any(part in line for part in ("real step", "echten Schritt", "vrai pas", "paso de verdad", "vero passo",
                                                 "echte stap", "passo de verdade", "passo a sério"))}
"""The good-news lines that praise a step taken ("That sounds like a real step, and you made it."), seven languages."""


@pytest.mark.parametrize("lang, turns, text, crisis", [
    ("de", [("Ich schreib morgen Mathe-Abi und hab voll Panik.", ["a"]), ("Wenn ich durchfall, bringt mich mein Vater um, haha.", ["b"])],
     "Nee, das sagt man halt so. Er ist eigentlich voll lieb.", None),
    ("es", [("Lo he dejado con mi pareja y estoy fatal.", ["a"]), ("No, para nada, nunca he pensado en eso. Solo estoy triste.", ["b"])],
     "Gracias por preguntar, pero estoy bien en ese sentido.", None),
    ("it", [("Sono esausta, a volte piango in macchina prima di entrare.", ["a"])], "Domani ho il giorno libero finalmente.",
     {"risk": 0.6, "level": "possible", "category": "active_ideation"}),
])
@pytest.mark.parametrize("turn", [0, 1, 2])
def test_no_step_is_praised_where_none_was_taken(lang, turns, text, crisis, turn) -> None:
    """A17, A16, A18: "Das klingt nach einem echten Schritt, und du hast ihn gemacht." and its likes."""
    turns = [("hallo", ["..."])] * turn + turns
    reply = said("affirmation", turns, text, locale=LOCALES[lang], label="joy", crisis=crisis)
    assert not set(reply) & STEP_PRAISE, reply


def test_das_sagt_man_halt_so_is_taken_as_a_figure_of_speech() -> None:
    reply = said("affirmation", [("Wenn ich durchfall, bringt mich mein Vater um, haha.", ["b"])],
                 "Nee, das sagt man halt so. Er ist eigentlich voll lieb.", locale="de-DE", label="joy")
    assert reply[0] in answers("de")["just_a_saying"], reply


@pytest.mark.parametrize("lang, text", [("en", "i finally called my sister today"), ("de", "ich habs geschafft!"),
                                        ("es", "¡por fin lo logré!"), ("it", "ce l'ho fatta!"), ("pt", "consegui!")])
def test_a_step_taken_may_still_be_praised(lang, text) -> None:
    from actions.tone import took_a_step

    assert took_a_step(text)


# --- L2: reflections that keep the person as the subject, in lower case; European Portuguese on a pt-PT page ---

@pytest.mark.parametrize("text, back", [
    ("Ugh, what a day. Missed my train, spilled coffee on my laptop and my manager snapped at me in front of everyone.",
     "you spilled coffee on your laptop and your manager snapped at you in front of everyone"),
    ("Two tours in Afghanistan. Haven't slept right in years.", "you haven't slept right in years"),
    ("Tired of my flatmate leaving dishes everywhere", "you're tired of your flatmate leaving dishes everywhere"),
    ("Lost my job on monday", "you lost your job on monday"),
])
def test_a_clause_without_its_i_is_said_back_with_you_in_lower_case(text, back) -> None:
    """A01: "It sounds like spilled coffee on your laptop ..."; B10: "So you Haven't slept right in years." """
    from actions.echo import said_back

    assert said_back(text) == back


def test_the_veterans_sleep_is_said_back_without_a_capital() -> None:
    reply = said("restatement", [], "Two tours in Afghanistan. Haven't slept right in years.", locale="en-US")
    assert "you haven't slept right in years" in reply[0] and "Haven't" not in reply[0], reply


BRAZILIAN = re.compile(r"\b(?:você|voce|vc|seu|sua|seus|suas)\b", re.IGNORECASE)


def _lines_of(value) -> list:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [line for item in value.values() for line in _lines_of(item)]
    if isinstance(value, (list, tuple)):
        return [line for item in value for line in _lines_of(item)]
    return []


def test_every_listening_line_on_a_pt_pt_page_says_tu_not_voce() -> None:
    """A14 (pt-PT): "Parece que a preocupação tem tomado muito da sua energia." after "Como é para ti ..."."""
    own = listening_in("pt-PT")
    lines = [*_lines_of(own.strategies), *[topic["name"] for topic in own.topics.values()], *own.quote, *own.name_lines,
             *own.welcome, *own.ask, *_lines_of(own.steps.get("general")), *own.good_news]
    lines += [line for key in NEW_KEYS for line in answers("pt-PT")[key]]
    assert lines and not [line for line in lines if BRAZILIAN.search(line)], [line for line in lines if BRAZILIAN.search(line)]


def test_the_pt_pt_exam_worry_is_reflected_in_european_portuguese_and_names_the_worry_once() -> None:
    turns = [("Tenho exame nacional de matemática amanhã e estou a morrer de nervos.", ["Olá."])]
    for strategy in ("restatement", "reflection", "question"):
        reply = said(strategy, turns, "Se chumbar, a minha mãe mata-me! Hahaha, mas a sério, estou mesmo preocupada.",
                     locale="pt-PT", label="fear")
        assert not BRAZILIAN.search(reply[0]) and reply[0].count("preocupação") <= 1, reply


# --- L3: the first thing told; a leaving line heard ---

def test_asked_what_they_said_at_the_beginning_the_first_thing_is_recalled() -> None:
    """C2: "¿Me puedes recordar qué te dije al principio?" got the previous line ("Vuelvo al español.")."""
    possible = {"risk": 0.52, "level": "possible", "category": "preparatory_acts"}
    from rasa_sdk.executor import CollectingDispatcher

    from actions.replies import ActionSupportQuestion

    turns = [("Hola, ¿qué tal?", ["Hola."]), ("Estoy agobiada con la mudanza, me cambio de piso el viernes.", ["a"]),
             ("Y encima mi jefa quiere el informe para el jueves.", ["b"]), ("Vuelvo al español. Creo que necesito dormir más.", ["c"])]
    tracker = tracker_for(turns, "¿Me puedes recordar qué te dije al principio?", "es-ES", "surprise")
    for event in tracker.events[:-1]:  # the move and the deadline were read "possible" (no risk words): still what she told
        if event.get("event") == "user" and "mudanza" in event["text"]:
            event["metadata"]["emotion"] = {"derived": {"crisis": possible}}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSupportQuestion().run(dispatcher, tracker, DOMAIN))
    reply = [m["text"] for m in dispatcher.messages]
    assert "mudanza" in reply[0] and "Vuelvo" not in reply[0], reply


@pytest.mark.parametrize("lang, text", [("en", "I need to go, the nurse is here."), ("de", "Ich muss los, der Bus kommt."),
                                        ("es", "Tengo que irme, ya llegó mi madre."), ("en", "ok sorry i have to go now. my mum is calling")])
def test_i_need_to_go_with_a_reason_is_a_goodbye(lang, text) -> None:
    """C1: "I need to go, the nurse is here." got "I'm glad you've found something to try." """
    from actions.language import translated

    goodbyes = (translated(lang) or {}).get("responses", {}).get("utter_goodbye") or \
        [r["text"] for r in DOMAIN["responses"]["utter_goodbye"]]
    reply = said("reflection", [("My brother isn't helping at all.", ["..."])], text, locale=LOCALES[lang])
    assert reply[0] in goodbyes, reply


@pytest.mark.parametrize("text", ["i need to go to the doctor tomorrow about my back", "I need to go, I can't take it anymore"])
def test_going_somewhere_or_going_with_something_hard_is_no_goodbye(text) -> None:
    from actions.listening import closing

    assert closing(text, "en") is None


def test_did_you_remember_what_i_told_you_gets_the_first_thing_told() -> None:
    """C1: "I'm back. Did you remember what I told you?" got "I'm not here to judge you ... What makes you wonder?"."""
    turns = [("Hi. Can I just talk for a bit?", ["..."]), ("My mum has been in hospital for a week, she had a stroke.", ["..."]),
             ("My brother isn't helping at all.", ["..."])]
    reply = said("question", turns, "I'm back. Did you remember what I told you?")
    assert reply == ["You told me your mum has been in hospital for a week."], reply
