"""The web chat page in headless Chromium against the real Rasa server and emotion service.

Chromium's fake capture devices play a RAVDESS clip as the microphone and a muxspace face
photo as the camera, so the page records and snapshots real speech and a real face.
"""
from __future__ import annotations

import json
import re

import httpx
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from playwright import sync_api

from tests.e2e.axe import axe_violations
from tests.e2e.processes import ARTIFACTS, REPO, emotion_service, free_port
from tests.e2e.rasa_server import rasa_server

pytestmark = pytest.mark.slow
expect = sync_api.expect

DATA = REPO.parent / "shared" / "data"
VOICE = DATA / "ravdess_speech_16k" / "Actor_01" / "03-01-04-02-01-01-01.wav"  # sad, strong: "Kids are talking by the door"
FACE = DATA / "facial_expressions_muxspace" / "images" / "Adam_Sandler_0004.jpg"  # happiness
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
REPLY = ".msg.bot:not(.greeting)"  # the bot's answers (the greeting is there from the start)
SERVICE_PORT = free_port()


def y4m_of(image: Image.Image, frames: int = 10) -> bytes:
    """A still image as a Y4M 4:2:0 clip (Chromium's --use-file-for-fake-video-capture format)."""
    image = image.convert("RGB").resize((480, 480))
    y, cb, cr = (np.asarray(c) for c in image.convert("YCbCr").split())
    half = (image.width // 2, image.height // 2)
    planes = y.tobytes() + b"".join(np.asarray(Image.fromarray(c).resize(half)).tobytes() for c in (cb, cr))
    header = f"YUV4MPEG2 W{image.width} H{image.height} F10:1 Ip A1:1 C420jpeg\n".encode()
    return header + (b"FRAME\n" + planes) * frames


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'moodlog.sqlite3'}"
    with emotion_service(database_url, port=SERVICE_PORT) as service_url, \
            rasa_server("support", emotion_service_url=service_url) as rasa_url:
        yield service_url, rasa_url, database_url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    (media / "face.y4m").write_bytes(y4m_of(Image.open(FACE)))
    args = CHROMIUM_ARGS + ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                            f"--use-file-for-fake-audio-capture={VOICE}",
                            f"--use-file-for-fake-video-capture={media / 'face.y4m'}"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            yield browser
        finally:
            browser.close()


def mood_log(database_url: str, user_id: str) -> list[tuple[str, list[str], dict]]:
    """(text, modalities used, per-modality status) of each of the user's turns, in order."""
    engine = create_engine(database_url)
    with engine.connect() as db:
        rows = db.execute(text(
            "SELECT t.text, t.modalities, r.modalities_used FROM turns t JOIN sessions s ON s.id = t.session_id "
            "LEFT JOIN emotion_records r ON r.session_id = t.session_id AND r.turn_index = t.turn_index "
            "WHERE s.user_id = :u ORDER BY t.id"), {"u": user_id}).all()
    engine.dispose()
    load = lambda v: json.loads(v) if isinstance(v, str) else (v or {})  # noqa: E731
    return [(r.text, load(r.modalities_used) or [], {m: d["status"] for m, d in load(r.modalities).items()})
            for r in rows]


