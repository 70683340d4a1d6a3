"""The docker/ files: no engine runs here, so check their structure and that the images install
with the same script the README's commands and the tests use."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

DOCKER = Path(__file__).resolve().parents[2] / "docker"


def compose() -> dict:
    return yaml.safe_load((DOCKER / "compose.yml").read_text())


def test_compose_services_and_health_checks():
    services = compose()["services"]
    assert {"postgres", "redis", "emotion", "dashboard", "rasa-support"} <= set(services)
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no health check"
    for name in ("emotion", "dashboard", "rasa-support"):
        for dependency, condition in services[name]["depends_on"].items():
            assert condition == {"condition": "service_healthy"} and dependency in services


def test_settings_come_from_the_environment():
    text = (DOCKER / "compose.yml").read_text()
    assert "change-me" not in text and "POSTGRES_PASSWORD:?" in text  # no secret baked in, required at start
    env = compose()["services"]["emotion"]["environment"]
    assert env["EMOBOT_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert compose()["services"]["rasa-support"]["environment"]["EMOBOT_SERVICE_URL"] == "http://emotion:8500"


def test_volumes_are_declared():
    doc = compose()
    used = {v.split(":")[0] for s in doc["services"].values() for v in s.get("volumes", []) if not v.startswith(".")}
    assert used <= set(doc["volumes"])


def test_images_install_with_the_readme_install_script():
    for dockerfile, runtime in (("service.Dockerfile", "service"), ("rasa.Dockerfile", "rasa")):
        runs = re.findall(r"^RUN (.+)$", (DOCKER / dockerfile).read_text(), re.M)
        assert f"bash scripts/install.sh {runtime}" in runs, dockerfile


def test_rasa_endpoints_scale_out():
    endpoints = yaml.safe_load((DOCKER / "endpoints.yml").read_text())
    assert endpoints["lock_store"]["type"] == "redis" and endpoints["tracker_store"]["type"] == "SQL"
    # Rasa replicas share one outbox, in another Redis db than the lock store
    env = compose()["services"]["rasa-support"]["environment"]
    assert env["EMOBOT_OUTBOX_BACKEND"] == "redis"
    assert env["EMOBOT_OUTBOX_REDIS_URL"].startswith("redis://redis:6379/")
    assert env["EMOBOT_OUTBOX_REDIS_URL"].rsplit("/", 1)[1] != str(endpoints["lock_store"]["db"])
