"""Reading a turn in its conversation: the graph model over the session's recent turns.

The conversation-graph model (emotion/graph/model.py) scores the newest utterance from the
last ``receptive_field - 1`` turns of the session (causal: past turns only, as a live bot has
them) and the speaker's Big-Five estimate. A turn's node gets the embedding of every modality
it has among those the checkpoint was trained on (``cfg.trained_modalities``): text, audio and
face in any subset for the pseudo-multimodal checkpoint, text only for a text-only one; the
other modalities take the model's learned "absent" vectors. Node inputs are persisted per turn
in the mood log (``graph_nodes``), so a new turn costs the same at turn 10 and at turn 1,000,
and any service replica continues the session's graph:

    past nodes (<= W, from the DB) + this turn's node  ->  predict_last  ->  probs (7,)

The graph's reading stands for the modalities it read; a used modality it cannot read (audio
or face under a text-only checkpoint) is fused with it afterwards (``fuse_in_context``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import torch

from emotion.encoders.base import ModalityOutput
from emotion.fusion import fuse
from emotion.graph.build import Turn, predict_last, receptive_field, text_feature
from emotion.graph.features import modality_source
from emotion.graph.io import CHECKPOINT_NAME, load_checkpoint
from emotion.graph.personality import SpeakerEvidence
from emotion.moodlog.models import GraphNode
from emotion.tracking import EmotionReading

CONTEXT = "context"  # the modality name of the graph's reading in late fusion


def _to_bytes(x: torch.Tensor, dtype: type) -> bytes:
    return x.detach().cpu().numpy().astype(dtype).tobytes()


def _from_bytes(b: bytes, dtype: type) -> torch.Tensor:
    return torch.from_numpy(np.frombuffer(b, dtype=dtype).astype(np.float32))


def _node_features(node: GraphNode) -> dict[str, torch.Tensor]:
    """The persisted inputs of a past node: modality -> (D_m,) (float16 in the database)."""
    stored = {"text": node.features, "audio": node.audio_features, "face": node.face_features}
    return {m: _from_bytes(b, np.float16) for m, b in stored.items() if b}


@dataclass(frozen=True)
class ContextReading:
    """The graph's reading of the newest turn (modality ``context``), the modalities it read,
    and the node to persist for it (turn_id unset)."""

    output: ModalityOutput
    read: tuple[str, ...]
    node: GraphNode


class ConversationContext:
    def __init__(self, checkpoint, modalities: Sequence[str] | None = None):
        self.model = checkpoint.model.eval()
        self.temperature = checkpoint.temperature
        self.estimator = checkpoint.estimator if checkpoint.model.cfg.personality else None
        trained = tuple(checkpoint.model.cfg.trained_modalities)
        self.modalities: tuple[str, ...] = tuple(m for m in trained if modalities is None or m in modalities)

    @classmethod
    def load(cls, checkpoint_dir: Path, modalities: Sequence[str] | None = None) -> "ConversationContext":
        """The graph, reading ``modalities`` of each turn (None: all it was trained on; the others
        are fused with its reading afterwards). FileNotFoundError when graph.pt is missing, or was
        trained on other text features than the committed text encoder's, or on audio/face
        embeddings of other speech/face checkpoints than those present (retrain with
        ``emobot train graph``)."""
        checkpoint = load_checkpoint(Path(checkpoint_dir) / CHECKPOINT_NAME)
        expected = modality_source("text", checkpoint_dir)
        if checkpoint.feature_source != expected:
            raise FileNotFoundError(f"graph.pt was trained on {checkpoint.feature_source} features, "
                                    f"the text encoder gives {expected}: retrain with `emobot train graph`")
        for m, trained_on in checkpoint.modality_sources.items():
            now = modality_source(m, checkpoint_dir)
            if now is not None and now != trained_on and (modalities is None or m in modalities):  # None: that encoder is absent, the modality never arrives
                raise FileNotFoundError(f"graph.pt was trained on {trained_on} {m} embeddings, the {m} encoder "
                                        f"gives {now}: retrain with `emobot train graph`")
        return cls(checkpoint, modalities)

    @property
    def window(self) -> int:
        """How many past turns of the session the newest node can see."""
        return receptive_field(self.model.cfg) - 1

    def read(self, outputs: Sequence[ModalityOutput], text: str, speaker_id: str, session_id: str, turn_index: int,
             past: Sequence[GraphNode], speaker_last: GraphNode | None) -> ContextReading | None:
        """Read the turn whose encoder outputs are ``outputs`` (any subset of text, audio, face).

        past: the session's last ``window`` nodes, oldest first; speaker_last: this speaker's
        newest node. None when the turn has no modality the graph reads.
        """
        given = {o.modality: o for o in outputs if o.modality in self.modalities}
        if not given:
            return None
        features: dict[str, torch.Tensor] = {}
        if "text" in given:
            features["text"] = text_feature(given["text"].embedding, given["text"].probs, self.model.cfg)
        for m in ("audio", "face"):
            if m in given:
                features[m] = torch.tensor(given[m].embedding, dtype=torch.float32)
        evidence = SpeakerEvidence()
        if speaker_last is not None and speaker_last.evidence_turns > 0:
            evidence = SpeakerEvidence(_from_bytes(speaker_last.evidence_sum, np.float32),
                                       speaker_last.evidence_turns, speaker_last.evidence_chars)
        traits, conf = None, 0.0
        if self.estimator is not None:
            if "text" in features:  # personality evidence comes from what the speaker says
                evidence.add(features["text"][: self.estimator.weight.shape[1]], text)
            traits, conf = evidence.estimate(self.estimator)
        turns = [Turn(n.speaker_id, _node_features(n), torch.tensor(n.traits) if n.traits else None, n.trait_conf)
                 for n in past]
        turns.append(Turn(speaker_id, features, traits, conf))
        probs, _, _ = predict_last(self.model, turns, self.temperature)
        read = tuple(m for m in ("text", "audio", "face") if m in features)
        output = ModalityOutput(CONTEXT, embedding=[], probs=probs.tolist(), notes=[
            f"read in context: conversation graph over {len(turns)} turns, with this turn's {', '.join(read)}"])
        evidence_sum = evidence.embedding_sum if evidence.embedding_sum is not None else torch.zeros(0)
        stored = {m: _to_bytes(features[m], np.float16) if m in features else None for m in ("text", "audio", "face")}
        node = GraphNode(turn_id=0, session_id=session_id, turn_index=turn_index, speaker_id=speaker_id,
                         features=stored["text"], audio_features=stored["audio"], face_features=stored["face"],
                         traits=traits.tolist() if traits is not None else [], trait_conf=conf,
                         evidence_sum=_to_bytes(evidence_sum, np.float32),
                         evidence_turns=evidence.n_turns, evidence_chars=evidence.n_chars)
        return ContextReading(output, read, node)


def fuse_in_context(outputs: Sequence[ModalityOutput], context: ContextReading | None,
                    weights: Mapping[str, float]) -> EmotionReading:
    """The turn's reading: the graph's, late-fused (``emotion.fusion.fuse``) with the encoder
    outputs of modalities it did not read. The graph's reading carries the summed fusion weight
    of the modalities it read, so with a text-only graph this is the earlier text-graph × audio ×
    face fusion, and when the graph read every used modality it is the graph's reading itself.
    Text read outside English (``ModalityOutput.language``) is fused as the encoders read it: the
    graph's node features are English sentence embeddings (on the dev set of chat messages in six
    other languages its reading scored macro-F1 0.21 against the multilingual head's 0.59)."""
    if context is None or any(o.language for o in outputs if o.modality in context.read):
        return fuse(outputs, weights)
    rest = [o for o in outputs if o.modality not in context.read]
    return fuse([context.output, *rest], {**weights, CONTEXT: sum(weights.get(m, 1.0) for m in context.read)})
