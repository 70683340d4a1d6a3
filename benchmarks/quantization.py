"""Text encoder variants: MELD accuracy next to speed, measured in one run.

    .venv/bin/python benchmarks/quantization.py [--data ../shared/data/meld/test_sent_emo.csv] [--repeats 60]

Variants: torch fp32 (the committed model as trained), torch dynamic int8 (``quantize_dynamic``
on every linear layer), ONNX Runtime fp32 (the service's default, ``text_backend=onnxruntime``)
and ONNX Runtime dynamic int8. For each: weighted-F1 and accuracy on the CSV (what
``emobot evaluate text`` reports for torch fp32), agreement of its labels with torch fp32, and
the latency of reading one utterance (text encoder + the affect heads' sentence embedding on
its bottom layers, as a service turn does) on ``--threads`` threads: median and p95, variants
interleaved so that load from other processes hits each alike; the speed-up is the ratio of
medians to torch fp32 from the same run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from emotion.affect import AffectModel  # noqa: E402
from emotion.data.meld import load_meld  # noqa: E402
from emotion.encoders.text import TextEncoder  # noqa: E402
from emotion.evaluation.metrics import accuracy, weighted_f1  # noqa: E402
from emotion.labels import LABEL_INDEX, LABELS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "meld" / "test_sent_emo.csv")
    parser.add_argument("--repeats", type=int, default=60)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    table = load_meld(args.data)
    y_true = [LABEL_INDEX[r.label] for r in table.rows]
    base = TextEncoder.load(threads=args.threads)
    variants = {
        "torch fp32": base,
        "torch int8": base.quantized(),
        "onnxruntime fp32": base.on_onnxruntime(args.threads),
        "onnxruntime int8": base.on_onnxruntime(args.threads, int8=True),
    }
    print(f"text encoder variants on {args.data} ({len(y_true)} utterances), {args.threads} thread(s) "
          f"(load average {os.getloadavg()[0]:.2f})")
    predictions = {}
    for name, encoder in variants.items():
        probs = np.array([o.probs for o in encoder.encode(table.texts, batch_size=64)])
        predictions[name] = probs.argmax(1)
    affects = {name: AffectModel.load(threads=args.threads, text_encoder=enc) for name, enc in variants.items()}
    texts = table.texts[: args.repeats]
    times: dict[str, list[float]] = {name: [] for name in variants}
    for i, text in enumerate(texts * 1 + texts[:5]):
        for name, encoder in variants.items():
            unseen = f"{text} ({i})"  # never in the bottom layers' memo
            start = time.perf_counter()
            encoder.encode([unseen])
            affects[name].read(unseen)
            if i >= 5:
                times[name].append((time.perf_counter() - start) * 1000)
    reference = statistics.median(times["torch fp32"])
    print(f"{'variant':<18} {'wF1':>6} {'acc':>6} {'same label':>10} {'median ms':>10} {'p95 ms':>7} {'speed-up':>9}")
    for name in variants:
        y_pred = predictions[name]
        med = statistics.median(times[name])
        print(f"{name:<18} {weighted_f1(y_true, y_pred, len(LABELS)):>6.3f} {accuracy(y_true, y_pred):>6.3f} "
              f"{(y_pred == predictions['torch fp32']).mean():>10.3f} {med:>10.1f} "
              f"{np.percentile(times[name], 95):>7.1f} {reference / med:>8.2f}x")
    print(f"(load average {os.getloadavg()[0]:.2f}; latency: text encoder + affect embedding of one utterance)")


if __name__ == "__main__":
    main()
