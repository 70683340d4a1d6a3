"""Run what ``docker/compose.yml`` describes as local processes, for tests of the deployed topology.

No container runtime is needed: each service's command, environment and health check come from
the compose file itself (its anchors, ``${VAR:-default}`` / ``${VAR:?message}`` substitution)
and from the Dockerfile that builds its image (``ENV``, ``ARG``, ``CMD``), parsed, not copied
by hand. What a container runtime would provide is done on loopback instead:

- services named in ``local`` (PostgreSQL, Redis) are the servers already running on this
  machine; the ``initdb`` scripts mounted into PostgreSQL run against it;
- a service's hostname in its environment (in URLs such as ``http://emotion:8500``, and as a
  ``*_HOST`` value such as ``POSTGRES_HOST=postgres``) becomes 127.0.0.1, and every service listens on its container port there (so those ports
  must be free: :func:`start` says which is not);
- the image's build steps are the project's own (``scripts/install.sh`` made the environments;
  :func:`tests.e2e.rasa_server.train_bot` runs the Dockerfile's ``rasa train``);
- one replica per service.

A service that a ``depends_on`` names but the file lacks stops :func:`plan` with an error; a
service the bots need at run time but nobody declares (the action server) shows as a bot that
cannot act: the topology test checks behaviour, not only the file.
"""
from __future__ import annotations

import json
import re
import shlex
import socket
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from tests.e2e.processes import REPO, enter_together, running

COMPOSE = REPO / "docker" / "compose.yml"
VARIABLE = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


class ComposeError(ValueError):
    """The compose file cannot run as written (a missing variable, service or port)."""


def substitute(value: str, env: Mapping[str, str]) -> str:
    """Compose's variable substitution: ``$$``, ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR:?message}``."""
    def one(match: re.Match) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1) or match.group(4)
        op, arg = match.group(2), match.group(3) or ""
        current = env.get(name)
        if op in (":-", "-"):
            return current if current or (op == "-" and current is not None) else arg
        if op in (":?", "?"):
            if not current:
                raise ComposeError(f"{name}: {arg or 'required'}")
            return current
        return current or ""
    return VARIABLE.sub(one, value)


def _substituted(node: Any, env: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return substitute(node, env)
    if isinstance(node, list):
        return [_substituted(n, env) for n in node]
    if isinstance(node, dict):
        return {k: _substituted(v, env) for k, v in node.items()}
    return node


@dataclass(frozen=True)
class Dockerfile:
    """The run-time part of a Dockerfile: its ENV (ARGs expanded) and CMD."""

    env: dict[str, str]
    cmd: list[str]

    @classmethod
    def read(cls, path: Path, build_args: Mapping[str, str]) -> "Dockerfile":
        text = re.sub(r"\\\n", " ", path.read_text())
        args: dict[str, str] = {}
        env: dict[str, str] = {}
        cmd: list[str] = []
        for line in text.splitlines():
            word, _, rest = line.strip().partition(" ")
            if word == "ARG":
                name, _, default = rest.strip().partition("=")
                args[name] = build_args.get(name, default)
            elif word == "ENV":
                for pair in shlex.split(rest):
                    name, _, value = pair.partition("=")
                    env[name] = substitute(value, {**args, **env})
            elif word == "CMD":
                rest = rest.strip()
                cmd = json.loads(rest) if rest.startswith("[") else ["sh", "-c", rest]
        return cls(env, cmd)


@dataclass
class Service:
    """One compose service as a local process."""

    name: str
    command: list[str]
    env: dict[str, str]
    ready_url: str | None
    depends_on: list[str] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)


def _command(value: Any) -> list[str]:
    return list(value) if isinstance(value, list) else ["sh", "-c", str(value)]


