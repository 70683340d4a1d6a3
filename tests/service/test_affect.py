"""Derived affective states (emotion.affect): risk patterns, the trained heads, evaluations."""
from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from emotion.affect.data import TutoringItem, is_test, load_mathbuddy, mathbuddy_path, tutoring_conversations
from emotion.affect.message import STUDENT_CLASSES
from emotion.affect.model import TUTORING_CLASSES, noisy_or
from emotion.affect.patterns import match_boredom, match_confusion, match_frustration, match_risk
from emotion.data.meld import data_dir



@pytest.mark.parametrize("text, name", [
    ("I want to kill myself", "kill myself"),
    ("i just wanna die", "want to die"),
    ("I've been thinking about suicide", "suicide"),
    ("there's no reason to live anymore", "no reason to live"),
    ("I took all my pills", "pills"),
    ("I dont want to live anymore", "can't go on"),
    ("I'm going to end my life tonight", "end my life"),
])
def test_risk_language_is_matched(text, name) -> None:
    assert name in match_risk(text)


@pytest.mark.parametrize("text", [
    "I feel so sad today", "my grandmother died last week and I miss her", "this exam is killing me",
    "I'm dying to see that movie", "I failed my driving test, I'm so disappointed", "",
])
def test_ordinary_sadness_is_not_risk_language(text) -> None:
    assert match_risk(text) == []


def test_tutoring_cue_phrases() -> None:
    assert match_confusion("I don't get it") and match_confusion("wait, what does that mean?")
    assert match_frustration("ugh I give up") and match_boredom("this is so boring")
    assert not match_confusion("3/4") and not match_frustration("1/2") and not match_boredom("ok 2/5")


def test_noisy_or() -> None:
    assert noisy_or() == 0.0 and noisy_or(0.5, 0.5) == pytest.approx(0.75) and noisy_or(1.0, 0.2) == 1.0
    assert noisy_or(-1.0, 2.0) == 1.0


def test_held_out_split_is_deterministic() -> None:
    assert [is_test(f"user-{i}") for i in range(50)] == [is_test(f"user-{i}") for i in range(50)]
    assert 0.1 < sum(is_test(f"user-{i}") for i in range(500)) / 500 < 0.3


@pytest.fixture(scope="module")
def model():
    from emotion.affect import AffectModel

    return AffectModel.load(threads=1)


def test_derive_flags_crisis_and_not_ordinary_sadness(model) -> None:
    crisis = model.derive("I can't do this anymore. I want to end my life.", None, {})
    assert crisis["crisis"]["flag"] is True and "end my life" in crisis["crisis"]["matched"]
    assert crisis["crisis"]["risk"] >= 0.95 and crisis["distress"] >= 0.95
    sad = model.derive("I'm sad that my best friend moved to another city.", None, {})
    assert sad["crisis"]["flag"] is False and sad["crisis"]["matched"] == []
    assert 0.0 <= sad["distress"] <= 1.0 and sad["crisis"]["risk"] < model.crisis_threshold
    assert set(sad["tutoring"]) == {"confusion", "frustration", "boredom", "engagement", "cues"}


def test_tutoring_states_follow_text_and_cues(model) -> None:
    calm = model.derive("3/4", None, {})["tutoring"]
    confused = model.derive("I don't get it", None, {"wrong_in_a_row": 2})["tutoring"]
    assert confused["confusion"] >= 0.8 > calm["confusion"]
    angry_state = {"probabilities": {"anger": 0.9}, "confidence": 0.9}
    frustrated = model.derive("ugh I give up", angry_state, {"wrong_in_a_row": 3, "hint_requests": 2})["tutoring"]
    assert frustrated["frustration"] >= 0.9 and frustrated["engagement"] < 0.5
    bored = model.derive("this is boring", None, {"response_time_s": 90})["tutoring"]
    assert bored["boredom"] >= 0.8 and "bored" in bored["cues"]
    # cues alone move the states even when the words say nothing
    slow_wrong = model.derive("3/4", None, {"wrong_in_a_row": 4, "hint_requests": 2})["tutoring"]
    assert slow_wrong["confusion"] > calm["confusion"] and slow_wrong["frustration"] > calm["frustration"]
    empty = model.derive("", None, {})
    assert empty["crisis"] == {"risk": 0.0, "flag": False, "matched": []}


def test_crisis_evaluation_on_a_small_csv(model, tmp_path) -> None:
    from emotion.evaluation.crisis import evaluate

    path = tmp_path / "crisis.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["text", "crisis"])
        w.writerows([["I want to kill myself tonight", 1], ["I have pills saved up, I'm going to overdose", 1],
                     ["I miss my dog so much, I cried all day", 0], ["I'm bummed the concert was cancelled", 0]])
    from emotion.crisis.detector import CrisisDetector

    detector = CrisisDetector.load(embedder=model.embedder)
    report = evaluate(path, tmp_path / "out.json", detector=detector)["statements"]
    assert report["recall"] == 1.0 and report["n"] == 4 and report["false_alarm_rate"] == 0.0
    assert json.loads((tmp_path / "out.json").read_text())["statements"]["positives"] == 2


