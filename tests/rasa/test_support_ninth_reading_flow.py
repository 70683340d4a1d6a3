"""The ninth exploratory reading, support bot: the screen, the handoff and the language.

- H7: a short or ambiguous message keeps the language the person has been writing in and the page's locale ("no i'm
  fine" in an English handoff got the waiting and safety lines in Italian; "to mal mano" on a pt-BR page Italian;
  "ok." Dutch; a quoted lyric German).
- M1: a non-answer is no yes, and the screen climbs to "have you thought about how?" only on a clear yes; a question
  of the person's own is answered or kept for later; laughs in other languages.
- M9: home after an attempt: heard, the numbers where the person is, how they are now, a safety plan or someone with
  them (seven languages).
- M11: once a person from the team has joined and written, the bot does not talk over them; "what happens now?"
  after a resolve gets a plain answer.
- L6: "il y a quelqu'un ?" while waiting is not a yes to "have you taken any?".
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import bank, screener  # noqa: E402
DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt")


def run(action, turns, text, *, locale="en-US", slots=None, crisis=None, intent="share_feelings"):
    """What ``action`` says to ``text`` after ``turns``: (who, words) pairs, ``who`` "person", "bot" (a line of the
    bot's own action), "team" (a line a person from the team wrote: appended after the bot listened) or "slot" (words:
    (name, value)). Returns the lines said and the slots set."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for who, words in turns:
        if who == "person":
            events += [{"event": "action", "name": "action_listen"},
                       {"event": "user", "text": words, "metadata": {"locale": locale, "session_proven": True}}]
        elif who == "bot":
            events += [{"event": "action", "name": "action_handoff_present"}, {"event": "bot", "text": words},
                       {"event": "action", "name": "action_listen"}]
        elif who == "team":
            events.append({"event": "bot", "text": words})
        else:
            events.append({"event": "slot", "name": words[0], "value": words[1]})
    emotion = {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}, "entities": []}
    events.append({"event": "user", **latest})
    dispatcher = CollectingDispatcher()
    out = asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"),
                                 DOMAIN))
    run.custom = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    return [m["text"] for m in dispatcher.messages if m.get("text")], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}


def said_to(action, history, text, **kwargs):
    """``run`` with ``history``: the person's messages, each followed by one line of the bot's."""
    turns = [pair for said in history for pair in (("person", said), ("bot", "..."))]
    return run(action, turns, text, **kwargs)


# --- H7: the language the person has been writing in -------------------------------------------------

@pytest.mark.parametrize("messages, locale, lang", [
    # b11 (en-GB, in a handoff): "no i'm fine" read Italian 0.27 against English 0.17
    (["no i'm fine", "no", "no", "sometimes i wish i could just disappear", "i feel like a burden to everyone", "hi"], "en-GB", "en"),
    (["to mal mano", "oi"], "pt-BR", "pt"),                                       # b08: Italian 0.33
    (["ok.", "are you chatgpt?", "can i delete it?", "for how long?", "is it stored?",
      "hi, quick question before i start, who reads this?"], "en-US", "en"),   # a17: Dutch
    (["'so long, farewell, auf wiedersehen, goodbye' lol", "hey"], "en-GB", "en"),   # b32: German 0.81
])
def test_a_short_or_ambiguous_message_keeps_the_language(messages, locale, lang) -> None:
    from actions.language import language_of

    assert language_of(messages, locale) == lang


@pytest.mark.parametrize("messages, locale, lang", [
    (["ich hab heute echt keinen bock mehr auf irgendwas", "i feel like a burden to everyone"], "en-GB", "de"),   # sure
    (["me siento muy solo", "estoy triste", "hi"], "en-GB", "es"),        # two in a row
    (["¿por qué nadie contesta?", "i don't want to live anymore"], "es-ES", "es"),   # back to the page's language
    (["je suis triste", "hi"], "en-GB", "fr"),                           # the first message that tells, clearly
])
def test_a_clear_switch_is_still_followed(messages, locale, lang) -> None:
    from actions.language import language_of

    assert language_of(messages, locale) == lang


