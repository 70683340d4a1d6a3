"""The twelfth exploratory reading, support bot lines (data/exploratory/2026-12-07/reading12/FINDINGS.md).

- M3 (rest): "its in the closet, loaded" after the gun, "i'm going to take them" after the pills, "im doing it now" after
  the rope got "Step back now, away from the edge, the tracks": now the line of the means named, in seven languages;
  "tonight probably" after "have you taken any of the pills?" is when, not a dose taken.
- M7: "mon copain m'a envoyé un message d'adieu et il a des médicaments, il ne répond plus" got "la joindre, elle" and
  "Tu veux bien ?": now the pronoun of the person named (neutral when it cannot be told), 112 and 3114 now, and a
  person from the team at once.
- L1: "ya me tomé algunas" and "já tomei alguns" got the line for medicine taken twice in a row.
- L2: a pt-PT page got the place line in Brazilian Portuguese ("Você consegue fazer isso agora?").
"""
from __future__ import annotations

import re

import pytest
import yaml

from tests.rasa.test_support_reading11_crisis import IN_HANDOFF, OPEN, SUPPORT, history, run

from actions import handoff_answers  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)
from actions.bank import answers  # noqa: E402

LANGS = ("de", "fr", "es", "it", "nl", "pt", "pt-PT")


# --- M3: the act-now line names the means ------------------------------------------------------------------

@pytest.mark.parametrize("earlier, text, means", [
    (["honestly just thinking about eating my gun tonight"], "its in the closet, loaded", "gun"),    # a01
    (["i still have the pills next to me"], "i'm going to take them", "pills"),                      # b1
    (["i bought a rope yesterday"], "im doing it now", "rope"),
])
def test_the_act_on_means_named_before_names_those_means(earlier, text, means) -> None:
    lines = [line for kind, line in handoff_answers.answered(text, [], "en", earlier) if kind == "imminent"]
    assert lines and f"Put the {means} away from you now" in lines[0], lines
    assert "edge" not in lines[0], lines


@pytest.mark.parametrize("locale, before, text, kind", [
    ("de-CH", "mis sturmgewehr isch im schrank, d waffe", "sie ist geladen", "gun"),
    ("fr-FR", "j'ai mon fusil dans le placard", "il est chargé", "gun"),
    ("es-ES", "tengo las pastillas guardadas", "me las voy a tomar", "pills"),
    ("it-IT", "ho una corda in cantina", "lo faccio adesso", "rope"),
    ("nl-NL", "ik heb scheermesjes in mijn kamer", "vanavond", "knife"),
    ("pt-BR", "guardei os remédios", "vou tomar todos", "pills"),
    ("pt-PT", "tenho os comprimidos na gaveta", "logo à noite", "pills"),
])
def test_the_act_on_means_gets_the_means_line_in_every_language(team, locale, before, text, kind) -> None:
    from actions.crisis import ActionHandoffPresent
    from actions.language import translated

    team["status"] = dict(OPEN)
    lang = "pt-PT" if locale == "pt-PT" else locale.split("-")[0]
    said, _ = run(ActionHandoffPresent(), history(before), text, locale=locale, slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.15, "level": "possible", "category": "method"})
    own = translated(lang)["handoff"]
    assert own["imminent_means"][kind][0] in said, said
    assert not set(said) & set(own["imminent"]), said


def test_every_language_has_a_means_line_for_every_kind() -> None:
    from actions.language import translated

    kinds = set(handoff_answers.bank().handoff["imminent"]["means_kinds"])
    for lang in LANGS:
        own = translated(lang)["handoff"]["imminent_means"]
        assert set(own) == kinds and all(len(lines) == 1 for lines in own.values()), lang
    assert "você" not in " ".join(line for lines in translated("pt-PT")["handoff"]["imminent_means"].values()
                                  for line in lines).lower()


def test_a_time_after_have_you_taken_any_is_when_not_a_dose_taken() -> None:
    """a23: "tonight probably" after "Have you taken any of the pills?" got "If you have taken something" first."""
    asked = handoff_answers.kind_lines("medicine", "en")[0].format(medicine="pills")
    kinds = [kind for kind, _ in handoff_answers.answered("tonight probably", [asked], "en",
                                                          ["the pills are in my drawer"], asked_taken=True)]
    assert kinds == ["imminent"], kinds
    assert [kind for kind, _ in handoff_answers.answered("yes a few", [asked], "en", ["the pills are in my drawer"],
                                                         asked_taken=True)][:1] == ["taken"]


# --- L1: one answer never repeats a line ---------------------------------------------------------------------

@pytest.mark.parametrize("locale, before, text", [
    ("es-ES", "tengo las pastillas guardadas para esta noche, ya no aguanto más", "ya me tomé algunas"),   # a11
    ("pt-BR", "guardei os remédios pra hoje à noite, vou tomar tudo", "já tomei alguns"),                # a18
])
def test_a_dose_taken_after_have_you_taken_any_gets_the_taken_line_once(team, locale, before, text) -> None:
    from actions.crisis import ActionHandoffPresent

    lang = locale.split("-")[0]
    team["status"] = dict(OPEN)
    asked = handoff_answers.kind_lines("medicine", lang)[0]
    said, _ = run(ActionHandoffPresent(), [("person", before), ("bot", asked)], text, locale=locale,
                  slots=dict(IN_HANDOFF), crisis={"risk": 0.066, "level": "possible", "category": "plan"})
    assert said.count(handoff_answers.kind_lines("taken", lang)[0]) == 1, said
    assert len(said) == len(set(said)), said


