"""A real ``rasa run`` of the support bot answers even when the emotion service is down."""
from __future__ import annotations

import httpx
import pytest

from tests.e2e.processes import free_port
from tests.e2e.rasa_server import rasa_server


@pytest.mark.slow
def test_bot_answers_without_the_emotion_service() -> None:
    dead_service = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with rasa_server("support", emotion_service_url=dead_service) as rasa_url:
        reply = httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook",
                           json={"sender": "e2e-fallback", "message": "hello"}, timeout=60)
        assert reply.status_code == 200
        texts = [m.get("text", "") for m in reply.json()]
        assert texts == ["Hi, I'm here to listen. How are you feeling today?"]

        tracker = httpx.get(f"{rasa_url}/conversations/e2e-fallback/tracker", timeout=30).json()
        user_events = [e for e in tracker["events"] if e["event"] == "user"]
        assert user_events[-1]["text"] == "hello"
        assert user_events[-1]["parse_data"]["intent"]["name"] == "greet"
        emotion = user_events[-1]["metadata"]["emotion"]
        assert emotion["available"] is False
        assert emotion["error"] == "service_unavailable"
        assert tracker["latest_input_channel"] == "emobot_web"
