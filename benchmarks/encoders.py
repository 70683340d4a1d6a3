"""Per-modality encoder latency on one thread, and memory.

    .venv/bin/python benchmarks/encoders.py [--repeats 50] [--data ../shared/data]

text:   one MELD dev utterance per call (tokenise + MiniLM + head)
speech: one 3.0 s RAVDESS clip per call, as WAV bytes (decode, silero-vad, Fbank, ECAPA-TDNN)
face:   one 640x480 JPEG with a face per call (decode, FaceLandmarker, features, MLP)
Prints median and p95 milliseconds per call, and the process's resident memory after loading
each encoder (peak RSS, MiB).
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TARGETS_MS = {"text": 15, "speech": 60, "face": 25}


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, inputs, repeats: int) -> list[float]:
    fn(inputs[0])  # warm-up
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        fn(inputs[i % len(inputs)])
        times.append((time.perf_counter() - start) * 1000)
    return times


def text_inputs(data: Path, n: int = 200) -> list[str]:
    with open(data / "meld" / "dev_sent_emo.csv", encoding="utf-8") as f:
        return [row["Utterance"] for _, row in zip(range(n), csv.DictReader(f))]


def speech_inputs(data: Path, n: int = 10) -> list[bytes]:
    clips = []
    for wav in sorted((data / "ravdess_speech_16k").glob("Actor_2*/*.wav"))[:n]:
        audio, rate = sf.read(wav, dtype="float32")
        audio = np.pad(audio, (0, max(0, 3 * rate - len(audio))))[: 3 * rate]  # exactly 3.0 s
        buf = io.BytesIO()
        sf.write(buf, audio, rate, format="WAV")
        clips.append(buf.getvalue())
    return clips


def face_inputs(data: Path, n: int = 10) -> list[bytes]:
    images = []
    for path in sorted((data / "facial_expressions_muxspace" / "images").glob("*_000*.jpg"))[:n]:
        face = Image.open(path).convert("RGB").resize((360, 360))
        canvas = Image.new("RGB", (640, 480), (200, 200, 200))
        canvas.paste(face, (140, 60))
        buf = io.BytesIO()
        canvas.save(buf, "JPEG", quality=90)
        images.append(buf.getvalue())
    return images


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("EMOBOT_DATA_DIR", REPO.parent / "shared" / "data")))
    args = parser.parse_args()
    torch.set_num_threads(1)

    from emotion.encoders.face import FaceEncoder
    from emotion.encoders.speech import SpeechEncoder
    from emotion.encoders.text import TextEncoder

    rows = []
    base = peak_rss_mib()
    text = TextEncoder.load(threads=1)
    rows.append(("text", timed(lambda t: text.encode([t]), text_inputs(args.data), args.repeats), peak_rss_mib()))
    speech = SpeechEncoder.load(threads=1)
    rows.append(("speech", timed(lambda c: speech.encode(c, filename="clip.wav"), speech_inputs(args.data), args.repeats),
                 peak_rss_mib()))
    face = FaceEncoder.load(threads=1)
    try:
        rows.append(("face", timed(lambda i: face.encode([i]), face_inputs(args.data), args.repeats), peak_rss_mib()))
    finally:
        face.close()

    print(f"encoder latency on 1 thread, {args.repeats} calls each (python {sys.version.split()[0]}, torch {torch.__version__})")
    print(f"{'modality':<8} {'median ms':>10} {'p95 ms':>8} {'target ms':>10} {'peak RSS MiB':>13}")
    for name, times, rss in rows:
        p95 = float(np.percentile(times, 95))
        print(f"{name:<8} {statistics.median(times):>10.1f} {p95:>8.1f} {TARGETS_MS[name]:>10} {rss:>13.0f}")
    print(f"peak RSS before loading any encoder: {base:.0f} MiB")


if __name__ == "__main__":
    main()
