"""The topology of docker/compose.yml, run as deployed: services, commands and environment parsed
from the compose file and its Dockerfiles (tests/e2e/compose.py), on loopback with the local
PostgreSQL and Redis.

A person's crisis message to the support bot's public port must come back with the crisis
resources, open a handoff in the emotion service (through the bot's action server) and show
in the dashboard's queue; Rasa's API must refuse callers without its token. The same check run
on the file without its action server must fail: that is the deployment bug this test exists
to catch.
"""
from __future__ import annotations

import copy
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest
import yaml

from tests.dashboard.seed import csrf_of
from tests.e2e.compose import COMPOSE, ComposeError, plan, start
from tests.e2e.processes import REPO
from tests.e2e.rasa_server import train_bot
from tests.postgres import ADMIN_URL

pytestmark = pytest.mark.slow

RISKY = "i have all my pills saved up and im going to take them tonight"
RASA = "http://127.0.0.1:5005"
SERVICE = "http://127.0.0.1:8500"
DASHBOARD = "http://127.0.0.1:8600"


@pytest.fixture(scope="module")
def environment():
    """The variables an operator puts in docker/.env, for the local PostgreSQL (trust auth)."""
    try:
        psycopg.connect(ADMIN_URL, connect_timeout=3).close()
    except psycopg.OperationalError:
        pytest.fail("the topology test needs the PostgreSQL server on 127.0.0.1:5432 (compose's port)")
    database = f"emobot_compose_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
        for script in sorted((COMPOSE.parent / "initdb").glob("*.sql")):  # the postgres service's init scripts
            try:
                conn.execute(script.read_text())
            except psycopg.errors.DuplicateDatabase:
                pass
    train_bot("support")  # the Dockerfile's `rasa train` build step
    env = {"POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "unused-with-trust-auth", "POSTGRES_DB": database,
           "EMOBOT_DASHBOARD_COOKIE_SECURE": "false", "EMOBOT_SERVICE_REPLICAS": "1",
           # each secret starts with "-", as token_urlsafe's now and then do: a command that passes one as
           # `--auth-token "$X"` reads it as an option (a CI run failed that way)
           **{name: "-" + secrets.token_urlsafe(30) for name in (
               "EMOBOT_SERVICE_TOKEN", "EMOBOT_RASA_TOKEN", "EMOBOT_WEB_SESSION_SECRET",
               "EMOBOT_DASHBOARD_SESSION_SECRET", "EMOBOT_SOCKETIO_JWT_KEY")}}
    yield env
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


SAFETY_NET_START = "I'm having trouble answering right now"
"""How the channel's safety net begins in English (connectors/web/safety_net.py), when the bot could not answer."""


def crisis_problems(services: dict, env: dict) -> list[str]:
    """What goes wrong when a person in crisis writes to the deployed support bot (empty: nothing)."""
    problems = []
    person = httpx.Client(base_url=f"{RASA}/webhooks/emobot_web", timeout=120)
    me = person.post("/session").json()["session_id"]
    replies = [m.get("text", "") for m in person.post("/webhook", json={"message": RISKY}).json()]
    if not any("(tel:988)" in r for r in replies):
        problems.append(f"no crisis resources in the reply: {replies}")
    if replies and all(r.startswith(SAFETY_NET_START) for r in replies):  # the channel's, when the bot could not answer
        problems.append("only the channel's safety net answered: the bot itself did not")
    handoffs = httpx.get(f"{SERVICE}/v1/sessions/{me}/handoffs", timeout=30,
                         headers={"Authorization": f"Bearer {env['EMOBOT_SERVICE_TOKEN']}"}).json()
    if not handoffs:
        problems.append("no handoff opened in the emotion service")
    follow_up = [m.get("text", "") for m in person.post("/webhook", json={"message": "hello? is anyone there"}).json()]
    if not follow_up:
        problems.append("the bot fell silent after escalating")
    if httpx.get(f"{RASA}/conversations/{me}/tracker", timeout=30).status_code != 401:
        problems.append("Rasa's API answers without its token")
    return problems


def test_the_deployed_topology_escalates_a_crisis_to_a_human(environment) -> None:
    services = plan(environment)
    assert [s.name for s in services][-1] == "rasa-support"  # started last: it depends on the others
    with start(services) as running:
        assert crisis_problems(running, environment) == []
        dashboard_env = running["dashboard"].env
        created = subprocess.run([str(Path(sys.executable).parent / "emobot"), "create-admin", "--email", "admin@example.org",
                                  "--database-url", dashboard_env["EMOBOT_DATABASE_URL"]],
                                 capture_output=True, text=True, cwd=REPO, timeout=120)
        password = created.stdout.strip().rsplit(": ", 1)[1]
        supervisor = httpx.Client(base_url=DASHBOARD, timeout=60)
        token = csrf_of(supervisor.get("/sign-in").text)
        assert supervisor.post("/sign-in", data={"email": "admin@example.org", "password": password,
                                                 "csrf_token": token}).status_code == 303
        assert "crisis" in supervisor.get("/handoffs").text.lower()


def test_without_its_action_server_the_topology_fails_the_check(environment) -> None:
    doc = copy.deepcopy(yaml.safe_load(COMPOSE.read_text()))
    del doc["services"]["actions-support"]
    with pytest.raises(ComposeError, match="actions-support"):
        plan(environment, doc=doc)  # a dependency on a service the file lacks: caught before anything runs
    for spec in doc["services"].values():  # the file as it once was: no action server, nobody depending on one
        (spec.get("depends_on") or {}).pop("actions-support", None)
    doc["services"].pop("dashboard")  # not needed to see the bot fail (saves its start-up)
    with start(plan(environment, doc=doc)) as running:
        problems = crisis_problems(running, environment)
    # the channel still answers with its safety net and opens the handoff itself (tenth reading, H8): the check sees
    # that the bot did not answer
    assert any("safety net" in p or "no handoff" in p for p in problems), problems
