"""The support bot listens better: the seventh exploratory reading's M4 (the tools one step at a
time), M5 (direct questions to the bot), M6 (reflections), M9 (what the person is told around a
handoff), L1 (typed commands), L2 (pronouns) and L7 (a closing "ciao"), through the actions
(data/exploratory/2026-12-07/reading7)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import bank, conversation, exercise, handoff_answers, listening  # noqa: E402
from actions.bank import answers  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt")
LOCALES = {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-BR"}


def run(action, turns, text, intent="share_feelings", crisis=None, locale="en-US", slots=None, label="neutral",
        entities=(), extra_events=()):
    """What ``action`` says to ``text`` after ``turns`` (the person's messages, each with the bot's lines
    after it), and the events it returns."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for said, bot_said in turns:
        events.append({"event": "user", "text": said, "metadata": {"locale": locale}})
        events.append({"event": "action", "name": "action_support_question"})
        events += [{"event": "bot", "text": line} for line in bot_said]
        events.append({"event": "action", "name": "action_listen"})
    events += list(extra_events)
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": label}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities),
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}}
    dispatcher = CollectingDispatcher()
    tracker = Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen")
    out = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return [m["text"] for m in dispatcher.messages], out


def slots_of(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def domain_lines(name: str, lang: str = "en") -> list[str]:
    return conversation.variants(DOMAIN, name, lang)


# --- M4: the tools one step at a time ---

def test_grounding_starts_with_its_first_step_only_and_takes_each_answer_as_the_next() -> None:
    """a04, a25: the whole exercise came as one block, and "I can taste toothpaste" got "what's the hardest part of it?"."""
    from actions.replies import ActionToolGrounding

    said, events = run(ActionToolGrounding(), [], "Can we do the grounding thing you mentioned?", intent="ask_grounding")
    assert said == bank.tool("grounding") and len(said) == 1 and "5 things you can see" in said[0]
    assert slots_of(events)["exercise"] == "grounding" and slots_of(events)["exercise_step"] == 0.0
    steps = bank.exercise_steps("grounding")
    history = [("Can we do the grounding thing you mentioned?", said)]
    answers_given = ["I can see the kettle, the window, a photo of her, my phone and a mug",
                     "I can feel the chair and my socks and the table", "I can hear the fridge, birds, the telly upstairs and her snoring",
                     "I can smell coffee and soap", "I can taste toothpaste"]
    for step, text in enumerate(answers_given):
        said, events = run(exercise.ActionExerciseStep(), history, text,
                           slots={"exercise": "grounding", "exercise_step": float(step)})
        assert said == [steps[step]], (text, said)                       # the next step, not a reflection
        assert not any("hardest part" in line or "Have I got that right" in line for line in said)
        assert slots_of(events)["exercise_step"] == step + 1
        history.append((text, said))
    assert "Now 4 things you can touch" in steps[0] and "How do you feel now" in steps[-1]


def test_breathing_takes_in_and_out_as_steps_and_goes_again_when_asked() -> None:
    """a13: "in", "out", "again" were answered as things to talk about."""
    opening = bank.tool("breathing")
    steps, again = bank.exercise_steps("breathing"), bank.exercise_steps("again")
    said, events = run(exercise.ActionExerciseStep(), [("can we do paced breathing", opening)], "ready",
                       slots={"exercise": "breathing", "exercise_step": 0.0})
    assert said == [steps[0]] and slots_of(events)["exercise_step"] == 1.0
    said, _ = run(exercise.ActionExerciseStep(), [("ready", [steps[0]])], "in", slots={"exercise": "breathing", "exercise_step": 1.0})
    assert said == [steps[1]]
    said, _ = run(exercise.ActionExerciseStep(), [("in", [steps[1]])], "can we keep going?", intent="ask_capability",
                  slots={"exercise": "breathing", "exercise_step": 2.0})
    assert said == again
    said, _ = run(exercise.ActionExerciseStep(), [("out", [steps[2]])], "ok done", slots={"exercise": "breathing", "exercise_step": 3.0})
    assert said == [steps[-1]]                                           # done: how do you feel now


@pytest.mark.parametrize("text", ["thank you. my heart isn't pounding anymore", "that helped", "I feel a bit calmer now",
                                  "un po' meglio", "viel besser, danke", "ça va mieux"])
def test_an_exercise_that_helped_is_noticed_and_ends(text: str) -> None:
    lang = "it" if "meglio" in text else "de" if "besser" in text else "fr" if "mieux" in text else "en"
    steps = bank.exercise_steps("breathing", lang)
    said, events = run(exercise.ActionExerciseStep(), [("ok", [steps[-1]])], text, intent="thank", locale=LOCALES[lang],
                       slots={"exercise": "breathing", "exercise_step": 4.0})
    assert said == answers(lang)["exercise_helped"], said
    assert slots_of(events)["exercise"] is None


@pytest.mark.parametrize("text", ["it didn't help", "not better, my heart is still pounding", "i can't calm down",
                                  "non va meglio", "es ist nicht besser"])
def test_it_did_not_help_is_not_read_as_eased(text: str) -> None:
    assert not exercise.eased(text)


def test_a_goodbye_during_an_exercise_or_a_panic_is_a_goodbye_not_the_exercise_again() -> None:
    """a13: "cool. bye" got "Let's keep going together. Put a hand on your chest..."."""
    from actions.situation_replies import ActionSituation

    steps = bank.exercise_steps("breathing")
    said, _ = run(exercise.ActionExerciseStep(), [("in", [steps[1]])], "cool. bye", slots={"exercise": "breathing", "exercise_step": 2.0})
    assert said[0] in domain_lines("utter_goodbye")
    panic = answers("en")["situation_panic_after"]
    said, events = run(ActionSituation(), [("my heart is racing", answers("en")["situation_panic"][:1])], "cool. bye", intent="goodbye",
                       slots={"situation_open": "panic", "situation_until": 5.0})
    assert said[0] in domain_lines("utter_goodbye") and not set(said) & set(panic)
    assert slots_of(events)["situation_open"] is None


def test_a_panic_that_eased_gets_glad_not_the_panic_line_again() -> None:
    """a13: "thank you. my heart isn't pounding anymore" (read as panic for its words) got the panic-attack line."""
    from actions.situation_replies import ActionSituation

    said, events = run(ActionSituation(), [], "thank you. my heart isn't pounding anymore", intent="thank",
                       entities=[{"entity": "situation", "value": "panic"}])
    assert said == answers("en")["panic_eased"]
    assert slots_of(events)["situation_open"] is None
    # a panic reported with risk of its own still gets the situation's answer
    said, _ = run(ActionSituation(), [], "my heart isn't pounding anymore but i want to die", crisis={"flag": True, "level": "high"},
                  entities=[{"entity": "situation", "value": "panic"}])
    assert said[0] not in answers("en")["panic_eased"]


def test_risk_or_a_long_message_during_an_exercise_ends_it_and_is_listened_to() -> None:
    steps = bank.exercise_steps("grounding")
    said, events = run(exercise.ActionExerciseStep(), [("ok", [steps[0]])], "honestly whats the point of any of this, i just want it to end",
                       crisis={"risk": 0.6, "level": "possible"}, slots={"exercise": "grounding", "exercise_step": 1.0})
    assert not set(said) & set(steps) and slots_of(events)["exercise"] is None
    lapsed, events = run(exercise.ActionExerciseStep(), [("ok", ["What's been on your mind the most today?"])], "lamp, book",
                         slots={"exercise": "grounding", "exercise_step": 1.0})
    assert not set(lapsed) & set(steps) and slots_of(events)["exercise"] is None   # something else came between


ASKS = [  # a12, a14 and the other languages: the check-in or the exercises asked for, whatever the NLU read
    ("en", "hi, can you do a mood check-in with me?", "checkin"),
    ("de", "kannst du mit mir einen check-in zu meiner stimmung machen?", "checkin"),
    ("fr", "on peut faire un check-in de mon humeur ?", "checkin"),
    ("es", "¿podemos hacer un check-in de mi ánimo?", "checkin"),
    ("it", "puoi aiutarmi con un esercizio?", "exercise"),
    ("nl", "kunnen we een check-in van mijn stemming doen?", "checkin"),
    ("pt", "você pode fazer um check-in do meu humor comigo?", "checkin"),
    ("de", "kannst du mir eine übung zeigen?", "exercise"),
    ("es", "¿puedes ayudarme con un ejercicio?", "exercise"),
]


@pytest.mark.parametrize("lang, text, wanted", ASKS)
def test_a_check_in_or_an_exercise_asked_for_starts_or_is_offered_in_every_language(lang: str, text: str, wanted: str) -> None:
    from actions.questions import ActionAnswerQuestion

    said, events = run(ActionAnswerQuestion(), [], text, intent="ask_capability", locale=LOCALES[lang])
    if wanted == "checkin":
        assert said == bank.tool("checkin", lang) and slots_of(events)["awaiting_checkin"] is True, said
    else:
        assert said == answers(lang)["exercise_offer"], said
    assert not set(said) & set(answers(lang)["ask_capability"])


@pytest.mark.parametrize("text", ["i need to get more exercise, i just sit all day",
                                  "i want to learn to breathe better when i sing",
                                  "please tell me more about how the check in works"])
def test_naming_a_tool_or_exercise_in_passing_asks_for_none(text: str) -> None:
    from actions.exercise import asked_for

    assert asked_for(text) is None


def test_a_number_after_the_check_in_is_its_answer() -> None:
    from actions.replies import ActionCheckinAnswer, ActionGreet

    said, events = run(ActionGreet(), [], "hi, can you do a mood check-in with me?", intent="greet")
    assert said == bank.tool("checkin") and slots_of(events)["awaiting_checkin"] is True
    said, _ = run(ActionCheckinAnswer(), [("hi, can you do a mood check-in with me?", said)], "5", slots={"awaiting_checkin": True})
    assert said == ["Thank you. 5 out of 10. We can check in again later and see how it moves."]


def test_every_language_has_the_steps_and_lines_of_the_exercises() -> None:
    for lang in LANGS:
        assert len(bank.tool("breathing", lang)) == 1 and len(bank.tool("grounding", lang)) == 1
        for name in ("breathing", "grounding", "again"):
            own = bank.exercise_steps(name, lang)
            assert len(own) == len(bank.exercise_steps(name)), (lang, name)
            assert lang == "en" or not set(own) & set(bank.exercise_steps(name)), (lang, name)   # translated, not English


# --- M5: direct questions to the bot ---

A18 = [("my name is Priya", ["Nice to meet you, Priya. What would you like to talk about today?"]),
       ("I'm stressed about my wedding in June", ["..."]), ("It's causing fights with my fiancé Dev", ["..."]),
       ("Also my best friend Hannah moved to Canada last month so I can't even vent to her", ["..."]),
       ("I'm a pharmacist", ["..."])]


@pytest.mark.parametrize("text, intent, expected", [
    ("What did I say my fiancé's name was?", "ask_judgement", "You told me your fiancé is called Dev."),
    ("And who moved to Canada?", "share_feelings", "You told me your best friend Hannah moved to Canada last month."),
    ("Do you remember what I do for work?", "ask_capability", "You told me you're a pharmacist."),
    ("do you remember my name?", "bot_challenge", "You told me your name is Priya."),
    ("What did I say my sister's name was?", "ask_judgement", answers("en")["recall_unknown"][0]),
])
def test_a_question_about_what_the_person_said_is_answered_from_the_conversation(text: str, intent: str, expected: str) -> None:
    from actions.questions import ActionAnswerQuestion
    from actions.replies import ActionSupportQuestion

    action = ActionSupportQuestion() if intent == "share_feelings" else ActionAnswerQuestion()
    said, _ = run(action, A18, text, intent=intent, locale="en-GB")
    assert said == [expected]


@pytest.mark.parametrize("text, intent, key", [
    ("What would you do?", "share_feelings", "what_would_you_do"),                    # a04, a18
    ("what's your honest opinion", "bot_challenge", "what_would_you_do"),             # a34
    ("can you just tell me what you think", "ask_capability", "what_would_you_do"),
    ("what do you think i should do first?", "ask_advice", "what_first"),            # a05
    ("OK so back to the guest list, am I being unreasonable?", "ask_judgement", "overreacting"),
    ("am I overreacting?", "ask_normality", "overreacting"),
    ("are you just going to keep asking me questions?", "share_feelings", "only_questions"),   # a34
    ("do you think she knew i loved her?", "ask_judgement", "did_they_know"),        # a06
    ("how do i explain it to him", "ask_advice", "how_to_explain"),                   # a06
    ("was würdest du an meiner stelle tun?", "ask_advice", "what_would_you_do"),
    ("est-ce que j'exagère ?", "ask_judgement", "overreacting"),
    ("¿qué harías tú en mi lugar?", "ask_advice", "what_would_you_do"),
])
def test_a_question_put_to_the_bot_gets_an_answer_to_what_was_asked(text: str, intent: str, key: str) -> None:
    from actions.questions import ActionAnswerQuestion
    from actions.replies import ActionSupportQuestion

    lang = "de" if "würdest" in text else "fr" if "exagère" in text else "es" if "harías" in text else "en"
    action = ActionSupportQuestion() if intent == "share_feelings" else ActionAnswerQuestion()
    said, events = run(action, [("my mum has dementia and it's getting worse", ["..."])], text, intent=intent, locale=LOCALES[lang])
    assert said == answers(lang)[key], said
    if key == "only_questions":
        assert slots_of(events)["listen_only_until"] is not None                          # and then it listens
    assert not said[0].startswith(("I'm not here to judge", "That sounds like a good step", "Feeling unsettled"))


def test_a_question_with_risk_words_is_not_answered_as_a_plain_question() -> None:
    from actions.asked_the_bot import asked

    assert asked("what would you do if you wanted to die?") is None
    assert asked("am i overreacting? i just want to kill myself") is None


def test_what_the_nlu_read_as_thanks_without_thanks_is_listened_to() -> None:
    """b21: "the bank's taking it" (the family farm) got "You're welcome"."""
    from actions.replies import ActionYouAreWelcome

    said, _ = run(ActionYouAreWelcome(), [("the farm's been in the family for four generations", ["..."])], "the bank's taking it",
                  intent="thank", label="sadness")
    assert not set(said) & set(domain_lines("utter_you_are_welcome"))
    said, _ = run(ActionYouAreWelcome(), [], "thanks, really", intent="thank")
    assert said[0] in domain_lines("utter_you_are_welcome")


# --- M6: reflections ---

@pytest.mark.parametrize("text", ["I'm a pharmacist", "i have 3 days off next week", "The venue deposit is due Friday"])
def test_a_neutral_fact_is_not_taken_as_something_hard(text: str) -> None:
    for strategy in ("question", "restatement", "reflection"):
        for turn in range(4):
            line = listening.compose(strategy, text, "neutral", [], turn=turn)
            assert not listening.hard_line(line), (strategy, line)
            assert f'"{text}"' not in line                                                  # never quoted back verbatim


def test_a_hard_message_still_gets_a_line_that_takes_it_as_hard_and_no_capital_she() -> None:
    line = listening.compose("reflection", "She didn't recognise me this morning. She asked me who I was.", "sadness", [])
    assert "she didn't recognise you this morning" in line and "like She" not in line


def test_a_positive_plan_is_said_back_as_positive() -> None:
    """a06: "So you might make a little photo book for your son. That's a lot to be carrying."."""
    for strategy in ("question", "restatement", "reflection"):
        line = listening.compose(strategy, "i might make a little photo book for my son", "neutral", [])
        assert line in [t.format(said="you might make a little photo book for your son")
                        for t in [*listening.listening_in("en").steps["echo"], *listening.listening_in("en").steps["general"]]]
        assert not listening.hard_line(line)


def test_a_feeling_is_reflected_not_quoted_and_said_again_gets_its_own_line() -> None:
    """a17: twenty turns of "sad" got "\"sad\"... I'd like to hear more about that" and six templates in turn."""
    said: list[str] = []
    messages = ["i'm sad", "i'm still sad", "sad", "sad", "sad", "still sad", "sad"]
    for i, text in enumerate(messages):
        line = listening.compose(["reflection", "question", "restatement"][i % 3], text, "sadness", said[-5:], turn=i,
                                 earlier=messages[max(0, i - 3):i])
        assert '"sad"' not in line, line
        said.append(line)
    again = {t.format(feeling="sad") for t in answers("en")["feeling_again"]}
    assert again <= set(said)                                                            # "still sad, and I'm here"
    assert all(said[i] != said[i + 1] for i in range(len(said) - 1))
    for lang, word in [("de", "traurig"), ("es", "triste"), ("pt", "triste")]:
        line = listening.compose("reflection", word, "sadness", [], lang=lang, earlier=[word, word])
        assert line in [t.format(feeling=listening.feeling_of(word, "sadness", lang)) for t in answers(lang)["feeling_again"]]


def test_a_short_answer_that_tells_nothing_hard_is_not_quoted() -> None:
    for text in ("in", "out", "ready", "done", "much better after a walk", "5 things: lamp, book, cat, window, mug"):
        line = listening.compose("question", text, "neutral", [])
        assert f'"{text}"' not in line and "hardest part" not in line, line
    assert '"the house is so quiet now"' in listening.compose("question", "the house is so quiet now", "sadness", [])  # hard: may be


# --- L2: pronouns ---

@pytest.mark.parametrize("text, pronoun", [("my sister could come over", "her"), ("i could call my brother", "him"),
                                           ("my therapist is nice", "them"), ("a friend could come", "them")])
def test_a_person_to_reach_is_referred_to_as_they_are(text: str, pronoun: str) -> None:
    said = handoff_answers.handoff_lines(text, [])
    assert said and f"message {pronoun} now" in said[0], said


# --- M9: what the person is told around a handoff ---

HANDOFF_OPENED = [{"event": "action", "name": "action_escalate_crisis"},
                  {"event": "bot", "text": "I've asked a person from our team to join this conversation."},
                  {"event": "slot", "name": "handoff_active", "value": True},
                  {"event": "action", "name": "action_listen"}]
SUPERVISOR_WROTE = [{"event": "bot", "text": "Hi, I'm Sam from the team. I'm here now."}]


@pytest.fixture
def team(team):
    """conftest.py's stand-in for the service's handoffs, with the handoff already resolved."""
    team["status"] = {"id": 7, "status": "resolved", "waiting_s": 30, "expected_wait_s": None}
    return team


@pytest.mark.parametrize("lang", LANGS)
def test_a_handoff_resolved_without_a_word_from_the_team_says_nobody_could_join(team, lang: str) -> None:
    """c04: "The person from our team has finished their part" after a resolve with only a note."""
    from actions.crisis import ActionHandoffResolved

    said, events = run(ActionHandoffResolved(), [], "EXTERNAL: handoff_resolved", intent="handoff_resolved", locale=LOCALES[lang],
                       slots={"handoff_active": True, "handoff_id": 7.0}, extra_events=HANDOFF_OPENED)
    assert said[0].startswith(answers(lang)["handoff_resolved_unjoined"][0]), said
    assert not set(said) & set(domain_lines("utter_handoff_resolved", lang))
    assert slots_of(events)["handoff_joined"] is False and slots_of(events)["handoff_active"] is False
    assert len(said[0]) > len(answers(lang)["handoff_resolved_unjoined"][0])          # a crisis handoff: how to get help now


def test_a_handoff_resolved_after_the_team_wrote_says_they_finished(team) -> None:
    from actions.crisis import ActionHandoffResolved

    said, events = run(ActionHandoffResolved(), [], "EXTERNAL: handoff_resolved", intent="handoff_resolved",
                       slots={"handoff_active": True, "handoff_id": 7.0}, extra_events=[*HANDOFF_OPENED, *SUPERVISOR_WROTE])
    assert said[0] in domain_lines("utter_handoff_resolved") and slots_of(events)["handoff_joined"] is True


@pytest.mark.parametrize("lang, back", [("en", "sorry I was away. are you still there?"), ("de", "bin wieder da"),
                                        ("nl", "ik ben terug")])
def test_after_a_resolved_handoff_nobody_is_said_to_have_stepped_away(lang: str, back: str) -> None:
    """c07: "Die Person aus unserem Team musste kurz weg" after the supervisor had resolved."""
    from actions.replies import ActionSupportQuestion

    for joined, key in ((False, "back_after_unjoined"), (True, "back_after_handoff")):
        said, _ = run(ActionSupportQuestion(), [("ok", ["..."])], back, locale=LOCALES[lang],
                      slots={"handoff_resolved_at": 1.0, "handoff_joined": joined})
        assert said[0].startswith(answers(lang)[key][0].split("{help}")[0]), said
    for code in LANGS:
        assert not any(word in answers(code)["back_after_handoff"][0] for word in ("step away", "kurz weg", "even weg"))


def test_no_waiting_notice_once_the_handoff_is_no_longer_open(team) -> None:
    """c11: "nobody from our team is free yet" came after the person withdrew ("laat maar ... ik red me wel")."""
    from actions.crisis import ActionHandoffWaiting

    team["status"] = {"id": 7, "status": "resolved", "waiting_s": 130, "expected_wait_s": 60}
    said, _ = run(ActionHandoffWaiting(), [], "EXTERNAL: handoff_waiting", intent="handoff_waiting", locale="nl-NL",
                  slots={"handoff_active": True, "handoff_id": 7.0, "handoff_asked": True})
    assert said == []
    team["status"] = {"id": 7, "status": "open", "waiting_s": 130, "expected_wait_s": 60}
    said, _ = run(ActionHandoffWaiting(), [], "EXTERNAL: handoff_waiting", intent="handoff_waiting", locale="nl-NL",
                  slots={"handoff_active": True, "handoff_id": 7.0, "handoff_asked": True})
    assert said == answers("nl")["person_delayed"]


# --- L1: typed commands; L7: a closing "ciao" ---

@pytest.mark.parametrize("text", ["handoff_resolved", "/handoff_resolved", "handoff_waiting"])
def test_a_typed_command_gets_a_sensible_reply(text: str) -> None:
    from actions.replies import ActionSupportRestatement

    said, _ = run(ActionSupportRestatement(), [("hi", ["Hi, I'm here to listen."])], text, intent="nlu_fallback")
    assert said == answers("en")["command"]


def test_restart_is_answered_not_silent() -> None:
    from rasa_sdk.events import Restarted

    from actions.lifecycle import ActionRestart

    said, events = run(ActionRestart(), [], "/restart", intent="restart")
    assert said == answers("en")["restarted"] and Restarted() in events


def test_a_closing_ciao_is_a_goodbye_an_opening_one_a_greeting() -> None:
    """a14: "grazie mille" then "ciao" got "Ciao, sono qui per ascoltarti. Come ti senti oggi?"."""
    from actions.replies import ActionGreet

    said, _ = run(ActionGreet(), [("un po' meglio", ["..."]), ("grazie mille", ["Figurati."])], "ciao", intent="greet", locale="it-IT")
    assert said[0] in domain_lines("utter_goodbye", "it") and not set(said) & set(domain_lines("utter_greet", "it"))
    said, _ = run(ActionGreet(), [], "ciao", intent="greet", locale="it-IT")
    assert said[0] in domain_lines("utter_greet", "it")


def test_hello_during_an_exercise_is_answered_and_the_step_said_again() -> None:
    steps = bank.exercise_steps("grounding")
    said, events = run(exercise.ActionExerciseStep(), [("lamp, book, cat, window, mug", [steps[0]])], "hello?", intent="greet",
                       slots={"exercise": "grounding", "exercise_step": 1.0})
    assert said[0] in answers("en")["still_here"] and said[1] == steps[0] and slots_of(events) == {}


def test_a_clause_said_back_mid_sentence_keeps_no_sentence_capital() -> None:
    # eighth reading, L2: "So Though you're not sure you're grieving.", "You said Maybe you are."
    from actions.echo import said_back

    for text, back in (("Though I'm not sure I'm grieving, that's a big word.", "though you're not sure you're grieving"),
                       ("Maybe I am.", "maybe you are"), ("Still I miss her.", "still you miss her")):
        assert said_back(text) == back
