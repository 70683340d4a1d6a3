"""Text-only vs pseudo-multimodal conversation graph on MELD test: the ablation table.

Rows are calls of ``emotion.evaluation.graph.evaluate`` (the ``emobot evaluate graph`` command)
on the committed checkpoints: ``graph_text.pt`` (trained on MELD text only) and ``graph.pt``
(trained pseudo-multimodal, see ``emotion/graph/pseudo.py``). "clean" is MELD test text only;
"paired p" gives each turn, with probability p per modality, a same-label held-out RAVDESS clip
(actors 19-24) and FER-2013 test face: those figures measure how the model uses audio/face
embeddings whose labels match, not multimodal ERC, and are never comparable with clean MELD.
"late fusion" is the graph's text-only reading fused afterwards with the speech and face
encoders' own readings of the same clips (the service's rule for a text-only graph); the
"encoders" rows are those readings alone (no text, no context).

Run: ``python benchmarks/graph_ablation.py [--data ../shared/data/meld/test_sent_emo.csv] [--json F]``.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
from pathlib import Path

from emotion.data.meld import data_dir
from emotion.evaluation.graph import evaluate
from emotion.settings import checkpoint_root

TEXT_ONLY, MULTIMODAL = "graph_text.pt", "graph.pt"  # in checkpoint_root()

# (row name, checkpoint, evaluate() keyword arguments, which figure: "graph" or "late_fusion")
ROWS = [
    ("text-only graph, clean MELD", TEXT_ONLY, {}, "graph"),
    ("pseudo-MM graph, clean MELD (text only)", MULTIMODAL, {}, "graph"),
    ("text-only graph + late fusion, paired p=0.5", TEXT_ONLY, {"pseudo_multimodal": True}, "late_fusion"),
    ("pseudo-MM graph, paired p=0.5", MULTIMODAL, {"pseudo_multimodal": True}, "graph"),
    ("text-only graph + late fusion, paired p=1", TEXT_ONLY, {"pseudo_multimodal": True, "presence": 1.0}, "late_fusion"),
    ("pseudo-MM graph, paired p=1", MULTIMODAL, {"pseudo_multimodal": True, "presence": 1.0}, "graph"),
    ("speech x face encoders, p=1, no text", MULTIMODAL,
     {"pseudo_multimodal": True, "presence": 1.0, "hidden": ("text",)}, "late_fusion"),
    ("pseudo-MM graph, audio+face p=1, no text", MULTIMODAL,
     {"pseudo_multimodal": True, "presence": 1.0, "hidden": ("text",)}, "graph"),
    ("speech encoder alone, p=1, no text", MULTIMODAL,
     {"pseudo_multimodal": True, "presence": 1.0, "hidden": ("text", "face")}, "late_fusion"),
    ("pseudo-MM graph, audio p=1, no text", MULTIMODAL,
     {"pseudo_multimodal": True, "presence": 1.0, "hidden": ("text", "face")}, "graph"),
    ("face encoder alone, p=1, no text", MULTIMODAL,
     {"pseudo_multimodal": True, "presence": 1.0, "hidden": ("text", "audio")}, "late_fusion"),
    ("pseudo-MM graph, face p=1, no text", MULTIMODAL,
     {"pseudo_multimodal": True, "presence": 1.0, "hidden": ("text", "audio")}, "graph"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=data_dir() / "meld" / "test_sent_emo.csv")
    parser.add_argument("--json", type=Path, default=None, help="also write the table as JSON here")
    args = parser.parse_args()
    table = []
    print(f"{'':46s} {'causal wF1':>10s} {'offline wF1':>11s} {'causal mF1':>10s}")
    for name, checkpoint, kwargs, figure in ROWS:
        row = {"row": name, "checkpoint": checkpoint, **{k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()}}
        for mode in ("causal", "offline"):
            with contextlib.redirect_stdout(io.StringIO()):  # evaluate prints whole reports
                report = evaluate(args.data, mode=mode, checkpoint=checkpoint_root() / checkpoint, **kwargs)
            scores = report if figure == "graph" else report["late_fusion"]
            row[mode] = {k: round(scores[k], 4) for k in ("weighted_f1", "macro_f1", "accuracy")}
        table.append(row)
        print(f"{name:46s} {row['causal']['weighted_f1']:>10.4f} {row['offline']['weighted_f1']:>11.4f} "
              f"{row['causal']['macro_f1']:>10.4f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(table, indent=2) + "\n")


if __name__ == "__main__":
    main()
