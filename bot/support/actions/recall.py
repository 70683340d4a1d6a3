"""A question about what the person said earlier, answered from the conversation ("What did I say my
fiancé's name was?" -> "You told me your fiancé is called Dev."; "And who moved to Canada?" -> "You
told me your best friend Hannah moved to Canada."), or honestly when the answer is not in it ("I don't
remember you telling me that"). Seventh exploratory reading, M5: such questions got "I'm not here to
judge you" and "How long have you been feeling like this?".

English: the person's words are said back in second person (echo.py), which only English lines do.

Only to a turn that proved its session (exploratory finding H8). The web channels mark each turn
(``metadata["session_proven"]``, connectors/contract.py ``session_proven``): with
``require_session: false`` a REST client may name a sender of its own (an e-mail address) without a
token, and anyone who knows that id could ask "what did i say about my sister?" and be told the
owner's words. :func:`may_recall` says whether the answer to a turn may draw on earlier turns; a
recall question in a turn that may not is answered with :func:`not_signed_in` (seven languages,
``recall_unproven.yml``): earlier messages are not shown in a conversation that is not signed in.
A turn without the mark (a channel that knows no sessions, a system turn) counts as not proven.
Safety is not gated: a question with risk words is no recall question (:func:`asks`), and the crisis
flow reads the whole conversation for every turn.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

import yaml

from actions.echo import LEADING, risk_words, second_person
from actions.language import base_language, folded, least_recent, plain_text
from connectors.contract import session_proven

UNPROVEN_FILE = Path(__file__).with_name("recall_unproven.yml")

NAME_ASKED = re.compile(
    r"\b(?:what(?:'s| is| was|s)?|do you (?:remember|know)|remember) (?:did i (?:say|tell you) )?(?:was |is )?(?:my|his|her|their) "
    r"(?P<who>[a-z-]+(?: [a-z-]+)??)(?:'s|s)? name\b")
OWN_NAME_ASKED = re.compile(r"\b(?:what(?:'s| is|s)|do you (?:remember|know)|remember) my name\b|\bwho am i\b")
WHO_ASKED = re.compile(r"^\W*(?:and |so |wait |ok |okay )?who (?P<what>(?!are\b|r\b|is this\b|am i\b|you\b|reads?\b|can\b|sees?\b"
                       r"|will\b|else\b|gets\b|has access\b)[a-z']+(?: [a-z']+){0,6})\W*$")  # "who reads this?" asks about the service (eighth reading, M3)
WORK_ASKED = re.compile(r"\b(?:what (?:do i do|is my job|did i (?:say|tell you) i do)|(?:do you )?remember what i do|where do i work)\b")
ABOUT_ASKED = re.compile(r"\b(?:what did i (?:say|tell you)|do you remember what i (?:said|told you)) about (?P<what>[a-z' ]+?)\W*$")
RECALL = re.compile(r"\b(?:do you remember|what did i (?:just )?(?:say|tell you)|did i (?:tell|mention)|have i told you)\b")
"""Any question about what the person said: answered honestly when the answer is not found."""
RECALL_ALL = re.compile(
    r"\b(?:(?:do|did|can|could|will) (?:you|u) (?:still )?remember (?:what|everything|anything) i (?:said|told you|wrote)(?: (?:before|earlier|you))?"
    r"|(?:weisst du noch|erinnerst du dich(?: daran)?|kannst du dich (?:daran )?erinnern),? was ich (?:dir )?(?:gesagt|erzahlt|geschrieben) habe"
    r"|(?:tu te souviens|te souviens-tu|tu te rappelles|tu peux te souvenir) de ce que (?:je t'?ai|j'?ai) (?:dit|raconte|ecrit)"
    r"|(?:te acuerdas|recuerdas|puedes recordar) (?:de )?lo que te (?:dije|conte|escribi)"
    r"|(?:puoi ricordare|ti ricordi|ricordi) (?:quello|cio|cosa) (?:che )?ti ho (?:detto|scritto|raccontato)"
    r"|(?:weet je nog|herinner je je|kun je je herinneren) wat ik (?:je |jou )?(?:zei|vertelde|schreef|heb gezegd|heb verteld|heb geschreven)"
    r"|(?:lembras-te|te lembras|(?:voce |vc )?(?:se )?lembra|(?:voce |vc )?consegue lembrar|consegues lembrar-te) (?:d)?o que (?:eu )?(?:te )?(?:disse|contei|escrevi))"
    r"(?: (?:before|earlier|prima|avant|antes|vorhin|eerder|net))?\W*$")
"""A question whether the bot remembers what the person said, asking about nothing in it ("puoi ricordare quello che ti ho detto?":
eleventh reading, M8, got a listening question): answered with the first thing they told (:func:`first_told`)."""
RECALL_OPENS = re.compile(r"^\W*(?:and |so |wait |ok |okay |hey )?(?:what did i (?:just )?(?:say|tell you)|do you remember what i)\b")
"""A recall question without its question mark ("what did i tell you about hr earlier", eighth reading, M4)."""
ASKED_ABOUT = re.compile(
    r"\b(?:what did i (?:just )?(?:say|tell you|write)|do you remember what i (?:said|told you|wrote)|what was it i said)(?: about| that)? (?P<what>.+)"
    r"|\bwas (?:habe|hab) ich (?:dir )?(?:vorhin |vorher |eben |gerade |damals )?(?:uber|von|zu) (?P<what_de>.+?)(?: gesagt| erzahlt| geschrieben)"
    r"|\b(?:erinnerst du dich|weisst du noch),? was ich (?:dir )?(?:uber|von) (?P<what_de2>.+?)(?: gesagt| erzahlt| geschrieben)"
    r"|\b(?:qu'?est-ce que (?:je t'?ai|j'?ai)|qu'?ai-je|tu te souviens de ce que (?:je t'?ai|j'?ai)) (?:dit|raconte|ecrit) (?:sur |de |a propos de |au sujet de )?(?P<what_fr>.+)"
    r"|\b(?:que te|te acuerdas de lo que te) (?:dije|conte|escribi) (?:de |sobre |acerca de )?(?P<what_es>.+)"
    r"|\b(?:cosa|che cosa|ti ricordi cosa) ti ho (?:detto|raccontato|scritto) (?:di |su |riguardo a |a proposito di )?(?P<what_it>.+)"
    r"|\b(?:wat heb ik (?:je |jou )?(?:net |eerder |daarnet )?(?:gezegd|verteld|geschreven)|wat zei ik|weet je nog wat ik (?:zei|vertelde)) (?:over |van )?(?P<what_nl>.+)"
    r"|\bo que (?:e que )?(?:eu )?(?:te )?(?:disse|contei|escrevi|falei) (?:sobre |de |da |do |dos |das )?(?P<what_pt>.+)")
"""A question about what the person said, in seven languages (folded), and what it is about: answered with their own
words (:func:`quoted`; eighth reading, M4: "was habe ich vorhin über Jana gesagt?", "cosa ti ho detto di mio fratello?"
got listening lines, "what did i say my daughter drew?" "I don't remember")."""
NOT_ASKED = {
    "the", "a", "an", "my", "me", "you", "i", "it", "about", "that", "earlier", "before", "again", "said", "say", "told", "tell",
    "just", "was", "is", "did", "do", "to", "of", "what", "ago", "today", "then", "uber", "vorhin", "vorher", "mein", "meine", "meinem",
    "meiner", "meinen", "dir", "ich", "hab", "habe", "gesagt", "erzahlt", "der", "die", "das", "den", "dem", "ein", "eine", "le", "la", "les",
    "mon", "ma", "mes", "de", "du", "des", "que", "qu", "je", "j", "t", "ai", "sur", "tout", "a", "l", "mi", "mis", "el", "los", "las", "te",
    "lo", "que", "dije", "sobre", "antes", "il", "di", "mio", "mia", "miei", "mie", "ti", "ho", "detto", "su", "prima", "over", "mijn",
    "het", "een", "je", "jou", "net", "eerder", "o", "os", "as", "meu", "minha", "meus", "minhas", "eu", "disse", "da", "do", "dos",
    "das", "em", "um", "uma", "antes", "ja", "yo", "io", "ik", "zei",
    # ninth reading, M4: "what did i say about my landlord earlier? i forgot to reply to him" quoted a message with "him"
    "him", "her", "them", "he", "she", "they", "his", "hers", "their", "ihm", "ihr", "lui", "elle", "el", "ella", "lei", "hem",
    "haar", "ele", "ela", "tout", "heure", "l'heure", "tantot", "eben", "gerade", "vorhin", "fa", "poco"}
SAME = [
    {"mother", "mum", "mom", "mama", "mummy", "mommy", "mutter", "mutti", "mere", "maman", "madre", "mami", "mamma", "moeder", "mam",
     "mae", "mamae"},
    {"father", "dad", "daddy", "papa", "vater", "pere", "padre", "papi", "babbo", "vader", "pai", "papai"},
    {"son", "sohn", "fils", "hijo", "figlio", "zoon", "filho"},
    {"daughter", "tochter", "fille", "hija", "figlia", "dochter", "filha"},
    {"brother", "bruder", "frere", "hermano", "fratello", "broer", "irmao"},
    {"sister", "schwester", "soeur", "hermana", "sorella", "zus", "irma"},
    {"husband", "ehemann", "mari", "marido", "esposo", "marito"},
    {"wife", "frau", "femme", "esposa", "mujer", "moglie", "vrouw", "mulher"},
    {"grandma", "grandmother", "nan", "nana", "oma", "grand-mere", "mamie", "abuela", "nonna", "avo", "vovo"},
    {"grandad", "grandpa", "grandfather", "opa", "grand-pere", "papi", "abuelo", "nonno", "avo", "vovo"},
    {"friend", "freund", "freundin", "ami", "amie", "amigo", "amiga", "amico", "amica", "vriend", "vriendin"},
    {"dog", "hund", "chien", "chienne", "perro", "perra", "cane", "hond", "cao", "cachorro"},
    {"cat", "katze", "kater", "chatte", "gato", "gata", "gatto", "gatta", "kat", "poes"},
    {"work", "job", "arbeit", "travail", "boulot", "trabajo", "lavoro", "werk", "baan", "trabalho", "emprego"},
    {"school", "schule", "ecole", "escuela", "colegio", "scuola", "escola"},
]
"""Words that name the same person or thing in the seven languages: a question in one language finds what was written in
another ("what did i say about my mother?" after "soms bel ik mijn moeder drie keer per dag": ninth reading, M4)."""


def _same_as(word: str) -> set:
    """``word`` and the words in the other languages that name the same (``SAME``)."""
    return set().union({word}, *(group for group in SAME if word in group))
"""Words of a recall question that say nothing about what it asks for."""
QUOTED_WORDS = 30
"""A quoted sentence longer than this many words is cut."""
JOB = re.compile(r"\b(?:i'?m|i am|im) (?P<job>an? [a-z]+(?: [a-z]+)?)\b|\bi work (?:as|at|in|for) (?P<place>[a-z' ]+)")
JOBS_NOT = {"bit", "lot", "mess", "wreck", "little", "failure", "loser", "joke", "burden", "disappointment", "idiot", "good",
            "bad", "real", "fan", "few", "big", "huge", "total", "complete", "person", "while"}


def asks(text: str) -> bool:
    """Whether ``text`` asks about something the person said earlier."""
    plain = plain_text(text)
    if risk_words(text):
        return False
    if RECALL_ALL.search(plain):
        return True
    if ASKED_ABOUT.search(plain) and ("?" in text or RECALL_OPENS.search(plain) or ASKED_ABOUT.search(plain).start() == 0):
        return True  # any language; without "?" when the question opens the message (eighth reading, M4)
    return "?" in text and any(p.search(plain) for p in (NAME_ASKED, OWN_NAME_ASKED, WHO_ASKED, WORK_ASKED, ABOUT_ASKED, RECALL))


def may_recall(metadata: Optional[Mapping[str, Any]]) -> bool:
    """Whether the answer to the user message with this ``metadata`` may say back earlier turns of
    the conversation: only when the channel proved the turn's session (``session_proven``)."""
    return session_proven(metadata)


