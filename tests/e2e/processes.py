"""Start real servers on loopback for end-to-end tests; each waits until ready and always stops."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import httpx

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(cmd: Sequence[str], ready_url: str, *, env: Mapping[str, str] | None = None, name: str,
            timeout: float = 120.0, cwd: Path = REPO) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` until the block ends; ready when GET ``ready_url`` answers 200. Logs go to test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / f"{name}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(list(cmd), cwd=cwd, env={**os.environ, **(env or {})}, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited with {proc.returncode}: {log_path.read_text()[-3000:]}")
                try:
                    if httpx.get(ready_url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} not ready after {timeout}s: {log_path.read_text()[-3000:]}")
                time.sleep(0.3)
            yield proc
        finally:
            stop(proc)


def stop(proc: subprocess.Popen, timeout: float = 15) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


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
