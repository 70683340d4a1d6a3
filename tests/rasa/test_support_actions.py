"""The support bot's reply logic on its own: the screen's answers and branching, listening lines,
and what the bot says to a person waiting for a human."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import bank, echo, handoff_answers, listening, names, questions, screener, still_here  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    ("yes", "yes"), ("yeah mostly at night", "yes"), ("kinda", "yes"), ("ja, manchmal", "yes"), ("sí", "yes"),
    ("i wrote goodbye letters", "yes"), ("no... well actually yes sometimes", "yes"),
    ("nah", "no"), ("not really", "no"), ("no but im fine", "no"), ("non, jamais", "no"),
    ("i did years ago but not anymore", "no"),
    ("never mind", "dismiss"), ("no jk", "dismiss"), ("lol", "dismiss"), ("laat maar", "dismiss"),
    ("why do you ask", "unclear"), ("idk", "unclear"), ("what kind of plan", "unclear"), ("", "unclear"),
])
def test_answers_are_read_in_seven_languages(text: str, expected: str) -> None:
    assert screener.read_answer(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a person who goes on with their story has not answered: asked again, not read as yes
    ("i miei figli li vedo un weekend sì e uno no", "unclear"),
    ("i keep thinking about her garden. whos gonna look after it", "unclear"),
    ("ik ben blij voor haar maar ik ben ook echt verdrietig", "unclear"),
    # an answer says so first, however long it goes on; a short statement about oneself affirms
    ("yeah, most nights since the move and it scares me a bit", "yes"),
    ("i think so yeah. like i'd be ok if i just didnt wake up", "yes"),
    ("i know when i'd do it", "yes"),
    # a question of the person's own is no answer (exploratory reading of the demo, 2026-12-06:
    # "i do" in it was read as yes and led to the method question)
    ("what can I do to fall asleep?", "unclear"), ("i do", "yes"), ("i have, a few times", "yes"),
    # a hedge or how-often that opens a message counts, whatever follows: the screen errs toward
    # asking on (a narrower reading lost true answers on the frozen screener set: not adopted)
    ("sometimes I forget for a second and then it hits me again", "yes"),
    ("mostly about money and whether I will lose my job", "yes"),
    ("nvm, ignore that", "dismiss"),
])
def test_a_yes_counts_when_it_answers_not_when_it_is_part_of_a_story(text: str, expected: str) -> None:
    assert screener.read_answer(text) == expected


def test_the_screen_branches_like_the_c_ssrs() -> None:
    step = screener.next_step
    assert step(1, "no", [(1, "no")]) == screener.Step("ask", 2)  # 1 and 2 are always asked
    assert step(2, "no", [(1, "no"), (2, "no")]) == screener.Step("ask", 6)
    assert step(2, "yes", [(1, "yes"), (2, "yes")]) == screener.Step("ask", 3)
    assert step(4, "yes", [(1, "yes"), (2, "yes"), (3, "no"), (4, "yes")]).outcome == "escalate"  # at once
    assert step(6, "no", [(1, "yes"), (2, "yes"), (3, "no"), (4, "no"), (5, "no"), (6, "no")]).outcome == "escalate"
    assert step(6, "no", [(1, "yes"), (2, "no"), (6, "no")]).outcome == "low"
    assert step(6, "no", [(1, "no"), (2, "no"), (6, "no")]).outcome == "clear"
    assert step(3, "dismiss", [(1, "yes"), (2, "yes"), (3, "dismiss")]).outcome == "clear"


def test_an_idiom_is_not_a_topic() -> None:
    assert listening.topic_of("calculus is going to be the death of me") is None
    assert listening.topic_of("since the death of my mum i cant sleep") == "grief"


@pytest.mark.parametrize("text, lang, topic", [
    ("coworkers all leave at 5 and i just sit in my flat alone", "en", "loneliness"),   # what they feel, not where
    ("since my dad died i cant focus at work", "en", "grief"),
    ("my boss shouted at me today", "en", "work_school"),
    ("seit der trennung bin ich nach der arbeit immer einsam", "de", "loneliness"),
])
def test_what_the_person_feels_outranks_where_it_happens(text: str, lang: str, topic: str) -> None:
    assert listening.topic_of(text, lang) == topic


def test_listening_lines_reflect_feeling_and_topic_and_do_not_repeat() -> None:
    line = listening.compose("reflection", "i feel so lonely since the move", "sadness", [])
    assert "lonely" in line
    said: list[str] = []
    for turn in range(12):
        line = listening.compose("reflection", "i just feel empty", "sadness", said[-5:], turn)
        assert line not in said[-5:]
        said.append(line)


@pytest.mark.parametrize("text, expected", [
    ("like im exhausted all day then 11pm hits and im wide awake",
     "you're exhausted all day then 11pm hits and you're wide awake"),
    ("today i was late for work bc of it", "today you were late for work because of it"),
    ("my phd supervisor hates me i swear", "your phd supervisor hates you"),
    ("i have roommates, coworkers, im in a group chat with like 40 people", "you're in a group chat with like 40 people"),
    ("maybe ill ask if i can skip the ones that dont involve my team",
     "maybe you'll ask if you can skip the ones that don't involve your team"),
    # nothing to say back: a question (with or without its mark), "you", too short, not about oneself
    ("why do i always get a second wind at midnight", None), ("what am i even doing this for", None),
    ("do you ever feel like youre surrounded by people", None), ("im not", None), ("the dress is $300", None),
    # never parroted: risk words anywhere in the message
    ("I've made up my mind. I'm going to take my life on Sunday.", None), ("ive got everything ready", None),
    ("yes ive thought about killing myself", None), ("i dont really see a future for myself", None),
    ("I've sorted out my will and left instructions for the dog", None),
    # the people in the person's life: said back too, "we" and "us" as "you"; the person's own clause first
    ("she gets them back friday", "she gets them back friday"), ("they told us yesterday", "they told you yesterday"),
    ("we knew it was coming, she'd been in hospice", "you knew it was coming"),
    ("he left at 6, i stayed in bed all day", "you stayed in bed all day"),
    # a put-down the person aims at themselves is never said back (third exploratory reading, H10)
    ("i keep checking her insta every 5 min ugh im pathetic", "you keep checking her insta every 5 min"),
    ("i feel like such a failure at work", None), ("im so stupid", None),
])
def test_the_persons_words_are_said_back_in_second_person(text: str, expected: str | None) -> None:
    assert echo.said_back(text) == expected


def test_a_person_who_says_they_are_not_well_is_never_told_glad_to_hear_it() -> None:
    glad = listening.candidates("affirmation", None)[1]
    for text, lang in [("mir gehts nicht gut", "de"), ("im not doing good tbh", "en"), ("não tô bem", "pt")]:
        for turn in range(4):
            line = listening.compose("affirmation", text, "joy", [], turn, lang)
            assert line not in glad and "glad" not in line.lower(), (text, line)
    assert listening.topic_of("i passed my exam") == "work_school" and listening.topic_of("i miss my ex") == "relationships"


@pytest.mark.parametrize("text, label, good", [
    ("i passed my exam!!", "neutral", True),
    ("it went well actually", "sadness", True),
    ("ich habs geschafft", "neutral", True),
    ("ça va mieux", "neutral", True),
    ("i googled it", "neutral", False),                  # rubric5: "I'm really glad to hear that"
    ("my dad passed away last week", "neutral", False),
    ("nothing helped", "joy", False),
    ("no better tbh", "neutral", False),
    ("mir gehts nicht gut", "joy", False),
    ("we went to the park", "joy", True),                # the reading says joy
    # sarcasm: a joy reading of bad news (exploratory reading: "things are a little lighter. What helped?")
    ("yeah my life is going fantastic, i got fired and my car broke down. best week ever", "joy", False),
    ("super, mein hund ist gestorben und ich bin durchgefallen", "joy", False),
    ("i got the job even though my car broke down", "neutral", True),   # a good-news word still tells
    ("Ich bin total fertig, diese Woche hat mich umgebracht 😅", "joy", False),  # third reading, M11
])
def test_only_good_news_is_told_glad_to_hear_it(text: str, label: str, good: bool) -> None:
    lang = "de" if "ich" in text.split() or "mir" in text.split() else "fr" if "ça" in text else "en"
    glad = listening.listening_in(lang).good_news
    lines = {listening.compose("affirmation", text, label, [], turn, lang) for turn in range(4)}
    assert bool(lines & set(glad)) is good, lines


@pytest.mark.parametrize("text, expected", [
    ("just grey", "just grey"), ("nothing specific", "nothing specific"), ("ok so work", "work"),
    # as typed, capitals and punctuation inside kept (exploratory reading: "still down nothing helps")
    ("still down. nothing helps", "still down. nothing helps"), ("Just Grey.", "Just Grey"),
    # nothing to quote: fillers, greetings, questions, first person, risk words
    ("ok", None), ("yeah maybe", None), ("no idea", None), ("hi again", None), ("whats up", None), ("im not", None),
    ("the pills", None), ("not really", None),
])
def test_a_short_message_is_quoted_back_as_it_is(text: str, expected: str | None) -> None:
    assert echo.quoted(text) == expected


@pytest.mark.parametrize("text, lang, step", [
    ("ok ill talk to her this weekend", "en", True), ("yeah a walk probably would help. even 10 mins", "en", True),
    ("yeah, distracting myself helps a bit", "en", True), ("maybe i could ask her for advice", "en", True),
    ("oui je pourrais en parler à une collègue", "fr", True), ("é, acho que vou procurar alguém pra conversar", "pt", True),
    ("ja. ich glaub ich muss mit ihm reden", "de", True), ("magari ci faccio un salto", "it", True),
    # not a step: never, no action, risk words
    ("i'll never be good enough", "en", False), ("im going to fail this exam", "en", False),
    ("ich werde nie glücklich sein", "de", False), ("quizás nunca mejore", "es", False),
    ("i think ill go to the bridge tonight", "en", False), ("im gonna take all my pills", "en", False),
    ("I wish I could tell him about my new job. He would have been proud.", "en", False),   # grief (third reading, M12)
])
def test_a_step_the_person_means_to_take_is_recognised(text: str, lang: str, step: bool) -> None:
    assert listening.is_step(text, lang) is step


@pytest.mark.parametrize("text, lang, name", [
    ("his name was danny", "en", "Danny"),
    ("her name is sophie and shes 4", "en", "Sophie"),
    ("her name was mary ann", "en", "Mary Ann"),
    ("we got a dog named max last year", "en", "Max"),
    ("my brother's name was o'brien lol", "en", "O'Brien"),
    ("mein hund hieß bruno", "de", "Bruno"),
    ("il s'appelait théo", "fr", "Théo"),
    ("mi abuela se llamaba carmen y hacía las mejores empanadas", "es", "Carmen"),
    ("si chiamava luca", "it", "Luca"),
    ("hij heette bram", "nl", "Bram"),
    ("meu cachorro chamava-se thor", "pt", "Thor"),
    ("his name was on the list", "en", None),  # not a name: a common word, then more words
    ("his name is mud in that office", "en", None),
    ("he was called into the office", "en", None),
    ("my name is sam", "en", None),  # the person's own name is not someone they tell about
    ("a thing called love", "en", None),
    ("wie heißt du eigentlich", "de", None),
    ("das heißt nicht dass ich aufgebe", "de", None),
])
def test_a_name_the_person_tells_is_found(text: str, lang: str, name: str | None) -> None:
    assert names.name_in(text, listening.listening_in(lang).name_patterns) == name


def test_a_feeling_the_person_named_earlier_beats_the_models_label() -> None:
    earlier = ["my heart is racing and i dont know why", "im so scared its gonna happen at work"]
    assert listening.feeling_of("this keeps happening. like 3 times this week", "sadness", "en", earlier) == "scared"
    assert listening.feeling_of("this keeps happening", "sadness", "en", []) == "low"           # nothing named: the label
    assert listening.feeling_of("now im just sad about it", "fear", "en", earlier) == "sad"     # named now: this one
    line = listening.compose("reflection", "this keeps happening. like 3 times this week", "sadness", [], echo=False,
                             earlier=earlier)
    assert "scared" in line and "low" not in line


def test_a_name_told_is_said_back_first_in_every_language_but_not_beside_risk_words() -> None:
    line = listening.compose("question", "his name was danny", "sadness", [])
    assert line.startswith("Danny.") and "Danny?" in line
    again = listening.compose("question", "his name was danny", "sadness", [line])
    assert again != line and "Danny" in again  # the other name line, not the same one twice
    for text, lang in [("mein hund hieß bruno", "de"), ("il s'appelait théo", "fr"), ("se llamaba carmen", "es"),
                       ("si chiamava luca", "it"), ("hij heette bram", "nl"), ("ele se chamava joão", "pt")]:
        said = listening.compose("reflection", text, "sadness", [], lang=lang)
        assert said in [t.format(name=said.split(".")[0]) for t in listening.listening_in(lang).name_lines], (lang, said)
    assert "Danny" not in listening.compose("question", "his name was danny and i want to die too", "sadness", [])
    assert "Danny" not in listening.compose("question", "his name was danny", "sadness", [], echo=False)


def test_a_step_is_affirmed_and_said_back_a_short_message_quoted_but_never_at_risk() -> None:
    line = listening.compose("question", "ok ill talk to her this weekend", "neutral", [])
    assert "you'll talk to her this weekend" in line and "step" in line.lower() + "worth trying"
    assert listening.echoed(line)
    plain = listening.compose("question", "ok ill talk to her this weekend", "neutral", [line, line])  # no third echo in a row
    assert not listening.echoed(plain) and plain in listening.listening_in("en").steps["general"]
    assert listening.compose("reflection", "oui je pourrais en parler à une collègue", "sadness", [], lang="fr") \
        in listening.listening_in("fr").steps["general"]
    assert '"just grey"' in listening.compose("question", "just grey", "sadness", [])
    both = listening.compose("question", "theres another professor on my committee whos nicer. maybe i could ask her for advice",
                             "neutral", [])
    assert "you could ask her for advice" in both                       # the step is what is said back
    at_risk = listening.compose("question", "ok ill talk to her this weekend", "neutral", [], echo=False)
    assert at_risk not in listening.listening_in("en").steps["general"] and not listening.echoed(at_risk)


def test_a_line_says_back_the_persons_words_but_not_three_times_in_a_row_nor_at_risk() -> None:
    text = "my boss yelled at me in front of everyone"
    first = listening.compose("restatement", text, "anger", [])
    assert "your boss yelled at you in front of everyone" in first and listening.echoed(first)
    second = listening.compose("question", "and then he cut my hours", "anger", [first])
    assert "he cut your hours" in second and listening.echoed(second)
    third = listening.compose("question", "and now i have to find a second job", "anger", [first, second])
    assert not listening.echoed(third)                                  # the two lines before were echoes
    assert not listening.echoed(listening.compose("restatement", text, "anger", [], echo=False))
    german = listening.compose("restatement", "er hat mich vor allen angeschrien", "anger", [], lang="de")
    assert "„er hat mich vor allen angeschrien“" in german and listening.echoed(german)      # quoted, not turned around
    assert not listening.echoed(listening.compose("restatement", "er hat mich vor allen angeschrien", "anger", [german, german],
                                                  lang="de"))


def test_a_person_waiting_for_a_human_is_not_told_to_reach_someone_who_is_gone_or_must_not_know() -> None:
    assert handoff_answers.handoff_lines("my sister is home, she could come over", [])
    widowed = handoff_answers.handoff_lines("My wife died in the spring and there's nothing left for me here", [])
    assert not any("your wife" in line for line in widowed)
    assert widowed == [listening.bank().handoff["hopeless"]["lines"][0]]      # what they feel is answered instead
    assert handoff_answers.handoff_lines("i cant call, my roommate would hear", []) == []
    assert handoff_answers.handoff_lines("my brother would be better off without me", []) == \
        listening.bank().handoff["burden"]["lines"]                       # not "reach your brother"
    assert handoff_answers.handoff_lines("my dog died last year", []) == []


def test_a_place_pointed_back_to_is_the_one_named_before() -> None:
    earlier = ["tonight im going to jump off the bridge by my house", "ive decided"]
    place, = handoff_answers.handoff_lines("im sitting in my car near it now", [], "en", earlier)
    assert "the bridge" in place and "away from" in place
    assert handoff_answers.handoff_lines("im sitting in my car near it now", [], "en", ["hello"]) == []


def test_a_person_waiting_for_a_human_hears_back_about_who_they_hold_on_to_the_hospital_and_where_to_start() -> None:
    reasons, = handoff_answers.handoff_lines("no i wouldnt act on it. i have my little brother", [])
    assert "your little brother" in reasons and "care a lot" in reasons
    hospital, = handoff_answers.handoff_lines("i dont want to go to the hospital", [])
    assert "hospital" in hospital
    start, = handoff_answers.handoff_lines("i dont know where to start", [])
    assert "where to start" in start
    for kind, said in [("burden", "everyone would be better off without me"), ("hopeless", "theres just no point anymore"),
                       ("alone", "nobody cares anyway"), ("tired", "im so tired of everything")]:
        assert handoff_answers.handoff_lines(said, []) == listening.bank().handoff[kind]["lines"], said
    assert handoff_answers.handoff_lines("hello?", []) == []


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "nl", "pt"])
def test_a_person_waiting_for_a_human_is_answered_in_their_language(lang: str) -> None:
    from actions.language import translated

    own = translated(lang)["handoff"]
    assert set(own) == {*handoff_answers.HANDOFF_KINDS, "question", "imminent_means"}  # the act on means: reading 12, M3
    said = {"de": "ich hab die tabletten hier", "fr": "j'ai les cachets devant moi, le couteau aussi",
            "es": "tengo las pastillas aquí", "it": "ho le pillole qui", "nl": "ik heb de pillen hier",
            "pt": "tenho os comprimidos aqui"}[lang]
    assert handoff_answers.handoff_lines(said, [], lang) == own["medicine"]              # has any been taken? then out of reach
    assert handoff_answers.handoff_lines(said, own["medicine"], lang) == []              # not twice
    took = {"de": "ich hab alle tabletten genommen", "fr": "j'ai pris tous mes cachets", "es": "me tomé todas las pastillas",
            "it": "ho preso tutte le pillole", "nl": "ik heb alle pillen ingenomen", "pt": "tomei todos os comprimidos"}[lang]
    assert handoff_answers.handoff_lines(took, [], lang) == own["taken"]                 # emergency services now, nothing else first


def test_medicine_taken_or_at_hand_is_asked_about_before_anything_else() -> None:
    taken, = handoff_answers.handoff_lines("i took them", [], "en", ["i have all my sleeping pills here"])
    assert "emergency number now" in taken                      # the medicine was named in an earlier message
    assert handoff_answers.handoff_lines("i took them", [], "en", ["hello"]) == []   # nothing says what was taken
    assert handoff_answers.handoff_lines("i took a walk", []) == []
    at_hand, = handoff_answers.handoff_lines("i know where my mums sleeping pills are", [])
    assert "Have you taken any of the sleeping pills" in at_hand     # and not "reach out to your mum": whose pills they are
    not_taken, = handoff_answers.handoff_lines("no i havent taken the pills", [])
    assert "out of reach" in not_taken and "Have you taken" not in not_taken
    knife, = handoff_answers.handoff_lines("i have a knife next to me", [])
    assert "knife" in knife and "taken" not in knife


def test_a_person_waiting_for_a_human_is_answered_not_only_acknowledged() -> None:
    means, = handoff_answers.handoff_lines("i have the pills in front of me", [])
    assert "pills" in means and "out of reach" in means
    person, = handoff_answers.handoff_lines("maybe i could call my sister", [])
    assert "your sister" in person
    place, = handoff_answers.handoff_lines("im sitting in my car near the bridge", [])
    assert "bridge" in place
    assert handoff_answers.handoff_lines("hello?", []) == []
    # asking whether anyone (from the team) is there is asking about the wait (seventh reading, M3)
    assert handoff_answers.handoff_lines("hello? is anyone there", []) == listening.bank().handoff["wait"]["lines"]
    assert "free to call" in handoff_answers.handoff_lines("is the helpline free to call?", [])[0]
    assert "free to call" in handoff_answers.handoff_lines("is the helpline free to call", [])[0]   # no question mark
    assert handoff_answers.handoff_lines("i have the pills in front of me", [means]) != [means]  # the other wording



@pytest.mark.parametrize("said, kind", [
    ("how long will it take?", "wait"),
    ("is someone actually coming", "wait"),
    ("combien de temps ?", "wait"),
    ("can you stop with the hotline stuff", "stop_numbers"),
    ("i dont want to call anyone", "stop_numbers"),
    ("no quiero llamar a nadie", "stop_numbers"),
    ("do they speak spanish?", "language"),
    ("I'm in London, who can I call?", "who_to_call"),
    ("I feel calm now, actually. Calmer than I've been in years. Everything is sorted.", "calm"),
    ("Anyway. Goodbye.", "calm"),
])
def test_questions_requests_and_a_calm_goodbye_while_waiting_are_answered(said: str, kind: str) -> None:
    """Third exploratory reading (H6, H9): each gets its own answer, and a request to stop the
    numbers is not answered as a question about them."""
    lang = "fr" if said.startswith("combien") else "es" if said.startswith("no quiero") else "en"
    own = listening.bank().handoff[kind]["lines"] if lang == "en" else \
        yaml.safe_load((SUPPORT / f"actions/i18n/{lang}.yml").read_text())["handoff"][kind]
    assert handoff_answers.handoff_lines(said, [], lang) == own
    assert handoff_answers.no_more_numbers(said) == (kind == "stop_numbers")


def test_once_a_person_from_the_team_has_joined_only_safety_is_answered() -> None:
    said = "my sister can come over. i have the pills here"
    assert len(handoff_answers.handoff_lines(said, [])) == 2
    only, = handoff_answers.handoff_lines(said, [], kinds=handoff_answers.SAFETY_KINDS)
    assert "out of reach" in only and "sister" not in only


def test_a_question_about_medicine_that_reads_as_no_risk_is_not_medicine_at_hand() -> None:
    """Third exploratory reading, H3: a person who asked for a human asks about sleep medicine."""
    asked = "should I take melatonin or ask my doctor for sleeping pills?"
    assert not any("taken" in line or "out of reach" in line
                   for line in handoff_answers.handoff_lines(asked, [], "en", (), at_risk=False))
    assert any("out of reach" in line for line in handoff_answers.handoff_lines(asked, [], "en", (), at_risk=True))
    assert any("out of reach" in line for line in
               handoff_answers.handoff_lines("i have the sleeping pills here", [], "en", (), at_risk=False))

def run_action(action, text: str, intent: str, confidence: float = 0.9, said_before: list[str] = ()) -> list[str]:
    """What ``action`` says to ``text`` (NLU ``intent`` at ``confidence``), after the bot said ``said_before``."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    latest = {"text": text, "intent": {"name": intent, "confidence": confidence}, "metadata": {}}
    events = [e for line in said_before for e in ({"event": "user", "text": "..."}, {"event": "bot", "text": line})]
    tracker = Tracker("s", {}, latest, [*events, {"event": "user", "text": text}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, {"responses": {}}))
    return [m["text"] for m in dispatcher.messages]