def test_the_waiting_and_safety_lines_stay_in_english_for_no_im_fine(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "open", "waiting_s": 60, "expected_wait_s": 40, "busy": True}
    turns = [("person", "hi"), ("bot", "Hi, I'm here to listen."), ("person", "i feel like a burden to everyone"),
             ("slot", ("handoff_active", True)), ("bot", "I'm really concerned about what you just shared."),
             ("person", "sometimes i wish i could just disappear"), ("bot", "I hear you, and I'm still here."),
             ("person", "no"), ("bot", "Thank you for telling me. I'm still here with you."),
             ("person", "no"), ("bot", "I'm here. Your words are being passed on right now.")]
    said, _ = run(ActionHandoffPresent(), turns, "no i'm fine", locale="en-GB", slots={"handoff_active": True, "handoff_id": 7.0},
                  crisis={"risk": 0.03, "level": "possible"})
    italian = {line for key in ("handoff_busy",) for line in bank.answers("it")[key]}
    assert said and not set(said) & italian, said
    assert not any("Ti " in line or "Se sei" in line for line in said), said


# --- M1: the screen hears non-answers and questions --------------------------------------------------

@pytest.mark.parametrize("text", ["wait what did i say about my partner", "right. i think i hav to tell him",
                                  "i think i hav to tell him", "i have to tell him", "i am going to bed", "il y a quelqu'un ?"])
def test_a_non_answer_is_no_yes(text: str) -> None:
    assert screener.read_answer(text) == "unclear"


@pytest.mark.parametrize("text", ["yeah.. i have", "i did, last week", "i have", "right", "y", "i've thought about it",
                                  "i've been collecting my meds", "i started to but stopped", "yes i have"])
def test_a_yes_is_still_a_yes(text: str) -> None:
    assert screener.read_answer(text) == "yes"


@pytest.mark.parametrize("text", ["jaja", "jajaja", "mdr", "ptdr", "kkk", "kkkk", "ahah", "hahah", "xD"])
def test_laughs_in_other_languages_are_laughs(text: str) -> None:
    assert screener.read_answer(text) == "dismiss" and screener.laughed_only(text)


def test_a_flag_alone_does_not_climb_to_how() -> None:
    """a13 (pt-BR): "todo mundo da minha sala passou", read high, got "Você tem pensado em como poderia fazer isso?"."""
    from actions.crisis_screen import ActionCrisisScreen

    slots = {"screening_question": 2.0, "screening_answers": [[1, "yes"]], "screening_retry": False}
    said, set_ = said_to(ActionCrisisScreen(), ["reprovei no enem", "sim"], "todo mundo da minha sala passou", locale="pt-BR",
                         slots=slots, crisis={"risk": 0.87, "flag": True, "turn_flag": True, "level": "high",
                                              "category": "hopelessness_entrapment"})
    questions = screener.questions("pt")
    assert questions[3].ask not in said and said[-1] == questions[2].again, said
    assert set_.get("screening_retry") is True and "screening_question" not in set_


def test_a_clear_yes_still_climbs_and_a_flag_with_risk_words_counts() -> None:
    from actions.crisis_screen import ActionCrisisScreen

    slots = {"screening_question": 2.0, "screening_answers": [[1, "yes"]], "screening_retry": False}
    said, _ = said_to(ActionCrisisScreen(), ["everything is pointless", "yes"], "yeah, most nights", slots=slots)
    assert said == [screener.questions("en")[3].ask]
    said, _ = said_to(ActionCrisisScreen(), ["everything is pointless", "yes"], "quero morrer", locale="pt-BR", slots=slots,
                      crisis={"risk": 0.9, "flag": True, "turn_flag": True, "level": "high", "category": "active_ideation"})
    assert said == [screener.questions("pt")[3].ask]


def test_right_then_a_statement_about_something_else_does_not_climb() -> None:
    """a07: "right. i think i hav to tell him" to the second question got "Have you been thinking about how?"."""
    from actions.crisis_screen import ActionCrisisScreen

    slots = {"screening_question": 2.0, "screening_answers": [[1, "no"]], "screening_retry": False}
    said, _ = said_to(ActionCrisisScreen(), ["got a leter from the bank today", "ok"], "right. i think i hav to tell him",
                      locale="en-IE", slots=slots)
    assert said[-1] == screener.questions("en")[2].again and len(said) == 2, said  # a reflection, then the question again


