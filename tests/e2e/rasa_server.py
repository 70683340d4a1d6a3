"""Train an example bot if needed and serve it with ``rasa run`` (from .venv-rasa) on loopback.

Runs from the test runtime (.venv) without importing Rasa:

    with rasa_server("support", emotion_service_url=url) as rasa_url:
        httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook", json={"sender": "a", "message": "hi"})
"""
from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.e2e.processes import ARTIFACTS, REPO, free_port, running

RASA = REPO / ".venv-rasa" / "bin" / "rasa"
RASA_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def train_bot(bot: str = "support", timeout: float = 600.0) -> Path:
    """``rasa train`` bot/<bot> into bot/<bot>/models/<bot>.tar.gz; returns the model path.

    Rasa fingerprints each training step (config, domain, data) and restores unchanged
    steps from its cache, bot/<bot>/.rasa/cache (git-ignored): an up-to-date bot takes
    about 20 s, mostly Rasa's start-up; a full training about 30 s.
    """
    bot_dir = REPO / "bot" / bot
    model = bot_dir / "models" / f"{bot}.tar.gz"
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


@contextmanager
def rasa_server(bot: str = "support", emotion_service_url: str = "http://127.0.0.1:8500",
                port: int | None = None, timeout: float = 180.0) -> Iterator[str]:
    """``rasa run --enable-api`` for bot/<bot> until the block ends; yields its base URL.

    The bot's credentials.yml enables the emobot_web channel; it reaches the emotion
    service at ``emotion_service_url`` (EMOBOT_SERVICE_URL). Ready when GET /status
    answers; the server's log is test-artifacts/rasa-<bot>-<port>.log.
    """
    model = train_bot(bot)
    bot_dir = REPO / "bot" / bot
    port = port or free_port()
    cmd = [str(RASA), "run", "--enable-api", "-m", str(model), "--interface", "127.0.0.1",
           "--port", str(port), "--credentials", str(bot_dir / "credentials.yml"),
           "--endpoints", str(bot_dir / "endpoints.yml")]
    env = {**RASA_ENV, "EMOBOT_SERVICE_URL": emotion_service_url}
    with running(cmd, f"http://127.0.0.1:{port}/status", env=env, name=f"rasa-{bot}-{port}",
                 timeout=timeout):
        yield f"http://127.0.0.1:{port}"