def run_tool(tool: str, text: str, confidence: float, said_before: list[str] = ()) -> list[str]:
    """What ``action_tool_<tool>`` says to ``text`` (NLU ``confidence``), after the bot said ``said_before``."""
    from actions import replies

    action = next(a for a in (replies.ActionToolBreathing(), replies.ActionToolGrounding(), replies.ActionToolCheckin())
                  if a.tool == tool)
    return run_action(action, text, f"ask_{tool}", confidence, said_before)


@pytest.mark.parametrize("text, said", [
    ("i think ill just do practice problems", "you think you'll just do practice problems"),   # not "you think ill"
    ("i need to talk to him tonight but idk how to start", "you need to talk to him tonight but you don't know how to start"),
    ("one of them reacted with 💀", None),                          # the emoji was its object: nothing dangles
])
def test_a_clause_said_back_keeps_its_sense(text: str, said: str | None) -> None:
    assert echo.said_back(text) == said


@pytest.mark.parametrize("text, what", [
    ("should i just ask her straight up?", "ask her straight up"),
    ("should i say something or pretend it didnt happen", "say something or pretend it didn't happen"),
    ("is it weird if i text him first?", "text him first"),
    ("ok so do i tell my mum about it", "tell your mum about it"),
    ("should i stop taking my meds?", None),        # medicine: answered as a medical question
    ("should i just end it", None),                 # risk words: never said back
    ("how do i sleep better", None),                # asks how, weighs nothing
    ("what should i say to her", None),
])
def test_what_a_person_weighs_up_is_found(text: str, what: str | None) -> None:
    assert echo.dilemma(text) == what


