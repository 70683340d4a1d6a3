"""The per-person baselines: their statistics, how a reading is taken against one, and their life in the mood log."""
from __future__ import annotations

import numpy as np
import pytest
from sqlmodel import Session

from emotion.tracking.baseline import PersonBaseline
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.models import PersonBaselineRow
from emotion.moodlog.repository import MoodLog, TurnToLog

SPACE = "whisper-tiny.en:mean+std"


def test_running_statistics_equal_the_batch_ones() -> None:
    x = np.random.default_rng(3).normal(2.0, 3.0, size=(40, 5))
    baseline = PersonBaseline.of(x)
    assert baseline.n == 40
    assert np.allclose(baseline.mean, x.mean(0)) and np.allclose(baseline.m2 / baseline.n, x.var(0))
    again = PersonBaseline.from_json(baseline.to_json())
    assert again.n == 40 and np.allclose(again.m2, baseline.m2)


def test_no_history_reads_against_the_population_and_a_long_one_against_the_person() -> None:
    rng = np.random.default_rng(4)
    prior_mean, prior_var = np.zeros(3), np.ones(3)
    x = np.array([5.0, 5.0, 5.0])
    assert np.allclose(PersonBaseline.empty(3).normalise(x, prior_mean, prior_var, 2.0), x, atol=1e-3)
    own = PersonBaseline.of(rng.normal(5.0, 0.5, size=(500, 3)))  # this person always sounds like x
    z = own.normalise(x, prior_mean, prior_var, 2.0)
    assert np.all(np.abs(z) < 0.2)  # nothing unusual for them
    few = PersonBaseline.of(rng.normal(5.0, 0.5, size=(2, 3)))
    assert np.all(np.abs(few.normalise(x, prior_mean, prior_var, 2.0)) < np.abs(x))  # partly adapted


def test_the_log_counts_each_voice_turn_and_starts_over_in_a_new_space(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    migrate(engine)
    log = MoodLog(engine)

    def turn(i: int, features: list[float], space: str = SPACE) -> TurnToLog:
        return TurnToLog(session_id="s1", speaker_id="u1", bot=None, user_id="u1", text=f"turn {i}", text_chars=6,
                         status="analysed", error_code=None, modalities={}, baselines={"audio": (space, features)})

    log.append_turn(turn(0, [1.0, 3.0]))
    log.append_turn(turn(1, [3.0, 5.0]))
    stored = log.read_for_turn("s1", "u1", "u1", None, 0, 0).baselines["audio"]
    assert stored.count == 2 and stored.space == SPACE
    assert stored.stats["mean"] == pytest.approx([2.0, 4.0]) and stored.stats["m2"] == pytest.approx([2.0, 2.0])
    log.append_turn(turn(2, [9.0, 9.0, 9.0], space="another-encoder"))
    with Session(engine) as db:
        row = db.get(PersonBaselineRow, ("u1", "audio"))
        assert row.space == "another-encoder" and row.count == 1 and row.stats["mean"] == [9.0, 9.0, 9.0]
    assert log.read_for_turn("s1", "u1", "u2", None, 0, 0).baselines == {}  # another person has none


def test_a_face_that_never_changes_stops_outweighing_the_words() -> None:
    from emotion.fusion import against_baseline, fuse
    from emotion.encoders.base import ModalityOutput
    from emotion.labels import LABELS

    def probs(label: str, p: float) -> list[float]:
        return [p if name == label else (1 - p) / 6 for name in LABELS]

    resting = probs("sadness", 0.8)  # this person's face always reads as sad
    assert against_baseline(resting, None, 2.0) == resting  # a first turn: nothing to compare with
    usual = PersonBaseline.of(np.array([resting] * 6))
    relative = against_baseline(resting, usual, 2.0)
    assert max(relative) < 0.3  # the usual face says little new (0.8 before)
    words = ModalityOutput("text", [], probs("anger", 0.6))
    before = fuse([words, ModalityOutput("face", [], resting)], {"text": 1.0, "face": 1.0})
    after = fuse([words, ModalityOutput("face", [], relative)], {"text": 1.0, "face": 1.0})
    assert LABELS[before.probs.index(max(before.probs))] == "sadness"  # "I'm furious" read as sadness
    assert LABELS[after.probs.index(max(after.probs))] == "anger"
    smile = against_baseline(probs("joy", 0.7), usual, 2.0)
    assert LABELS[smile.index(max(smile))] == "joy"  # a change from the usual face stands out


def test_the_face_history_curve_reads_each_face_against_that_persons_others() -> None:
    from emotion.evaluation.face import history_curve

    # person a: a resting face that reads sad, and once a surprise that still reads a little sad;
    # person b: one image only (no history)
    sad, surprised = [0.05, 0.05, 0.7, 0.05, 0.05, 0.05, 0.05], [0.04, 0.04, 0.4, 0.04, 0.04, 0.04, 0.4 - 1e-3]
    probs = np.array([sad] * 5 + [surprised, sad])
    labels = np.array([2] * 5 + [6, 2])
    curve = history_curve(probs, labels, ["a"] * 6 + ["b"], [0, 5], strength=2.0)
    assert curve[0] == {"n": 6, "accuracy_without": 5 / 6, "accuracy_with": 5 / 6}  # b has no other image
    assert curve[5]["n"] == 6 and curve[5]["accuracy_without"] == 5 / 6
    assert curve[5]["accuracy_with"] == 1.0  # against a's usual sad face, the surprise stands out
