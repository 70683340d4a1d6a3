"""ERC tables (MELD or EmoryNLP CSV) as conversation graphs with text node features.

A MELD-format CSV has ``Utterance, Speaker, Emotion, Dialogue_ID, Utterance_ID``; an EmoryNLP
CSV has ``Utterance, Speaker`` (a Python-list string), ``Emotion, Scene_ID, Utterance_ID,
Season, Episode`` and a dialogue is (Season, Episode, Scene_ID). Labels go through
``emotion.labels.normalise_label``; unknown ones are counted in ``skipped`` and left out.
"""
from __future__ import annotations

import ast
import csv
from collections import Counter
from pathlib import Path

import torch
from torch_geometric.data import Data

from emotion.data.meld import REQUIRED_COLUMNS, MeldTable, MeldUtterance, labelled_text, load_meld
from emotion.graph.build import Turn, dialogue_graph, text_feature
from emotion.graph.features import TextFeatures
from emotion.graph.model import GraphModelConfig
from emotion.graph.personality import first_name
from emotion.labels import LABEL_INDEX

EMORYNLP_COLUMNS: tuple[str, ...] = ("Utterance", "Speaker", "Emotion", "Scene_ID", "Utterance_ID", "Season", "Episode")


def _emorynlp_speaker(raw: str) -> str:
    try:
        names = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw.strip()
    return ", ".join(names) if isinstance(names, list) else str(names)


def erc_csv(path: Path | str) -> Path:
    """The CSV to read: ``path`` itself, or in a folder its ``test_sent_emo.csv`` (MELD's test
    file name) or its only CSV. ValueError when a folder has neither."""
    path = Path(path)
    if not path.is_dir():
        return path
    candidates = sorted(path.glob("*.csv"))
    if (path / "test_sent_emo.csv").is_file():
        return path / "test_sent_emo.csv"
    if len(candidates) == 1:
        return candidates[0]
    raise ValueError(f"{path}: a folder must hold test_sent_emo.csv or exactly one CSV, found {[c.name for c in candidates]}")


def load_erc_csv(path: Path | str) -> MeldTable:
    """Rows of a MELD- or EmoryNLP-format CSV (format detected from the header), or of the CSV
    a folder holds (``erc_csv``)."""
    path = erc_csv(path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        columns = csv.DictReader(f).fieldnames or []
    if all(c in columns for c in REQUIRED_COLUMNS):
        return load_meld(path)
    if not all(c in columns for c in EMORYNLP_COLUMNS):
        raise ValueError(f"{path}: neither MELD columns {REQUIRED_COLUMNS} nor EmoryNLP columns {EMORYNLP_COLUMNS}")
    rows, skipped = [], Counter()
    with path.open(encoding="utf-8-sig", newline="") as f:
        for raw in csv.DictReader(f):
            checked = labelled_text(raw, skipped)
            if checked is None:
                continue
            label, text = checked
            season, episode, scene = int(raw["Season"]), int(raw["Episode"]), int(raw["Scene_ID"])
            rows.append(MeldUtterance(
                text=text, speaker=_emorynlp_speaker(raw["Speaker"]), label=label,
                dialogue_id=(season * 100 + episode) * 1000 + scene, utterance_id=int(raw["Utterance_ID"]),
                season=season, episode=episode,
            ))
    return MeldTable(rows=rows, skipped=dict(skipped))


def dialogues(rows: list[MeldUtterance]) -> list[list[int]]:
    """Row indices grouped by dialogue (first-appearance order), each sorted by Utterance_ID."""
    groups: dict[int, list[int]] = {}
    for k, r in enumerate(rows):
        groups.setdefault(r.dialogue_id, []).append(k)
    return [sorted(g, key=lambda k: rows[k].utterance_id) for g in groups.values()]


def table_graphs(
    rows: list[MeldUtterance],
    feats: TextFeatures,
    cfg: GraphModelConfig,
    speaker_traits: dict[str, list[float]],
    causal: bool,
) -> list[Data]:
    """One graph per dialogue; feats rows align with ``rows``. ``speaker_traits``: first name -> (5,).

    Each Data has y (N,) label indices and ``row`` (N,) indices into ``rows``.
    """
    graphs = []
    for group in dialogues(rows):
        turns = []
        for k in group:
            traits = speaker_traits.get(first_name(rows[k].speaker))
            probs = None if feats.probs is None else feats.probs[k]
            turns.append(Turn(
                speaker=rows[k].speaker,
                features={"text": text_feature(feats.embedding[k], probs, cfg)},
                traits=None if traits is None else torch.tensor(traits),
                trait_conf=0.0 if traits is None else 1.0,
            ))
        y = torch.tensor([LABEL_INDEX[rows[k].label] for k in group])
        g = dialogue_graph(turns, cfg, causal=causal, y=y)
        g.row = torch.tensor(group)
        graphs.append(g)
    return graphs