def test_a_should_i_question_is_said_back_as_theirs_to_weigh_not_answered() -> None:
    answer = questions.ActionAnswerQuestion()
    said = run_action(answer, "should i just ask her straight up?", "ask_judgement")
    assert said[0] in [line.format(what="ask her straight up") for line in listening.bank().dilemma]
    medical = run_action(answer, "should i say something or pretend it didnt happen", "ask_medical")  # the NLU's misreading
    assert "whether to say something or pretend it didn't happen" in medical[0] and "medical" not in medical[0]
    assert run_action(answer, "should i stop taking my meds?", "ask_medical")[0] in listening.bank().answers["ask_medical"]


def test_a_tool_runs_when_asked_for_not_on_an_nlu_guess() -> None:
    grounding = bank.tool("grounding")
    assert run_tool("grounding", "can we do the 5-4-3-2-1 thing", 0.6) == grounding        # named: runs
    assert run_tool("breathing", "kannst du mir beim atmen helfen", 0.5)[0] == bank.tool("breathing", "de")[0]  # in German
    guessed = run_tool("grounding", "can you explain integration by parts like im 5", 0.7)
    assert guessed and guessed[0] not in grounding                                         # a guess: listens
    assert run_tool("grounding", "bring me back to the present", 0.95) == grounding         # sure: runs
    # sure again, but it ran two turns ago and the person did not name it: not the same exercise again
    again = run_tool("grounding", "bring me back to the present", 0.95, [*grounding, "How are you now?"])
    assert again and again[0] not in grounding


