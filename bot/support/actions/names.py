"""A name the person tells ("his name was danny", "mein hund hieß bruno"), to be said back.

A listener who hears a name says it ("Danny."); a bank line that does not reads as if the name
was not heard. The patterns of each language (``names`` in responses.yml and the i18n files)
capture the word after the naming words as ``name``; it counts as a name when it is not a common
word (``NOT_NAMES``: "his name was on the list") and what follows ends the name: the end, a
punctuation mark or a word that starts a new clause (``ENDS``). A second word before that end
belongs to the name ("her name was mary ann"); any other word after it means the words were not a
name ("his name was mud in that office" is not one). The name is returned capitalised as a name
is written ("Mary Ann", "O'Brien", "Jean-Luc").

    name_in("his name was danny", patterns)  -> "Danny"
    introduced("my name is sam and im tired", own_patterns)  -> ("Sam", "im tired")
"""
from __future__ import annotations

import re
from typing import Optional, Sequence, Tuple

ENDS = frozenset(
    "and but he she they it we i who lol haha btw tho though too x xx so because bc cause like last when from for "
    "at in on with yesterday today that which was is died passed has had keeps got "
    "und aber er sie es der die das ich wir weil "
    "et mais il elle on je qui parce "
    "y pero él el ella yo que porque "
    "e ma lui lei io che perché perche "
    "en maar hij zij ze het ik die omdat "
    "mas ele ela eu porque".split())
"""Words that start a new clause or phrase after a name ("her name is sophie and she's 4", "a dog named
max last year", "a cat called luna who...")."""
NOT_NAMES = frozenset(
    "a an the on in at of to for not never no all everywhere mentioned called said written gone there here so too "
    "also still just really literally like mud lost forgotten missing wrong right spelled spelt different weird same "
    "nothing something everything important known famous hard funny nice beautiful unusual common long short it that "
    "this what kinda very pretty such always everyone everybody nobody someone somebody after before "
    "ein eine der die das nicht nie auch noch so un une le la les pas jamais aussi encore el los las no nunca "
    "también tambien il lo gli non mai anche een de het niet nooit ook o os as não nao nunca também "
    "you he she they we i du er sie es ihr wir ich man dass tu elle je yo tú io lui lei ik jij hij zij eu você voce "
    "ele ela".split())
"""Words that follow naming words without being a name."""
WORD = re.compile(r"[^\W\d_][\w'’-]*")
AFTER_NAME = re.compile(r"^[\s,.;:!?–-]*(?:(?:and|but|und|aber|et|mais|y|pero|e|ma|en|maar|mas)\b)?[\s,]*", re.I)
"""What joins the rest of a message to a name told ("..., and", "... aber")."""


def name_in(text: str, patterns: Sequence[re.Pattern]) -> Optional[str]:
    """The name ``text`` tells, capitalised, or None (patterns capture its first word as ``name``)."""
    found = _first_name(text, patterns)
    return found[0] if found else None


def introduced(text: str, patterns: Sequence[re.Pattern]) -> Optional[Tuple[str, str]]:
    """(the person's own name, what the message says after it) when ``text`` introduces the person
    ("my name is sam and ive been feeling low" -> ("Sam", "ive been feeling low")), else None."""
    found = _first_name(text, patterns)
    if found is None:
        return None
    text = text or ""
    lowered = text.lower()
    rest = AFTER_NAME.sub("", (text if len(lowered) == len(text) else lowered)[found[1]:], count=1)
    return found[0], rest.strip()


def _first_name(text: str, patterns: Sequence[re.Pattern]) -> Optional[Tuple[str, int]]:
    """The first name a pattern captures that is a name (see the module docstring), and where it ends."""
    lowered = (text or "").lower().replace("’", "'")
    for pattern in patterns:
        for match in pattern.finditer(lowered):
            first, rest = match.group("name"), lowered[match.end():]
            if first in NOT_NAMES or not WORD.fullmatch(first):
                continue
            if _ends(rest):
                return first.title(), match.end()
            stripped = rest.lstrip()
            second = WORD.match(stripped)
            if second and second.group(0) not in NOT_NAMES | ENDS and _ends(stripped[second.end():]):
                return f"{first} {second.group(0)}".title(), match.end() + len(rest) - len(stripped) + second.end()
    return None


def _ends(rest: str) -> bool:
    """Whether a name ends where ``rest`` starts: at the end, a punctuation mark or a clause word."""
    stripped = rest.lstrip()
    if not stripped or not (stripped[0].isalnum() or stripped[0] in "'-"):
        return True
    following = WORD.match(stripped)
    return bool(following) and following.group(0) in ENDS