def test_a_question_of_the_persons_own_during_the_screen_is_answered_not_taken_for_yes() -> None:
    """a07: "wait what did i say about my partner" got the next screening question."""
    from actions.crisis_screen import ActionCrisisScreen

    slots = {"screening_question": 1.0, "screening_answers": [], "screening_retry": False}
    history = ["my partner thinks were fine", "i heard of MABS is that a real thing"]
    said, set_ = said_to(ActionCrisisScreen(), history, "wait what did i say about my partner", locale="en-IE", slots=slots)
    questions = screener.questions("en")
    assert questions[2].ask not in said, said
    assert "partner" in said[0] and said[-1] == questions[1].again, said        # answered, then the question again
    assert set_.get("screening_retry") is True and "screening_question" not in set_


def test_a_question_the_bot_cannot_answer_is_kept_for_later() -> None:
    from actions.crisis_screen import ActionCrisisScreen

    slots = {"screening_question": 2.0, "screening_answers": [[1, "yes"]], "screening_retry": False}
    said, _ = said_to(ActionCrisisScreen(), ["i feel so low", "yes"], "what happens with my answers?", slots=slots,
                      crisis={"risk": 0.5, "level": "possible"})
    assert said[0] in bank.answers("en")["screen_own_question"] and said[-1] == screener.questions("en")[2].again, said
    # asked again after the question was put once more: the screen is let pass, with how to get help now
    said, set_ = said_to(ActionCrisisScreen(), ["i feel so low", "yes"], "but what happens with my answers?",
                         slots={**slots, "screening_retry": True}, crisis={"risk": 0.5, "level": "possible"})
    assert screener.questions("en")[3].ask not in said and any("988" in line for line in said), said
    assert set_.get("screening_question", "unset") is None and set_.get("screen_resumable") == 2.0


def test_a_question_after_a_screen_let_pass_is_no_late_yes() -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, _ = said_to(ActionCrisisScreen(), ["my partner thinks were fine", "whats the first thing you would do"],
                      "wait what did i say about my partner", locale="en-IE", slots={"screen_resumable": 1.0})
    assert screener.questions("en")[2].ask not in said and any("partner" in line for line in said), said


# --- M9: home after an attempt ---------------------------------------------------------------------

def attempt_lines(lang: str) -> tuple[set, set]:
    answers = bank.answers(lang)
    return set(answers["after_attempt"]), set(answers["after_attempt_ask"])


def test_discharged_after_an_overdose_is_heard_with_the_numbers_and_asked_how_they_are() -> None:
    """b16 (en-GB)."""
    from actions.replies import ActionSupportRestatement

    said, _ = said_to(ActionSupportRestatement(), ["hi", "i got discharged from hospital yesterday"],
                      "i was in after an overdose last week", locale="en-GB",
                      crisis={"risk": 0.18, "level": "none", "explicit": True})
    heard, ask = attempt_lines("en")
    assert said[0] in heard and "116 123" in said[1] and said[2] in ask, said
    assert len(said) == 3


def test_the_crisis_team_ringing_tomorrow_is_welcomed() -> None:
    from actions.replies import ActionSupportQuestion

    history = ["i got discharged from hospital yesterday", "i was in after an overdose last week",
               "i'm safe now, my brother is staying with me", "i just feel really flat"]
    said, _ = said_to(ActionSupportQuestion(), history, "the crisis team are meant to ring tomorrow", locale="en-GB",
                      crisis={"risk": 0.03, "level": "none"})
    assert said and said[0] in bank.answers("en")["after_attempt_support"], said


def test_european_portuguese_after_an_attempt() -> None:
    """b31 (pt-PT): listening lines, in Brazilian Portuguese."""
    from actions.replies import ActionSupportReflection

    said, _ = said_to(ActionSupportReflection(), ["olá", "tive alta do hospital ontem"], "estive internada depois de tentar matar-me",
                      locale="pt-PT", crisis={"risk": 0.46, "level": "possible"})
    heard, ask = attempt_lines("pt-PT")
    assert said[0] in heard and "SOS Voz Amiga" in said[1] and said[2] in ask, said
    said, _ = said_to(ActionSupportReflection(), ["olá", "tive alta do hospital ontem", "estive internada depois de tentar matar-me"],
                      "agora estou segura, o meu marido está cá", locale="pt-PT", crisis={"risk": 0.38, "level": "possible"})
    assert said and said[0] in bank.answers("pt-PT")["after_attempt_support"], said