def test_the_language_a_person_writes_in() -> None:
    from actions.language import language_of

    assert language_of(["ich schlafe seit wochen total schlecht"]) == "de"
    assert language_of(["ok", "minha cachorra morreu ontem"]) == "pt"         # too short: the message before
    assert language_of(["ok"], "it-IT") == "it" and language_of(["ok"], "ja-JP") == "en"
    assert language_of(["my heart is racing and i dont know why", "hola"]) == "en"
    # a short line lingua alone reads as German does not switch an English conversation...
    english = ["like im exhausted all day then 11pm hits and im wide awake", "why do i always get a second wind at midnight"]
    assert language_of(["then i scroll tiktok till 2", *english]) == "en"
    # ...a clear switch does, at once
    assert language_of(["ich hab heute echt keinen bock mehr auf irgendwas", *english]) == "de"
    # a first message of only a greeting tells, when one language greets so
    assert language_of(["ciao"]) == "it" and language_of(["Bonjour !"]) == "fr" and language_of(["buenas"], "de-DE") == "es"
    assert language_of(["hallo"], "nl-BE") == "nl" and language_of(["hey"]) == "en"   # German and Dutch; English
    assert language_of(["whats up", "hii"]) == "en"   # lingua: German 0.22, English 0.21: too close to tell


def test_every_language_has_every_line_the_bot_says() -> None:
    import yaml

    from actions.language import I18N, translated

    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot/support/domain.yml").read_text())
    english = {name: [v["text"] for v in variants] for name, variants in domain["responses"].items()}
    languages = sorted(p.stem for p in I18N.glob("*.yml"))
    assert languages == ["de", "es", "fr", "it", "nl", "pt"]
    for lang in languages:
        lines = translated(lang)
        assert sorted(int(n) for n in lines["questions"]) == [1, 2, 3, 4, 5, 6], lang
        assert set(lines["responses"]) == set(english), lang
        for name, variants in english.items():
            assert len(lines["responses"][name]) == len(variants), (lang, name)
            assert all(("{minutes}" in v) == ("{minutes}" in variants[0]) for v in lines["responses"][name]), (lang, name)
        assert set(lines["strategies"]) == set(listening.STRATEGIES) and set(lines["tools"]) == {"breathing", "grounding",
                                                                                                 "checkin"}
        assert all("{" not in line for pool in lines["strategies"].values() for line in pool), lang
        assert "{emergency}" in lines["resources"]["full"] and "{lines}" in lines["resources"]["full"], lang


