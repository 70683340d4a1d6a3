"""Messages the support bot asks about directly (the C-SSRS screen, with a lead-in) instead of
listening, although their own crisis reading is low.

- **After a loss by suicide** (sixth exploratory reading, H1: "my brother killed himself in march",
  then "sometimes i think i'll do the same as him" was answered "That sounds like a good step").
  Neither message alone reads as risk to the crisis detector (a loss is grief; "do the same" says
  nothing without what came before), so the bot reads the two together: a message that says the
  person may follow (``follows``) within their last ``WINDOW`` messages after one that names a
  suicide (``loss``), with no word that it will never happen. Patterns: responses.yml
  ``suicide_loss``, seven languages.
- **A death wish said with a laugh** (H3/H4: "i want to die lol" got "Feeling low like this is
  hard", and with a smiling face "I'm really glad to hear that"): the detector rightly does not
  flag a joke, but a short message whose only guard is a laugh over warning-sign words
  (``derived.crisis``: guard "joke", lexicon score at least ``JOKED_AT``) is checked, not taken as
  a joke: "even if it was a joke, I'd rather ask".
- **Home after an attempt** (ninth exploratory reading, M9: "i was in after an overdose last week", "estive
  internada depois de tentar matar-me" got listening lines): the days after discharge are a time of high risk. An
  attempt told as behind the person (a hospital stay, a discharge, a time past: ``after_attempt``) gets no screen but
  its acknowledgement, the numbers where they are and how they are now, whether they have a safety plan or someone
  with them; support named just after ("the crisis team are meant to ring tomorrow": ``support_after_attempt``) is
  welcomed. Patterns here, seven languages.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Optional, Sequence, Tuple

from actions.bank import RESPONSES_FILE
from actions.language import plain_text
from actions.listening import NEVER_AGAIN

WINDOW = 10
"""How many of the person's earlier messages are read for the loss."""
JOKED_AT = 0.28
"""The lexicon's score of a warning sign of strength 0.8 or more after the joke guard (x 0.35)."""
JOKED_WORDS = 10
"""A joke guard over warning signs in a message of at most this many words is asked about (a
longer one says what the joke is about: "this meeting is so long i want to die lol")."""


@lru_cache(maxsize=1)
def _patterns() -> Tuple[re.Pattern, re.Pattern]:
    import yaml

    raw = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))["suicide_loss"]
    return tuple(re.compile("|".join(f"(?:{p})" for p in raw[key]), re.IGNORECASE) for key in ("loss", "follows"))


def follows_a_suicide(text: str, earlier: Sequence[str]) -> bool:
    """Whether ``text`` says the person may follow someone whose suicide one of ``earlier`` (their
    messages before it, oldest first) names: "i'll do the same as him" after "my brother killed
    himself"; not "i'll never do the same", and not without the loss."""
    loss, follows = _patterns()
    lowered = (text or "").lower().replace("’", "'")
    if not follows.search(lowered) or NEVER_AGAIN.search(lowered):
        return False
    return any(loss.search((said or "").lower().replace("’", "'")) for said in [*earlier[-WINDOW:], lowered])


def joked_warning_sign(text: str, crisis: Mapping[str, Any]) -> bool:
    """Whether ``text`` is a short message whose warning-sign words only a laugh guards ("i want to
    die lol"), as the turn's crisis reading (``derived.crisis``) tells."""
    guards = set(crisis.get("guards") or [])
    lexicon = float((crisis.get("scores") or {}).get("lexicon") or 0.0)
    return guards == {"joke"} and lexicon >= JOKED_AT and len((text or "").split()) <= JOKED_WORDS


def laughed_over_words(crisis: Mapping[str, Any]) -> bool:
    """Whether the turn's warning-sign words came with a laugh the detector asks about first, whatever the message's
    length (not ``explicit``: "I died 40 times to the final boss, I literally want to kill myself lmao"; thirteenth
    reading, M3): the screen opens with ``joked_warning_sign``."""
    lexicon = float((crisis.get("scores") or {}).get("lexicon") or 0.0)
    return "joke" in (crisis.get("guards") or []) and not crisis.get("explicit") and lexicon >= JOKED_AT


