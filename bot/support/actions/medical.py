"""Medicine taken beyond the dose, by the person themselves: medical urgency before listening.

Sixth exploratory reading, H5: "can i take more of my antidepressants to feel better faster?",
then "i took 3 extra today" and "i feel dizzy" got reflective listening. A volunteer says that can
be dangerous and gives the poison line and the emergency number. Read in seven languages: more
than the dose taken (``TOOK_EXTRA``) in this message, or a symptom (``SYMPTOM``) after one in the
last ``RECENT`` messages, with medicine named in them (``MEDICINE``: "i took 3 extra shifts" is no
overdose). Someone else's overdose is a situation (policies/situations.yml ``emergency_other``).
"""
from __future__ import annotations

import re
from typing import Sequence

from actions.bank import answers
from actions.conversation import Say
from actions.language import folded, least_recent

RECENT = 3
TOOK_EXTRA = re.compile(
    r"\bi (?:just |already |accidentally |might have |may have )?(?:took|take|had|swallowed|have taken|ve taken|popped)\b"
    r".{0,30}\b(?:extra|more than (?:i|my|the|prescribed)|too many|too much|double|twice|a double dose)\b"
    r"|\b(?:double|doubled|tripled) (?:my |the )?(?:dose|dosage|meds|pills)\b"
    r"|\b(?:zu viele|extra|doppelte dosis)\b.{0,30}\b(?:genommen|geschluckt)\b|\bdoppelte dosis\b"
    r"|\bj ?ai (?:pris|avale)\b.{0,30}\b(?:en trop|trop de|double dose)\b"
    r"|\b(?:tome|me tome|trague)\b.{0,30}\b(?:de mas|demasiad[oa]s|el doble|dosis doble)\b"
    r"|\bho preso\b.{0,30}\b(?:in piu|troppe|troppi|doppia dose)\b"
    r"|\b(?:te veel|extra|dubbele dosis)\b.{0,30}\b(?:genomen|ingenomen|geslikt)\b"
    r"|\btomei\b.{0,30}\b(?:a mais|demais|dose dupla|o dobro)\b")
SYMPTOM = re.compile(
    r"\b(?:dizzy|faint|lightheaded|light headed|throwing up|vomiting|heart (?:is )?racing|cant breathe|very sleepy|so sleepy"
    r"|confused|shaking|schwindelig|mir ist (?:schlecht|ubel)|etourdi\w*|vertiges?|mareado|mareada|vomitando|vertigini|"
    r"giramenti di testa|duizelig|misselijk|tonto|tonta|tontura|vomitando)\b")
MEDICINE = re.compile(
    r"\b(?:pills?|tablets?|meds|medication|medicine|antidepressants?|dose|doses|dosage|mg|ibuprofen|paracetamol|tylenol|"
    r"advil|sertraline|prozac|xanax|lithium|insulin|sleeping pills|tabletten|medikament\w*|cachets|comprimes|medicaments|"
    r"pilules|pastillas|medicamentos|pastiglie|farmaci|medicin\w*|pillen|comprimidos|remedios)\b")


def took_too_much(text: str, earlier: Sequence[str] = ()) -> bool:
    """Whether the person says they took more medicine than the dose (this message), or feels a
    symptom after saying so (one of their last ``RECENT`` messages), with medicine named in them."""
    plain, recent = folded(text).replace("'", ""), [folded(t).replace("'", "") for t in earlier[-RECENT:]]
    medicine = any(MEDICINE.search(t) for t in (plain, *recent))
    if TOOK_EXTRA.search(plain):
        return medicine
    return bool(SYMPTOM.search(plain)) and medicine and any(TOOK_EXTRA.search(t) for t in recent)


def too_much_line(say: Say) -> str:
    """It can be dangerous: the emergency number, and the poison line where the person is."""
    poison = say.help_now.links(say.help_now.poison)
    key = "took_too_much" if poison else "took_too_much_no_poison_line"
    return least_recent(answers(say.lang)[key], say.recent).format(emergency=say.help_now.emergency,
                                                                   poison="; ".join(poison))
