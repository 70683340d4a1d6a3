"""A student's wellbeing comes before the lesson: risk, grief, trouble at home, being left out or bullied,
test anxiety, words of not wanting to be here, a break or a wish to stop.

The crisis rule (config.yml) runs ``action_tutor_crisis``: where to get help now, a person from the
team alerted (a handoff in the dashboard's queue: connectors/handoff.py) and a check-in pending
(slot ``wellbeing_check``: "crisis", then "asked"). While one is pending, or when the student's
words are about something heavier than fractions (:func:`concern`), TutorAffectPolicy picks
``action_wellbeing``: an answer is still marked, but the next question waits until the student
says they are okay (third exploratory reading: "sometimes i wish i wasn't alive", then "2/5" got
"Correct, 2/5. Good thinking." and the next question; a grieving student got the pizza analogy;
"can we stop for today" got a quick-fire round). Sixth reading: "my parents were fighting again all
night", "someone at school called me stupid", "i'm really scared i'll fail" and "my mum will be so angry" got a
step down (H8); "i should just disappear" got no check-in (H9; its answer is now read like the check-in's
after risk, and "not okay" alerts a person from the team); a break or a stop in the six other languages was
parked as off-task (H10). Once a person from the team has claimed the alert, the tutor steps back and
does not talk over them (M11). The replies are in the student's language (lines.py); the words read
here are mostly English, with a break, a stop and test worries in the six other languages.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from policies.situations import situation_of

from .lines import say, word
from .remarks import SELF_PUT_DOWN

GRIEF = re.compile(
    r"\bmy (?P<who>(?:grandma|grandpa|granny|grandad|grandmother|grandfather|nan|nana|gran|mum|mom|mother|dad|father|"
    r"brother|sister|uncle|aunt|auntie|cousin|best friend|friend|dog|cat|pet|hamster|rabbit)) (?:just |has |had )?"
    r"(?:died|passed away|passed|is dying|got put down|was put down)\b"
    r"|\b(?:funeral|passed away|lost my (?:grandma|grandpa|nan|gran|mum|mom|dad|brother|sister|best friend|dog|cat))\b")
LEFT_OUT = re.compile(
    r"\b(?:(?:every ?one|every ?body|they all|the whole class|people|my class|my friends|the other kids|kids)"
    r"(?: at school| in my class| here)? (?:all )?(?:hates?|laughs? at|ignores?|makes? fun of|picks? on) me"
    r"|(?:i'?m|im|i am|being|getting|got|was|keep getting) (?:bullied|picked on|left out)"
    r"|(?:no ?one|nobody)(?: at school| in my class| here)? (?:likes|talks to|sits with|wants|plays with) me"
    r"|i (?:have|got) no friends"
    # sixth reading, H8: "someone at school called me stupid"
    r"|(?:some ?one|some ?body|people|kids|a kid|a boy|a girl|they|he|she|everyone)(?: at school| in my class)? "
    r"(?:called|calls|keeps? calling|always calls?) me (?:stupid|dumb|names|fat|ugly|weird|a loser|an idiot|an? \w+ names"
    r"|a freak|a baby|a nerd|thick|useless))\b")
HARM_AT_HOME = re.compile(
    r"\b(?:my )?(?:dad|mum|mom|father|mother|stepdad|stepmum|stepmom|step dad|parents?|brother|sister|uncle|aunt|"
    r"grandad|grandpa|mums boyfriend|moms boyfriend|he|she|they|someone) (?:always |sometimes |keeps? |often )?"
    r"(?:hits?|beats?|hurts?|kicks?|punch(?:es)?|slaps?|chokes?|touches|locks?) me\b"
    r"|\b(?:scared|afraid|frightened) (?:to go|of going) home\b|\bnot safe at home\b|\bget hit at home\b"
    r"|\b(?:hit|hits|beat|beats|hurt|hurts|punched|slapped) (?:my )?(?:mum|mom|mother|sister|brother)\b"
    r"|\b(?:no|isnt any|isn't any|never any) food (?:at home|in the house)\b|\b(?:havent|haven't|have not) eaten since\b")
"""Harm or neglect at home ("my dad hit my mum", "there's no food at home"); situations.py's abuse and someone
else's emergency or risk count too ("a kid said hes going to stab me after school": fifth reading)."""
HOME = re.compile(
    r"\b(?:my )?(?:parents|mum and dad|mom and dad|dad and mum|mom and stepdad|mum and stepdad) (?:are |were |keep |have been |"
    r"always |)(?:getting (?:a )?divorced?|divorcing|splitting up|separating|breaking up|"
    # sixth reading, H8: "my parents were fighting again all night"
    r"(?:fighting|arguing|shouting|screaming|yelling)|(?:had|have) (?:a |another )?(?:big )?(?:fight|row|argument))\b"
    r"|\b(?:shouting|screaming|fighting|yelling|arguing) at home\b")
