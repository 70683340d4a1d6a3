"""Who may name the caller's address (seventh exploratory reading, M11): only the reverse proxies a
deployment names, for the emotion service and the dashboard alike; nobody by default.

``tests/security/test_dashboard_boundaries.py`` shows it against a real ``emobot dashboard``
(a rotated X-Forwarded-For does not escape the sign-in limit; the trusted proxy's does name the
caller); here, that both commands hand the setting to uvicorn and that a typo stops the start.
"""
from __future__ import annotations

import sys
import types

import pytest
import uvicorn
from pydantic import ValidationError
from typer.testing import CliRunner

from emotion.cli import app, forwarded_headers
from emotion.dashboard.settings import DashboardSettings, get_dashboard_settings
from emotion.settings import Settings, get_settings


def test_nobody_is_trusted_unless_named() -> None:
    assert forwarded_headers("") == {"proxy_headers": False}  # uvicorn alone would believe 127.0.0.1
    assert forwarded_headers("10.0.0.5,10.1.0.0/16") == {"proxy_headers": True,
                                                         "forwarded_allow_ips": "10.0.0.5,10.1.0.0/16"}


def test_the_setting_takes_addresses_networks_or_any_and_refuses_anything_else(monkeypatch) -> None:
    monkeypatch.setenv("EMOBOT_FORWARDED_ALLOW_IPS", " 10.0.0.5, fd00::/8 ")
    monkeypatch.setenv("EMOBOT_DASHBOARD_FORWARDED_ALLOW_IPS", "*")
    assert Settings().forwarded_allow_ips == "10.0.0.5, fd00::/8"
    assert DashboardSettings(session_secret="d" * 40).forwarded_allow_ips == "*"
    for typo in ("proxy.internal", "10.0.0.300", "10.0.0.5;10.0.0.6"):
        with pytest.raises(ValidationError, match="forwarded_allow_ips"):
            Settings(forwarded_allow_ips=typo)


@pytest.mark.parametrize("command, factory_module, factory, variable", [
    ("serve", "emotion.service.app", "create_app", "EMOBOT_FORWARDED_ALLOW_IPS"),
    ("dashboard", "emotion.dashboard.app", "create_dashboard", "EMOBOT_DASHBOARD_FORWARDED_ALLOW_IPS"),
])
@pytest.mark.parametrize("trusted", ["", "10.0.0.5"])
def test_both_commands_hand_the_setting_to_uvicorn(monkeypatch, command, factory_module, factory, variable,
                                                   trusted) -> None:
    started: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: started.update(options))
    stand_in = types.ModuleType(factory_module)
    setattr(stand_in, factory, lambda settings: "app")  # no models loaded, no database opened
    monkeypatch.setitem(sys.modules, factory_module, stand_in)
    monkeypatch.setenv(variable, trusted)
    monkeypatch.setenv("EMOBOT_DASHBOARD_SESSION_SECRET", "d" * 40)
    get_settings.cache_clear()
    get_dashboard_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, [command])
    finally:
        get_settings.cache_clear()
        get_dashboard_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert started["proxy_headers"] is bool(trusted) and started.get("forwarded_allow_ips") == (trusted or None)
