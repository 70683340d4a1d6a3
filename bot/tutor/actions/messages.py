"""What kind of message a student sent, by its form: a question, an answer, a hint request.

How the student feels is not read here: the emotion service's tutoring states
(``derived.tutoring``) carry that. This module only tells "why is 3/4 bigger than 2/3?" (a
question that contains fractions) from "is it 3/4?" (a tentative answer), and finds what a
question is about (two fractions to compare, a calculation, a word to define, a skill to explain).

(Over 300 lines for a reason: the patterns of each form of message, in seven languages, sit beside the few functions
that tell one form from another; split, a reader would lose which pattern a question outranks.)
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple, Optional

from .answers import answer_digits, parse_answer
from .curriculum import Curriculum, Skill

# question words at the start (English, de, fr, es, it, nl, pt), or a request to explain
_QUESTION_START = re.compile(
    r"^\s*[¿¡]?\s*(?:(?:ok(?:ay)?|so|but|and|wait|hm+|um+|uh+|pls|please|hey|then|like|sorry|yeah|ya)[\s,.!]+)*"
    r"(?:why|how|what|what's|whats|wat|wut|which|when|where|who|wdym|explain|can you explain|could you explain|"
    r"can u explain|do (?:i|you|u|we)|does|is (?:a|an|the|that|this)\b|are|should|isn'?t|"
    r"warum|wieso|weshalb|wie|was|welche[rs]?|pourquoi|comment|quoi|quel(?:le)?s?|"
    r"por ?qu[eé]|c[oó]mo|qu[eé]|cu[aá]l|perch[eé]|come|cosa|quale|waarom|hoe|wat|welke|porque|o que|qual"
    # ninth reading, M7: "est-ce que 2/4 c'est pareil que 1/2 ?" and "quanto fa 1/2 + 1/4?" were graded as answers
    r"|est-ce que|est-ce qu'|est ce que|combien|wie ?viel|cu[aá]nto|quant[oa]|quantos?|hoeveel)\b",
    re.IGNORECASE)
# "why is that?" after a worked example, in seven languages ("warum ist das so?" was parked as off-task: ninth, M7)
_WHY_SO = re.compile(r"^\W*(?:but |and |so |aber |mais |pero |ma |maar |mas )?(?:why is (?:that|it|this)(?: so)?|why does (?:that|it|this) work"
                     r"|(?:warum|wieso|weshalb) (?:ist|geht) das (?:so)?|pourquoi (?:c'est comme [çc]a|[çc]a marche)"
                     r"|por ?qu[ée] es as[íi]|por ?qu[ée] funciona|perch[ée] [èe] cos[ìi]|perch[ée] funziona|waarom is dat zo"
                     r"|waarom werkt dat|por ?que [ée] assim|por ?que isso funciona)\W*$", re.IGNORECASE)
# a question word further in ("so if i add 1/3 and 1/6 do i need to change both?")
_QUESTION_WORD = re.compile(r"\b(?:why|how|what|which|do i|do we|do you|does|should i|need to|can i|is it the same)\b",
                            re.IGNORECASE)
_EXPLAIN = re.compile(r"\b(?:explain|mean|means|meaning|difference|the same as|equal to|bigger|smaller|larger|"
                      r"greater|less than|more than"
                      # the six other languages (ninth reading, M7)
                      r"|pareil|pareille|la m[êe]me chose|le m[êe]me|plus grand|plus petit|dasselbe|das gleiche|gleich|"
                      r"gr[öo][ßs]er|kleiner|lo mismo|igual|mayor|menor|uguale|lo stesso|pi[uù] grande|pi[uù] piccol[oa]|"
                      r"maggiore|minore|hetzelfde|gelijk|groter|o mesmo|a mesma|maior)\b", re.IGNORECASE)
# a tentative answer: a number with at most a few hedging words around it ("is it 3/4?", "maybe 1/2")
_TENTATIVE = re.compile(
    r"^\s*(?:(?:is it|it'?s|its|is|maybe|perhaps|i think|i guess|prob(?:ably)?|so|then|um+|umm+|uh+|hm+|"
    r"the answer is|answer|my answer is|ist es|c'est|es|è|is het|é)\s*)*[-\d\s/.,]+\s*[?!.]*\s*"
    r"(?:(?:right|correct|no|yes|maybe|then|lol|\?)\s*[?!.]*\s*)*$",
    re.IGNORECASE)
# what makes a question one about the lesson: numbers, or words of fractions and of the exercise
_MATHS = re.compile(
    r"\d|\b(?:fractions?|numerators?|denominators?|top|bottoms?|numbers?|simplif\w*|simplest|lowest|terms|reduce|"
    r"factors?|multiples?|products?|improper|mixed|whole|"  # the glossary's words (sixth reading, M8: "what's a factor?")
    r"add\w*|plus|sum|multipl\w*|times|divid\w*|half|halves|thirds?|quarters?|bigger|smaller|larger|greater|"
    r"less|same|equal\w*|common|answer|question|exercise|step|mean|means|method|example|this one|it|this|that|"
    r"br[üu]ch\w*|nenner|z[äa]hler|k[üu]rz\w*|d[ée]nominateur|num[ée]rateur|fracci\w+|denominador|numerador|"
    r"frazion\w+|breuk\w*|teller|noemer|fra[çc][ãa]o|fra[çc][õo]es)\b", re.IGNORECASE)
_HINT = re.compile(r"\b(?:hint|hints|(?<!no )clue|tip|tips|help me|help pls|help please|a help|indice|pista|tipp|aiuto|ajuda|ayuda|"
                   r"hinweis|aide)\b|^\s*help\s*[!?.]*\s*$", re.IGNORECASE)
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_BIGGER = re.compile(r"\b(?:bigger|larger|greater|more|higher|smaller|less|lower|same|equal|größer|grösser|kleiner|"
                     r"plus grand|plus petit|mayor|menor|maggiore|minore|groter|kleiner|maior"
                     # ninth reading, M7: "perché 3/4 è più grande di 2/3?" got the explanation of simplifying
                     r"|pi[uù] grande|pi[uù] piccol[oa]|pareil|pareille|la m[êe]me|dasselbe|das gleiche|gleich|lo mismo|"
                     r"igual|uguale|lo stesso|hetzelfde|gelijk|o mesmo|a mesma)\b", re.IGNORECASE)


MATHS_WORDS = _MATHS
"""Numbers, and words of fractions and of the exercise ("simplify", "this one", "it")."""


def is_question(text: str) -> bool:
    """True for a question about the maths or the item, whatever numbers it holds; a question
    about anything else ("do you play minecraft?") is not one (the lesson goes on).

    >>> is_question("why is 3/4 bigger than 2/3"), is_question("is it 3/4?"), is_question("3/4")
    (True, False, False)
    >>> is_question("do you play minecraft?"), is_question("do i add the bottoms too?")
    (False, True)
    """
    text = (text or "").strip()
    if text and (same_value_options(text) is not None or _WHY_SO.search(text) or decimal_compared(text)):
        return True  # "is one third the answer or is it three ninths", "warum ist das so?" (ninth reading, M7);
        # "is 0.25 a quarter?" (tenth reading, M6: graded "Not quite yet")
    if _BARE_CALCULATION.match(text):
        return True  # "3/4 + 1/8" alone asks for the sum, it is no answer to mark (reading 13, L5)
    if not text or _TENTATIVE.match(text) or _MATHS.search(text) is None or asks_to_go_on(text):
        return False  # "can we do fractions now?" asks for the lesson, not about it (reading 10)
    if _QUESTION_START.match(text):
        return True
    if "?" not in text:
        return False
    return (_EXPLAIN.search(text) is not None or _QUESTION_WORD.search(text) is not None and len(text.split()) > 4
            or parse_answer(text) is None and len(text.split()) > 3)


# a number that counts something else: "2 sec", "3/4 of the pizza", "2 cats", "the 14th", "in 10"
_COUNTS_SOMETHING = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:in|at|by|until|till|for|after|on|since|around)\s+\d",
                               re.IGNORECASE)
# one number said to be the same as another, the last stood by: "but 2/4 is the same as 1/2! you're wrong"
# (sixth reading, M13: read as off-task frustration, a step down and a new question)
_SAME_AS = re.compile(r"\d\s*(?:is|=|'s|are|ist|est|es|è|é)?\s*(?:the same as|equal to|equals|=|gleich|pareil que|"
                      r"lo mismo que|uguale a|hetzelfde als|igual a)\s*\d", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^\s*-?\d+(?:\s*/\s*\d+)?(?:[.,]\d+)?(?![\w/])")
_WORD_AFTER_NUMBER = re.compile(r"\d\s*(?:/\s*\d+)?\s+([a-zà-ÿ']+)", re.IGNORECASE)
# words that may follow an answer: hedges, interjections, the start of a comment on it
_AFTER_ANSWER = frozenset("""
    maybe perhaps right correct i im i'm is it its it's this that so then or and but ugh argh lol lmao haha idk
    pls please yes no ok okay hmm hm um umm again too also now finally yay yess yesss omg wait sorry oops bruh
    ist das c'est es è é is het oder ou o
