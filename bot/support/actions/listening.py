"""Supportive-listening replies from the response bank (``responses.yml``).

The strategy (question, restatement, reflection, affirmation, suggestion, information) is
chosen by the bot's policies (EmotionRulesPolicy rules in config.yml, from the emotion state
and trend); this module only turns a strategy into a line for this person:

- in English it says back what the person just wrote ("so your boss yelled at you in front of
  everyone", echo.py) in the strategy's ``echo`` lines, unless its last ``ECHO_RUN`` lines already
  did, or the turn carries crisis risk (the caller passes ``echo=False``);
- a step the person means to take ("ok ill talk to her this weekend") is affirmed first, said back
  where it can be (``steps`` of the bank, per language), whatever strategy was chosen;
- a short message ("just grey", "me cuesta hasta ducharme") is quoted back as typed (``quote``
  lines, every language), when no echo in second person fits, only when it tells of something hard
  (``troubled``) and is more than a bare feeling ("sad" is reflected as a feeling), and not twice in a
  few turns; a message that tells of nothing hard ("I'm a pharmacist") gets no line that takes it as
  hard (``hardship``) while another is fresh, and a feeling said again and again gets a line of its
  own (``feeling_again``) (seventh reading, M6);
- a name the person tells ("his name was danny") is said back before anything else (``names``,
  every language; names.py); their own ("my name is sam") is welcomed ("Nice to meet you, Sam.")
  and the rest of the message answered; a question they ask themselves about what to do ("should i just ask
  her straight up?") is said back as what they weigh up, the choice left with them (``dilemma``,
  English; echo.py);
- it recognises the topic the person brings (sleep, loneliness, anxiety, relationships, work
  or school, grief) and prefers that topic's lines;
- it reflects the feeling the person named ("I feel so *lonely*"), else the one its emotion
  reading suggests (sadness -> "low");
- a milestone of recovery ("today is 200 days sober", "hoy hace 200 días que no bebo", tone.milestone) is
  celebrated first, whatever strategy was chosen (eighth reading, L7);
- it never repeats a line said in the last ``NO_REPEAT`` bot messages;
- to a person writing another language it does the same in that language (``lang``): topics,
  feeling words and lines from the ``listening`` block of i18n/<lang>.yml (the feeling a line
  names is a noun there, so no adjective has to agree with the person's gender), with the
  language's general lines beside them.

    line = compose("reflection", "i feel so lonely since the move", "sadness", recent_bot_lines)

(Over 300 lines for a reason: ``compose`` weighs every way a line can fit the message (a name, a
step, a dilemma, an echo, a feeling said again, something hard or not) and each reader is a short
function beside it over the same bank; apart, they would import each other.)
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Sequence

from actions.bank import STRATEGIES, bank, listening_in
from actions.bank import answers as bank_answers
from actions.echo import dilemma, quoted, risk_words, said_back
from actions.language import LANGUAGES, base_language, folded, greeting_words
from actions.names import introduced, name_in
from actions.listen_leisure import left_out
from actions.listen_pride import celebration, celebration_lines, without_recovery
from actions.tone import good_news, not_well, took_a_step

LANGUAGE_CODES = tuple(LANGUAGES.values())

NEVER_AGAIN = re.compile(r"\b(never|won't|wont|can't|cant|nie|niemals|nimmer|jamais|nunca|jamás|jamas|mai più|mai|nooit|geen zin)\b")
"""A "step" that says it will never happen ("i'll never be good enough", "ich werde nie...") is not affirmed."""
ECHO_RUN = 2
"""After this many lines in a row that said back or quoted the person's words, the next one does not."""
NO_REPEAT = 5
"""A line is not said again within this many of the person's turns."""


GREETING_WORDS = 4
"""A message of at most this many words can be a greeting; a longer one says more than hello."""


def is_greeting(text: str) -> bool:
    """Whether ``text`` is a short greeting in any of the seven languages ("hey", "hi again",
    "ciao", "e aí"), not an acknowledgement the NLU may read as one ("ok", "haha fair", "anyway")."""
    words = " ".join(re.findall(r"[^\W\d_]+", (text or "").lower().replace("'", "")))
    return bool(words) and len(words.split()) <= GREETING_WORDS and bool(_greeting_pattern().search(words))


