"""The thirteenth exploratory reading, support bot outside a handoff's answers (/work/helper_explore13/FINDINGS.md).

- H7: a person who asks for a person ("Kannst du mir jemanden geben, mit dem ich reden kann?") or for a number ("Can you
  tell me a number I can call in the UK if it gets bad at night?") is heard: the lines and a person from the team; in a
  handoff already queued, "Ich möchte mit einem Menschen sprechen" is told someone is coming.
- M10: "Was machst du eigentlich mit meinen Nachrichten?" gets the privacy answer, as in English and Spanish.
"""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import IN_HANDOFF, OPEN, history, run, screen

from actions import bank, handoff_answers  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)

POSSIBLE = {"risk": 0.0995, "level": "possible", "category": "intent"}


# --- H7: a person or a number asked for ---------------------------------------------------------------------

def test_a_person_asked_for_during_the_screen_is_brought(team) -> None:
    """C4 (de-DE): "Wie lange fühlst du dich schon so?" and the number, no handoff."""
    from actions.crisis_screen import ActionCrisisScreen

    said, slots = run(ActionCrisisScreen(), history("Ich frage mich, ob ich selbst so enden will.", "Sag mal, bist du ein Mensch?"),
                      "Kannst du mir jemanden geben, mit dem ich reden kann?", locale="de-DE", slots=screen(2), crisis=POSSIBLE)
    assert slots.get("handoff_active") is True and team["requests"], said
    assert any("112" in line for line in said), said


@pytest.mark.parametrize("locale, text, number", [
    ("de-DE", "Kannst du mir jemanden geben, mit dem ich reden kann?", "112"),
    ("en-GB", "can I talk to a real person", "999"),
    ("en-GB", "Can you tell me a number I can call in the UK if it gets bad at night?", "116 123"),
])
def test_a_person_or_a_number_asked_for_at_risk_outside_the_screen_brings_a_person(team, locale, text, number) -> None:
    """C4, B30, C1: a listening line; the screen let pass before (``screen_resumable``) or not begun."""
    from actions.crisis_screen import ActionCrisisScreen
    from actions.questions import ActionAnswerQuestion

    for action, slots in ((ActionCrisisScreen(), {"screen_resumable": 2.0}), (ActionAnswerQuestion(), {})):
        team["requests"].clear()
        said, set_slots = run(action, history("Things have been really dark lately."), text, locale=locale, slots=slots,
                              crisis=POSSIBLE, intent="ask_human_help")
        assert set_slots.get("handoff_active") is True and team["requests"], (action, said)
        assert any(number in line for line in said), (action, said)


def test_a_number_asked_for_without_risk_gets_the_lines_and_the_offer(team) -> None:
    """No risk read: the lines and the offer of a person (the handoff only on a yes)."""
    from actions.questions import ActionAnswerQuestion

    said, slots = run(ActionAnswerQuestion(), history("hi"), "Can you tell me a number I can call in the UK?", locale="en-GB",
                      crisis={"risk": 0.01, "level": "none"}, intent="ask_human_help")
    assert not team["requests"] and slots.get("offered_person") is True, said
    assert any("116 123" in line for line in said), said


@pytest.mark.parametrize("lang, text", [
    ("en", "Can you tell me a number I can call in the UK if it gets bad at night?"),
    ("de", "Kannst du mir eine Nummer geben, die ich nachts anrufen kann?"),
    ("fr", "Tu peux me donner un numéro à appeler la nuit ?"),
    ("es", "¿Me das un número al que pueda llamar por la noche?"),
    ("it", "Mi dai un numero da chiamare di notte?"),
    ("nl", "Heb je een nummer om te bellen als het 's nachts erg wordt?"),
    ("pt", "Podes dar-me um número para ligar à noite?"),
])
def test_a_number_asked_for_while_waiting_is_answered_with_the_lines(lang, text) -> None:
    """B30, C1 (in a handoff): "I can hear how numb you've been feeling."."""
    kinds = [kind for kind, _ in handoff_answers.answered(text, [], lang, [], True)]
    assert "who_to_call" in kinds, kinds


@pytest.mark.parametrize("lang, text", [
    ("de", "Ich möchte mit einem Menschen sprechen."),
    ("de", "Kannst du mir jemanden geben, mit dem ich reden kann?"),
    ("en", "can I talk to a real person"),
    ("fr", "je veux parler à une personne"),
    ("es", "quiero hablar con una persona"),
    ("it", "voglio parlare con una persona"),
    ("nl", "ik wil praten met een mens"),
    ("pt", "quero falar com uma pessoa"),
])
def test_a_person_asked_for_while_one_is_coming_is_told_so(lang, text) -> None:
    """B29 (handoff queued): "Danke, dass du mir das sagst. Ich bin noch bei dir."."""
    answers = handoff_answers.answered(text, [], lang, [], True)
    assert ("wait", handoff_answers.kind_lines("wait", lang)[0]) in answers, answers


def test_a_person_asked_for_while_waiting_is_told_someone_is_coming(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history("Mir geht's seit Wochen richtig schlecht."),
                  "Ich möchte mit einem Menschen sprechen.", locale="de-DE", slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.19, "level": "possible", "category": "passive_death_wish"})
    assert handoff_answers.kind_lines("wait", "de")[0] in said, said