ANGRY_AT_HOME = re.compile(
    r"\bmy (?:mum|mom|mother|dad|father|parents|stepdad|stepmum|stepmom|mum and dad|mom and dad) "
    r"(?:will|is going to|are going to|gonna|would|'ll) (?:be )?(?:so |really |very |super )?"
    r"(?:angry|mad|furious|cross|kill me|shout at me|yell at me|hit me)\b")
"""Fear of a parent's anger ("my mum will be so angry"): asked whether they are safe at home (sixth reading, H8)."""
TEST_WORRY = re.compile(
    r"\b(?:scared|afraid|worried|nervous|anxious|terrified|stressed|panicking|freaking out)\b.{0,40}"
    r"\b(?:fail|failing|test|exam|quiz|grades?|marks?|results?|sats)\b"
    r"|\b(?:test|exam|quiz|sats)\b.{0,40}\b(?:scared|afraid|worried|nervous|anxious|terrified|stressed|panicking)\b"
    r"|\b(?:angst|peur|miedo|paura|bang|medo)\b.{0,40}\b(?:test|pr[üu]fung|arbeit|examen|contr[ôo]le|esame|verifica|"
    r"toets|prova|teste)\b")
"""Test anxiety ("i have a test tomorrow and i'm really scared i'll fail"; sixth reading, H8)."""
DISAPPEAR = re.compile(
    r"\b(?:i (?:should|want to|wanna|wish i could|just want to|might as well|could just)|i'?d rather) (?:just )?"
    r"(?P<word>disappear|vanish|not exist|not be here|stop existing|be gone|not wake up)\b"
    r"|\bi wish i (?:was|were|wasn'?t|weren'?t) (?P<wish>never born|not born|not here|not alive|dead|gone)\b"
    r"|\b(?P<better>every ?one would be better off without me)\b")
"""Words of not wanting to be here, below the crisis detector's threshold ("i'm so stupid i should just
disappear", risk 0.129): a check-in, and the lesson waits for its answer (sixth reading, H9)."""
STOP = re.compile(
    r"\b(?:can we|could we|can i|i want to|i wanna|let'?s|lets|please) (?:just )?(?:stop|finish|end|quit|be done)"
    r"(?: (?:for today|now|here|this|the lesson))?\b|\bstop for today\b|\b(?:i'?m|im|i am) done for today\b"
    r"|^\W*(?:stop|i'?m done|im done|i am done|i quit|quit|i want to quit|i wanna quit|enough|enough for today)\W*$"
    r"|\b(?:i'?m|im|i am) (?:so )?(?:tired|sleepy)\b.{0,30}\b(?:bed|sleep|stop)\b"
    # the six other languages the tutor reads (sixth reading, H10: "je suis fatiguée, on peut arrêter ?")
    r"|\b(?:k[öo]nnen wir|ich (?:will|m[öo]chte)|lass uns|d[üu]rfen wir) (?:jetzt |bitte )?(?:aufh[öo]ren|schluss machen)"
    r"|\bh[öo]ren wir auf\b|\b(?:genug|schluss) f[üu]r heute\b"
    r"|\b(?:on peut|je peux|je veux|j'ai envie d'|on pourrait|est-ce qu'on peut) (?:s')?(?:arr[êe]ter|finir)"
    r"|\barr[êe]tons\b|\b(?:c'est )?(?:assez|fini) pour aujourd'hui\b"
    r"|\b(?:podemos|puedo|quiero|quisiera|vamos a) (?:parar|terminar|dejarlo|acabar)|\bparemos\b|\bbasta por hoy\b"
    r"|\b(?:possiamo|posso|voglio|vorrei) (?:smettere|fermarci|finire|basta)|\bbasta per oggi\b|\bsmettiamo\b"
    r"|\b(?:kunnen we|mag ik|ik wil|laten we) (?:nu )?(?:stoppen|ophouden)|\bgenoeg voor vandaag\b"
    r"|\b(?:podemos|posso|quero|vamos) (?:parar|terminar|acabar)|\bchega por hoje\b")
