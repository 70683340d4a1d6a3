"""Train an example bot if needed and serve it with ``rasa run`` (from .venv-rasa) on loopback.

Runs from the test runtime (.venv) without importing Rasa:

    with rasa_server("support", emotion_service_url=url) as rasa_url:
        httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook", json={"sender": "a", "message": "hi"})

A bot with custom actions (a ``bot/<bot>/actions/`` package) also gets its action server
(``rasa run actions``, see :func:`action_server`) on a free port, wired through a generated
endpoints file.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from policies.testing_bot import RASA_ENV
from tests.e2e.processes import ARTIFACTS, REPO, free_port, running

RASA = REPO / ".venv-rasa" / "bin" / "rasa"
# `rasa run` as deployed: through the launcher that takes the API token from EMOBOT_RASA_TOKEN
RASA_RUN = [str(REPO / ".venv-rasa" / "bin" / "python"), "-m", "connectors.rasa_run", "run"]


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
                endpoints_extra: str = "", args: Sequence[str] = (), token: str | None = None) -> Iterator[str]:
    """Like :func:`_rasa_server`, with the bot's action server when it has custom actions (it
    gets ``env`` too); ``args`` go to ``rasa run``; ``token`` is Rasa's API token (given in
    ``EMOBOT_RASA_TOKEN``, never on the command line)."""
    if not has_actions(bot):
        with _rasa_server(bot, emotion_service_url, port, timeout, None, env, endpoints_extra, args, token) as url:
            yield url
        return
    with action_server(bot, emotion_service_url, env=env) as actions_url:
        endpoints = ARTIFACTS / f"endpoints-{bot}-{free_port()}.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "{actions_url}"\n')
        with _rasa_server(bot, emotion_service_url, port, timeout, endpoints, env, endpoints_extra, args, token) as url:
            yield url


@contextmanager
def _rasa_server(bot: str = "support", emotion_service_url: str = "http://127.0.0.1:8500",
                 port: int | None = None, timeout: float = 180.0,
                 endpoints: Path | None = None, env: Mapping[str, str] | None = None,
                 endpoints_extra: str = "", args: Sequence[str] = (), token: str | None = None) -> Iterator[str]:
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
    cmd = [*RASA_RUN, "--enable-api", "-m", str(model), "--interface", "127.0.0.1",
           "--port", str(port), "--credentials", str(bot_dir / "credentials.yml"),
           "--endpoints", str(endpoints), *args]
    outbox_dir = tempfile.mkdtemp(prefix="emobot-outbox-")
    env = {**RASA_ENV, "EMOBOT_SERVICE_URL": emotion_service_url,
           "EMOBOT_OUTBOX_PATH": f"{outbox_dir}/outbox.sqlite3", **(env or {}), "EMOBOT_RASA_TOKEN": token or "",
           "EMOBOT_RASA_OPEN_API": "" if token else "1"}
    try:
        ready = f"http://127.0.0.1:{port}/status" + (f"?token={token}" if token else "")
        with running(cmd, ready, env=env, name=f"rasa-{bot}-{port}",
                     timeout=timeout):
            yield f"http://127.0.0.1:{port}"
    finally:
        shutil.rmtree(outbox_dir, ignore_errors=True)