def grieving(text: str, earlier: Sequence[str], lang: str = "en") -> bool:
    """Whether the person named a loss in ``text`` or their last three messages ("everyone says it
    gets better" after "my mum died in june"): the screen then opens by acknowledging it (sixth
    reading, M7: the C-SSRS asked mid-grief without a word about the loss); not when the person may
    follow someone lost to suicide (that lead-in, ``suicide_loss``, speaks of the loss already)."""
    from actions.listening import topic_of

    if follows_a_suicide(text, earlier):
        return False
    return any(topic_of(said, lang) == "grief" for said in [*earlier[-3:], text])


ATTEMPT_WINDOW = 3
"""How many of the person's earlier messages are read for a hospital stay or a time ("i got discharged from hospital
yesterday", then "i was in after an overdose last week") and for an attempt told before support is named."""
ATTEMPT = re.compile(
    r"\b(?:(?:after|following|because of|for) (?:an?|my|the) (?:overdose|od|suicide attempt|attempt)"
    r"|suicide attempt|attempt on my life|(?:i )?(?:tried|attempted) (?:to )?(?:kill myself|end (?:it|my life|things)|take my (?:own )?life|suicide)"
    r"|attempted suicide|i (?:overdosed|took an overdose)"
    r"|suizidversuch|selbstmordversuch|(?:versucht|probiert),? mich umzubringen|versucht,? mir das leben zu nehmen|nach einer uberdosis"
    r"|tentative de suicide|(?:tente|essaye) de (?:me suicider|me tuer|mettre fin a mes jours)|apres une (?:overdose|surdose)"
    r"|intento de suicidio|intente (?:suicidarme|matarme|quitarme la vida)|tras una sobredosis|despues de una sobredosis"
    r"|tentato (?:il )?suicidio|tentativo di suicidio|(?:tentato|provato) (?:a|di) (?:uccidermi|togliermi la vita)|dopo un overdose"
    r"|zelfmoordpoging|suicidepoging|poging tot zelfmoord|geprobeerd (?:zelfmoord te plegen|mezelf van het leven te beroven|een eind aan mijn leven te maken)"
    r"|na een overdosis"
    r"|tentativa de suicidio|(?:tentei|tentar|tentado) (?:me matar|matar-me|suicidar-me|me suicidar|o suicidio)|depois de uma overdose)\b")
"""Telling of a suicide attempt, in seven languages (folded: no accents)."""
AFTERWARDS = re.compile(
    r"\b(?:hospital|discharged|was in|got out|ward|a ?& ?e|icu|psych|last week|yesterday|days ago|weeks? ago|last month"
    r"|crisis team|home treatment|since then"
    r"|krankenhaus|klinik|psychiatrie|entlassen|gestern|letzte woche|vor \w+ (?:tagen|wochen)|seitdem"
    r"|hopital|sorti|sortie|hospitalise|hospitalisee|hier|la semaine derniere|il y a \w+ (?:jours|semaines)|depuis"
    r"|hospital|alta|ingresad[oa]|ayer|la semana pasada|hace \w+ (?:dias|semanas)|desde entonces"
    r"|ospedale|dimess[oa]|ricoverat[oa]|ieri|la settimana scorsa|\w+ (?:giorni|settimane) fa|da allora"
    r"|ziekenhuis|ontslagen|opgenomen|gisteren|vorige week|\w+ (?:dagen|weken) geleden|sindsdien"
    r"|internad[oa]|ontem|semana passada|ha \w+ (?:dias|semanas)|desde entao)\b")
