"""Consent is honoured per modality, compliance profiles switch modalities off, handoffs are stored."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings

from .fakes import KeywordTextEncoder


class CountingAudioEncoder:
    """Records every call, so a test can prove an input was never analysed."""

    def __init__(self):
        self.calls = 0

    def encode(self, data, filename=None, content_type=None, timings=None, baseline=None):
        from emotion.encoders.base import ModalityOutput

        self.calls += 1
        return ModalityOutput("audio", embedding=[0.0], probs=[1 / 7] * 7)


def make_client(sqlite_url, **settings):
    audio = CountingAudioEncoder()
    s = Settings(database_url=sqlite_url, **settings)
    status = {"text": "loaded", "audio": "loaded", "face": "not available: test"}
    encoders = {"text": KeywordTextEncoder(), "audio": audio, "face": None}
    for m in ("audio", "face"):
        if m not in s.analysed_modalities:
            encoders[m], status[m] = None, "disabled by the deployment (test)"
    return TestClient(create_app(s, Analyzer(encoders, status))), audio


CLIP = {"audio": ("clip.wav", b"RIFF-any-bytes", "audio/wav")}


def test_refused_modality_is_not_analysed(sqlite_url):
    client, audio = make_client(sqlite_url)
    with client:
        r = client.put("/v1/users/u1/consent", json={"audio": False, "face": True, "source": "web"})
        assert r.json()["consent"] == {"audio": False, "face": True}
        body = client.post("/v1/sessions/s/turns", data={"text": "happy", "speaker_id": "u1"}, files=CLIP).json()
        assert body["modalities"]["audio"]["code"] == "no_consent" and audio.calls == 0
        assert body["modalities_used"] == ["text"]
        client.put("/v1/users/u1/consent", json={"audio": True})  # the newest decision wins
        body = client.post("/v1/sessions/s/turns", data={"text": "happy", "speaker_id": "u1"}, files=CLIP).json()
        assert body["modalities_used"] == ["text", "audio"] and audio.calls == 1
        assert client.get("/v1/users/u1/consent").json()["consent"]["audio"] is True


def test_opt_in_required_when_configured(sqlite_url):
    client, audio = make_client(sqlite_url, require_consent=["audio"])
    with client:
        body = client.post("/v1/sessions/s/turns", data={"text": "hi", "speaker_id": "u2"}, files=CLIP).json()
        assert body["modalities"]["audio"]["code"] == "no_consent" and audio.calls == 0


def test_eu_education_profile_switches_voice_off(sqlite_url):
    client, audio = make_client(sqlite_url, compliance_profile="eu_education")
    with client:
        body = client.post("/v1/sessions/s/turns", data={"text": "hi", "speaker_id": "u"}, files=CLIP).json()
        assert body["modalities"]["audio"]["code"] == "disabled" and audio.calls == 0
        assert client.get("/healthz").json()["compliance_profile"] == "eu_education"


def test_unknown_profile_is_rejected():
    with pytest.raises(ValueError):
        Settings(compliance_profile="nope")


def test_handoff_snapshot_and_idempotence(sqlite_url):
    client, _ = make_client(sqlite_url)
    with client:
        # a session whose turns have not arrived yet (queued in a channel's outbox) still gets its handoff
        early = client.post("/v1/sessions/none/handoffs", json={"reason": "x", "bot": "support", "user_id": "u"})
        assert early.status_code == 200 and early.json()["turns_in_snapshot"] == 0
        for text in ["I am sad", "I want to end it all"]:
            client.post("/v1/sessions/h1/turns", data={"text": text, "speaker_id": "u", "bot": "support"})
        first = client.post("/v1/sessions/h1/handoffs", json={"reason": "crisis language"}).json()
        assert first["created"] is True and first["status"] == "open" and first["turns_in_snapshot"] == 2
        again = client.post("/v1/sessions/h1/handoffs", json={"reason": "crisis language"}).json()
        assert again["created"] is False and again["id"] == first["id"]
        assert [h["id"] for h in client.get("/v1/sessions/h1/handoffs").json()] == [first["id"]]


def test_a_request_for_a_person_is_withdrawn_only_while_nobody_has_joined(sqlite_url):
    client, _ = make_client(sqlite_url)
    with client:
        assert client.post("/v1/sessions/w0/handoffs/latest/withdraw").json()["error"]["code"] == "no_handoff"
        client.post("/v1/sessions/w1/turns", data={"text": "can i talk to a person", "speaker_id": "u", "bot": "support"})
        opened = client.post("/v1/sessions/w1/handoffs", json={"reason": "the person asked to talk to a person"}).json()
        withdrawn = client.post("/v1/sessions/w1/handoffs/latest/withdraw")
        assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "resolved"
        assert withdrawn.json()["id"] == opened["id"]
        again = client.post("/v1/sessions/w1/handoffs/latest/withdraw")
        assert again.status_code == 409 and again.json()["error"]["code"] == "handoff_claimed"
        # the supervisor reads why it closed; the person is pushed nothing
        from emotion.moodlog.governance import WITHDRAWN_NOTE, HandoffMessage
        from sqlmodel import Session, select

        with Session(client.app.state.moodlog.engine) as db:
            thread = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == opened["id"])).all()
        assert [(m.kind, m.text) for m in thread] == [("bot", WITHDRAWN_NOTE)]
        assert client.get("/v1/sessions/w1/pushed").json()["messages"] == []
        # a new request opens a new handoff
        assert client.post("/v1/sessions/w1/handoffs", json={"reason": "again"}).json()["created"] is True


class BrokenAudioEncoder:
    def encode(self, data, filename=None, content_type=None, timings=None, baseline=None):
        raise RuntimeError("boom")


def test_a_failing_encoder_loses_neither_the_turn_nor_the_text(sqlite_url):
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": BrokenAudioEncoder(), "face": None},
                        {"text": "loaded", "audio": "loaded", "face": "not available: test"})
    with TestClient(create_app(Settings(database_url=sqlite_url), analyzer)) as client:
        body = client.post("/v1/sessions/b/turns", data={"text": "I am sad", "speaker_id": "u"}, files=CLIP).json()
        assert body["modalities"]["audio"]["code"] == "internal_error"
        assert body["modalities_used"] == ["text"] and body["turn"]["label"] == "sadness"
        assert client.get("/v1/sessions/b/state").json()["turns_received"] == 1
