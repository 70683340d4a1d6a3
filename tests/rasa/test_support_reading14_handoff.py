"""The thirteenth exploratory reading's M8, H8 and L9, support bot (fix-brief S2; data/exploratory/2026-12-07/reading13).

- M8: during an open handoff, a step in the person's own words got "I'm still here": the pills counted ("got about 60
  now"), a time ("idk, maybe this weekend", "bof, peut-être demain"), the letter written ("já escrevi a carta"), the
  means in slang ("les médocs de ma mère"). Now each gets its line (the step named, are you safe, the act-now line for
  the means) and the team's thread an alert that says what was named.
- H8: a relative who reports someone else with a weapon is told to call the emergency number now, what to say and to
  keep their distance (B40), again when they say where he is; a son who left a goodbye letter and cannot be reached is
  an emergency (B14: 112, where he might be); a daughter who wrote she wanted to die gets the parents' lines and a
  person (B39).
- L9: consent withdrawn during a handoff gets one honest line: the team can still read the chat while in danger.
"""
from __future__ import annotations

import re

import pytest
import yaml

from tests.rasa.test_support_reading10 import run as run_situation
from tests.rasa.test_support_reading11_crisis import IN_HANDOFF, OPEN, SUPPORT, history, run

from actions import bank, handoff_answers, handoff_steps  # noqa: E402  (the imports above put bot/support on the path)
from actions.relative_danger import a_parent, danger_key  # noqa: E402
from policies.situations import situation_of  # noqa: E402

LANGS = ("de", "fr", "es", "it", "nl", "pt", "pt-PT")
POSSIBLE = {"risk": 0.05, "level": "possible", "category": "plan"}
RISKY_RELATIVE = {"risk": 0.98, "level": "high", "flag": True, "turn_flag": True, "explicit": True,
                  "category": "hopelessness_entrapment"}


def lang_of(locale: str) -> str:
    return locale if locale == "pt-PT" else locale.split("-")[0]


def line(key: str, locale: str) -> str:
    return bank.answers(lang_of(locale))[key][0]


def alerts(team) -> list:
    return [text for kind, text in team["thread"] if kind == "alert"]


def waiting(locale: str, turns, text, crisis=POSSIBLE, slots=None):
    """What the bot says to ``text`` while a handoff is open, after the person's ``turns``."""
    return run_handoff(locale, history(*turns), text, crisis, slots)


def run_handoff(locale, events, text, crisis=POSSIBLE, slots=None):
    from actions.crisis import ActionHandoffPresent

    said, _ = run(ActionHandoffPresent(), events, text, locale=locale, slots={**IN_HANDOFF, **(slots or {})}, crisis=crisis)
    return said


# --- M8: a step named while waiting -------------------------------------------------------------------------------

def test_the_pills_counted_while_waiting_get_their_line_and_the_team_an_alert(team) -> None:
    """B02 (en-GB): "got about 60 now" after "been saving up my mum's sleeping pills" got "I hear you, and I'm still
    here." (risk 0.007)."""
    team["status"] = dict(OPEN)
    said = waiting("en-GB", ["been saving up my mum's sleeping pills"], "got about 60 now", {"risk": 0.007, "level": "possible"})
    assert line("handoff_counted", "en-GB") in said, said
    assert any("999" in text for text in said), said
    assert alerts(team) and "how much they have saved up" in alerts(team)[0], team["thread"]


@pytest.mark.parametrize("before, text", [
    ("been saving up my mum's sleeping pills", "im 16"),                    # an age
    ("been saving up my mum's sleeping pills", "its been 20 years"),       # a unit
    ("i had a long day at work", "got about 60 now"),                      # no means before
    ("been saving up my mum's sleeping pills", "should i call 111"),       # a number to call
])
def test_a_number_that_counts_no_means_is_no_step(before, text) -> None:
    assert not handoff_steps.counted(text, [before])


@pytest.mark.parametrize("locale, before, text", [
    ("en-GB", "not like a proper plan, just the bridge by my flat", "idk, maybe this weekend"),      # B21
    ("fr-BE", "je sais pas, peut-être avec les médocs de ma mère", "bof, peut-être demain"),         # B22
    ("de-DE", "ich habe tabletten gesammelt", "vielleicht morgen"),
    ("es-ES", "tengo pastillas guardadas", "quizás mañana"),
    ("it-IT", "ho messo da parte delle pillole", "forse domani"),
    ("nl-NL", "ik heb pillen gespaard", "misschien morgen"),
    ("pt-BR", "tenho remédios guardados", "talvez amanhã"),
    ("pt-PT", "tenho comprimidos guardados", "se calhar amanhã"),
])
def test_a_time_said_after_a_way_gets_its_line_and_an_alert(team, locale, before, text) -> None:
    team["status"] = dict(OPEN)
    said = waiting(locale, ["quero morrer" if locale.startswith("pt") else "...", before], text, {"risk": 0.02, "level": "possible"})
    assert line("handoff_when", locale) in said, said
    assert not any(handoff_answers.kind_lines("taken", lang_of(locale))[0] == text_ for text_ in said), said
    assert any("a time for it" in alert for alert in alerts(team)), team["thread"]


