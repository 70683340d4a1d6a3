"""End-to-end testing kit: your bot served by a real ``rasa run``, talking to a stand-in emotion
service whose readings your test chooses.

Rasa's test stories cannot carry message metadata, and the real emotion service reads what it
reads; this kit lets a pytest test say "this message sounds sad" and check what the bot answers
over HTTP, through the emobot channel, your policies and your actions as deployed::

    from policies.testing_bot import say, served_bot, standin_service

    def test_two_sad_messages_get_cheered_up():
        with standin_service(lambda text: "sadness" if "sad" in text else "neutral") as service, \\
                served_bot(".", service.url) as bot:
            say(bot, "I feel sad")
            assert say(bot, "still sad") == ["You've sounded low for a while. ..."]

It imports nothing of Rasa (it starts ``rasa`` as a process), so it runs from the bot's
environment or from another one. The stand-in answers the service's HTTP API as the channel and
the actions use it: ``POST /v1/sessions/{id}/turns`` (a reading of the label ``label_of(text)``
returns, with ``derived_of(text)`` as the derived states), and the handoff endpoints
(``POST .../handoffs``, ``GET .../handoffs/latest``, ``POST .../handoffs/latest/messages``),
recording what it was sent in ``turns``, ``handoffs`` and ``thread``.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import threading
import time
from contextlib import contextmanager, nullcontext
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence
from urllib.parse import parse_qs, unquote

import httpx

from emotion.labels import LABELS, PROTOTYPES

RASA_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
VALENCE = {label: valence for label, (valence, _) in zip(LABELS, PROTOTYPES)}


def free_port() -> int:
    """A TCP port free on loopback now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(cmd: Sequence[str], ready_url: str, *, log: Path, env: Optional[Mapping[str, str]] = None,
            timeout: float = 120.0, cwd: Optional[Path] = None) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` until the block ends (its output in ``log``); ready when GET ``ready_url``
    answers 200. Raises with the log's tail when it exits or is not ready within ``timeout`` s."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        proc = subprocess.Popen(list(cmd), cwd=cwd, env={**os.environ, **(env or {})}, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}: {log.read_text()[-3000:]}")
                try:
                    if httpx.get(ready_url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{cmd[0]} not ready after {timeout}s: {log.read_text()[-3000:]}")
                time.sleep(0.3)
            yield proc
        finally:
            stop(proc)


def stop(proc: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM ``proc``'s process group, SIGKILL after ``timeout`` s."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextmanager
def served_bot(folder: Path | str = ".", emotion_service_url: str = "http://127.0.0.1:8500", *,
               rasa: Sequence[str] = ("rasa",), train: bool = True, actions: bool = False,
               env: Optional[Mapping[str, str]] = None, timeout: float = 180.0,
               logs: Optional[Path] = None) -> Iterator[str]:
    """The bot in ``folder`` (config.yml, domain.yml, data/, credentials.yml with the emobot channel)
    trained (``rasa train``; Rasa's cache makes an unchanged bot quick) and served by
    ``rasa run --enable-api`` on a free loopback port until the block ends; yields its base URL.

    ``actions``: also run its action server (``rasa run actions``) and point the bot at it.
    ``rasa``: the command that runs Rasa, e.g. ``(".venv/bin/rasa",)``. Logs go to ``logs``
    (default ``<folder>/test-logs``); the channel's outbox to a file in there.
    """
    folder = Path(folder).resolve()
    logs = Path(logs or folder / "test-logs")
    port = free_port()
    env = {**RASA_ENV, "EMOBOT_SERVICE_URL": emotion_service_url,
           "EMOBOT_OUTBOX_PATH": str(logs / f"outbox-{port}.sqlite3"), **(env or {})}
    model = logs / f"model-{port}"
    if train:
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / "rasa-train.log", "wb") as out:
            done = subprocess.run([*rasa, "train", "--out", str(model), "--fixed-model-name", "bot"], cwd=folder,
                                  env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(f"rasa train failed: {(logs / 'rasa-train.log').read_text()[-3000:]}")
    cmd = [*rasa, "run", "--enable-api", "--interface", "127.0.0.1", "--port", str(port),
           "--credentials", "credentials.yml", *(["-m", str(model)] if train else [])]
    with _action_server(folder, rasa, env, logs, timeout) if actions else nullcontext() as endpoints:
        if endpoints:
            cmd += ["--endpoints", str(endpoints)]
        with running(cmd, f"http://127.0.0.1:{port}/status", log=logs / f"rasa-run-{port}.log", env=env,
                     timeout=timeout, cwd=folder):
            yield f"http://127.0.0.1:{port}"


@contextmanager
def _action_server(folder: Path, rasa: Sequence[str], env: Mapping[str, str], logs: Path,
                   timeout: float) -> Iterator[Path]:
    port = free_port()
    cmd = [*rasa, "run", "actions", "--port", str(port)]
    with running(cmd, f"http://127.0.0.1:{port}/health", log=logs / f"actions-{port}.log", env=env,
                 timeout=timeout, cwd=folder):
        endpoints = logs / f"endpoints-{port}.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{port}/webhook"\n')
        yield endpoints


def say(bot_url: str, text: str, sender: str = "test", channel: str = "emobot_web") -> List[str]:
    """Send ``text`` as ``sender`` through the emobot channel's webhook; the texts the bot answered."""
    answer = httpx.post(f"{bot_url}/webhooks/{channel}/webhook", json={"sender": sender, "message": text}, timeout=60)
    answer.raise_for_status()
    return [m["text"] for m in answer.json() if m.get("text")]


class ChatSession:
    """A conversation on the emobot web channel as the chat page holds it (``POST /session``, its
    token on every turn), so answers carry the conversation's state and derived states."""

    def __init__(self, bot_url: str, timeout: float = 120) -> None:
        self.bot_url, self.timeout = bot_url, timeout
        issued = httpx.post(f"{bot_url}/webhooks/emobot_web/session", timeout=30)
        issued.raise_for_status()
        self.sender, self._token = issued.json()["session_id"], issued.json()["token"]

    def send(self, text: str, metadata: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """``{"messages": [...], "emotion": {...}, "text": str}``: the bot's answer to ``text``."""
        body: Dict[str, Any] = {"message": text, **({"metadata": dict(metadata)} if metadata else {})}
        answer = httpx.post(f"{self.bot_url}/webhooks/emobot_web/webhook?emotion=true", json=body, timeout=self.timeout,
                            headers={"Authorization": f"Bearer {self._token}"})
        answer.raise_for_status()
        return answer.json()


def reading(label: str, p: float = 0.8, confidence: float = 0.8) -> Dict[str, Any]:
    """A turn reading of ``label`` at probability ``p`` (the rest spread evenly), as the service sends it."""
    return {"label": label, "probabilities": {lb: p if lb == label else (1 - p) / (len(LABELS) - 1) for lb in LABELS},
            "valence": VALENCE[label] * p, "arousal": 0.2, "confidence": confidence}


def per_turn_actions(tracker: Mapping[str, Any]) -> List[List[str]]:
    """The actions a bot ran after each user message, from ``GET /conversations/{id}/tracker``'s
    JSON (action_listen and session start left out)."""
    turns: List[List[str]] = []
    for event in tracker["events"]:
        if event["event"] == "user":
            turns.append([])
        elif event["event"] == "action" and turns and event["name"] not in ("action_listen", "action_session_start"):
            turns[-1].append(event["name"])
    return turns


class StandinService:
    """What the stand-in was sent, and the handoff state a test sets.

    turns: one dict per turn (session_id, text, label, cues); handoffs: (session, request body),
    one per session while it is not resolved; handoff_status: session -> open | claimed |
    resolved (a test sets it); thread: (session, message) the bot added to a handoff's thread.
    """

    def __init__(self, label_of: Callable[[str], str], derived_of: Optional[Callable[[str], dict]] = None) -> None:
        self.label_of = label_of
        self.derived_of = derived_of
        self.turns: List[dict] = []
        self.handoffs: List[tuple] = []
        self.handoff_status: Dict[str, str] = {}
        self.thread: List[tuple] = []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def turn_response(self, session_id: str, form: Mapping[str, str]) -> dict:
        text = form.get("text", "")
        label = self.label_of(text)
        turn = reading(label)
        index = sum(1 for t in self.turns if t["session_id"] == session_id)
        body = {"session_id": session_id, "turn_index": index, "speaker_id": form.get("speaker_id", "user"),
                "available": True, "turn": turn,
                "state": {**turn, "trend": {"valence": 0.0, "arousal": 0.0, "labels": {}}, "turns_observed": index + 1},
                "modalities": {"text": {"status": "used", "notes": []}}, "modalities_used": ["text"]}
        if self.derived_of is not None:
            body["derived"] = self.derived_of(text)
        self.turns.append({"session_id": session_id, "text": text, "label": label,
                           "cues": json.loads(form["cues"]) if form.get("cues") else None})
        return body

    def latest_handoff(self, session_id: str) -> tuple[int, dict]:
        ids = [i + 1 for i, (s, _) in enumerate(self.handoffs) if s == session_id]
        if not ids:
            return 404, {"error": {"code": "no_handoff", "message": session_id}}
        return 200, {"id": ids[-1], "status": self.handoff_status.get(session_id, "open"), "waiting_s": 1.0,
                     "expected_wait_s": None, "cursor": len(self.thread)}

    def open_handoff(self, session_id: str, request: dict) -> tuple[int, dict]:
        live = [i + 1 for i, (s, _) in enumerate(self.handoffs)
                if s == session_id and self.handoff_status.get(s, "open") != "resolved"]
        if live:
            return 200, {"id": live[-1], "session_id": session_id}
        self.handoffs.append((session_id, request))
        self.handoff_status[session_id] = "open"
        return 201, {"id": len(self.handoffs), "session_id": session_id}

    def withdraw_handoff(self, session_id: str) -> tuple[int, dict]:
        """As the service: an open handoff is resolved; a claimed or resolved one is a 409."""
        code, latest = self.latest_handoff(session_id)
        if code != 200:
            return code, latest
        if latest["status"] != "open":
            return 409, {"error": {"code": "handoff_claimed", "message": latest["status"]}}
        self.handoff_status[session_id] = "resolved"
        return 200, {**latest, "status": "resolved"}

    def add_to_thread(self, session_id: str, messages: List[dict]) -> tuple[int, list]:
        first = len(self.thread) + 1
        self.thread += [(session_id, m) for m in messages]
        return 201, [{"id": i, **m, "created_at": "2026-01-01T00:00:00Z"} for i, m in enumerate(messages, first)]


@contextmanager
def standin_service(label_of: Callable[[str], str],
                    derived_of: Optional[Callable[[str], dict]] = None) -> Iterator[StandinService]:
    """A stand-in emotion service on a free loopback port until the block ends (see the module doc).

    ``label_of``: a message's text -> the label its reading has (p 0.8); ``derived_of``: text ->
    the ``derived`` states (e.g. ``{"crisis": {"flag": True, "risk": 0.97}}``); none when omitted.
    """
    service = StandinService(label_of, derived_of)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _json(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path.endswith("/handoffs/latest"):  # /v1/sessions/{id}/handoffs/latest
                self._json(*service.latest_handoff(unquote(path.split("/")[3])))
            else:
                self._json(200, {"status": "ok"})

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            parts = self.path.split("/")  # /v1/sessions/{id}/...
            session_id = unquote(parts[3]) if len(parts) > 4 else ""
            if self.path.endswith("/turns"):
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                self._json(200, service.turn_response(session_id, form))
            elif self.path.endswith("/handoffs"):
                self._json(*service.open_handoff(session_id, json.loads(raw)))
            elif self.path.endswith("/handoffs/latest/withdraw"):
                self._json(*service.withdraw_handoff(session_id))
            elif self.path.endswith("/handoffs/latest/messages"):
                self._json(*service.add_to_thread(session_id, json.loads(raw)["messages"]))
            else:
                self._json(404, {"error": {"code": "not_found", "message": self.path}})

    server = ThreadingHTTPServer(("127.0.0.1", service.port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
