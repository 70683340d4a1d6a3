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

from .messages import MATHS_WORDS, says_lost, says_too_hard

_HARDER = re.compile(
    r"\b(?:(?:something|one|ones|it|them|questions?|a bit|a little) (?:a bit |a little |much )?harder"
    r"|harder (?:ones|questions|stuff|ones pls)|more (?:difficult|challenging)|too easy|(?:challenge|test) me|(?:zu|viel zu) (?:leicht|einfach)|schwierigere?"
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
_DISLIKES_MATHS = re.compile(
    r"\b(?:i (?:really |just |so |totally |absolutely )?(?:hate|h8|can'?t stand|don'?t like|dont like|do not like|loathe)"
    r" (?:maths?|fractions|this(?: stuff| subject)?|numbers)\b|\b(?:maths?|fractions) (?:is|are) (?:the worst|horrible|awful|stupid)"
    r"|ich hasse (?:mathe|matheaufgaben|br[üu]che|bruchrechnen|das)|ich mag (?:mathe|br[üu]che|das) nicht|ich mag keine br[üu]che"
    r"|mathe (?:ist )?(?:doof|bl[öo]d|schei(?:ß|ss)e|nervt)"
    r"|je (?:d[ée]teste|hais|n'aime pas|n'aime vraiment pas|aime pas) (?:les maths|les math[ée]matiques|les fractions|[çc]a)"
    r"|(?:odio|detesto|no me gustan?) (?:las mates|las matem[áa]ticas|las fracciones|esto)"
    r"|(?:odio|detesto|non sopporto|non mi piace|non mi piacciono) (?:la matematica|la mate|le frazioni|questa roba)"
    r"|ik haat (?:wiskunde|rekenen|breuken|dit)|ik vind (?:wiskunde|rekenen|breuken) (?:stom|vreselijk|niks)"
    r"|ik heb een hekel aan (?:wiskunde|rekenen|breuken)"
    r"|(?:eu )?(?:odeio|detesto) (?:matem[áa]tica|fra[çc][õo]es|isso|isto)"
    r"|(?:eu )?n[ãa]o gosto (?:de matem[áa]tica|de fra[çc][õo]es|disso|disto))\b", re.IGNORECASE)
"""A dislike of maths ("i hate maths", "ich hasse Mathe", "je déteste les maths", "odio las mates", "ik haat wiskunde",
"odeio matemática"): acknowledged before the move (reading 12, M6: "ich hasse mathe" got a worked example and not a
word about the feeling)."""
_PUNCTUATION_ONLY = re.compile(r"^[\s?!.…,;:¿¡-]+$")
_BORED = re.compile(
    r"\b(?:bo+ring|bored|zz+|yawn|so easy|easy peasy|baby stuff|(?:already|totally) know (?:this|all this|these|it)"
    r"|could do (?:these|this|it) (?:in my sleep|with my eyes closed)?|could do these|langweilig|langweile mich|ennuyeux|ennuyant"
    r"|je m'?ennuie|aburrido|aburrida|qu[eé] aburrimiento|noios[oa]|che noia|mi annoio|saai|ik verveel me|chato|chata"
    r"|que t[eé]dio|t[eé]dio)\b|🥱|😴", re.IGNORECASE)
_NOT_BORED = re.compile(r"\b(?:not|isn'?t|never|nicht|pas|no|non|niet|não) (?:\w+ )?(?:bo+ring|bored|langweilig|ennuyeux|aburrido|noioso|saai|chato)\b",
                        re.IGNORECASE)
_POINTLESS = re.compile(
    r"\b(?:pointless|what'?s the point|whats the point|why (?:do|would|should) (?:we|i|u|you) (?:even )?(?:need|have to|learn|do)"
    r"|why (?:are|do) we (?:even )?(?:doing|learning) (?:this|these|fractions)|(?:don'?t|dont|do not) (?:even )?see why we need"
    r"|wozu (?:brauche|brauchen|lerne|lernen)|(?:à|a) quoi (?:ça|ca) sert|para qu[eé] (?:sirve|necesito)|a cosa serve"
    r"|waarom moeten we|pra que serve|para que serve)\b", re.IGNORECASE)
_ACKNOWLEDGES = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|k+|oh+|ah+|mhm+|hm+|i see|got it|gotcha|makes sense|alright|right"
    # a laugh alone (eighth reading, L5: "lol" read as boredom got a harder item)
    r"|lol+|lmao|rofl|(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|(?:ja){2,}|xd+|mdr|k{3,}|rs(?:rs)+)[\s,.!]*)+\W*$"
    r"|^\W*(?:oh+|ah+|ok(?:ay)?)?[\s,]*i see (?:what|where|how|now|it)\b", re.IGNORECASE)
_THANKS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|oh|ah|cool|great|nice)[\s,!.]+)?(?:thanks?|thank (?:you|u)|thx|thnx|tnx|ty|tysm|cheers|ta"
    r"|danke(?: sch[öo]n| sehr)?|merci(?: beaucoup)?|(?:muchas )?gracias|grazie(?: mille)?|bedankt|dank (?:je|u)(?: wel)?"
    r"|dankjewel|obrigad[oa]|valeu)(?:[\s,]+(?:so much|a lot|lots|very much|mate|for (?:that|the help|helping|explaining)"
    r"|tutor|bot))*\W*$", re.IGNORECASE)
