"""Crisis screening: the lexicon's guards, risk that builds over a conversation, the detector,
and the service paths that must never switch screening off (rate limit, size limit, NUL, no
text consent), each against the real service app and mood log."""
from __future__ import annotations

import pytest

from emotion.crisis.conversation import ConversationPolicy, TurnRisk, conversation_risk, corroborated
from emotion.crisis.detector import CrisisReading
from emotion.crisis.fallback import FallbackScreen
from emotion.crisis.lexicon import Lexicon
from emotion.crisis.normalise import normalise
from emotion.service.screening import CrisisScreen


@pytest.mark.parametrize("raw, canonical", [
    ("I don’t want to K I L L myself", "i dont want to kill myself"),
    ("k1ll mys3lf 💊", "kill myself pills"),
    ("Ich möchte nicht mehr LEBEN", "ich mochte nicht mehr leben"),
    ("5 years clean!", "5 years clean!"),
    ("J'ai envie d'en finir, c'est décidé", "j ai envie d en finir, c est decide"),  # French elision parts two words
    ("c'è un'altra via", "c e un altra via"),
    ("I'm fine, don't worry", "im fine, dont worry"),
    ("i w a n t t o k 1 l l m y s e l f. there i said it", "i want to kill myself. there i said it"),  # spelt, cut into words
    ("i  w a n t  t o  d i e", "i want to die"),
    ("p l z h e l p", "plzhelp"),                                   # words outside spelt_words.txt: joined only
    ("i have 2 kids", "i have 2 kids"),
    ("back in the 80s, 10mg at 3am", "back in the 80s, 10mg at 3am"),  # numbers with a unit are no leetspeak
    # what the reader sees (seventh exploratory reading, L6): invisible characters, a right-to-left
    # override, a Cyrillic look-alike inside a Latin word; a word all in Cyrillic stays Cyrillic
    ("i want to kill my\u200bself to\u00adnight", "i want to kill myself tonight"),
    ("\u202ethginot flesym llik ot tnaw i", "i want to kill myself tonight"),
    ("i want to k\u0456ll myself", "i want to kill myself"),
    ("Привет, i am ok", "привет , i am ok"),  # a Cyrillic word is read (thirteenth reading, H1)
])
def test_normalise(raw: str, canonical: str) -> None:
    assert normalise(raw) == canonical


@pytest.mark.parametrize("text, category", [
    ("i just want to go to sleep and never wake up", "passive_death_wish"),
    ("everyone would be better off without me", "burdensomeness"),
    ("the voices keep telling me to jump", "command_hallucination"),
    ("my sister just texted me she took a bunch of pills", "risk_to_others"),
    ("su1c1de is all i think about", "active_ideation"),
    ("ich will nicht mehr leben", "passive_death_wish"),
    ("manchmal wär ich lieber tot", "passive_death_wish"),    # fifth exploratory reading: read at 0.10
    ("vorrei non esserci più", "passive_death_wish"),          # and at 0.30
    ("i have pills saved up", "method"),                        # fifth reading, H11: read at 0.70 after calm turns
    ("j'ai le goût de mourir", "passive_death_wish"),          # sixth reading, H3: fr-CA, read at 0.26
    ("je pense à mourir", "passive_death_wish"),
    ("i wnat to dye", "active_ideation"),                      # a typo for die (and "dye my hair" is not: below)
    ("i still have the pills though", "method"),               # H14: after a resolved handoff, read at 0.03
    ("je veux mourir", "passive_death_wish"),
    ("k m s tonight", "plan"),
    # found on data/crisis/dev5's misses (2026-12-06), reworded
    ("it keeps telling me to step in front of the bus", "command_hallucination"),
    ("she says if i dont hurt myself theyll hurt my dad", "active_ideation"),    # a condition, not a denial
    ("las voces me dicen que me haga daño", "command_hallucination"),                        # "voces", not "vozes"
    ("they say i should die", "command_hallucination"),
    ("they want me to die, they whisper it all night", "command_hallucination"),
    ("some nights i pray that god takes me", "passive_death_wish"),
    ("itd be so nice to just disappear", "passive_death_wish"),
    ("ojalá no despertar nunca", "passive_death_wish"),
    ("i figured out the day, after my last exam", "plan"),
    ("morgen nach der arbeit isses soweit", "plan"),
    ("my goodbye letters are done", "preparatory_acts"),
    ("googled how much it takes to overdose on my meds", "method"),
    ("mi butto dal balcone stanotte", "plan"),
    ("urges are so bad right now", "self_harm_urge"),
    ("me quiero cortar otra vez", "self_harm_urge"),
    ("hes bringing a knife to school tomorrow", "risk_to_others"),
    ("mijn broer zegt dat hij zijn vriendin iets gaat aandoen", "risk_to_others"),
    ("ele disse que vai matar a gente", "risk_to_others"),
    ("im worth more to them dead", "burdensomeness"),
    ("ik denk erover om er dit weekend een einde aan te maken", "plan"),
    ("will mich unaliven", "active_ideation"),
    ("j'ai envie de me s*icider", "active_ideation"),
    ("4 months clean and the urge to cut is so strong tonight", "plan"),   # tonight undoes "clean"
    ("sometimes i think itd be easier if i just didnt wake up", "passive_death_wish"),
    ("eu só queria dormir e não acordar mais", "passive_death_wish"),
    ("je pense à disparaître pour de bon", "passive_death_wish"),
    ("hab mir überlegt wie ichs machen würde, die tabletten würden reichen", "method"),
    ("theres a razor in my drawer and i really want to use it", "self_harm_urge"),
    ("my friend told me shes been saving up her pills", "risk_to_others"),
    ("i keep thinking about hurting my stepdad", "risk_to_others"),
    ("im scared of what i might do", "intent"),
    ("i just dont trust myself right now", "intent"),
    ("I wrote a note.", "preparatory_acts"),
    ("yeah i know how i'd do it", "method"),
    ("I made sure the cat will go to my neighbour.", "preparatory_acts"),
    ("I took 20 of my sleeping pills about an hour ago", "method"),        # an attempt under way (fourth reading)
    ("I swallowed a whole bottle of tylenol", "method"),
    ("I sat in the garage with the car running", "method"),
    ("I've already cut my wrists, there's a lot of blood", "self_harm_urge"),
])
def test_lexicon_flags_risk_and_names_the_category(text: str, category: str) -> None:
    reading = Lexicon.load().read(text)
    assert reading.score >= 0.6 and reading.category == category


