"""Conversation-graph emotion model: utterances are nodes, temporal relations are typed edges.

Relation types (message from utterance j to utterance i, both in one dialogue):

    r(j → i) = 2·[j > i] + [speaker_j ≠ speaker_i]      # 0..3
    0 same speaker, past    1 other speaker, past    2 same speaker, future    3 other speaker, future

with i − P ≤ j < i (past window P) or i < j ≤ i + F (future window F). Causal mode (what a live
bot has) keeps relations 0 and 1 only; offline mode keeps all four.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import torch
import torch.nn.functional as F
from torch import nn
from torch_geometric.nn import RGCNConv

from emotion.labels import NUM_LABELS, PROTOTYPES

NUM_RELATIONS = 4
NUM_TRAITS = 5  # Big Five: agreeableness, conscientiousness, extraversion, openness, neuroticism


@dataclass
class GraphModelConfig:
    # Per-modality node-feature sizes; text = sentence embedding (384) + optional 7 log-probs,
    # audio = the speech encoder's ECAPA embedding (128), face = the face MLP's last hidden layer (256).
    modality_dims: dict[str, int] = field(default_factory=lambda: {"text": 384, "audio": 128, "face": 256})
    text_probs: bool = False  # text feature = [embedding ; log p_text] (then modality_dims["text"] = 391)
    # Modalities the checkpoint saw in training (MELD text; audio and face too when trained
    # pseudo-multimodal, see emotion/graph/pseudo.py). The online step ignores the
    # others, whose projections are still untrained, and uses their "absent" vectors instead.
    trained_modalities: tuple[str, ...] = ("text",)
    hidden: int = 128
    num_layers: int = 2
    dropout: float = 0.3
    modality_dropout: float = 0.1  # training only: each present modality is hidden with this probability
    personality: bool = True  # add the speaker's Big-Five projection to its nodes
    past_window: int = 4  # P: a node hears the P previous utterances
    future_window: int = 2  # F: and, offline only, the F next ones
    # Each present modality also adds a linear reading of its own features to the logits (a
    # learned late fusion beside the graph): several modalities then pool their evidence as in
    # a product of experts, which the LayerNorm'd node input alone does poorly.
    modality_logits: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


class ConversationGraphModel(nn.Module):
    r"""Relational GCN over a conversation graph, with absent-aware multimodal node features.

    Node input. For utterance i with modality features x_{i,m}, presence μ_{i,m} ∈ {0, 1}
    (m ∈ {text, audio, face}) and its speaker's Big-Five traits t_i ∈ [0, 1]^5 with
    confidence c_i ∈ [0, 1]:

    .. math::
        h_i^{(0)} = \mathrm{LN}\Big(\sum_m \mu_{i,m} W_m x_{i,m} + (1 - \mu_{i,m})\, a_m\Big)
                    + c_i\, W_t (t_i - \tfrac12)

    where a_m is a learned "absent" vector per modality (in training, present modalities are
    dropped with probability ``modality_dropout`` so any subset works) and the personality term
    vanishes at zero confidence.

    Propagation (``num_layers`` R-GCN layers, mean aggregation per relation r):

    .. math::
        h_i^{(l+1)} = h_i^{(l)} + \mathrm{Drop}\Big(\mathrm{ReLU}\Big(\Theta_0^{(l)} h_i^{(l)}
                    + \sum_{r} \frac{1}{|\mathcal{N}_r(i)|} \sum_{j \in \mathcal{N}_r(i)}
                      \Theta_r^{(l)} h_j^{(l)}\Big)\Big)

    Output, from the last layer concatenated with the input projection (residual), plus with
    ``modality_logits`` a linear reading U_m of each present modality's own features:

    .. math::
        z_i = W_o [h_i^{(L)} \,\|\, h_i^{(0)}] + \sum_m \mu_{i,m} U_m x_{i,m}, \quad
        p_i = \mathrm{softmax}(z_i), \quad
        (v_i, a_i) = \tanh(W_{va} [h_i^{(L)} \,\|\, h_i^{(0)}])

    The valence/arousal head is trained by regression onto the circumplex prototype of the true
    label (``emotion.labels.PROTOTYPES``, soft target), so it is its own estimate, not p_i @
    PROTOTYPES; both are available (``expected_valence_arousal``).

    Args:
        cfg: :class:`GraphModelConfig`.

    Shapes:
        - **x**: dict modality -> (|V|, D_m) features (rows of absent modalities are ignored)
        - **present**: dict modality -> (|V|,) bool
        - **traits**: (|V|, 5) in [0, 1];  **trait_conf**: (|V|,) in [0, 1]
        - **edge_index**: (2, |E|) (source j, target i);  **edge_type**: (|E|,) in 0..3
        - **output**: logits (|V|, 7), valence_arousal (|V|, 2) in [-1, 1]
    """

    def __init__(self, cfg: GraphModelConfig):
        super().__init__()
        self.cfg = cfg
        d = cfg.hidden
        self.proj = nn.ModuleDict({m: nn.Linear(dim, d) for m, dim in cfg.modality_dims.items()})
        self.absent = nn.ParameterDict({m: nn.Parameter(torch.zeros(d)) for m in cfg.modality_dims})
        self.norm = nn.LayerNorm(d)
        self.trait_proj = nn.Linear(NUM_TRAITS, d, bias=False)
        self.convs = nn.ModuleList(RGCNConv(d, d, NUM_RELATIONS, aggr="mean") for _ in range(cfg.num_layers))
        self.drop = nn.Dropout(cfg.dropout)
        self.cls = nn.Linear(2 * d, NUM_LABELS)
        self.va = nn.Linear(2 * d, 2)
        if cfg.modality_logits:
            self.modality_cls = nn.ModuleDict({m: nn.Linear(dim, NUM_LABELS) for m, dim in cfg.modality_dims.items()})
        self.register_buffer("prototypes", torch.tensor(PROTOTYPES, dtype=torch.float32), persistent=False)

    def modality_masks(self, present: dict[str, torch.Tensor], n: int) -> dict[str, torch.Tensor]:
        """μ: modality -> (|V|,) bool; in training, each present modality is hidden with
        probability ``modality_dropout``."""
        masks = {}
        for m in self.cfg.modality_dims:
            mask = present.get(m)
            mask = torch.zeros(n, dtype=torch.bool) if mask is None else mask.bool()
            if self.training and self.cfg.modality_dropout > 0:
                mask = mask & (torch.rand(n, device=mask.device) >= self.cfg.modality_dropout)
            masks[m] = mask
        return masks

    def node_input(
        self,
        x: dict[str, torch.Tensor],
        present: dict[str, torch.Tensor],
        traits: torch.Tensor,
        trait_conf: torch.Tensor,
    ) -> torch.Tensor:
        """h^(0): (|V|, hidden); ``present`` are the final masks μ (see ``modality_masks``)."""
        n = traits.shape[0]
        h = traits.new_zeros(n, self.cfg.hidden)  # (V, d)
        for m in self.cfg.modality_dims:
            mask = present.get(m)
            mask = traits.new_zeros(n, dtype=torch.bool) if mask is None else mask.bool()
            mu = mask.to(h.dtype).unsqueeze(-1)  # (V, 1)
            if m in x and bool(mask.any()):
                h = h + mu * self.proj[m](x[m])  # (V, d)
            h = h + (1.0 - mu) * self.absent[m]  # (V, d)
        h = self.norm(h)
        if self.cfg.personality:
            h = h + trait_conf.unsqueeze(-1) * self.trait_proj(traits - 0.5)  # (V, d)
        return h

    def forward(
        self,
        x: dict[str, torch.Tensor],
        present: dict[str, torch.Tensor],
        traits: torch.Tensor,
        trait_conf: torch.Tensor,
        edge_index: torch.Tensor,
        edge_type: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        masks = self.modality_masks(present, traits.shape[0])
        h0 = self.drop(self.node_input(x, masks, traits, trait_conf))  # (V, d)
        h = h0
        for conv in self.convs:
            h = h + self.drop(F.relu(conv(h, edge_index, edge_type)))  # (V, d)
        out = torch.cat([h, h0], dim=-1)  # (V, 2d)
        logits = self.cls(out)  # (V, 7)
        if self.cfg.modality_logits:
            for m, head in self.modality_cls.items():
                if m in x and bool(masks[m].any()):
                    logits = logits + masks[m].to(logits.dtype).unsqueeze(-1) * head(x[m])  # (V, 7)
        return logits, torch.tanh(self.va(out))  # (V, 7), (V, 2)

    def expected_valence_arousal(self, logits: torch.Tensor) -> torch.Tensor:
        """softmax(logits) @ PROTOTYPES: (|V|, 7) -> (|V|, 2)."""
        return logits.softmax(-1) @ self.prototypes