@pytest.mark.parametrize("lang, locale, before, text, number", [
    ("de", "de-DE", "ich bin gestern aus der klinik entlassen worden", "ich war dort nach einem Suizidversuch", "0800"),
    ("fr", "fr-FR", "je suis sortie de l'hôpital hier", "j'y étais après une tentative de suicide", "3114"),
    ("es", "es-ES", "ayer me dieron el alta", "estuve ingresada tras un intento de suicidio", "024"),
    ("it", "it-IT", "ieri mi hanno dimessa dall'ospedale", "ero ricoverata dopo un tentativo di suicidio", ""),
    ("nl", "nl-NL", "ik ben gisteren uit het ziekenhuis ontslagen", "ik lag daar na een zelfmoordpoging", "113"),
    ("pt", "pt-BR", "tive alta do hospital ontem", "fiquei internada depois de uma tentativa de suicídio", "188"),
])
def test_after_an_attempt_in_every_language(lang, locale, before, text, number) -> None:
    from actions.replies import ActionSupportQuestion

    said, _ = said_to(ActionSupportQuestion(), [before], text, locale=locale, crisis={"risk": 0.4, "level": "possible"})
    heard, ask = attempt_lines(lang)
    assert said[0] in heard and number in said[1] and said[2] in ask, said


@pytest.mark.parametrize("text, earlier", [
    ("i tried to kill myself last week and i'll do it again tonight", []),   # an attempt to come: the crisis flow's
    ("i tried to kill myself", []),                                          # nothing says it is behind them
    ("my overdraft is due last week", []),
])
def test_what_is_not_the_days_after_an_attempt(text, earlier) -> None:
    from actions.direct_ask import after_attempt

    assert not after_attempt(text, earlier)


def test_every_language_has_the_new_lines_translated() -> None:
    keys = ("screen_own_question", "after_attempt", "after_attempt_ask", "after_attempt_support", "after_resolve_what_now")
    english = bank.answers("en")
    for lang in (*LANGS[1:], "pt-PT"):
        own = bank.answers(lang)
        for key in keys:
            assert own[key] and not set(own[key]) & set(english[key]), (lang, key)
        assert all("{help}" in line for line in own["after_resolve_what_now"]), lang
    assert set(bank.answers("pt-PT")["after_attempt"]) != set(bank.answers("pt")["after_attempt"])


# --- M11: the bot does not talk over the person from the team ------------------------------------------

TAKEN_Q = ("Have you taken any of the pills? If you have, please call your emergency number now: that can't wait. If not, "
           "please put them out of reach, or give them to someone, while we wait together.")
CLAIMED = {"id": 7, "status": "claimed", "waiting_s": 5, "expected_wait_s": None}
IN_HANDOFF = {"handoff_active": True, "handoff_id": 7.0}


def with_sam(*more):
    return [("person", "hi"), ("bot", "Hi, I'm here to listen. How are you feeling today?"),
            ("person", "i'm going to kill myself tonight. i have the pills ready"), ("slot", ("handoff_active", True)),
            ("bot", "I'm really concerned about what you just shared."), ("bot", TAKEN_Q),
            ("team", "Hi, I'm Sam from the support team. I'm really glad you wrote. Are you safe right now? Are the pills near you?"),
            *more]


def claimed_lines() -> set:
    from actions.conversation import variants

    return set(variants(DOMAIN, "utter_handoff_claimed", "en"))


def test_an_answer_to_the_person_from_the_team_is_theirs(team) -> None:
    """d01: "hi sam. yes they're on the table" got "If you have taken something, call your emergency number now" and
    "A person from our team has joined and will answer you here"."""
    from actions.crisis import ActionHandoffPresent

    team["status"] = CLAIMED
    said, _ = run(ActionHandoffPresent(), with_sam(), "hi sam. yes they're on the table", locale="en-GB", slots=IN_HANDOFF,
                  crisis={"risk": 0.014, "level": "possible", "category": "plan"})
    assert said == [], said
    assert run.custom == [{"handoff": "with_team"}]     # no words, yet no silence the channel's safety net would fill
    assert ("person", "hi sam. yes they're on the table") in team["thread"]      # the team reads it


