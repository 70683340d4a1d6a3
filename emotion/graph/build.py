"""Conversation graphs from dialogues (training, evaluation) and the bounded online step (service).

A dialogue is a list of :class:`Turn` (speaker, per-modality features, the speaker's Big-Five
traits). ``dialogue_graph`` turns it into a PyG ``Data`` with the typed temporal edges of
``emotion.graph.model``; ``predict_last`` scores the newest turn of a live session from its last
``receptive_field(cfg)`` turns only, so turn 1,000 costs what turn 20 costs.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import torch
from torch_geometric.data import Batch, Data

from emotion.graph.model import NUM_TRAITS, ConversationGraphModel, GraphModelConfig
from emotion.graph.personality import PersonalityEstimator, SpeakerEvidence

GRAPH_CONFIG = Path(__file__).resolve().parents[1] / "config" / "graph.yaml"
"""The conversation-graph model's training and pseudo-multimodal configuration."""


@dataclass
class Turn:
    """One utterance as a graph node.

    features: modality -> (D_m,) float tensor, only for the modalities this turn has
    (text: ``text_feature(...)``). traits: (5,) Big-Five in [0, 1] of the speaker, or None;
    trait_conf in [0, 1] (0 = no evidence, the personality term vanishes).
    """

    speaker: str
    features: dict[str, torch.Tensor]
    traits: torch.Tensor | None = None
    trait_conf: float = 0.0


def text_feature(embedding: Sequence[float] | torch.Tensor, probs: Sequence[float] | torch.Tensor | None,
                 cfg: GraphModelConfig) -> torch.Tensor:
    """Text node feature: the sentence embedding (384,), or [embedding ; log p] (391,) when ``cfg.text_probs``."""
    e = torch.as_tensor(embedding, dtype=torch.float32)
    if not cfg.text_probs:
        return e
    if probs is None:
        raise ValueError("this graph model needs the text encoder's probabilities")
    return torch.cat([e, torch.as_tensor(probs, dtype=torch.float32).clamp(min=1e-6).log()])


