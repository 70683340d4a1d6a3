"""The service's OpenAPI document, completed where FastAPI cannot infer the truth from Form/File
parameters.

FastAPI describes a form as an object of strings, optional fields as ``anyOf [..., null]`` and
files as strings of ``application/octet-stream``. On the wire: an optional form field is one
left out (a form cannot carry null); the turn's ``cues`` part is a JSON object
(:class:`~emotion.service.schemas.DialogueCues`); audio and images are files of the media types
the decoders read; and a text-only turn may also come as ``application/x-www-form-urlencoded``
(what an HTTP client sends for a form without files), with ``cues`` as JSON text.
"""
from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI

from emotion.service.schemas import DialogueCues, ErrorResponse

# Errors any operation may answer (FastAPI merges them into each route's own).
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "the body cannot be parsed (malformed JSON or form)"},
    422: {"model": ErrorResponse, "description": "a parameter or field is invalid"},
    503: {"model": ErrorResponse, "description": "the mood log database is unavailable; retry later"},
}

AUDIO_TYPES = "audio/wav, audio/ogg, audio/webm, audio/mpeg, audio/mp4, audio/flac, application/octet-stream"
IMAGE_TYPES = "image/jpeg, image/png, image/webp, image/gif, image/bmp"
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
TURNS = "/v1/sessions/{session_id}/turns"
ASR = "/v1/asr"


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` return FastAPI's document completed by :func:`describe_forms`."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            describe_forms(build())  # FastAPI caches the document it built in app.openapi_schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def describe_forms(document: dict[str, Any]) -> None:
    """Complete the form bodies of ``document`` (an OpenAPI 3.1 dict), in place."""
    components = document["components"]["schemas"]
    for path in document["paths"].values():
        for operation in path.values():
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                if media in FORMS:
                    _form_fields(_resolve(components, content["schema"]))
    turn_form = document["paths"][TURNS]["post"]["requestBody"]
    turn_form["required"] = True
    multipart = turn_form["content"]["multipart/form-data"]
    body = _resolve(components, multipart["schema"])
    components["DialogueCues"] = _cues_schema(components)
    body["properties"]["cues"] = {"$ref": "#/components/schemas/DialogueCues",
                                  "description": "dialogue cues for the derived states (a JSON part)"}
    multipart["encoding"] = {"cues": {"contentType": "application/json"}, "audio": {"contentType": AUDIO_TYPES},
                             "images": {"contentType": IMAGE_TYPES}}
    # urlencoded has no parts: there, cues is a string holding the JSON object
    text_only = {k: v for k, v in body.items() if k != "properties"}
    text_only["properties"] = {k: v for k, v in body["properties"].items() if k not in ("audio", "images")}
    text_only["properties"]["cues"] = {"type": "string", "maxLength": 20_000, "contentMediaType": "application/json",
                                       "contentSchema": {"$ref": "#/components/schemas/DialogueCues"},
                                       "description": "dialogue cues for the derived states, as JSON text"}
    text_only["title"] = "TextTurnForm"
    components["TextTurnForm"] = text_only
    turn_form["content"]["application/x-www-form-urlencoded"] = {"schema": {"$ref": "#/components/schemas/TextTurnForm"}}
    asr = document["paths"][ASR]["post"]["requestBody"]["content"]["multipart/form-data"]
    asr["encoding"] = {"audio": {"contentType": AUDIO_TYPES}}


def _resolve(components: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return components[ref.rsplit("/", 1)[1]] if ref else schema


def _form_fields(body: dict[str, Any]) -> None:
    """What an optional form field is on the wire: ``anyOf [X, {"type": "null"}]`` -> X (a form
    leaves out what it does not send), and an empty string is accepted wherever X would refuse
    one (FastAPI reads an empty form field as a missing one: the default applies)."""
    required = set(body.get("required", []))
    for name, prop in body.get("properties", {}).items():
        options = [o for o in prop.get("anyOf", []) if o != {"type": "null"}]
        if len(options) == 1 and len(prop["anyOf"]) == 2:
            prop = {**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
        if name not in required and _refuses_empty(prop):
            core = {k: v for k, v in prop.items() if k not in ("title", "description", "default")}
            prop = {"anyOf": [core, {"type": "string", "maxLength": 0}],
                    **{k: v for k, v in prop.items() if k in ("title", "description", "default")}}
        body["properties"][name] = prop


def _refuses_empty(prop: dict[str, Any]) -> bool:
    """A plain string schema that "" does not satisfy."""
    if prop.get("type") != "string" or "contentMediaType" in prop:
        return False
    return (prop.get("minLength", 0) > 0 or "format" in prop
            or ("pattern" in prop and re.search(prop["pattern"], "") is None))


def _cues_schema(components: dict[str, Any]) -> dict[str, Any]:
    schema = DialogueCues.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    return schema
