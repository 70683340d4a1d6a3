"""Speech emotion data in the layout of ../shared/data (a folder with ``metadata.csv``)."""
from __future__ import annotations

import csv
from pathlib import Path


def read_rows(data: Path, actors: set[int] | None = None) -> list[dict]:
    """Rows of ``data/metadata.csv``, restricted to ``actors`` (``actor`` or ``speaker`` column)."""
    with open(data / "metadata.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    if actors is not None:
        def actor_of(row: dict) -> int | None:
            raw = row.get("actor") or row.get("speaker") or ""
            digits = "".join(ch for ch in raw if ch.isdigit())
            return int(digits) if digits else None

        rows = [row for row in rows if actor_of(row) in actors]
    return rows
