"""The web chat page in headless Chromium against the real Rasa server and emotion service.

Chromium's fake capture devices play a RAVDESS clip as the microphone and a muxspace face
photo as the camera, so the page records and snapshots real speech and a real face.
"""
from __future__ import annotations

import json

import httpx
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from playwright import sync_api

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
    expect(page.get_by_role("button", name="Hold to talk")).to_be_hidden()

    # a text turn, typed and sent with the keyboard
    page.get_by_label("Your message").fill("I feel so sad and lonely, I cried all night")
    page.keyboard.press("Enter")
    log = page.get_by_role("log", name="Conversation")
    log.locator(".msg.bot").first.wait_for(timeout=30_000)
    assert "emotion read from: text" in log.locator(".msg.user").first.inner_text()

    # opt in to voice and face, then a push-to-talk turn held with the keyboard
    page.get_by_role("button", name="Privacy choices").click()
    page.get_by_label("my voice (uses the microphone)").check()
    page.get_by_label("my face (uses the camera)").check()
    page.get_by_role("button", name="Save my choices and start").click()
    talk = page.get_by_role("button", name="Hold to talk")
    talk.wait_for(state="visible", timeout=10_000)
    page.wait_for_function("() => document.getElementById('camera').videoWidth > 0", timeout=10_000)
    talk.focus()
    page.keyboard.down("Space")
    page.wait_for_timeout(3000)
    page.keyboard.up("Space")
    voice_turn = log.locator(".msg.user").nth(1)
    voice_turn.locator(".note", has_text="emotion read from").wait_for(timeout=40_000)
    assert log.locator(".msg.bot").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "web-chat-phone.png"), full_page=True)

    turns = mood_log(database_url, user_id)
    assert turns[0] == ("I feel so sad and lonely, I cried all night", ["text"],
                        {"text": "used", "audio": "absent", "face": "absent"}), turns
    # the voice message's transcript (the service's POST /v1/asr) is the turn's text;
    # the recording starts somewhere in Chromium's looped RAVDESS clip, so not every word is heard
    words, used, statuses = turns[1]
    assert len(set(words.split()) & {"kids", "are", "talking", "by", "the", "door"}) >= 2, words
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
    assert page.get_by_role("button", name="Hold to talk").is_hidden()
    page.get_by_label("Your message").fill("hello")
    page.get_by_role("button", name="Send").click()
    page.get_by_role("log", name="Conversation").locator(".msg.bot").first.wait_for(timeout=30_000)
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
    log.locator(".msg.bot").first.wait_for(timeout=30_000)
    expect(log.locator(".msg.user .note")).to_have_text("emotion read from: text")
    assert len(dropped) == 1  # the snapshot was attached, dropped, and the text went alone
    page.close()


def test_chat_assets_are_served_and_paths_refused(servers):
    _, rasa_url, _ = servers
    base = f"{rasa_url}/webhooks/emobot_web"
    assert httpx.get(f"{base}/chat").headers["content-type"].startswith("text/html")
    assert httpx.get(f"{base}/chat/app.js").headers["content-type"].startswith("text/javascript")
    assert httpx.get(f"{base}/chat/..%2Fchannel.py").status_code == 404
    assert httpx.get(f"{base}/chat/channel.py").status_code == 404
