"""Fixtures shared by every test folder. Imports stay inside fixtures: tests/rasa runs in .venv-rasa."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def postgres_admin_url():
    from tests.postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_admin_url):
    from tests.postgres import throwaway_database

    with throwaway_database(postgres_admin_url) as url:
        yield url
