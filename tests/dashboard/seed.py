"""Small mood logs for the dashboard tests, written through the real MoodLog and tracker."""
from __future__ import annotations

import re
from functools import partial

from sqlalchemy.engine import Engine

from emotion.moodlog.repository import MoodLog, TurnToLog
from emotion.tracking import EmotionReading, track

SAD = (0.05, 0.0, 0.85, 0.05, 0.05, 0.0, 0.0)  # state valence about -0.65
HAPPY = (0.1, 0.85, 0.0, 0.0, 0.0, 0.0, 0.05)  # about +0.69
NEUTRAL = (0.9, 0.05, 0.05, 0.0, 0.0, 0.0, 0.0)
PASSWORD = "correct horse battery"


def seed_session(engine: Engine, session_id: str, *, bot: str, user_id: str, moods: list[tuple[float, ...]],
                 bot_replies: bool = True) -> None:
    """One user turn per entry of ``moods`` (analysed, text modality), each followed by an
    unanalysed bot turn when ``bot_replies``."""
    log = MoodLog(engine)
    for i, probs in enumerate(moods):
        reading = EmotionReading(probs, confidence=0.8)
        text = f"{user_id} says message {i}"
        log.append_turn(TurnToLog(session_id=session_id, speaker_id=user_id, bot=bot, user_id=user_id, text=text,
                                  text_chars=len(text), status="analysed", error_code=None,
                                  modalities={"text": {"status": "used"}}),
                        reading, partial(track, reading=reading, smoothing=0.6, window=4), ["text"])
        if bot_replies:
            log.append_turn(TurnToLog(session_id=session_id, speaker_id="bot", bot=bot, user_id=user_id,
                                      text=f"reply {i}", text_chars=7, status="unanalysed", error_code=None,
                                      modalities={}))


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def sign_in(client, email: str, password: str = PASSWORD):
    token = csrf_of(client.get("/sign-in").text)
    return client.post("/sign-in", data={"email": email, "password": password, "csrf_token": token},
                       follow_redirects=False)
