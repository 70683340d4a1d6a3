"""The dashboard in headless Chromium: sign in, read a session's charts, export, claim a handoff, erase."""
from __future__ import annotations

import sys

import pytest
from playwright import sync_api
from sqlmodel import Session

from emotion.dashboard.security import create_admin, create_supervisor
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance import BotAssignment, open_handoff
from tests.dashboard.seed import HAPPY, NEUTRAL, PASSWORD, SAD, seed_session
from tests.e2e.processes import ARTIFACTS, free_port, running

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture
def dashboard_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'moodlog.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    seed_session(engine, "web-1", bot="support", user_id="alice",
                 moods=[NEUTRAL, HAPPY, NEUTRAL, SAD, SAD, SAD, SAD, NEUTRAL])
    seed_session(engine, "web-2", bot="support", user_id="bob", moods=[NEUTRAL, SAD])
    with Session(engine) as db:
        create_admin(db, "admin@example.org", PASSWORD)
        colleague = create_supervisor(db, "night@example.org", PASSWORD)
        db.add(BotAssignment(supervisor_id=colleague.id, bot="support"))
        db.commit()
        open_handoff(db, "web-1", "sustained sadness")
    engine.dispose()
    port = free_port()
    env = {"EMOBOT_DASHBOARD_DATABASE_URL": url, "EMOBOT_DASHBOARD_COOKIE_SECURE": "false",
           "EMOBOT_DASHBOARD_COMPLIANCE_PROFILE": "eu_education"}
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "emotion.dashboard.app:create_dashboard",
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with running(cmd, f"http://127.0.0.1:{port}/healthz", env=env, name="dashboard", timeout=60):
        yield f"http://127.0.0.1:{port}"


@pytest.mark.slow
def test_supervisor_journey_in_chromium(dashboard_url, tmp_path):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1400}, accept_downloads=True)
            page.goto(f"{dashboard_url}/sessions")
            assert "/sign-in" in page.url
            page.get_by_label("E-mail").fill("admin@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{dashboard_url}/sessions")
            assert "eu_education" in page.locator(".profile").inner_text()
            page.get_by_role("link", name="web-1").click()

            # both charts drawn by plotly.js: 7 stacked label areas, 3 valence/arousal traces
            page.wait_for_selector("#chart-valence .main-svg")
            assert page.locator("#chart-labels .scatterlayer .trace").count() == 7
            assert page.locator("#chart-valence .scatterlayer .trace").count() == 3
            fills = page.locator("#chart-labels path.js-fill").evaluate_all(
                "els => els.filter(e => (e.getAttribute('d') || '').length > 10).length")
            assert fills >= 1
            assert page.locator("tbody tr:not(.human-step)").count() == 16  # the turns
            assert page.locator("tbody tr.human-step").all_inner_texts()[0].strip().endswith(
                "Handoff #1: opened (sustained sadness)")  # and the handoff, where it happened
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard-session.png"), full_page=True)

            with page.expect_download() as download:
                page.get_by_role("link", name="CSV").first.click()
            exported = (tmp_path / "export.csv")
            download.value.save_as(exported)
            assert exported.read_text().count("\n") == 17  # header + 16 turns

            page.goto(f"{dashboard_url}/handoffs")
            page.get_by_role("button", name="Claim #1").click()
            page.get_by_label("Reply to the user").fill("I'm a person from the support team. How can I help?")
            page.get_by_role("button", name="Send reply").click()
            assert "waiting for the person's page" in page.locator("main").inner_text()

            page.goto(f"{dashboard_url}/users/alice")
            page.get_by_label("Type the user id to confirm").fill("alice")
            page.get_by_role("button", name="Erase user").click()
            assert page.get_by_role("status").inner_text().startswith("All data of this user has been erased")
            assert page.goto(f"{dashboard_url}/sessions/web-1").status == 404
        finally:
            browser.close()


@pytest.mark.slow
def test_every_dashboard_page_passes_axe(dashboard_url):
    """Zero WCAG 2.2 A/AA violations (axe-core, in Chromium) on each page a supervisor uses."""
    from tests.e2e.axe import axe_violations

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{dashboard_url}/sign-in")
            found = {"/sign-in": axe_violations(page)}
            page.get_by_label("E-mail").fill("admin@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{dashboard_url}/sessions")
            for path in ("/sessions", "/sessions?q=alice&user_id=al", "/sessions/web-1", "/handoffs", "/handoffs/1",
                         "/users/alice", "/audit", "/audit?action=viewed", "/feedback", "/account", "/supervisors"):
                page.goto(f"{dashboard_url}{path}")
                page.wait_for_load_state("networkidle")
                found[path] = axe_violations(page)
            assert {path: v for path, v in found.items() if v} == {}
        finally:
            browser.close()