@lru_cache(maxsize=1)
def _greeting_pattern() -> re.Pattern:
    """Any greeting of the seven languages as whole words ("sup" is not "super")."""
    greetings = sorted({g.replace("'", "") for g in [*bank().greetings, *greeting_words()]}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(g) for g in greetings) + r")(?!\w)")


def is_farewell(text: str) -> bool:
    """Whether ``text`` says goodbye in any of the seven languages (responses.yml ``farewells``):
    "ok bye", "gotta go, thanks", "tschüss"; not "i have nowhere to go" (sixth reading, H2); "night" or
    "nite" only as the whole message (``farewells_alone``: "i couldn't sleep last night" says none)."""
    words, alone = _words_of(text), _alone_pattern("farewells_alone")
    return bool(words) and bool(_farewell_pattern().search(words) or (alone.search(words) and _only_closing(alone.sub(" ", words))))


@lru_cache(maxsize=1)
def _farewell_pattern() -> re.Pattern:
    return _whole_words(bank().farewells)


CLOSING_WORDS = 8
"""At most this many words in a thanks that goes on with what for ("thanks for listening at this silly hour")."""


def closing(text: str, lang: str = "en") -> Optional[str]:
    """ "goodbye" or "thanks" when ``text`` says goodbye or thanks and nothing more ("night", "ok i'm here, bye",
    "bye for now", "ta", "thanks for listening at this silly hour": responses.yml ``farewells``, ``thanks`` and
    their ``closing_words``), else None; never for a message with risk words ("goodbye everyone", "thanks for
    everything, i won't be around") nor for thanks to someone else ("thanks to my mum"), for nothing, or with
    a "but" (eighth reading, L3)."""
    if risk_words(text) or parting(text):
        return None
    words = _words_of(text)
    if is_farewell(text) and _only_closing(_alone_pattern("farewells_alone").sub(" ", _farewell_pattern().sub(" ", words))):
        return "goodbye"
    if LEAVING_NOW.search(folded(text or "").replace("'", "").replace("’", "").strip()) and len(words.split()) <= LEAVE_WORDS \
            and not troubled(words, None, lang):
        return "goodbye"  # "I need to go, the nurse is here." (thirteenth reading, L3: "I'm glad you've found something to try.")
    leaving = LEAVING.search(folded(words))
    if leaving and _only_closing(_thanks_pattern(tuple(bank().thanks)).sub(" ", folded(words).replace(leaving.group(0), " "))):
        return "goodbye"  # "ty. ok i'm gonna go eat" (ninth reading, L2: "That sounds like a good step: you're gonna go eat.")
    thanks = [*bank().thanks, *(bank().closing["thanks_alone"] if base_language(lang) == "en" else [])]
    found = _thanks_pattern(tuple(thanks)).search(words)
    if not found or NO_THANKS.search(folded(words[:found.start()])):
        return None
    rest = [w for w in folded(_closing_phrases().sub(" ", _thanks_pattern(tuple(thanks)).sub(" ", words))).split()
            if w not in _closing_words()]
    if not rest or (rest[0] in bank().closing["thanks_for"] and len(words.split()) <= CLOSING_WORDS
                    and not NOT_THANKS.search(" ".join(rest))):
        return "thanks"
    return None


LEAVING = re.compile(
    r"\b(?:(?:im|i am|i m|ill|i will)\s+)?(?:gonna|going to|off to|about to|gotta|got to|have to|need to|better|must)\s+(?:go\s+)?(?:and\s+)?"
    r"(?:eat|get (?:some )?(?:food|dinner|lunch|tea|sleep|some rest)|have (?:dinner|lunch|tea|breakfast|a shower|a bath)|sleep|bed|to bed"
    r"|shower|make (?:dinner|food|tea)|cook|rest|study|revise|do (?:my )?homework|(?:to )?(?:work|class|school|uni))(?:\s+now)?\b"
    r"|\bich (?:geh|gehe) (?:jetzt )?(?:essen|schlafen|ins bett|duschen)\b|\bje vais (?:aller )?(?:manger|dormir|me coucher|diner)\b"
    r"|\b(?:me voy a|voy a) (?:comer|cenar|dormir|acostarme|la cama)\b|\bvado a (?:mangiare|dormire|letto|cena)\b"
    r"|\bik ga (?:nu )?(?:eten|slapen|naar bed|douchen)\b|\bvou (?:comer|jantar|dormir|deitar)\b")