""".split())


def is_answer(text: str, intent: Optional[str] = None) -> bool:
    """True when the message offers a number as the answer: not a question, and not a number
    that counts something else ("gimme 2 sec", "i have 2 cats", "my cousin got a switch 2",
    which Rasa NLU reads as ``intent`` "off_task").

    >>> is_answer("umm 7/12?"), is_answer("i think its 2/5"), is_answer("gimme 2 sec")
    (True, True, False)
    """
    text = answer_digits(text)  # "one half", "3 over 5"; the reasoning after "because" left out (sixth reading, H11)
    if parse_answer(text) is None or is_question(text):
        return False
    if _TENTATIVE.match(text) or _LEADING_NUMBER.match(text) or _SAME_AS.search(text):
        return True
    if intent == "off_task":
        return False
    if _COUNTS_SOMETHING.search(text):
        return False
    return all(m.group(1).lower() in _AFTER_ANSWER for m in _WORD_AFTER_NUMBER.finditer(text))


def asks_for_hint(text: str) -> bool:
    return _HINT.search(text or "") is not None


_ANSWER_ASKED = re.compile(r"\b(?:(?:tell|give|show) me (?:the )?answer|what(?:'?s| is) the answer|just (?:tell|give|show) me"
                           r"|sag mir (?:die )?(?:antwort|losung|lösung)|donne(?:-moi)? la r[ée]ponse|dime la respuesta"
                           r"|dimmi la risposta|zeg het antwoord|me (?:diz|da|dá) a resposta"
                           # reading 11, L2: "c'est quoi la réponse" was parked as off-task; "what is the answer" asked
                           # as the seven languages ask it
                           r"|(?:c'est|c est|cest) quoi la r[ée]ponse|quelle est la r[ée]ponse|la r[ée]ponse c'est quoi"
                           r"|was ist die (?:antwort|l[öo]sung)|wie (?:lautet|ist) die (?:antwort|l[öo]sung)"
                           r"|cu[áa]l es la respuesta|qu[ée] es la respuesta|qual [èe] la risposta"
                           r"|wat is het antwoord|qual (?:[ée] )?a resposta)\b", re.IGNORECASE)
_TOO_HARD = re.compile(r"\b(?:too hard|too difficult|way too hard|zu schwer|zu schwierig|trop dur|trop difficile|"
                       r"muy dificil|muy difícil|troppo difficile|te moeilijk|muito dificil|muito difícil"
                       # giving up is the same signal (sixth reading, H12: "i give up" read as boredom)
                       r"|i give up|i (?:can'?t|cant|cannot) do (?:this|it)|ich gebe auf|j'abandonne|me rindo|mi arrendo"
                       r"|ik geef (?:het )?op|desisto)\b", re.IGNORECASE)
_LOST = re.compile(r"\b(?:i (?:don'?t|dont|do not) (?:get|understand) (?:it|this)|i'?m (?:so )?(?:lost|confused)|no idea how"
                   r"|versteh(?:e)? (?:das|es) nicht|je (?:ne )?comprends pas|no (?:lo )?entiendo|non (?:lo )?capisco"
                   r"|snap het niet|nao entendi|não entendi"
                   # not knowing is not boredom (sixth reading, H12: "i don't know" got a quick-fire round)
                   r"|idk|i (?:don'?t|dont|do not) know|dunno|no clue|no idea|keine ahnung|je (?:ne )?sais pas|no s[eé]"
                   r"|non lo so|geen idee|n[aã]o sei)\b", re.IGNORECASE)


_QUESTION_ASKED = re.compile(r"\b(?:what(?: was| is|'s|s) (?:the|my) (?:question|exercise)|what (?:question|exercise)"
                             r"|(?:repeat|say) (?:the|that) question|what am i (?:doing|solving|supposed to do)"
                             r"|wie war die frage|c'[ée]tait quoi la question|cu[aá]l era la pregunta|qual era a pergunta"
                             r"|qual era la domanda|wat was de vraag)\b", re.IGNORECASE)


def asks_for_the_question(text: str) -> bool:
    """"what was the question again?", "what's the question" (sixth reading, M8: the pizza explanation instead)."""
    return _QUESTION_ASKED.search(text or "") is not None


def asks_for_the_answer(text: str) -> bool:
    """"can you just tell me the answer", "what's the answer?" (seven languages)."""
    return _ANSWER_ASKED.search(text or "") is not None


_SKIP = re.compile(r"^\W*(?:(?:can|could) (?:we|i) (?:just )?)?(?:skip|next|pass|move on)(?: (?:this|it|that|one|question|"
                   r"this one|please|pls|plz))*\W*$|^\W*next (?:one|question)(?: please| pls)?\W*$"
                   # reading 13, L5: "ok another one", "ok give me another" got the pizza and "Your question is still"
                   r"|^\W*(?:(?:ok|okay|k|fine|yes|yeah|now|so|right)[\s,.!]+)*(?:(?:give|gimme|show|send) me |(?:can|could|may) (?:i|we) "
                   r"(?:have|get|do|try) |i (?:want|wanna|need|'?d like) |let'?s (?:do|try) |try )?(?:another|a different|a new)"
                   r"(?: one| question| exercise| fraction| problem)?(?: (?:please|pls|plz|then|now))*\W*$"
                   r"|^\W*(?:noch eine|eine andere|une autre|otra|otro|un'altra|un altro|nog een|een andere|outra|outro)"
                   r"(?: aufgabe| bitte| s'il te pla[iî]t| por favor| per favore| alsjeblieft)*\W*$", re.IGNORECASE)


def says_skip(text: str) -> bool:
    """"skip", "next", "pass", "can we skip this": a wish to move on, which says nothing about
    whether the item is too easy (third exploratory reading: read as "too easy", a skill jumped)."""
    return _SKIP.search((text or "").strip()) is not None


_START = re.compile(
    # a greeting before the start word too (reading 11, L2: "ciao, cominciamo" got the greeting again)
    r"^\W*(?:(?:ok(?:ay)?|yes|yeah|ja|oui|s[iíì]|sim|bene|dai|allora|vale|bon|goed|oké|ok[eé]?|hi|hey|hello|hallo|hoi"
    r"|servus|moin|salut|bonjour|coucou|hola|buenas|ciao|salve|buongiorno|ol[áa]|oi|bom dia)[\s,.!]+)*"
    r"(?:let'?s (?:start|begin|go)|lets (?:start|begin|go)|start|begin|ready|i'?m ready"
    r"|los geht'?s|los gehts|lass uns (?:anfangen|beginnen|loslegen)|fangen wir an|anfangen|starten"
    r"|on commence|commen[çc]ons|on y va|c'est parti|allons-y"
    r"|empecemos|empezamos|comencemos|comenzamos|vamos a empezar|vamos all[áa]"
    r"|iniziamo|cominciamo|partiamo|possiamo (?:iniziare|cominciare)|inizia(?:re)?"
    r"|laten we beginnen|we beginnen|beginnen|starten maar|kom op"
    r"|vamos come[çc]ar|vamos l[áa]|bora|come[çc]ar|podemos come[çc]ar"
    # reading 12, M6: "los" got the greeting again; the short start words of each language ("go", "auf geht's",
    # "allez", "vas-y", "vamos", "venga", "dale", "dai", "andiamo", "vooruit", "bora", "partiu")
    r"|go|go go|na los|los|auf geht'?s|auf gehts|allez(?:-y| on y va)?|vas-y|vamos|vamo|venga|dale|dai|andiamo|forza"
    r"|vooruit|hup|bora l[áa]|partiu|vamos nessa)(?:\s+(?:please|pls|bitte|s'il te pla[iî]t|"
    r"por favor|per favore|alsjeblieft|now|jetzt|maintenant|ya|ora|adesso|nu|agora))?\W*$", re.IGNORECASE)


def says_start(text: str) -> bool:
    """The start word each language's greeting asks for, and its everyday forms: "let's start", "Los geht's",
    "on commence", "empecemos", "iniziamo", "laten we beginnen", "vamos começar" (eighth reading, M10: Rasa
    NLU read "iniziamo" and "cominciamo" as greetings, and the greeting was said again)."""
    return _START.search((text or "").replace("’", "'").strip()) is not None


_GO_ON = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|yes|yeah|ja|oui|s[iíì]|sim|bon|vale|allora|goed|oké|ok[eé]|alright)[\s,.!]+)*(?:"
    # "can we do fractions now", "can we go back to the lesson", "let's carry on", "back to fractions"
    r"(?:(?:can|could|shall) we|let'?s|lets|i want to|i wanna)(?: just)? (?:do|go back to|get back to|carry on(?: with)?|"
    r"continue(?: with)?|go on(?: with)?|keep going(?: with)?)(?: (?:the |some |our |more )?(?:fractions|maths|math|lesson|"
    r"exercises?|questions?))?|back to (?:the )?(?:fractions|maths|math|lesson)"
    # "können wir jetzt Brüche machen", "können wir weitermachen", "machen wir weiter"
    r"|(?:k[öo]nnen|k[öo]nnten|wollen) wir (?:(?:jetzt|nun|bitte|wieder|dann|mal) )*(?:(?:mit )?(?:den |die )?"
    r"(?:br[üu]chen?|bruchrechnen|mathe)(?: weiter)?(?: machen| weitermachen| rechnen)?|weiter ?machen|weiter)"
    r"|lass uns (?:(?:jetzt|wieder) )*(?:weiter ?machen|(?:mit den )?br[üu]chen? (?:machen|weitermachen))|machen wir weiter"
    r"|zur[üu]ck zu den br[üu]chen"
    # "on peut faire les fractions maintenant", "on continue", "on reprend"
    r"|(?:est-ce qu'|est-ce que )?on (?:peut |pourrait )?(?:faire|reprendre|continuer|refaire|retourner aux|revenir aux)"
    r"(?: (?:les |des )?(?:fractions|maths|exercices))?|on (?:continue|reprend|y retourne)|retour aux fractions"
    # "¿podemos hacer fracciones ahora?", "sigamos", "volvamos a las fracciones"
    r"|(?:podemos|podr[íi]amos) (?:hacer|seguir(?: con)?|continuar(?: con)?|volver a)(?: (?:las |unas |los )?(?:fracciones|"
    r"mates|matem[áa]ticas|ejercicios))?|sigamos|continuemos|volvamos a las fracciones"
    # "possiamo fare le frazioni adesso?", "continuiamo", "torniamo alle frazioni"
    r"|possiamo (?:fare|continuare(?: con)?|riprendere|tornare a)(?: (?:le |delle |alle |con le )?(?:frazioni|mate|"
    r"matematica|esercizi))?|continuiamo|riprendiamo|torniamo alle frazioni"
    # "kunnen we nu breuken doen?", "kunnen we verder?", "laten we doorgaan"
    r"|(?:kunnen|mogen) we (?:(?:nu|weer|nou) )*(?:(?:met )?(?:de )?breuken(?: doen| verder)?|verder(?: ?gaan)?|doorgaan)"
    r"|laten we (?:verder ?gaan|doorgaan)|terug naar de breuken"
    # "podemos fazer frações agora?", "vamos continuar", "voltamos às frações"
    r"|(?:podemos|a gente pode|vamos) (?:fazer|continuar(?: com)?|voltar (?:[àa]s|a)|seguir(?: com)?)(?: (?:as |umas )?"
    r"(?:fra[çc][õo]es|matem[áa]tica|exerc[íi]cios))?|voltamos [àa]s fra[çc][õo]es"
    r")(?:[\s,]+(?:now|please|pls|plz|again|then|jetzt|bitte|maintenant|stp|s'il te pla[iî]t|ahora|ya|por favor|adesso|"
    r"ora|per favore|nu|alsjeblieft|agora))*\W*$", re.IGNORECASE)


def asks_to_go_on(text: str) -> bool:
    """"can we do fractions now", "können wir jetzt Brüche machen?", "on peut faire les fractions maintenant ?" (seven
    languages): a wish to go on with the lesson, met with the current exercise (reading 10: after a handoff was resolved
    it got "Fair enough, let's make it more interesting", the boredom line, and a new question)."""
    return _GO_ON.search((text or "").replace("’", "'").strip()) is not None


def says_too_hard(text: str) -> bool:
    """"too hard", "zu schwer" (seven languages): a step down, whatever the service read."""
    return _TOO_HARD.search(text or "") is not None


def says_lost(text: str) -> bool:
    """"i don't get it", "je comprends pas" (seven languages): an explanation, whatever the service read."""
    return _LOST.search(text or "") is not None


def fractions_in(text: str) -> list[Fraction]:
    """The fractions written in ``text`` ("3/4"), in order; zero denominators left out."""
    return [Fraction(int(a), int(b)) for a, b in _FRACTION.findall(text or "") if int(b)]


def written_fractions(text: str) -> list[str]:
    """The fractions written in ``text``, as written without spaces ("3 / 4" -> "3/4"), zero
    denominators left out."""
    return [m.group(0).replace(" ", "") for m in _FRACTION.finditer(text or "") if int(m.group(2))]


# "why 1/3 and not 2/6", "why 2/4 instead of 1/2", "1/2 rather than 2/4?" (eighth reading, M7): one fraction
# weighed against another, in seven languages
_RATHER_THAN = re.compile(r"\d\s*(?:,\s*)?(?:and not|but not|not|instead of|rather than|vs\.?|versus|und nicht|statt|"
                          r"anstatt|et pas|et non|au lieu de|plut[oô]t que|y no|en lugar de|en vez de|e non|invece di|"
                          r"piuttosto che|en niet|in plaats van|e n[aã]o|em vez de|ao inv[eé]s de)\s*\d", re.IGNORECASE)


_OPTIONS = re.compile(r"^\W*(?:so |but |wait |um+ |hm+ )?(?:is|was|ist|est-ce que|c'est|es|è|is het|é|should it be|would it be|"
                      r"do i (?:write|put)) (?:it |es |het "
                      # "is the answer 1/2 or 2/4?" (ninth reading, c16: the general explanation)
                      r"|the (?:right |correct )?answer |die (?:richtige )?antwort |la (?:bonne )?r[ée]ponse |la respuesta "
                      r"|la risposta |het antwoord |a resposta )?"
                      r"(\d+\s*/\s*\d+)\b.{0,25}?\b(?:or|oder|ou|o|of)\b(?: (?:is it|it'?s|its|ist es|c'est|es|è|is het|é))?"
                      r"\s*(\d+\s*/\s*\d+)\W*(?:the answer|right)?\W*$", re.IGNORECASE)
_CLAIM = re.compile(r"(?<![\d/])(\d+\s*/\s*\d+)\s*(?:is|=|equals|ist|est|es|è|é|fait|fa|gleich|is gelijk aan)\s*"
                    r"(\d+\s*/\s*\d+)(?![\d/])", re.IGNORECASE)


def same_value_options(text: str) -> Optional[tuple[str, str]]:
    """"is one third the answer or is it three ninths": two ways of writing the same amount, asked which is meant
    (ninth reading, M7: parked as off-task), as written in digits, or None (two different values are two answers)."""
    found = _OPTIONS.search(answer_digits(text or ""))
    if found is None:
        return None
    a, b = (x.replace(" ", "") for x in found.groups())
    if a.endswith("/0") or b.endswith("/0") or Fraction(a) != Fraction(b) or a == b:
        return None
    return a, b


def claimed_equal(text: str) -> Optional[tuple[str, str]]:
    """"how do you know 6/8 is 3/4": a fraction said to be another of the same value, the one that is not in lowest
    terms first ("6/8", "3/4"), or None (ninth reading, M7: a number line instead of the working)."""
    found = _CLAIM.search(text or "")
    if found is None:
        return None
    a, b = (x.replace(" ", "") for x in found.groups())
    if a.endswith("/0") or b.endswith("/0") or Fraction(a) != Fraction(b) or a == b:
        return None
    return (a, b) if Fraction(a).numerator != int(a.split("/")[0]) else (b, a)


def comparison(text: str) -> Optional[tuple[str, str]]:
    """The two fractions a "which is bigger" or "why 1/3 and not 2/6" question compares, as
    written, or None."""
    options = same_value_options(text)
    if options is not None:
        return options
    written = written_fractions(text)
    if len(written) >= 2 and (_BIGGER.search(text) or _RATHER_THAN.search(text)):
        return written[0], written[1]
    return None


def glossary_term(text: str, curriculum: Curriculum) -> Optional[str]:
    """The glossary term the question asks about ("what's a denominator", "¿qué significa
    denominador?" -> "denominator"), or None."""
    lowered = (text or "").lower()
    words = curriculum.glossary_words()
    for word in sorted(words, key=len, reverse=True):
        if re.search(rf"\b{re.escape(word)}(?:s|es|en|e|i)?\b", lowered):
            return words[word]
    return None


_SKILL_WORDS = {"simplify": ("simplif", "lowest terms", "reduce", "kürzen", "simplifier", "simplificar"),
                "add_same": ("same denominator", "same bottom"),
                "add_unlike": ("different denominator", "common denominator", "different bottom", "unlike"),
                "multiply": ("multipl", "times", " × ", "mal ", "fois")}


def skill_asked_about(text: str, curriculum: Curriculum) -> Optional[Skill]:
    """The skill a "how do you ..." question names, or None."""
    lowered = f" {(text or '').lower()} "
    for skill in curriculum.skills.values():
        if any(word in lowered for word in _SKILL_WORDS.get(skill.id, ())):
            return skill
    if re.search(r"\b(?:add|adding|plus|sum)\b|\+", lowered):
        fractions = fractions_in(text)
        same = len(fractions) >= 2 and fractions[0].denominator == fractions[1].denominator
        return curriculum.skills.get(2 if same or len(fractions) < 2 else 3)
    return None


_OPERAND = r"(\d+(?:\s*/\s*\d+)?)"
_CALCULATION = re.compile(_OPERAND + r"\s*(\+|plus|-|−|minus|×|\*|x|times|multiplied by|mal|fois|por|per|keer|vezes|"
                          r"÷|divided by|over|geteilt durch|divisé par|dividido (?:por|entre)|diviso|gedeeld door)\s*"
                          + _OPERAND + r"(?!\s*/)", re.IGNORECASE)
_BARE_CALCULATION = re.compile(r"^\W*(?:(?:and|so|ok|okay|what about|how about|und|et|y|e|en)\s+)?" + _OPERAND
                               + r"\s*(?:\+|plus|-|−|minus|×|\*|x|times|mal|fois|por|per|keer|vezes|÷|divided by|geteilt durch)\s*"
                               + _OPERAND + r"\s*\??\s*$", re.IGNORECASE)
"""A calculation written alone ("3/4 + 1/8", "7 x 8?"), with no "=" and no result: a question, not an answer."""
_OPERATORS = {"+": "+", "plus": "+", "-": "-", "−": "-", "minus": "-", "÷": "÷", "divided by": "÷", "over": "÷",
              "geteilt durch": "÷", "divisé par": "÷", "dividido por": "÷", "dividido entre": "÷", "diviso": "÷",
              "gedeeld door": "÷"}


_PART_OF = re.compile(r"\b(half|a third|a quarter|two thirds|three quarters) of " + _OPERAND, re.IGNORECASE)
_PARTS = {"half": "1/2", "a third": "1/3", "a quarter": "1/4", "two thirds": "2/3", "three quarters": "3/4"}
# eighth reading, M7: "what is 2/5 of 10" got the pizza explanation of simplifying
_FRACTION_OF = re.compile(r"(?<![\d/])(\d+\s*/\s*\d+)\s+(?:of|von|de|di|van|do|da)\s+" + _OPERAND + r"(?!\s*/)",
                          re.IGNORECASE)


def calculation(text: str) -> Optional[tuple[str, str, str]]:
    """The sum, difference, product or quotient a question asks for, as written ("what is 2/4
    times 2?" -> ("2/4", "×", "2"); "half of 3/4" -> ("1/2", "×", "3/4")), or None; the operator
    is "+", "-", "×" or "÷"."""
    part = _PART_OF.search(text or "")
    if part is not None:
        return _PARTS[part.group(1).lower()], "×", part.group(2).replace(" ", "")
    part = _FRACTION_OF.search(text or "")  # "what is 2/5 of 10?" -> ("2/5", "×", "10")
    if part is not None and not part.group(1).replace(" ", "").endswith("/0"):
        return part.group(1).replace(" ", ""), "×", part.group(2).replace(" ", "")
    m = _CALCULATION.search(text or "")
    if m is None:
        return None
    a, b = (x.replace(" ", "") for x in (m.group(1), m.group(3)))
    if a.endswith("/0") or b.endswith("/0"):
        return None
    op = _OPERATORS.get(m.group(2).lower(), "×")
    return None if op == "÷" and Fraction(b) == 0 else (a, op, b)


def side_equation(text: str, exercise: str) -> Optional[tuple[str, str, str, str]]:
    """A calculation the student states with its result, to be checked, that is not the exercise
    itself ("3/4 + 1/8 = 7/8 right?" while the exercise is 1/9 + 5/9): (a, op, b, claimed result as
    written), or None (no "=", no calculation, or the exercise's own, which is an answer)."""
    asked = calculation(text)
    if asked is None or "=" not in (text or ""):
        return None
    claimed = parse_answer((text or "").split("=", 1)[1])
    own = calculation(exercise)
    if claimed is None or (own is not None and {asked[0], asked[2]} == {own[0], own[2]} and asked[1] == own[1]):
        return None
    return (*asked, claimed[1])


_GOODBYE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|thanks?|thank you|thx|ty|merci(?: beaucoup)?|danke(?: sch[öo]n)?|gracias|grazie(?: mille)?|dank je(?: wel)?|"
    r"bedankt|obrigad[oa]|valeu|so|alright|right|anyway|bon|vale|allora|nou|bueno)[\s,.!]+)*"
    r"(?:bye|bye bye|byee+|goodbye|good bye|see (?:you|ya|u)(?: (?:later|tomorrow|soon|next time))?|cya|gtg|got to go|gotta go|"
    r"i have to go(?: now)?|i need to go(?: now)?|good ?night|night"
    r"|tsch[üu]ss|tsch[üu]ssi|tschau|auf wiedersehen|bis (?:bald|morgen|dann|sp[äa]ter)|ich muss (?:jetzt )?los|ciao"
    r"|au revoir|[àa] plus|a\+|[àa] bient[ôo]t|[àa] demain|bonne (?:nuit|soir[ée]e)|je dois y aller"
    r"|adi[óo]s|hasta (?:luego|ma[ñn]ana|pronto|la vista)|chao|nos vemos|me tengo que ir|buenas noches"
    r"|ciao ciao|arrivederci|a (?:dopo|domani|presto)|buona (?:notte|serata)|devo andare"
    r"|doei|dag|dagdag|tot ziens|tot (?:morgen|straks|later)|welterusten|ik moet (?:nu )?gaan"
    r"|tchau|tchauzinho|at[ée] (?:logo|mais|amanh[ãa])|boa noite|tenho que ir)"
    r"(?:[\s,.!]+(?:bye|ciao|tchau|doei|adi[óo]s|and thanks|thanks|merci|danke|gracias|grazie|bedankt|obrigad[oa]|"
    r"tutor|now|everyone|:\)|xx?))*[\s.!:)x]*$", re.IGNORECASE)


