"""A throwaway PostgreSQL database per test run.

Uses the server on 127.0.0.1:5432 (trust auth) when it answers; otherwise starts a private
cluster with Debian's initdb/pg_ctl as the ``postgres`` user on a free port, and stops it after.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from contextlib import contextmanager
from typing import Iterator

import psycopg

ADMIN_URL = os.environ.get("EMOBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateCluster:
    """A PostgreSQL cluster of our own (Debian's initdb/pg_ctl) on a free port, in a temporary folder.

    Fault tests stop and start it under load; never do that to the shared server on 5432.
    ``url`` is its admin URL (libpq form), valid while the cluster runs.
    """

    def __init__(self) -> None:
        self.bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
        self.root = tempfile.mkdtemp(prefix="emobot-pg-")
        shutil.chown(self.root, "postgres")
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*self._as_pg, f"{self.bindir}/initdb", "-D", f"{self.root}/data", "-A", "trust", "-U", "postgres"],
                       check=True, capture_output=True)

    def start(self) -> None:
        subprocess.run([*self._as_pg, f"{self.bindir}/pg_ctl", "-D", f"{self.root}/data", "-w", "-l", f"{self.root}/log",
                        "-o", f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1", "start"],
                       check=True, capture_output=True)

    def stop(self, mode: str = "fast") -> None:
        """``fast`` disconnects clients and shuts down cleanly; ``immediate`` is a crash (recovery on start)."""
        subprocess.run([*self._as_pg, f"{self.bindir}/pg_ctl", "-D", f"{self.root}/data", "-m", mode, "-w", "stop"],
                       capture_output=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def _private_cluster() -> Iterator[str]:
    cluster = PrivateCluster()
    cluster.start()
    try:
        yield cluster.url
    finally:
        cluster.remove()


@contextmanager
def postgres_server() -> Iterator[str]:
    """The admin URL of a running PostgreSQL server (the local one, or a private one)."""
    if _answers(ADMIN_URL):
        yield ADMIN_URL
    else:
        with _private_cluster() as url:
            yield url


@contextmanager
def throwaway_database(admin_url: str) -> Iterator[str]:
    """Create ``emobot_test_<random>`` and yield its SQLAlchemy URL (psycopg 3); dropped after."""
    name = f"emobot_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        for _ in range(10):
            try:
                with psycopg.connect(admin_url, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except psycopg.OperationalError:
                time.sleep(0.5)
