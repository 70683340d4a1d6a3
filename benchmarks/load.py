"""Bounded load on a real emotion service over loopback: many concurrent sessions of mixed turns.

Each of ``--sessions`` sessions sends ``--turns`` turns one after another, as a conversation does
(a session waits for its answer before its next turn); all sessions run at once. Turn kinds
rotate by turn index, shifted per session: ``text``, ``text+audio`` (a sentence said by
espeak-ng, cut or padded with silence to ``--audio-seconds``, 16 kHz WAV) and
``text+audio+image`` (plus a face drawn on a ``--image-size`` JPEG with sensor noise, which
MediaPipe finds). Every input is made here; no data set is read.

Printed: throughput (turns answered per second of wall time), p50/p95 latency per kind, the
error rate per kind (answers other than 200, and requests that got no answer), turns lost
(turns sent that are not in the mood log; must be 0) and the 1-minute load average before and
after (figures of a 2-core machine shared with other jobs compare only within one run).

    nice -n 10 .venv/bin/python benchmarks/load.py [--sessions 50] [--turns 20] [--audio-seconds 3]
        [--image-size 640x480] [--postgres | --url URL [--database-url URL]] [--rate-limit N]

Without ``--url`` it starts ``emobot serve`` on a free loopback port with a throwaway SQLite
database (``--postgres``: a throwaway PostgreSQL database), with the per-session rate limit off
unless ``--rate-limit`` gives turns per minute. Bounded: at most sessions x turns requests, and
no turn is started after ``--max-seconds``; only loopback addresses are accepted for ``--url``.
"""
from __future__ import annotations

import argparse
import asyncio
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from tests.e2e.processes import emotion_service  # noqa: E402

KINDS = ("text", "text+audio", "text+audio+image")
SENTENCES = [
    "I feel so sad and lonely today", "I am really happy with how things went",
    "I am so angry that nobody listens to me", "Hello, how are you doing", "I am scared of what comes tomorrow",
    "That is disgusting, I hate it", "Wow, I did not expect that at all", "Thanks, that helps a lot",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


# --- inputs --------------------------------------------------------------------------------

def spoken_clip(sentence: str, seconds: float, rate: int = 16_000) -> bytes:
    """``sentence`` said by espeak-ng at 16 kHz, cut or padded with silence to ``seconds``: WAV bytes."""
    wav = subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "--stdout", sentence],
                         check=True, capture_output=True).stdout
    voice, voice_rate = sf.read(io.BytesIO(wav), dtype="float32")
    if voice_rate != rate:  # espeak-ng speaks at 22.05 kHz: linear interpolation is enough here
        voice = np.interp(np.arange(int(len(voice) * rate / voice_rate)) * voice_rate / rate,
                          np.arange(len(voice)), voice).astype(np.float32)
    clip = np.zeros(int(seconds * rate), np.float32)
    clip[: min(len(voice), len(clip))] = voice[: len(clip)]
    out = io.BytesIO()
    sf.write(out, clip, rate, format="WAV", subtype="PCM_16")
    return out.getvalue()