def says_goodbye(text: str) -> bool:
    """A goodbye in the seven languages the tutor speaks ("bye", "merci au revoir", "adiós", "ciao ciao", "doei",
    "tchau"): ninth reading, M2, each got "take your time" and the question again. A lone "ciao" before the lesson is
    a greeting (the policy asks only once the lesson started)."""
    return _GOODBYE.search((text or "").replace("’", "'").strip()) is not None


# --- tenth reading, M6: a decimal weighed against a fraction (or, reading 12, another decimal), and "why?" after a
# wrong answer ---

_DECIMAL = re.compile(r"(?<![\d/.,])(\d+[.,]\d+)(?![\d/])")
# "half" alone, in seven languages ("is 0.5 half?", "0,5 é metade?"): answers.py reads it only as a whole answer
_HALF_WORD = re.compile(r"\b(?:(?:a|one) half|half|(?:die )?h[äa]lfte|(?:la )?moiti[ée]|(?:la )?mitad|(?:la )?met[àa]"
                        r"|(?:de )?helft|(?:a )?metade)\b", re.IGNORECASE)
# the words that may stand between the decimal and the fraction ("0,5 das gleiche wie 1/2", "0.25 a quarter")
_LINK_WORDS = frozenset("""
    is = equals equal to the same as really exactly just also a an
    ist das gleiche wie gleich dasselbe genau ein eine
    est c'est pareil que égal egal à a la même meme chose un une
    es igual lo mismo que la misma cosa un una
    è uguale lo stesso di come la stessa cosa a un una
    gelijk aan hetzelfde als een precies
    é o mesmo que a mesma coisa um uma
""".split())
_DECIMAL_ASKED = re.compile(r"^\W*(?:so |but |and |wait |um+ |hm+ |aber |mais |pero |ma |maar |mas )?"
                            r"(?:is|isn'?t|does|do|ist|est-ce que|est-ce qu'|est ce que|c'est|es|è|is|é|será|sera)\b",
                            re.IGNORECASE)


