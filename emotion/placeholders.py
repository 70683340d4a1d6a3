"""Refusing placeholder secrets: the example values of ``docker/.env.example`` and friends."""
from __future__ import annotations

import re
from typing import Optional

PLACEHOLDER = re.compile(r"change-?me|example|placeholder|^secret$", re.IGNORECASE)
MIN_SECRET_CHARS = 16


def refuse_placeholder(secret: Optional[str], name: str) -> Optional[str]:
    """``secret`` unchanged, or ValueError naming ``name`` when it is an example value or too short.

    None and "" pass (the caller decides what a missing secret means)."""
    if secret and (PLACEHOLDER.search(secret) or len(secret) < MIN_SECRET_CHARS):
        raise ValueError(f"{name} is a placeholder or shorter than {MIN_SECRET_CHARS} characters; "
                         "set a random value (python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return secret
