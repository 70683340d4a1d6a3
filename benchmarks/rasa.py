"""Rasa round trip with emobot on against the same bot with emobot off, measured in one run.

    .venv/bin/python benchmarks/rasa.py [--conversations 8] [--bot support]

One Rasa server (``rasa run``, the bot's trained model, its action server) with two channels
in its credentials: our ``emobot_web`` channel (each turn is analysed by the emotion service,
``emobot serve`` on SQLite, before Rasa handles it) and Rasa's own ``rest`` channel (emobot
off: no service call; the emotion policies see no emotion and fall back to Rasa's policies).
The same conversation is sent through both, turn by turn, alternating which channel goes first,
so both see the same load; each conversation has a fresh sender id per channel. Printed: median
and p95 of the round trip per channel, their ratio (target <= 1.5), the emotion service's share
(its ``timings_ms``), and the start-up time and resident memory of Rasa and the emotion service.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
import numpy as np  # noqa: E402

from benchmarks.turn import SERVICE_STAGES, load, memory_mib, service  # noqa: E402
from tests.e2e.processes import free_port, running  # noqa: E402
from tests.e2e.rasa_server import RASA, RASA_ENV, action_server, has_actions, train_bot  # noqa: E402

CONVERSATION = ["hello", "I feel a bit down today", "work has been really stressful lately",
                "my boss shouted at me in front of everyone", "I am so angry about it",
                "talking helps, thank you", "I am glad it is almost the weekend", "bye"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=8, help="measured conversations (after one warm-up)")
    parser.add_argument("--bot", default="support")
    args = parser.parse_args()
    print(f"Rasa round trip, bot {args.bot}, {len(CONVERSATION)} turns x {args.conversations} conversations "
          f"per channel, {os.cpu_count()} CPUs ({load()})")
    bot_dir = REPO / "bot" / args.bot
    model = train_bot(args.bot)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        service_url, service_pid, service_startup = stack.enter_context(
            service(f"sqlite:///{Path(tmp) / 'moodlog.sqlite3'}", "rasa-bench"))
        env = {**RASA_ENV, "EMOBOT_SERVICE_URL": service_url, "EMOBOT_OUTBOX_PATH": str(Path(tmp) / "outbox.sqlite3")}
        endpoints = bot_dir / "endpoints.yml"
        if has_actions(args.bot):
            actions_url = stack.enter_context(action_server(args.bot, service_url))
            endpoints = Path(tmp) / "endpoints.yml"
            endpoints.write_text(f'action_endpoint:\n  url: "{actions_url}"\n')
        credentials = Path(tmp) / "credentials.yml"
        credentials.write_text((bot_dir / "credentials.yml").read_text() + "\n# emobot off: Rasa's own REST channel\nrest:\n")
        port = free_port()
        cmd = [str(RASA), "run", "--enable-api", "-m", str(model), "--interface", "127.0.0.1", "--port", str(port),
               "--credentials", str(credentials), "--endpoints", str(endpoints)]
        start = time.perf_counter()
        rasa = stack.enter_context(running(cmd, f"http://127.0.0.1:{port}/status", env=env,
                                           name=f"bench-rasa-{port}", timeout=300))
        rasa_startup = time.perf_counter() - start
        url = f"http://127.0.0.1:{port}/webhooks"
        print(f"Rasa start-up {rasa_startup:.1f} s (model loaded); emotion service start-up {service_startup:.1f} s ({load()})")
        times: dict[str, list[float]] = {"emobot on": [], "emobot off": []}
        service_ms: list[float] = []
        with httpx.Client(timeout=60) as http:
            for conversation in range(args.conversations + 1):
                for turn, text in enumerate(CONVERSATION):
                    order = ["emobot on", "emobot off"][:: 1 if (conversation + turn) % 2 == 0 else -1]
                    for channel in order:
                        sender = f"bench-{channel[7:]}-{conversation}"
                        path = "emobot_web/webhook?emotion=true" if channel == "emobot on" else "rest/webhook"
                        t0 = time.perf_counter()
                        response = http.post(f"{url}/{path}", json={"sender": sender, "message": text})
                        elapsed = (time.perf_counter() - t0) * 1000
                        response.raise_for_status()
                        body = response.json()
                        if channel == "emobot on":
                            emotion = body["emotion"]
                            if not emotion.get("available"):
                                raise RuntimeError(f"the emotion service did not analyse {text!r}: {emotion}")
                        if conversation > 0:  # the first conversation warms both paths up
                            times[channel].append(elapsed)
                            if channel == "emobot on" and emotion.get("timings_ms"):  # a replayed duplicate has none
                                service_ms.append(sum(v for k, v in emotion["timings_ms"].items()
                                                      if k in SERVICE_STAGES))
        print(f"{'channel':<11} {'median ms':>10} {'p95 ms':>8}")
        for channel, values in times.items():
            print(f"{channel:<11} {statistics.median(values):>10.1f} {np.percentile(values, 95):>8.1f}")
        on, off = (statistics.median(times[c]) for c in ("emobot on", "emobot off"))
        p95_on, p95_off = (np.percentile(times[c], 95) for c in ("emobot on", "emobot off"))
        print(f"ratio emobot on / off: median {on / off:.2f}x, p95 {p95_on / p95_off:.2f}x (target <= 1.5x); "
              f"the emotion service's own stages: median {statistics.median(service_ms):.1f} ms per turn")
        rss, peak = memory_mib(rasa.pid)
        srss, speak = memory_mib(service_pid)
        print(f"memory: Rasa RSS {rss:.0f} MiB (peak {peak:.0f}); emotion service RSS {srss:.0f} MiB (peak {speak:.0f})")
        print(f"({load()})")


if __name__ == "__main__":
    main()
