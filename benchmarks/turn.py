"""Emotion analysis through HTTP: latency per turn kind with a per-stage breakdown, the cost of
turn 10, 100 and 1,000 of one session, throughput under concurrency with and without
micro-batching, and the service's start-up time and memory.

    .venv/bin/python benchmarks/turn.py [--turns 40] [--postgres] [--only latency,session,throughput]

It starts ``emobot serve`` (SQLite in a temporary folder, or a throwaway PostgreSQL database
with ``--postgres``) and talks to it over loopback HTTP with keep-alive, as the Rasa channel does.

latency:    kinds ``text`` (a MELD utterance), ``text+audio`` (+ a 3.0 s RAVDESS WAV) and
            ``text+audio+image`` (+ one 640x480 JPEG with a face), interleaved round-robin so that
            load from other processes hits every kind alike, each turn with a text not sent before; median and p95 of the HTTP round
            trip, and the median of each stage the service reports in ``timings_ms``. With
            ``--compare NAME=VALUE`` a second service with that setting changed is measured in
            the same loop, and the ratios of the two are printed.
session:    one session filled to turn 990 and one to turn 90 through the API, then 20 measured
            text turns each, interleaved with the first 20 turns of a new session: turns ~10,
            ~100 and ~1,000, with their ratios (same run).
throughput: ``--clients`` concurrent clients, each its own session, post text turns for
            ``--seconds``; turns per second with micro-batching on and off, two services
            measured alternately twice (on, off, on, off), ratio of the sums.
memory:     resident set (VmRSS) and its peak (VmHWM) of the service after the runs, and the
            start-up time (process start to the first 200 from /healthz, models loaded and warm).

Every phase prints the 1-minute load average before and after: the figures of a 2-core machine
shared with other jobs are only comparable to figures of the same run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
import numpy as np  # noqa: E402

from benchmarks.encoders import face_inputs, speech_inputs, text_inputs  # noqa: E402
from tests.e2e.processes import free_port, running  # noqa: E402

KINDS = ("text", "text+audio", "text+audio+image")
STAGES = ("text_encoder", "affect", "text_queue", "audio_decode", "vad", "speech_encoder", "face_encoder",
          "crisis_screening", "analysis", "moodlog_read", "graph", "tracking", "derive", "moodlog_write")
# the service's own stages one after another (analysis holds the encoders): their sum is its time for a turn
SERVICE_STAGES = ("moodlog_read", "asr", "crisis_screening", "analysis", "graph", "tracking", "derive", "moodlog_write")


def load() -> str:
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def memory_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MiB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


@contextmanager
def service(database_url: str, name: str, **settings: str) -> Iterator[tuple[str, int, float]]:
    """``emobot serve`` with EMOBOT_<setting> overrides; yields (base URL, pid, start-up seconds)."""
    port = free_port()
    env = {"EMOBOT_DATABASE_URL": database_url, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "EMOBOT_RATE_LIMIT_TURNS_PER_MINUTE": "0",  # a benchmark session sends hundreds of turns a minute
           **{f"EMOBOT_{k.upper()}": v for k, v in settings.items()}}
    cmd = [str(Path(sys.executable).parent / "emobot"), "serve", "--port", str(port)]
    start = time.perf_counter()
    with running(cmd, f"http://127.0.0.1:{port}/healthz", env=env, name=f"bench-{name}-{port}", timeout=300) as proc:
        yield f"http://127.0.0.1:{port}", proc.pid, time.perf_counter() - start


class Inputs:
    def __init__(self, data: Path):
        self.texts = text_inputs(data)
        self.clips = speech_inputs(data)
        self.images = face_inputs(data)
        self.sent = 0

    def turn(self, kind: str, i: int) -> tuple[dict, list | None]:
        files = []
        if "audio" in kind:
            # a different last sample (at most 1/500 of full scale) per request: the service
            # remembers recent clips by content, and a repeated clip would not be decoded again
            self.sent += 1
            clip = bytearray(self.clips[i % len(self.clips)])
            clip[-2:] = (self.sent % 64).to_bytes(2, "little")
            files.append(("audio", ("turn.wav", bytes(clip), "audio/wav")))
        if "image" in kind:
            files.append(("images", ("face.jpg", self.images[i % len(self.images)], "image/jpeg")))
        return {"text": self.texts[i % len(self.texts)], "speaker_id": "user"}, files or None


def post(http: httpx.Client, url: str, session: str, data: dict, files) -> tuple[float, dict]:
    start = time.perf_counter()
    response = http.post(f"{url}/v1/sessions/{session}/turns", data=data, files=files)
    elapsed = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    return elapsed, response.json()


def latency(urls: dict[str, str], inputs: Inputs, turns: int) -> None:
    print(f"\n== latency per turn kind: {turns} turns each, interleaved ({load()})")
    wall: dict[tuple[str, str], list[float]] = defaultdict(list)
    stages: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with httpx.Client(timeout=60) as http:
        for i in range(turns + 3):
            for k, kind in enumerate(KINDS):
                for name, url in urls.items():
                    # each kind its own text: a text another kind has just sent would hit the
                    # service's memos and make that kind's text and crisis stages look cheaper
                    turn = inputs.turn(kind, i * len(KINDS) + k)
                    ms, body = post(http, url, f"lat-{kind.replace('+', '-')}-{i % 4}", *turn)
                    if set(body["modalities_used"]) != set(kind.replace("image", "face").split("+")):
                        raise RuntimeError(f"{kind} turn used {body['modalities_used']}: {body['modalities']}")
                    if i < 3:  # warm-up
                        continue
                    wall[name, kind].append(ms)
                    for stage, value in (body.get("timings_ms") or {}).items():
                        stages[name, kind][stage].append(value)
    for name in urls:
        print(f"\n[{name}]\n{'kind':<18} {'median ms':>10} {'p95 ms':>8}   (HTTP round trip)")
        for kind in KINDS:
            print(f"{kind:<18} {statistics.median(wall[name, kind]):>10.1f} {p95(wall[name, kind]):>8.1f}")
        print("median ms per stage (text_queue: waiting for a batch; analysis: all encoders, audio/face beside text):")
        print(f"{'stage':<15}" + "".join(f"{k:>18}" for k in KINDS))
        for stage in STAGES:
            if any(stages[name, k].get(stage) for k in KINDS):
                print(f"{stage:<15}" + "".join(f"{statistics.median(stages[name, k][stage]):>18.1f}"
                                               if stages[name, k].get(stage) else f"{'-':>18}" for k in KINDS))
    if len(urls) == 2:
        a, b = urls
        print(f"\nratio {b} / {a}: " + ", ".join(
            f"{kind} median {statistics.median(wall[b, kind]) / statistics.median(wall[a, kind]):.2f}x "
            f"p95 {p95(wall[b, kind]) / p95(wall[a, kind]):.2f}x" for kind in KINDS))
    print(f"({load()})")


def session_cost(url: str, inputs: Inputs, measured: int = 20) -> None:
    print(f"\n== per-turn cost along one session ({load()})")
    sessions = {10: "s-new", 100: "s-100", 1000: "s-1000"}
    fill = {"s-100": 100 - measured // 2, "s-1000": 1000 - measured // 2}
    with httpx.Client(timeout=60) as http:
        start = time.perf_counter()
        threads = [threading.Thread(target=lambda s=s, n=n: [post(http, url, s, *inputs.turn("text", i)) for i in range(n)])
                   for s, n in fill.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(f"filled {sum(fill.values())} turns in {time.perf_counter() - start:.0f} s")
        times: dict[int, list[float]] = defaultdict(list)
        nodes: dict[int, int] = {}
        for i in range(measured):
            for at, session in sessions.items():
                ms, body = post(http, url, session, *inputs.turn("text", 7 * i + at))
                times[at].append(ms)
                nodes[at] = body["turn_index"]
    base = statistics.median(times[10])
    print(f"{'turn':>6} {'median ms':>10} {'p95 ms':>8} {'x turn 10':>10}   (turn index reached)")
    for at in sessions:
        print(f"{at:>6} {statistics.median(times[at]):>10.1f} {p95(times[at]):>8.1f} "
              f"{statistics.median(times[at]) / base:>10.2f}   ({nodes[at]})")
    print(f"({load()})")


def throughput(urls: dict[str, str], inputs: Inputs, clients: int, seconds: float) -> None:
    print(f"\n== throughput: {clients} concurrent clients, text turns, {seconds:.0f} s per run ({load()})")
    done: dict[str, list[int]] = defaultdict(list)
    batch_note: dict[str, list[float]] = defaultdict(list)
    for round_ in range(2):
        for mode, url in urls.items():
            count = [0] * clients
            stop = time.perf_counter() + seconds

            def client(k: int) -> None:
                with httpx.Client(timeout=60) as http:
                    i = 0
                    while time.perf_counter() < stop:
                        _, body = post(http, url, f"tp-{mode}-{round_}-{k}", *inputs.turn("text", 31 * k + i))
                        if body["modalities_used"] != ["text"]:
                            raise RuntimeError(f"the text was not analysed: {body['modalities']}")
                        batch_note[mode].append((body.get("timings_ms") or {}).get("text_batch", 1.0))
                        count[k] += 1
                        i += 1
            threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            rate = sum(count) / (time.perf_counter() - start)
            done[mode].append(sum(count))
            print(f"round {round_ + 1} batching {mode:<3}: {rate:6.1f} turns/s  ({load()})")
    total = {m: sum(v) / (2 * seconds) for m, v in done.items()}
    for mode in urls:
        print(f"batching {mode:<3}: {total[mode]:6.1f} turns/s over both rounds, "
              f"median texts per batch {statistics.median(batch_note[mode]):.0f}")
    print(f"batching on / off: {total['on'] / total['off']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=40, help="measured turns per kind")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL database instead of SQLite")
    parser.add_argument("--only", default="latency,session,throughput")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="an EMOBOT_ setting for the measured service, e.g. torch_threads=1 (repeatable)")
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=VALUE",
                        help="latency: also measure a service with these settings changed, in the same loop")
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("EMOBOT_DATA_DIR", REPO.parent / "shared" / "data")))
    args = parser.parse_args()
    phases = set(args.only.split(","))
    settings = dict(s.split("=", 1) for s in args.setting)
    inputs = Inputs(args.data)
    print(f"emobot turn benchmark, {os.cpu_count()} CPUs, settings {settings or 'defaults'} ({load()})")
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        def database(name: str) -> str:
            if not args.postgres:
                return f"sqlite:///{Path(tmp) / name}.sqlite3"
            from tests.postgres import postgres_server, throwaway_database

            return stack.enter_context(throwaway_database(stack.enter_context(postgres_server())))

        url, pid, startup = stack.enter_context(service(database("main"), "main", **settings))
        rss0, _ = memory_mib(pid)
        print(f"service start-up {startup:.1f} s (models loaded and warmed up), RSS {rss0:.0f} MiB ({load()})")
        if "latency" in phases:
            urls = {"service": url}
            if args.compare:
                changed = dict(s.split("=", 1) for s in args.compare)
                other, _, _ = stack.enter_context(service(database("compare"), "compare", **{**settings, **changed}))
                urls = {"service": url, " ".join(args.compare): other}
            latency(urls, inputs, args.turns)
        if "session" in phases:
            session_cost(url, inputs)
        if "throughput" in phases:
            unbatched, _, _ = stack.enter_context(service(database("off"), "off", **{**settings, "batch_text": "false"}))
            throughput({"on": url, "off": unbatched}, inputs, args.clients, args.seconds)
        rss, peak = memory_mib(pid)
        print(f"\nservice memory after the runs: RSS {rss:.0f} MiB, peak {peak:.0f} MiB (target 1.2 GB = 1,144 MiB)")


if __name__ == "__main__":
    main()