def not_signed_in(lang: str = "en", recent: Sequence[str] = ()) -> str:
    """The line for a recall question in a turn that did not prove its session, in ``lang`` (English
    for a language without one), the variant said least recently in ``recent``."""
    lines = _unproven_lines()
    return least_recent(lines.get(lang) or lines.get(base_language(lang)) or lines["en"], recent)


@lru_cache(maxsize=1)
def _unproven_lines() -> Dict[str, List[str]]:
    return yaml.safe_load(UNPROVEN_FILE.read_text(encoding="utf-8"))


def answer(text: str, earlier: Sequence[str], own_name: Optional[str] = None) -> tuple[str, dict]:
    """The ``answers`` key and its values for the question ``text``, from the person's ``earlier``
    messages (oldest first) and the name they gave (``own_name``): ``recall_name``, ``recall_own_name``,
    ``recall_told``, or ``recall_unknown`` when the answer is not in them."""
    plain = plain_text(text)
    if OWN_NAME_ASKED.search(plain):
        return ("recall_own_name", {"name": own_name}) if own_name else ("recall_unknown", {})
    asked = NAME_ASKED.search(plain)
    if asked:
        who = asked.group("who")
        for message in reversed(earlier):
            name = _name_of(who, message)
            if name:
                return "recall_name", {"who": _as_typed(who, earlier), "name": name}
        return "recall_unknown", {}
    if WORK_ASKED.search(plain):
        for message in reversed(earlier):
            found = JOB.search(plain_text(message))
            if found and found.group("job") and found.group("job").split()[1] not in JOBS_NOT:
                return "recall_told", {"said": f"you're {found.group('job')}"}
            if found and found.group("place"):
                return "recall_told", {"said": f"you work {found.group(0).split(' ', 2)[2]}"}
        return "recall_unknown", {}
    what = WHO_ASKED.search(plain) or ABOUT_ASKED.search(plain)
    if what:
        said = _told(what.group("what").strip(), earlier, about=bool(ABOUT_ASKED.search(plain)))
        return ("recall_told", {"said": said}) if said else ("recall_unknown", {})
    return "recall_unknown", {}



