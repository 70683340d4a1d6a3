"""Schemathesis against the real emotion service: ``emobot serve`` on loopback with the committed
models and a throwaway PostgreSQL database (which, unlike SQLite, refuses NUL characters).

Every operation of the service's OpenAPI document gets generated requests, valid and invalid
(Schemathesis' positive and negative modes and its boundary-value coverage phase); the turn
form's audio and image parts are real files of each accepted format, intact or damaged
(tests/service/media.py). Checked on each answer: no 5xx; status code, content type, headers
and body as the document says; invalid requests refused. Not checked: that every schema-valid
request is accepted, since the service refuses some on purpose with a documented 4xx (an empty
turn, a clip with no speech for ASR). Last, the mood log must hold exactly the turns the service
said it logged, and the run must have sent at least ``MIN_REQUESTS`` requests.

About 1,200 requests; 2-3 minutes on two cores (the service starts in ~30 s).
"""
from __future__ import annotations

import os

from collections import Counter
from urllib.parse import unquote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from sqlalchemy import create_engine, text

from emotion.service.app import create_app
from tests.e2e.processes import emotion_service
from tests.postgres import throwaway_database
from tests.service.media import audio_files, damaged, hide_broken_lazy_modules, image_files

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MIN_REQUESTS = 1_000
REQUEST_TIMEOUT_S = 60
# Refusals of invalid input: Schemathesis' defaults, and 413 for the size limits.
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
CONFIG = {"checks": {"positive_data_acceptance": {"enabled": False},
                     "negative_data_rejection": {"expected-statuses": REJECTIONS}}}
# The suite is deterministic: the same commit always sends the same requests. ``scripts/fuzz.sh``
# (EMOBOT_FUZZ_RANDOM=1) explores randomly and longer; what it finds becomes a fixed case here.
RANDOM = os.environ.get("EMOBOT_FUZZ_RANDOM") == "1"
FUZZ = settings(deadline=None, database=None, derandomize=True, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
if RANDOM:  # scripts/fuzz.sh: fresh random inputs
    FUZZ = settings(FUZZ, derandomize=False)


def _files(pick, names):
    return st.deferred(lambda: damaged({n: pick()[n] for n in names}))


# What the turn form's encoding names (emotion/service/openapi.py) gets real files, whole or damaged.
for media, strategy in {
    "audio/wav": _files(audio_files, ["wav"]), "audio/flac": _files(audio_files, ["flac"]),
    "audio/ogg": _files(audio_files, ["ogg-vorbis", "ogg-opus"]), "audio/webm": _files(audio_files, ["webm-opus"]),
    "audio/mpeg": _files(audio_files, ["mp3"]), "audio/mp4": _files(audio_files, ["m4a"]),
    "image/jpeg": _files(image_files, ["JPEG"]), "image/png": _files(image_files, ["PNG"]),
    "image/webp": _files(image_files, ["WEBP"]), "image/gif": _files(image_files, ["GIF"]),
    "image/bmp": _files(image_files, ["BMP"]),
}.items():
    schemathesis.openapi.media_type(media, strategy)

# (session_id, turn_index) -> "logged" status of every turn the service said it logged
SAID_LOGGED: dict[tuple[str, int], str] = {}
SENT: Counter[str] = Counter()


@pytest.fixture(scope="module")
def service(postgres_admin_url):
    """(base URL, database URL) of a real service; its rate limit is on, loose enough for the fuzz."""
    hide_broken_lazy_modules()
    with throwaway_database(postgres_admin_url) as database_url, \
            emotion_service(database_url, rate_limit_turns_per_minute="600", rate_limit_burst="30") as url:
        yield url, database_url


# The document the service serves, built without starting it (the served one is compared below).
schema = schemathesis.openapi.from_dict(create_app().openapi(), config=SchemathesisConfig.from_dict(CONFIG))


def check(case, base_url: str) -> None:
    response = case.call(base_url=base_url, timeout=REQUEST_TIMEOUT_S)
    SENT[case.operation.label] += 1
    if case.operation.path.endswith("/turns") and case.method == "POST":
        content_type = (response.headers.get("content-type") or [""])[0]  # header -> list of values
        body = response.json() if content_type.startswith("application/json") else {}
        if response.status_code == 200 or body.get("turn_logged"):
            key = (unquote(case.path_parameters["session_id"]), body["turn_index"])  # sent percent-encoded
            if body.get("duplicate"):  # a replay (same client_turn_id) answered with the turn logged before
                SAID_LOGGED.setdefault(key, "analysed|unanalysed|rejected")
            else:
                SAID_LOGGED[key] = "rejected" if response.status_code != 200 else "analysed|unanalysed"
    case.validate_response(response)


@schema.include(path_regex=r"/turns$").parametrize()
@settings(FUZZ, max_examples=450)
def test_turns(case, service):
    check(case, service[0])


@schema.include(path_regex=r"^/v1/asr$").parametrize()
@settings(FUZZ, max_examples=10)  # + ~35 boundary cases; recognising an intact clip costs ~2 s of CPU
def test_speech_recognition(case, service):
    check(case, service[0])


@schema.exclude(path_regex=r"(/turns|^/v1/asr)$").parametrize()
@settings(FUZZ, max_examples=110)
def test_other_operations(case, service):
    check(case, service[0])


def test_the_served_document_is_the_fuzzed_one(service):
    assert httpx.get(f"{service[0]}/openapi.json").json() == create_app().openapi()


def test_the_mood_log_holds_exactly_the_turns_said_logged(service):
    """Runs after the fuzz (file order): every turn answered as logged is there, and no other."""
    total = sum(SENT.values())
    print(f"schemathesis sent {total} requests: {dict(SENT)}")
    assert total >= MIN_REQUESTS, dict(SENT)
    engine = create_engine(service[1])
    try:
        with engine.connect() as conn:
            rows = {(s, i): status for s, i, status in conn.execute(text("SELECT session_id, turn_index, status FROM turns"))}
    finally:
        engine.dispose()
    assert set(rows) == set(SAID_LOGGED)
    assert all(rows[key] in said.split("|") for key, said in SAID_LOGGED.items())
