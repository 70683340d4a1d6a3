"""A reviewer's six defects in the support bot's thirteenth-reading change (fix-brief R1; commit 7f2f6a7).

1. A step named while waiting (the letter) came before the safety lines and cut the place line, said every time.
2. A written letter was read as found because "read", "finde", "trouve" matched "ready", "finden", "trouvera".
3. A person's own past wish ("they knew i wanted to die", "eu disse ... que queria morrer") read as a relative's report.
4. The screen took someone else's stockpiling, money saved for medicine, or a denial inside the words as the person's yes.
5. "I have to go now. thank you for everything", a train coming or "es ist Zeit" read as an ordinary goodbye.
6. A party with friends where the person was ignored or regretted the night read as a good time.
"""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import DOMAIN, history, run, screen
from tests.rasa.test_support_reading14_listening import LOCALES, said

from actions import bank, handoff_answers, handoff_steps, listen_leisure, listening  # noqa: E402  (the imports above put bot/support on the path)
from actions.listen_leisure import enjoyed  # noqa: E402
from actions.listening import closing, troubled  # noqa: E402
from actions.screen_own_words import told_in  # noqa: E402
from policies.situations import situation_of  # noqa: E402


# --- 1: the safety lines before a step --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["wrote the letter. im on the bridge with the pills",
                                  "i've written the letter and im standing on the bridge with my pills"])
def test_a_letter_with_means_and_a_place_keeps_the_medicine_and_the_place_line(text) -> None:
    kinds = [kind for kind, _ in handoff_answers.answered(text, [], "en", [])]
    assert kinds == ["medicine", "place"], kinds


def test_a_letter_still_comes_before_what_is_not_safety() -> None:
    kinds = [kind for kind, _ in handoff_answers.answered("i wrote the letter, my mum will find it", [], "en", [])]
    assert kinds[0] == "letter", kinds


def test_the_steps_are_said_after_every_safety_kind_but_themselves() -> None:
    ahead = handoff_steps.said_before_steps()
    assert {"imminent", "attempt", "taken", "medicine", "means", "place", "plan"} <= set(ahead)
    assert not set(ahead) & set(handoff_steps.ACT_STEPS)


# --- 2: a letter written, not one found --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I wrote the letter. im ready now",
    "Ich habe den Abschiedsbrief geschrieben, Mama wird ihn finden",
    "J'ai écrit une lettre, ma mère la trouvera",
    "i wrote the letter, my mum will find it",
    "i wrote the letter, nobody will ever read it",
    "Ho scritto la lettera, mia madre la troverà",
    "Escrevi a carta, a minha mãe vai encontrar",
])
def test_a_letter_written_with_a_future_finder_or_ready_is_written(text) -> None:
    assert handoff_steps.letter_written(text)


@pytest.mark.parametrize("text", ["he wrote a letter and we found it this morning",
                                  "er hat einen brief geschrieben, ich habe ihn gefunden",
                                  "ha scritto una lettera, l'ho trovata sul letto",
                                  "i wrote the letter, she read it"])
def test_a_letter_someone_found_or_read_is_no_step(text) -> None:
    assert not handoff_steps.letter_written(text)


def test_my_mum_will_find_it_gets_the_letter_line_not_only_reaching_out() -> None:
    lines = handoff_answers.handoff_lines("i wrote the letter, my mum will find it", [], "en", [])
    assert lines[0] == bank.answers("en")["handoff_letter"][0], lines


# --- 3: the person's own past wish -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["They knew I wanted to die and nobody did anything", "she thinks i wanted to die",
                                  "Eu disse pra minha mãe que queria morrer e ela riu", "eu queria morrer",
                                  "i wanted to die last night"])
def test_an_own_past_wish_is_no_relatives_report(text) -> None:
    assert situation_of(text) is None


@pytest.mark.parametrize("text", ["she told me she wanted to die", "my brother said he wanted to die",
                                  "Minha irmã disse que queria morrer", "Ela me disse que queria morrer",
                                  "ele disse pra mim que queria morrer"])
def test_another_persons_wish_is_still_a_relatives_report(text) -> None:
    assert situation_of(text) == "friend_at_risk"


# --- 4: the screen's own words: the person's, not denied ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "no. but my sister has been saving up her pills and im scared",
    "i have been saving up for my meds, they are expensive",
    "Nein, ich denke nicht daran, mich umzubringen",
    "Nee, ik denk niet aan zelfmoord",
    "meine Schwester hat Tabletten gesammelt",
    "ma sœur garde des cachets",
    "je sais qu'elle garde des cachets",
    "mi hermana está juntando pastillas",
    "mia sorella ha messo da parte le pillole",
    "mijn zus heeft pillen gespaard",
    "ik spaar voor mijn medicijnen",
    "minha irmã está juntando remédios",
    "to juntando pra comprar os remedios",
])
def test_someone_elses_stockpile_money_or_a_denial_answers_nothing(text) -> None:
    assert told_in(text) == {}