# --- M7: a worried partner in any language -------------------------------------------------------------------

@pytest.mark.parametrize("locale, text, pronoun, number", [
    ("fr-FR", "mon copain m'a envoyé un message d'adieu et il a des médicaments, il ne répond plus", "le joindre", "3114"),
    ("fr-FR", "ma copine m'a envoyé un message d'adieu, elle ne répond plus", "la joindre", "3114"),
    ("de-DE", "mein Freund hat mir eine Abschiedsnachricht geschickt und geht nicht ans Telefon", "ihn nicht", "0800"),
    ("de-DE", "meine Freundin hat mir eine Abschiedsnachricht geschickt und geht nicht ans Telefon", "sie nicht", "0800"),
    ("es-ES", "mi novio me mandó un mensaje de despedida y no contesta", "localizarlo", "024"),
    ("es-ES", "mi novia me mandó un mensaje de despedida y no contesta", "localizarla", "024"),
    ("it-IT", "il mio ragazzo mi ha scritto un addio e non risponde", "raggiungerlo", "112"),
    ("nl-NL", "mijn vriendin stuurde me een afscheidsbericht en neemt niet op", "haar niet", "113"),
    ("pt-BR", "meu namorado mandou uma mensagem de despedida e não atende", "com ele", "188"),
    ("fr-FR", "quelqu'un que j'aime m'a envoyé un message d'adieu, ne répond plus", "cette personne", "3114"),
])
def test_a_partner_who_does_not_answer_is_named_right_with_the_numbers_and_a_person_at_once(team, monkeypatch, locale,
                                                                                             text, pronoun, number) -> None:
    """a36 (fr-FR): "Si tu n'arrives pas à la joindre et qu'elle ..." about a boyfriend, and "Tu veux bien ?"."""
    from actions import situation_replies

    monkeypatch.setattr(situation_replies, "reported_situation", lambda tracker: "friend_at_risk")  # the NLU's entity
    said, slots = run(situation_replies.ActionSituation(), [], text, locale=locale,
                      crisis={"risk": 0.8, "level": "possible", "flag": False, "category": "hopelessness_entrapment"})
    assert pronoun in said[0], said
    assert any(number in line for line in said), said                   # the lines that help relatives too (3114)
    assert team["requests"] and slots.get("handoff_active") is True, (said, team["requests"])
    offer = answers(locale.split("-")[0])["situation_offer"][0]
    assert not any(offer in line for line in said), said


def test_the_gender_of_the_person_named() -> None:
    assert handoff_answers.gender_of(["meine Freundin geht nicht ran"]) == "her"
    assert handoff_answers.gender_of(["mein Freund geht nicht ran"]) == "him"
    assert handoff_answers.gender_of(["mi amiga no contesta", "mi hermano"]) == "her"
    assert handoff_answers.gender_of(["my partner isnt answering"]) is None


# --- L2: the crisis path in European Portuguese ----------------------------------------------------------------

BRAZILIAN = re.compile(r"\b(?:você|vocês|equipe|trilhos|beirada|cômodo|machucar|machucado\w*)\b", re.IGNORECASE)
"""Words only Brazilian Portuguese puts in these lines ("você", "equipe", "trilhos"); European: "tu", "equipa"."""


def test_every_handoff_line_on_a_pt_pt_page_is_european() -> None:
    """a19 (pt-PT): "...liga já para a emergência..." then "Por favor, saia desse lugar ... Você consegue fazer isso
    agora?"."""
    from actions.language import translated

    own = translated("pt-PT")
    lines = [line for kind, entry in own["handoff"].items()
             for line in (entry if isinstance(entry, list) else [l for ls in entry.values() for l in ls])]
    crisis_answers = [key for key in own["answers"] if key.startswith(("situation_friend", "took_too_much"))] + [
        "person_delayed", "handoff_busy", "handoff_earnest", "person_joining", "bot_in_handoff", "still_here"]
    lines += [line for key in crisis_answers for line in own["answers"][key]]
    assert set(own["handoff"]) >= set(handoff_answers.HANDOFF_KINDS)
    assert [line for line in lines if BRAZILIAN.search(line)] == []


def test_the_place_line_on_a_pt_pt_page_is_european(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history("estou na ponte"), "continuo na ponte", locale="pt-PT",
                  slots=dict(IN_HANDOFF), crisis={"risk": 0.8, "level": "possible", "category": "plan"})
    assert said and not [line for line in said if BRAZILIAN.search(line)], said
    assert any("sai desse sítio" in line for line in said), said


def test_the_new_lines_keep_their_placeholders() -> None:
    english = yaml.safe_load((SUPPORT / "actions" / "responses.yml").read_text())["answers"]["situation_friend_unreachable"][0]
    wanted = set(re.findall(r"\{\w+\}", english))
    for lang in LANGS:
        from actions.language import translated

        own = translated(lang)["answers"]
        for key in ("situation_friend_unreachable", "situation_friend_unreachable_him", "situation_friend_unreachable_her"):
            assert set(re.findall(r"\{\w+\}", own[key][0])) == wanted, (lang, key)
