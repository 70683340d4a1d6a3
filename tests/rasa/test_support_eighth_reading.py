"""The support bot's answers to the eighth exploratory reading's findings: an attempt under way after a
handoff resolved without a word from the team got a listening question and no new handoff (H2); a friend
at risk right now outside English was read as the writer's own risk and put through the suicide screen
(H5); a past event and a Spanish idiom switched the bot into an emergency or abuse script that stuck to
every later line (M2); pills in front of the person and "why is nobody answering?" while waiting got
stock lines (M6)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import conversation, handoff_answers, screener  # noqa: E402
from actions.bank import answers  # noqa: E402
from policies.situations import situation_of  # noqa: E402
from policies.variants import variant_of  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())


def run(action, turns: list[tuple[str, list[str]]], text: str, intent: str = "share_feelings", crisis: dict | None = None,
        locale: str = "en-US", slots: dict | None = None) -> tuple[list[str], dict]:
    """What ``action`` says to ``text`` after ``turns`` (the person's messages, each with the bot's lines
    after it), and the slots it sets; the message carries the situation SituationEntities reads in it."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for said, bot_said in turns:
        events.append({"event": "user", "text": said, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis or {}}}
    situation = situation_of(text)
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": {"emotion": emotion, "locale": locale},
              "entities": [{"entity": "situation", "value": situation}] if situation else []}
    dispatcher = CollectingDispatcher()
    out = asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"), DOMAIN))
    return [m["text"] for m in dispatcher.messages], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}


def all_screen_questions(lang: str) -> set[str]:
    return {q.ask for q in screener.questions(lang).values()} | {q.again for q in screener.questions(lang).values()}


# --- H2: an attempt under way after a handoff resolved without a word from the team ---

AFTER_UNJOINED = {"handoff_active": False, "handoff_joined": False, "handoff_resolved_at": 1.0}
ATTEMPT_READ = {"risk": 0.9692, "flag": True, "turn_flag": True, "level": "high", "category": "plan", "explicit": False,
                "attempt": True}


@pytest.mark.parametrize("action_name, lang, locale, before, text, crisis", [
    ("crisis_screen", "en", "en-GB", ("i'm going to jump off the bridge tonight", "hello? is anyone there?"),
     "i'm on the bridge now", ATTEMPT_READ),                                                        # d08: read as an attempt
    ("question", "nl", "nl-NL", ("ik wil niet meer leven, ik ga vannacht van de brug springen", "hallo? is er iemand?"),
     "ik sta op de brug", {"risk": 0.33, "level": "possible"}),                                     # d07: read only "possible"
    ("question", "de", "de-DE", ("ich will nicht mehr leben, ich springe heute nacht von der brücke", "hallo? ist da jemand?"),
     "ich stehe jetzt auf der Brücke", {"risk": 0.4, "level": "possible"}),
])
def test_an_attempt_under_way_after_a_resolved_handoff_opens_a_new_one(team, action_name, lang, locale, before, text,
                                                                       crisis) -> None:
    from actions.crisis_screen import ActionCrisisScreen
    from actions.replies import ActionSupportQuestion

    action = ActionCrisisScreen() if action_name == "crisis_screen" else ActionSupportQuestion()
    unjoined = answers(lang)["handoff_resolved_unjoined"][0]
    said, slots = run(action, [(before[0], ["..."]), (before[1], [unjoined])], text, crisis=crisis, locale=locale,
                      slots=AFTER_UNJOINED)
    assert said[0] in conversation.variants(DOMAIN, "utter_crisis_concern", lang), said
    assert any("112" in line or "999" in line for line in said[:2]), said                    # the emergency number, up front
    assert handoff_answers.kind_lines("place", lang)[0].split("{")[0][:20] in " ".join(said)   # step away from the bridge
    assert not set(said) & all_screen_questions(lang)
    assert slots["handoff_active"] is True
    assert team["requests"] and "attempt under way" in team["requests"][0]                  # marked for the team


@pytest.mark.parametrize("slots, text", [
    ({}, "i'm on the bridge now"),                                          # no handoff before: the usual flow
    (AFTER_UNJOINED, "i walked past the bridge today and thought of you all"),  # the place, told, not where they are
    (AFTER_UNJOINED, "i'm feeling a bit better now, thanks"),
])
def test_no_new_handoff_without_an_attempt_under_way_after_one(team, slots, text) -> None:
    from actions.replies import ActionSupportQuestion

    said, new = run(ActionSupportQuestion(), [("i'm going to jump off the bridge tonight", ["..."])], text,
                    crisis={"risk": 0.1, "level": "possible"}, locale="en-GB", slots=slots)
    assert not team["requests"] and not new.get("handoff_active"), said


# --- H5: someone else at risk right now, in the six other languages ---

