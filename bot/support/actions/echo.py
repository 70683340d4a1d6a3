"""The person's own words said back to them, for a restatement that shows the message was read.

    said_back("like im exhausted all day then 11pm hits and im wide awake")
    -> "you're exhausted all day then 11pm hits and you're wide awake"

A listener's restatement takes up what was said ("so your boss yelled at you in front of
everyone"); a line from a bank cannot. This module picks one clause of the message that speaks
about the person (a first-person statement, not a question), expands chat spellings, turns
first person into second ("i was" -> "you were", "my" -> "your") and returns it, or None when
no clause can be said back safely:

- the clause addresses someone as "you" (swapping both ways garbles it), asks something, or is
  shorter than ``MIN_WORDS`` or longer than ``MAX_WORDS``;
- the message carries words that must never be parroted (self-harm, death, means, hate of
  oneself, notes and wills: the crisis flow and a human answer those, not an echo);
- it reads as a question without its question mark ("why do i always...", "what am i doing").

English only: the other languages' lines name topic and feeling instead (listening.py).
"""
from __future__ import annotations

import re
from typing import List, Optional

MIN_WORDS, MAX_WORDS = 3, 16
GOOD_WORDS = 5
"""The first clause of at least this many words is preferred to shorter ones before it."""
FIRST_PERSON = {"i", "im", "i'm", "ive", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}
SWAP = {"i": "you", "im": "you're", "i'm": "you're", "ive": "you've", "i've": "you've", "i'd": "you'd", "id": "you'd",
        "i'll": "you'll", "me": "you", "my": "your", "mine": "yours", "myself": "yourself"}
AFTER_I = {"was": "were", "wasnt": "weren't", "wasn't": "weren't", "am": "are", "amnt": "aren't"}
SPELLING = {"dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
            "isnt": "isn't", "havent": "haven't", "hasnt": "hasn't", "couldnt": "couldn't", "shouldnt": "shouldn't",
            "wouldnt": "wouldn't", "arent": "aren't", "werent": "weren't", "its": "it's", "thats": "that's",
            "theres": "there's", "whats": "what's", "shes": "she's", "hes": "he's", "whos": "who's",
            "everyones": "everyone's", "nobodys": "nobody's", "rn": "right now", "bc": "because",
            "cuz": "because", "coz": "because", "bf": "boyfriend", "gf": "girlfriend", "ppl": "people",
            "smth": "something", "sth": "something", "abt": "about", "w/": "with", "tho": "though", "thru": "through",
            "ur": None, "u": None, "you": None, "your": None, "youre": None, "you're": None,
            "yourself": None, "ya": None, "yall": None}
"""Chat spellings said back in full; None: a word that addresses someone, so no clause with it is said back."""
LEADING = {"like", "so", "and", "but", "then", "also", "well", "honestly", "tbh", "ngl", "lol", "idk", "ok", "okay",
           "yeah", "yea", "yes", "no", "nah", "um", "uh", "hmm", "just", "basically", "anyway", "anyways", "oh", "omg",
           "plus", "because", "cause", "cos", "sorry", "ugh", "urgh", "hey", "hi", "hello", "btw"}
QUESTION_START = {"why", "what", "how", "when", "where", "who", "which", "do", "does", "did", "is", "are", "am", "was",
                  "can", "could", "should", "would", "will", "have", "has", "any", "anyone"}
INVERSION = re.compile(r"\b(am|was|do|did|should|could|can|would|will) i\b")
"""A question without its question mark ("what am i even doing this for")."""
ILL_BEFORE = {"maybe", "then", "so", "and", "but", "probably", "prob", "definitely", "def", "ok", "okay"}
TRAILING = {"lol", "lmao", "haha", "hahaha", "tbh", "ngl", "idk", "honestly", "anyway", "anyways", "though", "lmfao",
            "xd", "smh", "fr", "ugh", "swear", "guess", "think", "lmk"}
NEVER = re.compile(
    r"\b(kill\w*|die|dies|died|dying|dead|death|suicid\w*|unalive\w*|kms|kys|hurt\w* myself|harm\w* myself|"
    r"cut\w* myself|hate myself|hate my life|my (own )?life|overdos\w*|pills?|end(ing)? (it|things|everything)|"
    r"gone|goodbye\w*|noose|jump\w*|weapons?|guns?|rope|knife|knives|blade|(everything|all|it|things) ready|"
    r"notes?|letters?|(my|a|the) will|gave away|giv\w* away|made up my mind|future|wake up|disappear\w*|"
    r"better off|burden|no point|not be (here|around)|be around|do (anything|something) stupid|"
    r"gonna do (anything|it))\b")
"""Words a message with risk carries (self-harm, death, means, preparations, farewells, hopelessness):
such a message is never said back, whatever else it says."""
WORD = re.compile(r"[\w'’/]+")


def clauses(text: str) -> List[str]:
    """The message's sentences and their parts joined by a comma or a dash, in order."""
    return [part.strip() for part in re.split(r"[.!;\n]+|,\s+|\s+[-–—]+\s+", text or "") if part.strip()]


def said_back(text: str) -> Optional[str]:
    """The first clause of ``text`` about the person, in second person; None when none can be said back."""
    if NEVER.search((text or "").lower().replace("’", "'")):
        return None
    found = []
    for clause in clauses(text):
        lowered = clause.lower()
        if "?" in clause or INVERSION.search(lowered):
            continue
        words = _said_words(clause)
        if words and MIN_WORDS <= len(words) <= MAX_WORDS and words[0].lower() not in QUESTION_START:
            found.append(" ".join(words))
    return next((line for line in found if len(line.split()) >= GOOD_WORDS), found[0] if found else None)


def _said_words(clause: str) -> Optional[List[str]]:
    words = [w.replace("’", "'") for w in WORD.findall(clause)]
    while words and words[0].lower() in LEADING:
        words.pop(0)
    while words and words[-1].lower() in TRAILING:
        words.pop()
        if words and words[-1].lower() == "i":  # "i swear", "i guess", "i think"
            words.pop()
    if not any(w.lower() in FIRST_PERSON for w in words):
        return None
    out: List[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in SPELLING:
            if SPELLING[lower] is None:
                return None
            word = lower = SPELLING[lower]
        if i and words[i - 1].lower() == "i" and lower in AFTER_I:
            out.append(AFTER_I[lower])
        elif lower == "ill" and (i == 0 or words[i - 1].lower() in ILL_BEFORE):
            out.append("you'll")
        elif lower in SWAP:
            out.append(SWAP[lower])
        else:
            out.append(word)
    return out
