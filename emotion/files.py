"""Files that hold personal data are created readable by their owner only."""
from __future__ import annotations

import os
from pathlib import Path


def private_file(path: str | os.PathLike) -> Path:
    """Create ``path`` (and its folder) if missing, mode 0600 either way; SQLite gives its -wal and
    -shm files the database file's mode. Returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    return path
