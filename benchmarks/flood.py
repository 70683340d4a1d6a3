"""Many large messages at once against a running bot, and a person's turns beside them.

    .venv/bin/python benchmarks/flood.py [--url http://127.0.0.1:5005] [--count 24] [--chars 60000]
    .venv/bin/python benchmarks/flood.py --lexicon [--chars 60000] [--repeat 3]

Against a running bot (it starts nothing): ``--count`` parallel REST turns to
``POST /webhooks/emobot_web/webhook``, each ``--chars`` characters of filler ending in a risk phrase
(under the 64 KB body limit by default), each from a sender of its own; ``--delay`` seconds later
(1), a person with a session (``POST /session``, then its bearer token, locale ``--locale``) says
"hi", then "i want to die". Printed: each class's latency (median and max for the flood; the
flood's answers and refusals), and whether the person's risky turn was answered with a handoff
(``GET /pushed``: the conversation's handoff) and which lines it gave.

``--lexicon``: no bot; the in-process crisis lexicon's read (what ``with_crisis_screening`` runs
when the service gave no screening) timed on 60 KB texts of the shapes a flood takes: median
seconds and microseconds a character over ``--repeat`` reads.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

RISK_END = " i am going to kill myself tonight"
SHAPES = {
    "filler, then a plan": lambda n: "blah " * ((n - len(RISK_END)) // 5) + RISK_END,
    "a denied phrase, sentence after sentence": lambda n: ("i would never kill myself. " * (n // 27 + 1))[:n],
    "fiction, sentence after sentence": lambda n: ("in the film he wanted to kill himself. " * (n // 39 + 1))[:n],
    "a past phrase, clause after clause": lambda n: ("years ago i wanted to die, " * (n // 27 + 1))[:n],
    "spaced letters": lambda n: ("k i l l m y s e l f " * (n // 20 + 1))[:n],
    "single letters": lambda n: ("a " * (n // 2 + 1))[:n],
    "a denied phrase, no punctuation": lambda n: ("i would never kill myself " * (n // 26 + 1))[:n],
    "a dose taken, no punctuation": lambda n: ("i took all my pills " * (n // 20 + 1))[:n - 10] + "last month",
}


async def timed(http: httpx.AsyncClient, url: str, **kwargs: Any) -> Tuple[float, Optional[httpx.Response]]:
    """(seconds, the response; None when it did not come within the client's timeout)."""
    start = time.perf_counter()
    try:
        answer = await http.post(url, **kwargs)
    except httpx.HTTPError:
        answer = None
    return time.perf_counter() - start, answer


async def person(http: httpx.AsyncClient, base: str, delay: float, locale: str) -> Dict[str, Any]:
    """A person with a session, ``delay`` s after the flood began: "hi", then "i want to die"."""
    await asyncio.sleep(delay)
    token = (await http.post(f"{base}/session")).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    said: Dict[str, Any] = {}
    for text in ("hi", "i want to die"):
        seconds, answer = await timed(http, f"{base}/webhook", headers=headers,
                                      json={"message": text, "metadata": {"locale": locale}})
        said[text] = (seconds, [m.get("text", "") for m in answer.json()] if answer is not None and answer.is_success else None)
    pushed = await http.get(f"{base}/pushed?after=0", headers=headers)
    said["handoff"] = (pushed.json() or {}).get("handoff") if pushed.is_success else None
    return said


async def flood(url: str, count: int, chars: int, delay: float, locale: str, timeout: float) -> None:
    base = f"{url.rstrip('/')}/webhooks/emobot_web"
    text = SHAPES["filler, then a plan"](chars)
    async with httpx.AsyncClient(timeout=timeout) as http:
        try:
            (await http.get(f"{base}/")).raise_for_status()
        except httpx.HTTPError as exc:
            raise SystemExit(f"no emobot_web channel at {base}/ ({exc}): start the bot first")
        turns = [timed(http, f"{base}/webhook", json={"sender": f"flood-{i}-{time.time_ns()}", "message": text})
                 for i in range(count)]
        results = await asyncio.gather(person(http, base, delay, locale), *turns)
    said, flooded = results[0], results[1:]
    answered = [s for s, a in flooded if a is not None and a.is_success]
    refused = [a.status_code for _, a in flooded if a is not None and not a.is_success]
    print(f"flood: {count} turns of {len(text):,} characters ({len(text.encode()) * count / 1e6:.1f} MB in all)")
    if answered:
        print(f"  answered {len(answered)}: median {statistics.median(answered):.1f} s, max {max(answered):.1f} s")
    print(f"  refused {len(refused)} {sorted(set(refused))}; no answer within {timeout:.0f} s: "
          f"{sum(a is None for _, a in flooded)}")
    for text_said in ("hi", "i want to die"):
        seconds, lines = said[text_said]
        print(f"person {text_said!r}: {seconds:.1f} s, {'no answer' if lines is None else lines}")
    print(f"  the risky turn was handed over: {bool(said['handoff'])} ({said['handoff']})")


def lexicon(chars: int, repeat: int) -> None:
    """Time the in-process lexicon's read on each shape of ``chars`` characters."""
    from emotion.crisis.lexicon import Lexicon

    reader = Lexicon.load()
    reader.read("warm up")
    for name, shape in SHAPES.items():
        text = shape(chars)
        seconds = []
        for _ in range(repeat):
            start = time.perf_counter()
            reading = reader.read(text)
            seconds.append(time.perf_counter() - start)
        median = statistics.median(seconds)
        print(f"{name:42s} {len(text):7,d} chars  {median:7.3f} s  {median / len(text) * 1e6:7.1f} µs/char  "
              f"score {reading.score} {reading.category}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="the bot's Rasa server")
    parser.add_argument("--count", type=int, default=24, help="parallel long turns")
    parser.add_argument("--chars", type=int, default=60_000, help="characters of each long turn")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds before the person's first turn")
    parser.add_argument("--locale", default="en-GB", help="the person's locale")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a turn is waited for")
    parser.add_argument("--lexicon", action="store_true", help="time the in-process lexicon instead (no bot)")
    parser.add_argument("--repeat", type=int, default=3, help="reads per shape with --lexicon")
    args = parser.parse_args()
    if args.lexicon:
        lexicon(args.chars, args.repeat)
    else:
        asyncio.run(flood(args.url, args.count, args.chars, args.delay, args.locale, args.timeout))


if __name__ == "__main__":
    main()
