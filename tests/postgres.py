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


@contextmanager
def _private_cluster() -> Iterator[str]:
    bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    root = tempfile.mkdtemp(prefix="emobot-pg-")
    shutil.chown(root, "postgres")
    port = _free_port()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*as_pg, f"{bindir}/initdb", "-D", f"{root}/data", "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True)
    subprocess.run([*as_pg, f"{bindir}/pg_ctl", "-D", f"{root}/data", "-w", "-l", f"{root}/log",
                    "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_pg, f"{bindir}/pg_ctl", "-D", f"{root}/data", "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


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
