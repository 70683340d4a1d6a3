"""Questions put to the bot itself, answered the way a trained volunteer would: "what would you do?",
"what should I do first?", "am I overreacting?", "are you just going to keep asking me questions?",
"do you think she knew I loved her?", "how do I explain it to him?" (seventh exploratory reading, M5:
each got an unrelated template line: "Feeling unsettled like this is hard", "That sounds like a
good step", "I'm not here to judge you").

Honest about being a bot, no advice it cannot give, options rather than a non sequitur. Told by
patterns in the seven languages (folded: lower case, no accents), whatever the NLU read; never for
a message with risk words (the crisis flow answers those).
"""
from __future__ import annotations

import re
from typing import Optional

from actions.echo import risk_words
from actions.language import folded

ASKED = {
    # "only_questions" first: "are you just going to keep asking me questions?" is no "what would you do"
    "only_questions": re.compile(
        r"\b(?:(?:are you |r u |you )?(?:just |only )?(?:going to|gonna) (?:keep |just keep )?ask(?:ing)? (?:me )?(?:more |so many )?questions"
        r"|all you (?:do is|ever do is) ask|why do you (?:keep )?ask(?:ing)? (?:me )?(?:so many )?questions|(?:you )?(?:only|just) ask(?:ing)? "
        r"(?:me )?questions|stellst du nur fragen|fragst du (?:mich )?nur|tu ne fais que (?:me )?poser des questions"
        r"|solo (?:me )?haces preguntas|(?:mi )?fai solo domande|stel je (?:alleen|enkel) (?:maar )?vragen|(?:voce|vc) so (?:me )?faz perguntas)\b"),
    "what_first": re.compile(
        r"\b(?:what (?:do you think )?(?:i )?(?:should|can|could|do) (?:i )?do first|where (?:should|do|can) i (?:even )?(?:start|begin)"
        r"|what(?:'s| is| should be) (?:the|my) first step|was soll ich zuerst (?:tun|machen)|wo (?:soll ich|fange ich) anfangen"
        r"|(?:je commence|par ou commencer|qu'?est-ce que je fais en premier)|por donde (?:empiezo|empezar)|que hago primero"
        r"|da dove (?:comincio|inizio)|cosa faccio prima|waar (?:moet ik|begin ik)(?: mee)? beginnen|wat moet ik eerst doen"
        r"|por onde (?:comeco|comecar)|o que (?:eu )?faco primeiro)\b"),
    "what_would_you_do": re.compile(
        r"\b(?:what would you do|what(?:'s| is) your (?:honest )?opinion|(?:can you )?(?:just )?tell me what you think|what do you think\W*$"
        r"|if you were me|in my (?:place|shoes)|was wurdest du (?:tun|machen)|an meiner stelle|que ferais[- ]tu|qu'?est-ce que tu ferais"
        r"|a ma place|que harias|en mi lugar|cosa faresti|al mio posto|wat zou jij doen|in mijn plaats|o que (?:voce|vc|tu) faria"
        r"|no meu lugar)\b"),
    "overreacting": re.compile(
        r"\b(?:am i (?:just |being )?(?:overreacting|over ?reacting|unreasonable|(?:too |over ?)dramatic|too sensitive|oversensitive"
        r"|silly|petty)|ubertreibe ich|bin ich zu (?:empfindlich|dramatisch)|(?:est-ce que )?j'?exagere|je suis trop sensible"
        r"|(?:estoy )?exagerando|exagero|sto esagerando|esagero|overdrijf ik|ben ik te gevoelig|(?:estou|to) exagerando)(?: (?:here|now|again))?"
        r"\W*$"),  # the bare question: "am i overreacting if i cried because..." is a question of normality, answered as one
    "did_they_know": re.compile(
        r"\b(?:(?:do you think|did|does) (?:she|he|they|my \w+) (?:knew|know|knows) (?:that |how much )?i (?:loved|love|cared|care)"
        r"|(?:do you think|did) (?:she|he|they) (?:felt|feel) loved|(?:glaubst du,? )?(?:sie|er) wusste,? (?:dass|wie sehr) ich"
        r"|(?:elle|il) savait que je (?:l'?aimais|tenais)|(?:ella|el) sabia (?:que|cuanto) (?:la|lo) queria"
        r"|(?:lei|lui) sapesse (?:che|quanto) (?:la|lo) amavo|(?:ze|hij) wist (?:dat|hoeveel) ik (?:van )?(?:haar|hem)"
        r"|(?:ela|ele) sabia (?:que|o quanto) eu)\b"),
    "how_to_explain": re.compile(
        r"\bhow (?:do|can|should|would) i (?:explain (?:it |this |that |what happened )?to|tell) (?:him|her|them|my (?:son|daughter|kids?"
        r"|children|little \w+))\b(?! (?:it hurts|that i|i))|\bwie (?:erklare|sage) ich (?:es|das) (?:ihm|ihr|meinem|meiner|den kindern)\b|\bcomment (?:le )?(?:lui |leur )?"
        r"(?:expliquer|dire) (?:ca|a mon|a ma|a mes)\b|\bcomo (?:se lo )?(?:explico|digo) a (?:mi|mis)\b|\bcome (?:glielo )?(?:spiego|dico) a "
        r"(?:mio|mia|miei)\b|\bhoe (?:leg ik|vertel ik) (?:het|dat) (?:uit )?aan (?:mijn|hem|haar)\b|\bcomo (?:eu )?(?:explico|conto) (?:isso )?"
        r"(?:pro|pra|ao|a) (?:meu|minha|meus)\b"),
}
"""The questions, in the order they are tried; each names the ``answers`` line that answers it."""


def asked(text: str) -> Optional[str]:
    """The ``answers`` key of the question ``text`` puts to the bot, or None."""
    if risk_words(text):
        return None
    plain = " ".join(folded(text).replace("’", "'").split())
    return next((key for key, pattern in ASKED.items() if pattern.search(plain)), None)
