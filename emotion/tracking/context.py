"""Reading a turn in its conversation: the graph model over the session's recent turns.

The conversation-graph model (emotion/graph/model.py) scores the newest utterance from the
last ``receptive_field - 1`` turns of the session (causal: past turns only, as a live bot has
them) and the speaker's Big-Five estimate. Node inputs are persisted per turn in the mood log
(``graph_nodes``), so a new turn costs the same at turn 10 and at turn 1,000, and any service
replica continues the session's graph:

    past nodes (<= W, from the DB) + this turn's text feature  ->  predict_last  ->  probs (7,)

The graph reads text only (MELD has no audio or face); the turn's other modalities are fused
with its output afterwards (emotion/fusion.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from emotion.encoders.base import ModalityOutput
from emotion.graph.build import Turn, predict_last, receptive_field, text_feature
from emotion.graph.features import feature_source
from emotion.graph.io import CHECKPOINT_NAME, load_checkpoint
from emotion.graph.personality import SpeakerEvidence
from emotion.moodlog.models import GraphNode


def _to_bytes(x: torch.Tensor, dtype: type) -> bytes:
    return x.detach().cpu().numpy().astype(dtype).tobytes()


def _from_bytes(b: bytes, dtype: type) -> torch.Tensor:
    return torch.from_numpy(np.frombuffer(b, dtype=dtype).astype(np.float32))


@dataclass(frozen=True)
class ContextReading:
    """The graph's reading of the newest turn, and the node to persist for it (turn_id unset)."""

    output: ModalityOutput
    node: GraphNode


class ConversationContext:
    def __init__(self, checkpoint):
        self.model = checkpoint.model.eval()
        self.temperature = checkpoint.temperature
        self.estimator = checkpoint.estimator if checkpoint.model.cfg.personality else None

    @classmethod
    def load(cls, checkpoint_dir: Path) -> "ConversationContext":
        """FileNotFoundError when graph.pt is missing or was trained on other text features
        than the committed text encoder's (retrain with ``emobot train graph``)."""
        checkpoint = load_checkpoint(Path(checkpoint_dir) / CHECKPOINT_NAME)
        expected = feature_source(checkpoint_dir)
        if checkpoint.feature_source != expected:
            raise FileNotFoundError(f"graph.pt was trained on {checkpoint.feature_source} features, "
                                    f"the text encoder gives {expected}: retrain with `emobot train graph`")
        return cls(checkpoint)

    @property
    def window(self) -> int:
        """How many past turns of the session the newest node can see."""
        return receptive_field(self.model.cfg) - 1

    def read(self, text_output: ModalityOutput, text: str, speaker_id: str, session_id: str, turn_index: int,
             past: Sequence[GraphNode], speaker_last: GraphNode | None) -> ContextReading:
        """past: the session's last ``window`` nodes, oldest first; speaker_last: this speaker's newest node."""
        feature = text_feature(text_output.embedding, text_output.probs, self.model.cfg)
        evidence = SpeakerEvidence()
        if speaker_last is not None and speaker_last.evidence_turns > 0:
            evidence = SpeakerEvidence(_from_bytes(speaker_last.evidence_sum, np.float32),
                                       speaker_last.evidence_turns, speaker_last.evidence_chars)
        traits, conf = None, 0.0
        if self.estimator is not None:
            evidence.add(feature[: self.estimator.weight.shape[1]], text)
            traits, conf = evidence.estimate(self.estimator)
        turns = [Turn(n.speaker_id, {"text": _from_bytes(n.features, np.float16)},
                      torch.tensor(n.traits) if n.traits else None, n.trait_conf) for n in past]
        turns.append(Turn(speaker_id, {"text": feature}, traits, conf))
        probs, _, _ = predict_last(self.model, turns, self.temperature)
        output = ModalityOutput("text", embedding=list(text_output.embedding), probs=probs.tolist(),
                                notes=[*text_output.notes, f"read in context: conversation graph over {len(turns)} turns"])
        evidence_sum = evidence.embedding_sum if evidence.embedding_sum is not None else torch.zeros(0)
        node = GraphNode(turn_id=0, session_id=session_id, turn_index=turn_index, speaker_id=speaker_id,
                         features=_to_bytes(feature, np.float16), traits=traits.tolist() if traits is not None else [],
                         trait_conf=conf, evidence_sum=_to_bytes(evidence_sum, np.float32),
                         evidence_turns=evidence.n_turns, evidence_chars=evidence.n_chars)
        return ContextReading(output, node)