FRIEND_NOW = [  # (language, locale, the message, "what do I do?")
    ("pt", "pt-PT", "o meu amigo mandou-me uma mensagem a dizer adeus e que está na ponte", "o que faço?"),
    ("it", "it-IT", "la mia coinquilina mi ha salutato come se fosse l'ultima volta e si è chiusa in bagno", "cosa faccio?"),
    ("fr", "fr-FR", "mon copain vient de m'écrire qu'il va sauter du pont ce soir", "qu'est-ce que je fais ?"),
    ("de", "de-DE", "meine Mitbewohnerin hat sich verabschiedet und sich im Bad eingeschlossen", "was soll ich tun?"),
    ("es", "es-ES", "mi mejor amigo me acaba de mandar un mensaje de despedida, dice que está en el puente", "¿qué hago?"),
    ("nl", "nl-NL", "mijn vriendin stuurde me net dat ze er vanavond een einde aan maakt", "wat moet ik doen?"),
    ("en", "en-US", "my roommate said goodbye like it was the last time and locked herself in the bathroom", "what do i do"),
]


@pytest.mark.parametrize("lang, locale, text, what_now", FRIEND_NOW)
def test_a_friend_at_risk_now_gets_the_friends_lines_not_the_screen(team, lang, locale, text, what_now) -> None:
    from actions.situation_replies import ActionSituation

    assert situation_of(text) == "friend_at_risk"
    said, slots = run(ActionSituation(), [], text, locale=locale, crisis={"risk": 0.8, "level": "possible"})
    code = variant_of(lang, locale)  # pt-PT: the European lines (twelfth reading, L2)
    assert any(line.startswith(first.split("{")[0][:30]) for line in said for first in answers(code)["situation_friend_at_risk"][:1]), said
    assert "112" in said[0] or "911" in said[0]                            # the emergency number for where they are
    assert not set(said) & all_screen_questions(lang)
    assert slots["situation_open"] == "friend_at_risk"
    after, _ = run(ActionSituation(), [(text, said)], what_now, intent="ask_advice", locale=locale,
                   slots={"situation_open": "friend_at_risk", "situation_until": 4.0})
    starts = [line.split("{")[0][:25] for line in answers(code)["situation_friend_at_risk_after"]]
    assert any(line.startswith(tuple(starts)) for line in after), after    # "what do I do?" answered for the friend
    assert not set(after) & all_screen_questions(lang)


@pytest.mark.parametrize("text", [
    "my friend said goodbye at the end of the party",
    "meine Freundin hat sich verabschiedet, wir sehen uns nächste Woche",
    "mon copain m'a dit au revoir à la gare",
    "mi amigo se despidió en el aeropuerto",
    "la mia amica mi ha salutato alla stazione",
    "mijn vriendin heeft afscheid genomen op het feest",
    "o meu amigo despediu-se de mim no aeroporto",
    "ze maakt een einde aan de relatie",
    "mon copain va sauter du plongeoir à la piscine",
])
def test_an_everyday_goodbye_or_jump_is_no_friend_at_risk(text) -> None:
    assert situation_of(text) is None


# --- M2: a past event, and an idiom, are no emergency; a script never sticks to a story ---

@pytest.mark.parametrize("text", [
    "three years ago i tried to kill myself. i took an overdose and my flatmate found me",
    "my sister Clara has been drinking again and i found her passed out yesterday",
    "mi jefe me va a matar si llego tarde",
    "my mum will kill me if i fail maths",
    "mi madre me va a matar si suspendo",
])
def test_a_past_event_or_an_idiom_is_no_situation(text) -> None:
    assert situation_of(text) is None


@pytest.mark.parametrize("text, situation", [
    ("years ago my dad hit me. now my friend took 20 pills and wont wake up", "emergency_other"),
    ("last year was rough. my son just swallowed bleach", "emergency_other"),
    ("she took pills yesterday and now she wont wake up", "emergency_other"),
    ("my boyfriend hit me yesterday", "abuse"),
    ("mi novio me dijo que me va a matar si lo dejo", "abuse"),
])
def test_an_emergency_now_after_a_past_or_a_day_ago_is_still_read(text, situation) -> None:
    assert situation_of(text) == situation


EMERGENCY_OPEN = {"situation_open": "emergency_other", "situation_until": 4.0}


@pytest.mark.parametrize("text, crisis", [
    ("i spent two weeks in hospital and then months in therapy", {}),
    ("today i'm doing well, i volunteer for a mental health charity", {}),
    ("me muero de ganas de ver la peli", {"guards": ["fiction", "idiom"]}),
])
def test_a_story_after_an_emergency_script_is_listened_to_not_told_to_stay_with_them(team, text, crisis) -> None:
    from actions.situation_replies import ActionSituation

    first = answers("en")["situation_emergency_other"][0].split("{")[0][:30]
    said, slots = run(ActionSituation(), [("my friend took a load of pills", [first])], text, crisis=crisis,
                      locale="en-GB", slots=EMERGENCY_OPEN)
    scripts = {line.split("{")[0][:25] for key, lines in answers("en").items() if key.startswith("situation_emergency_other")
               for line in lines}
    assert said and not any(line.startswith(tuple(scripts)) for line in said), said
    assert slots.get("situation_open", "x") is None