def temporal_edges(speakers: Sequence[int], past: int, future: int, causal: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """Typed edges j → i with i − past ≤ j < i (and, unless causal, i < j ≤ i + future).

    speakers: (N,) speaker ids. Returns edge_index (2, E) (row 0 source j, row 1 target i) and
    edge_type (E,) = 2·[j > i] + [speaker_j ≠ speaker_i].
    """
    spk = torch.as_tensor(list(speakers), dtype=torch.long)
    n = len(spk)
    idx = torch.arange(n)
    offsets = [-k for k in range(1, past + 1)] + ([] if causal else list(range(1, future + 1)))
    src, dst = [], []
    for k in offsets:
        i = idx[(idx + k >= 0) & (idx + k < n)]  # targets that have a neighbour at offset k
        src.append(i + k)
        dst.append(i)
    if not src:
        return torch.empty(2, 0, dtype=torch.long), torch.empty(0, dtype=torch.long)
    j, i = torch.cat(src), torch.cat(dst)
    edge_type = 2 * (j > i).long() + (spk[j] != spk[i]).long()
    return torch.stack([j, i]), edge_type


def dialogue_graph(turns: Sequence[Turn], cfg: GraphModelConfig, causal: bool, y: torch.Tensor | None = None) -> Data:
    """PyG Data of one dialogue: x_<m> (N, D_m), present_<m> (N,), traits (N, 5), trait_conf (N,),
    edge_index (2, E), edge_type (E,), and y (N,) label indices when given."""
    n = len(turns)
    ids: dict[str, int] = {}
    speakers = [ids.setdefault(t.speaker, len(ids)) for t in turns]
    edge_index, edge_type = temporal_edges(speakers, cfg.past_window, cfg.future_window, causal)
    data = Data(edge_index=edge_index, edge_type=edge_type, num_nodes=n)
    for m, dim in cfg.modality_dims.items():
        x = torch.zeros(n, dim)
        present = torch.zeros(n, dtype=torch.bool)
        for k, t in enumerate(turns):
            if m in t.features:
                x[k] = t.features[m]
                present[k] = True
        data[f"x_{m}"], data[f"present_{m}"] = x, present
    data.traits = torch.stack([t.traits if t.traits is not None else torch.full((NUM_TRAITS,), 0.5) for t in turns])
    data.trait_conf = torch.tensor([t.trait_conf if t.traits is not None else 0.0 for t in turns])
    if y is not None:
        data.y = y
    return data


def run_graph(model: ConversationGraphModel, data: Data | Batch) -> tuple[torch.Tensor, torch.Tensor]:
    """Forward a (batched) graph: logits (|V|, 7), valence_arousal (|V|, 2)."""
    mods = model.cfg.modality_dims
    return model(
        {m: data[f"x_{m}"] for m in mods},
        {m: data[f"present_{m}"] for m in mods},
        data.traits, data.trait_conf, data.edge_index, data.edge_type,
    )


def receptive_field(cfg: GraphModelConfig) -> int:
    """Turns that can reach the newest node causally: num_layers · past_window + 1."""
    return cfg.num_layers * cfg.past_window + 1


@torch.inference_mode()
def predict_last(model: ConversationGraphModel, window_turns: Sequence[Turn], temperature: float = 1.0) -> tuple[torch.Tensor, float, float]:
    """Causal prediction for the newest turn from at most ``receptive_field`` recent turns.

    Returns probs (7,) over LABELS (softmax(z / temperature)), valence and arousal in [-1, 1].
    Older turns cannot reach the newest node through ``num_layers`` hops of a ``past_window``
    window, so the result equals that of the full causal dialogue graph.
    """
    turns = list(window_turns)[-receptive_field(model.cfg):]
    if not turns:
        raise ValueError("predict_last needs at least one turn")
    model.eval()
    logits, va = run_graph(model, dialogue_graph(turns, model.cfg, causal=True))
    return (logits[-1] / temperature).softmax(-1), float(va[-1, 0]), float(va[-1, 1])


class OnlineGraph:
    """Per-session state of the live graph: the last ``receptive_field`` turns and, per speaker,
    the running personality evidence (a sum and two counters). Nothing grows with the session.

    ``step`` appends a turn and scores it causally with ``predict_last``.
    """

    def __init__(self, model: ConversationGraphModel, temperature: float = 1.0,
                 estimator: PersonalityEstimator | None = None):
        self.model = model.eval()
        self.temperature = temperature
        self.estimator = estimator
        self.window: deque[Turn] = deque(maxlen=receptive_field(model.cfg))
        self.evidence: dict[str, SpeakerEvidence] = {}
        self.last_num_nodes = 0

    def step(self, speaker: str, features: dict[str, torch.Tensor], text: str = "") -> tuple[torch.Tensor, float, float]:
        """Add one turn (features: modality -> (D_m,), see ``text_feature``) -> (probs (7,), valence, arousal).

        Features of modalities outside ``cfg.trained_modalities`` are ignored (treated as absent).
        """
        features = {m: x for m, x in features.items() if m in self.model.cfg.trained_modalities}
        traits, conf = None, 0.0
        if self.estimator is not None and self.model.cfg.personality:
            ev = self.evidence.setdefault(speaker, SpeakerEvidence())
            if "text" in features and text:
                # the sentence embedding is the head of the text feature (see ``text_feature``)
                ev.add(features["text"][: self.estimator.weight.shape[1]], text)
            traits, conf = ev.estimate(self.estimator)
        self.window.append(Turn(speaker, features, traits, conf))
        self.last_num_nodes = len(self.window)
        return predict_last(self.model, self.window, self.temperature)


@torch.no_grad()
def predict(model: ConversationGraphModel, graphs: list, batch_dialogues: int = 64) -> tuple[torch.Tensor, torch.Tensor]:
    """Logits (N, 7) and labels (N,) over all nodes of ``graphs``, in order."""
    model.eval()
    logits, ys = [], []
    for start in range(0, len(graphs), batch_dialogues):
        batch = Batch.from_data_list(graphs[start:start + batch_dialogues])
        logits.append(run_graph(model, batch)[0])
        ys.append(batch.y)
    return torch.cat(logits), torch.cat(ys)