@pytest.mark.parametrize("text, guard", [
    ("im not suicidal just tired", "negated"),
    ("years ago i tried to end my life, im doing so much better now", "past"),
    ("this exam is killing me", "idiom"),
    ("in the movie he kills himself at the end", "fiction"),
    ("i was suicidal in my twenties but thats long behind me", "past"),
    ("had thoughts of ending it after the divorce but therapy helped, im doing ok now", "past"),
])
def test_lexicon_guards_hard_negatives(text: str, guard: str) -> None:
    reading = Lexicon.load().read(text)
    assert reading.score < 0.3 and guard in reading.guards


@pytest.mark.parametrize("text, category", [
    ("theres no way out, and i want to die", "passive_death_wish"),  # a negation does not reach across a comma
    ("no tengo a nadie, me quiero morir", "passive_death_wish"),
    ("i dont just wish i was dead anymore, i want to do it myself", "passive_death_wish"),  # "dont just" keeps the risk
    ("please dont try to talk me out of it", "intent"),
    ("thinking about a toaster bath and im not laughing", "active_ideation"),  # "im not laughing" denies nothing
    ("ive decided. im not going to wake up tomorrow", "intent"),
    ("the voice from the radio tells me to hurt them", "command_hallucination"),  # a fiction word inside the risk words
    ("my friend put a goodbye note on her story and wont answer", "preparatory_acts"),  # an Instagram story
    ("been reading about how many pills would be enough", "method"),  # researching a method is no fiction
    ("looked up the tallest bridge near me and cleared my search history", "method"),
    ("jai envie den finir", None),  # typed without apostrophes, the elided words do not part (no false match either)
    ("j'ai envie d'en finir", "active_ideation"),
    ("c'est décidé, ce soir je le fais", "plan"),
    ("nada va a cambiar nunca, para que seguir", "hopelessness_entrapment"),   # "nunca" stresses it, denies nothing
    ("she whispered that he said hed kill her if she told anyone", "risk_to_others"),
    ("the doctor asked if i think about death and i said no but honestly i do every day", "active_ideation"),
    ("ok then. i w a n t t o k 1 l l m y s e l f", "active_ideation"),
    ("looked up how many pills it would take", "method"),           # researching a dose
    ("she has a whole drawer of tablets and ive started counting them at night", "method"),
    # a guarded first occurrence of a pattern does not hide a later, unguarded one
    ("not thinking about killing myself at work, thinking about killing myself at home", "active_ideation"),
    # misses found on data/crisis/dev6 (2026-12-06), reworded
    ("non vedo più nessuna uscita, non ce la faccio più a vivere in questo modo", "hopelessness_entrapment"),
    ("my stepdad keeps threatening to stab my mum and hes drunk downstairs", "risk_to_others"),
    ("im scared ill shake her when she wont stop crying", "risk_to_others"),
    ("o namorado dela ameaçou matar ela ontem", "risk_to_others"),
    ("i dont see the point of any of this anymore", "hopelessness_entrapment"),
    ("said goodbye to my sister today without her realising", "preparatory_acts"),
    ("ojalá un accidente me llevara de una vez", "passive_death_wish"),
    ("ich will einfach allem ein ende setzen", "active_ideation"),
    # seventh exploratory reading, H1: a film or a book in another clause does not make the writer's
    # own plan for tonight fiction; markup is no film script
    ("I tried reading a book to distract myself but nothing helps. I have the pills ready and I will take "
     "them all tonight.", "plan"),
    ("we watched a movie and i just sat there. i'm going to kill myself tonight after everyone is asleep", "plan"),
    ("So today I woke up at 7, made coffee, watched two episodes of a show about baking, and I've decided "
     "tonight is the night I kill myself.", "plan"),
    ("vi una película con mi hermana. esta noche me voy a matar, ya tengo las pastillas", "plan"),
    ("<script>alert(1)</script> i want to kill myself tonight", "plan"),
    # H3: a pet given away, nobody would miss me, better off dead, in other languages; a gun at hand
    ("niemand zou me missen", "burdensomeness"),
    ("ik heb mijn kat al aan mijn buurvrouw gegeven", "preparatory_acts"),
    ("ich habe meine katze der nachbarin gegeben", "preparatory_acts"),
    ("a veces pienso que sería mejor morirme", "passive_death_wish"),
    ("het zou beter zijn als ik dood was", "passive_death_wish"),
    ("I know where my dad keeps his shotgun, if that's what you mean", "method"),
    ("what should i do if i want to die", "active_ideation"),      # asking for help is no discussion
])
def test_guards_do_not_hide_stated_risk(text: str, category: str | None) -> None:
    reading = Lexicon.load().read(text)
    if category is None:
        assert reading.score < 0.5
    else:
        assert reading.score >= 0.6 and not reading.guarded_only and category in reading.categories + (reading.category,)