@pytest.mark.parametrize("text", ["what do i do now?", "she's still not breathing properly", "ok", "the ambulance is coming"])
def test_the_emergency_going_on_still_gets_its_next_line(team, text) -> None:
    from actions.situation_replies import ActionSituation

    said, slots = run(ActionSituation(), [("my friend took a load of pills and wont wake up", ["..."])], text,
                      locale="en-GB", slots=EMERGENCY_OPEN)
    scripts = {line.split("{")[0][:25] for key, lines in answers("en").items() if key.startswith("situation_emergency_other")
               for line in lines}
    assert any(line.startswith(tuple(scripts)) for line in said), said
    assert slots.get("situation_open") == "emergency_other"


# --- M6: while waiting, danger told again and "why is nobody answering?" ---

WAITING = {"handoff_active": True, "handoff_id": 7.0}


@pytest.mark.parametrize("lang, locale, first, text", [
    ("it", "it-IT", "voglio farla finita stanotte, ho già le pillole", "le pillole sono qui davanti a me"),
    ("en", "en-US", "i want to end it tonight, i have the pills", "the pills are in front of me"),
])
def test_pills_told_again_while_waiting_get_the_means_line_again(team, lang, locale, first, text) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "open", "waiting_s": 60, "expected_wait_s": None}
    lines = [line.replace("{medicine}", "pills") for line in handoff_answers.kind_lines("medicine", lang)]
    waited = [(first, [*lines, "A person from our team is on the way."]), ("c'è qualcuno?", ["Ti ascolto, e sono ancora qui."]),
              ("ho paura", ["Grazie di avermelo detto. Sono ancora qui con te."])]     # as d05: three lines since
    said, _ = run(ActionHandoffPresent(), waited, text, locale=locale, slots=WAITING,
                  crisis={"risk": 0.7, "level": "possible"})
    assert set(lines) & set(said), said                                     # said again, not only "I'm here"


@pytest.mark.parametrize("lang, locale, text", [
    ("it", "it-IT", "perché nessuno risponde?"), ("en", "en-US", "why is nobody answering?"),
    ("de", "de-DE", "warum antwortet niemand?"), ("es", "es-ES", "¿por qué nadie contesta?"),
    ("fr", "fr-FR", "pourquoi personne ne répond ?"), ("nl", "nl-NL", "waarom reageert niemand?"),
    ("pt", "pt-PT", "por que ninguém responde?"),
])
def test_why_nobody_answers_gets_an_answer_while_waiting(team, lang, locale, text) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "open", "waiting_s": 60, "expected_wait_s": None}
    said, _ = run(ActionHandoffPresent(), [("i don't want to live anymore", ["..."])], text, locale=locale, slots=WAITING,
                  crisis={"risk": 0.1, "level": "possible"})
    assert handoff_answers.kind_lines("wait", variant_of(lang, locale))[0] in said, said  # pt-PT: European (reading 12, L2)


@pytest.mark.parametrize("text, abuse", [
    ("she pushed me to do better", False), ("my dad grabbed me a snack", False), ("my mum pushed me to study", False),
    ("he pushed me to the ground", True), ("my stepdad pushed me into the wall", True), ("she grabbed me and shook me", True),
])
def test_pushed_to_do_better_is_no_violence(text: str, abuse: bool) -> None:
    # the tutor's eighth-reading fixes found "she pushed me to do better" read as abuse: the harm line to a proud student
    from policies.situations import situation_of

    assert (situation_of(text) == "abuse") is abuse


@pytest.mark.parametrize("lang, called", [("en", "ok calling 999"), ("de", "ok, hab den Notruf angerufen"),
                                          ("es", "ya llamé al 112"), ("nl", "ik heb 112 gebeld")])
def test_help_called_for_a_friend_is_answered_not_the_friends_lines_again(lang: str, called: str) -> None:
    # eighth reading, L6: "ok calling 999" got the whole friends' answer again
    from actions.bank import answers
    from actions.situation_replies import situation_lines

    class Say:  # what situation_lines reads of the person's language and help lines
        def __init__(self):
            self.lang = lang
            self.help_now = type("H", (), {"emergency": "112", "sentence": staticmethod(lambda kind, lang: "")})()

    assert situation_lines("friend_at_risk", Say(), after=True, text=called) == answers(lang)["situation_friend_at_risk_called"]
    assert situation_lines("friend_at_risk", Say(), after=True, text="he's not picking up") != \
        answers(lang)["situation_friend_at_risk_called"]
