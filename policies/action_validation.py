"""Rasa's check of an action server's answer, without re-checking Rasa's own schema every time.

Rasa 3.6 validates each custom action's JSON answer with ``jsonschema.validate(result, spec)``
(``RemoteAction._validate_action_result``). ``jsonschema.validate`` first validates the *schema*
``spec`` against the JSON Schema 2020-12 meta-schema, on every call: about 30 ms of the Rasa
process per custom action on this 2-core machine (py-spy over ``benchmarks/rasa.py``: 58% of the
Rasa process's samples), where validating the answer itself takes about 0.5 ms. Rasa's schema is
a constant, so :func:`install` builds its validator once and keeps everything else as Rasa does
it: the same validator class (``validator_for(spec)``), the same best-matching error, raised
with the same added message.

Imported by ``policies/__init__.py`` and the emobot channel, so any Rasa server that loads an
emobot component gets it; outside a Rasa environment it does nothing.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

_INSTALLED = False


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    spec = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(spec)
    cls.check_schema(spec)  # once, as jsonschema.validate does on every call
    return cls(spec)


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result`` with the schema's validator built once: True, or
    raises ``jsonschema.ValidationError`` (Rasa's message about the action server's format added)."""
    from jsonschema import exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (". Failed to validate Action server response from API, make sure your response from "
                      f"the Action endpoint is valid. For more information about the format visit "
                      f"{DOCS_BASE_URL}/custom-actions")
    raise error


def install() -> bool:
    """Put :func:`validate_action_result` in place of Rasa's (idempotent). False without Rasa."""
    global _INSTALLED
    if _INSTALLED:
        return True
    try:
        from rasa.core.actions.action import RemoteAction
    except ImportError:
        return False
    RemoteAction._validate_action_result = validate_action_result
    _INSTALLED = True
    return True
