"""A student's wellbeing comes before the lesson: risk, grief, being left out, a break or a wish to stop.

The crisis rule (config.yml) runs ``action_tutor_crisis``: where to get help now, a person from the
team alerted (a handoff in the dashboard's queue: connectors/handoff.py) and a check-in pending
(slot ``wellbeing_check``: "crisis", then "asked"). While one is pending, or when the student's
words are about something heavier than fractions (:func:`concern`), TutorAffectPolicy picks
``action_wellbeing``: an answer is still marked, but the next question waits until the student
says they are okay (third exploratory reading: "sometimes i wish i wasn't alive", then "2/5" got
"Correct, 2/5. Good thinking." and the next question; a grieving student got the pizza analogy;
"can we stop for today" got a quick-fire round).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from policies.situations import situation_of

GRIEF = re.compile(
    r"\bmy (?P<who>(?:grandma|grandpa|granny|grandad|grandmother|grandfather|nan|nana|gran|mum|mom|mother|dad|father|"
    r"brother|sister|uncle|aunt|auntie|cousin|best friend|friend|dog|cat|pet|hamster|rabbit)) (?:just |has |had )?"
    r"(?:died|passed away|passed|is dying|got put down|was put down)\b"
    r"|\b(?:funeral|passed away|lost my (?:grandma|grandpa|nan|gran|mum|mom|dad|brother|sister|best friend|dog|cat))\b")
LEFT_OUT = re.compile(
    r"\b(?:(?:every ?one|every ?body|they all|the whole class|people at school|my class|my friends) "
    r"(?:hates?|laughs? at|ignores?|makes fun of) me|(?:i'?m|im|i am|being|getting|got) (?:bullied|picked on)"
    r"|(?:no ?one|nobody)(?: at school| in my class| here)? (?:likes|talks to|sits with|wants) me|i (?:have|got) no friends)\b")
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
    r"\b(?:my )?(?:parents|mum and dad|mom and dad) (?:are |is )?(?:getting (?:a )?divorced?|divorcing|splitting up|separating|"
    r"breaking up|fighting (?:all the time|again|every day))\b|\b(?:shouting|screaming|fighting) at home\b")
STOP = re.compile(
    r"\b(?:can we|could we|can i|i want to|i wanna|let'?s|lets|please) (?:just )?(?:stop|finish|end|quit|be done)"
    r"(?: (?:for today|now|here|this|the lesson))?\b|\bstop for today\b|\b(?:i'?m|im|i am) done for today\b"
    r"|^\W*(?:stop|i'?m done|im done|i am done|i quit|quit|i want to quit|i wanna quit|enough|enough for today)\W*$"
    r"|\b(?:i'?m|im|i am) (?:so )?(?:tired|sleepy)\b.{0,30}\b(?:bed|sleep|stop)\b")
BREAK = re.compile(
    r"\b(?:(?:can|could|may) (?:i|we) (?:take|have|get) a (?:short |quick |little |small )?break"
    r"|(?:i|we) (?:need|want|wanna|could use) a (?:short |quick |little |small )?break|(?:take|have) a (?:short |quick )?break"
    r"|(?:stop|pause) for a (?:bit|minute|moment|sec|second|few minutes)|need a breather|brb|be right back"
    r"|(?:eine |kurze )pause|pause machen|(?:une|faire une) pause|un descanso|descansar un poco|una pausa|"
    r"(?:een|even) pauze|uma pausa)\b|^\W*(?:a )?(?:break|pause)(?: please| pls)?\W*$")
"""A short break asked for ("can i take a break", "brb", "eine Pause"): the place is kept (third reading, M21)."""
OKAY = re.compile(
    r"^\W*(?:yes|yeah|yep|ya|ok|okay|fine|good|better|safe|i'?m (?:ok|okay|fine|good|better|safe)|im (?:ok|okay|fine|good|better|safe)"
    r"|i am (?:ok|okay|fine|good|better|safe)|i told (?:my|a|the) \w+)\b(?!.{0,30}\b(?:not|but|no)\b)")

SORRY_FOR = "I'm so sorry about {who}. It makes sense that it's hard to focus right now."
STOP_FOR_TODAY = ("We can stop here for today; your progress is saved, and you can pick up where you left off any time. "
                  "If you'd like to talk about how you're feeling, a teacher or an adult you trust is a good person to tell.")
HARM_LINE = ("Thank you for telling me. That's not okay, and it's not your fault. Is there a teacher or another adult you "
             "trust who you could tell today? I'm also letting a person from our team know; they may write to you here. If "
             "you are in danger right now, call your local emergency number.")
HOME_LINE = ("That sounds really hard, and it's not your fault. Is there an adult you trust, like a teacher, you could talk to "
             "about it? We can go on with fractions whenever you're ready, or stop for today.")
WAITING = re.compile(r"\b(?:is (?:someone|anyone|any ?one|somebody) (?:coming|there)|when will (?:someone|they)|how long|"
                     r"nobody (?:is )?coming|no one (?:is )?coming|still waiting)\b")
NOT_YET = ("I've let a person from our team know. If nobody has written yet, please don't wait for us: tell an adult near "
           "you now, or call your local emergency number.")
LEFT_OUT_LINE = ("I'm sorry, that sounds really hard, and nobody deserves to feel like that. Is there a teacher or an adult "
                 "at home you could tell about it? We can go on with fractions whenever you're ready, or stop for today.")
BREAK_LINE = ("Good idea. Take five minutes: stand up, stretch, have a drink of water. Your place is saved; just write "
              "when you're back.")
WELCOME_BACK = "Welcome back!"
STOPPING = "Of course, let's stop here for today. Thanks for sticking with it; your progress is saved for next time."
CHECK_IN = ("Before we go on, I'm still thinking about what you wrote. Are you okay right now? Is there an adult near you "
            "that you could tell? I've also let a person from our team know; they may write to you here.")
ASK_AGAIN = "Before the next one, I'd like to know: are you okay right now? Have you been able to tell an adult?"
GLAD = "I'm really glad. If those feelings come back, please tell an adult you trust, or tell me. Let's carry on when you're ready."
NOT_OKAY = ("I'm sorry things are this hard. Please talk to an adult you trust now, or call or text 988 (US) or call "
            "Samaritans on 116 123 (UK); if you are in danger, call your local emergency number. Fractions can wait.")


def concern(text: str) -> Optional[str]:
    """"harm_at_home", "grief", "home", "left_out", "break" or "stop" when the student's words are
    about that; else None."""
    lowered = (text or "").lower().replace("’", "'")
    if situation_of(text) in ("abuse", "emergency_other", "friend_at_risk"):
        return "harm_at_home"
    for name, pattern in (("harm_at_home", HARM_AT_HOME), ("grief", GRIEF), ("home", HOME), ("left_out", LEFT_OUT),
                          ("break", BREAK), ("stop", STOP)):
        if pattern.search(lowered):
            return name
    return None


def reply(text: str, pending: Optional[str], answered: bool = False) -> Tuple[List[str], Optional[str], bool]:
    """What the tutor says to ``text`` with the check-in ``pending`` (None, "crisis", "asked" or
    "break": the student is on a break, and is welcomed back by the next move, not here):
    (lines, the check-in pending after this turn, whether the lesson goes on: the current
    question restated). ``answered``: the text was an answer to the exercise (marked), which
    says nothing about how the student is."""
    lowered = (text or "").lower().replace("’", "'")
    kind = concern(text)
    if pending == "asked" and answered and kind is None and not OKAY.search(lowered):
        return [ASK_AGAIN], "asked", False
    if pending and WAITING.search(lowered):  # "is someone coming?" (fourth exploratory reading)
        return [NOT_YET], pending, False
    if kind == "harm_at_home":  # a person from the team is alerted too (wellbeing_actions.ActionWellbeing)
        return [HARM_LINE], "asked", False
    if pending == "asked" and kind is None:
        return ([GLAD], None, True) if OKAY.search(lowered) else ([NOT_OKAY], "asked", False)
    if pending == "crisis":
        return [CHECK_IN], "asked", False
    if kind == "grief":
        found = GRIEF.search(lowered)
        who = f"your {found.group('who')}" if found and found.group("who") else "your loss"
        return [SORRY_FOR.format(who=who), STOP_FOR_TODAY], pending, False
    if kind == "left_out":
        return [LEFT_OUT_LINE], pending, False
    if kind == "home":
        return [HOME_LINE], pending, False
    if kind == "break":
        return [BREAK_LINE], pending or "break", False
    if kind == "stop":
        return [STOPPING], pending, False
    return [], pending, True