@pytest.mark.parametrize("text", ["not tomorrow", "guten morgen", "tomorrow i have a long shift at work, then maybe a film"])
def test_a_time_denied_a_greeting_or_a_story_is_no_step(text) -> None:
    assert not handoff_steps.time_named(text, ["i have pills saved up"])


def test_a_time_to_reach_someone_is_no_step() -> None:
    kinds = [kind for kind, _ in handoff_answers.answered("i'll call my mum tomorrow", [], "en", ["i have pills saved up"])]
    assert "when" not in kinds and "person" in kinds, kinds


def test_maybe_tomorrow_to_have_you_taken_any_is_a_time_not_a_dose(team) -> None:
    """B22: with "les médocs" asked about ("Est-ce que tu en as déjà pris ?"), "bof, peut-être demain" had read as a yes:
    the line for medicine taken and an URGENT notice."""
    team["status"] = dict(OPEN)
    asked = handoff_answers.kind_lines("medicine", "fr")[0]
    said = run_handoff("fr-BE", [("person", "je sais pas, peut-être avec les médocs de ma mère"), ("bot", asked)],
                       "bof, peut-être demain", {"risk": 0.07, "level": "possible"})
    assert handoff_answers.kind_lines("taken", "fr")[0] not in said, said
    assert line("handoff_when", "fr-BE") in said, said
    assert not any(alert.startswith("URGENT") for alert in alerts(team)), team["thread"]


def test_the_mothers_medocs_get_the_medicine_line_and_the_team_an_alert(team) -> None:
    """B22 (fr-BE): "je sais pas, peut-être avec les médocs de ma mère" got a reflection about the family."""
    team["status"] = dict(OPEN)
    said = waiting("fr-BE", ["J'ai envie de disparaître, pour de bon.", "ouais un peu"],
                   "je sais pas, peut-être avec les médocs de ma mère", {"risk": 0.55, "level": "possible", "category": "burdensomeness"})
    assert handoff_answers.kind_lines("medicine", "fr")[0] in said, said
    assert any("medicine at hand" in alert for alert in alerts(team)), team["thread"]


@pytest.mark.parametrize("locale, text", [
    ("pt-BR", "já escrevi a carta"),                         # B18
    ("en-GB", "i've written the letter"),
    ("de-DE", "ich hab den Brief schon geschrieben"),
    ("fr-FR", "j'ai déjà écrit la lettre"),
    ("es-ES", "ya escribí la carta"),
    ("it-IT", "ho già scritto la lettera"),
    ("nl-NL", "ik heb de brief al geschreven"),
    ("pt-PT", "já escrevi a carta"),
])
def test_the_letter_written_while_waiting_gets_its_line(team, locale, text) -> None:
    team["status"] = dict(OPEN)
    said = waiting(locale, ["..."], text, {"risk": 0.07, "level": "possible", "category": "active_ideation"})
    assert line("handoff_letter", locale) in said, said
    assert any("a goodbye letter written" in alert for alert in alerts(team)), team["thread"]


@pytest.mark.parametrize("text", ["i haven't written the letter", "i found a goodbye letter in his room"])
def test_a_letter_denied_or_found_is_no_step(text) -> None:
    assert not handoff_steps.letter_written(text)


def test_a_time_after_the_letter_gets_the_time_line(team) -> None:
    """B18 (pt-BR): "hoje à noite" after "já escrevi a carta" got "Obrigado por me contar. Continuo aqui com você."."""
    team["status"] = dict(OPEN)
    from actions.handoff_imminent import imminent_lines

    earlier = ["tô pensando em me matar", "já escrevi a carta"]
    said = waiting("pt-BR", earlier, "hoje à noite", {"risk": 0.1, "level": "possible"})
    # tonight after the thought of killing oneself is the act coming (fourteenth reading, H1): its line, stronger than "when"
    assert set(imminent_lines("hoje à noite", "pt", earlier)) & set(said), said


def test_a_goodbye_letter_told_at_the_start_is_answered_by_the_escalation(team) -> None:
    """The steps are for a person waiting: the escalation of "ik heb al een afscheidsbrief geschreven" keeps its own
    lines (during the screen, the plan's: seventh reading, H2)."""
    from actions.crisis import ActionEscalateCrisis

    said, slots = run(ActionEscalateCrisis(), [], "ik heb al een afscheidsbrief geschreven", locale="nl-BE",
                      crisis={"risk": 0.9, "level": "high", "flag": True, "turn_flag": True, "explicit": True, "category": "plan"})
    assert slots.get("handoff_active") is True and line("handoff_letter", "nl-BE") not in said, said


