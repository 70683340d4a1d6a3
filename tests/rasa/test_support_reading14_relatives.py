"""The fourteenth exploratory reading's relatives in an emergency, support bot (fix-brief N1;
data/exploratory/2026-12-07/reading14, B09 and B22).

- B22 (nl-NL): "Mijn vriend zit met een mes in de badkamer en zegt dat hij er een eind aan maakt" got "put it out of
  reach", 112 only "if it could happen soon"; "Hij doet de deur niet open" got the friends' generic advice. A blade with
  someone who said they will end it is a weapon: call now, keep your distance, never take it away; a door not opened
  after it is the weapon's follow-up.
- B09 (nl-BE): "Ze neemt haar telefoon niet op en ik weet niet waar ze is" after "Mijn dochter heeft gepost dat ze dood
  wil" got the parents' lines again; unreachable after the risk was told is an emergency: 112 now, and where she might be.
The same in the other six languages.
"""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading10 import run as run_situation
from tests.rasa.test_support_reading11_crisis import IN_HANDOFF, OPEN

from actions import bank  # noqa: E402  (the imports above put bot/support on the path)
from actions.relative_danger import danger_key, friend_in_danger  # noqa: E402

KNIFE_ENDING_IT = {
    "nl-NL": "Mijn vriend zit met een mes in de badkamer en zegt dat hij er een eind aan maakt",        # B22
    "en-GB": "My boyfriend is in the bathroom with a knife and says he's going to kill himself",
    "de-DE": "Mein Freund sitzt mit einem Messer im Bad und sagt, dass er sich umbringen will",
    "fr-FR": "Mon copain est dans la salle de bain avec un couteau et dit qu'il va se tuer",
    "es-ES": "Mi novio está en el baño con un cuchillo y dice que se va a matar",
    "it-IT": "Il mio ragazzo è chiuso in bagno con un coltello e dice che vuole farla finita",
    "pt-PT": "O meu namorado está na casa de banho com uma faca e diz que vai se matar",
}
ENDING_IT = {
    "nl-NL": "Mijn vriend zegt dat hij er een eind aan maakt",
    "en-GB": "My boyfriend says he's going to kill himself",
    "de-DE": "Mein Freund sagt, dass er sich umbringen will",
    "fr-FR": "Mon copain dit qu'il va se tuer",
    "es-ES": "Mi novio dice que se va a matar",
    "it-IT": "Il mio ragazzo dice che vuole farla finita",
    "pt-PT": "O meu namorado diz que vai se matar",
}
DOOR_NOT_OPENED = {
    "nl-NL": "Hij doet de deur niet open",                                                              # B22
    "en-GB": "He won't open the door",
    "de-DE": "Er macht die Tür nicht auf",
    "fr-FR": "Il n'ouvre pas la porte",
    "es-ES": "No abre la puerta",
    "it-IT": "Non apre la porta",
    "pt-PT": "Não abre a porta",
}
NOT_ANSWERING_WHEREABOUTS_UNKNOWN = [
    "Ze neemt haar telefoon niet op en ik weet niet waar ze is",                                      # B09
    "Ze neemt de telefoon niet op",
    "ik weet niet waar ze is",
    "she doesn't answer her phone and I don't know where she is",
    "Sie nimmt das Telefon nicht ab, ich weiß nicht, wo sie ist",
    "Je ne sais pas où elle est",
    "No sé dónde está",
    "Non so dove sia",
    "Não sei onde ela está",
]
POSSIBLE = {"risk": 0.8, "level": "possible", "category": "active_ideation"}


def lang_of(locale: str) -> str:
    return locale if locale == "pt-PT" else locale.split("-")[0]


def line(key: str, locale: str) -> str:
    return bank.answers(lang_of(locale))[key][0].format(emergency="112")


def while_waiting(locale: str, before: str, text: str) -> list:
    """What the bot says to ``text`` while a handoff opened by ``before`` (a friend at risk) waits for a person."""
    from actions.crisis import ActionHandoffPresent

    said, _ = run_situation(ActionHandoffPresent(), [("person", before), ("bot", "...")], text, locale=locale,
                            slots={**IN_HANDOFF, "situation_open": "friend_at_risk", "situation_until": 4.0},
                            crisis={"risk": 0.2, "level": "possible", "category": "active_ideation"})
    return said


@pytest.mark.parametrize("locale", list(KNIFE_ENDING_IT))
def test_a_knife_with_someone_who_says_they_will_end_it_is_a_weapon(locale) -> None:
    assert danger_key(KNIFE_ENDING_IT[locale]) == "situation_friend_weapon"
    assert danger_key("he has a knife", [ENDING_IT[locale]], after=True) == "situation_friend_weapon"


