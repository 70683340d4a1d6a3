"""`emobot evaluate text` on a tiny MELD-format CSV."""
import csv
import json

import pytest

from emotion.evaluation.text import evaluate

ROWS = [
    ("I am so happy, this is wonderful!", "Monica", "joy", "female"),
    ("I love you guys so much, best day ever!", "Rachel", "joy", "female"),
    ("Okay, I’ll see you at the coffee house at eight.", "Ross", "neutral", "male"),
    ("Whatever.", "Chandler", "boredom", "male"),  # not in the common label set
]


def write_csv(path, with_gender: bool) -> None:
    cols = ["Sr No.", "Utterance", "Speaker", "Emotion", "Dialogue_ID", "Utterance_ID", "Season", "Episode"]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols + (["gender"] if with_gender else []))
        for i, (text, speaker, emotion, gender) in enumerate(ROWS):
            w.writerow([i + 1, text, speaker, emotion, 0, i, 5, 3] + ([gender] if with_gender else []))


def test_evaluate_tiny_csv(tmp_path, capsys):
    data, out = tmp_path / "tiny.csv", tmp_path / "report" / "text.json"
    write_csv(data, with_gender=False)
    report = evaluate(data, json_out=out)
    assert report["n"] == 3
    assert report["skipped"] == {"unknown_label": 1}
    assert report["support"]["joy"] == 2 and report["support"]["neutral"] == 1
    assert 0.0 <= report["weighted_f1"] <= 1.0 and 0.0 <= report["macro_f1"] <= 1.0
    assert "group_accuracy" not in report
    saved = json.loads(out.read_text())
    assert {"accuracy", "weighted_f1", "macro_f1", "n", "skipped"} <= saved.keys()
    assert saved["weighted_f1"] == pytest.approx(report["weighted_f1"])
    assert "weighted-F1" in capsys.readouterr().out


def test_evaluate_groups_by_gender(tmp_path):
    data = tmp_path / "tiny_gender.csv"
    write_csv(data, with_gender=True)
    report = evaluate(data)
    assert {g: v["n"] for g, v in report["group_accuracy"].items()} == {"female": 2, "male": 1}
