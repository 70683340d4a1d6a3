"""What a student's remark about the lesson asks for, by its words: something harder or easier,
nothing (a laugh, a remark that they like it, "i'm back", a punctuation mark), or a calmer tutor
(an insult). The emotion service reads how the student feels; these words say what they mean,
and outrank a reading of boredom or frustration in them (sixth exploratory reading: "make it
harder please" got "Take your time", "lol my cat is sitting on my keyboard" a step down and a
new question, "?" a quick-fire round).

Pure Python, no Rasa (the policy reads it inside the Rasa server, the actions in the action server).
"""
from __future__ import annotations

import re

from .messages import says_too_hard

_HARDER = re.compile(
    r"\b(?:(?:something|one|ones|it|them|questions?|a bit|a little) (?:a bit |a little |much )?harder"
    r"|more (?:difficult|challenging)|too easy|(?:challenge|test) me|(?:zu|viel zu) (?:leicht|einfach)|schwierigere?"
    r"|trop facile|plus (?:dur|difficile)|(?:muy|demasiado) f[aá]cil|m[aá]s dif[ií]cil|troppo facile|pi[uù] difficile"
    r"|te makkelijk|moeilijker|(?:muito|f[aá]cil) (?:f[aá]cil|demais)|mais dif[ií]cil)\b", re.IGNORECASE)
_EASIER = re.compile(
    r"\b(?:(?:something|one|ones|it|them|questions?|a bit|a little) (?:a bit |a little |much )?easier|less (?:difficult|hard)"
    r"|(?:einfacher|leichter)e?s?|plus facile|m[aá]s f[aá]cil|pi[uù] facile|makkelijker|mais f[aá]cil)\b", re.IGNORECASE)
_LAUGH = re.compile(r"\b(?:lol+|lmao+|rofl|(?:ha){2,}h?|(?:he){2,}|(?:ja){2,}|k{3,}|mdr|ptdr|xd)\b|😂|🤣", re.IGNORECASE)
_CALMER = re.compile(r"\b(?:(?:i'?m|im|i am|i feel|feeling) (?:a bit |much |a lot )?(?:calmer|better|ok|okay|fine) now"
                     r"|calmed down)\b", re.IGNORECASE)
_INSULT = re.compile(
    r"\b(?:you'?re|you are|youre|ur|u r|u are)\s+(?:a\s+|an\s+|so\s+|such an?\s+|really\s+|the\s+)*"
    r"(?:stupid|dumb|useless|rubbish|trash|an? idiot|idiot|annoying|worst|terrible|bad)\b"
    r"|\b(?:stupid|dumb|useless|rubbish|dumbass|annoying) (?:bot|robot|tutor|ai|app|computer)\b|\byou suck\b", re.IGNORECASE)
_ENJOYS = re.compile(
    r"\b(?:i (?:really |actually )?(?:like|love|enjoy) (?:this|it|fractions|maths?|these)"
    r"|(?:this|it|that|fractions|maths?)(?:'s| is| are)? (?:actually |really |so |kinda |pretty |quite )?"
    r"(?:fun|cool|great|awesome|nice|fun actually)|(?:das )?macht spa(?:ß|ss)|c'est (?:cool|g[ée]nial|sympa)"
    r"|(?:es|est[aá]) (?:divertido|genial|chulo)|[eè] divertente|(?:dit is|is) leuk|(?:[eé]|est[aá]) (?:legal|divertido))\b",
    re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|isn'?t|don'?t|doesn'?t|never|nicht|pas|no|non|niet|não)\b", re.IGNORECASE)
_BACK = re.compile(
    r"\b(?:(?:i'?m|im|i am|ok(?:ay)?|sorry)[\s,]+(?:i'?m |im |i am )?back|back now|i'?m here again|i'?m here now"
    r"|wieder da|je suis (?:de )?retour|ya (?:estoy|volv[ií])|(?:sono|eccomi) (?:tornat[oa]|qui)|ik ben (?:er )?terug"
    r"|(?:estou|j[aá] estou) de volta|voltei)\b|^\W*back\W*$", re.IGNORECASE)
SELF_PUT_DOWN = re.compile(
    r"\b(?:i'?m|i am|im) (?:so |just |really )?(?:stupid|dumb|an idiot|useless|hopeless|bad at (?:this|math|maths|fractions))\b"
    r"|\bi suck at\b|\bich bin (?:so |zu )?(?:dumm|blöd)\b|\bje suis (?:trop )?(?:nul|nulle|bête)\b"
    r"|\bsoy (?:muy )?(?:tont[oa]|estúpid[oa]|un desastre)\b|\bsono (?:proprio )?(?:stupid[oa]|negat[oa])\b"
    r"|\bik ben (?:zo )?(?:dom|stom)\b|\bsou (?:muito )?(?:burr[oa]|idiota)\b")
"""A student putting themselves down ("i'm stupid"): answered first (exploratory reading: no reply to it)."""
_PUNCTUATION_ONLY = re.compile(r"^[\s?!.…,;:¿¡-]+$")


def asks_harder(text: str) -> bool:
    """"can you give me something harder?", "too easy", "das ist zu leicht" (seven languages)."""
    return _HARDER.search(text or "") is not None and _EASIER.search(text or "") is None


def asks_easier(text: str) -> bool:
    """"can you make it easier", "something easier please", "plus facile" (seven languages)."""
    return _EASIER.search(text or "") is not None


def laughs(text: str) -> bool:
    """"lol", "haha", "kkkk", "😂": a joke, which a frustration reading of it does not make frustration."""
    return _LAUGH.search(text or "") is not None


def calmer(text: str) -> bool:
    """"ok sorry. im calmer now", "i'm fine now": the frustration is over, whatever was read in the words."""
    return _CALMER.search(text or "") is not None


def insults_tutor(text: str) -> bool:
    """"you're a stupid bot", "you suck": anger at the tutor, not a sign the item is too hard."""
    return _INSULT.search(text or "") is not None


def enjoys(text: str) -> bool:
    """"cool, i like this", "this is actually fun" (not "this is not fun")."""
    return _ENJOYS.search(text or "") is not None and _NOT.search(text or "") is None


def says_back(text: str) -> bool:
    """"sorry im back, had dinner", "hello? i'm back", "back": a student returning after a pause."""
    return _BACK.search(text or "") is not None


def only_punctuation(text: str) -> bool:
    """"?", "...", "??": a mark, not words; a question mark among them is confusion."""
    return _PUNCTUATION_ONLY.match(text or "") is not None


def not_too_hard(text: str) -> bool:
    """Whether a frustration reading of ``text`` says nothing about the item being too hard: an
    insult to the tutor, a joke or "i'm calmer now" (not when the words also say "too hard", "i give
    up": "lol i give up")."""
    return (insults_tutor(text) or laughs(text) or calmer(text)) and not says_too_hard(text)
