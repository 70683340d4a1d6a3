"""Console entry point of ``emobot``: a clear message where the service's packages are missing.

The base install (``pip install emobot`` into a Rasa environment) carries the ``emobot`` script
but not typer, torch or FastAPI; there the command explains what to install instead of failing
with a traceback.
"""
from __future__ import annotations

import sys


def main() -> None:
    try:
        from emotion.cli import app
    except ImportError as exc:
        sys.exit(f"emobot: the emotion service's packages are not installed in this environment "
                 f"(missing {exc.name!r}). The service runs on Python 3.11 with "
                 f"pip install 'emobot[service]' torch==2.13.0, or: bash scripts/install.sh service")
    app()