"""A hospital stay, a discharge or a time past: the attempt is behind the person, not going on."""
AGAIN = re.compile(
    r"\b(?:again|next time|this time|tonight|right now|wieder|nochmal|noch einmal|heute nacht|encore|recommencer|ce soir"
    r"|otra vez|de nuevo|esta noche|di nuovo|ancora|stanotte|stasera|opnieuw|nog een keer|vannacht|vanavond"
    r"|de novo|outra vez|esta noite|hoje a noite)\b")
"""An attempt to come ("i'll do it again", "tonight"): not the days after one, the crisis flow's."""
SUPPORT = re.compile(
    r"\b(?:crisis team|home treatment team|safety plan|care plan|(?:is |are )?(?:staying|living|here|home) with me|with me now"
    r"|i'?m safe now|im safe now|i am safe now|(?:meant|supposed|going) to (?:ring|call|phone|visit|see me)|follow[- ]up|appointment"
    r"|krisendienst|krisenteam|sicherheitsplan|notfallplan|(?:ist|sind) (?:jetzt )?(?:bei mir|da)|bin (?:jetzt )?sicher|termin"
    r"|equipe de crise|plan de securite|(?:est|sont) avec moi|je suis en securite|rendez-vous"
    r"|equipo de crisis|plan de seguridad|(?:esta|estan) conmigo|estoy a salvo|estoy segur[oa]|cita"
    r"|piano di sicurezza|(?:e|sono) con me|sono al sicuro|appuntamento"
    r"|crisisdienst|crisisteam|veiligheidsplan|signaleringsplan|(?:is|zijn) bij me|ik ben veilig|afspraak"
    r"|equipa de crise|equipe de crise|plano de seguranca|(?:esta|estao) (?:ca|aqui|comigo)|estou segur[oa]|estou em seguranca|consulta)\b")
"""Support the person names after an attempt: a crisis team, a safety plan, someone with them, safe now."""



def after_attempt(text: str, earlier: Sequence[str]) -> bool:
    """Whether ``text`` tells of a suicide attempt that is behind the person: a hospital stay, a discharge or a time
    past in it or their last ``ATTEMPT_WINDOW`` messages ("i was in after an overdose last week", "estive internada
    depois de tentar matar-me" after "tive alta do hospital ontem", "ich bin gestern entlassen worden" then "nach einem
    Suizidversuch"), and no attempt to come ("again", "tonight": the crisis flow's)."""
    plain = plain_text(text)
    if not ATTEMPT.search(plain) or AGAIN.search(plain):
        return False
    return any(AFTERWARDS.search(plain_text(said)) for said in [plain, *list(earlier)[-ATTEMPT_WINDOW:]])


def support_after_attempt(text: str, earlier: Sequence[str]) -> bool:
    """Whether ``text`` names support (a crisis team, a safety plan, someone with them, "i'm safe now") right after the
    person told of an attempt behind them (:func:`after_attempt`, in their last ``ATTEMPT_WINDOW`` messages)."""
    recent = list(earlier)[-ATTEMPT_WINDOW:]
    return bool(SUPPORT.search(plain_text(text))) and not ATTEMPT.search(plain_text(text)) \
        and any(after_attempt(said, recent[:i]) for i, said in enumerate(recent))


def lead_in(text: str, earlier: Sequence[str], crisis: Mapping[str, Any]) -> Optional[str]:
    """The ``answers`` key of the lead-in before the screen when ``text`` is to be asked about
    directly ("suicide_loss", "joked_warning_sign"), else None; after an attempt ("after_attempt",
    "after_attempt_support": ninth reading, M9), the screen (crisis_screen.py) gives the numbers and
    asks how the person is now instead of its questions."""
    if follows_a_suicide(text, earlier):
        return "suicide_loss"
    if joked_warning_sign(text, crisis):
        return "joked_warning_sign"
    if after_attempt(text, earlier[-ATTEMPT_WINDOW:]):
        return "after_attempt"
    if support_after_attempt(text, earlier[-ATTEMPT_WINDOW:]):
        return "after_attempt_support"
    return None