def drawn_face(width: int, height: int, seed: int) -> bytes:
    """A face (hair, skin, eyes, brows, nose, mouth) drawn on a ``width`` x ``height`` JPEG with noise."""
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (width, height), tuple(int(c) for c in rng.integers(60, 160, 3)))
    draw = ImageDraw.Draw(image)
    s = min(width, height) / 480  # the face is drawn for 480 px and scaled
    cx, cy = width // 2 + int(rng.integers(-40, 41) * s), height // 2 + int(rng.integers(-20, 21) * s)

    def box(x0, y0, x1, y1):
        return [cx + x0 * s, cy + y0 * s, cx + x1 * s, cy + y1 * s]

    draw.ellipse(box(-85, -140, 85, 40), fill=(40, 30, 20))
    draw.ellipse(box(-75, -100, 75, 100), fill=(224, 180, 150))
    for ex in (-35, 35):
        draw.ellipse(box(ex - 18, -35, ex + 18, -15), fill=(255, 255, 255))
        draw.ellipse(box(ex - 8, -33, ex + 8, -17), fill=(60, 40, 30))
        draw.line(box(ex - 22, -50, ex + 22, -52), fill=(60, 40, 30), width=max(1, int(5 * s)))
    draw.polygon([(cx, cy - 10 * s), (cx - 12 * s, cy + 30 * s), (cx + 12 * s, cy + 30 * s)], fill=(200, 150, 120))
    smile = int(rng.integers(0, 2))
    draw.arc(box(-40, 30 + 20 * (1 - smile), 40, 70 + 20 * (1 - smile)), *((20, 160) if smile else (200, 340)),
             fill=(150, 60, 60), width=max(1, int(6 * s)))
    pixels = np.asarray(image.filter(ImageFilter.GaussianBlur(2 * s)), dtype=np.float32)
    pixels = np.clip(pixels + rng.normal(0, 6, pixels.shape), 0, 255).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="JPEG", quality=90)
    return out.getvalue()


# --- the run -------------------------------------------------------------------------------

@dataclass
class Results:
    latency_s: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # kind -> answered 200
    sent: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # kind -> requests started
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # kind -> what went wrong
    used: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # kind -> modalities analysed
    turn_ids: list[str] = field(default_factory=list)  # client_turn_id of every turn sent


async def run_session(http: httpx.AsyncClient, run: str, index: int, args, clips: list[bytes],
                      faces: list[bytes], deadline: float, results: Results) -> None:
    session = f"load-{run}-{index}"
    for turn in range(args.turns):
        if time.monotonic() > deadline:
            return
        kind = KINDS[(turn + index) % len(KINDS)]
        turn_id = f"{run}-{index}-{turn}"
        data = {"text": SENTENCES[(turn * 3 + index) % len(SENTENCES)], "speaker_id": f"user-{index}",
                "bot": "load", "client_turn_id": turn_id}
        files = []
        if "audio" in kind:
            files.append(("audio", ("turn.wav", clips[(turn + index) % len(clips)], "audio/wav")))
        if "image" in kind:
            files.append(("images", ("face.jpg", faces[(turn + index) % len(faces)], "image/jpeg")))
        results.sent[kind] += 1
        results.turn_ids.append(turn_id)
        start = time.perf_counter()
        try:
            answer = await http.post(f"/v1/sessions/{session}/turns", data=data, files=files or None)
        except httpx.HTTPError as exc:
            results.errors[kind].append(type(exc).__name__)
            continue
        if answer.status_code == 200:
            results.latency_s[kind].append(time.perf_counter() - start)
            results.used[kind].extend(answer.json()["modalities_used"])
        else:
            results.errors[kind].append(f"{answer.status_code} {answer.json().get('error', {}).get('code', '')}")


async def load(url: str, args, run: str, clips: list[bytes], faces: list[bytes]) -> tuple[Results, float]:
    results = Results()
    limits = httpx.Limits(max_connections=args.sessions, max_keepalive_connections=args.sessions)
    async with httpx.AsyncClient(base_url=url, timeout=args.timeout, limits=limits) as http:
        start = time.perf_counter()
        deadline = time.monotonic() + args.max_seconds
        await asyncio.gather(*(run_session(http, run, i, args, clips, faces, deadline, results)
                               for i in range(args.sessions)))
        return results, time.perf_counter() - start