def test_consent_text_then_voice_and_camera_turn(servers, browser):
    service_url, rasa_url, database_url = servers
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{rasa_url}/webhooks/emobot_web/chat")

    # consent first: the notice names the inferred emotions and their sources; nothing is pre-ticked
    dialog = page.get_by_role("dialog", name="Before we start")
    expect(dialog).to_be_visible()  # asked once the session says no consent is recorded
    assert "emotion recognition system" in dialog.inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-chat-consent.png"))
    for name in ("my messages' text", "my voice (uses the microphone)", "my face (uses the camera)"):
        assert not page.get_by_label(name).is_checked()
    page.get_by_label("my messages' text").check()
    page.get_by_role("button", name="Save my choices and start").click()
    expect(dialog).to_be_hidden()
    # the user is the page's server-issued session (its HttpOnly cookie: <session id>.<signature>)
    cookie = next(c for c in page.context.cookies() if c["name"] == "emobot_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    user_id = cookie["value"].rsplit(".", 1)[0]
    consent = httpx.get(f"{service_url}/v1/users/{user_id}/consent").json()["consent"]
    assert consent == {"text": True, "audio": False, "face": False}
    expect(page.get_by_role("button", name="Talk")).to_be_hidden()

    # a text turn, typed and sent with the keyboard
    page.get_by_label("Your message").fill("I feel so sad and lonely, I cried all night")
    page.keyboard.press("Enter")
    log = page.get_by_role("log", name="Conversation")
    log.locator(REPLY).first.wait_for(timeout=30_000)
    assert "emotion read from: text" in log.locator(".msg.user").first.inner_text()

    # opt in to voice and face, then a push-to-talk turn held with the keyboard
    page.get_by_role("button", name="Privacy choices").click()
    page.get_by_label("my voice (uses the microphone)").check()
    page.get_by_label("my face (uses the camera)").check()
    page.get_by_role("button", name="Save my choices and start").click()
    talk = page.get_by_role("button", name="Talk")
    talk.wait_for(state="visible", timeout=10_000)
    page.wait_for_function("() => document.getElementById('camera').videoWidth > 0", timeout=10_000)
    talk.focus()
    page.keyboard.down("Space")
    page.wait_for_timeout(3000)
    page.keyboard.up("Space")
    voice_turn = log.locator(".msg.user").nth(1)
    voice_turn.locator(".note", has_text="emotion read from").wait_for(timeout=40_000)
    assert log.locator(REPLY).count() >= 2
    page.screenshot(path=str(ARTIFACTS / "web-chat-phone.png"), full_page=True)

    turns = mood_log(database_url, user_id)
    assert turns[0] == ("I feel so sad and lonely, I cried all night", ["text"],
                        {"text": "used", "audio": "absent", "face": "absent"}), turns
    # the voice message's transcript (the service's POST /v1/asr) is the turn's text;
    # the recording starts somewhere in Chromium's looped RAVDESS clip, so not every word is heard
    words, used, statuses = turns[1]
    heard = set(re.findall(r"[a-z']+", words.lower()))
    assert len(heard & {"kids", "are", "talking", "by", "the", "door"}) >= 2, words
    assert f"Voice message: “{words}”" in voice_turn.inner_text()
    assert used == ["text", "audio", "face"] and set(statuses.values()) == {"used"}
    assert "voice, face" in voice_turn.inner_text()


def test_chat_works_without_camera_or_microphone(servers, browser):
    _, rasa_url, _ = servers
    context = browser.new_context(viewport=PHONE)
    # a browser that refuses every device (no hardware, or the user said no in its own prompt)
    context.add_init_script("navigator.mediaDevices.getUserMedia = () => "
                            "Promise.reject(new DOMException('no device', 'NotFoundError'));")
    page = context.new_page()
    page.goto(f"{rasa_url}/webhooks/emobot_web/chat")
    for name in ("my messages' text", "my voice (uses the microphone)", "my face (uses the camera)"):
        page.get_by_label(name).check()
    page.get_by_role("button", name="Save my choices and start").click()
    page.get_by_text("Camera unavailable").wait_for(timeout=10_000)
    assert page.get_by_role("button", name="Talk").is_hidden()
    # both refusals stay in view, not only the last one
    assert "Microphone unavailable" in page.locator("#media-status").inner_text()
    page.get_by_label("Your message").fill("hello")
    page.get_by_role("button", name="Send").click()
    page.get_by_role("log", name="Conversation").locator(REPLY).first.wait_for(timeout=30_000)
    context.close()


def test_a_message_with_crisis_risk_gets_no_mood_chip(servers, browser):
    """Seventh reading, L4: "I picked up: happy" showed under a spoken plan for tonight."""
    _, rasa_url, _ = servers
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{rasa_url}/webhooks/emobot_web/chat")
    page.get_by_label("my messages' text").check()
    page.get_by_role("button", name="Save my choices and start").click()
    log = page.get_by_role("log", name="Conversation")
    for message in ("I had a really nice day at the beach", "I'm going to kill myself tonight"):
        before = log.locator(REPLY).count()
        page.get_by_label("Your message").fill(message)
        page.keyboard.press("Enter")
        expect(log.locator(REPLY)).not_to_have_count(before, timeout=30_000)
    mine = log.locator(".msg.user")
    expect(mine.nth(0).locator(".picked")).to_contain_text("I picked up:")
    expect(mine.nth(1).locator(".picked")).to_have_count(0)
    context.close()


def test_failed_media_upload_still_delivers_the_text(servers, browser):
    _, rasa_url, _ = servers
    page = browser.new_page(viewport=PHONE)
    # every upload that carries media fails, as on a network that drops large requests
    dropped = []

    def drop_media(route):
        if "multipart" in (route.request.headers.get("content-type") or ""):
            dropped.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/webhook?emotion=true", drop_media)
    page.goto(f"{rasa_url}/webhooks/emobot_web/chat")
    page.get_by_label("my messages' text").check()
    page.get_by_label("my face (uses the camera)").check()
    page.get_by_role("button", name="Save my choices and start").click()
    page.wait_for_function("() => document.getElementById('camera').videoWidth > 0", timeout=10_000)
    page.get_by_label("Your message").fill("hello there")
    page.get_by_role("button", name="Send").click()
    log = page.get_by_role("log", name="Conversation")
    log.locator(REPLY).first.wait_for(timeout=30_000)
    expect(log.locator(".msg.user .note")).to_have_text("emotion read from: text")
    assert len(dropped) == 1  # the snapshot was attached, dropped, and the text went alone
    page.close()


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_the_page_greets_stays_in_view_and_passes_axe(servers, browser):
    _, rasa_url, database_url = servers
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{rasa_url}/webhooks/emobot_web/chat")
    dialog = page.get_by_role("dialog", name="Before we start")
    expect(dialog).to_be_visible()
    assert axe_violations(page) == []                      # WCAG 2.2 A/AA with the consent dialog open
    page.get_by_label("my messages' text").check()
    page.get_by_role("button", name="Save my choices and start").click()
    expect(dialog).to_be_hidden()

    # the header names the bot; the greeting says what it is and is not, with urgent help as links
    expect(page.get_by_role("heading", level=1)).to_have_text("Someone to talk to")
    greeting = page.locator(".msg.greeting")
    assert "not a therapist" in greeting.inner_text()
    assert greeting.get_by_role("link", name="988").get_attribute("href") == "tel:988"
    assert greeting.get_by_role("link", name="116 123").get_attribute("href") == "tel:116123"

    # while the bot answers, a typing indicator shows; each message has its time
    def slow(route):
        page.wait_for_timeout(1200)
        route.continue_()

    page.route("**/webhook?emotion=true", slow)
    log = page.get_by_role("log", name="Conversation")
    page.get_by_label("Your message").fill("hi there")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="The bot is typing")).to_be_visible()
    log.locator(REPLY).first.wait_for(timeout=30_000)
    expect(page.locator("#typing")).to_be_hidden()
    page.unroute("**/webhook?emotion=true")
    assert log.locator(".msg.user time").first.get_attribute("datetime")

    # "I picked up: ..." under the message; "That's not right" stores what the person felt
    mine = log.locator(".msg.user").first
    expect(mine.locator(".picked")).to_contain_text("I picked up:")
    mine.get_by_role("button", name="That's not right").click()
    mine.get_by_label("What were you feeling?").select_option("surprise")
    assert axe_violations(page) == []                      # the correction form too
    mine.get_by_role("button", name="Tell the bot").click()
    expect(mine.locator(".picked")).to_contain_text("Thanks, noted.")
    engine = create_engine(database_url)
    with engine.connect() as db:
        stored = db.execute(text("SELECT label, read_label FROM reading_feedback")).all()
        session_id = next(c for c in page.context.cookies() if c["name"] == "emobot_session")["value"].rsplit(".", 1)[0]
        replies = db.execute(text("SELECT bot_replies FROM turns WHERE session_id = :s AND turn_index = 0"),
                             {"s": session_id}).scalar_one()
    engine.dispose()
    assert len(stored) == 1 and stored[0].label == "surprise" and stored[0].read_label != "surprise"
    # the bot's answer reached the mood log beside the turn (the dashboard shows the two together)
    assert json.loads(replies) == [log.locator(REPLY).nth(i).locator("p").inner_text()
                                   for i in range(log.locator(REPLY).count())]

    # a conversation longer than the screen scrolls inside the log; header and input stay put
    for message in ("I had a long day at work", "my boss shouted at me again", "I feel tired all the time",
                 "nothing seems to go right", "I just want to rest", "thanks for listening to me"):
        before = log.locator(REPLY).count()
        page.get_by_label("Your message").fill(message)
        page.keyboard.press("Enter")
        expect(log.locator(REPLY)).not_to_have_count(before, timeout=30_000)
        assert in_view(page, "h1") and in_view(page, "#message") and in_view(page, "#send"), message
    assert page.evaluate("() => { const l = document.getElementById('log'); return l.scrollHeight > l.clientHeight"
                         " && l.scrollTop > 0; }")
    page.screenshot(path=str(ARTIFACTS / "web-chat-laptop-long.png"))
    assert axe_violations(page) == []
    page.close()


