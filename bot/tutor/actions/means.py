"""A child who names the means to hurt themselves ("i have my mom's pills", "ich hab ein Messer"), and the answer to the
question about them.

Thirteenth exploratory reading, M11: an 11-year-old wrote "i want to kill myself", then "i have my mom's pills", and got
the same canned block of help lines twice, with no question about the pills. Named once, the means get a line of their
own in the child's language (``means_line``: pills, "put them back or give them to a grown-up now, and tell me: have you
taken any?"; a knife, a rope or another thing: "put it away or give it to a grown-up"), and the answer is read here
(slot ``wellbeing_check`` "means"): a yes, or "i took some", gets the emergency number and the children's line first
(``means_taken``); a no gets "give them to a grown-up now" (``means_not_taken``); anything else is read as the answer to
a check-in ("asked").

Pure Python, no Rasa (the actions read it in the action server).
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from .lines import say, word

PENDING = "means"
"""The slot ``wellbeing_check`` while the tutor waits for "have you taken any?"."""
ALERT = "a child said they have taken pills or hurt themselves with what they named"
"""The reason the team is given when the answer is a yes."""

PILLS = re.compile(
    r"\b(?:pills?|tablets?|meds|medicine|medication|painkillers?|paracetamol|tylenol|ibuprofen|sleeping pills|"
    r"tabletten|pillen|medikamente|schlaftabletten|cachets|comprim[ée]s|m[ée]dicaments|pilules|pastillas|pastilla|"
    r"medicinas|medicamentos?|pillole|compresse|medicine|farmaci|medicijnen|comprimidos|rem[ée]dios|p[íi]lulas)\b")
"""Pills in the seven languages the tutor speaks."""
OTHER_MEANS = re.compile(
    r"\b(?:knife|knives|blade|razor|rope|gun|belt|scissors|messer|klinge|rasierklinge|seil|strick|pistole|waffe|"
    r"couteau|lame|corde|pistolet|arme|cuchillo|navaja|cuerda|soga|pistola|arma|coltello|lametta|corda|mes|mesje|touw|"
    r"pistool|wapen|faca|l[âa]mina|gilete|corda|arma)\b")
"""A knife, a blade, a rope or a gun in the seven languages."""
HAS = re.compile(
    r"\b(?:i (?:have|got|'ve got|found|took|take|am holding|'m holding)|i'?ve got|i'?m holding|im holding|here|next to me|"
    r"in my (?:room|hand|bag|pocket)|ich (?:habe|hab|halte)|hier|j'ai|je tiens|ici|tengo|aqu[íi]|ho |qui|ik heb|hier|"
    r"tenho|aqui|peguei|pris|prese|genomen|tom[ée]|tomei)\b")
"""Words that the child has the means at hand ("i have", "ich hab", "j'ai", "tengo", "ho", "ik heb", "tenho")."""
TAKEN = re.compile(
    r"^\W*(?:yes|yeah|yep|ya|yh|yup|ja|oui|ouais|s[íi]|s[ìi]|sim)\b"
    r"|\b(?:i (?:took|swallowed|have taken|'ve taken|ate)|i'?ve (?:taken|swallowed)|took (?:some|them|a few|\d+)"
    r"|ich (?:habe|hab) (?!keine|nichts|noch)(?:\w+ )?(?:genommen|geschluckt)|j'en ai (?:pris|aval[ée])|j'ai (?:pris|aval[ée])"
    r"|me (?:tom[ée]|tragu[ée])|tom[ée] (?:algunas|unas|varias)|ne ho (?:pres[ie]|ingoiat[ie])|ho (?:preso|ingoiato)"
    r"|ik heb (?:er )?(?!geen|niets|nog)(?:\w+ )?(?:genomen|ingenomen|geslikt)|(?:eu )?(?:tomei|engoli)|i cut|i hurt myself)\b")
"""A yes to "have you taken any?", or "i took some", in the seven languages."""
NOT_TAKEN = re.compile(
    r"^\W*(?:no+|nope|nah|not yet|nein|noch nicht|non|pas encore|todav[íi]a no|a[úu]n no|non ancora|nee|nog niet|n[ãa]o|"
    r"ainda n[ãa]o|i didn'?t|i haven'?t|i have not)\b")
"""A no to "have you taken any?"."""


def folded(text: str) -> str:
    """``text`` lowered, with typographic apostrophes as plain ones."""
    return (text or "").lower().replace("’", "'")


def named(text: str) -> Optional[str]:
    """"pills" or "other" when the child says they have the means to hurt themselves at hand, else None."""
    lowered = folded(text)
    if not HAS.search(lowered):
        return None
    if PILLS.search(lowered):
        return "pills"
    return "other" if OTHER_MEANS.search(lowered) else None


def line_for(kind: str, lang: str) -> str:
    """The line about the means ``kind`` ("pills", "other") in ``lang``; its "{emergency}" filled later (with_help)."""
    return word("means_line", kind, lang, word("means_line", "other", lang))


def said_recently(lang: str, recent: Sequence[str]) -> bool:
    """Whether the tutor asked about the means among its latest lines ``recent``."""
    heads = [line_for(kind, lang).split("{")[0].strip() for kind in ("pills", "other")]
    return any(head and said.startswith(head) for head in heads for said in recent)


def reply(text: str, pending: Optional[str], lang: str) -> Optional[Tuple[List[str], Optional[str], bool]]:
    """The answer to "have you taken any?" (``pending`` "means"): the emergency number and the children's line first on a
    yes, "give them to a grown-up" on a no; None otherwise (read as a check-in's answer by the caller)."""
    if pending != PENDING:
        return None
    lowered = folded(text)
    if TAKEN.search(lowered):  # before the no: "no i took 5", "nah took some already" (the review of stop 44)
        return [say("means_taken", lang)], "asked", False
    if NOT_TAKEN.search(lowered):
        return [say("means_not_taken", lang)], "asked", False
    return None