# --- M10: what the bot does with the messages -------------------------------------------------------------------

@pytest.mark.parametrize("locale, text", [
    ("de-DE", "Was machst du eigentlich mit meinen Nachrichten?"),
    ("en-GB", "What do you actually do with my messages?"),
    ("fr-FR", "Qu'est-ce que tu fais vraiment de mes messages ?"),
    ("es-ES", "¿Qué haces realmente con mis mensajes?"),
    ("it-IT", "Cosa fai davvero con i miei messaggi?"),
    ("nl-NL", "Wat doe je eigenlijk met mijn berichten?"),
    ("pt-PT", "O que é que fazes afinal com as minhas mensagens?"),
])
def test_what_the_bot_does_with_the_messages_gets_the_privacy_answer(team, locale, text) -> None:
    """C4 (de-DE): "Das klingt, als wäre es dir wichtig."."""
    from actions.replies import ActionSupportQuestion

    said, _ = run(ActionSupportQuestion(), history("Ist schon ok, ich wollte nur reden."), text, locale=locale,
                  crisis={"risk": 0.0195, "level": "possible", "category": "plan"})
    lang = locale.split("-")[0]
    assert set(said) & set(bank.answers(lang)["ask_who_reads"]) or \
        set(said) & set(bank.answers(locale)["ask_who_reads"]), said


# --- H4: a goodbye letter of someone else found ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ich habe im Zimmer meines Sohnes (17) einen Abschiedsbrief gefunden.",
    "I found a goodbye letter in my son's room.",
    "J'ai trouvé une lettre d'adieu dans la chambre de mon fils.",
    "He encontrado una carta de despedida en la habitación de mi hijo.",
    "Ho trovato una lettera di addio nella stanza di mio figlio.",
    "Ik heb een afscheidsbrief gevonden in de kamer van mijn zoon.",
    "Encontrei uma carta de despedida no quarto do meu filho.",
])
def test_a_goodbye_letter_of_someone_else_found_is_someone_else_at_risk(text) -> None:
    """B14 (de-DE): read as the parent's own risk; the third-party advice never came."""
    from policies import situations

    assert situations.load().of(text) == "friend_at_risk"


def test_ones_own_goodbye_letter_is_not_someone_else_at_risk() -> None:
    from policies import situations

    assert situations.load().of("Ich habe meiner Mutter einen Abschiedsbrief geschrieben.") != "friend_at_risk"


def test_the_son_who_cannot_be_reached_gets_the_call_112_advice(team, monkeypatch) -> None:
    """B14: "Er ist gerade nicht zu Hause und geht nicht ans Handy." got "Ich höre dich, und ich bin noch da."."""
    from actions import situation_replies
    from actions.crisis import ActionHandoffPresent

    letter = "Ich habe im Zimmer meines Sohnes (17) einen Abschiedsbrief gefunden."
    monkeypatch.setattr(situation_replies, "reported_situation", lambda tracker: situations_of(tracker))
    _, slots = run(situation_replies.ActionSituation(), [], letter, locale="de-DE",
                   crisis={"risk": 0.96, "level": "high", "flag": True, "category": "preparatory_acts"})
    assert slots.get("situation_open") == "friend_at_risk", slots
    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history(letter), "Er ist gerade nicht zu Hause und geht nicht ans Handy.",
                  locale="de-DE", slots={**IN_HANDOFF, "situation_open": "friend_at_risk", "situation_until": 4.0},
                  crisis={"risk": 0.3, "level": "possible", "category": "hopelessness_entrapment"})
    assert any("112" in line and "wo er sein könnte" in line for line in said), said  # the son is "er" (fourteenth-step fix of H8)


def situations_of(tracker) -> str | None:
    """The situation the NLU's entity component reads in the latest message (policies.situation_entities)."""
    from policies import situations

    return situations.load().of(tracker.latest_message.get("text") or "")


# --- H2: a country named about someone else -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "My son is in Australia. I don't want to bother him.",
    "My brother lives in London, we haven't talked in years.",
    "My mom is in Mexico City. She wouldn't understand.",
    "Mon fils vit en Belgique.",
])
def test_a_place_named_about_someone_else_is_not_where_the_person_is(text) -> None:
    from actions.resources import country_locale

    assert country_locale(text, "en") is None


def test_a_place_the_person_is_in_still_counts() -> None:
    from actions.resources import country_locale

    assert country_locale("im at my mums in london", "en") == "en-GB"
    assert country_locale("My son is in Australia. I'm in the UK.", "en") == "en-GB"


def test_the_numbers_stay_the_persons_own_after_a_relative_abroad(team) -> None:
    """B09 (en-GB, in a handoff): "please call 000 now ... Lifeline 13 11 14"."""
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history("I've been saving my sleeping tablets."),
                  "My son is in Australia. I don't want to bother him.", locale="en-GB", slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.05, "level": "possible", "category": "burdensomeness"})
    numbers = " ".join(said)
    assert "000" not in numbers and "13 11 14" not in numbers, said