# --- H8: relatives ---------------------------------------------------------------------------------------------------

RIFLE = {
    "en-US": "My husband says he doesn't see the point anymore and he got his rifle out of the cabinet.",
    "de-DE": "Mein Mann hat gesagt, er sieht keinen Sinn mehr und hat sein Jagdgewehr aus dem Schrank geholt.",   # B40
    "fr-FR": "Mon mari dit qu'il veut en finir et il a sorti son fusil de chasse.",
    "es-ES": "Mi marido dice que quiere acabar con todo y ha sacado la escopeta del armario.",
    "it-IT": "Mio marito dice che vuole farla finita e ha preso il fucile dall'armadio.",
    "nl-NL": "Mijn man zegt dat hij dood wil en hij heeft zijn jachtgeweer uit de kast gehaald.",
    "pt-BR": "Meu marido disse que quer morrer e pegou a espingarda do armário.",
    "pt-PT": "O meu marido disse que quer morrer e pegou na espingarda.",
}


@pytest.mark.parametrize("locale", list(RIFLE))
def test_a_relative_with_a_weapon_is_told_to_call_now_and_keep_their_distance(team, locale) -> None:
    """B40: "ich möchte, dass du in Sicherheit bist" and a line about the writer's own hopelessness."""
    from actions.situation_replies import ActionSituation

    said, _ = run_situation(ActionSituation(), [], RIFLE[locale], locale=locale, crisis=RISKY_RELATIVE)
    weapon = line("situation_friend_weapon_him", locale)
    number = {"en-US": "911", "pt-BR": "192"}.get(locale, "112")
    assert said[0].startswith(weapon.split("{emergency}")[0]) and number in said[0], said
    assert team["requests"] and "someone else at risk" in team["requests"][0], team["requests"]
    assert handoff_answers.kind_lines("hopeless", lang_of(locale))[:1] != said[:1]


def test_where_the_man_with_the_rifle_is_gets_the_weapon_line_again(team) -> None:
    """B40: "Er sitzt jetzt im Auto vor dem Haus." got "Ich höre dich, und ich bin noch da."."""
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run_situation(ActionHandoffPresent(), [("person", RIFLE["de-DE"]), ("bot", "...")],
                            "Er sitzt jetzt im Auto vor dem Haus.", locale="de-DE",
                            slots={**IN_HANDOFF, "situation_open": "friend_at_risk", "situation_until": 4.0},
                            crisis={"risk": 0.5, "level": "possible", "category": "passive_death_wish"})
    assert said[0] == line("situation_friend_weapon_after_him", "de-DE").format(emergency="112"), said
    assert "Ich höre dich" not in " ".join(said)


def test_the_son_who_cannot_be_reached_after_his_letter_is_an_emergency(team) -> None:
    """B14: "Er ist gerade nicht zu Hause und geht nicht ans Handy." after the goodbye letter in his room: 112, and
    where he might be (it had got "Ich höre dich" and 112 for the mother herself)."""
    from actions.crisis import ActionHandoffPresent

    letter = "Ich habe im Zimmer meines Sohnes (17) einen Abschiedsbrief gefunden."
    assert a_parent(letter) and situation_of(letter) == "friend_at_risk"
    team["status"] = dict(OPEN)
    said, _ = run_situation(ActionHandoffPresent(), [("person", letter), ("bot", "...")],
                            "Er ist gerade nicht zu Hause und geht nicht ans Handy.", locale="de-DE",
                            slots={**IN_HANDOFF, "situation_open": "friend_at_risk", "situation_until": 4.0},
                            crisis={"risk": 0.54, "level": "possible", "category": "hopelessness_entrapment"})
    assert said[0] == line("situation_friend_unreachable_after_him", "de-DE").format(emergency="112"), said
    assert "wo er sein könnte" in said[0]


def test_a_friend_who_cannot_be_reached_in_english_keeps_the_short_line() -> None:
    assert danger_key("she's not answering her phone now", ["my friend texted me goodbye"], after=True) \
        == "situation_friend_unreachable_after"
    assert bank.answers("en")["situation_friend_unreachable_after"][0].startswith("If you can't reach them")


