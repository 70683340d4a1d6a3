"""The live pages at scale, against a real dashboard process: open event streams hold no pooled
database connection, and a change reaches every open stream."""
from __future__ import annotations

import asyncio
import re
import time

import httpx
from tests.dashboard.seed import PASSWORD
from tests.dashboard.test_browser import dashboard_url  # noqa: F401  (fixture)

STREAMS = 20  # more than SQLAlchemy's pool (5 + 10 overflow)


def signed_in(base_url: str) -> httpx.Cookies:
    with httpx.Client(base_url=base_url) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/sign-in").text).group(1)
        client.post("/sign-in", data={"email": "admin@example.org", "password": PASSWORD, "csrf_token": token})
        return client.cookies


def test_many_open_live_pages_leave_the_dashboard_answering(dashboard_url):  # noqa: F811
    cookies = signed_in(dashboard_url)

    async def scenario() -> tuple[float, list[list[str]]]:
        async with httpx.AsyncClient(base_url=dashboard_url, cookies=cookies, timeout=30,
                                     limits=httpx.Limits(max_connections=STREAMS + 2)) as client:
            seen: list[list[str]] = [[] for _ in range(STREAMS)]

            async def hold(k: int) -> None:
                path = "/handoffs/queue/events" if k % 2 else "/handoffs/1/events"
                async with client.stream("GET", path) as response:
                    assert response.status_code == 200
                    async for line in response.aiter_lines():
                        if line.startswith("data:"):
                            seen[k].append(line)

            tasks = [asyncio.create_task(hold(k)) for k in range(STREAMS)]
            await asyncio.sleep(2.0)
            t0 = time.perf_counter()
            page = await client.get("/sessions")
            took = time.perf_counter() - t0
            assert page.status_code == 200
            before = [len(s) for s in seen]
            await client.post("/handoffs/1/claim", data={"csrf_token": re.search(
                r'name="csrf_token" value="([^"]+)"', (await client.get("/handoffs")).text).group(1)})
            await asyncio.sleep(2.5)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            return took, [s[b:] for s, b in zip(seen, before)]

    took, after_claim = asyncio.run(scenario())
    assert took < 2.0, f"a page took {took:.1f} s with {STREAMS} live pages open"
    # the claim reached every open page within 2.5 s: the thread streams get the new status,
    # the queue streams a queue without the claimed handoff waiting
    assert all(any('"claimed"' in line or '"waiting": 0' in line for line in lines) for lines in after_claim)


def test_the_watcher_stops_when_no_page_waits_and_starts_again_with_the_next(tmp_path):
    from sqlmodel import Session, SQLModel, create_engine

    from emotion.dashboard.live import LiveChanges
    import emotion.moodlog.models  # noqa: F401  (the tables a handoff refers to)
    from emotion.moodlog.governance import Handoff

    engine = create_engine(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    SQLModel.metadata.create_all(engine)

    def open_handoff(session: str) -> None:
        with Session(engine) as db:
            db.add(Handoff(session_id=session, reason="test", status="open"))
            db.commit()

    async def scenario() -> None:
        live = LiveChanges(engine, interval_s=0.05, idle_s=0.3)
        await live.wait(-1, timeout=0.2)
        assert live.watching
        await asyncio.sleep(0.8)  # nobody waits: it stops reading the database
        assert not live.watching
        before = live.version
        open_handoff("s1")  # a change while nobody watched
        assert await live.wait(before, timeout=2.0) > before and live.watching  # the next page sees it
        # one page waiting longer than the idle time keeps it watching and is woken by a change
        seen = live.version
        waiting = asyncio.create_task(live.wait(seen, timeout=3.0))
        await asyncio.sleep(0.6)
        assert live.watching and not waiting.done()
        open_handoff("s2")
        assert await asyncio.wait_for(waiting, 1.0) > seen
        await live.close()

    asyncio.run(scenario())