"""A thank-you alone ("thanks", "ok thank you", "merci"): "You're welcome" (ninth reading, L5: "Take your time")."""
# ninth reading, L5: "can we talk about minecraft instead" got the pizza explanation; not about people or feelings
_OTHER_TOPIC = re.compile(
    r"^(?!.*\b(?:my|me|mum|mom|dad|parents?|family|friends?|home|sad|feel\w*|worr\w*|scared|happened|something "
    r"(?:bad|serious|important)|mein\w*|mon|ma|mes|mi|mis|mio|mia|mijn|meu|minha)\b)"
    r".*\b(?:(?:can|could|shall|may) (?:we|i|u|you) (?:just |please )?(?:talk|chat|speak) (?:about|of)"
    r"|let'?s (?:talk|chat) about|(?:talk|chat) about \w+(?: \w+)? instead"
    r"|(?:k[öo]nnen|d[üu]rfen) wir (?:\w+ ){0,3}(?:über|ueber) \w+(?: \w+)? (?:reden|sprechen|quatschen)"
    r"|(?:on peut|on pourrait|est-ce qu'on peut|je peux) (?:plut[ôo]t )?parler (?:de|d'|du|des)"
    r"|(?:podemos|podr[íi]amos|puedo) (?:mejor )?hablar (?:de|sobre)|(?:possiamo|potremmo|posso) parlare (?:di|del|della|dei|delle)"
    r"|(?:kunnen|zullen|mogen) we (?:\w+ ){0,3}(?:over|het over) \w+(?: \w+)? (?:praten|kletsen|hebben)"
    r"|(?:podemos|a gente pode|posso) (?:falar|conversar) (?:de|do|da|sobre))", re.IGNORECASE)
_OTHER_QUESTION_START = re.compile(
    r"^\W*(?:who|whats|what'?s|what is|where|when|do (?:u|you)|can (?:u|you)|are (?:u|you)|r u|did (?:u|you)|have (?:u|you)"
    r"|wanna|u know|you know|hast du|hattest du|kannst du|bist du|tu as|as-tu|tu connais|tienes|viste|sabes|hai|conosci"
    r"|heb je|heb jij|ken je|tem|voc[eê]|vc)\b", re.IGNORECASE)


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


def thanks(text: str) -> bool:
    """"thanks", "ok thank you", "merci", "obrigada": a thank-you alone (seven languages)."""
    return _THANKS.search(text or "") is not None


def dislikes_maths(text: str) -> bool:
    """"i hate maths", "ich hasse mathe", "odio las mates" (seven languages, :data:`_DISLIKES_MATHS`)."""
    return _DISLIKES_MATHS.search((text or "").replace("’", "'")) is not None


def only_punctuation(text: str) -> bool:
    """"?", "...", "??": a mark, not words; a question mark among them is confusion."""
    return _PUNCTUATION_ONLY.match(text or "") is not None


def says_bored(text: str) -> bool:
    """"boooring 🥱", "this is baby stuff", "i already know all this", "que tédio" (seven languages), not
    "this isn't boring": boredom in words, which outranks an off-task reading of the message and a
    frustration reading of it."""
    return _BORED.search(text or "") is not None and _NOT_BORED.search(text or "") is None


def pointless(text: str) -> bool:
    """"this is so pointless", "why do we even need this", "à quoi ça sert": the rubric's frustration
    (a step down), whatever boredom the service read."""
    return _POINTLESS.search(text or "") is not None


def acknowledges(text: str) -> bool:
    """"ok.", "oh", "mhm", "ahh ok ok", "ahh i see what i did wrong", a laugh alone ("lol", "hahaha", "jajaja",
    "mdr"): the lesson goes on (a confusion, frustration or boredom reading of a bare "oh" or "lol" says
    nothing about the item)."""
    return _ACKNOWLEDGES.search(text or "") is not None


def asks_about_other_things(text: str) -> bool:
    """A question about something other than the lesson: "whats ur favorite color", "who programmed
    u", "viste el partido del madrid ayer?", "heb jij huisdieren?", "can we talk about minecraft instead" (three
    words or more, no word of
    the lesson, not "i'm lost"): redirected, whatever confusion the service read in it."""
    text = text or ""
    question = "?" in text or _OTHER_QUESTION_START.search(text) is not None or _OTHER_TOPIC.search(text) is not None
    return (question and len(text.split()) >= 3 and MATHS_WORDS.search(text) is None and not says_lost(text)
            and not says_too_hard(text) and not says_back(text) and not enjoys(text) and not insults_tutor(text))


def not_too_hard(text: str) -> bool:
    """Whether a frustration reading of ``text`` says nothing about the item being too hard: an
    insult to the tutor, a joke or "i'm calmer now" (not when the words also say "too hard", "i give
    up": "lol i give up")."""
    return (insults_tutor(text) or laughs(text) or calmer(text)) and not says_too_hard(text)
