"""A socket.io client that talks like a Rasa chat widget (rasa-webchat, Chatwidget)."""
from __future__ import annotations

import queue
from typing import Any

import socketio


def conversation_of(session_token: str) -> str:
    """The conversation (sender) id inside a confirmed session token ``<id>.<mac>``."""
    return session_token.rsplit(".", 1)[0]


class Widget:
    """A socket.io client that talks like a Rasa chat widget and queues every event it receives."""

    def __init__(self, url: str, auth: dict | None = None) -> None:
        self.sio = socketio.Client(reconnection=False)
        self.events: queue.Queue = queue.Queue()
        self.sio.on("*", lambda event, data: self.events.put((event, data)))
        self.sio.connect(url, transports=["websocket"], wait_timeout=10, auth=auth)

    def session(self, session_id: str | None = None) -> str:
        self.sio.emit("session_request", {"session_id": session_id})
        event, confirmed = self.events.get(timeout=10)
        assert event == "session_confirm"
        return confirmed

    def say(self, session_id: str, message: str, custom_data: dict | None = None) -> list[tuple[str, Any]]:
        """Send one turn; the events it brought (errors, then the bot's messages, until 2 s of quiet)."""
        self.sio.emit("user_uttered", {"message": message, "session_id": session_id,
                                       "customData": custom_data or {}})
        events = [self.events.get(timeout=60)]
        while True:
            try:
                events.append(self.events.get(timeout=2))
            except queue.Empty:
                return events