"""The person leaves to do something of every day ("ok i'm gonna go eat", "je vais dormir"): with nothing else but thanks or
closing words, a goodbye."""
LEAVING_NOW = re.compile(
    r"^\W*(?:(?:ok|okay|sorry|oh|right|well|anyway|ah|hey|ugh|so|entschuldige|desole|desolee|perdon|perdona|scusa|desculpa)\W+)*"
    r"(?:i (?:need|have|got) to (?:go|run|leave|log off|stop)|i ?ve got to (?:go|run)|gotta (?:go|run)|i must (?:go|run|leave)"
    r"|ich muss (?:jetzt )?(?:los|gehen|weg|aufhoren|schluss machen)|je dois (?:y aller|partir|filer|te laisser)"
    r"|(?:me )?tengo que (?:ir(?:me)?|dejarte|colgar)|devo (?:andare|scappare|lasciarti)|ik moet (?:nu )?(?:gaan|weg|stoppen|ophangen)"
    r"|(?:tenho|preciso) (?:que |de )?(?:ir|sair))(?:\s+(?:now|jetzt|maintenant|ya|ahora|ora|adesso|nu|agora))?(?=\s*(?:[,.;:!]|-|$))")
"""The person has to go now and says why ("I need to go, the nurse is here", "ich muss los, der Bus kommt"), at the start of the
message (folded, no apostrophes), the going said alone ("i need to go to the doctor tomorrow" is no goodbye): with at most
``LEAVE_WORDS`` words and nothing hard in them, a goodbye."""
LEAVE_WORDS = 12
PARTING_EXTRA = re.compile(
    r"\b(?:thank (?:you|u)|thanks|ty|danke|vielen dank|merci|gracias|grazie|bedankt|dank (?:je|u)(?: wel)?|obrigad[oa]|valeu)"
    r" (?:for|fur|fuer|pour|por|per|di|voor) (?:everything|alles|tout|todo|tutto|tudo)\b"
    r"|\b(?:(?:its|it is) time|the time has come|es ist (?:zeit|so ?weit)|(?:cest|il est) (?:lheure|le moment|temps)|es (?:la )?hora"
    r"|ha llegado (?:la hora|el momento)|e (?:ora|il momento)|het is (?:tijd|zover)|(?:e|ta na|chegou a) hora)"
    r"(?=\s*(?:$|[,.;:!?]|(?:now|jetzt|maintenant|ya|ahora|ora|adesso|nu|agora)\b))"
    r"|\b(?:trains?|zug|tren|treno|trein|comboio|trem)\b(?: \w+){0,2}? (?:coming|comes|arriving|pulling in|kommt|einfahrt|fahrt ein"
    r"|arrive|llega|llegando|viene|arriva|arrivando|komt|chega|chegando|vem|vindo)\b"
    r"|\b(?:(?:at|on) the (?:platform|tracks|railway|rails)|(?:am|auf dem) (?:bahnsteig|gleis)|auf (?:den|die) gleise?n?"
    r"|sur (?:le quai|les rails|la voie ferree)|en (?:el anden|las vias)|sui binari|sul binario|op het (?:perron|spoor)"
    r"|na (?:plataforma|linha do (?:comboio|trem)))\b")
"""Besides handoff.imminent's and the farewell disclosures' words (:func:`parting`): thanks for everything, "it's time"
said alone or last ("it's time for dinner", "e ora vado" are not), a train coming or the writer on a platform or the tracks,
seven languages (reviewer's R1.5); a train alone is none ("bye, gotta catch my train": second reviewer, R2.4).
Here, not in responses.yml, only because this fix may not edit the bank."""
NO_THANKS = re.compile(r"\b(?:no|nein|non|nee|nao|not)\W*$")
"""A thanks that declines ("no thanks", "nein danke", "não obrigado")."""
NOT_THANKS = re.compile(r"\b(?:nothing|nichts|rien|nada|niente|niets|but|aber|mais|pero|ma|maar|mas)\b")
"""Thanks for nothing, or thanks that go on with a "but": not a close."""


