"""Metrics on tiny cases computed by hand."""
import json

import numpy as np
import pytest

from emotion.evaluation.metrics import (
    accuracy,
    classification_report,
    confusion_matrix,
    expected_calibration_error,
    group_accuracy,
    macro_f1,
    per_class_f1,
    weighted_f1,
)

# cm rows (true) / cols (pred): [[1, 1, 0], [0, 2, 0], [1, 0, 0]]
Y_TRUE = [0, 0, 1, 1, 2]
Y_PRED = [0, 1, 1, 1, 0]


def test_confusion_and_accuracy():
    assert confusion_matrix(Y_TRUE, Y_PRED, 3).tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 0]]
    assert accuracy(Y_TRUE, Y_PRED) == pytest.approx(0.6)


def test_f1_scores():
    # class 0: 2·1/(2+1+1) = 0.5; class 1: 2·2/(4+1+0) = 0.8; class 2: 0.
    assert per_class_f1(Y_TRUE, Y_PRED, 3) == pytest.approx([0.5, 0.8, 0.0])
    assert weighted_f1(Y_TRUE, Y_PRED, 3) == pytest.approx((2 * 0.5 + 2 * 0.8 + 0.0) / 5)
    assert macro_f1(Y_TRUE, Y_PRED, 3) == pytest.approx(1.3 / 3)
    # A class that is neither true nor predicted does not drag the macro mean down.
    assert macro_f1(Y_TRUE, Y_PRED, 4) == pytest.approx(1.3 / 3)
    assert per_class_f1([1, 1], [1, 1], 2) == pytest.approx([0.0, 1.0])


def test_expected_calibration_error():
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.62, 0.38], [0.3, 0.7]])
    y = [0, 1, 0, 1]
    # bins: {0.9, 0.9} acc 0.5 -> 0.4·2/4; {0.62} acc 1 -> 0.38/4; {0.7} acc 1 -> 0.3/4
    assert expected_calibration_error(y, probs) == pytest.approx(0.2 + 0.38 / 4 + 0.3 / 4)
    perfect = np.eye(2)[[0, 1, 1]]
    assert expected_calibration_error([0, 1, 1], perfect) == pytest.approx(0.0)


def test_group_accuracy():
    groups = ["f", "f", "m", "m", "m"]
    assert group_accuracy(Y_TRUE, Y_PRED, groups) == {
        "f": {"n": 2, "accuracy": 0.5},
        "m": {"n": 3, "accuracy": pytest.approx(2 / 3)},
    }


def test_classification_report_is_json_able(capsys):
    probs = np.eye(3)[Y_PRED] * 0.8 + 0.2 / 3
    report = classification_report(Y_TRUE, probs, ["a", "b", "c"], skipped={"unknown_label": 2}, groups=list("ffmmm"))
    assert {"accuracy", "weighted_f1", "macro_f1", "n", "skipped", "ece", "per_class_f1", "confusion_matrix"} <= report.keys()
    assert report["n"] == 5 and report["skipped"] == {"unknown_label": 2}
    assert report["weighted_f1"] == pytest.approx(0.52)
    assert report["per_class_f1"]["b"] == pytest.approx(0.8)
    assert "group_accuracy" in report
    json.dumps(report)
    assert "weighted-F1=0.5200" in capsys.readouterr().out
