"""Latency of the dashboard's pages, search and live queue over a 100k-turn mood log on PostgreSQL.

Seeds a throwaway database (tests/postgres.py: the local server, or a private cluster) by bulk
insert: ``--sessions`` conversations of ``--turns`` turns (half user turns with an emotion record,
tracked with emotion.tracking.track; moods drift between calm and sad stretches; chat-like texts
drawn from a fixed vocabulary, one word in about 1 of 1000 turns; 2% of user turns screened at
possible or high crisis risk), spread over 4 bots, with a handoff in 5% of them and the bot's
replies on every user turn. Then it starts the dashboard with uvicorn on loopback, signs in a
supervisor of 2 of the 4 bots and times ``--repeats`` sequential HTTP requests (keep-alive, full
page bodies) of: the sessions list (first page, each filter, a deep keyset page), search (user
id prefix; transcript words: common, rare, prefix, two words), the handoff queue sorted by risk,
the live queue's first event, and session views (each view also writes an audit entry).
Last, it holds ``--streams`` live pages open (half the queue's event stream, half a handoff's
thread) for 10 s while nothing changes and reports the server's CPU per second.

Run: ``python benchmarks/dashboard.py [--sessions 2000 --turns 50 --repeats 30 --streams 50]``.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.postgres

import httpx  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402
from sqlmodel import Session, col, select  # noqa: E402

from emotion.dashboard.security import create_supervisor  # noqa: E402
from emotion.labels import LABELS  # noqa: E402
from emotion.moodlog.db import make_engine, migrate  # noqa: E402
from emotion.moodlog.governance import BotAssignment, Handoff  # noqa: E402
from emotion.moodlog.models import ConversationSession, EmotionRecord, Turn, utcnow  # noqa: E402
from emotion.tracking import EmotionReading, track  # noqa: E402
from tests.e2e.processes import free_port, running  # noqa: E402
from tests.postgres import postgres_server, throwaway_database  # noqa: E402

BOTS = ("support", "coach", "tutor", "sales")
PASSWORD = "benchmark password"
OPENERS = ("i feel", "honestly i am", "today i was", "kind of", "still", "so", "idk i'm", "just")
FEELINGS = ("tired", "anxious", "lonely", "stressed", "ok", "better", "sad", "angry", "calm", "hopeful", "worried")
ABOUT = ("about work", "about school", "after the exam", "since the breakup", "with my family", "at night",
         "about money", "with my sleep", "about my friends", "for no reason")
RARE = "zeppelin"  # in about 1 of 1000 user turns


def _chat_text(rng: random.Random) -> str:
    words = f"{rng.choice(OPENERS)} {rng.choice(FEELINGS)} {rng.choice(ABOUT)}"
    return words + (f" like a {RARE}" if rng.random() < 0.001 else "")


def _screening(rng: random.Random) -> dict | None:
    """2% of user turns: possible or high risk with a category; the rest screened at none."""
    if rng.random() >= 0.02:
        return {"risk": round(rng.random() * 0.3, 3), "flag": False, "level": "none", "category": None}
    high = rng.random() < 0.5
    return {"risk": round(0.6 + rng.random() * 0.4 if high else 0.35 + rng.random() * 0.25, 3), "flag": high,
            "level": "high" if high else "possible", "category": rng.choice(("plan", "passive_ideation", "method"))}


def _reading(rng: random.Random, sad: bool) -> EmotionReading:
    main = "sadness" if sad else rng.choice(("neutral", "joy", "neutral", "surprise"))
    raw = [rng.random() * 0.2 for _ in LABELS]
    raw[LABELS.index(main)] += 1.0
    total = sum(raw)
    return EmotionReading(tuple(p / total for p in raw), confidence=0.5 + rng.random() * 0.5)


def seed(engine, sessions: int, turns: int, seed_: int = 0) -> int:
    """Bulk-insert the mood log; returns the number of turns."""
    rng = random.Random(seed_)
    now = utcnow()
    session_rows, turn_rows, record_rows, handoff_rows = [], [], [], []
    turn_id = 0
    for s in range(sessions):
        sid, user = f"bench-{s:06d}", f"user-{s % (sessions // 2 or 1):06d}"
        start = now - timedelta(days=rng.uniform(0, 60))
        previous, history = None, []
        sad = False
        for i in range(turns):
            turn_id += 1
            at = start + timedelta(seconds=30 * i)
            user_turn = i % 2 == 0
            said = _chat_text(rng) if user_turn else "that sounds hard, tell me more"
            turn_rows.append(dict(id=turn_id, session_id=sid, turn_index=i, speaker_id=user if user_turn else "bot",
                                  received_at=at, text=said, text_chars=len(said),
                                  status="analysed" if user_turn else "unanalysed", error_code=None,
                                  modalities={"text": {"status": "used"}} if user_turn else {},
                                  crisis=_screening(rng) if user_turn else None,
                                  bot_replies=["I hear you.", "What has helped before?"] if user_turn else None))
            if not user_turn:
                continue
            if rng.random() < 0.15:
                sad = not sad
            reading = _reading(rng, sad)
            state = track(previous, history, reading, smoothing=0.5, window=8)
            record_rows.append(dict(
                turn_id=turn_id, session_id=sid, speaker_id=user, turn_index=i, modalities_used=["text"],
                label=reading.label, probabilities=dict(zip(LABELS, reading.probs)),
                valence=reading.valence_arousal[0], arousal=reading.valence_arousal[1], confidence=reading.confidence,
                state_label=state.label, state_probabilities=dict(zip(LABELS, state.probs)),
                state_valence=state.valence, state_arousal=state.arousal, state_confidence=state.confidence,
                trend_valence=state.trend_valence, trend_arousal=state.trend_arousal, trend_labels=state.trend_labels,
                turns_observed=state.turns_observed))
            previous, history = state, [*history, reading][-7:]
        session_rows.append(dict(id=sid, bot=BOTS[s % len(BOTS)], user_id=user, created_at=start,
                                 updated_at=start + timedelta(seconds=30 * (turns - 1)), turn_count=turns))
        if rng.random() < 0.05:
            handoff_rows.append(dict(session_id=sid, user_id=user, bot=BOTS[s % len(BOTS)], status="open",
                                     reason="benchmark", created_at=now, snapshot={"turns": []}))
    with engine.begin() as conn:
        for table, rows in ((ConversationSession, session_rows), (Turn, turn_rows), (EmotionRecord, record_rows),
                            (Handoff, handoff_rows)):
            for k in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[k:k + 5000])
        conn.execute(text("SELECT setval('turns_id_seq', (SELECT max(id) FROM turns))"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    return len(turn_rows)


def cpu_ms(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far, in milliseconds (Linux /proc; 10 ms ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def timed(client: httpx.Client, path: str, repeats: int, server_pid: int) -> tuple[float, float, float]:
    """(median, p95) wall milliseconds of GET ``path``, and the server's CPU milliseconds per request."""
    client.get(path)  # warm
    cpu_before = cpu_ms(server_pid)
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    cpu = (cpu_ms(server_pid) - cpu_before) / repeats
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))], cpu