BREAK = re.compile(
    r"\b(?:(?:can|could|may) (?:i|we) (?:take|have|get) a (?:short |quick |little |small )?break"
    r"|(?:i|we) (?:need|want|wanna|could use) a (?:short |quick |little |small )?break|(?:take|have) a (?:short |quick )?break"
    r"|(?:stop|pause) for a (?:bit|minute|moment|sec|second|few minutes)|need a breather|brb|be right back"
    r"|(?:eine |kurze )pause|pause machen|(?:une|faire une|petite) pause|un descanso|descansar un poco|una pausa|"
    r"(?:een|even) pauze|pauze (?:nemen|houden)|uma pausa|um intervalo|descansar um pouco"
    # sixth reading, H10: the six other languages in their everyday forms
    r"|(?:k[öo]nnen wir|kann ich|darf ich) (?:kurz )?(?:eine )?pause|(?:je peux|on peut|on fait) (?:faire )?une pause"
    r"|(?:podemos|puedo|posso|possiamo) (?:descansar|riposare|fare una pausa)|(?:mag ik|kunnen we) (?:even )?pauze)\b"
    r"|^\W*(?:a )?(?:break|pause|pauze|pausa|descanso)(?: please| pls| bitte| s'il te pla[iî]t| por favor| per favore)?\W*$")
"""A short break asked for ("can i take a break", "brb", "eine Pause"): the place is kept (third reading, M21)."""
OKAY = re.compile(
    r"^\W*(?:yes|yeah|yep|ya|ok|okay|fine|good|better|safe|i'?m (?:ok|okay|fine|good|better|safe)|im (?:ok|okay|fine|good|better|safe)"
    r"|i am (?:ok|okay|fine|good|better|safe)|i told (?:my|a|the) \w+"
    # the six other languages the tutor speaks ("ja, mir geht's gut" had read as not okay: the team alerted)
    r"|ja|jap|jo|mir geht'?s (?:gut|besser)|es geht mir (?:gut|besser)|alles (?:gut|ok|okay|klar)|gut|besser"
    r"|oui|ouais|[çc]a va(?: mieux)?|je vais (?:bien|mieux)|tout va bien"
    r"|s[iíì]|estoy (?:bien|mejor)|todo bien|bien|mejor"
    r"|sto (?:bene|meglio)|tutto (?:bene|ok)|bene|meglio"
    r"|het gaat(?: wel)?(?: goed| beter)?|alles (?:goed|oké)|goed|beter"
    r"|sim|estou (?:bem|melhor)|t[oô] bem|tudo bem|bem|melhor"
    r"|ich habe es (?:meiner|meinem|einer|einem) \w+ gesagt|je l'ai dit [àa] (?:ma|mon) \w+|se lo dije a (?:mi|un|una) \w+"
    r"|l'ho detto a (?:mia|mio|una|un) \w+|ik heb het (?:aan )?(?:mijn|een) \w+ (?:verteld|gezegd)|contei (?:pra|para a|para o|à|ao) \w+)"
    r"\b(?!.{0,30}\b(?:not|but|no|nicht|kein|aber|pas|mais|non|pero|ma|niet|maar|geen|n[ãa]o|mas)\b)")