# reading 10: "is 0.5 bigger than 1/4?", "¿es 0,5 mayor que 1/4?", "which is bigger, 0.3 or 1/3?" (seven languages)
_RELATION = re.compile(
    r"\b(?:(?P<more>bigger|larger|greater|more|higher|gr[öo](?:ß|ss)er|mehr|plus grande?|sup[ée]rieure?|mayor|"
    r"m[áa]s grande|pi[uù] grande|maggiore|groter|meer|maior|mais)|(?P<less>smaller|less|lower|kleiner|weniger|"
    r"plus petite?|inf[ée]rieure?|menor|m[áa]s peque[ñn][oa]|pi[uù] piccol[oa]|minore|minder|mais pequen[oa]))\b"
    r"(?:\s+(?:than|als|que|do que|de|di|dan|à|a)\b)?", re.IGNORECASE)
_OR_WORDS = frozenset({"or", "oder", "ou", "o", "of"})


class DecimalQuestion(NamedTuple):
    """A decimal weighed against a fraction or another decimal, both as written ("0.5", "1/4"; "0.3", "0.25"), and what
    the question says of the decimal: ``claim`` "=" (the same amount?), ">" or "<" (bigger? smaller?), "?" (which is
    bigger?)."""

    decimal: str
    other: str
    claim: str = "="