def _loopback(key: str, value: str, hosts: set[str]) -> str:
    """Hostnames of services in a URL or DSN, or as the value of a ``*_HOST`` variable, become 127.0.0.1."""
    if key.endswith("_HOST") and value in hosts:
        return "127.0.0.1"
    for host in hosts:  # the host of a URL's authority, after its user:password@ if any
        value = re.sub(rf"(//(?:[^/@\s]*@)?){re.escape(host)}(?=[:/]|$)", r"\g<1>127.0.0.1", value)
    return value


def _ready_url(healthcheck: Mapping[str, Any] | None, env: Mapping[str, str]) -> tuple[str | None, int | None]:
    """The URL a health check polls (its ``curl`` target, the container's variables expanded) and its port."""
    test = (healthcheck or {}).get("test") or []
    found = re.search(r"https?://[^\s\"']+", " ".join(test) if isinstance(test, list) else str(test))
    if not found:
        return None, None
    url = substitute(found.group(0), env)
    port = re.search(r"://[^/:]+:(\d+)", url)
    return url, int(port.group(1)) if port else None


def plan(env: Mapping[str, str], local: set[str] = frozenset({"postgres", "redis"}),
         compose_path: Path = COMPOSE, doc: Mapping[str, Any] | None = None) -> list[Service]:
    """The services of the compose file (or of ``doc``, a compose document read from beside
    ``compose_path``), minus the ``local`` ones, in start order."""
    doc = _substituted(doc if doc is not None else yaml.safe_load(compose_path.read_text()), env)
    services: dict[str, Any] = dict(doc["services"])
    builders = {spec["image"]: spec for spec in services.values() if spec.get("build") and spec.get("image")}
    hosts = set(doc["services"])
    out: dict[str, Service] = {}
    for name, spec in services.items():
        if name in local:
            continue
        builder = spec if spec.get("build") else builders.get(spec.get("image", ""))
        if builder is None:
            raise ComposeError(f"{name}: image {spec.get('image')!r} is built by no service of the file")
        build = builder["build"]
        dockerfile = Dockerfile.read((compose_path.parent / build["context"] / build["dockerfile"]).resolve(),
                                     build.get("args", {}))
        service_env = {**dockerfile.env, **{k: _loopback(k, str(v), hosts) for k, v in (spec.get("environment") or {}).items()}}
        missing = [d for d in (spec.get("depends_on") or {}) if d not in services]
        if missing:
            raise ComposeError(f"{name} depends on {', '.join(missing)}, which the file does not define")
        ready, port = _ready_url(spec.get("healthcheck"), service_env)
        out[name] = Service(name, _command(spec["command"]) if spec.get("command") else dockerfile.cmd, service_env,
                            ready, [d for d in (spec.get("depends_on") or {}) if d not in local],
                            [port] if port else [])
    ordered: list[Service] = []
    while len(ordered) < len(out):
        wave = [s for s in out.values() if s not in ordered and all(out[d] in ordered for d in s.depends_on)]
        if not wave:
            raise ComposeError("the services' depends_on form a cycle")
        ordered += sorted(wave, key=lambda s: s.name)
    return ordered


def _free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers bind: TIME_WAIT is no conflict
        try:
            s.bind(("0.0.0.0", port))
            return True
        except OSError:
            return False


@contextmanager
def start(services: list[Service], timeout: float = 240.0) -> Iterator[dict[str, Service]]:
    """Start the services wave by wave (each wave once its dependencies answer their health checks)."""
    taken = [f"{s.name}:{p}" for s in services for p in s.ports if not _free(p)]
    if taken:
        raise ComposeError(f"ports in use, needed by the topology: {', '.join(taken)}")
    started: set[str] = set()
    with ExitStack() as stack:
        while len(started) < len(services):
            wave = [s for s in services if s.name not in started and all(d in started for d in s.depends_on)]
            enter_together(stack, *[running(s.command, s.ready_url or "", env=s.env, name=f"compose-{s.name}",
                                            timeout=timeout, cwd=REPO) for s in wave])
            started |= {s.name for s in wave}
        yield {s.name: s for s in services}
