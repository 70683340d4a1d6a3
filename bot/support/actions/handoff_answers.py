"""What a person waiting for a human says, answered (during a handoff the bot stays present:
actions/crisis.py): medicine taken or at hand, means, a place, someone held on to or who could
help, the hospital, not knowing where to start, what they feel, a question about the help lines.
The words and English lines are the ``handoff`` block of responses.yml; the other languages' lines
the ``handoff`` block of i18n/<lang>.yml. An act coming is read in handoff_imminent.py; a step towards an attempt
named in the person's own words (a letter written, a time, the means counted) and consent withdrawn in
handoff_steps.py, whose answers :func:`answered` adds."""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from actions.language import least_recent, translated
from actions.bank import bank, says, words_pattern
from actions import handoff_steps
from actions.handoff_bank import kind_lines
from actions.handoff_imminent import imminent, imminent_lines
from actions.question_form import is_question
from actions.screener import read_answer

HANDOFF_KINDS = ("imminent", "attempt", "sick_taken", "taken", "plan", "medicine", "means", "means_here", "place", "method",
                 "calm", "gave_away", "coping", "secret", "police", "reasons", "person", "hospital", "start", "burden", "hopeless", "alone", "tired",
                 "stop_numbers", "who_to_call", "wait", "language", "recall_asked", "off_errand")
"""What a person waiting for a human may say that gets an answer of its own, in this order (eleventh reading, M5, M10:
a way of dying, a pet or belongings given away, "do you remember what I told you?", an errand such as homework)."""
ANSWERED_BY = {"sick_taken": {"attempt"}, "taken": {"attempt", "sick_taken"}, "medicine": {"taken", "sick_taken", "attempt"},
               "means_here": {"taken", "medicine", "means", "attempt"}, "method": {"imminent", "attempt", "place"},
               "plan": {"imminent"}, "means": {"taken", "medicine", "attempt"},
               "reasons": {"gave_away"}, "person": {"reasons", "gave_away"}}
"""A kind left out when the message holds one of these (answered now or in the last turns):
medicine already taken needs the emergency line, not "put them out of reach"; "i couldnt do that
to my sister" is someone held on to, not (also) someone to call now; "j'ai donné mon chat" is a pet given away, not a
reason to live (eleventh reading, M5); "tonight" after the pills is the act coming, not also a plan (twelfth, M3)."""
SAFETY_KINDS = ("imminent", "attempt", "sick_taken", "taken", "plan", "medicine", "means", "means_here", "place", "method", "calm", "gave_away",
                "farewell", *handoff_steps.ACT_STEPS)
"""What the bot still answers once a person from the team has joined (they answer the rest)."""
WITH_THE_TEAM = ("imminent", "attempt", "sick_taken", "taken", "medicine", "means", "place")
"""What the bot still answers once a person from the team has joined and written (ninth reading, M11: the person is
talking with them): an attempt under way, medicine taken, and means or a place not told before (:func:`told_before`)."""
TOLD_AGAIN_OK = ("imminent", "attempt", "sick_taken", "taken")
"""Kinds answered with the team there however often told."""
ONLY_AT_RISK = {"medicine", "means", "means_here", "place", "method"}
"""Kinds a question whose own reading is no risk does not get ("should I take melatonin or ask my
doctor for sleeping pills?" from a person who asked for a human is not medicine at hand)."""
SAID_AGAIN = ("imminent", "attempt", "sick_taken", "taken", "medicine", "means", "means_here", "place", "method")
"""Kinds whose line is said again when said before: danger told again is answered again (eighth reading, M6)."""
SAID_AGAIN_AFTER = 3
"""... once this many of the bot's lines came after it (not twice in a row)."""
EVERY_TIME = ("place",)  # said again every time, read at risk or not (twelfth reading, H5: a third "still on the balcony")
MAX_HANDOFF_LINES = 2
"""At most this many such answers a turn (safety first: means and place come first)."""


