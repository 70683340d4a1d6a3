"""Whether a message is put as a question, in the seven languages the bot speaks.

The NLU's question intents (``ask_*``) are answered only for a message put as a question: a
statement it reads as one ("i keep thinking i should have seen it" as a medical question) is
listened to instead. A question has a question mark, opens with a question word or an inverted
verb ("should i", "kann man", "est-ce que"), or holds a question phrase ("is it normal").
"""
from __future__ import annotations

import re

OPENERS = {
    # en
    "what", "whats", "what's", "how", "hows", "how's", "why", "when", "where", "who", "whos", "who's", "which", "is",
    "are", "am", "do", "does", "did", "can", "could", "should", "would", "will", "any", "anyone", "isnt", "isn't", "r",
    # de (a verb first is often a statement without its subject in chat: "bin so müde", so only these)
    "wie", "warum", "wieso", "weshalb", "wann", "wo", "wer", "welche", "welcher", "kannst", "können", "soll", "sollte",
    "muss", "gibt", "bleibt", "darf", "würdest",
    # fr
    "quoi", "comment", "pourquoi", "quand", "où", "qui", "quel", "quelle", "est-ce", "puis-je", "dois-je", "peux-tu",
    "peut-on", "existe-t-il",
    # es
    "qué", "cómo", "cuándo", "dónde", "quién", "cuál", "puedo", "debo", "hay", "eres", "crees",
    # it
    "cosa", "perché", "perche", "quando", "dove", "chi", "quale", "posso", "devo", "sei", "pensi",
    # nl
    "wat", "waarom", "wanneer", "waar", "wie", "welke", "kan", "moet", "hoe",
    # pt
    "porque", "quem", "qual", "devo", "você", "voce", "vc", "será", "sera",
}
"""First words that open a question (after a leading "so", "ok", "hey"...)."""
PHRASES = re.compile(
    r"\b(is (it|that|this) (normal|ok|okay|weird|bad|wrong|common)|should i|what (do|should|can) i|how (do|can|should) i|"
    r"can (you|i)|do you|are you|r u|am i|was (it|that|i)|is this|kann man|will you|who (can|reads|sees)|is there|do i need|"
    r"ist (das|es) normal|soll ich|kann ich|est-ce que|est-ce normal|c'est normal|es normal|debería|è normale|"
    r"dovrei|is dat normaal|moet ik|é normal|devo)\b")
SHARED_OPENERS = {"will", "am", "is"}
"""Openers that are also other languages' statement words (German "will mich einfach nur wegmachen", "am besten heut
nacht", Dutch "is niet te doen"): a question only before a subject ("will it", "am i", "is het")."""
SUBJECTS = {"i", "you", "u", "it", "he", "she", "they", "we", "this", "that", "there", "things", "anyone", "someone",
            "anybody", "somebody", "everyone", "everything", "people", "my", "your", "his", "her", "their", "our", "the",
            "a", "an", "het", "dat", "dit", "er", "hij", "zij", "ze", "je", "jij"}
LEADING = {"so", "ok", "okay", "hey", "hi", "hello", "um", "uh", "well", "but", "and", "also", "honestly", "like",
           "btw", "quick", "question", "genuine", "serious", "real", "tbh", "hmm", "pls", "please", "sorry", "wait",
           "dumb", "ja", "oui", "sí", "si", "bon", "alors", "pues", "allora", "nou", "então", "entao"}


def is_question(text: str) -> bool:
    """Whether ``text`` is put as a question (see the module docstring)."""
    lowered = " ".join((text or "").lower().replace("’", "'").split())
    if "?" in lowered or "¿" in lowered or PHRASES.search(lowered):
        return True
    for sentence in re.split(r"[.!;\n]+|,\s+", lowered):
        words = [w.strip(",:") for w in sentence.split()]
        while words and words[0] in LEADING:
            words.pop(0)
        if words and words[0] in OPENERS and (words[0] not in SHARED_OPENERS or words[1:2] and words[1] in SUBJECTS):
            return True
    return False
