"""Plotly figure specs (plain JSON) for a session's timeline; the page draws them with plotly.js.

The specs go into the page as JSON data, not as script, so the content security policy can
forbid inline scripts; static/charts.js hands them to ``Plotly.newPlot``.
"""
from __future__ import annotations

from typing import Any

from emotion.dashboard.queries import NEGATIVE_VALENCE

# Colour-blind-safe (Okabe-Ito), one per label in LABELS order.
LABEL_COLOURS = {"neutral": "#999999", "joy": "#E69F00", "sadness": "#0072B2", "anger": "#D55E00",
                 "fear": "#CC79A7", "disgust": "#009E73", "surprise": "#F0E442"}

_LAYOUT = {"margin": {"l": 55, "r": 20, "t": 40, "b": 20}, "height": 340, "hovermode": "x unified",
           "legend": {"orientation": "h", "y": -0.3, "yanchor": "top"}, "font": {"size": 13}}


def label_distribution_figure(timeline: dict[str, Any]) -> dict[str, Any]:
    """Stacked area: the tracked state's probability per label (0..1) against turn index."""
    x = timeline["turn_index"]
    data = [{"type": "scatter", "mode": "lines", "name": label, "x": x, "y": timeline["state_probabilities"][label],
             "stackgroup": "state", "line": {"width": 0.5, "color": LABEL_COLOURS.get(label)}}
            for label in timeline["labels"]]
    layout = {**_LAYOUT, "title": {"text": "Tracked emotion state by turn"},
              "xaxis": {"title": {"text": "turn"}}, "yaxis": {"title": {"text": "probability"}, "range": [0, 1]}}
    return {"data": data, "layout": layout}


def valence_arousal_figure(timeline: dict[str, Any]) -> dict[str, Any]:
    """Lines: tracked valence and arousal in [-1, 1] against turn index, with each turn's own valence."""
    x = timeline["turn_index"]
    data = [
        {"type": "scatter", "mode": "lines+markers", "name": "state valence", "x": x, "y": timeline["state_valence"],
         "line": {"color": "#0072B2"}},
        {"type": "scatter", "mode": "lines+markers", "name": "state arousal", "x": x, "y": timeline["state_arousal"],
         "line": {"color": "#D55E00", "dash": "dash"}},
        {"type": "scatter", "mode": "markers", "name": "turn valence", "x": x, "y": timeline["valence"],
         "marker": {"color": "#555555", "symbol": "circle-open"}},
    ]
    layout = {**_LAYOUT, "title": {"text": "Valence and arousal"}, "xaxis": {"title": {"text": "turn"}},
              "yaxis": {"title": {"text": "value"}, "range": [-1.05, 1.05], "zeroline": True},
              "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": NEGATIVE_VALENCE,
                          "y1": NEGATIVE_VALENCE, "line": {"color": "#B00020", "width": 1, "dash": "dot"}}],
              "annotations": [{"xref": "paper", "x": 1, "xanchor": "right", "y": NEGATIVE_VALENCE, "yanchor": "bottom",
                               "text": f"negative below {NEGATIVE_VALENCE}", "showarrow": False,
                               "font": {"color": "#B00020", "size": 12}}]}
    return {"data": data, "layout": layout}
