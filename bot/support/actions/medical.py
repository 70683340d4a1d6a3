"""Medicine taken beyond the dose, by the person themselves: medical urgency before listening.

Sixth exploratory reading, H5: "can i take more of my antidepressants to feel better faster?",
then "i took 3 extra today" and "i feel dizzy" got reflective listening. A volunteer says that can
be dangerous and gives the poison line and the emergency number. Read in seven languages: more
than the dose taken (``TOOK_EXTRA``) in this message, or a symptom (``SYMPTOM``) after one in the
last ``RECENT`` messages, with medicine named in them (``MEDICINE``: "i took 3 extra shifts" is no
overdose). Someone else's overdose is a situation (policies/situations.yml ``emergency_other``).

``names_medical``: whether a message the NLU read as a medical question names medicine, a doctor or
therapist, a diagnosis, a condition or a symptom (``MEDICAL``, seven languages): only then does it get the
medical answer ("I can't give medical advice ... don't start, stop or change medication ...");
"Does that make sense?" and "manchmal kann ich morgens die Kaffeetasse nicht halten" name none and are
listened to (eighth reading, L4).
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
    poison = say.help_now.links_in(say.lang, say.help_now.poison)
    key = "took_too_much" if poison else "took_too_much_no_poison_line"
    return least_recent(answers(say.lang)[key], say.recent).format(emergency=say.help_now.emergency_in(say.lang),
                                                                   poison="; ".join(poison))


MEDICAL = re.compile(
    r"\b(?:doctors?|dr|gp|physician|psychiatrist\w*|psycholog\w*|psicolog\w*|psycholoog\w*|therap\w*|counsell?or\w*|counsell?ing|cbt|cognitive behaviou?ral"
    r"|meds|medicat\w*|medicine\w*|medical\w*|pills?|tablets?|antidepressants?|ssris?|dose|dosage|prescri\w*|side effects?"
    r"|melatonin|sertraline|escitalopram|citalopram|fluoxetin\w*|prozac|zoloft|lexapro|xanax|ibuprofen|paracetamol|cbd|st johns wort"
    r"|birth control|diagnos\w*|depress\w*|anxiety|adhd|ocd|ptsd|bipolar|autis\w*|insomnia|burn ?out|disorder|panic attacks?"
    r"|thyroid|hormon\w*|blood test|symptoms?|stroke|illness|sick|checked|second opinion|referral|hair (?:fall|loss|is coming out)"
    r"|stomach\w*|headaches?|chest|heart|dizz\w*|nause\w*|kopfschmerz\w*|mal de tete|dolor de cabeza|mal di testa"
    r"|hoofdpijn|dor de cabeca"
    r"|arzt|arztin|arztlich\w*|hausarzt\w*|psychiater\w*|tabletten|medikament\w*|pillen|antidepressiva|dosis|nebenwirkung\w*"
    r"|depression\w*|angststorung\w*|adhs|panikattacke\w*|sertralin|schilddruse|krank\w*"
    r"|medecin\w*|generaliste|psychiatre|cachets|antidepresseurs?|anxiolytiques?|traitement|ordonnance|effets? secondaires?"
    r"|tdah|bipolaire|crises? d ?angoisse|consulter"
    r"|medico|medica|psiquiatra|medicacion|pastillas|antidepresivos?|efectos secundarios|depresion|ansiedad|ataques de ansiedad"
    r"|dottor\w*|psichiatra|farmac\w*|pillole|pastiglie|antidepressiv\w*|effetti collaterali|depressione|ansia|attacchi di panico"
    r"|dokter|huisarts|psychiater|medicijn\w*|medicatie|bijwerking\w*|depressi\w*|paniekaanval\w*"
    r"|remedios?|comprimidos|antidepressivos?|efeitos colaterais|depressao|ansiedade|crise de panico)\b")
"""Medicine, a doctor or therapist, a diagnosis, a condition or a symptom named, in seven languages (folded: no accents)."""


def names_medical(text: str) -> bool:
    """Whether ``text`` names medicine or a medical matter (``MEDICAL``): a question the NLU read as medical
    that names none ("Does that make sense?") gets no medical answer (eighth reading, L4)."""
    return bool(MEDICAL.search(folded(text).replace("'", " ").replace("-", " ")))
