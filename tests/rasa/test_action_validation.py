"""policies/action_validation.py: Rasa's check of an action server's answer, its schema's
validator built once, accepts and refuses what Rasa's own check accepts and refuses."""
from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from policies import action_validation

VALID = {"events": [{"event": "slot", "name": "mood", "value": "low", "timestamp": None}],
         "responses": [{"text": "I'm here.", "buttons": [], "elements": [], "custom": {}, "template": None,
                        "response": None, "image": None, "attachment": None}]}
INVALID = [
    {"events": [{"name": "mood"}]},                 # an event without its type
    {"events": "slot"},                             # events not a list
    {"events": [{"event": "slot", "name": 3}]},     # a slot event whose name is no string
]


def test_installed_by_the_emobot_policies_and_channel():
    import connectors.web.channel  # noqa: F401
    import policies.base  # noqa: F401

    assert RemoteAction._validate_action_result is action_validation.validate_action_result


def test_accepts_what_rasa_accepts():
    assert jsonschema.validate(VALID, RemoteAction.action_response_format_spec()) is None
    assert action_validation.validate_action_result(None, VALID) is True
    assert action_validation.validate_action_result(None, {}) is True


@pytest.mark.parametrize("answer", INVALID)
def test_refuses_what_rasa_refuses_with_the_same_error(answer):
    with pytest.raises(jsonschema.ValidationError) as rasa_error:
        jsonschema.validate(answer, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError) as ours:
        action_validation.validate_action_result(None, answer)
    assert ours.value.message.startswith(rasa_error.value.message)
    assert "Failed to validate Action server response" in ours.value.message
    assert list(ours.value.path) == list(rasa_error.value.path)


def test_the_schema_is_checked_once_not_per_answer(monkeypatch):
    """jsonschema.validate re-checks Rasa's constant schema against the meta-schema on every call
    (about 30 ms); ours checks it when the validator is built, then never again."""
    action_validation._validator.cache_clear()
    cls = jsonschema.validators.validator_for(RemoteAction.action_response_format_spec())
    checks = []
    original = cls.check_schema
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, schema: checks.append(1) or original(schema)))
    for _ in range(20):
        action_validation.validate_action_result(None, VALID)
    assert len(checks) == 1
