"""Train an example bot if needed and serve it with ``rasa run`` (from .venv-rasa) on loopback.

Runs from the test runtime (.venv) without importing Rasa:

    with rasa_server("support", emotion_service_url=url) as rasa_url:
        httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook", json={"sender": "a", "message": "hi"})

A bot with custom actions (a ``bot/<bot>/actions/`` package) also gets its action server
(``rasa run actions``, see :func:`action_server`) on a free port, wired through a generated
endpoints file.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Optional, Sequence
from urllib.parse import parse_qs, unquote

from tests.e2e.processes import ARTIFACTS, REPO, free_port, running

RASA = REPO / ".venv-rasa" / "bin" / "rasa"
RASA_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def train_bot(bot: str = "support", timeout: float = 600.0) -> Path:
    """``rasa train`` bot/<bot> into bot/<bot>/models/<bot>.tar.gz; returns the model path.

    Rasa fingerprints each training step (config, domain, data) and restores unchanged
    steps from its cache, bot/<bot>/.rasa/cache (git-ignored): an up-to-date bot takes
    about 20 s, mostly Rasa's start-up; a full training about 30 s. A model newer than every
    file it is trained from (and than the policies' code) is returned without starting Rasa.
    """
    bot_dir = REPO / "bot" / bot
    model = bot_dir / "models" / f"{bot}.tar.gz"
    sources = [bot_dir / "config.yml", bot_dir / "domain.yml", *(bot_dir / "data").rglob("*"),
               *(REPO / "policies").rglob("*.py")]
    if model.is_file() and all(f.stat().st_mtime < model.stat().st_mtime for f in sources):
        return model
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"rasa-train-{bot}.log"
    cmd = [str(RASA), "train", "--config", str(bot_dir / "config.yml"),
           "--domain", str(bot_dir / "domain.yml"), "--data", str(bot_dir / "data"),
           "--out", str(model.parent), "--fixed-model-name", bot]
    with open(log, "wb") as out:
        env = {**os.environ, **RASA_ENV, "RASA_CACHE_DIRECTORY": str(bot_dir / ".rasa" / "cache")}
        result = subprocess.run(cmd, cwd=REPO, env=env, stdout=out,
                                stderr=subprocess.STDOUT, timeout=timeout)
    if result.returncode != 0 or not model.is_file():
        raise RuntimeError(f"rasa train {bot} failed ({result.returncode}): "
                           f"{log.read_text()[-3000:]}")
    return model


def has_actions(bot: str) -> bool:
    return (REPO / "bot" / bot / "actions" / "__init__.py").is_file()


@contextmanager
def action_server(bot: str, emotion_service_url: str = "http://127.0.0.1:8500", port: int | None = None,
                  timeout: float = 120.0, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """``rasa run actions --actions actions`` in bot/<bot> until the block ends; yields its webhook URL.

    The actions reach the emotion service at ``emotion_service_url`` (EMOBOT_SERVICE_URL).
    """
    port = port or free_port()
    cmd = [str(RASA), "run", "actions", "--actions", "actions", "--port", str(port)]
    env = {**RASA_ENV, "EMOBOT_SERVICE_URL": emotion_service_url, **(env or {})}
    with running(cmd, f"http://127.0.0.1:{port}/health", env=env, name=f"actions-{bot}-{port}",
                 timeout=timeout, cwd=REPO / "bot" / bot):
        yield f"http://127.0.0.1:{port}/webhook"


@contextmanager
def rasa_server(bot: str = "support", emotion_service_url: str = "http://127.0.0.1:8500",
                port: int | None = None, timeout: float = 180.0, env: Mapping[str, str] | None = None,
                endpoints_extra: str = "", args: Sequence[str] = ()) -> Iterator[str]:
    """Like :func:`_rasa_server`, with the bot's action server when it has custom actions (it
    gets ``env`` too); ``args`` go to ``rasa run`` (e.g. ``--auth-token``)."""
    if not has_actions(bot):
        with _rasa_server(bot, emotion_service_url, port, timeout, None, env, endpoints_extra, args) as url:
            yield url
        return
    with action_server(bot, emotion_service_url, env=env) as actions_url:
        endpoints = ARTIFACTS / f"endpoints-{bot}-{free_port()}.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "{actions_url}"\n')
        with _rasa_server(bot, emotion_service_url, port, timeout, endpoints, env, endpoints_extra, args) as url:
            yield url


@contextmanager
def _rasa_server(bot: str = "support", emotion_service_url: str = "http://127.0.0.1:8500",
                 port: int | None = None, timeout: float = 180.0,
                 endpoints: Path | None = None, env: Mapping[str, str] | None = None,
                 endpoints_extra: str = "", args: Sequence[str] = ()) -> Iterator[str]:
    """``rasa run --enable-api`` for bot/<bot> until the block ends; yields its base URL.

    The bot's credentials.yml enables the emobot_web channel; it reaches the emotion
    service at ``emotion_service_url`` (EMOBOT_SERVICE_URL). Ready when GET /status
    answers; the server's log is test-artifacts/rasa-<bot>-<port>.log. ``env`` adds to the
    server's environment; ``endpoints_extra`` is YAML appended to its endpoints (a tracker or
    lock store). The channels' outbox is a fresh file per server unless ``env`` names one
    (``EMOBOT_OUTBOX_PATH``).
    """
    model = train_bot(bot)
    bot_dir = REPO / "bot" / bot
    port = port or free_port()
    endpoints = endpoints or bot_dir / "endpoints.yml"
    if endpoints_extra:
        generated = ARTIFACTS / f"endpoints-{bot}-{port}-extra.yml"
        generated.write_text(endpoints.read_text() + "\n" + endpoints_extra)
        endpoints = generated
    cmd = [str(RASA), "run", "--enable-api", "-m", str(model), "--interface", "127.0.0.1",
           "--port", str(port), "--credentials", str(bot_dir / "credentials.yml"),
           "--endpoints", str(endpoints), *args]
    outbox_dir = tempfile.mkdtemp(prefix="emobot-outbox-")
    env = {**RASA_ENV, "EMOBOT_SERVICE_URL": emotion_service_url,
           "EMOBOT_OUTBOX_PATH": f"{outbox_dir}/outbox.sqlite3", **(env or {})}
    try:
        token = dict(zip(args, list(args)[1:])).get("--auth-token")
        ready = f"http://127.0.0.1:{port}/status" + (f"?token={token}" if token else "")
        with running(cmd, ready, env=env, name=f"rasa-{bot}-{port}",
                     timeout=timeout):
            yield f"http://127.0.0.1:{port}"
    finally:
        shutil.rmtree(outbox_dir, ignore_errors=True)


# --- A stand-in emotion service for bot tests: injected readings and derived states ----------
# The reading of each turn is chosen by the test (``label_of``: text -> label); the derived
# states by ``derived_of`` (text -> dict; e.g. the real emotion.affect.AffectModel.derive).
# Handoff requests (POST /v1/sessions/{id}/handoffs) are recorded in ``service.handoffs`` (one
# per session while it is not resolved: a test resolves it in ``service.handoff_status``), the
# live thread the bot reports in ``service.thread``.

LABELS = ("neutral", "joy", "sadness", "anger", "fear", "disgust", "surprise")
VALENCE = {"neutral": 0.0, "joy": 0.8, "sadness": -0.7, "anger": -0.6, "fear": -0.6, "disgust": -0.5, "surprise": 0.2}


def per_turn_actions(tracker: Mapping[str, Any]) -> list[list[str]]:
    """The actions a bot ran after each user message, from ``GET /conversations/{id}/tracker``'s
    JSON (action_listen and session start left out)."""
    turns: list[list[str]] = []
    for event in tracker["events"]:
        if event["event"] == "user":
            turns.append([])
        elif event["event"] == "action" and turns and event["name"] not in ("action_listen", "action_session_start"):
            turns[-1].append(event["name"])
    return turns


def reading(label: str, p: float = 0.8, confidence: float = 0.8) -> dict:
    return {"label": label, "probabilities": {l: p if l == label else (1 - p) / 6 for l in LABELS},
            "valence": VALENCE[label] * p, "arousal": 0.2, "confidence": confidence}


class InjectedService:
    def __init__(self, label_of: Callable[[str], str],
                 derived_of: Optional[Callable[[str], dict]] = None) -> None:
        self.label_of = label_of
        self.derived_of = derived_of
        self.turns: list[dict] = []
        self.handoffs: list[tuple[str, dict]] = []
        self.handoff_status: dict[str, str] = {}  # session -> open | claimed | resolved (a test sets it)
        self.thread: list[tuple[str, dict]] = []  # (session, message) reported by the bot
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def turn_response(self, session_id: str, form: dict) -> dict:
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


@contextmanager
def injected_service(label_of: Callable[[str], str],
                     derived_of: Optional[Callable[[str], dict]] = None) -> Iterator[InjectedService]:
    service = InjectedService(label_of, derived_of)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _json(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = self.path.split("?")[0].split("/")  # /v1/sessions/{id}/handoffs/latest
            if self.path.split("?")[0].endswith("/handoffs/latest"):
                session_id = unquote(parts[3])
                ids = [i + 1 for i, (s, _) in enumerate(service.handoffs) if s == session_id]
                if not ids:
                    self._json(404, {"error": {"code": "no_handoff", "message": session_id}})
                    return
                self._json(200, {"id": ids[-1], "status": service.handoff_status.get(session_id, "open"),
                                 "waiting_s": 1.0, "expected_wait_s": None, "cursor": len(service.thread)})
                return
            self._json(200, {"status": "ok"})

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            parts = self.path.split("/")  # /v1/sessions/{id}/turns|handoffs
            session_id = unquote(parts[3]) if len(parts) > 4 else ""
            if self.path.endswith("/turns"):
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                self._json(200, service.turn_response(session_id, form))
            elif self.path.endswith("/handoffs"):
                open_ = [i + 1 for i, (s, _) in enumerate(service.handoffs) if s == session_id
                         and service.handoff_status.get(s, "open") != "resolved"]
                if not open_:
                    service.handoffs.append((session_id, json.loads(raw)))
                    service.handoff_status[session_id] = "open"
                handoff_id = open_[-1] if open_ else len(service.handoffs)
                self._json(201 if not open_ else 200, {"id": handoff_id, "session_id": session_id})
            elif self.path.endswith("/handoffs/latest/messages"):
                messages = json.loads(raw)["messages"]
                service.thread += [(session_id, m) for m in messages]
                self._json(201, [{"id": i, **m, "created_at": "2026-01-01T00:00:00Z"}
                                 for i, m in enumerate(messages, len(service.thread) - len(messages) + 1)])
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