def _name_of(who: str, message: str) -> Optional[str]:
    """The name ``message`` gives the person's ``who`` ("my fiancé Dev", "my sister's name is Ana")."""
    typed = folded(message).replace("’", "'")
    for pattern in (rf"\bmy {re.escape(who)},? (?:called |named )?(?P<name>[A-Z][\w'-]+)",
                    rf"\bmy {re.escape(who)}(?:'s|s)? name (?:is|was|'s) (?P<name>\w[\w'-]*)"):
        found = re.search(pattern, typed, flags=re.IGNORECASE)
        if found:
            name = found.group("name")
            start = found.start("name")
            if message[start:start + 1].isupper() or "name" in found.group(0).lower():
                return name[:1].upper() + name[1:]
    return None


def _as_typed(who: str, earlier: Sequence[str]) -> str:
    """``who`` as the person wrote it ("fiancé", not the folded "fiance")."""
    for message in earlier:
        words = re.findall(r"[\w'-]+", message)
        for word in [*words, *(" ".join(pair) for pair in zip(words, words[1:]))]:
            if folded(word) == who:
                return word.lower()
    return who


def _told(what: str, earlier: Sequence[str], about: bool = False) -> Optional[str]:
    """The part of the newest earlier message that holds ``what`` ("moved to canada"), from the one it
    is about ("my best friend Hannah") to the end of the clause, in second person; None if none holds it."""
    words = [w for w in what.split() if w not in ("the", "a", "an", "my")]
    if not words:
        return None
    for message in reversed(earlier):
        if risk_words(message):
            continue
        for clause in re.split(r"[.!?;\n]+|,\s+|\s+(?:so|but|because|and then)\s+", message):
            plain = plain_text(clause)
            at = plain.find(" ".join(words)) if not about else next((plain.find(w) for w in words if w in plain), -1)
            if at < 0 or len(plain.split()) > 20:
                continue
            said = clause.strip().split()
            while said and said[0].lower() in LEADING:
                said.pop(0)
            return second_person(" ".join(said)).rstrip(",") or None  # "since i was 9" -> "since you were 9" (ninth reading, L2)
    return None