def test_has_joined_is_not_said_again_once_they_wrote(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = CLAIMED
    turns = with_sam(("person", "ok i put them in the kitchen drawer"),
                     ("team", "Thank you for doing that. I'd like you to call 999 or Samaritans on 116 123 now."))
    said, _ = run(ActionHandoffPresent(), turns, "ok calling samaritans now", locale="en-GB", slots=IN_HANDOFF,
                  crisis={"risk": 0.006, "level": "none"})
    assert not set(said) & claimed_lines(), said


def test_safety_still_comes_first_with_the_team_there(team) -> None:
    from actions import handoff_answers
    from actions.crisis import ActionHandoffPresent

    team["status"] = CLAIMED
    said, _ = run(ActionHandoffPresent(), with_sam(), "i also have a knife here", locale="en-GB", slots=IN_HANDOFF,
                  crisis={"risk": 0.6, "level": "possible"})
    assert any(line.startswith("If you can, please put some distance between you and the knife") for line in said), said
    said, _ = run(ActionHandoffPresent(), with_sam(), "the pills are right here", locale="en-GB", slots=IN_HANDOFF,
                  crisis={"risk": 0.3, "level": "possible"})
    assert said == [], said                                                                # the same pills: theirs to ask
    said, _ = run(ActionHandoffPresent(), with_sam(), "i already took them all", locale="en-GB", slots=IN_HANDOFF,
                  crisis={"risk": 0.9, "level": "high", "flag": True, "turn_flag": True})
    assert set(said) & set(handoff_answers.kind_lines("taken", "en")), said               # an attempt under way


def test_before_the_team_writes_the_person_is_told_who_is_there(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = CLAIMED
    turns = with_sam()[:-1]  # claimed, nobody wrote yet
    said, _ = run(ActionHandoffPresent(), turns, "ok", locale="en-GB", slots=IN_HANDOFF, crisis={"risk": 0.01, "level": "none"})
    assert set(said) & claimed_lines(), said


@pytest.mark.parametrize("lang, locale, first, text", [
    ("en", "en-GB", "i'm going to kill myself tonight, the pills are here", "what happens now?"),
    ("de", "de-DE", "ich bringe mich heute nacht um, die tabletten liegen hier", "und jetzt?"),
    ("fr", "fr-FR", "je vais me tuer ce soir, les médicaments sont là", "et maintenant ?"),
    ("es", "es-ES", "me voy a matar esta noche, tengo las pastillas aquí", "¿y ahora qué?"),
    ("it", "it-IT", "stanotte mi uccido, ho le pillole qui", "e adesso?"),
    ("nl", "nl-NL", "ik ga mezelf vannacht van het leven beroven, de pillen liggen hier", "wat nu?"),
    ("pt", "pt-BR", "vou me matar hoje à noite, os remédios estão aqui", "e agora?"),
])
def test_what_happens_now_after_a_resolve_gets_a_plain_answer(lang, locale, first, text) -> None:
    from actions.replies import ActionSupportQuestion

    slots = {"handoff_resolved_at": 2.0, "handoff_joined": True, "handoff_active": False}
    said, set_ = said_to(ActionSupportQuestion(), [first, "ok"], text, locale=locale, slots=slots)
    templates = bank.answers(lang)["after_resolve_what_now"]
    assert len(said) == 1 and any(said[0].startswith(t.split("{help}")[0]) for t in templates), said
    assert set_.get("offered_person") is True


# --- L6: "il y a quelqu'un ?" while waiting ----------------------------------------------------------

def test_is_anyone_there_while_waiting_is_no_yes_to_taken(team) -> None:
    from actions import handoff_answers
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "open", "waiting_s": 300, "expected_wait_s": 60}
    from actions.resources import resources_for

    medicine = handoff_answers.kind_lines("medicine", "fr")[0]
    turns = [("person", "bonsoir"), ("bot", "Bonsoir."), ("person", "je vais me tuer ce soir, j'ai les médicaments devant moi"),
             ("slot", ("handoff_active", True)), ("bot", "Ce que tu viens de me dire m'inquiète vraiment."),
             ("bot", resources_for("fr-BE").full("fr")), ("bot", medicine)]
    said, _ = run(ActionHandoffPresent(), turns, "il y a quelqu'un ?", locale="fr-BE", slots=IN_HANDOFF,
                  crisis={"risk": 0.05, "level": "possible"})
    assert not set(said) & set(handoff_answers.kind_lines("taken", "fr")), said
    assert said[0] in bank.answers("fr")["still_here"] and len(said) <= 2, said
