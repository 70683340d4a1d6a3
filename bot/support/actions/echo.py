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
  oneself, notes and wills, in any of the seven languages: the crisis flow and a human answer
  those, not an echo);
- it reads as a question without its question mark ("why do i always...", "what am i doing").

English only: the other languages' lines name topic and feeling instead (listening.py).
"""
from __future__ import annotations

import re
from typing import List, Optional

MIN_WORDS, MAX_WORDS = 3, 16
MAX_QUOTED = 8
"""A message of at most this many words may be quoted back as it is (``quoted``)."""
GOOD_WORDS = 5
"""The first clause of at least this many words is preferred to shorter ones before it."""
FIRST_PERSON = {"i", "im", "i'm", "ive", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}
OTHERS = {"we", "us", "our", "we're", "we've", "he", "she", "they", "his", "her", "their", "hes", "he's", "shes", "she's",
          "theyre", "they're", "him", "them"}
"""A clause about the people in the person's life ("she gets them back friday", "we knew it was coming")
is said back too; first-person clauses come first."""
SWAP = {"i": "you", "im": "you're", "i'm": "you're", "ive": "you've", "i've": "you've", "i'd": "you'd", "id": "you'd",
        "i'll": "you'll", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
        "we": "you", "us": "you", "our": "your", "ours": "yours", "we're": "you're", "we've": "you've",
        "ourselves": "yourselves"}
AFTER_I = {"was": "were", "wasnt": "weren't", "wasn't": "weren't", "am": "are", "amnt": "aren't"}
SPELLING = {"dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
            "isnt": "isn't", "havent": "haven't", "hasnt": "hasn't", "couldnt": "couldn't", "shouldnt": "shouldn't",
            "wouldnt": "wouldn't", "arent": "aren't", "werent": "weren't", "its": "it's", "thats": "that's",
            "theres": "there's", "whats": "what's", "shes": "she's", "hes": "he's", "whos": "who's",
            "everyones": "everyone's", "nobodys": "nobody's", "rn": "right now", "bc": "because",
            "cuz": "because", "coz": "because", "bf": "boyfriend", "gf": "girlfriend", "ppl": "people",
            "smth": "something", "sth": "something", "abt": "about", "w/": "with", "tho": "though", "thru": "through",
            "idk": "you don't know", "idc": "you don't care",
            "ur": None, "u": None, "you": None, "your": None, "youre": None, "you're": None,
            "yourself": None, "ya": None, "yall": None}
"""Chat spellings said back in full; None: a word that addresses someone, so no clause with it is said back."""
LEADING = {"like", "so", "and", "but", "then", "also", "well", "honestly", "tbh", "ngl", "lol", "idk", "ok", "okay",
           "yeah", "yea", "yes", "no", "nah", "um", "uh", "hmm", "just", "basically", "anyway", "anyways", "oh", "omg",
           "plus", "because", "cause", "cos", "sorry", "ugh", "urgh", "hey", "hi", "hello", "btw"}
QUESTION_START = {"why", "what", "how", "when", "where", "who", "which", "whats", "what's", "hows", "how's", "do", "does", "did", "is", "are", "am", "was",
                  "can", "could", "should", "would", "will", "have", "has", "any", "anyone"}
INVERSION = re.compile(r"\b(am|was|do|did|should|could|can|would|will) i\b")
"""A question without its question mark ("what am i even doing this for")."""
ILL_BEFORE = {"maybe", "then", "so", "and", "but", "probably", "prob", "definitely", "def", "ok", "okay", "think", "guess",
              "hope", "suppose", "bet", "reckon"}
TRAILING = {"lol", "lmao", "haha", "hahaha", "tbh", "ngl", "idk", "honestly", "anyway", "anyways", "though", "lmfao",
            "xd", "smh", "fr", "ugh", "swear", "guess", "think", "lmk"}
NEVER = re.compile(
    r"\b(kill\w*|die|dies|died|dying|dead|death|suicid\w*|unalive\w*|kms|kys|hurt\w* myself|harm\w* myself|"
    r"cut\w* myself|hate myself|hate my life|my (own )?life|overdos\w*|pills?|end(ing)? (it|things|everything)|"
    r"gone|goodbye\w*|noose|jump\w*|weapons?|guns?|rope|knife|knives|blade|(everything|all|it|things) ready|"
    r"notes?|letters?|(my|a|the) will|gave away|giv\w* away|made up my mind|future|wake up|disappear\w*|"
    r"better off|burden|no point|not be (here|around)|be around|do (anything|something) stupid|"
    r"gonna do (anything|it)|bridge|roof|rooftop|ledge|cliff|tracks|balcony)\b")
"""Words a message with risk carries (self-harm, death, means, places, preparations, farewells, hopelessness):
such a message is never said back, whatever else it says."""
WORD = re.compile(r"[\w'’/]+")
UNSAID_I = {"havent", "haven't", "hadnt", "hadn't", "didnt", "didn't", "cant", "can't", "couldnt", "couldn't", "dont", "don't",
            "wont", "won't", "barely", "hardly"}
"""A clause that starts with one of these speaks of the person without its "i" (chat style): said back with "you"."""
UNSAID_I_DID = {"missed", "spilled", "spilt", "lost", "forgot", "broke", "dropped", "failed", "got", "went", "woke", "slept", "spent",
                "took", "came", "cried", "ate", "drank", "fell", "burned", "burnt", "crashed", "ruined", "messed", "screwed", "skipped",
                "quit", "tried", "worked", "stayed", "moved", "bought", "found", "heard", "locked", "overslept", "sat", "stood", "walked",
                "ran", "spent", "wasted", "called", "texted", "messaged", "snapped", "yelled", "shouted", "argued", "fought", "smashed"}
"""Verbs of what the person did, never adjectives ("tired of it" is "i'm tired"), that start a clause without its "i"
("Missed my train, spilled coffee on my laptop": thirteenth reading, L2, got "It sounds like spilled coffee on your laptop ..."):
said back with "you" ("you spilled coffee on your laptop")."""
UNSAID_IM = {"tired", "sick", "scared", "exhausted", "stressed", "worried", "bored", "done", "fed", "stuck", "afraid", "sad", "lonely",
             "angry", "upset", "terrified", "overwhelmed", "knackered", "shattered", "gutted", "annoyed", "confused", "ashamed",
             "embarrassed", "nervous", "anxious", "busy", "frustrated", "drained", "hungover"}
"""A feeling that starts a clause without its "i'm" ("Tired of my job"): said back with "you're" ("you're tired of your job")."""
SENTENCE_START = {*OTHERS, "it", "its", "it's", "the", "this", "that", "there", "these", "those", "a", "an", "everything",
                  "nothing", "everyone", "everybody", "nobody", "someone", "somebody", "work", "school", "home", "life", "today",
                  "yesterday", "tonight", "sometimes", "then", "now", "all", "some", "most", "one", "no", "not", "every", "each",
                  "things", "people", "mum", "mom", "dad", "money", "sleep", "last", "next", "this", "after", "before",
                  # eighth reading, L2: "So Though you're not sure...", "You said Maybe you are."
                  "though", "although", "maybe", "perhaps", "probably", "still", "even", "yet", "just", "actually",
                  "honestly", "because", "since", "when", "if", "and", "but", "or", "so", "also", "really"}
"""Words that start a clause with a capital only because they start the sentence: said back in lower case
("She didn't recognise me" -> "It sounds like she didn't recognise you": seventh reading, M6)."""
DANGLING = {"with", "of", "at", "for", "from", "by", "the", "a", "an", "your", "and", "but", "or", "like"}
FRAGMENT_START = {"without", "than", "unless", "except", "instead"}
"""A clause opening so is the rest of an earlier message ("without me i mean"), no sentence to say back ("I hear that
without you you mean": fourteenth reading, M5)."""
"""A clause said back never ends on one of these: what followed was lost (an emoji, a link)."""
QUOTE_LEADING = {"ok", "okay", "yeah", "yea", "yes", "lol", "so", "and", "but", "well", "oh", "um", "uh", "hmm", "ugh"}
GREETINGS = {"hi", "hii", "hey", "heyy", "hello", "hiya", "yo", "morning", "evening", "night", "bye", "goodnight"}
FILLERS = {"ok", "okay", "k", "kk", "yes", "yeah", "yea", "yep", "no", "nope", "nah", "lol", "lmao", "haha", "hahaha",
           "idk", "hm", "hmm", "um", "uh", "thanks", "thank", "thx", "ty", "sure", "maybe", "fine", "cool", "nice",
           "hi", "hey", "hello", "bye", "right", "true", "same", "mhm", "alright", "whatever", "anyway", "anyways",
           "not", "really", "so", "and", "but", "the", "a", "an", "of", "it", "is", "that", "this",
           "too", "very", "much", "more", "just", "well", "oh", "ah", "wow", "what", "why", "how", "when", "who",
           "sorry", "please", "pls", "plz", "good", "bad", "great", "meh", "bit", "little", "lot", "also", "all",
           "again", "idea", "kinda", "sorta", "literally", "honestly", "tbh", "ngl", "ugh"}
"""Words that alone say nothing to quote back ("yeah", "not really", "ok thanks")."""
FILLERS_ELSEWHERE = {"ja", "nein", "nee", "naja", "genau", "danke", "oui", "non", "ouais", "bof", "merci", "vale", "bueno",
                     "gracias", "claro", "sì", "si", "grazie", "boh", "vabbè", "vabbe", "dank", "jawel", "sim", "não",
                     "nao", "obrigado", "obrigada", "tá", "ta", "beleza", "nada", "nichts", "rien", "niente", "niets"}
GREETINGS_ELSEWHERE = {"hallo", "hoi", "servus", "moin", "salut", "bonjour", "bonsoir", "coucou", "hola", "buenas",
                       "ciao", "buongiorno", "buonasera", "oi", "olá", "ola", "dag"}
OTHER_LANGUAGES_NEVER = re.compile(
    r"\b((?:wäre|wär|bin|sein|ist|lieber) tot|tot (?:sein|wäre)|tod|sterb\w*|umbring\w*|suizid\w*|selbstmord\w*|mourir|"
    r"mort|morte|morts|mortes|suicid\w*|tuer|me tuer|morir\w*|muert\w*|matar\w*|morire|morto|morta|morti|uccid\w*|"
    r"ammazz\w*|dood|zelfmoord\w*|sterven|morrer|se matar|"
    r"pillen|tabletten|pastill\w*|comprimid\w*|pillol\w*|brücke|pont|puente|ponte|brug|abschied\w*|adieu|despedi\w*|"
    r"addio|afscheid\w*|ritzen|scarif\w*|cortarme|tagliarmi|snijden|cortar|"
    r"nicht mehr (?:leben|aufwachen|da sein)|ohne mich besser|verschwinden|en finir|ne plus me r[ée]veiller|mieux sans moi|"
    r"dispara[iî]tre|acabar con todo|no despertar|mejor sin m[ií]|desaparecer|farla finita|non svegliarmi|"
    r"meglio senza di me|sparire|niet meer wakker|beter af zonder mij|verdwijnen|er een eind aan|n[ãa]o acordar|"
    r"melhor sem mim|acabar com tudo)\b")
"""Risk words of the other languages the bot speaks (death, suicide, means, places, goodbyes, a
death wish: "sería mejor morirme", "ich will nicht mehr aufwachen"). Not "mort" as a word start
("mortgage" is English), nor "tot" alone (Dutch "tot morgen"): German "wäre tot"."""


def second_person(words: str) -> str:
    """``words`` with the first person turned into the second, word by word ("my sister, not my brother" -> "your sister, not
    your brother", "since i was 9" -> "since you were 9"), the rest as typed."""
    said = words.split()
    return " ".join(AFTER_I.get(w.lower(), w) if i and said[i - 1].lower() == "i" else SWAP.get(w.lower(), w)
                    for i, w in enumerate(said))


def risk_words(text: str) -> bool:
    """Whether ``text`` carries words that must never be parroted or affirmed, in any of the seven
    languages (``NEVER``, ``OTHER_LANGUAGES_NEVER``)."""
    lowered = (text or "").lower().replace("’", "'")
    return bool(NEVER.search(lowered) or OTHER_LANGUAGES_NEVER.search(lowered))


PUT_DOWN = re.compile(
    r"\b(?:i'?m|i am|im|i feel|feel|i look|i sound|i'?ve been|ive been)\s+(?:(?:so|such|a|an|being|like|just|really|"
    r"literally|the biggest|total|complete|such an?)\s+)*(?:pathetic|stupid|idiot|idiotic|loser|failure|worthless|useless|"
    r"ugly|fat|disgusting|dumb|weak|a mess|a joke|a disappointment|an embarrassment|embarrassing|hopeless case|cringe|"
    r"annoying|needy|clingy|crazy|psycho|creep|creepy)\b")
"""A put-down the person aims at themselves ("ugh im pathetic"): never said back to them as a statement."""


QUOTE_MARK = re.compile(r"[\"“”„«»]|(?:^|\s)['‘’]\w|\w['’](?=\s*(?:$|[,.!?;]))(?<!s')")
"""A quotation in the message ("he always said 'when i go, play Sinatra'"): its "i" is not the person's, and a clause cut out
of it is garbled ("You mentioned he always said 'when you go."): such a message is not said back."""
TAG_QUESTION = re.compile(r"\s+(?:is|was|isn'?t|isnt) (?:that|it|this) (?:ok|okay|alright|all right|normal|weird|bad|wrong|fine|allowed|stupid"
                          r"|strange|silly|dumb)\W*$|\s+(?:right|you know|idk)\W*$", re.IGNORECASE)
"""A question tagged on to a statement ("im 15 is that ok", "i cried all day is that normal")."""


def clauses(text: str) -> List[str]:
    """The message's sentences and their parts joined by a comma, a dash or a sigh ("ugh"), in order."""
    return [part.strip() for part in re.split(r"[.!;\n]+|,\s+|\s+[-–—]+\s+|\s+(?:ugh+|urgh+|smh)\s+", text or "",
                                              flags=re.IGNORECASE) if part.strip()]


def said_back(text: str, prefer: Optional[re.Pattern] = None) -> Optional[str]:
    """The first clause of ``text`` about the person (one that ``prefer`` matches before others, e.g.
    the step a person means to take), in second person; None when none can be said back."""
    if risk_words(text) or QUOTE_MARK.search(text or ""):  # someone's words in quotes: never turned round (ninth reading, L2)
        return None
    found = []
    for clause in clauses(text):
        clause = TAG_QUESTION.sub("", clause)  # "im 15 is that ok": the question is no part of what they said (ninth reading, L2)
        lowered = clause.lower()
        if "?" in clause or INVERSION.search(lowered) or PUT_DOWN.search(lowered.replace("’", "'")):
            continue
        words = _said_words(clause)
        if words and MIN_WORDS <= len(words) <= MAX_WORDS and words[0].lower() not in QUESTION_START:
            about_self = any(w.lower() in FIRST_PERSON for w in WORD.findall(clause.replace("’", "'")))
            preferred = bool(prefer and prefer.search(lowered.replace("’", "'")))
            found.append(((not preferred, not about_self), " ".join(words)))
    found.sort(key=lambda f: f[0])  # preferred clauses, then those about the person, each in order
    lines = [line for _, line in found]
    if prefer and found and not found[0][0][0]:
        return lines[0]
    return next((line for line in lines if len(line.split()) >= GOOD_WORDS), lines[0] if lines else None)


DILEMMA = re.compile(
    r"(?<!\bhow )(?<!\bwhat )(?<!\bwhy )(?<!\bwhere )(?<!\bwhen )(?<!\bwho )(?<!\bwhich )(?<!\bhow much )"
    r"\b(?:should i|shall i|do i|would it be (?:weird|bad|wrong|ok|okay|rude|mean|stupid|too much) (?:if i|to)|"
    r"is it (?:weird|bad|wrong|ok|okay|rude|mean|stupid|too much) (?:if i|to)) (?P<what>[^?.!]+)")
"""A question the person asks themselves about what to do ("should i just ask her straight up?")."""
MEDICAL = re.compile(r"\b(meds?|medication|medicine|pills?|tablets?|doses?|dosage|prescri\w*|doctor|gp|psychiatrist|"
                     r"therapist|diagnos\w*|antidepressants?|ssris?|sertraline|prozac|lexapro|zoloft|xanax|side effects?)\b")
"""A dilemma about medicine or treatment is a medical question, answered as one (questions.py)."""


def dilemma(text: str) -> Optional[str]:
    """What the person is weighing up, in second person ("should i say something or pretend it didnt
    happen" -> "say something or pretend it didn't happen"); None when the message asks no such
    question, is about medicine, or carries risk words."""
    lowered = (text or "").lower().replace("’", "'")
    match = DILEMMA.search(lowered)
    if not match or risk_words(lowered) or MEDICAL.search(lowered):
        return None
    words = _said_words(match.group("what"), anyone=True)
    return " ".join(words) if words and 2 <= len(words) <= MAX_WORDS else None


def quoted(text: str, lang: str = "en") -> Optional[str]:
    """A short message quoted back as the person typed it ("just grey", "still down. nothing helps"):
    1 to ``MAX_QUOTED`` words (leading "ok"/"yeah" and trailing "lol" left off) that say something
    (not only fillers), no question, no risk words in any language; in English no "you" and no
    first person (``said_back`` turns those into second person instead); else None."""
    typed = (text or "").replace("’", "'").strip()
    lowered = typed.lower()
    if not lowered or "?" in lowered or risk_words(lowered):
        return None
    found = list(WORD.finditer(lowered))
    words = [m.group(0) for m in found]
    if words and (words[0] in GREETINGS or words[0] in GREETINGS_ELSEWHERE):
        return None
    while words and words[0] in QUOTE_LEADING:
        words.pop(0)
        found.pop(0)
    while words and words[-1] in TRAILING:
        words.pop()
        found.pop()
    if not 1 <= len(words) <= MAX_QUOTED:
        return None
    if lang == "en" and (any(w in FIRST_PERSON or w in SWAP or w in OTHERS or SPELLING.get(w, "") is None for w in words)
                         or (SPELLING.get(words[0]) or words[0]).split("'")[0] in QUESTION_START):
        return None
    if not any(len(w) >= 3 and w not in FILLERS and w not in FILLERS_ELSEWHERE for w in words):
        return None
    if len(typed) != len(lowered):  # a letter whose lower case is longer: the words as read
        return " ".join(words)
    return typed[found[0].start():found[-1].end()]  # as typed: capitals and punctuation inside kept


def _said_words(clause: str, anyone: bool = False) -> Optional[List[str]]:
    """The clause's words in second person; None when it addresses someone as "you" or (unless
    ``anyone``) speaks of no one."""
    words = [w.replace("’", "'") for w in WORD.findall(clause)]
    while words and words[0].lower() in LEADING:
        words.pop(0)
    if words and words[0].lower() in FRAGMENT_START:
        return None
    while words and words[-1].lower() in TRAILING:
        words.pop()
        if words and words[-1].lower() == "i":  # "i swear", "i guess", "i think"
            words.pop()
    if not anyone and words and (words[0].lower() in UNSAID_I or words[0].lower() in UNSAID_I_DID) and len(words) >= MIN_WORDS:
        # "havent left the house since thursday", "Missed my train": chat leaves out the "i"; the verb then is no sentence start
        # ("So you Haven't slept right in years.": thirteenth reading, L2)
        words = ["i", words[0].lower(), *words[1:]]
    elif not anyone and words and words[0].lower() in UNSAID_IM and len(words) >= MIN_WORDS:
        words = ["i'm", words[0].lower(), *words[1:]]
    if not anyone and not any(w.lower() in FIRST_PERSON or w.lower() in OTHERS for w in words):
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
    if out and out[-1].lower() in DANGLING:  # its object was an emoji or was cut off ("one of them reacted with 💀")
        return None
    if out and out[0][:1].isupper() and out[0].lower() in SENTENCE_START:  # said mid-sentence: "It sounds like she didn't..."
        out[0] = out[0].lower()
    return out
