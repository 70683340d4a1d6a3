"""A student's session with the fractions tutor in the chat page (headless Chromium), against the
real emotion service and the real tutor bot: confusion, a worked example, correct answers and a
harder item, each change of question announced."""
from __future__ import annotations

import pytest
from playwright import sync_api

from tests.e2e.axe import axe_violations
from tests.e2e.processes import ARTIFACTS, emotion_service
from tests.e2e.rasa_server import rasa_server
from tests.e2e.test_web_chat import CHROMIUM, CHROMIUM_ARGS, LAPTOP, REPLY

pytestmark = pytest.mark.slow
expect = sync_api.expect


@pytest.fixture(scope="module")
def tutor_url(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('tutor') / 'moodlog.sqlite3'}"
    with emotion_service(database_url, rate_limit_turns_per_minute="0") as service_url, \
            rasa_server("tutor", emotion_service_url=service_url) as rasa_url:
        yield rasa_url


def test_a_student_goes_from_confusion_to_a_harder_item(tutor_url):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=LAPTOP)
            page.goto(f"{tutor_url}/webhooks/emobot_web/chat")
            page.get_by_label("my messages' text").check()
            page.get_by_role("button", name="Save my choices and start").click()
            # the page is inert while the dialog is open: a message typed before it closes is lost
            expect(page.get_by_role("dialog", name="Before we start")).to_be_hidden()
            expect(page.get_by_role("heading", level=1)).to_have_text("Fractions tutor")
            log = page.get_by_role("log", name="Conversation")

            def say(text: str) -> str:
                """Send ``text``; the tutor's lines of this turn, joined."""
                before = log.locator(REPLY).count()
                page.get_by_label("Your message").fill(text)
                page.keyboard.press("Enter")
                expect(log.locator(REPLY)).not_to_have_count(before, timeout=30_000)
                page.wait_for_timeout(300)  # every line of the turn is in
                return "\n".join(log.locator(REPLY).nth(i).inner_text() for i in range(before, log.locator(REPLY).count()))

            assert "Here's your first one: Simplify 2/4." in say("let's start")
            assert "Let me put it another way." in say("I don't understand this at all")
            assert "Let me put it another way." in say("I'm confused, I still don't get it")
            worked = say("I don't understand, I'm lost")
            assert "worked example" in worked and "Now try yours the same way: Simplify 2/4." in worked
            assert "Simplify 3/9." in say("1/2")                             # right: praised, the next item shown
            harder = say("1/3")
            assert "so the next one is a bit harder" in harder and "New question: Simplify" in harder
            page.screenshot(path=str(ARTIFACTS / "tutor-chat.png"))
            assert axe_violations(page) == []
        finally:
            browser.close()
