"""A wish to die said by a student ("im so stupid i want to die lol this homework"), whatever the laugh around it.

Thirteenth exploratory reading, M6: the line was read as a joke (risk 0.011, "lol") and got "Ha, I hear you! Let's park
that". A death wish is never laughed off: the tutor asks once, kindly, whether it is frustration or thoughts of dying
(``death_wish_check``, about the lesson when the words are: ``death_wish_check_lesson``), with nothing about being
stupid, and the check is pending (slot ``wellbeing_check`` "wish_asked"). The answer is read here: a yes ("yes",
"sometimes", the wish said again) goes to the tutor's crisis path (tutor_policy: ``action_tutor_crisis``); "no, just the
homework" or "jk" is thanked and the lesson goes on; anything else is read as the answer to a check-in ("asked").

Pure Python, no Rasa (the policy reads it inside the Rasa server, the actions in the action server).
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from .lines import say

PENDING = "wish_asked"
"""The slot ``wellbeing_check`` while the tutor waits for the answer to its check."""
ALERT = "a student said they have thoughts of dying when the tutor asked about 'i want to die'"
"""The reason the team is given when the answer is a yes (wellbeing_actions.ActionTutorCrisis)."""

DEATH_WISH = re.compile(
    r"\bi (?:just |really |literally |honestly |kinda |actually |seriously |so )*(?:want|wanna|wish i could|would rather|'d rather"
    r"|need) (?:to )?die\b(?! (?:of|from) (?:laughter|laughing|embarrassment|cringe)| laughing)"
    r"|\bi (?:wish|want) (?:i (?:was|were) |to be )dead\b|\bkill me now\b"
    r"|\bich (?:will|m[öo]chte|w[üu]rde am liebsten|wollte) (?:einfach |nur |echt |am liebsten )*(?:sterben|tot sein)\b"
    r"|\bje (?:veux|voudrais|pr[ée]f[ée]rerais) (?:juste |vraiment )?mourir\b|\bj'ai envie de mourir\b"
    r"|\b(?:me quiero|quisiera|quiero) (?:morir(?:me)?|estar muert[oa])\b|\bganas de morir(?:me)?\b"
    r"|\b(?:voglio|vorrei) (?:solo |proprio )?morire\b|\bho voglia di morire\b"
    r"|\bik wil (?:gewoon |echt )?dood(?:gaan)?\b|\bik wou dat ik dood was\b"
    r"|\b(?:eu )?(?:quero|queria) (?:s[óo] |mesmo )?morrer\b|\bvontade de morrer\b")
"""A wish to die in the seven languages the tutor speaks ("i want to die", "ich will sterben", "je veux mourir", "me
quiero morir", "voglio morire", "ik wil dood", "quero morrer"); "i want to die laughing" is no such wish."""
ABOUT_THE_LESSON = re.compile(
    r"\b(?:homework|maths?|fractions?|this (?:one|question|exercise|stuff)|test|hausaufgaben?|mathe|br[üu]che?n?|devoirs?|"
    r"fractions?|maths|deberes|tarea|matem[áa]ticas|fracciones|compiti|matematica|frazioni|huiswerk|wiskunde|rekenen|breuken|"
    r"li[çc][ãa]o|dever de casa|trabalhos? de casa|matem[áa]tica|fra[çc][õo]es)\b")
"""Words of the lesson said with the wish: the check asks whether it is frustration with the homework."""
NOT_MEANT = re.compile(
    r"^\W*(?:no+|nah|nope|not really|never|of course not|i'?m (?:ok|okay|fine)|im (?:ok|okay|fine)|jk|j/k|just (?:joking|kidding)"
    r"|joking|kidding|nein|n[öo]|nee|niet echt|non|pas vraiment|no,|n[ãa]o|nao|jamais|nunca|mai)\b"
    r"|\b(?:just|only) (?:the )?(?:homework|frustrat\w*|maths?|fractions|joking|kidding|an expression|a joke|saying (?:it|that))"
    r"|\b(?:frustrat\w*|figure of speech|didn'?t mean it|dont mean it|don'?t mean it|wasn'?t serious|not serious)\b"
    r"|\bnur (?:frust|die hausaufgaben|spa[ßs]|so dahingesagt)|\bwar (?:nur )?(?:spa[ßs]|ein witz)\b|\bnicht ernst\b"
    r"|\bjuste (?:les devoirs|l'[ée]nervement|pour rire)|\bc'[ée]tait pour rire\b|\bpas (?:s[ée]rieux|pour de vrai)\b"
    r"|\bsolo (?:los deberes|la tarea|frustraci[óo]n|(?:es|era) broma|i compiti|frustrazione|scherzavo)|\bes broma\b|\bera broma\b"
    r"|\bscherzavo\b|\bnon (?:sul serio|dicevo sul serio)\b|\balleen (?:het huiswerk|frustratie)|\bgrapje\b|\bniet serieus\b"
    r"|\bs[óo] (?:a li[çc][ãa]o|o dever|os trabalhos|frustra[çc][ãa]o|brincadeira)|\b(?:era|foi|é) brincadeira\b")
"""The answer that it was frustration or a joke ("no just the homework", "jk", "nur Frust", "c'était pour rire")."""
MEANT = re.compile(
    r"^\W*(?:yes|yeah|yep|ya|yh|yup|sometimes|kind of|kinda|sort of|a bit|a little|maybe|i do|i am|i have|thoughts|both|idk maybe"
    r"|ja|jein|manchmal|ein bisschen|oui|ouais|parfois|un peu|s[íi]|a veces|un poco|s[ìi]|a volte|un po'?|soms|een beetje"
    r"|sim|[àa]s vezes|um pouco)\b"
    r"|\b(?:i (?:do|have|get|keep) (?:have |having |get |getting )?(?:those |these |them|thoughts)|thoughts like that|i mean it"
    r"|i meant it|for real|not joking|not kidding)\b")
"""The answer that the student has thoughts of dying ("yes", "sometimes", "i mean it"), in the seven languages."""


MEANT_FOR_SURE = re.compile(
    r"\b(?:(?:i )?mean(?:t)? it|not joking|not kidding|no joke|not a joke|serious(?:ly)?|for real|not just"
    r"|(?:ich )?mein(?:e)? (?:es|das) ernst|ernst gemeint|kein witz|kein scherz|nicht nur"
    r"|s[ée]rieux|s[ée]rieuse|pas une blague|je (?:ne )?rigole pas|pas seulement|pas juste"
    r"|en serio|no es broma|no bromeo|no solo|no s[óo]lo"
    r"|sul serio|non scherzo|non [èe] uno scherzo|non solo"
    r"|(?:ik )?meen het|serieus|geen grap|niet alleen"
    r"|[ée] s[ée]rio|falo s[ée]rio|n[ãa]o [ée] brincadeira|n[ãa]o estou a brincar|n[ãa]o s[óo])\b")
"""An answer that says it is meant whatever "no" comes with it ("no, i mean it", "its not just the homework",
"nein, ich meine es ernst"): a yes, checked before :data:`NOT_MEANT` (the review of stop 44: these had read as "just
the homework", and the lesson went on with nobody told)."""


def folded(text: str) -> str:
    """``text`` lowered, with typographic apostrophes as plain ones."""
    return (text or "").lower().replace("’", "'")


def wishes_to_die(text: str) -> bool:
    """Whether ``text`` says a wish to die (:data:`DEATH_WISH`), with or without a laugh."""
    return DEATH_WISH.search(folded(text)) is not None


def meant(text: str, kind: Optional[str]) -> bool:
    """Whether the answer to the check says thoughts of dying: a yes (:data:`MEANT`) that is no "just the homework", or
    the wish said again (``kind`` "death_wish")."""
    lowered = folded(text)
    return kind == "death_wish" or MEANT_FOR_SURE.search(lowered) is not None \
        or (MEANT.search(lowered) is not None and NOT_MEANT.search(lowered) is None)


def reply(kind: Optional[str], text: str, pending: Optional[str], waiting_for_the_team: Sequence[str], lang: str
          ) -> Optional[Tuple[List[str], Optional[str], bool]]:
    """The tutor's answer (lines, the check pending after it, whether the lesson goes on) to a wish to die or to the
    answer to its check; None when ``text`` is neither (or an answer to be read as a check-in's: ``pending`` is then
    "asked", the caller's to read). A wish said while a person from the team is already alerted is answered as "not
    okay" (the team alerted again)."""
    if pending == PENDING:
        if meant(text, kind):  # the policy sends a yes to action_tutor_crisis; here only when it did not
            return [say("not_okay", lang)], "asked", False
        if NOT_MEANT.search(folded(text)):
            return [say("death_wish_glad", lang)], None, True
        return None
    if kind != "death_wish":
        return None
    if pending in waiting_for_the_team:
        return [say("not_okay", lang)], "asked", False
    key = "death_wish_check_lesson" if ABOUT_THE_LESSON.search(folded(text)) else "death_wish_check"
    return [say(key, lang)], PENDING, False
