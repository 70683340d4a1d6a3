"""A person's refusals outlive an admin's erasure of their data (seventh exploratory reading, L5:
after the erasure the live session had no consent record, the all-allowed defaults applied, and a
face the person had refused was analysed).

The emotion service's HTTP app and the dashboard's HTTP app run on one mood log, as deployed."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, select

from emotion.dashboard.app import create_dashboard
from emotion.dashboard.security import hasher
from emotion.dashboard.settings import DashboardSettings
from emotion.encoders.base import ModalityOutput
from emotion.moodlog.governance import ConsentRecord, Supervisor
from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings
from tests.dashboard.seed import PASSWORD, csrf_of, sign_in

from .fakes import KeywordTextEncoder

FACE = [("images", ("face.jpg", b"any image bytes: the fake encoder only counts", "image/jpeg"))]


class CountingFaceEncoder:
    """Counts every call, so a test proves a face was never analysed."""

    def __init__(self):
        self.calls = 0

    def encode(self, images):
        self.calls += 1
        return ModalityOutput("face", embedding=[0.0], probs=[1 / 7] * 7)


@pytest.fixture
def apps(sqlite_url):
    """(service client, dashboard client signed in as an admin, face encoder), one mood log."""
    face = CountingFaceEncoder()
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": None, "face": face},
                        {"text": "loaded", "audio": "not available: test", "face": "loaded"})
    service = TestClient(create_app(Settings(database_url=sqlite_url), analyzer))
    dashboard_app = create_dashboard(DashboardSettings(database_url=sqlite_url, cookie_secure=False,
                                                       session_secret="test-secret-not-for-production",
                                                       retention_days=0))
    dashboard = TestClient(dashboard_app, base_url="http://127.0.0.1")
    with service, dashboard:
        with Session(dashboard_app.state.engine) as db:
            db.add(Supervisor(email="admin@example.org", password_hash=hasher.hash(PASSWORD), role="admin"))
            db.commit()
        sign_in(dashboard, "admin@example.org")
        yield service, dashboard, face, dashboard_app.state.engine


def turn(service: TestClient, message: str, files=None) -> dict:
    response = service.post("/v1/sessions/web-14c3/turns", files=files,
                            data={"text": message, "speaker_id": "web-14c3", "bot": "support"})
    assert response.status_code == 200, response.text
    return response.json()


def erase(dashboard: TestClient, user_id: str) -> str:
    token = csrf_of(dashboard.get(f"/users/{user_id}").text)
    page = dashboard.post(f"/users/{user_id}/erase", data={"confirm": user_id, "csrf_token": token})
    assert page.status_code == 200 and "has been erased" in page.text
    return page.text


def test_refusals_hold_after_an_erasure_until_the_person_answers_again(apps):
    service, dashboard, face, engine = apps
    assert service.put("/v1/users/web-14c3/consent",
                       json={"text": True, "audio": False, "face": False, "source": "web"}).status_code == 200
    before = turn(service, "meine freundin hat mich verlassen", files=FACE)
    assert before["modalities"]["face"]["code"] == "no_consent" and face.calls == 0

    page = erase(dashboard, "web-14c3")

    # the same live session sends a face next, as in c07: nothing is analysed, and the reply says why
    after = turn(service, "hallo, bin ich noch da?", files=FACE)
    assert face.calls == 0 and after["modalities_used"] == [] and after["available"] is False
    for modality in ("text", "face"):
        assert after["modalities"][modality]["status"] == "not_used"
        assert after["modalities"][modality]["code"] == "no_consent"
    assert after["derived"]["crisis"]["level"] == "none"  # screened all the same
    with engine.connect() as conn:  # the new turn's words are not kept
        kept = conn.execute(text("SELECT text, status FROM turns WHERE session_id = 'web-14c3'")).all()
    assert kept == [(None, "unanalysed")]
    # the admin sees the refusals in force, and where they come from
    assert page.count("<td>erasure</td>") == 3 and "granted" not in page.split("Consent in force")[1].split("</ul>")[0]
    # the person's client is told nothing was answered, so it asks the consent question again
    assert service.get("/v1/users/web-14c3/consent").json()["consent"] == {}

    answer = service.put("/v1/users/web-14c3/consent",
                         json={"text": True, "audio": False, "face": True, "source": "web"})
    assert answer.json()["consent"] == {"text": True, "audio": False, "face": True}
    again = turn(service, "danke, jetzt geht es", files=FACE)
    assert again["modalities_used"] == ["text", "face"] and face.calls == 1


def test_an_answer_for_some_modalities_leaves_the_others_refused(apps):
    service, dashboard, face, _ = apps
    erase(dashboard, "web-14c3")
    assert service.put("/v1/users/web-14c3/consent", json={"text": True, "source": "web"}).json()["consent"] == {
        "text": True}
    body = turn(service, "happy to be back", files=FACE)
    assert body["modalities_used"] == ["text"] and body["modalities"]["face"]["code"] == "no_consent"
    assert face.calls == 0


def test_the_erasure_keeps_no_earlier_consent_record(apps):
    """Erasure stays complete: the person's decisions, sources and times go; what is left is a
    refusal per modality, naming no more than the user id."""
    service, dashboard, _, engine = apps
    service.put("/v1/users/web-14c3/consent", json={"text": True, "audio": True, "face": False, "source": "web"})
    turn(service, "something i said")
    erase(dashboard, "web-14c3")
    with Session(engine) as db:
        rows = db.exec(select(ConsentRecord).where(ConsentRecord.user_id == "web-14c3")).all()
    assert sorted((r.modality, r.granted, r.source) for r in rows) == [
        ("audio", False, "erasure"), ("face", False, "erasure"), ("text", False, "erasure")]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM turns")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM sessions")).scalar_one() == 0