def parting(text: str) -> bool:
    """Whether ``text`` says more than a goodbye: a farewell for good (screener.yml ``disclosures.farewell`` but the
    bank's ordinary ``farewells``), an act
    coming (responses.yml ``handoff.imminent``: "the train is coming"), thanks for everything, "it's time" or a train
    (``PARTING_EXTRA``): "I have to go now. thank you for everything", "Ich muss los. Danke für alles" are no goodbye."""
    plain = " ".join(folded(text or "").replace("'", "").replace("’", "").replace("-", " ").split())
    return bool(_parting_pattern().search(plain) or PARTING_EXTRA.search(plain))


@lru_cache(maxsize=1)
def _parting_pattern() -> re.Pattern:
    from actions.screener import config

    ordinary = {folded(w) for w in bank().farewells}  # "adeus", "addio" alone are a goodbye (tenth reading, M5)
    return _whole_words([folded(w) for w in [*config()["disclosures"]["farewell"], *bank().handoff["imminent"]["words"]]
                         if folded(w) not in ordinary])


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", (text or "").lower().replace("'", "").replace("’", "")))


def _only_closing(words: str) -> bool:
    """Whether ``words`` (what a message holds besides its goodbye or thanks) are only ``closing_words``."""
    return all(w in _closing_words() for w in folded(_closing_phrases().sub(" ", words)).split())


@lru_cache(maxsize=1)
def _closing_words() -> frozenset:
    return frozenset(folded(w) for w in [*bank().closing["closing_words"], *(t for t in bank().thanks if " " not in t)]
                     if " " not in w)


@lru_cache(maxsize=1)
def _closing_phrases() -> re.Pattern:
    return _whole_words([w for w in bank().closing["closing_words"] if " " in w] + [t for t in bank().thanks if " " in t])


@lru_cache(maxsize=4)
def _alone_pattern(key: str) -> re.Pattern:
    return _whole_words(bank().closing[key])


@lru_cache(maxsize=4)
def _thanks_pattern(thanks: tuple) -> re.Pattern:
    """Thanks as ``thanks`` words or word starts ("thank" is "thanks", "obrigad" is "obrigada"; "ta" only whole)."""
    def alternative(word: str) -> str:
        word = word.replace("'", "")
        return re.escape(word) + (r"(?!\w)" if len(word.split()[-1]) < 4 or word in bank().closing["thanks_alone"] else r"\w*")
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted((alternative(w) for w in thanks), key=len, reverse=True)) + r")")