"""An answer to the check-in that says the student is okay, in the seven languages the tutor speaks;
a "but" or a "not" soon after ("ja, aber nicht wirklich") is not okay."""

WAITING = re.compile(r"\b(?:is (?:someone|anyone|any ?one|somebody) (?:coming|there)|when will (?:someone|they)|how long|"
                     r"nobody (?:is )?coming|no one (?:is )?coming|still waiting)\b")



ASKS_IF_SAFE = frozenset({"harm_at_home", "disappear", "angry_at_home"})
"""The concerns whose reply asks whether the student is okay or safe: the lesson waits for the answer."""


def concern(text: str) -> Optional[str]:
    """"harm_at_home", "disappear", "grief", "home", "angry_at_home", "left_out", "test_worry", "break"
    or "stop" when the student's words are about that; else None."""
    lowered = (text or "").lower().replace("’", "'")
    if situation_of(text) in ("abuse", "emergency_other", "friend_at_risk"):
        return "harm_at_home"
    for name, pattern in (("harm_at_home", HARM_AT_HOME), ("disappear", DISAPPEAR), ("grief", GRIEF), ("home", HOME),
                          ("angry_at_home", ANGRY_AT_HOME), ("left_out", LEFT_OUT), ("test_worry", TEST_WORRY),
                          ("break", BREAK), ("stop", STOP)):
        if pattern.search(lowered):
            return name
    return None


REPLIES = {"left_out": "left_out_line", "test_worry": "test_worry_line", "home": "home_line", "stop": "stopping"}
"""The concerns answered with one kind line (lines.yml), the check-in pending left as it was."""


def reply(text: str, pending: Optional[str], answered: bool = False,
          lang: str = "en") -> Tuple[List[str], Optional[str], bool]:
    """What the tutor says to ``text`` with the check-in ``pending`` (None, "crisis", "asked" or
    "break": the student is on a break, and is welcomed back by the next move, not here):
    (lines in ``lang``, the check-in pending after this turn, whether the lesson goes on: the
    current question restated). ``answered``: the text was an answer to the exercise (marked),
    which says nothing about how the student is."""
    lowered = (text or "").lower().replace("’", "'")
    kind = concern(text)
    if pending == "asked" and answered and kind is None and not OKAY.search(lowered):
        return [say("ask_again", lang)], "asked", False
    if pending and WAITING.search(lowered):  # "is someone coming?" (fourth exploratory reading)
        return [say("not_yet", lang)], pending, False
    if kind == "harm_at_home":  # a person from the team is alerted too (wellbeing_actions.ActionWellbeing)
        return [say("harm_line", lang)], "asked", False
    if kind == "disappear":  # asked once, and the answer read as a check-in's (sixth reading, H9)
        words = DISAPPEAR.search(lowered).group(0)
        not_stupid = [say("not_stupid", lang)] * bool(SELF_PUT_DOWN.search(lowered))
        return not_stupid + [say("disappear_line", lang, words=words)], "asked", False
    if kind == "angry_at_home":  # sixth reading, H8: "my mum will be so angry" got a step down
        return [say("angry_at_home_line", lang)], "asked", False
    if pending == "asked" and kind is None:
        return ([say("glad", lang)], None, True) if OKAY.search(lowered) else ([say("not_okay", lang)], "asked", False)
    if pending == "crisis":
        return [say("check_in", lang)], "asked", False
    if kind == "grief":
        found = GRIEF.search(lowered)
        loss = say("your_loss", lang)
        who = word("relatives", found.group("who"), lang, loss) if found and found.group("who") else loss
        return [say("sorry_for", lang, who=who), say("stop_for_today", lang)], pending, False
    if kind == "break":
        return [say("break_line", lang)], pending or "break", False
    if kind in REPLIES:
        return [say(REPLIES[kind], lang)], pending, False
    return [], pending, True