def first_event_ms(client: httpx.Client, path: str, repeats: int) -> tuple[float, float]:
    """(median, p95) milliseconds from opening the event stream ``path`` to its first event."""
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        with client.stream("GET", path) as response:
            for line in response.iter_lines():
                if line.startswith("data:"):
                    break
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


async def idle_streams_cpu(base_url: str, cookies: httpx.Cookies, paths: list[str], seconds: float,
                           server_pid: int) -> float:
    """The server's CPU milliseconds per second while ``paths`` are held open as event streams
    and nothing changes (after 2 s for every stream to start)."""
    async with httpx.AsyncClient(base_url=base_url, cookies=cookies, timeout=None,
                                 limits=httpx.Limits(max_connections=len(paths) + 1)) as client:
        async def hold(path: str) -> None:
            async with client.stream("GET", path) as response:
                if response.status_code != 200 or "text/event-stream" not in response.headers.get("content-type", ""):
                    raise RuntimeError(f"{path}: {response.status_code} {response.headers.get('content-type')}")
                got.append(path)
                async for chunk in response.aiter_raw():
                    pass

        got: list[str] = []  # streams that answered
        tasks = [asyncio.create_task(hold(p)) for p in paths]
        await asyncio.sleep(2.0)
        before = cpu_ms(server_pid)
        await asyncio.sleep(seconds)
        used = cpu_ms(server_pid) - before
        if len(got) < len(paths):
            raise RuntimeError(f"only {len(got)} of {len(paths)} streams started (a connection pool held by streams?)")
        ended = [t for t in tasks if t.done()]
        if ended:
            raise RuntimeError(f"{len(ended)} of {len(tasks)} streams ended early: {ended[0].exception()!r}")
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return used / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--turns", type=int, default=50, help="turns per session")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--streams", type=int, default=50, help="live pages held open for the idle CPU figure")
    args = parser.parse_args()
    with postgres_server() as admin_url, throwaway_database(admin_url) as url:
        engine = make_engine(url)
        migrate(engine)
        t0 = time.perf_counter()
        n = seed(engine, args.sessions, args.turns)
        print(f"seeded {args.sessions} sessions, {n} turns in {time.perf_counter() - t0:.1f} s")
        with Session(engine) as db:
            sup = create_supervisor(db, "bench@example.org", PASSWORD)
            db.add_all([BotAssignment(supervisor_id=sup.id, bot=b) for b in BOTS[:2]])
            db.commit()
            handoff_id = db.exec(select(Handoff.id).where(col(Handoff.bot).in_(BOTS[:2]))).first()
        engine.dispose()
        port = free_port()
        env = {"EMOBOT_DASHBOARD_DATABASE_URL": url, "EMOBOT_DASHBOARD_COOKIE_SECURE": "false",
               "EMOBOT_DASHBOARD_RETENTION_DAYS": "0"}
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "emotion.dashboard.app:create_dashboard",
               "--port", str(port), "--log-level", "warning"]
        with running(cmd, f"http://127.0.0.1:{port}/healthz", env=env, name="dashboard-benchmark") as server, \
                httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/sign-in").text).group(1)
            client.post("/sign-in", data={"email": "bench@example.org", "password": PASSWORD, "csrf_token": token})
            deep, deep_path, pages = client.get("/sessions").text, "/sessions", 1
            while pages < 11 and (found := re.search(r'rel="next" href="([^"]+)"', deep)):
                deep_path = found.group(1).replace("&amp;", "&")
                deep, pages = client.get(deep_path).text, pages + 1
            cases = {
                "baseline: /healthz (no database)": "/healthz",
                "sessions list, first page": "/sessions",
                f"sessions list, page {pages} (keyset)": deep_path,
                "sessions list, bot + date range": "/sessions?bot=support&date_from="
                                                    + (utcnow() - timedelta(days=30)).date().isoformat(),
                "sessions list, sustained negative": "/sessions?sustained_negative=true",
                "sessions list, min distress 0.7": "/sessions?min_distress=0.7",
                "sessions list, crisis": "/sessions?crisis=true",
                "search: user id prefix": "/sessions?user_id=user-0001",
                "search: a common word": "/sessions?q=tired",
                f"search: a rare word ({RARE})": f"/sessions?q={RARE}",
                "search: a word prefix": "/sessions?q=worr*",
                "search: two words": "/sessions?q=lonely+night",
                "handoff queue (sorted by risk)": "/handoffs",
                f"session view ({args.turns} turns)": "/sessions/bench-000000",
                f"session view ({args.turns} turns), other session": f"/sessions/bench-{4 * (args.sessions // 8) + 1:06d}",
            }
            print(f"{'request':48s} {'median ms':>10s} {'p95 ms':>8s} {'server CPU ms':>14s}"
                  f"   ({args.repeats} requests each; load average {os.getloadavg()[0]:.1f})")
            for name, path in cases.items():
                median, p95, cpu = timed(client, path, args.repeats, server.pid)
                print(f"{name:48s} {median:10.1f} {p95:8.1f} {cpu:14.1f}")
            median, p95 = first_event_ms(client, "/handoffs/queue/events", args.repeats)
            print(f"{'live queue: first event':48s} {median:10.1f} {p95:8.1f}")
            paths = [("/handoffs/queue/events" if k % 2 else f"/handoffs/{handoff_id}/events")
                     for k in range(args.streams)]
            idle = asyncio.run(idle_streams_cpu(f"http://127.0.0.1:{port}", client.cookies, paths, 10.0, server.pid))
            print(f"{args.streams} live pages open, nothing changing: server CPU {idle:.1f} ms per second")


if __name__ == "__main__":
    main()
