"""A live handoff, end to end in Chromium: a person on the chat page and a supervisor on the dashboard.

Real processes: the emotion service (its crisis detector flags the disclosure), ``rasa run`` of
bot/support with its action server, and the dashboard, all on one SQLite mood log. Two browser
contexts: the person keeps typing after the disclosure and the bot keeps answering; the
supervisor sees the messages arrive live, claims, replies; the reply shows on the person's page
within 2 s; a reload keeps the conversation; resolving resumes the bot with a check-in.
"""
from __future__ import annotations

import sys
import time

import pytest
from playwright import sync_api
from sqlmodel import Session

from emotion.dashboard.security import create_admin
from emotion.moodlog.db import make_engine, migrate
from tests.dashboard.seed import PASSWORD
from tests.e2e.processes import ARTIFACTS, emotion_service, free_port, running
from tests.e2e.rasa_server import rasa_server
from tests.e2e.test_web_chat import CHROMIUM, CHROMIUM_ARGS, PHONE

pytestmark = pytest.mark.slow
expect = sync_api.expect

DISCLOSURE = "i have the pills saved up and tonight i'm taking all of them"
REPLY = "Hi, I'm Sam from the support team. I'm here with you now. Are you somewhere safe?"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('handoff') / 'moodlog.sqlite3'}"
    engine = make_engine(database_url)
    migrate(engine)
    with Session(engine) as db:
        create_admin(db, "lead@example.org", PASSWORD)
    engine.dispose()
    with emotion_service(database_url) as service_url, \
            rasa_server("support", emotion_service_url=service_url) as rasa_url:
        port = free_port()
        env = {"EMOBOT_DASHBOARD_DATABASE_URL": database_url, "EMOBOT_DASHBOARD_COOKIE_SECURE": "false",
               "EMOBOT_DASHBOARD_RASA_URL": rasa_url, "EMOBOT_DASHBOARD_HANDOFF_WATCH_INTERVAL_S": "1",
               "EMOBOT_DASHBOARD_HANDOFF_REALERT_AFTER_S": "3600"}
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "emotion.dashboard.app:create_dashboard",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
        with running(cmd, f"http://127.0.0.1:{port}/healthz", env=env, name="dashboard-handoff", timeout=60):
            yield rasa_url, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def send(page: sync_api.Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def test_person_and_supervisor_through_a_live_handoff(stack, browser):
    rasa_url, dashboard_url = stack
    person = browser.new_context(viewport=PHONE).new_page()
    person.goto(f"{rasa_url}/webhooks/emobot_web/chat")
    person.get_by_role("button", name="Save my choices and start").click()  # nothing ticked
    expect(person.get_by_role("dialog", name="Before we start")).to_be_hidden()  # the page is inert until then
    log = person.get_by_role("log", name="Conversation")

    # high risk: resources with clickable numbers, a person is asked to join
    send(person, DISCLOSURE)
    expect(log).to_contain_text("asked a person from our team", timeout=60_000)
    assert person.locator('#log a[href="tel:988"]').count() >= 1
    expect(log).to_contain_text("out of reach")  # the pills named in the disclosure: answered at once
    bot = log.locator(".msg.bot:not(.greeting)")
    first = bot.count()  # concern, resources, the means, a person joining
    assert first == 4, [bot.nth(i).inner_text() for i in range(first)]
    # the person keeps writing; the bot keeps answering, every time, with what fits (seventh reading, M3:
    # not the same three lines, the emergency number included, under every message)
    send(person, "hello? is anyone there")
    expect(bot).to_have_count(first + 2, timeout=30_000)  # the wait answered, who is coming
    assert "here" in bot.nth(first).inner_text().lower() and "from our team" in bot.nth(first + 1).inner_text()

    # the supervisor sees the handoff and, live, what the person writes next
    supervisor = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    supervisor.goto(f"{dashboard_url}/handoffs")
    supervisor.get_by_label("E-mail").fill("lead@example.org")
    supervisor.get_by_label("Password").fill(PASSWORD)
    supervisor.get_by_role("button", name="Sign in").click()
    supervisor.wait_for_url(f"{dashboard_url}/handoffs")
    supervisor.locator("tbody a[href^='/handoffs/']").first.click()
    thread = supervisor.locator("#thread")
    expect(thread).to_contain_text("hello? is anyone there")
    send(person, "please hurry i'm scared")
    expect(thread).to_contain_text("please hurry i'm scared", timeout=10_000)  # no reload: server-sent events

    supervisor.get_by_role("button", name="Claim").click()
    supervisor.get_by_label("Reply to the user").fill(REPLY)
    started = time.monotonic()
    supervisor.get_by_role("button", name="Send reply").click()
    expect(log.locator(".msg.human")).to_contain_text(REPLY, timeout=2_000)
    ARTIFACTS.mkdir(exist_ok=True)
    person.screenshot(path=str(ARTIFACTS / "handoff-person.png"), full_page=True)
    supervisor.screenshot(path=str(ARTIFACTS / "handoff-supervisor.png"), full_page=True)
    assert time.monotonic() - started < 4.0  # the click's round trip plus at most 2 s

    # a reload keeps the conversation (the server-issued session) and the handoff
    person.reload()
    expect(log).to_contain_text(DISCLOSURE, timeout=10_000)
    expect(log).to_contain_text(REPLY)
    send(person, "yes i'm at home")
    expect(log).to_contain_text("from our team", timeout=30_000)
    expect(thread).to_contain_text("yes i'm at home", timeout=10_000)

    # resolving resumes the bot with a gentle check-in, pushed to the page
    supervisor.get_by_role("button", name="Mark resolved").click()
    expect(log).to_contain_text("How are you feeling right now?", timeout=10_000)
    replies = log.locator(".msg.bot:not(.greeting)")
    bot_lines = replies.count()
    send(person, "a bit calmer now, thank you")
    expect(replies).not_to_have_count(bot_lines, timeout=30_000)
    person.wait_for_timeout(1000)  # every line of the turn is in
    new = [replies.nth(i).inner_text() for i in range(bot_lines, replies.count())]
    # the bot carries on without a second handoff; a few turns after a disclosure it may still
    # name where to get help (the conversation's risk decays over turns), never a person joining
    assert new and not any("from our team" in line or "asked a person" in line for line in new), new