@pytest.mark.parametrize("text, question", [
    ("I've been saving up my pills", 6), ("been stockpiling tablets for weeks", 6), ("ich habe Tabletten gesammelt", 6),
    ("j'ai mis de côté des cachets", 6), ("estoy juntando pastillas", 6), ("ho messo da parte delle pillole", 6),
    ("ik heb pillen gespaard", 6), ("eu tô juntando remédios", 6), ("ich denke oft daran, mich umzubringen", 2),
    ("ik denk aan zelfmoord", 2),
])
def test_the_persons_own_act_or_thoughts_are_still_told(text, question) -> None:
    assert question in told_in(text)


def test_a_sisters_pills_at_the_second_question_are_no_yes_to_the_sixth(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said_, slots = run(ActionCrisisScreen(), history("i feel so low"), "no. but my sister has been saving up her pills and im scared",
                       slots=screen(2), crisis={"risk": 0.3, "level": "possible"})
    assert not set(said_) & set(bank.answers("en")["screen_told_prepared"]), said_
    assert [6, "yes"] not in (slots.get("screening_answers") or []), slots  # the pills named still end the screen (disclosure.named)


def test_a_denial_at_the_second_question_is_no_yes(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said_, slots = run(ActionCrisisScreen(), history("mir geht's nicht gut"), "Nein, ich denke nicht daran, mich umzubringen",
                       locale="de-DE", slots=screen(2), crisis={"risk": 0.3, "level": "possible"})
    assert [2, "yes"] not in (slots.get("screening_answers") or []), slots
    assert not set(said_) & set(bank.answers("de")["screen_told_thoughts"]), said_


# --- 5: a farewell, a train, "it's time": no ordinary goodbye ----------------------------------------------------

PARTINGS = [("en", "I have to go now. thank you for everything"), ("de", "Ich muss los. Danke für alles"),
            ("en", "i need to go, the train is coming"), ("en", "i have to go now, its time"), ("de", "ich muss los, es ist Zeit"),
            ("fr", "je dois y aller, merci pour tout"), ("es", "tengo que irme, ya es la hora"), ("it", "devo andare, è ora"),
            ("nl", "ik moet gaan, de trein komt"), ("pt", "Tenho que ir, obrigado por tudo"), ("en", "gotta go, im at the platform")]


@pytest.mark.parametrize("lang, text", PARTINGS)
def test_a_farewell_a_train_or_its_time_is_no_goodbye(lang, text) -> None:
    assert closing(text, lang) is None


@pytest.mark.parametrize("lang, text", PARTINGS[:3])
def test_a_farewell_gets_no_plain_goodbye_reply(lang, text) -> None:
    goodbyes = {r["text"] for r in DOMAIN["responses"]["utter_goodbye"]}
    from actions.language import translated

    goodbyes |= set((translated(lang) or {}).get("responses", {}).get("utter_goodbye") or [])
    reply = said("reflection", [("My brother isn't helping at all.", ["..."])], text, locale=LOCALES[lang])
    assert not set(reply) & goodbyes, reply


@pytest.mark.parametrize("text", ["I need to go, the nurse is here.", "ok bye", "i need to go, its time for dinner",
                                  "gotta go, thanks!"])
def test_an_ordinary_goodbye_is_still_one(text) -> None:
    assert closing(text, "en") == "goodbye"


def test_and_now_is_no_its_time() -> None:
    assert not listening.parting("e ora vado a dormire") and listening.parting("devo andare, è ora")


# --- 6: a lonely night out is no good time -----------------------------------------------------------------------

LONELY_NIGHTS = [
    ("en", "went to the party with my friends and they all ignored me the whole night"),
    ("pt", "Bebi demais na festa ontem e fiz besteira"),
    ("de", "Ich war mit meinen Freunden auf der Party und sie haben mich ausgelacht"),
    ("fr", "J'étais à la fête avec mes amis et ils se sont moqués de moi"),
    ("es", "Fui a la fiesta con mis amigos y se rieron de mí"),
    ("it", "Sono andato alla festa con i miei amici e mi hanno ignorato tutta la sera"),
    ("nl", "Ik was op het feest met mijn vrienden en ze lachten me uit"),
    ("pt", "Fui à festa com meus amigos e eles riram de mim"),
]


@pytest.mark.parametrize("lang, text", LONELY_NIGHTS)
def test_left_out_or_regret_at_a_party_is_hard_not_a_good_time(lang, text) -> None:
    assert listen_leisure.left_out(text) and not enjoyed(text) and troubled(text, None, lang)


def test_company_alone_makes_no_party_a_good_time() -> None:
    assert not enjoyed("went to the party with my friends last night")
    assert enjoyed("went to the party with my friends, it was so much fun")


def test_a_negative_emotion_rules_out_a_party_but_not_a_horror_film() -> None:
    assert not enjoyed("the party was so much fun", "sadness")
    assert enjoyed("Hab gestern mit meinen Freunden einen Horrorfilm-Marathon gemacht, sechs Filme.", "fear")


@pytest.mark.parametrize("lang, text", LONELY_NIGHTS[:2])
def test_a_lonely_night_out_is_not_answered_as_a_good_time(lang, text) -> None:
    reply = said("question", [], text, locale=LOCALES[lang], label="neutral")
    assert not set(reply) & set(bank.answers(lang)["enjoyed"]), reply
