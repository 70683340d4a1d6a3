"""rasa-webchat 1.0.1 from npm, unchanged, in Chromium: a handoff reaches the person in the widget.

The widget (var/npm/rasa-webchat-1.0.1, fetched by scripts/install.sh) is loaded by a page on
another origin and speaks socket.io to the real ``rasa run`` of bot/support (the emobot_web
channel, session persistence on). The person discloses risk and keeps writing; the supervisor
claims and replies in the dashboard; the reply arrives in the widget as ``bot_uttered`` within
2 s; a reload keeps the widget's session; resolving pushes the bot's check-in.
"""
from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest
from playwright import sync_api

from tests.e2e.processes import ARTIFACTS, REPO, free_port
from tests.e2e.test_handoff_live import DISCLOSURE, browser, stack  # noqa: F401 (fixtures)
from tests.dashboard.seed import PASSWORD

pytestmark = pytest.mark.slow
expect = sync_api.expect

WIDGET = REPO / "var" / "npm" / "rasa-webchat-1.0.1" / "lib" / "index.js"
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>widget host</title></head><body>
<script src="/index.js"></script>
<script>
  WebChat.default({{socketUrl: "{rasa}", socketPath: "/socket.io/", embedded: true, title: "Support",
                    customMessageDelay: () => 0, params: {{storage: "local"}}}}, null);
</script></body></html>"""


@pytest.fixture(scope="module")
def widget_site(stack, tmp_path_factory):  # noqa: F811
    if not WIDGET.is_file():
        pytest.fail("rasa-webchat is missing: run `bash scripts/install.sh widget`")
    rasa_url, _ = stack
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(PAGE.format(rasa=rasa_url))
    (root / "index.js").write_bytes(WIDGET.read_bytes())
    port = free_port()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/index.html"
    finally:
        server.shutdown()
        server.server_close()


def say(page: sync_api.Page, text: str) -> None:
    page.locator(".rw-new-message").fill(text)
    page.keyboard.press("Enter")


def test_a_supervisor_reaches_the_person_in_rasa_webchat(stack, browser, widget_site):  # noqa: F811
    _, dashboard_url = stack
    person = browser.new_context(viewport={"width": 420, "height": 900}).new_page()
    person.goto(widget_site)
    responses = person.locator(".rw-response")
    say(person, DISCLOSURE)
    expect(responses.filter(has_text="from our team")).to_have_count(1, timeout=60_000)
    say(person, "is anyone there??")
    expect(responses.filter(has_text="still here")).not_to_have_count(0, timeout=30_000)

    supervisor = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    supervisor.goto(f"{dashboard_url}/handoffs")
    if "/sign-in" in supervisor.url:
        supervisor.get_by_label("E-mail").fill("lead@example.org")
        supervisor.get_by_label("Password").fill(PASSWORD)
        supervisor.get_by_role("button", name="Sign in").click()
        supervisor.wait_for_url(f"{dashboard_url}/handoffs")
    supervisor.locator("tbody tr", has_text="open").locator("a[href^='/handoffs/']").first.click()
    expect(supervisor.locator("#thread")).to_contain_text("is anyone there??")
    supervisor.get_by_role("button", name="Claim").click()
    widget_reply = "Hello, this is Alex from the team. I'm reading everything you wrote."
    supervisor.get_by_label("Reply to the user").fill(widget_reply)
    started = time.monotonic()
    supervisor.get_by_role("button", name="Send reply").click()
    expect(responses.filter(has_text=widget_reply)).to_have_count(1, timeout=2_000)
    assert time.monotonic() - started < 4.0
    ARTIFACTS.mkdir(exist_ok=True)
    person.screenshot(path=str(ARTIFACTS / "handoff-rasa-webchat.png"))

    # the widget keeps its session across a reload; the handoff goes on
    person.reload()
    say(person, "ok thank you alex")
    expect(supervisor.locator("#thread")).to_contain_text("ok thank you alex", timeout=30_000)

    supervisor.get_by_role("button", name="Mark resolved").click()
    expect(responses.filter(has_text="How are you feeling right now?")).to_have_count(1, timeout=10_000)
