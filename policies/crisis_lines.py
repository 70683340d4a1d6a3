"""Where a person can get help right now, per locale, for every bot: the emergency number and the
helplines (crisis lines, violence at home, poisoning, children and young people).

Data: ``policies/crisis_resources.yml``, or the file ``$EMOBOT_CRISIS_RESOURCES`` names (a
deployment's own vetted list). Each line is rendered as a markdown link (``tel:``, ``sms:`` or a
web address) that the chat page and Rasa web chat widgets show as clickable. The support bot words
them into sentences in seven languages (bot/support/actions/resources.py); the tutor gives a child
their country's lines (bot/tutor/actions/help_lines.py).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional

import yaml

DEFAULT_FILE = Path(__file__).with_name("crisis_resources.yml")


def _digits(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


@dataclass(frozen=True)
class CrisisLines:
    """One locale's help: the emergency number, crisis ``lines``, and optionally the lines for
    violence at home (``abuse``), for poisoning (``poison``) and for children and young people (``child``)."""

    emergency: str
    lines: List[Mapping[str, str]]
    abuse: List[Mapping[str, str]] = field(default_factory=list)
    poison: List[Mapping[str, str]] = field(default_factory=list)
    child: List[Mapping[str, str]] = field(default_factory=list)

    def links(self, lines: Optional[List[Mapping[str, str]]] = None) -> List[str]:
        """Each line (of ``lines``, default the crisis lines) as ``name: [number](tel:...)`` (or sms: / a web link)."""
        out = []
        for line in self.lines if lines is None else lines:
            if line.get("phone"):
                out.append(f"{line['name']}: [{line['phone']}](tel:{_digits(line['phone'])})")
            elif line.get("sms"):
                out.append(f"{line['name']} [{line['sms']}](sms:{_digits(line['sms'])})")
            elif line.get("url"):
                out.append(f"[{line['name']}]({line['url']})")
        return out


@lru_cache(maxsize=4)
def _load(path: str) -> Dict[str, CrisisLines]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {str(locale): CrisisLines(str(entry["emergency"]), list(entry.get("lines") or []),
                                     list(entry.get("abuse") or []), list(entry.get("poison") or []),
                                     list(entry.get("child") or []))
            for locale, entry in raw.items()}


def table() -> Dict[str, CrisisLines]:
    """Every locale's lines ("default" among them)."""
    return _load(os.environ.get("EMOBOT_CRISIS_RESOURCES") or str(DEFAULT_FILE))


def lines_for(locale: Optional[str]) -> CrisisLines:
    """The lines of ``locale`` ("de-AT" -> "de-AT", else "de"), else the default ones."""
    found = table()
    locale = (locale or "").strip()
    for key in (locale, locale.split("-")[0].lower()):
        if key and key in found:
            return found[key]
    return found["default"]
