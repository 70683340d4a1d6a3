"""The wire contract: what the Rasa side knows of a turn's answer (connectors/contract.py) is what
the service publishes in its OpenAPI document (emotion/service/schemas.py)."""
from __future__ import annotations

import pytest

from connectors import contract
from emotion.service.app import create_app
from emotion.settings import Settings


@pytest.fixture(scope="module")
def schemas() -> dict:
    app = create_app(Settings(database_url="sqlite://"), analyzer=object())  # the document needs no models
    return app.openapi()["components"]["schemas"]


def properties(schemas: dict, name: str) -> tuple[str, ...]:
    return tuple(schemas[name]["properties"])


def test_the_rasa_side_reads_the_fields_the_service_publishes(schemas) -> None:
    assert properties(schemas, "Derived") == contract.DERIVED_FIELDS
    assert properties(schemas, "CrisisState") == contract.CRISIS_FIELDS
    assert properties(schemas, "ConversationCrisis") == contract.CONVERSATION_CRISIS_FIELDS
    assert properties(schemas, "TutoringState") == contract.TUTORING_FIELDS
    assert properties(schemas, "ServiceState") == contract.SERVICE_FIELDS
    assert properties(schemas, "TurnTranscript") == contract.TRANSCRIPT_FIELDS
    assert tuple(schemas["CrisisState"]["properties"]["level"]["enum"]) == contract.CRISIS_LEVELS


def test_a_turn_answer_carries_derived_where_the_rasa_side_looks(schemas) -> None:
    turn = schemas["TurnResponse"]["properties"]
    assert "derived" in turn and "Derived" in str(turn["derived"])
    assert "CrisisState" in str(schemas["ErrorResponse"]["properties"]["crisis"])  # refused turns: screened too


def test_a_voice_messages_words_are_read_where_the_service_puts_them(schemas) -> None:
    assert "TurnTranscript" in str(schemas["TurnResponse"]["properties"]["transcript"])
    assert contract.words_of({"transcript": {"text": "i feel sad", "confidence": 0.8}}) == "i feel sad"
    for emotion in (None, {}, {"transcript": None}, {"transcript": "x"}, {"transcript": {"text": 3}}):
        assert contract.words_of(emotion) == ""


def test_the_accessors_never_raise_on_what_an_outage_leaves() -> None:
    for emotion in (None, {}, {"derived": None}, {"derived": {"crisis": "x"}}, {"derived": []}):
        assert contract.crisis_of(emotion) == {} and contract.at_risk(emotion) is False
    flagged = {"derived": {"crisis": {"risk": 0.9, "flag": True, "level": "high"}}}
    assert contract.at_risk(flagged) and contract.crisis_of(flagged)["risk"] == 0.9
    assert contract.at_risk({"derived": {"crisis": {"flag": False, "level": "possible"}}})
    assert contract.emotion_of({contract.EMOTION_METADATA_KEY: flagged}) == flagged