def quoted(text: str, earlier: Sequence[str]) -> Optional[str]:
    """The sentence of the person's ``earlier`` messages (oldest first) that holds most of what ``text`` asks about
    (``ASKED_ABOUT``: "what did i say my daughter drew?" -> "she drew me a card with 200 on it"), as they wrote it; the
    newest of equals; None when the question names nothing or no sentence holds it. Any language (eighth reading, M4)."""
    if NAME_ASKED.search(plain_text(text)) or OWN_NAME_ASKED.search(plain_text(text)):
        return None  # a name asked for is found or honestly not known (:func:`answer`), never another sentence with "name"
    found = ASKED_ABOUT.search(plain_text(text))
    what = next((value for value in (found.groupdict().values() if found else ()) if value), "")
    what = re.split(r"[?.!;\n]", what)[0]  # the question, not what follows it ("... earlier? i forgot to reply to him")
    asked = [w for w in re.findall(r"[^\W_]+", what) if w not in NOT_ASKED]
    if not asked:
        return None
    best, best_score = None, 0
    for message in earlier:  # oldest first: a later sentence with as many words wins
        if risk_words(message) or asks(message):
            continue
        for sentence in re.split(r"(?<=[.!?;])\s+|\n+", message):
            words = re.findall(r"[^\W_]+", plain_text(sentence))
            score = sum(any(w.startswith(a[:5]) if len(a) > 3 else w == a for w in words)
                        or any(w == b or (len(b) > 4 and w.startswith(b)) for w in words for b in _same_as(a) - {a})
                        for a in asked)
            if score and score >= best_score:
                best, best_score = sentence.strip(), score
    if best is None:
        return None
    words = best.split()
    return " ".join(words[:QUOTED_WORDS]) + (" …" if len(words) > QUOTED_WORDS else "")


