"""`emobot evaluate text-messages` on a tiny CSV of chat messages, with the service's real reader."""
import csv

import pytest

from emotion.evaluation.text_messages import evaluate
from emotion.service.message_reading import MessageReader

ROWS = [
    ("m1", "ich bin so traurig, meine oma ist letzte woche gestorben", "sadness", "implicit", "de"),
    ("m2", "j'ai eu mon permis!!! trop contente", "joy", "chat", "fr"),
    ("m3", "I am so happy today, I got the job!", "joy", "explicit", "en"),
    ("m4", "whatever", "boredom", "chat", "en"),  # not in the common label set: skipped
]


@pytest.fixture(scope="module")
def reader():
    return MessageReader()


def test_the_service_reading_is_scored_per_language_and_category(tmp_path, reader, capsys):
    data = tmp_path / "messages.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "label", "category", "lang"])
        w.writerows(ROWS)
    report = evaluate(tmp_path, reader.read)
    assert report["head"]["n"] == 3 and report["derived"]["n"] == 3
    assert set(report["groups"]) >= {"lang=de", "lang=fr", "lang=en", "category=chat", "sadness/implicit"}
    assert report["groups"]["lang=de"]["derived_right"] == 1.0  # read by the multilingual head
    assert "lang=de" in capsys.readouterr().out

