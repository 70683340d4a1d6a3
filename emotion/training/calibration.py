"""Temperature scaling (Guo et al., 2017), shared by every recipe.

Given held-out logits z (N, C) and labels y (N,), find T > 0 minimising
NLL = -mean_i log softmax(z_i / T)[y_i]; T is optimised in log space so it stays positive.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """logits: (N, C) float; labels: (N,) long. Returns the scalar temperature T > 0."""
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200)

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    opt.step(closure)
    return float(log_t.detach().exp())
