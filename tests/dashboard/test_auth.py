"""Sign-in, lockout, CSRF, anonymous access and roles."""
from __future__ import annotations

import time
from datetime import timedelta

from sqlmodel import select

from emotion.dashboard.app import create_dashboard
from emotion.moodlog.governance import AuditEntry, Supervisor
from emotion.moodlog.models import utcnow
from tests.dashboard.seed import PASSWORD, csrf_of, sign_in


def test_anonymous_requests_are_sent_to_sign_in(client):
    for path in ("/sessions", "/sessions/s-sad", "/handoffs", "/users/u1/export.json", "/audit"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/sign-in?next=%2F")


def test_sign_in_sets_a_hardened_session_cookie_and_lands_on_next(client, accounts):
    token = csrf_of(client.get("/sign-in").text)
    response = client.post("/sign-in", data={"email": "Sup@Example.org ", "password": PASSWORD, "csrf_token": token,
                                             "next": "/handoffs"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/handoffs"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = client.get("/sessions")
    assert page.status_code == 200 and "sup@example.org" in page.text
    assert "Compliance profile" in page.text


def test_secure_flag_follows_settings(settings, accounts):
    from fastapi.testclient import TestClient

    secure = create_dashboard(settings.model_copy(update={"cookie_secure": True}))
    with TestClient(secure, base_url="https://127.0.0.1") as c:
        assert "; secure" in sign_in(c, accounts["admin"]).headers["set-cookie"].lower()


def test_offsite_next_is_ignored(client, accounts):
    token = csrf_of(client.get("/sign-in").text)
    response = client.post("/sign-in", data={"email": accounts["admin"], "password": PASSWORD, "csrf_token": token,
                                             "next": "//evil.example/x"}, follow_redirects=False)
    assert response.headers["location"] == "/sessions"


def test_posts_without_the_csrf_token_are_refused(client, accounts):
    client.get("/sign-in")
    assert client.post("/sign-in", data={"email": accounts["admin"], "password": PASSWORD}).status_code == 403
    assert client.post("/sign-in", data={"email": accounts["admin"], "password": PASSWORD,
                                         "csrf_token": "forged"}).status_code == 403
    sign_in(client, accounts["admin"])
    assert client.post("/users/u1/erase", data={"confirm": "u1"}).status_code == 403
    assert client.post("/sign-out", data={}).status_code == 403


def test_repeated_wrong_passwords_make_that_address_wait_for_that_account(app, client, db, accounts, settings):
    for _ in range(settings.lockout_threshold):
        assert sign_in(client, accounts["supervisor"], "wrong password!").status_code == 401
    # throttled: the right password is refused too, with the same message
    refused = sign_in(client, accounts["supervisor"])
    assert refused.status_code == 401 and "Sign-in failed" in refused.text
    actions = db.exec(select(AuditEntry.action).where(AuditEntry.actor == accounts["supervisor"])).all()
    assert "throttled" in actions
    # the account itself is not locked: the admin (another account) still signs in from here
    assert sign_in(client, accounts["admin"]).status_code == 303
    # once the window has passed the right password works again
    app.state.sign_in_throttle.clock = lambda: time.monotonic() + settings.lockout_duration_s + 1
    assert sign_in(client, accounts["supervisor"]).status_code == 303


def test_failures_in_a_row_from_anywhere_lock_the_account_as_a_backstop(settings, accounts, db):
    from fastapi.testclient import TestClient

    strict = create_dashboard(settings.model_copy(update={"account_lockout_threshold": 2, "lockout_threshold": 99}))
    with TestClient(strict, base_url="http://127.0.0.1") as c:
        for _ in range(2):
            assert sign_in(c, accounts["supervisor"], "wrong password!").status_code == 401
        assert sign_in(c, accounts["supervisor"]).status_code == 401
        user = db.exec(select(Supervisor).where(Supervisor.email == accounts["supervisor"])).one()
        db.refresh(user)
        assert user.locked_until is not None
        user.locked_until = utcnow() - timedelta(seconds=1)
        db.add(user)
        db.commit()
        assert sign_in(c, accounts["supervisor"]).status_code == 303


def test_admin_pages_are_for_admins(client, accounts):
    sign_in(client, accounts["supervisor"])
    assert client.get("/supervisors").status_code == 403
    assert client.get("/audit").status_code == 403


def test_admin_adds_a_supervisor_and_assigns_bots(client, db, accounts):
    sign_in(client, accounts["admin"])
    token = csrf_of(client.get("/supervisors").text)
    assert client.post("/supervisors", data={"email": "new@example.org", "password": "short", "csrf_token": token}
                       ).status_code == 422
    assert client.post("/supervisors", data={"email": "new@example.org", "password": "long enough pass",
                                             "role": "supervisor", "csrf_token": token}).status_code == 200
    new = db.exec(select(Supervisor).where(Supervisor.email == "new@example.org")).one()
    client.post(f"/supervisors/{new.id}/bots", data={"bots": "support, sales,support", "csrf_token": token})
    page = client.get("/supervisors").text
    assert 'value="sales, support"' in page


def test_bootstrap_creates_one_admin_with_a_printed_password(tmp_path, capsys):
    from emotion.dashboard.bootstrap import create_first_admin

    url = f"sqlite:///{tmp_path / 'boot.sqlite3'}"
    assert create_first_admin("Root@Example.org", database_url=url) == 0
    password = capsys.readouterr().out.strip().rsplit(": ", 1)[1]
    assert create_first_admin("other@example.org", database_url=url) == 0
    assert "already exists" in capsys.readouterr().out
    assert signed_in_role(url, "root@example.org", password) == "admin"


def signed_in_role(url: str, email: str, password: str) -> str:
    """The role of the account that signs in with ``email`` and ``password`` (the only account there)."""
    from sqlmodel import Session

    from emotion.dashboard.security import PasswordSlots, SignInThrottle, authenticate
    from emotion.moodlog.db import make_engine

    engine = make_engine(url)
    try:
        with Session(engine) as db:
            user = authenticate(db, email, password, address="127.0.0.1", throttle=SignInThrottle(5, 20, 60),
                                slots=PasswordSlots(1, 5), account_lockout_threshold=50, lockout_s=60)
            assert len(db.exec(select(Supervisor)).all()) == 1
            return user.role
    finally:
        engine.dispose()


def test_create_admin_reads_the_password_from_stdin_never_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from emotion.cli import app

    url = f"sqlite:///{tmp_path / 'stdin.sqlite3'}"
    runner = CliRunner()
    refused = runner.invoke(app, ["create-admin", "--email", "a@example.org", "--password-stdin", "--database-url", url],
                            input="\n")
    assert refused.exit_code == 2
    created = runner.invoke(app, ["create-admin", "--email", "a@example.org", "--password-stdin", "--database-url", url],
                            input="a long stdin password\n")
    assert created.exit_code == 0 and "a long stdin password" not in created.output
    assert signed_in_role(url, "a@example.org", "a long stdin password") == "admin"