@pytest.mark.parametrize("locale, text", [
    ("fr-FR", "Ma fille de 14 ans a écrit sur Insta qu'elle voulait mourir."),      # B39
    ("en-GB", "My 14-year-old daughter wrote on Insta that she wanted to die."),
    ("de-DE", "Meine Tochter (14) hat auf Insta geschrieben, dass sie sterben wollte."),
    ("es-ES", "Mi hija de 14 años escribió en Insta que quería morirse."),
    ("it-IT", "Mia figlia di 14 anni ha scritto su Insta che voleva morire."),
    ("nl-NL", "Mijn dochter van 14 schreef op Insta dat ze dood wilde."),
    ("pt-BR", "Minha filha de 14 anos escreveu no Insta que queria morrer."),
])
def test_a_daughter_who_wrote_she_wanted_to_die_gets_the_parents_lines_and_a_person(team, locale, text) -> None:
    """B39: "Ressentir autant de tristesse, c'est dur." (read possible 0.54, no situation)."""
    from actions.situation_replies import ActionSituation

    said, _ = run_situation(ActionSituation(), [], text, locale=locale,
                            crisis={"risk": 0.54, "level": "possible", "category": "hopelessness_entrapment"})
    parents = line("situation_child_at_risk", locale).split("{")[0][:60]
    assert said[0].startswith(parents), said
    assert team["requests"] and "a parent" in team["requests"][0], team["requests"]
    if locale == "fr-FR":
        assert "3114" in said[0], said


@pytest.mark.parametrize("text", ["my boyfriend left and i wanted to die", "cuando mi novio me dejó, quería morirme",
                                  "mein Freund hat Schluss gemacht und ich sehe keinen Sinn mehr"])
def test_ones_own_wish_to_die_told_beside_someone_is_no_relatives_report(text) -> None:
    assert situation_of(text) != "friend_at_risk"


# --- L9: consent withdrawn during a handoff --------------------------------------------------------------------------

def test_consent_withdrawn_with_an_overdose_gets_the_overdose_line_and_the_honest_one(team) -> None:
    """F9 (en-GB)."""
    team["status"] = dict(OPEN)
    said = waiting("en-GB", ["I've got the pills out on the table and I'm going to take them all."],
                   "please don't read what I write, I changed my mind about the analysis. I've taken 10 already.",
                   {"risk": 0.36, "level": "possible", "category": "plan"})
    assert said[0] == handoff_answers.kind_lines("taken", "en")[0], said
    assert said[1] == "While you're in danger, the person from our team can still read this chat, to help you.", said


@pytest.mark.parametrize("locale, text", [
    ("de-DE", "bitte lies nicht, was ich schreibe"), ("fr-FR", "ne lis pas ce que j'écris s'il te plaît"),
    ("es-ES", "no leas lo que escribo"), ("it-IT", "non leggere quello che scrivo"), ("nl-NL", "lees niet wat ik schrijf"),
    ("pt-BR", "não leia o que eu escrevo"), ("pt-PT", "não leias o que eu escrevo, retiro o meu consentimento"),
])
def test_consent_withdrawn_in_every_language(team, locale, text) -> None:
    team["status"] = dict(OPEN)
    said = waiting(locale, ["..."], text, {"risk": 0.3, "level": "possible"})
    assert line("handoff_consent", locale) in said, said


def test_no_danger_line_to_consent_withdrawn_in_a_handoff_asked_for(team) -> None:
    team["status"] = dict(OPEN)
    said = waiting("en-GB", ["can i talk to a person"], "please don't read what I write", {}, {"handoff_asked": True})
    assert line("handoff_consent", "en-GB") not in said, said


# --- the lines ------------------------------------------------------------------------------------------------------

NEW_KEYS = [key for key in yaml.safe_load((SUPPORT / "actions" / "responses.yml").read_text())["answers"]
            if key.startswith(("handoff_letter", "handoff_when", "handoff_counted", "handoff_consent", "situation_friend_weapon",
                               "situation_friend_unreachable_after"))]


@pytest.mark.parametrize("lang", LANGS)
def test_the_new_lines_exist_in_every_language_with_the_english_placeholders(lang) -> None:
    from actions.language import translated

    own = translated(lang)["answers"]
    english = bank.bank().answers
    for key in NEW_KEYS:
        assert key in own and own[key][0] != english[key][0], (lang, key)
        assert set(re.findall(r"\{\w+\}", own[key][0])) == set(re.findall(r"\{\w+\}", english[key][0])), (lang, key)
    for key in ("situation_friend_weapon", "situation_friend_weapon_after", "situation_friend_unreachable_after"):
        assert f"{key}_him" in own and f"{key}_her" in own, (lang, key)


def test_the_new_lines_on_a_pt_pt_page_are_european() -> None:
    from actions.language import translated

    own = translated("pt-PT")["answers"]
    brazilian = re.compile(r"\b(?:você|vocês|equipe)\b", re.IGNORECASE)
    assert [key for key in NEW_KEYS if brazilian.search(own[key][0])] == []