def decimal_compared(text: str) -> Optional[DecimalQuestion]:
    """"is 0.25 a quarter?", "ist 0,5 das gleiche wie 1/2?": the decimal and the fraction a question weighs
    against each other, as written ("0.25", "1/4"), or None (tenth reading, M6: graded as a wrong answer, or
    answered with the pizza of 4/8 and 0,5 never named). Seven languages; fractions in words read as digits.
    Reading 10: a comparison too, "is 0.5 bigger than 1/4?" (claim ">"), "ist 0,75 kleiner als 2/3?" ("<"),
    "which is bigger, 0.3 or 1/3?" ("?"): answered with the skill's explanation, 0.5 never compared.
    Reading 12, M5: two decimals ("is 0.3 bigger than 0.25", "ist 0,3 größer als 0,25") got the pizza of simplifying;
    the first is ``decimal``, the second ``other``."""
    digits = _HALF_WORD.sub("1/2", answer_digits(text or ""))
    decimals, fractions = list(_DECIMAL.finditer(digits)), list(_FRACTION.finditer(digits))
    if not (len(decimals) == 1 and len(fractions) == 1 and int(fractions[0].group(2))
            or len(decimals) == 2 and not fractions):
        return None
    first, second = sorted((*decimals, *fractions), key=lambda m: m.start())
    claim = _claim(digits[:first.start()], digits[first.end():second.start()])
    if claim is None:
        return None  # "0.5 of 1/2", "0.5 + 1/4": a calculation, not the same amount asked about
    if "?" not in digits and not _DECIMAL_ASKED.match(digits) and not _QUESTION_START.match(digits):
        return None
    if claim in "<>" and first not in decimals:  # "is 1/4 bigger than 0.5?": said of the decimal, "<"
        claim = {">": "<", "<": ">"}[claim]
    decimal = first if first in decimals else second
    other = second if decimal is first else first
    return DecimalQuestion(decimal.group(1), other.group(0).replace(" ", ""), claim)