def test_tutoring_evaluation_on_mathbuddy_items(model, tmp_path) -> None:
    from emotion.evaluation.tutoring import evaluate

    every = load_mathbuddy(mathbuddy_path(data_dir()))
    ids = list(dict.fromkeys(it.id for it in every))[:6]
    items = [it for it in every if it.id in ids]
    path = tmp_path / "mb.json"
    path.write_text(json.dumps([{"id": it.id, "emotion": it.emotion, "polarity": it.polarity, "utterance": it.utterance,
                                 "history": json.dumps(it.history)} for it in items]))
    report = evaluate(path, model=model)
    assert report["n"] == 6 < report["rows"]["n"] == len(items)
    assert 0.0 <= report["accuracy"] <= 1.0 and "macro_f1" in report["student_head"]


class _FixedReader:
    """Reads every conversation as the emotion its utterance names (unit-test stand-in)."""

    def tutoring_probs(self, utterances, histories) -> np.ndarray:
        return np.array([[float(u == c) for c in TUTORING_CLASSES] for u in utterances])

    def student_probs(self, utterances) -> np.ndarray:
        return np.array([[float(u == c) for c in STUDENT_CLASSES] for u in utterances])


def test_mathbuddy_is_scored_per_conversation_against_its_main_emotion(tmp_path) -> None:
    from emotion.evaluation.tutoring import evaluate

    rows = [("1", "neutral", 3, "neutral"), ("1", "boredom", 1, "neutral"),      # main: neutral
            ("2", "boredom", 2, "boredom"),                                         # main: boredom
            ("3", "engagement", 2, "boredom"), ("3", "boredom", 2, "boredom"),  # a tie: either is right
            ("4", "engagement", 3, "neutral"), ("4", "neutral", 1, "neutral")]  # main: engagement
    path = tmp_path / "mb.json"
    path.write_text(json.dumps([{"id": i, "emotion": e, "polarity": p, "utterance": u, "history": "[]"}
                                for i, e, p, u in rows]))
    report = evaluate(path, model=_FixedReader())
    assert report["n"] == 4 and report["accuracy"] == 0.75            # only conversation 4 is wrong
    assert report["confusion_matrix"][0] == [0, 1, 0]                 # engagement read as neutral
    assert report["rows"]["n"] == 7 and report["rows"]["accuracy"] == 4 / 7
    assert report["student_head"]["accuracy"] == 0.75


def test_conversations_keep_the_highest_intensity_of_each_emotion() -> None:
    items = [TutoringItem("7", "boredom", "ya", [], 1), TutoringItem("7", "neutral", "ya", [], 2),
             TutoringItem("7", "boredom", "ya", [], 3), TutoringItem("8", "neutral", "no", [], 0)]
    a, b = tutoring_conversations(items)
    assert a.intensity == {"boredom": 3, "neutral": 2} and a.main == ("boredom",)
    assert a.target("neutral") == "boredom" and a.target("boredom") == "boredom"
    assert b.main == ("neutral",) and b.intensity == {"neutral": 1}


def test_the_row_level_ceiling_is_exact_on_a_small_case() -> None:
    from benchmarks.mathbuddy_ceiling import best_row_scores

    # two rows (0 and 1) on one conversation, one row (2) on another: at most one of the first two
    assert best_row_scores([[0], [1], [2]]) == (1.0, 1.0)
    # answering 0 on the first: F1_0 = 2·1/(2+1), F1_1 = 0, F1_2 = 1 (answering 1 is symmetric)
    macro, acc = best_row_scores([[0, 1], [2]])
    assert acc == 2 / 3 and macro == pytest.approx((2 / 3 + 0 + 1) / 3)


def test_service_states_follow_the_customer(model) -> None:
    fed_up = model.derive("this is the THIRD time i'm asking, where is my refund?!", None, {})["service"]
    pleased = model.derive("that fixed it, thank you so much!", None, {})["service"]
    calm = model.derive("what's the delivery address on order 5521", None, {})["service"]
    assert fed_up["frustration"] > 0.5 > fed_up["satisfaction"]
    assert pleased["satisfaction"] > 0.5 > pleased["frustration"]
    assert max(calm.values()) < 0.5
    # an angry tracked state lifts frustration and tempers satisfaction of the same words
    angry_state = {"probabilities": {"anger": 0.9}, "confidence": 0.9}
    after_anger = model.derive("ok thanks", angry_state, {})["service"]
    alone = model.derive("ok thanks", None, {})["service"]
    assert after_anger["frustration"] > alone["frustration"] and after_anger["satisfaction"] < alone["satisfaction"]


def test_service_evaluation_on_a_small_csv(model, tmp_path) -> None:
    from emotion.evaluation.service_affect import evaluate

    path = tmp_path / "service.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "label", "category", "lang"])
        w.writerows([["a", "this app is useless, nothing works and nobody answers!!", "frustration", "x", "en"],
                     ["b", "perfect, sorted, thanks a lot", "satisfaction", "x", "en"],
                     ["c", "can i change my billing address", "neither", "x", "en"]])
    report = evaluate(path, tmp_path / "out.json", model=model)
    assert report["head"]["n"] == 3 and report["head"]["accuracy"] == 1.0
    assert report["groups"]["lang=en"]["n"] == 3 and json.loads((tmp_path / "out.json").read_text())["data"] == str(path)