def test_tap_to_toggle_recording(servers, browser):
    _, rasa_url, _ = servers
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{rasa_url}/webhooks/emobot_web/chat")
    page.get_by_label("my voice (uses the microphone)").check()
    page.get_by_role("button", name="Save my choices and start").click()
    talk = page.locator("#talk")                           # its name changes while recording
    expect(talk).to_have_accessible_name("Talk", timeout=10_000)
    talk.click()                                           # a tap: recording goes on after release
    page.wait_for_timeout(1500)
    assert talk.get_attribute("aria-pressed") == "true"
    expect(talk).to_have_accessible_name("Recording… tap or release to send")
    talk.click()                                           # a second tap sends
    expect(talk).to_have_attribute("aria-pressed", "false")
    log = page.get_by_role("log", name="Conversation")
    expect(log.locator(".msg.user").first).to_contain_text("Voice message", timeout=40_000)
    page.close()


def test_chat_assets_are_served_and_paths_refused(servers):
    _, rasa_url, _ = servers
    base = f"{rasa_url}/webhooks/emobot_web"
    assert httpx.get(f"{base}/chat").headers["content-type"].startswith("text/html")
    assert httpx.get(f"{base}/chat/app.js").headers["content-type"].startswith("text/javascript")
    assert httpx.get(f"{base}/chat/..%2Fchannel.py").status_code == 404
    assert httpx.get(f"{base}/chat/channel.py").status_code == 404


def test_the_greeting_is_in_the_browsers_language_with_that_countrys_numbers(servers, browser):
    # exploratory reading of the demo: de-DE, fr-FR, es-ES ... pages all got the English greeting
    _, rasa_url, _ = servers
    for locale, words, number, href in (("de-DE", "kein Therapeut", "0800 111 0 111", "tel:08001110111"),
                                        ("fr-CA", "pas une personne", "988", "tel:988"),
                                        ("en-GB", "not a therapist", "116 123", "tel:116123")):
        context = browser.new_context(viewport=PHONE, locale=locale)
        page = context.new_page()
        page.goto(f"{rasa_url}/webhooks/emobot_web/chat")
        page.get_by_role("button", name="Save my choices and start").click()
        greeting = page.locator(".msg.greeting")
        expect(greeting).to_contain_text(words)
        assert greeting.get_by_role("link", name=number).first.get_attribute("href") == href
        context.close()