def _whole_words(phrases) -> re.Pattern:
    ordered = sorted({p.replace("'", "") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")


def introduces(text: str, lang: str = "en") -> bool:
    """Whether ``text`` tells the person's own name ("my name is sam", "ich heiße anna")."""
    return introduced(text, listening_in(lang).own_name_patterns) is not None


WISHED = re.compile(r"\b(?:wish(?:ed)? i (?:could|had|would|did)|if only i|would have been|could have|should have|"
                    r"i'?d have|wünschte|wünsche mir ich könnte|j'aimerais tellement|ojalá pudiera|vorrei tanto|was ik maar|"
                    r"quem me dera)\b")
"""A wish about what cannot be ("I wish I could tell him about my new job"): grief, not a step
(third exploratory reading: praised as "small steps like that really count")."""


def is_step(text: str, lang: str = "en") -> bool:
    """Whether ``text`` says a step the person means to take ("ok ill talk to her this weekend"),
    with no risk words ("i'll go to the bridge" is never a step to affirm) and no wish about what
    cannot be (``WISHED``)."""
    pattern = listening_in(lang).step_pattern
    lowered = (text or "").lower().replace("’", "'")
    return bool(pattern and pattern.search(lowered)) and not NEVER_AGAIN.search(lowered) and not risk_words(text) \
        and not WISHED.search(lowered)


NEGATIVE_LABELS = ("sadness", "fear", "anger", "disgust")
TROUBLE = re.compile(
    r"\b(?:hard|harder|hardest|can'?t|cant|cannot|couldn'?t|didn'?t|won'?t|no one|nobody|alone|lonely|miss(?:ed|ing)?|cri(?:ed|es)|cry"
    r"|crying|tears|fights?|fighting|argu\w+|worse|worst|awful|terrible|horrible|hate|hurts?|hurting|lost|left me|broke up|dumped"
    r"|yell\w*|scream\w*|shout\w*|stress\w*|tired|exhausted|sick|pain|afraid|scared|worr\w*|anxious|sad|upset|angry|guilty"
    r"|ashamed|struggl\w*|overwhelm\w*|too much|never|fail\w*|fired|debt|bills|evict\w*|dementia|cancer|funeral|died|grief|vent(?:ing)?"
    r"|don'?t know|not (?:ok|okay|good|great|fine))\b")
"""English words that tell of a difficulty ("she didn't recognise me", "we keep having fights")."""


def troubled(text: str, label: Optional[str] = None, lang: str = "en") -> bool:
    """Whether ``text`` tells of something hard: the emotion ``label`` is a negative one, it names a
    feeling or a concern the bank knows, says the person is not well, (English) holds a word of
    difficulty, or tells of being left out or laughed at (listen_leisure.left_out, seven languages). "I'm a pharmacist", "i have 3 days off next week" do not (seventh reading, M6: both
    got "what's the hardest part of it?" / "that's been sitting with you")."""
    lowered = (text or "").lower().replace("’", "'")
    return label in NEGATIVE_LABELS or names_a_feeling(text, lang) or not_well(lowered) or risk_words(text) \
        or topic_of(text, lang) in CONCERNS or bool(TROUBLE.search(lowered)) or left_out(text)


def hard_line(line: str) -> bool:
    """Whether ``line`` takes what was said as something hard (responses.yml ``hardship``)."""
    return any(part in line for part in bank().hardship)


BARE = {"still", "just", "so", "very", "really", "too", "more", "yeah", "yes", "ok", "okay", "i", "im", "i'm", "feel", "feeling",
        "kinda", "a", "bit", "little", "and", "but", "again"}
"""Words that leave a message a bare feeling ("still sad", "yeah just sad")."""


def only_a_feeling(text: str, lang: str = "en") -> bool:
    """Whether ``text`` is a feeling the bank knows and nothing more ("sad", "still sad"): reflected as a
    feeling, never quoted back (seventh reading, M6: "\"sad\"... I'd like to hear more about that")."""
    pattern = listening_in(lang).feeling_pattern
    lowered = (text or "").lower().replace("’", "'")
    if not pattern or not pattern.search(lowered):
        return False
    return not [w for w in re.findall(r"[^\W\d_]+(?:'[a-z]+)?", pattern.sub(" ", lowered)) if w not in BARE]


AGAIN_TURNS = 3
"""A feeling named in this many of the person's messages in a row (this one included) gets a line of its own
(``feeling_again``, every language), not the next template (seventh reading, M6: twenty turns of "sad")."""


def feeling_again(text: str, earlier: Sequence[str], lang: str = "en") -> Optional[str]:
    """The feeling ``text`` names when the person's last ``AGAIN_TURNS`` - 1 ``earlier`` messages (oldest
    first) named the same one, as a line says it; else None."""
    bank_ = listening_in(lang)
    if not bank_.feeling_pattern or len(earlier) < AGAIN_TURNS - 1 or risk_words(text):
        return None
    named = [sorted(m.group(0) for m in bank_.feeling_pattern.finditer((t or "").lower())) for t in
             [*earlier[-(AGAIN_TURNS - 1):], text]]
    first = named[0]
    return bank_.feelings[first[-1]] if first and all(n == first for n in named) else None


CONCERNS = ("grief", "loneliness", "anxiety")
"""Topics that say what the person feels; they outrank where it happens (work or school, a
relationship, sleep): "coworkers all leave at 5 and i just sit in my flat alone" is about being
alone, not "the pressure you're under"."""


def topic_of(text: str, lang: str = "en") -> Optional[str]:
    """The topic the text is about (the first of ``CONCERNS`` named in it, else the first named), or None."""
    lowered = (text or "").lower().replace("’", "'")
    hits = [(name not in CONCERNS, m.start(), name)
            for name, p in listening_in(lang).topic_patterns.items() for m in [p.search(lowered)] if m]
    return min(hits)[2] if hits else None


def names_a_feeling(text: str, lang: str = "en") -> bool:
    """Whether ``text`` names a feeling the bank knows ("lonely", "einsam")."""
    pattern = listening_in(lang).feeling_pattern
    return bool(pattern and pattern.search((text or "").lower()))


def feeling_of(text: str, label: Optional[str], lang: str = "en", earlier: Sequence[str] = ()) -> str:
    """The feeling the person named in ``text`` (the last one, as a line says it), else the last
    one they named in their ``earlier`` messages (oldest first: their own word beats a model's
    reading: "my heart is racing... im scared" then "this keeps happening" is still "scared", not
    "low"), else the word for the emotion ``label``, else the language's default ("heavy")."""
    bank_ = listening_in(lang)
    for message in [text, *reversed(earlier)]:
        lowered = (message or "").lower()
        named = [(m.start(), m.group(0)) for m in bank_.feeling_pattern.finditer(lowered)] if bank_.feeling_pattern else []
        if named:
            return bank_.feelings[max(named)[1]]
    return bank_.feeling_by_label.get(label or "", bank_.default_feeling)


def candidates(strategy: str, topic: Optional[str], lang: str = "en") -> tuple[List[str], List[str]]:
    """The lines of ``strategy``: (those for ``topic``, the general ones)."""
    entry = listening_in(lang).strategies[strategy]
    topical = entry.get("topic") or []
    if isinstance(topical, dict):  # suggestion / information: lines per topic
        topical = topical.get(topic, []) if topic else []
    elif not topic:  # templates naming {topic}
        topical = []
    return list(topical), list(entry.get("general") or [])


def compose(strategy: str, text: str, label: Optional[str], recent: Sequence[str], turn: int = 0,
            lang: str = "en", echo: bool = True, earlier: Sequence[str] = ()) -> str:
    """A line of ``strategy`` for a message ``text`` whose emotion label is ``label``, not in
    ``recent`` (what the bot said in the last ``NO_REPEAT`` turns, oldest first). A line that
    says back the person's words is preferred (``echo``, English, not twice in a row), then one
    about the message's topic; ``turn`` rotates the choice among the fresh lines. ``earlier``:
    the person's previous messages, oldest first (a feeling they named there, ``feeling_of``)."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}")
    own = listening_in(lang)
    met = introduced(text, own.own_name_patterns) if echo and own.welcome and not risk_words(text) else None
    if met is not None:  # "my name is sam ...": welcomed by name, then the rest answered
        name, rest = met
        welcome = own.welcome[turn % len(own.welcome)].format(name=name)
        if len(rest.split()) < 2:
            return f"{welcome} {own.ask[turn % len(own.ask)]}" if own.ask else welcome
        return f"{welcome} {compose(strategy, rest, label, recent, turn, lang, echo, earlier)}"
    lowered = (text or "").lower().replace("’", "'")
    # "hoy hace 200 días que no bebo 🎉" (eighth reading, L7), "five years since I last self-harmed", "I'm really proud of myself"
    # (thirteenth reading, M2): celebrated whatever strategy was chosen, never said back as a burden
    celebrating = celebration(text) if echo and not risk_words(without_recovery(text)) else None
    celebrated = bool(celebrating)
    if celebrated:
        strategy = "affirmation"
    if strategy == "affirmation" and not_well(lowered):
        strategy = "reflection"  # "mir gehts nicht gut" read as glad: never "I'm really glad to hear that"
    topic = topic_of(text, lang)
    may_echo = echo and not (len(recent) >= ECHO_RUN and all(echoed(line) for line in recent[-ECHO_RUN:]))
    step = echo and is_step(text, lang)
    hard = troubled(text, label, lang)
    words = said_back(text, own.step_pattern if step else None) if may_echo and lang == "en" else None
    # a short message is quoted only when it tells of something hard in words the bank has no feeling for,
    # and not twice in a few turns: "sad" is reflected as a feeling, "in" or "done" not quoted at all
    # (seventh reading, M6: 68 of 529 listener turns quoted the person's words back)
    quote = quoted(text, lang) if may_echo and not words and hard and not only_a_feeling(text, lang) \
        and not any(_quote_pattern().fullmatch(line) for line in recent) else None
    name = name_in(text, own.name_patterns) if echo and not risk_words(text) else None
    weighing = dilemma(text) if echo and lang == "en" else None
    values = {"feeling": feeling_of(text, label, lang, earlier), "topic": own.topics[topic]["name"] if topic else "",
              "said": words or "", "quote": quote or "", "name": name or "", "what": weighing or ""}
    said = set(recent)
    topical, general = candidates(strategy, topic, lang)
    echoes = list(own.strategies[strategy].get("echo") or []) if words else []
    steps: List[str] = []
    if step:  # a step the person means to take is affirmed first
        steps = (list(own.steps.get("echo") or []) if words else []) + list(own.steps.get("general") or [])
    quotes = list(own.quote) if quote else []
    names = list(own.name_lines) if name else []  # a name the person told is said back first
    dilemmas = list(bank().dilemma) if weighing else []  # then what they weigh up, the choice left with them
    # "glad to hear that" only to good news ("i googled it" is none)
    # never glad about risk words, whatever the reading ("i want to die lol" with a smiling face: sixth reading, H4)
    glad = list(own.good_news) if strategy == "affirmation" and (celebrated or good_news(lowered, label) and not risk_words(text)) else []
    if not (celebrated or took_a_step(text)):  # "a real step, and you made it" only to a step taken (thirteenth reading, L7)
        glad = [line for line in glad if not praises_a_step(line)]
    cheers = celebration_lines(celebrating, text, lang) if celebrated else []
    at_risk = risk_words(text)  # a death wish is never "something that matters to you" (seventh reading, H3)
    again = feeling_again(text, earlier, lang) if not names and not steps else None
    repeated = list(bank_answers(lang)["feeling_again"]) if again else []
    if topic and values["feeling"] and re.search(rf"\b{re.escape(values['feeling'])}\b", values["topic"]):
        # "Sentir preocupação quando o assunto é a preocupação" (thirteenth reading, L2): the word once
        topical = [line for line in topical if "{feeling}" not in line]
    blocks = (cheers, names, dilemmas, steps, repeated, *((glad, echoes) if celebrated else (echoes, glad)), topical, quotes, general)
    for plain_only in ((True, False) if not hard else (False,)):  # nothing hard told: no line that takes it as hard, if any is fresh
        for block in blocks:
            fresh = [line for line in (template.format(**values) for template in block)
                     if line not in said and not (at_risk and affirms(line)) and not (plain_only and hard_line(line))]
            if fresh:
                return fresh[turn % len(fresh)]
        fresh = [line for line in _fallback(strategy, values, said, lang)
                 if not (at_risk and affirms(line)) and not (plain_only and hard_line(line))]
        if fresh:
            return fresh[turn % len(fresh)]
    return _fallback(strategy, values, set(), lang)[turn % 2]


def praises_a_step(line: str) -> bool:
    """Whether ``line`` praises a step the person took (responses.yml ``answers.step_praise``, parts of lines in the seven
    languages: "a real step, and you made it")."""
    return any(part in line for part in bank().answers["step_praise"])


def affirms(line: str) -> bool:
    """Whether ``line`` takes what was said as something that matters or counts (responses.yml
    ``affirming``): never the answer to a message with risk words ("sería mejor morirme")."""
    return any(part in line for part in bank().affirming)


def echoed(line: str) -> bool:
    """Whether ``line`` is one of the bank's echo lines (it said back the person's words)."""
    return bool(_echo_pattern().fullmatch(line or ""))


@lru_cache(maxsize=1)
def _echo_pattern() -> re.Pattern:
    templates = [t for entry in bank().strategies.values() for t in entry.get("echo") or []]
    templates += list(listening_in("en").steps.get("echo") or [])
    templates += [t for lang in LANGUAGE_CODES for t in listening_in(lang).quote]
    parts = [".+".join(re.escape(piece) for piece in re.split(r"\{\w+\}", t)) for t in templates]
    return re.compile("|".join(parts) or "(?!)")


@lru_cache(maxsize=1)
def _quote_pattern() -> re.Pattern:
    """Any line that quoted a short message, in any language."""
    templates = [t for lang in LANGUAGE_CODES for t in listening_in(lang).quote]
    return re.compile("|".join(".+".join(re.escape(piece) for piece in re.split(r"\{\w+\}", t)) for t in templates) or "(?!)")


def _fallback(strategy: str, values: Dict[str, str], said: set, lang: str = "en") -> List[str]:
    """Every line of the bank not said recently (all of a strategy's lines were)."""
    pool = []
    for name in STRATEGIES:
        if name == strategy:
            continue
        for line in candidates(name, None, lang)[1]:
            text = line.format(**values)
            if text not in said:
                pool.append(text)
    return pool
