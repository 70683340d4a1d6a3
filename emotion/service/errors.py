"""API errors: every 4xx/5xx body is ``{"error": {"code", "message"}, "turn_logged", "turn_index"}``."""
from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from emotion.service.schemas import ErrorDetail, ErrorResponse


class ApiError(Exception):
    """An error answer; ``headers`` go with it (e.g. ``Retry-After`` of a 429)."""

    def __init__(self, status: int, code: str, message: str, turn_index: int | None = None,
                 headers: dict[str, str] | None = None, crisis: dict | None = None, transcript: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.turn_index = status, code, message, turn_index
        self.headers, self.crisis, self.transcript = headers, crisis, transcript


def _body(code: str, message: str, turn_index: int | None = None, crisis: dict | None = None,
          transcript: dict | None = None) -> dict:
    body = ErrorResponse(error=ErrorDetail(code=code, message=message), turn_logged=turn_index is not None,
                         turn_index=turn_index, crisis=crisis, transcript=transcript).model_dump()
    if crisis is None:  # only a refused turn carries its crisis screening
        body.pop("crisis")
    if transcript is None:  # and, a refused voice message, its words
        body.pop("transcript")
    return body


def _allowed_methods(request: Request, named: str) -> str:
    """``named`` (Starlette's Allow: the first route of the path only) and every method the API
    document gives the request's path, for a 405's Allow header."""
    methods = {m.strip() for m in named.split(",") if m.strip()}
    for template, operations in request.app.openapi()["paths"].items():  # re.escape wrote "{" as "\\{"
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), request.url.path):
            methods |= {m.upper() for m in operations}
    return ", ".join(sorted(methods))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(_body(exc.code, exc.message, exc.turn_index, exc.crisis, exc.transcript), status_code=exc.status,
                            headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return JSONResponse(_body("invalid_request", problems), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # Starlette names the methods of one route; a path may have several
            headers["Allow"] = _allowed_methods(request, headers.get("Allow", ""))
        return JSONResponse(_body(f"http_{exc.status_code}", str(exc.detail)), status_code=exc.status_code,
                            headers=headers)

    @app.exception_handler(OperationalError)
    async def _database_down(_: Request, exc: OperationalError) -> JSONResponse:
        return JSONResponse(_body("database_unavailable", "the mood log database is unavailable; retry later"),
                            status_code=503, headers={"Retry-After": "2"})