def logged_turn_ids(database_url: str, run: str, expected: int, settle_s: float = 60.0) -> tuple[set[str], int]:
    """client_turn_ids of the run's turns in the mood log, and how many rows have none (a turn
    refused by the rate limit is logged without it), once no more arrive (requests that timed out
    on the client may still be finishing in the service)."""
    engine = create_engine(database_url)
    try:
        seen, stable_since, give_up = -1, time.monotonic(), time.monotonic() + settle_s
        while True:
            with engine.connect() as conn:
                rows = [row[0] for row in conn.execute(
                    text("SELECT client_turn_id FROM turns WHERE session_id LIKE :prefix"), {"prefix": f"load-{run}-%"})]
            if len(rows) != seen:
                seen, stable_since = len(rows), time.monotonic()
            if len(rows) >= expected or time.monotonic() - stable_since > 3 or time.monotonic() > give_up:
                return {r for r in rows if r is not None}, rows.count(None)
            time.sleep(0.5)
    finally:
        engine.dispose()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(results: Results, wall_s: float, lost: int | None, load_before: float, load_after: float) -> None:
    sent = sum(results.sent.values())
    answered = sum(len(v) for v in results.latency_s.values())
    errors = sum(len(v) for v in results.errors.values())
    print(f"turns sent {sent}, answered 200: {answered}, wall {wall_s:.1f} s")
    print(f"throughput: {answered / wall_s:.2f} turns/s")
    print(f"{'kind':<18}{'sent':>6}{'p50 s':>9}{'p95 s':>9}{'errors':>8}  analysed (share of 200s); errors")
    for kind in KINDS:
        lat = results.latency_s[kind]
        p50 = f"{statistics.median(lat):.2f}" if lat else "-"
        p95 = f"{percentile(lat, 0.95):.2f}" if lat else "-"
        used = " ".join(f"{m} {results.used[kind].count(m) / max(len(lat), 1):.0%}"
                        for m in ("text", "audio", "face") if m in kind.replace("image", "face"))
        kinds = ", ".join(f"{e} x{results.errors[kind].count(e)}" for e in sorted(set(results.errors[kind])))
        print(f"{kind:<18}{results.sent[kind]:>6}{p50:>9}{p95:>9}{len(results.errors[kind]):>8}  {used}; {kinds or '-'}")
    print(f"error rate: {errors / max(sent, 1):.2%}")
    print(f"turns lost: {lost if lost is not None else 'not checked (give --database-url)'}")
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after; {os.cpu_count()} CPUs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="concurrent sessions")
    parser.add_argument("--turns", type=int, default=20, help="turns per session")
    parser.add_argument("--audio-seconds", type=float, default=3.0)
    parser.add_argument("--image-size", default="640x480", help="WIDTHxHEIGHT of the face snapshots")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one request may take")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="no turn starts after this")
    parser.add_argument("--rate-limit", type=float, default=0.0, help="turns per minute per session (0: off)")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL database, not SQLite")
    parser.add_argument("--url", help="a running service on loopback (then no service is started)")
    parser.add_argument("--database-url", help="its mood log, to count lost turns")
    args = parser.parse_args()
    width, height = (int(v) for v in args.image_size.lower().split("x"))
    if args.url and urlsplit(args.url).hostname not in LOOPBACK:
        parser.error("--url must be a loopback address (127.0.0.1, localhost, ::1)")

    clips = [spoken_clip(s, args.audio_seconds) for s in SENTENCES[:4]]
    faces = [drawn_face(width, height, seed) for seed in range(4)]
    run = uuid.uuid4().hex[:8]
    with ExitStack() as stack:
        url, database_url = args.url, args.database_url
        if url is None:
            if args.postgres:
                from tests.postgres import postgres_server, throwaway_database

                database_url = stack.enter_context(throwaway_database(stack.enter_context(postgres_server())))
            else:
                database_url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/moodlog.sqlite3"
            url = stack.enter_context(emotion_service(database_url, rate_limit_turns_per_minute=str(args.rate_limit)))
        print(f"service {url}, mood log {database_url.split('@')[-1] if database_url else '?'}; "
              f"{args.sessions} sessions x {args.turns} turns, audio {args.audio_seconds:g} s, image {width}x{height}")
        load_before = os.getloadavg()[0]
        results, wall_s = asyncio.run(load(url, args, run, clips, faces))
        load_after = os.getloadavg()[0]
        lost = None
        if database_url:
            logged, anonymous = logged_turn_ids(database_url, run, len(results.turn_ids))
            lost = max(0, len(set(results.turn_ids) - logged) - anonymous)
        report(results, wall_s, lost, load_before, load_after)


if __name__ == "__main__":
    main()