def sessions_listed(page) -> list[str]:
    return page.locator("tbody tr td:first-child a").all_inner_texts()


@pytest.mark.slow
def test_search_notes_and_reassign_in_chromium(dashboard_url):
    """A supervisor finds a session by user id prefix and by transcript words, writes a tagged case
    note and finds the session again by its tag, then hands a claimed handoff to a colleague."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(f"{dashboard_url}/sign-in")
            page.get_by_label("E-mail").fill("admin@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{dashboard_url}/sessions")
            assert sorted(sessions_listed(page)) == ["web-1", "web-2"]

            page.get_by_label("User id starts with").fill("bo")
            page.get_by_role("button", name="Filter").click()
            page.wait_for_url("**/sessions?**")
            assert sessions_listed(page) == ["web-2"]
            page.get_by_role("link", name="Clear").click()
            page.get_by_label("Transcript words").fill("ALICE messa*")
            page.get_by_role("button", name="Filter").click()
            page.wait_for_url("**/sessions?**")
            assert sessions_listed(page) == ["web-1"]
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard-search.png"), full_page=True)

            page.get_by_role("link", name="web-1").click()
            page.get_by_label("Note", exact=True).fill("Called her back; she has a safety plan for tonight.")
            page.get_by_label("Tags (words, separated by commas or spaces)").fill("Follow-up, safety-plan")
            page.get_by_role("button", name="Add note").click()
            notes = page.locator("#notes")
            sync_api.expect(notes).to_contain_text("she has a safety plan for tonight")
            sync_api.expect(notes).to_contain_text("#follow-up")
            page.locator("#notes").screenshot(path=str(ARTIFACTS / "dashboard-notes.png"))
            page.goto(f"{dashboard_url}/sessions")
            page.get_by_label("Note tag").fill("safety-plan")
            page.get_by_role("button", name="Filter").click()
            page.wait_for_url("**/sessions?**")
            assert sessions_listed(page) == ["web-1"]

            page.goto(f"{dashboard_url}/handoffs/1")
            page.get_by_role("button", name="Claim").click()
            facts = page.locator("dl.facts")
            sync_api.expect(facts).to_contain_text("admin@example.org")
            page.get_by_label("Hand this conversation to a colleague").select_option("night@example.org")
            page.get_by_role("button", name="Reassign").click()
            sync_api.expect(facts).to_contain_text("night@example.org")
            page.screenshot(path=str(ARTIFACTS / "dashboard-reassigned.png"), full_page=True)
            page.goto(f"{dashboard_url}/audit")
            audit = page.locator("main").inner_text()
            assert "reassigned" in audit and "night@example.org" in audit
        finally:
            browser.close()


@pytest.mark.slow
def test_a_new_crisis_reaches_every_page_within_two_seconds(dashboard_url, tmp_path):
    """The header's queue counter follows the server's events, and a supervisor who opted in gets
    a browser notification of a new handoff within 2 s."""
    import time

    url = f"sqlite:///{tmp_path / 'moodlog.sqlite3'}"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.grant_permissions(["notifications"], origin=dashboard_url)
            # record what the page asks the browser to show (headless Chromium shows nothing)
            context.add_init_script("""
                window.__notes = [];
                const Real = window.Notification;
                window.Notification = class extends Real {
                  constructor(title, options) { super(title, options); window.__notes.push([title, options.body]); }
                };
                Object.defineProperty(window.Notification, 'permission', {get: () => Real.permission});""")
            page = context.new_page()
            page.goto(f"{dashboard_url}/sign-in")
            page.get_by_label("E-mail").fill("admin@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{dashboard_url}/sessions")
            badge = page.locator("#queue-count")
            sync_api.expect(badge).to_have_text("1 waiting")
            page.wait_for_timeout(1500)  # the event stream is open

            engine = make_engine(url)
            with Session(engine) as db:
                open_handoff(db, "web-1", "crisis risk 0.97 (plan) in a turn")
            opened = time.monotonic()
            engine.dispose()
            sync_api.expect(badge).to_have_text("2 waiting", timeout=2000)
            page.wait_for_function("() => window.__notes.length > 0", timeout=2000)
            assert time.monotonic() - opened <= 2.5
            assert page.evaluate("() => window.__notes") == [["New handoff: a person needs someone",
                                                              "crisis risk 0.97 (plan) in a turn"]]
            assert page.title().startswith("(2) ")
        finally:
            browser.close()