THERE = re.compile(r"\b(near it|next to it|by it|at it|on it|under it|near there|over there|there now|i'?m here now|"
                   r"im here now|i'?m there|im there|right there|daneben|dort|là-bas|j'y suis|ahí|allí|lì|daar|lá)\b")
"""A place named only by pointing back ("im sitting in my car near it now")."""


HER = re.compile(r"\b(?:sister|mum|mom|mother|wife|girlfriend|aunt|grandma|gran|nan|daughter|niece|auntie|stepmum|stepmom)\b")
HIM = re.compile(r"\b(?:brother|dad|father|husband|boyfriend|uncle|grandpa|grandad|son|nephew|stepdad)\b")


def pronoun_of(person: str) -> str:
    """How a line refers back to ``person`` ("your sister" -> "her"; "a friend", "your therapist" ->
    "them"): seventh reading, L2, "Reaching out to your sister ... Could you call or message them"."""
    return "her" if HER.search(person or "") else "him" if HIM.search(person or "") else "them"


def gender_of(texts: Sequence[str]) -> Optional[str]:
    """"him" / "her" for the person the first of ``texts`` naming one names (``handoff.gender``: "mon copain" -> "him";
    the earliest, there the longest, word found), else None (twelfth reading, M7)."""
    words = bank().handoff["gender"]
    for text in texts:
        lowered = (text or "").lower().replace("’", "'")
        found = [(m.start(), -len(m.group(0)), gender) for gender in ("him", "her")
                 for m in words_pattern(words[gender]).finditer(lowered)]
        if found:
            return min(found)[2]
    return None


def no_more_numbers(text: str, earlier: Sequence[str] = ()) -> bool:
    """Whether the person asked, in this message or one of ``earlier``, not to be given the help
    lines again ("can you stop with the hotline stuff"): then they come back only with a message
    of high risk of its own."""
    return any(says(bank().handoff["stop_numbers"]["words"], t) for t in [text, *earlier])


def asked_if_taken(bot_said: Sequence[str], lang: str = "en") -> bool:
    """Whether one of ``bot_said`` is the bot's own "have you taken any of the pills?" (English or
    ``lang``, whatever medicine it named): a yes to it is medicine taken."""
    own = ((translated(lang) or {}).get("handoff") or {}).get("medicine") or []
    templates = [*bank().handoff["medicine"]["lines"], *own]
    patterns = [re.compile("^" + ".+".join(re.escape(part) for part in t.split("{medicine}")) + "$") for t in templates]
    return any(p.match(line) for p in patterns for line in bot_said)


def told_before(kind: str, text: str, earlier: Sequence[str]) -> bool:
    """Whether what ``text`` names for ``kind`` (the pills, the rope, the bridge) one of the person's ``earlier``
    messages named already: with a person from the team there, they ask about it; new means ("i also have a knife
    here" after the pills) are answered. An attempt or medicine taken is never "told before" (``TOLD_AGAIN_OK``)."""
    if kind in TOLD_AGAIN_OK:
        return False
    pattern = words_pattern(bank().handoff[kind]["words"])
    named = {m.group(0) for m in pattern.finditer((text or "").lower().replace("’", "'"))}
    return bool(named) and all(any(word in (said or "").lower().replace("’", "'") for said in earlier) for word in named)



OWNS = re.compile(r"^\s*(?:has|keeps|owns|hat|a|garde|tiene|guarda|ha|heeft|bewaart|tem)\b")
"""A person named as having or keeping something ("my dad has", "mon père a", "mijn vader heeft")."""


