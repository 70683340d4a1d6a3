"""The support bot's answers to the ninth exploratory reading's M3, M4, M8, L1 and L2 (2026-12-07, helper_explore9): tools
asked for were not given and "i dont really have time for breathing exercises" started breathing (M3); questions to the
bot, corrections and recall missed outside English, in turns read "possible" only through earlier turns, and across a
language switch (M4); a nurse's patient got the friend-at-risk script three times, and a mother whose son has his
father's pills never heard "take them out of his room" (M8); "I'm an automated listening assistant, not a person" to
kind words and questions (L1); words said back wrong (L2)."""
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
IAMABOT = "I'm an automated listening assistant, not a person"


def run(action, turns, text, intent="share_feelings", level=None, locale="en-GB", slots=None, entity=None, risk=0.1):
    """What ``action`` says to ``text`` after ``turns`` (the person's messages, each with the bot's lines after it), and
    the events it returns; ``level``: the turn's crisis level (risk ``risk``, no flag)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for said, bot_said in turns:
        events.append({"event": "user", "text": said, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    crisis = {"level": level, "risk": risk, "flag": False, "explicit": False} if level else {}
    emotion = {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.6},
              "entities": [{"entity": "situation", "value": entity}] if entity else [],
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}}
    dispatcher = CollectingDispatcher()
    returned = asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"),
                                      DOMAIN))
    return [m["text"] for m in dispatcher.messages], returned


def said(*args, **kwargs) -> list[str]:
    return run(*args, **kwargs)[0]


def question():
    from actions.questions import ActionAnswerQuestion

    return ActionAnswerQuestion()


def listening(strategy: str = "question"):
    from actions import replies

    return {"question": replies.ActionSupportQuestion, "restatement": replies.ActionSupportRestatement}[strategy]()


def first_line(tool: str, locale: str) -> str:
    from actions import bank
    from actions.language import variant_of

    return bank.tool(tool, variant_of(locale.split("-")[0], locale))[0]


# --- M3: tools asked for ---

@pytest.mark.parametrize("action, text, intent, locale", [
    ("question", "can you tell me something that might help me calm down a bit my heart is going fast", "ask_capability", "en-GB"),
    ("restatement", "Hast du eine Übung zum Runterkommen?", "nlu_fallback", "de-AT"),
    ("question", "c'est quoi un truc pour se calmer", "share_feelings", "fr-FR"),
    ("restatement", "tens alguma coisa para me ajudar a dormir hoje?", "nlu_fallback", "pt-PT"),
])
def test_something_to_calm_down_or_sleep_asked_for_starts_the_breathing(action, text, intent, locale) -> None:
    act = question() if action == "question" else listening(action)
    lines, events = run(act, [], text, intent=intent, locale=locale)
    assert lines == [first_line("breathing", locale)], lines
    assert {"event": "slot", "name": "exercise", "value": "breathing", "timestamp": None} in events or \
        any(e.get("name") == "exercise" and e.get("value") == "breathing" for e in events)


def test_an_exercise_asked_for_in_spanish_is_offered_and_a_yes_starts_it() -> None:
    offer = said(listening("restatement"), [], "ok. ¿tienes algún ejercicio para la ansiedad?", intent="nlu_fallback", locale="es-MX")
    assert offer == answers("es")["exercise_offer"], offer
    yes = said(listening("question"), [("ok. ¿tienes algún ejercicio para la ansiedad?", offer)], "sí, probemos",
               intent="greet", locale="es-MX")
    assert yes == [first_line("breathing", "es-MX")], yes


def test_three_things_to_do_tonight_are_given_not_what_the_bot_can_do() -> None:
    lines = said(question(), [], "ok can u give me like 3 things to do tonight that arent texting him", intent="ask_capability",
                 locale="en-US")
    assert lines == answers("en")["ask_things_to_do"], lines
    for lang in ("de", "fr", "es", "it", "nl", "pt", "pt-PT"):
        assert answers(lang)["ask_things_to_do"] != answers("en")["ask_things_to_do"], lang


@pytest.mark.parametrize("text", ["i dont really have time for breathing exercises tbh", "no breathing please",
                                  "keine Atemübungen bitte"])
def test_a_tool_turned_down_is_not_started(text) -> None:
    from actions import exercise
    from actions.replies import ActionToolBreathing

    lines, events = run(ActionToolBreathing(), [], text, intent="ask_breathing", locale="de-DE" if "bitte" in text else "en-GB")
    assert lines[0] in [*answers("en")["exercise_declined"], *answers("de")["exercise_declined"]], lines
    assert not any(e.get("name") == "exercise" for e in events)
    assert exercise.asked_for(text) is None


@pytest.mark.parametrize("text", ["tem dias que nem consigo respirar", "i need to get more exercise", "why is my heart racing?",
                                  "hast du heute zeit?", "i want to learn to breathe better"])
def test_words_about_breath_or_a_question_that_asks_for_no_tool_start_none(text) -> None:
    from actions import exercise

    assert exercise.asked_for(text) is None


# --- M4: questions to the bot, corrections and recall ---

def test_what_would_you_suggest_is_no_privacy_question() -> None:
    lines = said(question(), [], "what would you suggest, like concretely?", intent="ask_privacy", locale="de-DE")
    assert lines == answers("en")["what_first"], lines
    reckon = said(question(), [], "what do you reckon, should i message her?", intent="ask_privacy")
    assert reckon == answers("en")["what_would_you_do"], reckon
    privacy = said(question(), [], "is my data stored?", intent="ask_privacy")
    assert privacy[0] in [*answers("en")["ask_privacy"], *answers("en")["ask_who_reads"]], privacy


def test_a_german_correction_in_a_turn_read_possible_through_earlier_turns_is_taken_up() -> None:
    text = "Nein, das hast du falsch verstanden, meine Freunde sind nicht böse auf mich, es ist einfach Distanz"
    lines = said(question(), [], text, intent="ask_judgement", level="possible", risk=0.37, locale="de-DE")
    assert lines == answers("de")["corrected"], lines


def test_an_english_correction_says_back_what_is_so() -> None:
    text = "No, you've got that wrong, I don't blame myself for the redundancy. I'm ashamed of sitting on the stairs."
    lines = said(listening(), [], text)
    assert lines == ["Sorry, I got that wrong. So you're ashamed of sitting on the stairs. Tell me more about that."], lines


def test_recall_in_french_in_a_turn_read_possible_quotes_the_mother() -> None:
    lines = said(listening(), [("ma mère est à l'hôpital depuis un an", ["…"]), ("Biscuit me manque", ["…"])],
                 "qu'est-ce que j'ai dit sur ma mère tout à l'heure?", level="possible", risk=0.32, locale="fr-BE")
    assert lines == ["Tu as écrit : « ma mère est à l'hôpital depuis un an »"], lines


def test_recall_across_a_language_switch_finds_the_mother() -> None:
    lines = said(listening(), [("ik woon sinds kort in Utrecht", ["…"]), ("soms bel ik mijn moeder drie keer per dag", ["…"]),
                               ("i feel so alone here", ["…"])], "what did i say about my mother?", locale="en-GB")
    assert len(lines) == 1 and "soms bel ik mijn moeder drie keer per dag" in lines[0], lines


def test_recall_of_the_landlord_quotes_the_landlord_not_a_message_with_him() -> None:
    turns = [("i already told my landlord i wasnt renewing 😭😭", ["…"]),
             ("ok can u give me like 3 things to do tonight that arent texting him", ["…"])]
    lines = said(question(), turns, "omg what did i say about my landlord earlier? i forgot to reply to him", intent="ask_judgement",
                 locale="en-US")
    assert len(lines) == 1 and "landlord i wasnt renewing" in lines[0], lines


def test_pt_pt_questions_to_the_bot_and_recall_are_answered() -> None:
    person = said(listening("restatement"), [], "és uma pessoa?", intent="nlu_fallback", level="possible", risk=0.01, locale="pt-PT")
    assert "não uma pessoa" in person[0], person
    advice = said(listening("restatement"), [], "o que achas que devo dizer-lhe?", intent="nlu_fallback", level="possible",
                  risk=0.13, locale="pt-PT")
    assert advice == answers("pt-PT")["what_would_you_do"], advice
    recall = said(listening(), [("o meu filho de 6 anos pergunta por ela", ["…"]), ("não sei o que lhe dizer", ["…"])],
                  "o que é que eu disse sobre o meu filho?", locale="pt-PT")
    assert len(recall) == 1 and "o meu filho de 6 anos pergunta por ela" in recall[0], recall


def test_a_promise_not_to_tell_is_answered_honestly() -> None:
    from actions.situation_replies import secret_lines

    lines = said(listening("restatement"), [], "você promete não contar pra ninguém?", intent="nlu_fallback", locale="pt-BR")
    assert lines[0] in secret_lines("pt"), lines


def test_can_i_delete_it_is_answered() -> None:
    lines = said(listening("restatement"), [], "can i delete it?", intent="nlu_fallback", locale="en-US")
    assert lines == answers("en")["ask_delete"], lines


def test_should_i_get_another_dog_and_romeo_get_no_medical_line() -> None:
    medical = answers("en")["ask_medical"]
    dog = said(question(), [("i took her collar to work in my bag today. weird right", ["…"])],
               "do you think i should get another dog?", intent="ask_medical", locale="en-US")
    romeo = said(question(), [("i have an essay on romeo and juliet", ["…"])], "is it the poison or the dagger that kills romeo",
                 intent="ask_medical", level="possible", risk=0.45)
    assert not set(dog) & set(medical) and not set(romeo) & set(medical), (dog, romeo)


# --- M8: look-alikes of someone at risk ---

def test_a_nurses_patient_is_no_friend_at_risk_and_he_is_ok_ends_the_script() -> None:
    from policies.situations import situation_of
    from actions.situation_replies import ActionSituation

    assert situation_of("one of my patients tried to hang himself on my shift last night") is None
    assert situation_of("uno de mis pacientes intentó suicidarse durante mi turno") is None
    assert situation_of("my friend tried to hang himself last night") == "friend_at_risk"    # a friend still is
    slots = {"situation_open": "friend_at_risk", "situation_until": 5.0}
    friends = [*answers("en")["situation_friend_at_risk"], *answers("en")["situation_friend_at_risk_after"]]
    turns = [("hi", ["…"]), ("my best mate tried to hang himself last night", ["I'm glad you're looking out for them ..."])]
    lines, events = run(ActionSituation(), turns, "we got to him in time, he's ok", slots=slots)
    assert not any(line.split(".")[0] in " ".join(friends) for line in lines), lines
    assert any(e.get("name") == "situation_open" and e.get("value") is None for e in events)
    claimed, _ = run(ActionSituation(), turns, "he says he's ok but i don't believe him", slots=slots)
    assert claimed[0].split(":")[0] in " ".join(friends), claimed                          # only said: still the friends' answer


def test_pills_in_the_sons_room_get_put_them_out_of_reach() -> None:
    from actions.situation_replies import ActionSituation

    slots = {"situation_open": "friend_at_risk", "situation_until": 5.0}
    turns = [("hola soy mamá", ["…"]), ("mi hijo de 15 me dijo que quiere morirse", ["…"])]
    lines = said(ActionSituation(), turns, "tiene pastillas de su papá en su cuarto", slots=slots, locale="es-MX",
                 level="possible", risk=0.63)
    assert lines[0].startswith(answers("es")["situation_friend_at_risk_means"][0][:60]) and "911" in lines[0], lines
    after = said(ActionSituation(), [*turns, ("tiene pastillas de su papá en su cuarto", lines)], "¿qué hago?", slots=slots,
                 locale="es-MX")
    assert after[0] != lines[0], after


# --- L1: "I'm an automated listening assistant, not a person" ---

@pytest.mark.parametrize("text, key", [
    ("do you understand what autism is?", "bot_knows"), ("do u ever get tired of ppl crying at u", "bot_tired"),
    ("haha ok. ur sweet for a bot", "bot_kind_words"), ("What do you make of all that?", "what_would_you_do"),
])
def test_questions_and_kind_words_to_the_bot_get_their_own_answer(text, key) -> None:
    lines = said(question(), [], text, intent="bot_challenge")
    assert lines == answers("en")[key] and IAMABOT not in lines[0], lines


def test_are_you_a_bot_twice_running_is_not_answered_the_same_twice() -> None:
    first = said(question(), [], "are you a real person or what", intent="bot_challenge")
    assert IAMABOT in first[0]
    again = said(question(), [("are you a real person or what", first)], "so youre a bot then", intent="bot_challenge")
    assert IAMABOT not in again[0], again


# --- L2: said back wrong ---

def test_recall_says_you_were_not_you_was() -> None:
    lines = said(listening(), [("ive wanted to be a doctor since i was 9 my grandad was a gp", ["…"])],
                 "what did i say about my grandad?")
    assert "you were 9" in lines[0] and "you was" not in lines[0], lines


def test_quotes_and_tag_questions_are_not_said_back() -> None:
    from actions.echo import said_back

    assert said_back("he always said 'when i go, play Sinatra'") is None
    assert said_back("im 15 is that ok") is None
    assert said_back("i cried all day is that normal") == "you cried all day"
    assert said_back("my parents' house is cold") == "your parents' house is cold"


def test_going_to_eat_is_a_goodbye() -> None:
    lines = said(listening(), [("hey", ["…"])], "ty. ok i'm gonna go eat", locale="en-US")
    goodbye = [v["text"] for v in DOMAIN["responses"]["utter_goodbye"]]
    assert lines[0] in goodbye, lines


def test_the_normality_answer_and_the_line_after_it_do_not_say_the_same_clause() -> None:
    from actions.questions import repeats

    lines = said(question(), [], "Am Wochenende rede ich manchmal mit niemandem, ist das normal?", intent="ask_normality",
                 locale="de-DE")
    first, *rest = lines[0].split(". ")
    assert not repeats(first, ". ".join(rest)), lines
