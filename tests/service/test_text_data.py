"""MELD-format loading, text clean-up and the reserved Friends episodes."""
import csv

import pytest

from emotion.types import normalise_text
from emotion.data.meld import RESERVED_EPISODES, drop_reserved, load_meld


def test_normalise_text():
    assert normalise_text("You must’ve had  your hands full…") == "You must've had your hands full..."
    assert normalise_text("donâ€™t") == "don't"  # UTF-8 read as cp1252
    assert normalise_text("Caf\u00c3\u00a9") == "Café"
    assert normalise_text("it\x92s") == "it's"  # cp1252 byte read as latin-1
    assert normalise_text(" \t ") == ""


def test_load_meld_counts_skips_and_reserved(tmp_path):
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Utterance", "Speaker", "Emotion", "Dialogue_ID", "Utterance_ID", "Season", "Episode"])
        w.writerow(["Hi!", "Joey", "Joy", 1, 0, 1, 1])  # reserved s01e01; label in other case
        w.writerow(["What?!", "Ross", "surprised", 1, 1, 5, 2])  # alias
        w.writerow(["Hmph.", "Ross", "contempt", 1, 2, 5, 2])  # no counterpart
        w.writerow(["  ", "Ross", "neutral", 1, 3, 5, 2])
    table = load_meld(path)
    assert [r.label for r in table.rows] == ["joy", "surprise"]
    assert table.skipped == {"unknown_label": 1, "empty_text": 1}
    assert table.rows[0].reserved and not table.rows[1].reserved
    assert [r.text for r in drop_reserved(table.rows)] == ["What?!"]


def test_load_meld_without_episode_columns(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Utterance,Speaker,Emotion,Dialogue_ID,Utterance_ID\nHello,A,neutral,0,0\n")
    (row,) = load_meld(path).rows
    assert row.season is None and not row.reserved


def test_missing_column(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Utterance,Emotion\nHello,neutral\n")
    with pytest.raises(ValueError, match="Speaker"):
        load_meld(path)


def test_reserved_episodes_in_meld_train():
    from emotion.data.meld import meld_csv

    path = meld_csv("train")
    assert path.exists(), f"shared MELD data not found: {path} (../shared must sit beside the repo)"
    rows = load_meld(path).rows
    assert len(RESERVED_EPISODES) == 9
    assert sum(r.reserved for r in rows) == 353  # figure from shared/data/README.md
