"""Start real servers on loopback for end-to-end tests; each waits until ready and always stops."""
from __future__ import annotations

import subprocess
import sys
import threading
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from policies import testing_bot
from policies.testing_bot import free_port

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@contextmanager
def running(cmd: Sequence[str], ready_url: str, *, env: Mapping[str, str] | None = None, name: str,
            timeout: float = 120.0, cwd: Path = REPO) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` until the block ends; ready when GET ``ready_url`` answers 200. Logs go to test-artifacts/<name>.log."""
    with testing_bot.running(cmd, ready_url, log=ARTIFACTS / f"{name}.log", env=env, timeout=timeout, cwd=cwd) as proc:
        yield proc


@contextmanager
def emotion_service(database_url: str, port: int | None = None, **settings: str) -> Iterator[str]:
    """The real emotion service (``emobot serve``) on loopback; yields its base URL."""
    with emotion_service_process(database_url, port, **settings) as (url, _):
        yield url


@contextmanager
def emotion_service_process(database_url: str, port: int | None = None,
                            **settings: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like :func:`emotion_service`, also yielding the process (fault tests kill it)."""
    port = port or free_port()
    env = {"EMOBOT_DATABASE_URL": database_url, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           **{f"EMOBOT_{k.upper()}": v for k, v in settings.items()}}
    cmd = [str(Path(sys.executable).parent / "emobot"), "serve", "--port", str(port)]
    with running(cmd, f"http://127.0.0.1:{port}/healthz", env=env, name=f"emotion-service-{port}") as proc:
        yield f"http://127.0.0.1:{port}", proc


def enter_together(stack: ExitStack, *managers: AbstractContextManager) -> list[Any]:
    """Enter context managers side by side (servers that each take tens of seconds to start);
    returns what each yields. ``stack`` exits them, also when one of them failed to start."""
    results: list[Any] = [None] * len(managers)
    entered = [False] * len(managers)
    errors: list[BaseException] = []

    def enter(i: int) -> None:
        try:
            results[i] = managers[i].__enter__()
            entered[i] = True
        except BaseException as exc:  # re-raised below, in the caller's thread
            errors.append(exc)

    threads = [threading.Thread(target=enter, args=(i,)) for i in range(len(managers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for manager, ok in zip(managers, entered):
        if ok:
            stack.push(manager.__exit__)
    if errors:
        raise errors[0]
    return results