@pytest.mark.parametrize("text, earlier", [
    ("she has knives in her room", ["my friend wants to die"]),                 # a wish, no act told: out of reach
    ("mijn zoon heeft een mes in zijn kamer", ["hij wil dood"]),
    ("tiene pastillas de su papá en su cuarto", ["mi hijo de 15 me dijo que quiere morirse"]),
])
def test_means_in_the_room_without_an_act_told_are_still_put_out_of_reach(text, earlier) -> None:
    assert danger_key(text, earlier, after=True) == "situation_friend_at_risk_means"


@pytest.mark.parametrize("text", [
    "Mein Freund sitzt mit einem Messer im Bad und sagt, dass er sich umbringt",
    "Mon copain a un couteau et dit qu'il va en finir",
    "Mon mari a un couteau et veut mettre fin à ses jours",
    "Il mio ragazzo ha un coltello e dice che la fa finita",
    "Mi hermano tiene una navaja y dice que va a quitarse la vida",
    "O meu marido tem uma faca e diz que vai acabar com tudo",
    "My son has a knife and says he wants to end it all",
])
def test_other_words_for_ending_it_with_a_blade_are_a_weapon(text) -> None:
    assert danger_key(text) == "situation_friend_weapon"


def test_a_spanish_month_is_no_dutch_knife() -> None:
    assert danger_key("hace un mes que dice que se va a matar") is None


@pytest.mark.parametrize("locale", list(DOOR_NOT_OPENED))
def test_a_door_not_opened_is_the_weapons_follow_up_after_a_knife(locale) -> None:
    assert danger_key(DOOR_NOT_OPENED[locale], [KNIFE_ENDING_IT[locale]], after=True) == "situation_friend_weapon_after"
    assert danger_key(DOOR_NOT_OPENED[locale], [ENDING_IT[locale]], after=True) == "situation_friend_unreachable_after"
    assert friend_in_danger(DOOR_NOT_OPENED[locale])


@pytest.mark.parametrize("text", NOT_ANSWERING_WHEREABOUTS_UNKNOWN)
def test_a_phone_not_answered_or_whereabouts_unknown_is_unreachable(text) -> None:
    assert danger_key(text, ["my daughter posted that she wants to die"], after=True) == "situation_friend_unreachable_after"


@pytest.mark.parametrize("locale", list(KNIFE_ENDING_IT))
def test_the_partner_with_a_knife_gets_call_now_and_a_person(team, locale) -> None:
    """B22: "Leg nu alsjeblieft buiten bereik wat hij of zij zou kunnen gebruiken", 112 only "if it could happen soon"."""
    from actions.situation_replies import ActionSituation

    said, _ = run_situation(ActionSituation(), [], KNIFE_ENDING_IT[locale], locale=locale, crisis=POSSIBLE)
    weapon = bank.answers(lang_of(locale))["situation_friend_weapon_him"][0]
    number = {"en-GB": "999"}.get(locale, "112")
    assert said[0] == weapon.format(emergency=number), said
    assert team["requests"] and "someone else at risk" in team["requests"][0], team["requests"]


def test_the_door_he_does_not_open_gets_the_weapon_line_again(team) -> None:
    """B22: "Hij doet de deur niet open" got "Wat het meest helpt: neem nu contact op met die persoon"."""
    team["status"] = dict(OPEN)
    said = while_waiting("nl-NL", KNIFE_ENDING_IT["nl-NL"], "Hij doet de deur niet open")
    assert said[0] == line("situation_friend_weapon_after_him", "nl-NL"), said
    assert "Wat het meest helpt" not in " ".join(said)


@pytest.mark.parametrize("locale", list(DOOR_NOT_OPENED))
def test_a_door_not_opened_after_he_said_he_will_end_it_is_an_emergency(team, locale) -> None:
    team["status"] = dict(OPEN)
    said = while_waiting(locale, ENDING_IT[locale], DOOR_NOT_OPENED[locale])
    number = {"en-GB": "999"}.get(locale, "112")
    lines = bank.answers(lang_of(locale))
    unreachable = lines.get("situation_friend_unreachable_after_him") or lines["situation_friend_unreachable_after"]
    assert said[0] == unreachable[0].format(emergency=number), said


def test_the_daughter_who_does_not_answer_and_cannot_be_found_is_an_emergency(team) -> None:
    """B09 (nl-BE): the parents' lines ("Blijf dicht bij je kind") again, where fr-BE got 112 now and where she might be."""
    team["status"] = dict(OPEN)
    said = while_waiting("nl-BE", "Mijn dochter heeft gepost dat ze dood wil",
                         "Ze neemt haar telefoon niet op en ik weet niet waar ze is")
    assert said[0] == line("situation_friend_unreachable_after_her", "nl-BE"), said
    assert "Blijf dicht bij je kind" not in " ".join(said)


def test_an_italian_boyfriend_is_no_child_but_a_boy_of_fourteen_is() -> None:
    from actions.relative_danger import a_parent

    assert not a_parent("Il mio ragazzo è chiuso in bagno con un coltello")
    assert a_parent("il mio ragazzo di 14 anni si taglia")
