"""The supervisor dashboard's trust boundaries against a real ``emobot dashboard`` process.

Each test reproduces an attack from the trust-boundaries issue and asserts it is refused, and
that the legitimate path still works: copied cookies after sign-out, disabled accounts,
password changes, strangers locking an owner out, timing that tells a locked account apart,
sign-in floods that cost memory, placeholder secrets, reads that left no audit entry, a
resolved handoff that showed words after text consent was withdrawn, and a guesser that named
its own address in X-Forwarded-For (only the proxy the dashboard is told to trust may).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from emotion.dashboard.handoffs import claim, resolve
from emotion.dashboard.security import create_supervisor
from emotion.moodlog import governance
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance import AuditEntry, ConsentRecord, Handoff
from tests.dashboard.seed import PASSWORD, SAD, csrf_of, seed_session, sign_in
from tests.e2e.processes import free_port, running

pytestmark = pytest.mark.slow

EMOBOT = str(Path(sys.executable).parent / "emobot")
ADMIN, SUP, OTHER = "admin@example.org", "sup@example.org", "other@example.org"
GUESSED = "guessed@example.org"  # an account only the X-Forwarded-For guesser tries
NEW_PASSWORD = "a brand new passphrase"
THRESHOLD = 3  # failures per (address, account) before that pair waits
PROXY = "127.0.3.1"  # the one reverse proxy the dashboard is told to trust


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    path = tmp_path_factory.mktemp("dashboard-security") / "moodlog.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with Session(engine) as db:
        for email, role in ((ADMIN, "admin"), (SUP, "supervisor"), (OTHER, "supervisor"), (GUESSED, "supervisor")):
            create_supervisor(db, email, PASSWORD, role)
    port = free_port()
    env = {"EMOBOT_DASHBOARD_DATABASE_URL": f"sqlite:///{path}", "EMOBOT_DASHBOARD_SESSION_SECRET": "d" * 40,
           "EMOBOT_DASHBOARD_COOKIE_SECURE": "false", "EMOBOT_DASHBOARD_RETENTION_DAYS": "0",
           "EMOBOT_DASHBOARD_LOCKOUT_THRESHOLD": str(THRESHOLD), "EMOBOT_DASHBOARD_FORWARDED_ALLOW_IPS": PROXY}
    with running([EMOBOT, "dashboard", "--port", str(port)], f"http://127.0.0.1:{port}/healthz", env=env,
                 name=f"dashboard-{port}") as proc:
        yield f"http://127.0.0.1:{port}", engine, proc
    engine.dispose()


def browser(url: str, address: str = "127.0.0.1") -> httpx.Client:
    """A client whose requests come from ``address`` (any 127.x.y.z reaches loopback)."""
    return httpx.Client(base_url=url, timeout=60, transport=httpx.HTTPTransport(local_address=address))


def signed_in(url: str, email: str, password: str = PASSWORD, address: str = "127.0.0.1") -> httpx.Client:
    client = browser(url, address)
    assert sign_in(client, email, password).status_code == 303
    return client


def post_form(client: httpx.Client, page: str, action: str, data: dict | None = None) -> httpx.Response:
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**(data or {}), "csrf_token": token}, follow_redirects=False)


def signed_out(response: httpx.Response) -> bool:
    return response.status_code == 303 and response.headers["location"].startswith("/sign-in")


def supervisor_id(engine, email: str) -> int:
    with Session(engine) as db:
        return db.exec(select(governance.Supervisor.id).where(governance.Supervisor.email == email)).one()


def test_a_copied_cookie_signs_nobody_in_after_sign_out(dashboard) -> None:
    url, _, _ = dashboard
    owner = signed_in(url, OTHER)
    thief = browser(url)
    thief.cookies = httpx.Cookies(owner.cookies)
    assert thief.get("/sessions", follow_redirects=False).status_code == 200  # a stolen cookie works ...
    assert post_form(owner, "/sessions", "/sign-out").status_code == 303
    assert signed_out(thief.get("/sessions", follow_redirects=False))  # ... until its owner signs out


def test_disabling_an_account_ends_its_sessions_at_once(dashboard) -> None:
    url, engine, _ = dashboard
    sup = signed_in(url, SUP)
    admin = signed_in(url, ADMIN)
    sid = supervisor_id(engine, SUP)
    assert post_form(admin, "/supervisors", f"/supervisors/{sid}/disable").status_code == 303
    assert signed_out(sup.get("/sessions", follow_redirects=False))
    assert sign_in(browser(url), SUP).status_code == 401
    own = post_form(admin, "/supervisors", f"/supervisors/{supervisor_id(engine, ADMIN)}/disable")
    assert own.status_code == 409  # nobody disables themselves (and with it the last admin)
    assert post_form(admin, "/supervisors", f"/supervisors/{sid}/enable").status_code == 303
    assert sign_in(browser(url), SUP).status_code == 303
    with Session(engine) as db:
        actions = db.exec(select(AuditEntry.action).where(AuditEntry.actor == ADMIN)).all()
    assert {"supervisor_disabled", "supervisor_enabled"} <= set(actions)


def test_a_password_change_needs_the_old_one_and_signs_out_other_browsers(dashboard) -> None:
    url, engine, _ = dashboard
    here, elsewhere = signed_in(url, OTHER), signed_in(url, OTHER)
    wrong = post_form(here, "/account", "/account/password",
                      {"current": "not my password", "new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert wrong.status_code == 422 and elsewhere.get("/sessions").status_code == 200
    changed = post_form(here, "/account", "/account/password",
                        {"current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert changed.status_code == 200 and "Password changed" in changed.text
    assert here.get("/sessions", follow_redirects=False).status_code == 200
    assert signed_out(elsewhere.get("/sessions", follow_redirects=False))
    assert sign_in(browser(url), OTHER).status_code == 401
    assert sign_in(browser(url), OTHER, NEW_PASSWORD).status_code == 303


def test_a_strangers_guesses_do_not_lock_the_owner_out(dashboard) -> None:
    url, _, _ = dashboard
    stranger = browser(url, "127.0.0.2")
    for _ in range(THRESHOLD + 2):
        assert sign_in(stranger, ADMIN, "guessing wrong").status_code == 401
    assert sign_in(stranger, ADMIN).status_code == 401  # the guesser's address now waits, right password or not
    assert sign_in(browser(url), ADMIN).status_code == 303  # the admin, from their own address, does not


def test_a_rotated_forwarded_for_does_not_escape_the_sign_in_limit(dashboard) -> None:
    """Seventh exploratory reading, M11: each guess named another address in X-Forwarded-For,
    uvicorn believed it (from loopback), and the right password got in after the limit."""
    url, _, _ = dashboard
    guesser = browser(url, "127.0.0.1")  # the address uvicorn itself would believe X-Forwarded-For from
    for i in range(THRESHOLD + 1):
        guesser.headers["X-Forwarded-For"] = f"203.0.113.{i + 1}"
        assert sign_in(guesser, GUESSED, "guessing wrong").status_code == 401
    guesser.headers["X-Forwarded-For"] = "203.0.113.200"
    assert sign_in(guesser, GUESSED).status_code == 401  # one caller, whatever it says it is: it waits


def test_the_trusted_proxy_names_the_caller(dashboard) -> None:
    url, engine, _ = dashboard
    proxy = browser(url, PROXY)
    proxy.headers["X-Forwarded-For"] = "203.0.113.7"
    for _ in range(THRESHOLD):
        assert sign_in(proxy, SUP, "guessing wrong").status_code == 401
    assert sign_in(proxy, SUP).status_code == 401  # the guesser behind the proxy waits ...
    proxy.headers["X-Forwarded-For"] = "203.0.113.8"
    assert sign_in(proxy, SUP).status_code == 303  # ... not everyone else behind it
    with Session(engine) as db:
        targets = db.exec(select(AuditEntry.target).where(AuditEntry.actor == SUP,
                                                          AuditEntry.action == "signed_in")).all()
    assert any(t.endswith("from 203.0.113.8") for t in targets), targets


def test_refusals_take_as_long_whatever_the_reason(dashboard) -> None:
    url, _, _ = dashboard
    throttled = browser(url, "127.0.0.3")
    for _ in range(THRESHOLD):
        sign_in(throttled, SUP, "guessing wrong")

    def timed(client: httpx.Client, email: str, password: str) -> float:
        token = csrf_of(client.get("/sign-in").text)
        start = time.perf_counter()
        answer = client.post("/sign-in", data={"email": email, "password": password, "csrf_token": token})
        assert answer.status_code == 401
        return time.perf_counter() - start

    cases = {"unknown e-mail": (browser(url, "127.0.0.4"), "nobody@example.org", "whatever it is"),
             "wrong password": (browser(url, "127.0.0.5"), SUP, "guessing wrong"),
             "throttled": (throttled, SUP, PASSWORD)}
    medians = {name: statistics.median(timed(*case) for _ in range(THRESHOLD - 1)) for name, case in cases.items()}
    # each refusal verifies one argon2 hash (~0.1 s); a throttled or locked path that skips it answers in ~5 ms
    assert min(medians.values()) > 0.35 * max(medians.values()), medians


def peak_rss_mib(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_a_flood_of_sign_ins_costs_time_not_memory(dashboard) -> None:
    url, _, proc = dashboard
    before = peak_rss_mib(proc.pid)

    def attempt(i: int) -> int:
        client = browser(url, f"127.0.1.{i + 1}")
        return sign_in(client, f"nobody{i}@example.org", "whatever it is").status_code

    with ThreadPoolExecutor(max_workers=32) as pool:
        codes = list(pool.map(attempt, range(32)))
    assert set(codes) <= {401, 503} and 401 in codes
    # argon2 takes 64 MiB per verification; uncapped, 32 at once grew the process by ~1 GiB
    assert peak_rss_mib(proc.pid) - before < 300, (before, peak_rss_mib(proc.pid))


def test_placeholder_session_secrets_are_refused_at_start(tmp_path) -> None:
    env = {**os.environ, "EMOBOT_DASHBOARD_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "EMOBOT_DASHBOARD_SESSION_SECRET": "change-me-to-32-random-characters"}
    started = subprocess.run([EMOBOT, "dashboard", "--port", str(free_port())], env=env, capture_output=True,
                             text=True, timeout=120)
    assert started.returncode != 0 and "EMOBOT_DASHBOARD_SESSION_SECRET" in started.stdout + started.stderr


def test_listing_sessions_and_the_handoff_queue_is_audited(dashboard) -> None:
    url, engine, _ = dashboard
    sup = signed_in(url, SUP)
    assert sup.get("/sessions", params={"crisis": "true"}).status_code == 200
    assert sup.get("/handoffs").status_code == 200
    with Session(engine) as db:
        targets = db.exec(select(AuditEntry.target).where(AuditEntry.actor == SUP,
                                                          AuditEntry.action == "listed")).all()
    assert any(t.startswith("sessions") and "crisis=true" in t for t in targets)
    assert any(t.startswith("handoffs") for t in targets)


def test_a_resolved_handoff_withholds_words_once_text_consent_is_withdrawn(dashboard) -> None:
    url, engine, _ = dashboard
    seed_session(engine, "s-withdrawn", bot="support", user_id="u-withdrawn", moods=[SAD])
    with Session(engine, expire_on_commit=False) as db:
        handoff = governance.open_handoff(db, "s-withdrawn", "crisis")
        governance.add_thread_messages(db, handoff, [("person", "still here, please answer")])
        db.commit()
    admin = signed_in(url, ADMIN)
    live = admin.get(f"/handoffs/{handoff.id}").text
    assert "u-withdrawn says message 0" in live and "still here, please answer" in live
    with Session(engine, expire_on_commit=False) as db:
        db.add(ConsentRecord(user_id="u-withdrawn", modality="text", granted=False, source="test/withdrawn"))
        row = db.get(Handoff, handoff.id)
        claim(db, row, ADMIN)
        resolve(db, row, ADMIN, note="reached them by phone")
        db.commit()
    page = admin.get(f"/handoffs/{handoff.id}").text
    assert "u-withdrawn says message 0" not in page and "still here, please answer" not in page
    assert "withheld" in page
    with admin.stream("GET", f"/handoffs/{handoff.id}/events", params={"after": 0}) as events:
        first = next(events.iter_text())
    assert "still here" not in first and '"text": null' in first
