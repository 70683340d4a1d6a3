"""Crisis resources per deployment and locale (``crisis_resources.yml``, or the file named by
``$EMOBOT_CRISIS_RESOURCES``), rendered as chat text with markdown links (``tel:``, ``sms:``,
``https:``) that the chat page and Rasa web chat widgets show as clickable."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional

import yaml

DEFAULT_FILE = Path(__file__).with_name("crisis_resources.yml")


@dataclass(frozen=True)
class Resources:
    emergency: str
    lines: List[Mapping[str, str]]

    def links(self) -> List[str]:
        """Each line as ``name: [number](tel:...)`` (or sms: / a web link)."""
        out = []
        for line in self.lines:
            if line.get("phone"):
                out.append(f"{line['name']}: [{line['phone']}](tel:{_digits(line['phone'])})")
            elif line.get("sms"):
                out.append(f"{line['name']} [{line['sms']}](sms:{_digits(line['sms'])})")
            elif line.get("url"):
                out.append(f"[{line['name']}]({line['url']})")
        return out

    def full(self, lang: str = "en") -> str:
        """Every resource, for the first message of an escalation (sentence in ``lang``)."""
        return frames(lang)["full"].format(emergency=self.emergency, lines="; ".join(self.links()))

    def short(self, lang: str = "en") -> str:
        """The emergency number and the first line, for the messages that follow."""
        if not self.lines:
            return frames(lang)["short_alone"].format(emergency=self.emergency)
        return frames(lang)["short"].format(emergency=self.emergency, first=self.links()[0])


FRAMES = {"full": "If you are in immediate danger, please call {emergency} now. You can reach someone any time: {lines}.",
          "short": "If you're in danger right now, call {emergency}, or {first}.",
          "short_alone": "If you're in danger right now, call {emergency}."}


def frames(lang: str) -> Dict[str, str]:
    """The sentences around the numbers, in ``lang`` where i18n/<lang>.yml has them."""
    from actions.language import translated

    return {**FRAMES, **((translated(lang) or {}).get("resources") or {})}


def _digits(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


@lru_cache(maxsize=4)
def _load(path: str) -> Dict[str, Resources]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {str(locale): Resources(str(entry["emergency"]), list(entry.get("lines") or []))
            for locale, entry in raw.items()}


def resources_for(locale: Optional[str]) -> Resources:
    """The resources of ``locale`` ("de-AT" -> "de-AT", else "de"), else the default ones."""
    table = _load(os.environ.get("EMOBOT_CRISIS_RESOURCES") or str(DEFAULT_FILE))
    locale = (locale or "").strip()
    for key in (locale, locale.split("-")[0].lower()):
        if key and key in table:
            return table[key]
    return table["default"]
