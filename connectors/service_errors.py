"""The emotion service client's errors: the service could not be reached, or it refused the input."""
from __future__ import annotations


class EmotionServiceError(Exception):
    """Base class of the client's errors."""


class EmotionServiceUnavailable(EmotionServiceError):
    """The service could not be reached, timed out, or answered 5xx (after the retry).

    Attributes:
        status_code: the 5xx status of the last answer; None when there was no answer
            (connection refused, timeout).
    """

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class EmotionServiceRejected(EmotionServiceError):
    """The service answered 4xx: the input was refused (too large, invalid, unknown session).

    Attributes:
        status_code: the HTTP status (413 too large, 422 invalid input, 404 unknown session).
        code: the service's machine-readable error code, e.g. ``"text_too_long"``.
        message: the human-readable explanation.
        turn_logged: whether the service still wrote the turn to the mood log.
        turn_index: the index of the logged turn, or None.
        crisis: the refused turn's crisis screening (``derived.crisis``), which the service runs
            before any limit; None when the service sent none.
        transcript: a refused voice message's words (``transcript``), heard before any limit; or None.
    """

    def __init__(
        self,
        status_code: int,
        code: str,
        message: str,
        turn_logged: bool = False,
        turn_index: int | None = None,
        crisis: dict | None = None,
        transcript: dict | None = None,
    ) -> None:
        super().__init__(f"{status_code} {code}: {message}")
        self.status_code = status_code
        self.code = code
        self.message = message
        self.turn_logged = turn_logged
        self.turn_index = turn_index
        self.crisis = crisis
        self.transcript = transcript

    def metadata(self) -> dict:
        """The emotion metadata of the refused turn: unavailable, with its crisis screening."""
        out: dict = {"available": False, "error": self.code, "message": self.message}
        if isinstance(self.crisis, dict):
            out["derived"] = {"crisis": self.crisis}
        if isinstance(self.transcript, dict):
            out["transcript"] = self.transcript
        return out