RECALL_FIRST = re.compile(
    r"\b(?:at the (?:very )?(?:beginning|start)|first thing i (?:said|told you|wrote)|(?:ganz )?am anfang|zu beginn|zuerst"
    r"|(?:tout )?au debut|en premier|(?:justo )?al (?:principio|comienzo|inicio)|primero|all'? ?inizio|per prim[oa]"
    r"|in het begin|aan het begin|eerst|no (?:inicio|comeco)|primeiro)\b")
"""What the person said first, asked for ("¿Me puedes recordar qué te dije al principio?": thirteenth reading, L3, got the
line before the question): answered as a question about everything said, with the first thing they told."""


def asks_all(text: str) -> bool:
    """Whether ``text`` asks whether the bot remembers what the person said, about nothing in particular (``RECALL_ALL``), or
    what they said first (``RECALL_FIRST`` in a recall question)."""
    plain = plain_text(text)
    return (bool(RECALL_ALL.search(plain)) or (bool(RECALL_FIRST.search(plain)) and asks(text))) and not risk_words(text)


def corrected(messages: Sequence[str]) -> List[str]:
    """The person's ``messages`` (oldest first) as they stand after the facts they put right: a correction ("sorry, I meant my
    sister, not my brother") is made in the messages before it ("since my brother moved away" -> "since my sister moved away")
    and left out itself (eleventh reading, M9: after a pause, "Last time you told me ... since your brother moved away")."""
    from actions.asked_the_bot import put_right  # asked_the_bot reads echo, as this module does

    out: List[str] = []
    for message in messages:
        fix = put_right(message)
        if fix is None:
            out.append(message)
            continue
        old, new = fix
        whole = re.compile(rf"\b{re.escape(old)}\b", re.IGNORECASE)
        last = re.compile(rf"\b{re.escape(old.split()[-1])}\b", re.IGNORECASE)
        for i in range(len(out) - 1, -1, -1):  # the newest message that holds what was taken back
            if whole.search(out[i]):
                out[i] = whole.sub(lambda _: new, out[i])  # the person's words, never a template (\1, \,)
                break
            if last.search(out[i]):
                out[i] = last.sub(lambda _: new.split()[-1], out[i])
                break
    return out
