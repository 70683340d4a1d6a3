"""Voice channel latency: from the end of speech to the first reply audio, median and p95.

Each turn is a sentence spoken by espeak-ng, POSTed whole to ``/webhooks/emobot_voice/webhook``
(the clip ends where the speech ends, and uploading it on loopback takes well under 1 ms, so the
request's start is the end of speech). The reply audio arrives with the JSON answer (no
streaming), so the time to the answer is the time to the first reply audio. It covers one
request to the service (decode, silero-vad, Whisper, the emotion analysis of the words and the
clip, the mood log write), Rasa's prediction and espeak-ng synthesis.

Run: ``.venv/bin/python benchmarks/voice.py [--turns 20] [--rasa-url URL]``; without
``--rasa-url`` it starts the emotion service (SQLite in a temporary folder) and the support bot.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.test_voice import spoken, voice_servers  # noqa: E402

SENTENCES = ["I feel so sad and lonely today", "I am really happy with how things went",
             "I am so angry that nobody listens to me", "Hello, how are you", "I am scared of tomorrow"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20, help="measured turns (after 2 warm-up turns)")
    parser.add_argument("--rasa-url", default=None, help="a running Rasa server with the emobot_voice channel")
    args = parser.parse_args()

    clips = [spoken(s) for s in SENTENCES]
    with tempfile.TemporaryDirectory() as tmp:
        servers = (nullcontext((None, args.rasa_url)) if args.rasa_url
                   else voice_servers(f"sqlite:///{Path(tmp) / 'moodlog.sqlite3'}",
                                      rate_limit_turns_per_minute="0"))  # one caller, many turns a minute
        with servers as (service_url, rasa_url), httpx.Client(timeout=120) as http:
            latencies: list[float] = []
            asr: list[float] = []
            for turn in range(args.turns + 2):
                clip = clips[turn % len(clips)]
                start = time.perf_counter()
                answer = http.post(f"{rasa_url}/webhooks/emobot_voice/webhook",
                                   data={"sender": "bench-voice", "user_id": "bench-voice"},
                                   files={"audio": ("turn.wav", clip, "audio/wav")})
                elapsed = time.perf_counter() - start
                answer.raise_for_status()
                body = answer.json()
                if not body.get("audio"):
                    raise RuntimeError(f"turn {turn} came back without audio: {body}")
                if turn >= 2:
                    latencies.append(elapsed)
                    if service_url:  # the same clip through ASR alone, for the breakdown
                        start = time.perf_counter()
                        http.post(f"{service_url}/v1/asr", files={"audio": ("turn.wav", clip, "audio/wav")})
                        asr.append(time.perf_counter() - start)
                print(f"turn {turn:2d}{' (warm-up)' if turn < 2 else ''}: {elapsed * 1000:7.0f} ms  "
                      f"heard {body['transcript']!r}")
    print(f"end of speech -> reply audio over {len(latencies)} turns: "
          f"median {statistics.median(latencies) * 1000:.0f} ms, p95 {percentile(latencies, 0.95) * 1000:.0f} ms")
    if asr:
        print(f"of which ASR alone (POST /v1/asr): median {statistics.median(asr) * 1000:.0f} ms, "
              f"p95 {percentile(asr, 0.95) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
