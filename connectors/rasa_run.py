"""``python -m connectors.rasa_run run ...``: ``rasa`` with its API token taken from the environment.

Rasa takes its HTTP API token only as ``--auth-token`` on the command line, and a command line
is readable by every local user (``ps``, ``/proc/<pid>/cmdline``). With the token anyone on the
host reads and writes every conversation through Rasa's API and can end a handoff. This launcher
adds the token inside the process from ``EMOBOT_RASA_TOKEN`` (a process's environment is
readable by its own user only), so the command line never carries it.

    EMOBOT_RASA_TOKEN=... python -m connectors.rasa_run run --enable-api -m models/bot.tar.gz

``--enable-api`` without a token is refused: an open API on the loopback is every local user's. A test
harness that wants one says so with ``EMOBOT_RASA_OPEN_API=1``.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

TOKEN_VARIABLE = "EMOBOT_RASA_TOKEN"
TOKEN_FLAG = "--auth-token"
OPEN_API_VARIABLE = "EMOBOT_RASA_OPEN_API"
"""Set to "1" to start Rasa's API without a token (tests on a loopback they own)."""


class TokenOnCommandLine(ValueError):
    """The token was given as an argument, where every local user can read it."""


class ApiWithoutToken(ValueError):
    """``--enable-api`` without a token and without ``EMOBOT_RASA_OPEN_API=1``."""


def argv_with_token(argv: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """Rasa's arguments with ``--auth-token`` added from ``environ[EMOBOT_RASA_TOKEN]``.

    ``argv`` are the arguments after the program name (``["run", "--enable-api", ...]``); they
    come back unchanged when the variable is unset or empty and no API is enabled, or when
    ``environ[EMOBOT_RASA_OPEN_API]`` is "1" (an API without a token, for tests). Raises
    :class:`TokenOnCommandLine` when ``argv`` already names a token, :class:`ApiWithoutToken`
    for ``--enable-api`` with no token otherwise.
    """
    if any(arg.startswith("--auth") for arg in argv):  # Rasa's parser takes "--auth-tok=..." for "--auth-token" too
        raise TokenOnCommandLine(f"give the token in {TOKEN_VARIABLE}, not as {TOKEN_FLAG}: "
                                 "a command line is readable by every local user")
    token = environ.get(TOKEN_VARIABLE, "")
    if not token and "--enable-api" in argv and environ.get(OPEN_API_VARIABLE) != "1":
        raise ApiWithoutToken(f"--enable-api without a token: set {TOKEN_VARIABLE} (or {OPEN_API_VARIABLE}=1 for "
                              "a test's own loopback): an API without one is open to every local user")
    # one argument "--auth-token=<token>": a token that starts with "-" would be read as an option
    return [*argv, f"{TOKEN_FLAG}={token}"] if token else list(argv)


def main() -> None:
    """Run ``rasa`` with this process's arguments and the token from the environment."""
    try:
        arguments = argv_with_token(sys.argv[1:], os.environ)
    except (TokenOnCommandLine, ApiWithoutToken) as exc:
        raise SystemExit(f"error: {exc}") from None
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *arguments]
    rasa_main()


if __name__ == "__main__":
    main()
