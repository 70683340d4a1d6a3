"""What a person tells while the C-SSRS questions run that cannot wait for the next question: a
plan, a time ("tonight"), means at hand, a note or letter, "I've got everything ready".

The screen asks about such things in order; a person who says them unasked has answered more than
the question, and the questionnaire ends at once with the escalation a clear high-risk message gets
outside it (seventh exploratory reading, H2: "actually tonight. i've got everything ready" got
"Have you been thinking about how you might do it?"). Told by either:

- the message's own crisis reading: high, with a category of ``ACUTE_CATEGORIES`` (the service's
  ``derived.crisis``: ``turn_flag`` / ``flag``, ``level``, ``category``), or warning-sign language
  of those categories that the message states (``explicit``, ``categories``: "ik heb al een
  afscheidsbrief geschreven" read only "possible 0.64");
- its words, in seven languages (screener.yml ``disclosures``: ``told``; a ``time`` that is the
  answer or comes with ``doing_it``; means at hand, one of ``having`` before one of the means the
  bank knows: "ya tengo todo preparado" read 0.46), not denied in the words just before them ("no,
  not tonight", "ik heb geen afscheidsbrief").
- (ninth exploratory reading, H3: "i looked up the train times", "my shoes are already on", "j'ai tout réglé", "Sag
  meiner Schwester, dass ich sie lieb hab. Lebt wohl." and "the sea ... its like 5 min from my place" got the next
  question or "we don't have to go through these questions now") affairs settled (``settled``), a farewell
  (``farewell``, or a message to be passed on: ``PASSED_ON``), a method looked up (one of ``looked_up`` before one of
  ``looked_for``), under way (``under_way``), a place said with "now" or nearness (one of ``places`` and one of
  ``near``).
- (eleventh exploratory reading, H1, H4: "it's in the closet, loaded" after "still got my service pistol", "I just told
  you, tonight" after "I've saved up enough of my tablets and tonight's the night" and "hüt znacht" got the question
  again, then a goodbye) what an answer names (:func:`named`): means or a place, means pointed back to, a time once
  means or a time were told. And the message that would start the screen (:func:`told_with_first_risk`): words that
  tell, an act coming, means with a time, or means or a time under the models' own high flag ("eat my gun") are no
  screen question.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Optional, Sequence

from actions import screener
from actions.bank import bank

ACUTE_CATEGORIES = ("plan", "intent", "method", "preparatory_acts")
"""The crisis categories that say what the screen's later questions ask about (a way, an intent, a
plan, preparations): read high, or stated, during the screen they end it."""
DENIED_WITHIN = 3
"""Words before a disclosure read for a denial ("i haven't written a note"); a no earlier in a message
that goes on ("nee, maar ik heb al een brief geschreven") denies nothing."""
HAVING_GAP = 2
"""Means at hand: at most this many words between the having and the means ("i've got all the pills")."""
LOOKED_UP_GAP = 4
"""A method looked up: at most this many words between the looking up and what was looked up ("i looked up the
train times")."""
PLACE_DENIED_WITHIN = 5
"""Words before a place read for a denial ("im not going anywhere near the bridge now")."""
PASSED_ON = re.compile(
    r"\b(?:tell|say to) (?:\w+ ){1,3}(?:that )?i(?: love| loved| am sorry|'m sorry|m sorry)\b"
    r"|\bsag(?:t|en sie)? (?:\w+ ){1,3}(?:dass )?ich (?:(?:hab |habe )?(?:sie|ihn|euch|dich|es) (?:sehr )?lieb|liebe (?:sie|ihn|euch|dich))\b"
    r"|\bdi(?:s|tes) a (?:\w+ ){1,3}que je (?:l'|les |t'|vous )?aim"
    r"|\b(?:di(?:le|les|ga|ganle|gale)|decidle) a (?:\w+ ){1,3}que (?:la |lo |los |las |les |te )?quiero\b"
    r"|\b(?:di'?|dite|dille|digli) a (?:\w+ ){1,3}che (?:le |gli |vi |ti )?voglio bene\b"
    r"|\bzeg (?:tegen |aan )?(?:\w+ ){1,3}dat ik (?:van )?(?:haar|hem|jullie|ze|hen|je) hou"
    r"|\bdi(?:ga|z|gam|zei)(?: pra| para| a| ao| as| aos)? (?:\w+ ){1,3}que (?:eu )?(?:a |o |os |as |te )?amo\b")
"""A last message to be passed on ("tell my mum i love her", "sag meiner schwester, dass ich sie lieb hab", "dis à
ma sœur que je l'aime", "dile a mi hermana que la quiero", "dite a mia madre che le voglio bene", "zeg tegen mijn zus
dat ik van haar hou", "diga à minha irmã que eu a amo"), folded."""
SAID_OF_ONESELF = r"i'?ll|ill|i will|i should|i want to|i wanna|gonna|going to|i can|i could|i need to|i have to|i must|to"
"""Before a "tell ... i love": the person's own intention ("i'll tell my mum i love her more"), no last message."""


def disclosed(text: str, crisis: Mapping[str, Any]) -> Optional[str]:
    """What ``text`` (a message during the screen, read as ``crisis``: its ``derived.crisis``) tells
    that ends the screen: the crisis category read or stated, else the kind of words ("told",
    "at_hand", "time"), else None."""
    own_flag = crisis.get("turn_flag", crisis.get("flag"))
    if own_flag and crisis.get("level") == "high" and crisis.get("category") in ACUTE_CATEGORIES:
        return str(crisis["category"])
    stated = [c for c in crisis.get("categories") or [] if c in ACUTE_CATEGORIES]
    if crisis.get("explicit") and stated:
        return stated[0]
    folded = screener.fold(text or "")
    words = screener.config()["disclosures"]
    timed = len(folded.split()) <= words["time_alone"] or _pattern("doing_it").search(folded)
    for kind in ("told", "at_hand", *(["time"] if timed else []), "settled", "farewell", "looked_up", "under_way"):
        for found in _pattern(kind).finditer(folded):
            if not _denied(folded, found.start()):
                return kind
    if any(not re.search(rf"\b(?:{SAID_OF_ONESELF})\W*$", folded[:found.start()]) for found in PASSED_ON.finditer(folded)):
        return "farewell"  # "sag meiner schwester, dass ich sie lieb hab", not "i'll tell my mum i love her more"
    if _pattern("near").search(folded):
        for found in _pattern("places").finditer(folded):
            if not _denied(folded, found.start(), PLACE_DENIED_WITHIN):
                return "place"
    return None


def named(text: str, earlier: Sequence[str] = ()) -> Optional[str]:
    """What an answer during the screen names that is a yes to the risk asked about (eleventh reading, H1, H4), or None:
    "means" (the bank's means, medicine and places, screener.yml ``means_more``), "pointed" (means pointed back to,
    ``pointed_back``, after means were named in ``earlier``, the person's messages since the screen began), "time" (a
    time once means or a time were told in ``earlier``); none denied just before, none in a question of the
    person's own ("what pills?"), none under a laugh alone ("might just walk into the sea lol" is asked again)."""
    from actions.question_form import is_question

    folded = screener.fold(text or "")
    if not folded or is_question(text) or screener.laughed_only(text):  # a laugh over a way is asked again (ninth, H3)
        return None
    told_before = [screener.fold(said) for said in earlier]
    if _found("means", folded):
        return "means"
    if any(_found("means", said) for said in told_before) and _found("pointed_back", folded):
        return "pointed"
    if any(_found("means", said) or _found("time", said) for said in told_before) and _found("time", folded):
        return "time"
    return None


PLAN_ALONE_WORDS = 2
"""Words besides the plan's ("yeah i have a plan now") that still say nothing of what the plan is."""


def plan_unsaid(text: str) -> bool:
    """Whether ``text`` says the person has a plan and nothing of what (screener.yml ``plan_alone``: "i have a plan",
    "tengo un plan", "ik heb een plan"), with at most ``PLAN_ALONE_WORDS`` more words and no question of their own
    (eleventh reading, M5: "i have a plan" got "So you have a plan. Thank you for telling me that.")."""
    from actions.question_form import is_question

    folded = screener.fold(text or "")
    found = screener.words_in(screener.config()["plan_alone"]).search(folded)
    rest = (folded[:found.start()] + folded[found.end():]).split() if found else []
    return bool(found) and len(rest) <= PLAN_ALONE_WORDS and not is_question(text)


def told_with_first_risk(text: str, crisis: Mapping[str, Any]) -> Optional[str]:
    """What the message that would start the screen tells that is no screen question (eleventh reading, H1: "Still got
    my service pistol in the closet ... eat my gun", "I've saved up enough of my tablets and tonight's the night" and
    "ich spring heute vom Dach" got the first question, no numbers and no handoff), or None: its words tell
    (:func:`disclosed` without the models' reading), an act coming (handoff_imminent.py ``imminent``), means with a time
    ("means and time"), or means or a time (``times_at_start``) under the message's own flag (``crisis``: its
    ``derived.crisis``)."""
    from actions.direct_ask import laughed_over_words
    from actions.handoff_imminent import imminent

    told = disclosed(text, {})
    # a time beside a laugh the service asks about first and did not read as a plan is not theirs: "...40 times to the
    # final boss tonight, i literally want to kill myself lmao" (thirteenth reading, M3)
    game_time = crisis.get("category") != "plan" and laughed_over_words(crisis)
    if told and not (told == "time" and game_time):
        return told
    if imminent(text):
        return "an act coming"
    folded = screener.fold(text or "")
    means, time = _found("means", folded), _found("times_at_start", folded)
    if means and _found("time", folded):
        return "means and time"
    if crisis.get("turn_flag", crisis.get("flag")) and (means or time):
        if not means and game_time:
            return None
        return "means named" if means else "time named"
    return None


def _found(kind: str, folded: str) -> bool:
    """Whether one of ``kind``'s words (:func:`_pattern`) is in ``folded`` and not denied just before it."""
    return any(not _denied(folded, found.start()) for found in _pattern(kind).finditer(folded))


def acute(crisis: Mapping[str, Any]) -> bool:
    """Whether a message's crisis reading (``derived.crisis``) is possible or high risk of a kind the screen's
    later questions ask about (``ACUTE_CATEGORIES``: "might just walk into the sea lol" read possible, plan)."""
    return (crisis.get("level") or "none") in ("possible", "high") and crisis.get("category") in ACUTE_CATEGORIES


def _denied(folded: str, start: int, within: int = DENIED_WITHIN) -> bool:
    """Whether the ``within`` words before ``start`` in ``folded`` deny what follows ("no, not tonight"); a "no" just
    before a place is Portuguese for "in the" ("tô no telhado agora")."""
    before = folded[:start].split()[-within:]
    if within == PLACE_DENIED_WITHIN and before and before[-1] == "no":
        before = before[:-1]
    return screener.denies(" ".join(before))


@lru_cache(maxsize=16)
def _pattern(kind: str) -> re.Pattern:
    """The words of screener.yml ``disclosures.<kind>`` as one pattern; ``at_hand``: one of
    ``having`` at most ``HAVING_GAP`` words before one of the bank's means or medicine."""
    words = screener.config()["disclosures"]
    if kind == "at_hand":
        means = [*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"]]
        body = f"(?:{_alternatives(words['having'])})(?: \\w+){{0,{HAVING_GAP}}} (?:{_alternatives(means)})"
    elif kind == "looked_up":
        body = f"(?:{_alternatives(words['looked_up'])})(?: [\\w']+){{0,{LOOKED_UP_GAP}}} (?:{_alternatives(words['looked_for'])})"
    elif kind == "places":
        body = _alternatives([*words["places"], *bank().handoff["place"]["words"]])
    elif kind == "means":  # eleventh reading, H1: means or a place, wherever in the message
        body = _alternatives([*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"], *words["places"],
                              *bank().handoff["place"]["words"], *words["means_more"]])
    else:
        body = _alternatives(words[kind])
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _alternatives(words: Sequence[str]) -> str:
    """``words`` folded, escaped and joined, the longest first."""
    return "|".join(sorted({re.escape(screener.fold(w)) for w in words}, key=len, reverse=True))