def test_a_german_speaker_is_screened_and_helped_in_german() -> None:
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import crisis_screen
    from actions.language import translated
    from actions.resources import resources_for

    german = translated("de")
    latest = {"text": "ich weiß nicht mehr weiter, alles ist sinnlos", "intent": {"name": "share_feelings"},
              "metadata": {}}
    tracker = Tracker("s", {}, latest, [{"event": "user", "text": latest["text"]}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(crisis_screen.ActionCrisisScreen().run(dispatcher, tracker, {"responses": {}}))
    assert [m["text"] for m in dispatcher.messages] == [german["questions"].get(1, german["questions"].get("1"))["ask"]]
    resources = resources_for("de").full("de")
    assert "0800 111 0 111" in resources and resources.startswith(german["resources"]["full"].split("{")[0])


@pytest.mark.parametrize("text, lang, expected", [
    ("7", "en", 7), ("maybe 3/10", "en", 3), ("6,5", "de", 6), ("five", "en", 5), ("fünf", "de", 5),
    ("ungefähr sieben", "de", 7), ("cinq", "fr", 5), ("Diez!", "es", 10), ("zero", "it", 0), ("nul", "nl", 0),
    ("dois", "pt", 2), ("een", "nl", 1), ("een beetje beter", "nl", None), ("no one asks me that", "en", None),
    ("ich weiß es nicht", "de", None), ("", "en", None),
])
def test_a_check_in_answer_is_read_as_a_digit_or_a_number_word(text: str, lang: str, expected) -> None:
    from actions import checkin

    assert checkin.score_of(text, lang) == expected


def test_the_check_in_answer_is_said_in_the_persons_language() -> None:
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import replies

    said = []
    for text, last in (("ich würde sagen vier", None), ("jetzt sechs", 4.0), ("keine Ahnung ehrlich gesagt", 6.0)):
        latest = {"text": text, "intent": {"name": "inform"}, "metadata": {}}
        events = [{"event": "user", "text": "Mir geht es heute nicht gut, alles ist zu viel"}, {"event": "user", "text": text}]
        tracker = Tracker("s", {"mood_score": last}, latest, events, False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        slots = asyncio.run(replies.ActionCheckinAnswer().run(dispatcher, tracker, {"responses": {}}))
        said.append((dispatcher.messages[0]["text"], slots))
    assert said[0][0].startswith("Danke. 4 von 10") and {"event": "slot", "name": "mood_score", "value": 4.0,
                                                          "timestamp": None} in said[0][1]
    assert said[1][0].startswith("6 von 10, mehr als letztes Mal, da war es 4")
    assert said[2][0].startswith("Das ist okay, wir können die Zahl auch weglassen")


def test_every_language_has_a_complete_listening_block() -> None:
    from actions.language import translated

    english = listening.bank()
    for lang in ("de", "fr", "es", "it", "nl", "pt"):
        block = translated(lang)["listening"]
        assert set(block["topics"]) == set(english.topics), lang
        assert all(topic["name"] and len(topic["words"]) >= 10 for topic in block["topics"].values()), lang
        assert set(block["feelings"]["by_label"]) == set(english.feeling_by_label), lang
        for name, entry in english.strategies.items():
            theirs = block["strategies"][name]["topic"]
            if isinstance(entry["topic"], dict):
                assert set(theirs) == set(entry["topic"]), (lang, name)
            else:
                assert len(theirs) == len(entry["topic"]), (lang, name)
                assert all(line.format(topic="T", feeling="F").count("T") >= 1 for line in theirs), (lang, name)
        assert all("{feeling}" in line for line in block["strategies"]["reflection"]["general"]), lang


@pytest.mark.parametrize("lang, text, topic, feeling", [
    ("de", "ich kann seit wochen nicht schlafen und bin so erschöpft", "sleep", "Erschöpfung"),
    ("es", "mi jefe me grita en el trabajo y estoy agotada", "work_school", "agotamiento"),
    ("nl", "ik voel me zo eenzaam sinds de verhuizing", "loneliness", "eenzaamheid"),
    ("it", "non riesco a dormire da giorni", "sleep", None),
])
def test_a_reflection_names_the_topic_and_feeling_in_the_persons_language(lang, text, topic, feeling) -> None:
    from actions.language import translated

    assert listening.topic_of(text, lang) == topic
    name = translated(lang)["listening"]["topics"][topic]["name"]
    line = listening.compose("reflection", text, "sadness", [], 0, lang)
    assert name in line and (feeling is None or feeling in line), line
    assert listening.compose("question", text, "sadness", [line], 0, lang) != line


@pytest.mark.parametrize("crisis, expected", [
    ({"flag": True, "turn_flag": False, "level": "high"}, "unclear"),  # the conversation's flag, not this answer's
    ({"flag": True, "turn_flag": True, "level": "high"}, "yes"),       # the answer itself is high risk
    ({"flag": False, "turn_flag": False, "explicit": True}, "yes"),    # warning-sign language in the answer
    ({"flag": True, "level": "high"}, "yes"),                          # the in-Rasa fallback: one message, flag
    ({}, "unclear"),
])
def test_an_unclear_screen_answer_counts_as_yes_only_when_it_carries_the_risk_itself(crisis, expected) -> None:
    from rasa_sdk import Tracker

    from actions.conversation import answer_of

    latest = {"text": "meu namorado tá sendo bem carinhoso pelo menos", "intent": {"name": "inform"},
              "metadata": {"emotion": {"available": True, "derived": {"crisis": crisis}}}}
    tracker = Tracker("s", {"screening_question": 2}, latest, [{"event": "user", "text": latest["text"]}], False,
                      None, {}, "action_listen")
    assert answer_of(tracker) == expected


def test_every_language_answers_every_question_and_hears_a_request_for_a_person() -> None:
    from actions import questions

    english = questions.answers("en")
    for lang in ("de", "fr", "es", "it", "nl", "pt"):
        own = questions.answers(lang)
        assert set(own) >= set(english) - {"person_now"}
        assert own["ask_privacy"] != english["ask_privacy"]                  # translated, not the English fallback
        assert all("{lines}" in line for line in own["ask_human_help"]), lang
    assert questions.wants_a_person_now("Can I talk to a real person please")
    assert questions.wants_a_person_now("ich will mit einem Menschen reden")
    assert not questions.wants_a_person_now("my person from work is annoying")


@pytest.mark.parametrize("text, expected", [
    ("is it normal to cry this much", True), ("r u a bot", True), ("kann man von schlaftabletten abhängig werden", True),
    ("sorry but how do i stop overthinking", True), ("est-ce que c'est grave", True), ("was that snitching", True),
    ("i keep thinking i should have seen it", False), ("bin so müde", False), ("my parents are getting divorced", False),
    ("i knew he was struggling. we all did", False),
])
def test_a_question_is_told_from_a_statement_in_seven_languages(text: str, expected: bool) -> None:
    from actions.question_form import is_question

    assert is_question(text) is expected


@pytest.mark.parametrize("text, greeting", [
    ("hey", True), ("hi again!", True), ("hey hows it going", True), ("ciao", True), ("e aí", True), ("guten morgen", True),
    ("ok", False), ("haha fair", False), ("anyway", False), ("super tired", False),
    ("hi, my exam went really badly today", False),          # says more than hello: listened to
])
def test_a_greeting_is_told_from_an_acknowledgement_the_nlu_may_read_as_one(text: str, greeting: bool) -> None:
    assert listening.is_greeting(text) is greeting



def test_a_message_read_as_a_greeting_mid_conversation_is_listened_to_unless_it_greets() -> None:
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import replies

    domain = {"responses": {"utter_greet": [{"text": "Hi, I'm here to listen. How are you feeling today?"}]}}

    def greet(text: str, earlier: list[str]) -> str:
        latest = {"text": text, "intent": {"name": "greet", "confidence": 0.9}, "metadata": {}}
        events = [e for said in earlier for e in ({"event": "user", "text": said}, {"event": "bot", "text": "mm"})]
        tracker = Tracker("s", {}, latest, [*events, {"event": "user", "text": text}], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        asyncio.run(replies.ActionGreet().run(dispatcher, tracker, domain))
        return " ".join(m["text"] for m in dispatcher.messages)

    hello = domain["responses"]["utter_greet"][0]["text"]
    assert greet("hey", []) == hello                                              # the first message
    assert greet("hi again", ["im anxious about my flight", "i hate flying"]) == hello
    for said in ("ok", "haha fair", "anyway"):                                   # mid-conversation, greeting nobody
        reply = greet(said, ["im anxious about my flight", "i hate flying"])
        assert reply and reply != hello, said
    assert greet("hi my name is sam", []).startswith("Nice to meet you, Sam.")    # welcomed by name


@pytest.mark.parametrize("text, lang, welcome, rest", [
    ("hi my name is sam", "en", "Nice to meet you, Sam.", None),
    ("my name is sam and ive been feeling really low", "en", "Nice to meet you, Sam.", "you've been feeling really low"),
    ("My name's Jean-Luc, work is crushing me lately", "en", "Nice to meet you, Jean-Luc.", "work is crushing you lately"),
    ("my names sam lol", "en", "Nice to meet you, Sam.", None),
    ("hallo ich heiße anna und mir geht es nicht gut", "de", "Schön, dich kennenzulernen, Anna.", "mir geht es nicht gut"),
    ("salut, je m'appelle léa", "fr", "Bienvenue, Léa.", None),
    ("me llamo ana y estoy muy cansada", "es", "Mucho gusto, Ana.", "estoy muy cansada"),
    ("ciao mi chiamo giovanni", "it", "Piacere di conoscerti, Giovanni.", None),
    ("hoi ik heet bram", "nl", "Leuk je te leren kennen, Bram.", None),
    ("oi, meu nome é ana e to triste", "pt", "Prazer em te conhecer, Ana.", "to triste"),
])
def test_the_persons_own_name_is_welcomed_and_the_rest_answered(text: str, lang: str, welcome: str, rest) -> None:
    for strategy in ("question", "reflection"):
        line = listening.compose(strategy, text, "sadness", [], lang=lang)
        assert line.startswith(welcome + " "), (strategy, line)
        assert "name" not in line[len(welcome):].lower() and "heiße" not in line
        if rest is None:
            assert line[len(welcome) + 1:] in listening.listening_in(lang).ask
        else:
            assert rest in line


@pytest.mark.parametrize("text", [
    "my name is not important", "whats my name again", "ich heiße nicht gut, was er macht",
    "my name is sam and i want to die",                          # risk words: the crisis flow, no small talk
])
def test_no_welcome_where_no_name_is_told_or_at_risk(text: str) -> None:
    assert not any(line.startswith(("Nice to meet", "Schön, dich")) for line in
                   (listening.compose("question", text, "sadness", [], lang=lang) for lang in ("en", "de")))


def test_a_tool_asked_for_during_the_screen_comes_first_and_the_screen_is_let_pass() -> None:
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    import yaml

    from actions import conversation, crisis_screen

    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot/support/domain.yml").read_text())

    def screen(text: str, intent: str) -> tuple[list[str], dict]:
        latest = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "metadata": {}}
        slots = {"screening_question": 2.0, "screening_answers": [[1, "yes"]], "screening_retry": False}
        events = [{"event": "user", "text": "i feel awful"}, {"event": "bot", "text": "Have you wished you were dead?"}]
        tracker = Tracker("s", slots, latest, [*events, {"event": "user", "text": text}], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        out = asyncio.run(crisis_screen.ActionCrisisScreen().run(dispatcher, tracker, domain))
        return [m["text"] for m in dispatcher.messages], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}

    said, slots = screen("can we do the 5-4-3-2-1 grounding thing first", "ask_grounding")
    assert said[:len(bank.tool("grounding"))] == bank.tool("grounding")
    assert "If you're in danger right now" in said[-1]                   # and how to get help now
    assert slots["screening_question"] is None and slots["screen_skipped_at_turn"] is not None
    said, slots = screen("yes, sometimes", "affirm")                     # an answer still goes on with the screen
    assert slots["screening_question"] == 3
    said, slots = screen("thx ttyl", "goodbye")                           # leaving: a warm close, not the next question
    assert said[0] in {v["text"] for v in domain["responses"]["utter_leaving_at_risk"]}
    assert "If you're in danger right now" in said[-1] and slots["screening_question"] is None
    said, slots = screen("are you a real person?", "bot_challenge")      # answered, then the question again
    assert said == [domain["responses"]["utter_iamabot"][0]["text"], screener.questions("en")[2].again]
    assert slots == {"screening_retry": True}
    said, slots = screen("why do you ask?", "nlu_fallback")              # why: answered, then asked again (third reading, M8)
    assert said == [domain["responses"]["utter_screen_why"][0]["text"], screener.questions("en")[2].again]
    said, slots = screen("sorry, what was the question?", "nlu_fallback")  # the question again, not a refusal (M9)
    assert said == [screener.questions("en")[2].ask] and slots == {}
    said, slots = screen("nvm, ignore that", "nlu_fallback")             # taken back: let pass, not thanked for an answer
    assert said[0] == conversation.response(domain, "utter_screen_skipped") and "If you're in danger right now" in said[-1]
    assert slots["screening_question"] is None and slots["screen_skipped_at_turn"] is not None


def test_resources_for_a_language_spoken_in_several_countries_name_them_and_a_locale_picks_one() -> None:
    from actions.resources import resources_for

    assert "188" in resources_for("pt").short("pt") and "213 544 545" in resources_for("pt").full("pt")  # Brazil first
    assert "188" not in resources_for("pt-PT").full("pt")
    assert "142" in resources_for("de-AT").short("de") and "143" in resources_for("de").full("de")
    assert "findahelpline" in resources_for("es").full("es") and "800 911 2000" in resources_for("es-MX").short("es")


@pytest.mark.parametrize("text, locale", [
    ("I am in Germany", "de-DE"), ("ich wohne in Österreich", "de-AT"), ("je suis en Belgique", "fr-BE"),
    ("im from the uk but live in spain", "es-ES"), ("moro no Brasil", "pt-BR"), ("vivo en México", "es-MX"),
    ("I'm in Australia, where can I get help?", "en-AU"), ("I'm in India", "en-IN"), ("I'm in Canada btw", "en-CA"),
    ("my mum is in hospital", None), ("i want to go to italy one day", None),
])
def test_the_country_a_person_says_they_are_in(text: str, locale) -> None:
    from actions.resources import country_locale

    assert country_locale(text) == locale


def test_a_country_with_lines_in_the_persons_language_gets_them() -> None:
    # second exploratory reading: Canada gave an English speaker a French line name; es-US got Spain's 024
    from actions.resources import country_locale, resources_for

    assert country_locale("je suis au Canada", "fr") == "fr-CA" and country_locale("ik woon in België", "nl") == "nl-BE"
    assert country_locale("vivo en estados unidos", "es") == "es-US" and "988" in resources_for("es-US").short("es")
    assert "prévention" not in resources_for(country_locale("I'm in Canada", "en")).full("en")
    assert "142" not in resources_for(country_locale("I am in Germany", "en")).full("en")        # Germany's lines only
    assert "13 11 14" in resources_for(country_locale("I'm in Australia", "en")).full("en")


def test_a_person_who_says_where_they_are_gets_the_lines_there_and_keeps_them() -> None:
    # exploratory reading of the demo: "I am in Germany" got "That's a lot to be carrying", and the
    # handoff that followed gave 911 and 988
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import conversation, replies

    said = run_action(replies.ActionSupportRestatement(), "I am in Germany", "nlu_fallback", 0.3)
    assert len(said) == 1 and "0800 111 0 111" in said[0] and "112" in said[0] and "988" not in said[0]
    latest = {"text": "ok", "intent": {"name": "affirm", "confidence": 0.9}, "metadata": {"locale": "en-US"}}
    events = [{"event": "user", "text": "I am in Germany"}, {"event": "bot", "text": said[0]}, {"event": "user", "text": "ok"}]
    tracker = Tracker("s", {}, latest, events, False, None, {}, "action_listen")
    say = conversation.Say(CollectingDispatcher(), tracker)
    assert "0800 111 0 111" in say.help_now.short("en") and "988" not in say.help_now.full("en")  # over the page's en-US
    dispatcher = CollectingDispatcher()
    asyncio.run(replies.ActionSupportRestatement().run(dispatcher, tracker, {"responses": {}}))
    assert dispatcher.messages and "Where you are" not in dispatcher.messages[0]["text"]  # said once, not to every message


@pytest.mark.parametrize("text, asks", [
    ("can you give me a number to call?", True), ("who can i call", True), ("is there a helpline number", True),
    ("gibt es eine nummer, die ich anrufen kann?", True), ("tu as un numéro à appeler ?", True),
    ("does my phone number get stored", False), ("the number of people who get it", False), ("i called my mum", False),
])
def test_a_request_for_a_number_is_heard_whatever_the_nlu_read(text: str, asks: bool) -> None:
    assert questions.asks_for_a_number(text) == asks
    if asks and text.startswith("can you"):  # read as a question about what the bot can do
        said = run_action(questions.ActionAnswerQuestion(), text, "ask_capability", 0.8)
        assert len(said) == 1 and "988" in said[0] and "Would" in said[0]


@pytest.mark.parametrize("messages, lang", [
    (["idk whats wrong w me tbh", "heyy"], "en"),           # read as Dutch before (exploratory reading of the demo)
    (["ngl i cant sleep rn"], "en"),
    (["ich bin im keller und weiß nicht weiter"], "de"), (["kunt u mij helpen, ik voel me slecht"], "nl"),
])
def test_english_chat_shorthand_reads_as_english_and_other_languages_keep_theirs(messages: list, lang: str) -> None:
    from actions.language import language_of

    assert language_of(messages, "en-US") == lang


@pytest.mark.parametrize("text", ["hello?", "you there?", "are you still there?", "u there??", "bist du noch da?",
                                  "t'es là ?", "¿sigues ahí?", "ci sei?", "ben je er nog?", "você está aí?"])
def test_a_person_checking_the_bot_is_there_mid_conversation_is_told_so(text: str) -> None:
    # exploratory reading of the demo: "hello?" after "I failed my driving test for the third time" was
    # greeted as a new conversation; "you there?" got "When did you first notice things feeling this way?"
    from actions import replies

    assert still_here.still_there(text)
    said = run_action(replies.ActionGreet(), text, "greet", 0.9, ["It sounds like you failed your driving test again."])
    assert len(said) == 2 and said[0] in {line for lang in ("en", "de", "fr", "es", "it", "nl", "pt")
                                          for line in questions.answers(lang)["still_here"]}
    assert not said[1].startswith(("Hi", "Hallo", "Salut", "Hola", "Ciao", "Olá"))


@pytest.mark.parametrize("text", ["hello", "hi, is anyone there?", "hello? my dad died", "are you a bot?"])
def test_a_greeting_or_a_message_is_no_check_that_the_bot_is_there(text: str) -> None:
    from actions import replies

    assert not still_here.still_there(text)


@pytest.mark.parametrize("text, intent", [("I feel down", "share_feelings"), ("I'm in the US", "ask_human_help"),
                                          ("is there a helpline in India?", "ask_human_help"), ("yeah maybe later", "affirm")])
def test_only_a_clear_yes_to_the_offer_of_a_person_opens_a_handoff(text: str, intent: str) -> None:
    # second exploratory reading: "I feel down" and "I'm in the US" after the offer each opened a handoff
    said = run_action(questions.ActionAnswerOffer(), text, intent, 0.9, ["... Would you like that?"])
    assert said and not any("join" in line for line in said)
    if "US" in text:
        assert "988" in said[0]                                       # the lines where they are, instead


@pytest.mark.parametrize("text, yes", [("yes", True), ("ok please", True), ("ja gerne", True), ("sure, thanks", True),
                                       ("ok no thanks", False), ("yeah maybe later", False), ("I feel down", False)])
def test_a_clear_yes_to_an_offer(text: str, yes: bool) -> None:
    assert screener.says_yes(text) is yes


def test_a_late_answer_to_a_screen_let_pass_resumes_it() -> None:
    # second exploratory reading: "kind of" a turn after the screen was let pass got "You're welcome"
    import asyncio

    import yaml
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import crisis_screen

    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot/support/domain.yml").read_text())

    def turn(text: str, slots: dict) -> tuple[list[str], dict]:
        latest = {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.3}, "metadata": {}}
        events = [{"event": "user", "text": "what if i just didnt exist"}, {"event": "bot", "text": "Have you ...?"},
                  {"event": "user", "text": text}]
        dispatcher = CollectingDispatcher()
        out = asyncio.run(crisis_screen.ActionCrisisScreen().run(dispatcher, Tracker("s", slots, latest, events, False, None, {},
                                                                                   "action_listen"), domain))
        return [m["text"] for m in dispatcher.messages], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}

    said, slots = turn("why do you want to know", {"screening_question": 1.0, "screening_retry": True})
    assert slots["screen_resumable"] == 1.0 and slots["screening_question"] is None          # let pass, for now
    said, slots = turn("kind of", {"screen_resumable": 1.0})
    assert said == [screener.questions("en")[2].ask] and slots["screening_question"] == 2      # resumed: the next question
    said, slots = turn("anyway what should i cook tonight", {"screen_resumable": 1.0})
    assert slots == {"last_strategy": "question", "screen_resumable": None} and len(said) == 1  # listened to, and done


def test_asked_to_stop_asking_questions_the_bot_listens_without_them() -> None:
    # second exploratory reading: "can you please stop asking me questions and just listen" got a capability
    # blurb ending in a question, and more questions followed
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import replies

    assert replies.stops_questions("can you please stop asking me questions and just listen")
    assert replies.stops_questions("you're doing it again with the questions") and not replies.stops_questions("any questions?")
    said = run_action(questions.ActionAnswerQuestion(), "can you please stop asking me questions and just listen",
                      "ask_capability", 0.8, ["What's on your mind?"])
    assert said == ["Of course. I'm listening, take your time."]
    for turn in range(2, 5):
        latest = {"text": "it just hurts because I try so hard for her", "intent": {"name": "share_feelings"}, "metadata": {}}
        events = [e for _ in range(turn - 1) for e in ({"event": "user", "text": "..."}, {"event": "bot", "text": "ok"})]
        tracker = Tracker("s", {"listen_only_until": 4.0}, latest, [*events, {"event": "user", "text": latest["text"]}],
                          False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        asyncio.run(replies.ActionSupportQuestion().run(dispatcher, tracker, {"responses": {}}))
        assert dispatcher.messages and "?" not in dispatcher.messages[0]["text"].replace("maybe?", ""), turn


def test_three_replies_that_give_nothing_back_get_less_pressure_not_another_question() -> None:
    # second exploratory reading: "meh", "k", "idk", "...", "meh", "k" got six probing questions in a row
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import replies

    def reply(texts: list[str], said: list[str]) -> str:
        events = [e for t, b in zip(texts, said + [""]) for e in ({"event": "user", "text": t}, {"event": "bot", "text": b})][:-1]
        latest = {"text": texts[-1], "intent": {"name": "nlu_fallback"}, "metadata": {}}
        dispatcher = CollectingDispatcher()
        asyncio.run(replies.ActionSupportQuestion().run(dispatcher, Tracker("s", {}, latest, events, False, None, {},
                                                                              "action_listen"), {"responses": {}}))
        return dispatcher.messages[0]["text"]

    no_words = questions.answers("en")["no_words"][0]
    assert reply(["meh", "k", "idk"], ["a", "b"]) == no_words
    assert reply(["meh", "k", "..."], ["a", no_words]) != no_words                     # not again at once
    assert reply(["i feel awful", "k", "idk"], ["a", "b"]) != no_words


@pytest.mark.parametrize("text, locale, expected", [
    ("what about texting, I can't talk on the phone", "en-US", "741741"),
    ("i cant talk right now, my parents are home", "en-GB", "85258"),
    ("kann ich eine sms schreiben?", "de-DE", "findahelpline"),
])
def test_a_person_who_cannot_talk_on_the_phone_is_given_the_lines_that_take_texts(text: str, locale: str,
                                                                                      expected: str) -> None:
    # second exploratory reading: "what about texting, I can't talk on the phone" got the phone numbers again
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import conversation, crisis

    latest = {"text": text, "intent": {"name": "nlu_fallback"}, "metadata": {"locale": locale}}
    tracker = Tracker("s", {}, latest, [{"event": "user", "text": text}], False, None, {}, "action_listen")
    line = crisis.how_to_get_help(conversation.Say(CollectingDispatcher(), tracker), tracker)
    assert expected in line and ("emergency" in line.lower() or "Notfall" in line)


def test_a_city_named_picks_its_countrys_lines() -> None:
    # third exploratory reading, H9: "I'm in London, who can I call?" got the US lines
    from actions.resources import country_locale

    assert country_locale("I'm in London, who can I call?") == "en-GB"
    assert country_locale("ich wohne in wien") == "de-AT" and country_locale("moro em são paulo") == "pt-BR"
    assert country_locale("in nice weather i walk") is None



def test_no_offer_of_the_lines_to_a_person_who_has_help_or_is_fine() -> None:
    # third exploratory reading, M4: "I called the helpline and I'm seeing a therapist now" was offered the helpline
    from actions import questions

    said = run_action(questions.ActionOfferWhenLow(), "I called the helpline and I'm seeing a therapist now", "share_feelings")
    assert said == bank.answers("en")["has_help_line"]
    offer = run_action(questions.ActionOfferWhenLow(), "still feeling low, every day the same", "share_feelings")
    assert "I can also ask a person from our team" in offer[0]


def test_an_attempt_under_way_and_answers_to_the_medicine_question_come_first() -> None:
    # fourth exploratory reading, H1/H4: car exhaust, "a lot of blood", a yes to "have you taken any?", pills by the bed
    handoff = listening.bank().handoff
    assert handoff_answers.handoff_lines("I sat in the garage with the car running", []) == handoff["attempt"]["lines"]
    assert handoff_answers.handoff_lines("i cut my wrists, theres a lot of blood", [])[0] == handoff["attempt"]["lines"][0]
    asked = handoff["medicine"]["lines"][0].format(medicine="pills")
    assert handoff_answers.asked_if_taken([asked]) and not handoff_answers.asked_if_taken(["Yes, I'm still here."])
    yes = handoff_answers.handoff_lines("yeah I think I might", [], "en", ["i have all my pills here"], True, None, True)
    assert yes == handoff["taken"]["lines"]
    assert handoff_answers.handoff_lines("no not yet", [], "en", ["i have all my pills here"], True, None, True) == []
    here = handoff_answers.handoff_lines("i have them in a box next to my bed", [], "en", ["ive thought about taking all my pills"])
    assert here == handoff["means_here"]["lines"]
    assert handoff_answers.handoff_lines("my phone is next to my bed", [], "en", ["hello"]) == []


def test_self_harm_as_coping_and_a_plea_for_secrecy_are_answered_while_waiting() -> None:
    # fourth exploratory reading, H6: "it helps me feel something", "please don't tell anyone" got
    # "I'm here. Your words are being passed on right now."
    cut = ["I cut myself last night"]
    coping, = handoff_answers.handoff_lines("it's not the first time. it helps me feel something", [], "en", cut)
    assert "way to cope" in coping and "injuries" in coping
    assert handoff_answers.handoff_lines("no, I don't want to die. I just want the feeling to stop", [coping], "en", cut) == []
    assert handoff_answers.handoff_lines("i dont want to die but i cant go on like this", [], "en", ["everything is too much"]) \
        != [coping]                                                       # no self-harm said: not read as coping
    secret, = handoff_answers.handoff_lines("please don't tell anyone", [], "en", cut)
    assert "can read this chat" in secret and "passed on" not in secret
    german, = handoff_answers.handoff_lines("bitte sag es niemandem", [], "de", cut)
    assert "Chat lesen" in german


@pytest.mark.parametrize("text", ["sorry I was away. are you still there?", "hello?", "im back",
                                  "actually the thoughts are coming back", "??? nadie me contesto"])
def test_coming_back_after_a_resolved_handoff_gets_a_safety_check_and_the_offer_of_the_person(text: str) -> None:
    # fourth exploratory reading, H17: resolved with no answer from the person, who came back to
    # "You've been dealing with a lot, and you're still reaching out."
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import replies

    latest = {"text": text, "intent": {"name": "share_feelings", "confidence": 0.9}, "metadata": {"locale": "en-US"}}
    events = [{"event": "user", "text": "everyone would be better off if I was dead"}, {"event": "bot", "text": "..."},
              {"event": "user", "text": text}]
    for resolved_at, checked in ((1.0, True), (None, False)):
        tracker = Tracker("s", {"handoff_resolved_at": resolved_at}, latest, events, False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        out = asyncio.run(replies.ActionSupportReflection().run(dispatcher, tracker, {"responses": {}}))
        said = " ".join(m["text"] for m in dispatcher.messages)
        assert ("are you safe right now?" in said and "988" in said) == checked, said
        assert ({"event": "slot", "name": "offered_person", "value": True, "timestamp": None} in out) == checked


def test_a_short_wait_is_never_about_1_minutes() -> None:
    from actions.handoff_presence import waiting_line

    domain = {"responses": {"utter_handoff_waiting_time": [{"text": "about {minutes} minutes"}]}}
    assert waiting_line({"status": "open", "expected_wait_s": 40, "waiting_s": 5}, domain, [], "en") == "about 2 minutes"
    assert waiting_line({"status": "open", "expected_wait_s": 300, "waiting_s": 5}, domain, [], "en") == "about 5 minutes"


def test_a_handoff_the_person_only_asked_for_is_not_told_to_call_emergency_services_when_delayed() -> None:
    # fourth exploratory reading, M4: "can I talk to a person?" -> two minutes later "Please don't wait
    # for us. Call one of these numbers now" with 911 and 988
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import crisis

    latest = {"text": "/handoff_waiting", "intent": {"name": "handoff_waiting", "confidence": 1.0}, "metadata": {"locale": "en-US"}}
    events = [{"event": "user", "text": "can I talk to a person?"}, {"event": "bot", "text": "..."}]
    domain = {"responses": {"utter_handoff_delayed": [{"text": "Please don't wait for us. Call one of these numbers now."}]}}
    for asked, calm in ((True, True), (False, False)):
        tracker = Tracker("s", {"handoff_active": True, "handoff_asked": asked}, latest, events, False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        asyncio.run(crisis.ActionHandoffWaiting().run(dispatcher, tracker, domain))
        said = " ".join(m.get("text") or "" for m in dispatcher.messages)
        assert ("nobody from our team is free yet" in said and "988" not in said) == calm, said


def test_a_plan_or_a_time_said_while_waiting_is_answered_with_more_worry() -> None:
    # fifth exploratory reading, H12: "tonight probably", "sì, ho un piano" got "I hear you, and I'm still here"
    plan, = handoff_answers.handoff_lines("tonight probably", [], "en")[:1]
    assert "more worried" in plan and "emergency number" in plan
    assert "sicurezza" in handoff_answers.handoff_lines("sì, ho un piano", [], "it")[0]
    assert not any("more worried" in line for line in handoff_answers.handoff_lines("i dont have a plan, i just feel awful", [], "en"))
    assert not any("more worried" in line for line in handoff_answers.handoff_lines("my sister comes over tonight", [], "en"))


def test_means_put_away_already_are_not_asked_about_again() -> None:
    # fifth exploratory reading, M7: "ok i put them in the kitchen" got "Could you put them somewhere out of reach"
    assert handoff_answers.handoff_lines("ok i put them in the kitchen", [], "en", ["the pills are on my desk"]) == []
    assert handoff_answers.handoff_lines("the pills are in the kitchen", [], "en", [])   # not done yet: asked
