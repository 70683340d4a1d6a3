"""Files: where the checkout is, a file's sha256, and files that hold personal data (created
readable by their owner only)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The checkout (``../shared/data`` lies beside it); the one definition every module uses."""


def file_sha256(path: str | os.PathLike) -> str:
    """The hex sha256 of a file's bytes, read 1 MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def private_file(path: str | os.PathLike) -> Path:
    """Create ``path`` (and its folder) if missing, mode 0600 either way; SQLite gives its -wal and
    -shm files the database file's mode. Returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    return path