@pytest.mark.parametrize("text", [
    "i thought about it once but im not going to do it",
    "i want to dye my hair blue",
    "delete what i wrote",                                    # sixth reading, H15: a request about one's data
    "lösch alles was ich geschrieben habe",
    "supprimez ce que j'ai écrit",
    "suicidal? honestly no, im not",
    "my uncle died by suicide in 2019 and i still think about him",
    "we are writing an essay on suicide rates in europe",
    "il faut en finir avec ce projet",
    "ich wär lieber tot als nochmal mathe zu schreiben",     # "lieber tot als ...": an idiom
    "my car exhaust is making a weird noise",
    "im gonna take myself out for dinner tonight",
    "j'en peux plus de cette dissert",                              # fed up with an essay
    "y a 4 ans j'ai voulu en finir, aujourd'hui je suis contente d'etre en vie",   # past
    "no no, matarme nunca, le tengo miedo hasta a las agujas",      # a denial right after the words
    "i tried to kill myself in 2015, im ok now",                    # past: a year, the 80s, as a teen
    "back in the 80s after my divorce i didnt want to live. im 71 now",
    "i self harmed a lot as a teen",
    "my doctor asked if i ever think about ending my life and i said no, which is the truth",
    "non ce la faccio più a fare tutto da sola, ma tranquillo, non penso a cose brutte",
    "everyones saying it was suicide",                              # discussion of someone else's death
    "ive heard its really heavy, theres a lot about self harm and suicide in it",
    "today was my last day at the job ive had for 11 years",
    "saying goodbye to my coworkers today, moving to canada!",
    "how many days will it take to ship",
    "how many tries would it take to beat this boss",
    # false alarms found on data/crisis/dev5 (2026-12-06), reworded
    "my grandad passed away last night",                        # "last night" is no "my last night"
    "bought rope and pegs for the camping weekend",
    "walking up to the bridge tonight to take photos of the fireworks",
    "wrote a farewell card for my coworker whos retiring",
    "escrevi uma carta de despedida pro meu chefe",
    "id jump off a cliff for a good pizza honestly",
    "the voices in my head say to order more pizza",
    "3 years clean from self harm today 🎉",
    "vou matar meu irmão se ele pegar meu carregador kkk",
    "se la sento ancora mi butto dalla finestra ahahah",
    "clearing out her room felt like saying goodbye all over again",       # grief (dev3)
    "the wellbeing survey at work asked if ive had thoughts of harming myself",   # a survey's question (dev3)
    # false alarms found on data/crisis/dev6 (2026-12-06), reworded
    "ça me fait rien, c'est pas grave du tout",                   # "grave" (the 🪦 word) is French for serious
    "cette réunion va me tuer honnêtement",
    "gave away a bag of my old jumpers, love a good declutter",
    "for my psych module: how do you ask someone about suicidal thoughts",
    "back when i was in hospital i thought about ending it, now im working again",
    "anni fa pensavo al suicidio, ora sto bene",
    "the voices in my head say i need another coffee",
    "practised my speech three times and im still nervous",
    "this maths exam is literally going to kill me",
    "can u help me write a goodbye message for my work leaving card",
    "its my last day friday, then im moving for uni",
    "can you make it 5 on weds, i have the day off",
    "i didnt wake up till noon today",
    "thinking about hurting his feelings tbh",
    "I just want to vent about my job without being treated like a suicide case",
    "my mom is gonna end me fr",
    "scared of what i might do with my life after uni",
    "i dont trust myself with cake in the house",
    "i wrote a note to my teacher",
    "made sure the dog goes to my sister while im on holiday",
    "i took 2 ibuprofen for my headache",
    "there was a lot of blood in the movie",
    # a film's or a book's plan stays fiction; a course on self-harm is no disclosure
    "we watched a movie where the guy says i'm going to kill myself tonight",
    "in the book the main character decides to kill himself tonight",
    "my nursing module covers self harm this week, how should i talk to patients about it",
    "mejor muerta que sencilla",
    "ich wär lieber tot als nochmal mathe zu schreiben",
    # seventh exploratory reading, M2: boredom's hyperbole and a novel's chapter in other languages
    "mi sono quasi suicidata dalla noia ahah",
    "me muero de aburrimiento en esta clase",
    "mijn hoofdpersoon denkt aan zelfmoord in hoofdstuk 3",
])
def test_denials_discussion_and_everyday_words_stay_low(text: str) -> None:
    assert Lexicon.load().read(text).score < 0.5


def test_a_weak_pattern_with_a_day_in_it_is_no_plan() -> None:
    reading = Lexicon.load().read("the kids are sick and the car broke down, im so done with today")
    assert reading.category == "hopelessness_entrapment" and reading.score < 0.6  # was "plan" at 0.9


def test_risk_builds_over_turns_and_one_benign_turn_does_not_reset_it() -> None:
    policy = ConversationPolicy(decay=0.85, floor=0.15, flag_at=0.6)
    history = [TurnRisk(0.35), TurnRisk(0.4)]
    assert not conversation_risk([], TurnRisk(0.35), policy)["flag"]
    building = conversation_risk(history, TurnRisk(0.4), policy)
    assert building["flag"] and building["risk"] > 0.6
    after_joke = conversation_risk(history + [TurnRisk(0.95)], TurnRisk(0.0), policy)  # "jk never mind"
    assert after_joke["flag"]


CORROBORATING = ConversationPolicy(corroborate_below=0.97, corroborated_by=0.2, uncorroborated_cap=0.8)


@pytest.mark.parametrize("history, current, counted", [
    ([TurnRisk(0.05), TurnRisk(0.1)], TurnRisk(0.93, lexicon=0.0), 0.8),   # calm until a model-only flag
    ([], TurnRisk(0.9, lexicon=0.3), 0.8),                                 # first turn, weak words only
    ([TurnRisk(0.05), TurnRisk(0.3)], TurnRisk(0.93, lexicon=0.0), 0.93),  # an uneasy turn before it
    ([TurnRisk(0.05)], TurnRisk(0.93, lexicon=0.85), 0.93),                # warning-sign words
    ([TurnRisk(0.05)], TurnRisk(0.98, lexicon=0.0), 0.98),                 # the models are sure
    ([TurnRisk(0.05)], TurnRisk(0.6, lexicon=0.0), 0.6),                   # not a flag: counts as read
    ([TurnRisk(0.14, lexicon=0.85)], TurnRisk(0.93, lexicon=0.0), 0.93),    # an earlier turn's warning-sign words
    ([TurnRisk(0.14)], TurnRisk(0.93, lexicon=0.0), 0.8),                  # an earlier turn's words unknown: none
])
def test_a_flag_the_models_alone_raise_on_a_calm_conversation_counts_as_possible(
        history: list, current: TurnRisk, counted: float) -> None:
    assert corroborated(history, current, CORROBORATING, turn_flag_at=0.83).risk == counted
    assert corroborated(history, current, ConversationPolicy(), turn_flag_at=0.83).risk == current.risk  # off


def test_warning_sign_words_corroborate_only_when_the_policy_says_so() -> None:
    """data/crisis/dev9 fa055: "im nothing but a weight on her" (lexicon 0.85, stacked 0.14), then "it would be a relief
    for all of them if i died" (models 0.93) was capped as a calm conversation's misreading."""
    words_before = [TurnRisk(0.14, lexicon=0.85)]
    assert corroborated(words_before, TurnRisk(0.93, lexicon=0.0), CORROBORATING, 0.83).risk == 0.93
    unheeded = ConversationPolicy(corroborate_below=0.97, corroborated_by=0.2, uncorroborated_cap=0.8, words_corroborate=False)
    assert corroborated(words_before, TurnRisk(0.93, lexicon=0.0), unheeded, 0.83).risk == 0.8


def test_an_earlier_turn_corroborates_only_inside_the_window() -> None:
    policy = ConversationPolicy(window=3, corroborate_below=0.97, corroborated_by=0.2, uncorroborated_cap=0.8)
    old_unease = [TurnRisk(0.5), TurnRisk(0.0), TurnRisk(0.0)]
    assert corroborated(old_unease, TurnRisk(0.9, lexicon=0.0), policy, 0.83).risk == 0.8
    assert corroborated(old_unease[1:] + [TurnRisk(0.5)], TurnRisk(0.9, lexicon=0.0), policy, 0.83).risk == 0.9


