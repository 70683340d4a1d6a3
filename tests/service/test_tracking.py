import math

import pytest

from emotion.labels import LABEL_INDEX, LABELS, NUM_LABELS
from emotion.tracking import EmotionReading, track
from emotion.tracking.state import slope


def reading(label: str, p: float = 0.9) -> EmotionReading:
    probs = [(1 - p) / (NUM_LABELS - 1)] * NUM_LABELS
    probs[LABEL_INDEX[label]] = p
    return EmotionReading(probs=tuple(probs), confidence=p)


def test_slope_is_least_squares():
    assert slope([1.0]) == 0.0
    assert slope([0.0, 1.0, 2.0]) == pytest.approx(1.0)
    assert slope([3.0, 1.0, 2.0]) == pytest.approx(-0.5)


def test_first_turn_state_is_the_reading():
    r = reading("joy")
    s = track(None, [], r, smoothing=0.5, window=8)
    assert s.probs == r.probs and s.turns_observed == 1 and s.label == "joy"
    assert s.confidence == pytest.approx(0.9 * (1 - math.exp(-0.5)))


def test_ema_and_trend():
    history, state = [], None
    for label in ["sadness", "sadness", "neutral", "joy"]:
        r = reading(label)
        state = track(state, history, r, smoothing=0.5, window=8)
        history.append(r)
    # EMA weights: joy 0.5, neutral 0.25, sadness 0.125 + 0.125
    assert state.probs[LABEL_INDEX["joy"]] == pytest.approx(0.5 * 0.9 + 0.5 * (0.5 * 0.1 / 6 + 0.5 * (0.5 * 0.1 / 6 + 0.5 * 0.1 / 6)))
    assert state.label == "joy" and state.turns_observed == 4
    assert state.trend_valence > 0 and state.trend_labels["sadness"] < 0 and state.trend_labels["joy"] > 0
    assert abs(sum(state.probs) - 1) < 1e-9
    assert set(state.trend_labels) == set(LABELS)


def test_trend_uses_only_the_window():
    history, state = [], None
    for label in ["sadness"] * 5 + ["joy"] * 3:
        r = reading(label)
        state = track(state, history, r, smoothing=1.0, window=3)
        history.append(r)
    assert state.trend_valence == pytest.approx(0.0)  # last 3 are all joy


def test_reading_rejects_wrong_length():
    with pytest.raises(ValueError):
        EmotionReading(probs=(1.0,), confidence=1.0)


def test_a_first_message_state_stays_near_0_4_however_sure_the_turn_is() -> None:
    """The guides' claim about EmotionPolicy's min_confidence (it reads the state's confidence)."""
    from emotion.tracking import EmotionReading, track

    sure = EmotionReading((0.01, 0.01, 0.97, 0.005, 0.005, 0.0, 0.0), confidence=0.97)
    first = track(None, [], reading=sure, smoothing=0.7, window=8)
    assert 0.3 <= first.confidence < 0.4  # a min_confidence of 0.4 never fires on a first message
    second = track(first, [sure], reading=sure, smoothing=0.7, window=8)
    assert second.confidence > 0.55  # agreeing turns raise it
