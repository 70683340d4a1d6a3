"""The tutor writes to a student in the student's language (en, de, fr, es, it, nl, pt).

Every language file (bot/tutor/i18n/<lang>.yml) has every line of English (bot/tutor/lines.yml,
the domain's responses, the curriculum's texts) with its {placeholders}, and its exercises keep
their numbers. Then whole exchanges through the actions, called directly (no Rasa server): a German
student taught in German, a Spanish child's disclosure answered in Spanish with Mexico's numbers,
a student who switches to English, a number-only answer that keeps the language.
"""
from __future__ import annotations

import asyncio
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.lines import I18N, english, translation
from bot.tutor.actions.messages import calculation, written_fractions

TUTOR = Path(__file__).resolve().parents[2] / "bot" / "tutor"
DOMAIN = yaml.safe_load((TUTOR / "domain.yml").read_text(encoding="utf-8"))
LANGS = ("de", "fr", "es", "it", "nl", "pt")
FIRST = load_curriculum().first()  # Simplify 2/4. -> 1/2


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def numbers(text: str) -> Counter:
    """The numbers written in digits (fractions and calculations stay "3/4", "2 × 3" in every language)."""
    return Counter(re.findall(r"\d+", text))


def test_there_is_a_file_for_each_of_the_six_other_languages() -> None:
    assert sorted(p.stem for p in I18N.glob("*.yml")) == sorted(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_line_of_english_is_in_the_language_with_its_placeholders(lang: str) -> None:
    lines = translation(lang)["lines"]
    assert set(lines) == set(english()), (set(english()) - set(lines), set(lines) - set(english()))
    for key, source in english().items():
        said = lines[key]
        assert type(said) is type(source), key
        if isinstance(source, list):
            assert len(said) == len(source), key
            assert all(placeholders(v) == placeholders(source[0]) for v in said), key
        elif isinstance(source, dict):
            assert set(said) == set(source) and all(said.values()), key
        else:
            assert placeholders(said) == placeholders(source), key
            assert not re.search(r"\{[^}]*$|^[^{]*\}", said), key


@pytest.mark.parametrize("lang", LANGS)
def test_every_response_of_the_domain_is_in_the_language(lang: str) -> None:
    responses = translation(lang)["responses"]
    assert set(responses) == set(DOMAIN["responses"])
    for name, variants in DOMAIN["responses"].items():
        assert len(responses[name]) == len(variants), name
        assert all(placeholders(t) == placeholders(variants[0]["text"]) for t in responses[name]), name
    assert translation(lang)["greetings"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_curriculum_is_in_the_language_with_the_same_numbers(lang: str) -> None:
    source, said = load_curriculum(), load_curriculum(lang=lang)
    texts = translation(lang)["curriculum"]
    assert set(texts["skills"]) == {skill.id for skill in source.skills.values()}
    assert set(texts["items"]) == {it.id for skill in source.skills.values() for its in skill.steps.values() for it in its}
    for level, skill in source.skills.items():
        other = said.skills[level]
        assert other.name != skill.name and len(other.explanations) == len(skill.explanations), skill.id
        assert set(texts["skills"][skill.id].get("glossary") or {}) == set(skill.glossary), skill.id
        pairs = [*zip(skill.explanations, other.explanations),
                 *((skill.glossary[t], other.glossary[t]) for t in skill.glossary)]
        for difficulty, items in skill.steps.items():
            for it, translated in zip(items, other.steps[difficulty]):
                assert set(texts["items"][it.id]) == {"question", "hints", "worked_example", "reasoning"}, it.id
                assert len(translated.hints) == len(it.hints), it.id
                # the actions read the exercise from the question shown: the same calculation in every language
                assert calculation(translated.question) == calculation(it.question), it.id
                assert written_fractions(translated.question) == written_fractions(it.question), it.id
                pairs += [(it.question, translated.question), (it.worked_example, translated.worked_example),
                          (it.reasoning, translated.reasoning), *zip(it.hints, translated.hints)]
        for english_text, text in pairs:
            assert text != english_text and numbers(text) == numbers(english_text), (lang, english_text, text)


class Student:
    """A student's conversation with the tutor's actions, called directly: each turn is a user
    event (with the page's ``locale``), the action's lines become bot events, its slots are kept."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale, self.events, self.slots = locale, [], {}

    def says(self, text: str, action, intent: str = "lesson") -> list[str]:
        from rasa_sdk import Tracker
        from rasa_sdk.executor import CollectingDispatcher

        metadata = {"locale": self.locale} if self.locale else {}
        latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": metadata}
        self.events.append({"event": "user", "text": text, "metadata": metadata})
        tracker = Tracker("s", dict(self.slots), latest, list(self.events), False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, tracker, DOMAIN)
        events = asyncio.run(events) if asyncio.iscoroutine(events) else events
        self.slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        lines = [m["text"] for m in dispatcher.messages]
        self.events.extend({"event": "bot", "text": line} for line in lines)
        return lines


@pytest.fixture
def no_service(monkeypatch):
    """The handoff service is not running: nobody has joined, an alert is only recorded."""
    from bot.tutor.actions import wellbeing_actions

    alerts: list[str] = []

    async def handoff_status(session_id: str):
        return None

    async def alert(tracker, reason: str) -> None:
        alerts.append(reason)

    monkeypatch.setattr(wellbeing_actions.handoff, "handoff_status", handoff_status)
    monkeypatch.setattr(wellbeing_actions, "alert", alert)
    return alerts


def test_a_german_student_is_taught_in_german_through_a_whole_exchange() -> None:
    from bot.tutor.actions.actions import ActionHint, ActionPraiseNext, ActionRetry, ActionStart, ActionWorkedExample
    from bot.tutor.actions.greeting import ActionGreet
    from bot.tutor.actions.lines import response, say

    german = load_curriculum(lang="de")
    first, skill = german.first(), german.skills[1]
    student = Student()
    assert student.says("Guten Morgen!", ActionGreet(), "greet") == [response(DOMAIN, "utter_greet", "de")]
    assert student.says("ich bin bereit, wir können anfangen", ActionStart()) == [
        f"Lass uns üben: Brüche kürzen. {skill.explanations[0]}", "Hier ist deine erste Aufgabe: Kürze 2/4."]
    assert student.says("3/4", ActionRetry()) == ["Noch nicht ganz. Versuch es noch einmal, du schaffst das.", "Kürze 2/4."]
    assert student.says("kannst du mir einen Tipp geben?", ActionHint()) == [
        f"Hier ist ein Tipp: {first.hints[0]}", "Deine Aufgabe ist immer noch: Kürze 2/4."]
    assert first.hints[0] == "Such eine Zahl, die sowohl den Zähler als auch den Nenner genau teilt."
    assert student.says("ich verstehe das immer noch nicht", ActionWorkedExample()) == [
        f"Schauen wir uns ein Rechenbeispiel für eine ähnliche Aufgabe an. {first.worked_example}",
        "Jetzt versuch deine auf die gleiche Weise: Kürze 2/4."]
    praised = student.says("1/2", ActionPraiseNext())
    assert praised[0] in {say("praise_after_tries", "de", n, answer="1/2") for n in range(2)}
    assert praised[1:] == ["Hier ist die nächste.", f"Neue Aufgabe: {german.item(student.slots['learner']['item']).question}"]
    assert praised[2].startswith("Neue Aufgabe: Kürze ")


def test_a_spanish_childs_disclosure_gets_the_spanish_safety_line_with_mexicos_numbers(no_service) -> None:
    from bot.tutor.actions.wellbeing_actions import ActionSafetyCheck, ActionTutorCrisis, ActionWellbeing

    student = Student("es-MX")
    safety = student.says("mi papá me pega cuando se enoja y tengo miedo", ActionSafetyCheck())
    assert len(safety) == 1 and safety[0].startswith("Gracias por contármelo. ¿Estás a salvo ahora mismo?")
    assert "comunícate por llamada o mensaje con Línea de la Vida" in safety[0]
    assert "[800 911 2000](tel:8009112000)" in safety[0] and "si estás en peligro, llama al 911" in safety[0]
    assert "988" not in safety[0] and "{help}" not in safety[0]
    crisis = student.says("ya no quiero vivir, me quiero morir", ActionTutorCrisis())
    assert crisis[0].startswith("Me preocupa lo que escribiste.") and "llama al 911" in crisis[0]
    assert student.slots["wellbeing_check"] == "crisis" and no_service      # a person from the team alerted
    check_in = student.says("no sé", ActionWellbeing())
    assert check_in == ["Antes de seguir: sigo pensando en lo que escribiste. ¿Estás bien ahora mismo? ¿Hay algún adulto "
                        "cerca de ti a quien puedas contárselo? También avisé a una persona de nuestro equipo; puede que "
                        "te escriba aquí."]


def test_a_student_who_switches_to_english_gets_english() -> None:
    from bot.tutor.actions.actions import ActionExplain, ActionRetry, ActionStart

    student = Student("fr-FR")
    assert student.says("salut, on commence les fractions ?", ActionStart())[1] == "Voici ta première question : Simplifie 2/4."
    assert student.says("2/3", ActionRetry())[0].startswith("Pas encore tout à fait.")
    explained = student.says("sorry, can you explain it in english please? i don't understand french well", ActionExplain())
    assert explained[0].startswith("Let me put it another way. ") and explained[1] == f"Your question is still: {FIRST.question}"


@pytest.mark.parametrize("said, locale, lang", [
    (["3/4", "ok", "7/12", "no sé cómo se hace esto"], None, "es"),      # numbers and "ok" keep the language
    (["1/2", "ja", "ich habe keine Ahnung, wie das geht"], "en-US", "de"),
    (["1/2"], "fr-FR", "fr"),                                               # before any words: the page's locale
    (["hi"], "it-IT", "it"), (["hola"], None, "es"), (["3/4"], None, "en"),
    (["/handoff_waiting", "3/4", "ik snap er helemaal niks van"], None, "nl"),  # the dashboard's intent is no words
    (["ok go", "hi"], None, "en"), (["oh ok", "3/4", "i have no idea how to do this"], None, "en"),  # "ok" tells nothing
    (["ok los gehts", "hi"], None, "de"),
])
def test_the_students_language_is_read_from_the_messages_that_have_words(said, locale, lang) -> None:
    from rasa_sdk import Tracker

    from bot.tutor.actions.student_language import language

    metadata = {"locale": locale} if locale else {}
    events = [{"event": "user", "text": text, "metadata": metadata} for text in reversed(said)]
    tracker = Tracker("s", {}, {"text": said[0], "metadata": metadata}, events, False, None, {}, "action_listen")
    assert language(tracker) == lang


def test_a_number_only_answer_keeps_the_language_of_the_lesson() -> None:
    from bot.tutor.actions.actions import ActionPraiseNext, ActionRetry, ActionStart

    student = Student()
    student.says("ciao, sono pronta per le frazioni", ActionStart())
    assert student.says("1/3", ActionRetry()) == ["Non ancora. Riprova, ce la puoi fare.", "Semplifica 2/4."]
    assert student.says("1/2", ActionPraiseNext())[0].startswith(("Giusto, 1/2.", "Esatto: 1/2.", "Proprio così: 1/2."))


def test_without_a_locale_the_help_lines_are_those_of_the_students_language() -> None:
    from bot.tutor.actions.wellbeing_actions import ActionSafetyCheck

    line = Student().says("mi papá me pega y tengo mucho miedo de volver a casa", ActionSafetyCheck())[0]
    assert line.startswith("Gracias por contármelo.") and "Fundación ANAR (España)" in line
    assert "Línea de la Vida (México)" in line and "988" not in line


def test_english_stays_english_and_the_childrens_lines_keep_their_country() -> None:
    from bot.tutor.actions.greeting import ActionGreet
    from bot.tutor.actions.wellbeing_actions import ActionSafetyCheck

    assert Student().says("hi", ActionGreet(), "greet") == [DOMAIN["responses"]["utter_greet"][0]["text"]]
    line = Student("de-AT").says("someone at home hurts me", ActionSafetyCheck())[0]
    assert line.startswith("Thanks for telling me. Are you safe right now?") and "call or text Rat auf Draht" in line


@pytest.mark.parametrize("answer, okay", [
    ("ja, mir geht's gut", True), ("ja", True), ("es geht mir besser", True), ("ja, aber nicht wirklich", False),
    ("oui ça va", True), ("ça va mieux", True), ("pas vraiment", False), ("oui mais non", False),
    ("sí, estoy bien", True), ("no estoy bien", False), ("sì, sto bene", True), ("non sto bene", False),
    ("ja hoor, het gaat goed", True), ("niet echt", False), ("sim, estou bem", True), ("não estou bem", False),
    ("ik heb het aan mijn moeder verteld", True), ("je l'ai dit à ma mère", True),
])
def test_the_check_in_is_answered_in_the_students_language(answer: str, okay: bool) -> None:
    # "ja, mir geht's gut" after the check-in had read as not okay: a second alert to the team
    from bot.tutor.actions import wellbeing

    lines, pending, goes_on = wellbeing.reply(answer, "asked")
    assert (pending is None and goes_on) == okay