class _ReadsAsGiven:
    """A detector stand-in (unit test): each text's risk and lexicon score from a table."""

    thresholds = {"flag": 0.83, "possible": 0.37}
    conversation = {**CORROBORATING.__dict__, "decay": 0.7, "floor": 0.2, "flag_at": 0.95}

    def __init__(self, table: dict[str, tuple[float, float]]) -> None:
        self.table = table

    def screen_in_context(self, text: str, previous: list[str]) -> CrisisReading:
        risk, lexicon = self.table[text]
        level = "high" if risk >= 0.83 else "possible" if risk >= 0.37 else "none"
        return CrisisReading(risk, level == "high", level, "plan" if level != "none" else None,
                             scores={"lexicon": lexicon, "chat": risk})


def test_the_service_screen_asks_about_an_uncorroborated_flag_and_flags_a_corroborated_one() -> None:
    screen = CrisisScreen(_ReadsAsGiven({"hi": (0.02, 0.0), "rest this weekend before monday": (0.93, 0.0),
                                         "i cant take it": (0.45, 0.3), "i have til the end of the month": (0.93, 0.0)}))
    calm = [(0, {"risk": 0.02}, "hi")]
    misread = screen.screen("rest this weekend before monday", calm)
    assert (misread["flag"], misread["level"], misread["risk"]) == (False, "possible", 0.8)
    assert misread["uncorroborated"] and misread["scores"]["alone"] == 0.93
    uneasy = calm + [(1, screen.screen("i cant take it", calm), "i cant take it")]
    assert uneasy[1][1]["risk"] == 0.45
    risky = screen.screen("i have til the end of the month", uneasy)
    assert risky["flag"] and risky["turn_flag"] and risky["risk"] == 0.93 and "uncorroborated" not in risky


def test_fallback_screen_remembers_the_session() -> None:
    screen = FallbackScreen()
    assert screen.screen("i feel hopeless", "s1")["conversation"]["turns"] == 1
    second = screen.screen("theres no way out", "s1")
    assert second["conversation"]["turns"] == 2 and second["source"] == "rasa_fallback"
    assert screen.screen("i want to kill myself", "s2")["flag"] is True


RISKY = "i have all my pills saved up and i'm going to take them tonight"


