"""Where a person can get help right now, per locale, for every bot: the emergency number and the
helplines (crisis lines, violence at home, poisoning, children and young people).

Data: ``policies/crisis_resources.yml``, or the file ``$EMOBOT_CRISIS_RESOURCES`` names (a
deployment's own vetted list). Each line is rendered as a markdown link (``tel:``, ``sms:`` or a
web address) that the chat page and Rasa web chat widgets show as clickable. The support bot words
them into sentences in seven languages (bot/support/actions/resources.py); the tutor gives a child
their country's lines (bot/tutor/actions/help_lines.py).

A line's name is written in its locale's language ("Samaritans, free, any time" for en-GB). Said in another
language (a German speaker in the UK: tenth exploratory reading, L4), a line is named neutrally: its own
``neutral`` name when the file gives one, else the name up to its first comma, a text line's keyword after "SMS",
a web line by its address; the emergency number as its numbers only ("112 (EU) or 911 (US)" -> "112 / 911").
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional

import yaml

from policies.locales import parse_locale

DEFAULT_FILE = Path(__file__).with_name("crisis_resources.yml")


def _digits(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


KEYWORD = re.compile(r"\btext ([A-Z]{2,})\b")
"""The word a text line asks to be sent ("Shout, text SHOUT to")."""


def neutral_name(line: Mapping[str, str]) -> str:
    """``line``'s name in no language: its ``neutral`` name, else its name up to the first comma ("Samaritans, free,
    any time" -> "Samaritans"), with a text line's keyword ("Shout, SMS SHOUT"); a web line's address."""
    if line.get("neutral"):
        return line["neutral"]
    if line.get("url") and not line.get("phone"):
        return re.sub(r"^https?://(?:www\.)?", "", line["url"]).rstrip("/")
    name = line["name"].split(",")[0].strip()
    keyword = KEYWORD.search(line["name"])
    return f"{name}, SMS {keyword.group(1)}" if line.get("sms") and keyword else f"{name}, SMS" if line.get("sms") else name


@dataclass(frozen=True)
class CrisisLines:
    """One locale's help: the emergency number, crisis ``lines``, and optionally the lines for
    violence at home (``abuse``), for poisoning (``poison``) and for children and young people (``child``);
    ``language``: the language their names are written in ("en" for en-GB and the default lines)."""

    emergency: str
    lines: List[Mapping[str, str]]
    abuse: List[Mapping[str, str]] = field(default_factory=list)
    poison: List[Mapping[str, str]] = field(default_factory=list)
    child: List[Mapping[str, str]] = field(default_factory=list)
    language: str = "en"

    def links(self, lines: Optional[List[Mapping[str, str]]] = None, neutral: bool = False) -> List[str]:
        """Each line (of ``lines``, default the crisis lines) as ``name: [number](tel:...)`` (or sms: / a web link);
        ``neutral``: named in no language (:func:`neutral_name`), for a sentence in another language than theirs."""
        out = []
        for line in self.lines if lines is None else lines:
            name = neutral_name(line) if neutral else line["name"]
            if line.get("phone"):
                out.append(f"{name}: [{line['phone']}](tel:{_digits(line['phone'])})")
            elif line.get("sms"):
                out.append(f"{name}{':' if neutral else ''} [{line['sms']}](sms:{_digits(line['sms'])})")
            elif line.get("url"):
                out.append(f"[{name}]({line['url']})")
        return out

    def emergency_number(self, neutral: bool = False) -> str:
        """The emergency number as written ("112 (EU) or 911 (US)"), or ``neutral``: its numbers only ("112 / 911")."""
        return " / ".join(re.findall(r"\d+(?:[ -]\d+)*", self.emergency)) if neutral else self.emergency


@lru_cache(maxsize=4)
def _load(path: str) -> Dict[str, CrisisLines]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {str(locale): CrisisLines(str(entry["emergency"]), list(entry.get("lines") or []),
                                     list(entry.get("abuse") or []), list(entry.get("poison") or []),
                                     list(entry.get("child") or []), _language_of(str(locale)))
            for locale, entry in raw.items()}


def _language_of(locale: str) -> str:
    """The language a locale's names are written in: "en-GB" -> "en", "de" -> "de"; the default lines are English."""
    return "en" if locale == "default" else parse_locale(locale).language or "en"


def table() -> Dict[str, CrisisLines]:
    """Every locale's lines ("default" among them)."""
    return _load(os.environ.get("EMOBOT_CRISIS_RESOURCES") or str(DEFAULT_FILE))


def lines_for(locale: Optional[str]) -> CrisisLines:
    """The lines of ``locale``: its own country's entry before its language's ("it-CH" -> "it-CH", else "it"; eleventh
    reading, M1), read as browsers and clients write it ("it_ch", "IT-ch"); else the default ones."""
    found = table()
    parsed = parse_locale(locale)
    for key in ((locale or "").strip(), parsed.tag, parsed.language):
        if key and key in found:
            return found[key]
    return found["default"]