def owns_means(rest: str) -> bool:
    """Whether ``rest`` (lower-cased, what follows a person named) says that person has means ("has pills in the
    cabinet"): the means are theirs, the person is not one to call (twelfth reading, M3, a 14-year-old's "my dad has pills
    in the cabinet" got "Reaching out to your dad sounds like a really good idea")."""
    means = words_pattern([*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"]])
    return bool(OWNS.match(rest)) and bool(means.search(rest))


def confirms_farewell(text: str, earlier: Sequence[str]) -> bool:
    """Whether ``text`` confirms a goodbye told in the person's message just before (the last of ``earlier``: a letter,
    a note, a farewell, screener.yml ``disclosures``): a yes, or whom it is for ("sim, pra minha família" after "escrevi
    uma carta de despedida": eleventh reading, M10, where a reflection about the family followed)."""
    from actions import disclosure
    from actions.screener import fold

    if not earlier or disclosure.disclosed(earlier[-1], {}) not in ("told", "farewell") or is_question(text):
        return False
    return read_answer(text) == "yes" or bool(FOR_WHOM.match(fold(text)))


FOR_WHOM = re.compile(r"^(?:(?:yes|yeah|ja|oui|si|sim|ok)\s+)?(?:for|to|fur|an|pour|a|para|pra|pro|per|voor|aan)\s+(?:my|mein\w*|ma|mon|mes|"
                      r"mi|mis|la mia|il mio|i miei|le mie|mia|mio|mijn|minha|meu|meus|minhas|a minha|o meu|os meus|as minhas)\b")
"""Whom a goodbye is for, said as the answer ("for my family", "pra minha família", "à ma sœur"), folded."""


def asks_who_to_call(text: str) -> bool:
    """Whether the person asks who they can call now ("im in london, who can i call?"): the lines in full follow."""
    return says(bank().handoff["who_to_call"]["words"], text)


def handoff_lines(text: str, recent: Sequence[str], lang: str = "en", earlier: Sequence[str] = (),
                  at_risk: bool = True, kinds: Optional[Sequence[str]] = None, asked_taken: bool = False,
                  leave_out: Sequence[str] = ()) -> List[str]:
    """The lines of :func:`answered` (the same arguments)."""
    return [line for _, line in answered(text, recent, lang, earlier, at_risk, kinds, asked_taken, leave_out)]


def answered(text: str, recent: Sequence[str], lang: str = "en", earlier: Sequence[str] = (),
             at_risk: bool = True, kinds: Optional[Sequence[str]] = None, asked_taken: bool = False,
             leave_out: Sequence[str] = ()) -> List[Tuple[str, str]]:
    """(kind, line) pairs that answer what a person waiting for a human says: medicine already taken (call
    emergency services now), medicine at hand (has any been taken? else out of reach), other means
    at hand (put distance between you and them), a place (step away), someone they hold on to (a
    protective factor: the ``reasons`` words after one of its ``before`` words, "i have my little
    brother"), else a person who could help (reach them now), worry about the hospital, not knowing
    where to start, what they feel (a burden, hopeless, alone, worn out: validated), sudden calm or
    a goodbye (are you safe? stay), a plan or a time (the emergency number now; are the means near?), self-harm as a way to cope (heard; the injury asked after), a
    plea for secrecy (who can read this, honestly), a fear of the police (no one is called, and when
    a person might be), a request to stop the help lines, how long the wait is, which
    languages the team speaks, a question about the help lines (at most ``MAX_HANDOFF_LINES``, in
    that order; means, medicine and a place not for a question ``at_risk`` says reads as no risk;
    only ``kinds`` when given, never those in ``leave_out``). An attempt under way (car exhaust, heavy bleeding, dizzy) comes
    first; a yes to the bot's own "have you taken any?" (``asked_taken``) is medicine taken, and
    means pointed back to ("in a box next to my bed") are asked to be put out of reach. A kind is
    left out when the message says the one named is gone or must not know (its ``unless`` words). Each at most once, none said in ``recent``; in
    ``lang`` (i18n/<lang>.yml ``handoff``, lines without the person's words, so no grammar of theirs
    has to fit)."""
    lowered = (text or "").lower().replace("’", "'")
    out: List[Tuple[str, str]] = []
    heard: set = set()  # the kinds this message holds (answered now or lately)
    # "yeah i think i might" to "have you taken any?": emergency now ("il y a quelqu'un ?" is no yes: ninth reading, L6);
    # a time for the act ("tonight probably", "bof, peut-être demain") says when, not a dose taken: its own line (twelfth
    # reading, M3, a23; thirteenth, M8)
    if asked_taken and read_answer(text) == "yes" and not handoff_steps.names_a_time(text):
        out += [("taken", line) for line in kind_lines("taken", lang)[:1]]
        heard.add("taken")
    for kind in [k for k in HANDOFF_KINDS if (kinds is None or k in kinds) and k not in leave_out and k not in heard]:
        entry = bank().handoff[kind]  # a yes to "have you taken any?" answered the taken words too (twelfth reading, L1)
        if kind == "imminent":  # a jump, a train, a time after a means (tenth reading, H3): words and what came before
            if imminent(text, earlier):
                heard.add(kind)
                fresh = [line for line in imminent_lines(text, lang, earlier) if line not in list(recent)[-SAID_AGAIN_AFTER:]]
                out += [(kind, line) for line in fresh[:1]]
            continue
        pattern = words_pattern(entry["words"])
        found = pattern.search(lowered)
        named = found.group(0) if found else None
        if named is None and kind == "place" and THERE.search(lowered):  # the place the person named before
            named = next((m.group(0) for t in reversed(earlier) for m in [pattern.search(t.lower())] if m), None)
        if named is None or (entry.get("unless") and words_pattern(entry["unless"]).search(lowered)):
            continue
        if kind in ("person", "reasons") and found and lowered[found.end():found.end() + 1] in ("s", "'"):
            continue  # "my mums sleeping pills": whose the pills are, not someone to call
        if kind in ("person", "reasons") and found and owns_means(lowered[found.end():]):
            continue  # "my dad has pills in the cabinet": whose the pills are, not someone to call (twelfth reading, M3)
        if kind in ("person", "reasons") and words_pattern(bank().handoff["burden"]["words"]).search(lowered):
            continue  # "je suis un poids pour mes enfants": a burden felt, no one to hold on to (fourteenth reading, M4)
        if entry.get("before") and not (found and words_pattern(entry["before"]).search(lowered[:found.start()])):
            continue
        if entry.get("with") and not any(words_pattern(entry["with"]).search(t.lower()) for t in [lowered, *earlier]):
            continue  # "i took them": the medicine named in this message or the person's last ones
        if ANSWERED_BY.get(kind, set()) & heard or (kind in ONLY_AT_RISK and not at_risk and is_question(lowered)):
            continue
        heard.add(kind)
        words = re.sub(r"^(my|mein\w*|mon|ma|mes|mi|mis|il mio|la mia|i miei|mio|mia|mijn|meu|minha|meus) ", "your ",
                       named) if lang == "en" else ""
        fresh = [line.format(**{kind: words, "them": pronoun_of(words)}) for line in kind_lines(kind, lang)]
        unsaid = [line for line in fresh if line not in recent]
        # means, a place, medicine told again while waiting: the safety line again, never only "I'm here" (eighth reading, M6)
        again = [line for line in fresh if line not in list(recent)[-SAID_AGAIN_AFTER:]] or [least_recent(fresh, recent)] * (kind in EVERY_TIME)
        fresh = unsaid or (again[:1] if kind in SAID_AGAIN and (at_risk or kind in EVERY_TIME) and not is_question(lowered) else [])
        if fresh:
            out.append((kind, fresh[0]))
    question = bank().handoff["question"]
    if kinds is None and is_question(lowered) and words_pattern(question["words"]).search(lowered) \
            and not heard & {"stop_numbers", "who_to_call", "wait", "language"}:  # about the help lines, not "hello?"
        out += [("question", line) for line in kind_lines("question", lang) if line not in recent][:1]
    return handoff_steps.with_steps(out, text, recent, lang, earlier, kinds, leave_out)[:MAX_HANDOFF_LINES]  # a step, consent