@pytest.fixture()
def api(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from emotion.service.app import create_app
    from emotion.settings import Settings

    settings = Settings(database_url=f"sqlite:///{tmp_path}/m.sqlite3", modalities=["text"], warm_up=False,
                        rate_limit_turns_per_minute=1, rate_limit_burst=1, max_text_chars=200)
    with TestClient(create_app(settings)) as client:
        yield client


def _crisis(response) -> dict:
    body = response.json()
    return body["crisis"] if "error" in body else body["derived"]["crisis"]


def test_screening_runs_before_every_limit(api) -> None:
    ok = api.post("/v1/sessions/s/turns", data={"text": "hello"})
    assert ok.status_code == 200 and _crisis(ok)["flag"] is False
    limited = api.post("/v1/sessions/s/turns", data={"text": RISKY})
    assert limited.status_code == 429 and _crisis(limited)["flag"] is True
    long = api.post("/v1/sessions/t/turns", data={"text": "blah " * 100 + RISKY})
    assert long.status_code == 413 and _crisis(long)["flag"] is True
    nul = api.post("/v1/sessions/u/turns", data={"text": RISKY + "\x00"})
    assert nul.status_code == 422 and _crisis(nul)["flag"] is True
    assert _crisis(long)["category"] in ("plan", "method", "intent")


def test_screening_needs_no_text_consent_and_keeps_only_the_flag(api) -> None:
    from sqlmodel import Session, create_engine, select

    from emotion.moodlog.models import Turn

    assert api.put("/v1/users/v/consent", json={"text": False, "audio": False, "face": False}).status_code == 200
    r = api.post("/v1/sessions/c/turns", data={"text": RISKY, "user_id": "v"})
    assert r.status_code == 200 and r.json()["available"] is False
    assert _crisis(r)["flag"] is True
    replies = api.put("/v1/sessions/c/turns/0/replies", json={"replies": ["You said you have pills saved up."]})
    assert replies.status_code == 200 and replies.json()["kept"] is False
    engine = create_engine(str(api.app.state.settings.database_url))
    with Session(engine) as db:
        row = db.exec(select(Turn).where(Turn.session_id == "c")).one()
    assert set(row.crisis) == {"risk", "flag", "level", "category", "attempt"} and row.crisis["flag"] is True
    # the consent notice promises only the check's result is kept: not the words, not replies saying them back
    assert row.text is None and row.text_chars == len(RISKY) and row.bot_replies is None


def test_words_and_replies_are_kept_with_text_consent(api) -> None:
    from sqlmodel import Session, create_engine, select

    from emotion.moodlog.models import Turn

    assert api.put("/v1/users/w/consent", json={"text": True}).status_code == 200
    assert api.post("/v1/sessions/k/turns", data={"text": "rough day at work", "user_id": "w"}).status_code == 200
    replies = api.put("/v1/sessions/k/turns/0/replies", json={"replies": ["A rough day at work."]})
    assert replies.json()["kept"] is True
    with Session(create_engine(str(api.app.state.settings.database_url))) as db:
        row = db.exec(select(Turn).where(Turn.session_id == "k")).one()
    assert row.text == "rough day at work" and row.bot_replies == ["A rough day at work."]


def test_a_detector_loaded_without_an_embedder_reads_the_words() -> None:
    """``CrisisDetector.load()`` alone builds its own embedder: the model scores follow the text
    (a zero embedding gave every message the same chat and Reddit scores)."""
    from emotion.crisis.detector import CrisisDetector

    detector = CrisisDetector.load()
    risky, plain = detector.screen_many(["I have the pills ready and I am going to take them all tonight",
                                         "we had pizza and watched a film"])
    assert risky.flag and not plain.flag
    assert risky.scores["chat"] - plain.scores["chat"] > 0.5


def test_the_crisis_encoder_on_onnxruntime_reads_as_on_torch() -> None:
    """The service runs the crisis encoder on ONNX Runtime (as its text encoder): same readings."""
    from emotion.crisis.detector import CrisisDetector

    detector = CrisisDetector.load()
    texts = [RISKY, "we had pizza and watched a film", "nobody would even notice if i was gone",
             "ich habe mir die tabletten schon zurechtgelegt", "lol this exam is killing me " * 40]
    on_torch = detector.screen_many(texts)
    on_onnx = detector.on_onnxruntime().screen_many(texts)
    assert type(detector.on_onnxruntime().encoder).__name__ == "OnnxPart"
    for a, b in zip(on_torch, on_onnx):
        assert abs(a.risk - b.risk) < 1e-4 and a.level == b.level and a.category == b.category


def test_a_turns_embeddings_are_computed_once_for_crisis_and_affect() -> None:
    """The embedder remembers the embeddings it computed: the affect heads reading the windows the
    crisis detector has just read run no top layer again, and get the same values."""
    from emotion.affect.embed import SentenceEmbedder

    embedder = SentenceEmbedder.split(2, memo=8)
    texts = ["i cant sleep again", "the voices keep telling me to jump"]
    h, mask = embedder.bottom_states(texts)
    first = embedder.embed_states(texts, h, mask)
    top_layers = embedder.pooled
    embedder.pooled = None  # any further computation would fail
    assert (embedder.embed(texts) == first).all() and (embedder.embed_states(texts, h, mask) == first).all()
    embedder.pooled = top_layers
    fresh = SentenceEmbedder.split(2).embed(texts)
    assert abs(fresh - first).max() < 1e-5


def test_a_detector_on_an_embedder_of_another_split_reads_the_same() -> None:
    """The crisis encoder reads the states below its own top layers: given an embedder split
    elsewhere (here the whole model as its bottom), the detector runs a bottom of its own for the
    encoder and keeps the given one for the sentence embeddings; the readings are the same."""
    from emotion.affect.embed import SentenceEmbedder
    from emotion.crisis.detector import CrisisDetector

    texts = [RISKY, "we had pizza and watched a film", "nobody would even notice if i was gone"]
    own = CrisisDetector.load()
    other = CrisisDetector.load(embedder=SentenceEmbedder())
    assert other.states is not other.embedder and other.embedder.top_layers == 0
    for a, b in zip(own.screen_many(texts), other.screen_many(texts)):
        assert abs(a.risk - b.risk) < 1e-4 and a.level == b.level



def test_a_flag_counted_as_possible_is_still_asked_about_by_the_support_bot() -> None:
    """crisis.pt counts an uncorroborated model-only flag at ``uncorroborated_cap``; the support bot
    screens "possible" risk from a minimum risk (bot/support/config.yml). The cap must stay at or
    above that line and below τ_flag, or such a turn would be neither flagged nor asked about."""
    import json

    import torch
    import yaml

    from emotion.files import REPO_ROOT
    from emotion.settings import checkpoint_root

    config = yaml.safe_load((REPO_ROOT / "bot" / "support" / "config.yml").read_text())
    rules = next(p["rules"] for p in config["policies"] if p.get("rules"))
    screen_line = next(r["if"]["derived.crisis.risk"]["min"] for r in rules if r["name"] == "possible risk")
    info = json.loads(torch.load(checkpoint_root() / "crisis.pt", map_location="cpu", weights_only=True)["info"])
    assert screen_line <= info["conversation"]["uncorroborated_cap"] < info["thresholds"]["flag"]


def test_in_the_service_the_detector_reads_the_text_encoders_bottom_and_runs_none_of_its_own() -> None:
    """With the text encoder's bottom tapped below the crisis encoder's layers (as the service loads
    it), the detector's encoder reads those states: one bottom run per screen, no bottom of its
    own, and the readings of a detector on its own split MiniLM."""
    from emotion.affect.embed import SentenceEmbedder
    from emotion.crisis.detector import CrisisDetector
    from emotion.encoders.text import TextEncoder
    from emotion.encoders.text_base import TappedBottom

    text = TextEncoder.load(taps=(CrisisDetector.encoder_layers(),)).on_onnxruntime()
    detector = CrisisDetector.load(embedder=SentenceEmbedder.sharing(text)).on_onnxruntime()
    assert isinstance(detector.states.bottom, TappedBottom)
    runs = []
    run = text.bottom.run
    text.bottom.run = lambda *args: runs.append(1) or run(*args)
    texts = [RISKY, "we had pizza and watched a film", "nobody would even notice if i was gone"]
    readings = detector.screen_many(texts)
    assert len(runs) == 1
    for a, b in zip(CrisisDetector.load().screen_many(texts), readings):
        assert abs(a.risk - b.risk) < 1e-4 and a.level == b.level and a.category == b.category


@pytest.mark.parametrize("text, attempt", [
    ("i took 30 paracetamol an hour ago", True),
    ("i took a bunch of pills about 20 min ago", True),
    ("i cut too deep and it wont stop bleeding", True),
    ("im on the bridge right now", True),
    ("ich habe gerade alle tabletten genommen", True),
    ("me tomé todas mis pastillas", True),
    ("ik heb net al mijn pillen genomen", True),
    ("i took 2 ibuprofen for my headache", False),
    ("i'm going to take all my pills tonight, i've got 40 of them here", False),   # a plan, not yet done
    ("i didnt take the pills", False),
    ("years ago i took a whole bottle of pills", False),
    ("if i took all my moms pills would i just fall asleep", False),
    ("my best friend overdosed last year and i still cant listen to our songs", False),
    ("in the movie she took all the pills", False),
    ("im on the bridge, the view is amazing", False),
])
def test_an_attempt_under_way_is_told_from_plans_past_and_others(text: str, attempt: bool) -> None:
    """Seventh exploratory reading, H7: an attempt under way is high whatever its score, and is
    first in the supervisors' queue (tests/dashboard)."""
    assert Lexicon.load().read(text).attempt is attempt
    fallback = FallbackScreen().screen(text)
    assert fallback["attempt"] is attempt
    if attempt:
        assert fallback["level"] == "high" and fallback["flag"] is True


@pytest.mark.parametrize("text", ["what should a friend say if someone says they want to die?",
                                  "if someone tells you they want to end their life, what should you do",
                                  "he wants to jump and then all these strangers turn up"])
def test_someone_elses_own_wish_is_no_command_heard(text: str) -> None:
    """"they want to die" is their wish, not voices telling the writer to die ("they want me to die")."""
    assert "command_hallucination" not in Lexicon.load().read(text).categories



@pytest.mark.parametrize("text, lowered", [
    ("when a classmate says they want to kill themselves, what should a teacher do", True),
    ("how do you answer if somebody says they want to die", True),
    ("what do i do if my sister says she wants to kill herself", False),   # a person in particular
])
def test_someone_elses_risk_asked_about_in_general_is_lowered(text: str, lowered: bool) -> None:
    """Seventh reading, M2 (an essay student's question was handed to a human): risk_to_others only."""
    reading = Lexicon.load().read(text)
    others = [m for m in reading.matches if m.category == "risk_to_others"]
    assert others and all(("generic" in m.guards) is lowered for m in others), others


def test_a_general_question_never_lowers_the_writers_own_words() -> None:
    reading = Lexicon.load().read("if someone says they want to die, i want to die too")
    assert reading.score >= 0.85 and reading.category == "active_ideation"


@pytest.mark.parametrize("text", [
    "i took half the bottle of my sleeping pills", "i took about half of them", "i've taken an overdose",
    "took everything in the medicine cabinet an hour ago. feeling sleepy",
    "ich habe die halbe Packung Schlaftabletten genommen", "ich habe schon die Hälfte genommen",
    "j'ai avalé toute la boîte de somnifères il y a une heure", "j'ai pris une overdose de médicaments",
    "me he tomado la mitad de las pastillas hace un rato", "ho preso metà delle pillole per dormire",
    "ne ho prese già metà", "ik heb net de helft van mijn slaappillen ingenomen",
    "tomei metade da cartela de remédios agora há pouco",
])
def test_a_dose_taken_is_stated_risk_in_seven_languages(text: str) -> None:
    """Eighth exploratory reading, H1: a share of the pack already taken matched no pattern or the
    attempt alone (lexicon 0, not "explicit"): the bot asked about the past month."""
    reading = Lexicon.load().read(text)
    assert reading.attempt and reading.score >= 0.97 and reading.category == "method"


@pytest.mark.parametrize("text, category", [
    ("i've got the pills out on the table. i'm going to take them all tonight", "plan"),
    ("ya compré las pastillas y esta noche me las voy a tomar todas", "plan"),
    ("ich habe die Tabletten hier und nehme heute Nacht alle", "plan"),
    ("ho le pillole qui e stanotte le prendo tutte", "plan"),
    ("i bought pills at three different pharmacies today, they're next to my bed", "plan"),
    ("ik heb vanmiddag toch weer pillen gehaald bij drie verschillende apotheken", "preparatory_acts"),
    ("ich hab ihr heute einen Brief geschrieben, einen letzten", "plan"),
    ("morgen ist es dann vorbei", "plan"),
    ("domani sarà tutto finito", "plan"),
    ("ik heb al eens opgezocht hoe", "method"),
    ("is het normaal om te denken dat iedereen beter af is zonder mij?", "burdensomeness"),
    # left alone: the same words about other things
    ("i took half the box home", None), ("i took about half of them to school for the bake sale", None),
    ("ich habe die Hälfte vom Kuchen genommen", None), ("j'ai pris un somnifère il y a une heure pour dormir", None),
    ("i'm going to take them all to the vet tonight", None), ("heute abend nehme ich alle mit ins kino", None),
    ("esta noche me las voy a tomar todas, es mi cumpleaños", None), ("ich habe den letzten Brief von Oma gelesen", None),
    ("noch eine Prüfung, morgen ist es endlich vorbei", None), ("domani sarà tutto finito, l'esame di matematica", None),
    ("three years ago i took an overdose and my flatmate found me", None),
])
def test_means_a_time_and_preparations_said_plainly_are_read(text: str, category: str | None) -> None:
    """Eighth exploratory reading, H3, H4, H6: "take them all tonight", pills from three pharmacies, a
    last letter, "tomorrow it is over" and a way looked up read none or only "possible" (the screen's
    questions about the past month, no handoff)."""
    reading = Lexicon.load().read(text)
    if category is None:
        assert reading.score < 0.5 and not reading.attempt
    else:
        assert reading.category == category and reading.score >= 0.8


@pytest.mark.parametrize("text, past", [
    ("when i was 17 i was in a really dark place and i genuinely thought i wouldnt make it to 18. "
     "i had thoughts about ending it most days", True),
    ("two years ago my dad died. i had a plan to end it on sunday", False),
    ("years ago i was bullied. i thought about killing myself all week", False),
    ("when i was a kid my mum left. i tried to kill myself last month", False),
    ("years ago i lost my job. i was thinking about suicide the whole weekend", False),
])
def test_a_time_long_past_carries_to_a_later_sentence_in_the_past_tense(text: str, past: bool) -> None:
    """A risk told as part of a story long past, over two sentences, is past; a recent time anywhere in the
    message, or a plan, keeps the words' strength."""
    reading = Lexicon.load().read(text)
    assert ("past" in reading.guards and reading.score < 0.5) is past
    if not past:
        assert reading.score >= 0.85


@pytest.mark.parametrize("text", [
    "ya estoy en el puente", "estoy en el puente ahora mismo y voy a saltar", "ik sta nu op het spoor bij het station",
    "to na ponte agora, vou pular", "estou na linha do comboio agora", "ich stehe jetzt auf der Brücke",
    "sono sul ponte adesso", "je suis sur le pont maintenant", "i'm on the tracks now",
])
def test_at_the_place_now_is_an_attempt_under_way_in_seven_languages(text: str) -> None:
    """Ninth exploratory reading, H1: "ya estoy en el puente", "ik sta nu op het spoor" read only "possible"
    (a listening question, no number, no handoff), where "i'm on the bridge now" is an attempt."""
    reading = Lexicon.load().read(text)
    assert reading.attempt and reading.score >= 0.97


@pytest.mark.parametrize("text, category", [
    ("ich bring mich heute um", "plan"), ("ik wil ertussenuit stappen, voorgoed", "active_ideation"),
    ("je vais faire une bêtise ce soir", "plan"), ("ho paura di fare una cazzata", "intent"),
    ("ik ga iets doms doen", "intent"), ("vou dar um fim nisso hoje", "plan"),
    ("ik hoef niet meer voor haar te zorgen", "preparatory_acts"),
    ("Danke für alles. Sag meiner Schwester, dass ich sie lieb hab. Lebt wohl.", "preparatory_acts"),
    ("ja separei os remédio da minha vó", "method"), ("ninguém vai sentir falta", "burdensomeness"),
    ("igual me tiro al río esta noche", "plan"), ("alles is zinloos", "hopelessness_entrapment"),
    ("j'ai tout préparé", "preparatory_acts"), ("ik heb alles geregeld", "preparatory_acts"),
    # left alone: the same words about other things
    ("je vais pas faire de bêtise hein, je suis juste épuisée", None), ("j'ai fait une bêtise au boulot", None),
    ("no tranquillo, non faccio cazzate", None), ("estoy en el puente de mayo con mi familia", None),
    ("ich bringe mich noch um vor lauter Stress", None), ("das bringt mich um", None),
    ("j'ai tout préparé pour la fête de samedi", None), ("ik heb alles geregeld voor de verhuizing", None),
    ("ppl keep asking what im doing tonight like im gonna do something dumb, im just going to bed early", None),
])
def test_the_ninth_readings_plans_in_pieces_outside_english(text: str, category: str | None) -> None:
    """Ninth exploratory reading, H1 and H2: a plan in slang or in pieces outside English ("ik weet al hoe",
    "je vais faire une bêtise ce soir", "ich bring mich heute um") read none or "possible"."""
    reading = Lexicon.load().read(text)
    if category is None:
        assert reading.score < 0.5 and not reading.attempt
    else:
        assert reading.category == category and reading.score >= 0.55


@pytest.mark.parametrize("text", ["i'm going to k\b ill mys\x7f elf tonight", "i want to ki\x00ll myself",
                                  "i want to kill\x00myself", "kill my\x08self tonight"])
def test_control_characters_inside_the_risk_words_are_read_through(text: str) -> None:
    """Ninth exploratory reading, M14: a backspace and a DEL inside "kill myself tonight" (a reader sees the
    words whole) read no warning sign: not explicit, so the screen's first question instead of the handoff."""
    assert Lexicon.load().read(text).score >= 0.95


@pytest.mark.parametrize("text, means", [
    ("tenho os comprimidos todos guardados na gaveta", True), ("tengo las pastillas todas guardadas", True),
    ("ho le pillole tutte messe da parte", True), ("j'ai mis tous mes cachets de côté", True),
    ("os comprimidos estão guardados no armário da cozinha", False), ("las pastillas están guardadas en el baño", False),
])
def test_pills_named_first_then_kept_aside_are_means(text: str, means: bool) -> None:
    """Ninth exploratory reading, L3: "tenho os comprimidos todos guardados na gaveta" matched no pattern (the verb
    came first in every one), and the category head named it "risk to others" on the dashboard."""
    reading = Lexicon.load().read(text)
    assert (reading.category == "method" and reading.score >= 0.85) if means else reading.score < 0.5


@pytest.mark.parametrize("text, attempt", [
    ("ik sta op het spoor", True), ("estou na linha do comboio", True), ("i'm on the tracks", True),
    ("i'm on the golden gate bridge right now", True), ("ich stehe nicht auf den Gleisen", False),
    ("years ago i was on the tracks", False), ("i'm on the right track", False),
])
def test_on_the_tracks_is_an_attempt_now_or_not(text: str, attempt: bool) -> None:
    """Tenth exploratory reading, H1: "ik sta op het spoor", "estou na linha do comboio" (no "now") and "i'm on the
    golden gate bridge right now" (a name before the bridge) got the screen's first question."""
    assert Lexicon.load().read(text).attempt is attempt


@pytest.mark.parametrize("text, category", [
    ("ik denk dat ik er een einde aan maak", "active_ideation"), ("ich spring heut Nacht von der Reichsbrücke", "plan"),
    ("i keep killing myself in elden ring lol", None), ("that boss killed me 40 times tonight", None),
    ("voltei. tô mal de novo, peguei os remédios da minha mãe", "method"), ("peguei os remédios na farmácia", None),
])
def test_the_tenth_readings_lines(text: str, category: str | None) -> None:
    reading = Lexicon.load().read(text)
    assert (reading.category == category and reading.score >= 0.85) if category else reading.score < 0.5


@pytest.mark.parametrize("text, category", [
    ("j'ai écrit une lettre d'adieu", "preparatory_acts"), ("ik heb afscheidsbrieven geschreven", "preparatory_acts"),
    ("já escrevi a carta de despedida", "preparatory_acts"), ("ho scritto una lettera d'addio", "preparatory_acts"),
    ("ich hab meiner familie einen abschiedsbrief geschrieben", "preparatory_acts"),
    ("morgen ben ik er niet meer", "plan"), ("amanhã já não estarei cá", "plan"),
    ("i bring mi heut um", "plan"), ("i dua ma heit no wos an", "active_ideation"),
    ("j'ai écrit une lettre d'adieu à mon collègue qui part à la retraite", None),
    ("i bring mi um vor lauter stress", None),
])
def test_farewell_letters_and_dialect_are_stated_risk(text: str, category: str | None) -> None:
    """Tenth exploratory reading, H1 and H3: a farewell letter in fr/nl (0.80) was below the high reading that the
    English one gets (0.90), so it was only asked about; "i bring mi heut um" (de-AT) matched nothing. A farewell
    card for a retiring colleague is not a farewell letter at 0.90 (its old, weaker reading is kept)."""
    reading = Lexicon.load().read(text)
    assert (reading.category == category and reading.score >= 0.9) if category else reading.score < 0.9


@pytest.mark.parametrize("text, attempt", [
    ("i've just taken them all", True), ("i just took all of them", True), ("je les ai toutes prises", True),
    ("me las tomé todas", True), ("ik heb ze allemaal geslikt", True), ("tomei todos", True),
    ("ich hab sie alle genommen", True), ("le ho prese tutte", True),
    ("last month i almost took all my pills", False), ("i nearly took all my pills last night", False),
    ("i took them all to the park", False), ("je les ai tous pris en photo", False),
    ("last month i took all my pills", False), ("el mes pasado me tomé todas las pastillas", False),
    ("yesterday i took all my pills", True), ("i took all my pills an hour ago", True),
])
def test_all_of_them_taken_is_an_attempt_and_almost_is_not(text: str, attempt: bool) -> None:
    """Tenth exploratory reading, M5: "i've just taken them all" (the pills named a turn before) was no attempt in
    the supervisor's queue, while "last month i almost took all my pills" was "attempt under way". An attempt a month
    ago is the person's history (still high risk), not one under way; yesterday's overdose still is."""
    assert Lexicon.load().read(text).attempt is attempt


@pytest.mark.parametrize("text, category", [
    ("Still got my service pistol in the closet. Been thinking it'd be easier to just eat my gun.", "method"),
    ("I've saved up enough of my tablets and tonight's the night", "plan"),
    ("Meine Dienstwaffe liegt noch im Schrank. Wäre einfacher, mir eine Kugel zu geben.", "method"),
    ("Ich halt das nicht mehr aus, ich spring heute vom Dach", "plan"),
    ("Ich wott mir s Läbe näh, ich ha alles parat.", "active_ideation"),
    ("j'veux m'tuer, j'ai toute préparé pour à soir", "plan"),
    ("me kiero matar xd pero en serio", "active_ideation"),
    ("jveux crever mdr mais pour de vrai, jai les cachets", "active_ideation"),
    ("tonights the night we celebrate mums birthday", None), ("tengo un plan para el finde con mis amigos", None),
    ("ich spring heute vom Sprungturm im Freibad", None), ("hoy me corté el pelo", None),
    ("hoy cumplo un año sin autolesionarme", None), ("oggi 2 anni senza tagliarmi", None),
    ("Comment pourrait-elle écrire sa lettre d'adieu ? C'est de la fiction, je vais bien.", None),
])
def test_the_eleventh_readings_lines(text: str, category: str | None) -> None:
    """Eleventh exploratory reading, H1, H2, H4, M4: a gun "eaten", tablets saved "and tonight's the night", a service
    weapon in German, a roof "today" in de-AT, Swiss German, Québécois and chat spellings ("m'tuer", "kiero", "jveux")
    matched nothing; a self-harm-free anniversary outside English, a haircut and a novelist's question read high."""
    reading = Lexicon.load().read(text)
    assert (reading.category == category and reading.score >= 0.9) if category else reading.score < 0.5


@pytest.mark.parametrize("text, category", [
    ("for after im dead", "preparatory_acts"), ("cancelled my phone contract and sorted the bank stuff", "preparatory_acts"),
    ("he told her if she leaves he'll kill her and the kid", "risk_to_others"),
    ("i cancelled my gym contract and sorted the bank stuff before moving abroad", None),
    ("dad will kill him when he finds out", None),
])
def test_a_letter_for_after_and_a_reported_threat_are_read(text: str, category: str | None) -> None:
    """data/crisis/dev9 (a tuning set): a letter "for after im dead" and affairs settled read nothing; a threat to kill a
    sister and her child, reported by her brother, read nothing either."""
    reading = Lexicon.load().read(text)
    assert (reading.category == category and reading.score >= 0.85) if category else reading.score < 0.5


@pytest.mark.parametrize("text", ["i'm going to kill my\u202eself\u202c tonight", "je vais me su\u202eicider\u202c ce soir",
                                  "\u202ethginot flesym llik ot gniog mi"])
def test_a_direction_control_inside_the_words_is_read_in_both_orders(text: str) -> None:
    """Twelfth exploratory reading, H4: a right-to-left override inside "myself" made it "myfles" as displayed, and nothing
    was read; a whole sentence typed backwards behind one is still read as displayed."""
    from emotion.service.screening import CrisisScreen

    assert Lexicon.load().read(text).score >= 0.9
    assert CrisisScreen().read(text)["risk"] >= 0.9


@pytest.mark.parametrize("text, category", [
    ("ich steh grad auf der brücke und will springen", "method"),
    ("mis sturmgewehr isch im schrank und ich denk dra, mich z'erschiesse", "active_ideation"),
    ("hoy me subo a la azotea y me tiro", "plan"), ("hoy me subo a la azotea y me aviento, neta", "plan"),
    ("tengo el fierro cargado en el cajón, me quiero pegar un tiro", "active_ideation"),
    ("I used to play football on Sundays but I stopped going. Honestly I want to kill myself.", "active_ideation"),
    ("me subo a la azotea y me tiro a la piscina", None), ("me quiero pegar un tiro, se me olvidaron las llaves xd", None),
    ("im 68 and people seem to think old widowers want to die. i dont. i want someone to play cards with", None),
])
def test_the_twelfth_readings_lines(text: str, category: str | None) -> None:
    """Twelfth exploratory reading, H1 and H6: "ich steh grad auf der brücke" (a spoken "steh"), Swiss German with a
    service rifle, a roof "today" in Spanish, "pegar un tiro"; a long letter's "I used to play football" was read as a
    play (fiction) and guarded its last line, "Honestly I want to kill myself"."""
    reading = Lexicon.load().read(text)
    assert (reading.category == category and reading.score >= 0.9) if category else reading.score < 0.5


@pytest.mark.parametrize("text, strength", [
    ("ik wil gewoon dood", 0.9), ("ik wil er niet meer zijn", 0.9), ("ik ben 15 en ik snij mezelf al maanden", 0.85),
    ("will mich einfach nur wegmachen, am besten heut nacht", 0.95), ("hab echt kein bock mehr auf dieses leben", 0.85),
    ("es wär besser, ich tät einfach einschlafen und nimmer aufwachen", 0.85), ("Ich spring gleich.", 0.85),
    ("Estoy en el balcón de un sexto piso. Voy a saltar.", 0.97), ("Ik sta op het balkon en ik ga springen", 0.97),
    ("Je suis sur le balcon, je vais sauter", 0.97), ("Estou na varanda, vou pular", 0.97),
    ("J'ai gardé mon arme de service. Des fois je la regarde longtemps le soir.", 0.85),
    ("chcę się zabić", 0.95), ("kendimi öldürmek istiyorum", 0.95), ("Vreau să mor", 0.9),
    ("я хочу покончить с собой", 0.95), ("хочу померти", 0.9), ("もう死にたい", 0.9), ("我想自杀", 0.95), ("أريد أن أموت", 0.9),
    ("ik wil echt niet dood hoor", 0.0), ("nee ik wil niet dood, ik wil gewoon dat deze week voorbij is", 0.0),
    ("estoy en el balcon tomando cafe, voy a saltar de alegria", 0.0), ("ich springe gleich ins wasser", 0.0),
])
def test_the_thirteenth_readings_lines(text: str, strength: float) -> None:
    """Thirteenth exploratory reading, H1-H3: a high place and a jump in six languages (English alone was read), Dutch
    and German slang ("ik wil gewoon dood", "mich wegmachen"), and core phrases in languages the bots do not speak
    (Polish, Turkish, Romanian, Russian, Ukrainian, Japanese, Chinese, Arabic: Cyrillic and kana had become nothing)."""
    reading = Lexicon.load().read(text)
    assert reading.score >= strength if strength else reading.score < 0.5


def test_letters_of_other_scripts_stay_words_of_their_own() -> None:
    from emotion.crisis.normalise import normalise, was_obfuscated

    assert normalise("я хочу покончить с собой") == "я хочу покончить с собои"  # й read as и, as accents go
    assert normalise("もう死にたい。今夜") == "もう死にたい 今夜"
    assert normalise("kill myselfне") == "kill myself н e"  # a Latin word keeps its edge
    assert not was_obfuscated("我想自杀", normalise("我想自杀"))
    assert normalise("죽고 싶어요") != ""  # NFKD splits Hangul into jamo (the review of stop 44)