def _claim(before: str, between: str) -> Optional[str]:
    """What a question says of the first of two numbers against the second, from the words ``before`` the first and
    ``between`` them: "=" ("is 0.25 a quarter"), ">" or "<" ("0.5 bigger than 1/4"), "?" ("which is bigger, 0.3 or
    1/3"), or None (other words between them: "0.5 of 1/2")."""
    relation = _RELATION.search(between)
    rest = (between[:relation.start()] + " " + between[relation.end():]) if relation else between
    words = rest.lower().replace("?", " ").split()
    if relation is not None and all(word in _LINK_WORDS for word in words):
        return ">" if relation.group("more") else "<"
    if relation is None and len(words) == 1 and words[0] in _OR_WORDS and _RELATION.search(before):
        return "?"
    return "=" if relation is None and all(word in _LINK_WORDS for word in words) else None


_WHY_ALONE = re.compile(
    r"^\W*(?:but |and |so |ok |okay |aber |mais |pero |ma |maar |mas |e )?"
    r"(?:why(?: not)?|how come|why (?:is|was) (?:it|that|mine|my answer) wrong|"
    r"warum(?: nicht)?|wieso(?: nicht)?|weshalb|warum (?:ist|war) (?:das|es|meine antwort) falsch|"
    r"pourquoi(?: pas)?|pourquoi c'est faux|por ?qu[ée](?: no)?|por ?qu[ée] est[áa] mal|"
    r"perch[ée](?: no)?|come mai|perch[ée] [èe] sbagliato|waarom(?: niet)?|waarom is (?:dat|het) fout|"
    r"por ?qu[eê](?: n[ãa]o)?|por ?que (?:est[áa]|t[áa]) errado)\W*$", re.IGNORECASE)


def asks_why(text: str) -> bool:
    """"why?", "warum?", "pourquoi ?", "waarom niet?" alone (seven languages): after a wrong answer, the reason is asked
    for (tenth reading, M6: "warum?" got a quick-fire step up, read as boredom)."""
    return _WHY_ALONE.match(text or "") is not None
