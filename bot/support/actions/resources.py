"""Crisis resources per deployment and locale (policies/crisis_lines.py: ``policies/crisis_resources.yml``,
or the file named by ``$EMOBOT_CRISIS_RESOURCES``) worded as the support bot says them, in the
person's language, with markdown links (``tel:``, ``sms:``, ``https:``) that the chat page and Rasa
web chat widgets show as clickable; and the country a message says the person is in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence

from actions.language import base_language, folded
from policies import crisis_lines
from policies.crisis_lines import CrisisLines


@dataclass(frozen=True)
class Resources(CrisisLines):
    """A locale's lines (policies/crisis_lines.py) worded as the support bot says them; in a sentence in another
    language than the lines' own (a German speaker in the UK), named neutrally (tenth exploratory reading, L4:
    "ruf 999 an oder Samaritans, free, any time: 116 123")."""

    def full(self, lang: str = "en") -> str:
        """Every resource, for the first message of an escalation (sentence in ``lang``)."""
        return frames(lang)["full"].format(emergency=self.emergency_in(lang), lines="; ".join(self.links_in(lang)))

    def where(self, lang: str = "en") -> str:
        """Every line, for a person who has just said where they are."""
        return frames(lang)["where"].format(emergency=self.emergency_in(lang), lines="; ".join(self.links_in(lang)))

    def texting(self, lang: str = "en") -> str:
        """For a person who cannot talk on the phone: the lines that take texts, else where to find one."""
        texts = [link for line, link in zip(self.lines, self.links_in(lang)) if line.get("sms") or "text" in line.get("name", "")]
        if not texts:
            return frames(lang)["text_none"].format(emergency=self.emergency_in(lang))
        return frames(lang)["text"].format(emergency=self.emergency_in(lang), lines="; ".join(texts))

    def sentence(self, kind: str, lang: str = "en") -> str:
        """The ``abuse``, ``poison``, ``child`` or ``friends`` (the crisis lines, for someone worried
        about another person) sentence with this locale's lines, ending in a space; "" when it has none."""
        links = self.links_in(lang, self.lines if kind == "friends" else getattr(self, kind))
        return frames(lang)[kind].format(lines="; ".join(links)) if links else ""

    def short(self, lang: str = "en") -> str:
        """The emergency number and the first line, for the messages that follow."""
        if not self.lines:
            return frames(lang)["short_alone"].format(emergency=self.emergency_in(lang))
        return frames(lang)["short"].format(emergency=self.emergency_in(lang), first=self.links_in(lang)[0])

    def foreign_to(self, lang: str) -> bool:
        """Whether a sentence in ``lang`` is in another language than the lines' names."""
        return base_language(lang) != self.language

    def links_in(self, lang: str, lines: Optional[List[Mapping[str, str]]] = None) -> List[str]:
        """The links of ``lines`` (default the crisis lines) for a sentence in ``lang``."""
        return self.links(lines, neutral=self.foreign_to(lang))

    def emergency_in(self, lang: str) -> str:
        """The emergency number for a sentence in ``lang``."""
        return self.emergency_number(neutral=self.foreign_to(lang))

    def for_young(self) -> "Resources":
        """These resources for a child or young person: the locale's ``child`` lines first, then the crisis lines (a line
        in both once); unchanged where the locale has none (eleventh reading, M11: "im 14" got only Lifeline, not Kids
        Helpline)."""
        phones = {line.get("phone") or line.get("sms") or line.get("url") for line in self.child}
        lines = [*self.child, *(line for line in self.lines if (line.get("phone") or line.get("sms") or line.get("url")) not in phones)]
        return Resources(**{**vars(self), "lines": lines}) if self.child else self


FRAMES = {"full": "If you are in immediate danger, please call {emergency} now. You can reach someone any time: {lines}.",
          "short": "If you're in danger right now, call {emergency}, or {first}.",
          "short_alone": "If you're in danger right now, call {emergency}.",
          "where": "Thank you. Where you are, you can reach someone any time: {lines}. In an emergency, call {emergency}.",
          "text": "If talking is hard, you can text: {lines}. In an emergency, call {emergency}.",
          "text_none": "If talking is hard, [findahelpline.com](https://findahelpline.com) lists text and chat services where you are. In an emergency, call {emergency}.",
          "poison": "If they swallowed something, you can also call {lines}. ",
          "abuse": "For violence at home you can get free, confidential help: {lines}. ",
          "friends": "Crisis lines help friends and family too: {lines}. ",
          "child": "Children and young people can talk to {lines}, free and in confidence. "}


def frames(lang: str) -> Dict[str, str]:
    """The sentences around the numbers, in ``lang`` where i18n/<lang>.yml has them."""
    from actions.language import translated

    return {**FRAMES, **((translated(lang) or {}).get("resources") or {})}


COUNTRIES: Dict[str, List[str]] = {
    "en-US": ["the us", "the usa", "the united states", "america", "the states", "estados unidos", "eeuu"],
    "en-GB": ["the uk", "england", "scotland", "wales", "britain", "great britain", "the united kingdom",
              "northern ireland"],
    "en-IE": ["ireland"],
    "en-CA": ["canada", "kanada"],
    "en-AU": ["australia", "australien", "australie"],
    "en-NZ": ["new zealand", "nz"],
    "en-IN": ["india", "indien", "inde"],
    "de-DE": ["germany", "deutschland", "allemagne", "alemania", "germania", "duitsland", "alemanha"],
    "de-AT": ["austria", "osterreich", "autriche", "oostenrijk"],
    "de-CH": ["switzerland", "schweiz", "suisse", "svizzera", "suiza", "zwitserland", "suica"],
    "fr-FR": ["france", "frankreich", "francia", "frankrijk", "franca"],
    "fr-BE": ["belgium", "belgique", "belgien", "belgica", "belgio", "belgie"],
    "es-ES": ["spain", "espana", "spanien", "espagne", "spagna", "spanje", "espanha"],
    "es-MX": ["mexico"],
    "it": ["italy", "italia", "italien", "italie"],
    "nl-NL": ["the netherlands", "netherlands", "holland", "nederland", "niederlande", "pays bas", "paesi bassi",
              "paises bajos"],
    "pt-BR": ["brazil", "brasil", "bresil", "brasilien"],
    "pt-PT": ["portugal"],
    "es-AR": ["argentina", "argentinien", "argentine"],
    "es-CO": ["colombia", "kolumbien", "colombie"],
    "es-CL": ["chile", "chili"],
    "en-NG": ["nigeria"],
    "en-ZA": ["south africa", "sudafrika", "afrique du sud", "sudafrica", "zuid afrika", "africa do sul"],
    "en-PH": ["the philippines", "philippines", "filipinas", "philippinen"],
    "en-SG": ["singapore", "singapur", "singapour", "singapura"],
}
"""Country names (lower case, without accents) in the seven languages -> the locale of their
help lines in ``crisis_resources.yml``."""
CITIES: Dict[str, List[str]] = {
    "en-US": ["new york", "new york city", "nyc", "los angeles", "chicago", "houston", "phoenix", "philadelphia",
              "san antonio", "san diego", "dallas", "san francisco", "seattle", "boston", "miami", "atlanta",
              "denver", "washington dc"],
    "en-GB": ["london", "manchester", "birmingham", "liverpool", "leeds", "glasgow", "edinburgh", "cardiff",
              "belfast", "bristol", "sheffield", "newcastle"],
    "en-IE": ["dublin", "cork", "galway"],
    "en-CA": ["toronto", "vancouver", "montreal", "ottawa", "calgary", "edmonton"],
    "en-AU": ["sydney", "melbourne", "brisbane", "perth", "adelaide"],
    "en-NZ": ["auckland", "wellington", "christchurch"],
    "en-IN": ["mumbai", "delhi", "new delhi", "bangalore", "bengaluru", "chennai", "kolkata", "hyderabad"],
    "de-DE": ["berlin", "hamburg", "munich", "munchen", "koln", "cologne", "frankfurt", "stuttgart", "dusseldorf",
              "leipzig", "dresden"],
    "de-AT": ["vienna", "wien", "graz", "salzburg", "linz", "innsbruck"],
    "de-CH": ["zurich", "geneva", "geneve", "genf", "bern", "basel", "lausanne"],
    "fr-FR": ["paris", "lyon", "marseille", "toulouse", "nantes", "bordeaux", "lille", "strasbourg"],
    "fr-BE": ["brussels", "bruxelles", "brussel", "antwerp", "anvers", "antwerpen", "liege", "ghent"],
    "es-ES": ["madrid", "barcelona", "valencia", "sevilla", "seville", "bilbao", "malaga", "zaragoza"],
    "es-MX": ["mexico city", "ciudad de mexico", "cdmx", "guadalajara", "monterrey"],
    "it": ["rome", "roma", "milan", "milano", "naples", "napoli", "turin", "torino", "florence", "firenze",
           "bologna", "venice", "venezia"],
    "nl-NL": ["amsterdam", "rotterdam", "utrecht", "the hague", "den haag", "eindhoven", "groningen"],
    "pt-BR": ["sao paulo", "rio de janeiro", "brasilia", "belo horizonte", "recife", "porto alegre", "curitiba"],
    "pt-PT": ["lisbon", "lisboa", "porto"],
    "es-AR": ["buenos aires", "cordoba", "rosario", "mendoza"],
    "es-CO": ["bogota", "medellin", "cali", "barranquilla"],
    "en-NG": ["lagos", "abuja", "ibadan", "kano", "port harcourt"],
    "en-ZA": ["johannesburg", "joburg", "cape town", "durban", "pretoria"],
    "en-PH": ["manila", "quezon city", "cebu", "davao"],
}
"""Big cities (lower case, without accents) -> the locale of their country's help lines: "im in
london, who can i call?" (third exploratory reading). Names that are also everyday words ("nice",
"reading") are left out."""
_PLACES = {locale: COUNTRIES[locale] + CITIES.get(locale, []) for locale in COUNTRIES}
_WHERE = re.compile(r"\b(?:in|en|im|aus|from|de|da|a|na|no|em|uit|van|au|aux|near|outside)\s+(" + "|".join(
    sorted((re.escape(name) for names in _PLACES.values() for name in names), key=len, reverse=True)) + r")\b")


_SOMEONE_ELSE = re.compile(r"\b(?:my|our|his|her|their|he|she|they|hes|shes|mein\w*|unser\w*|sein\w*|ihr\w*|er|sie|mon|ma|mes|notre|nos|son|sa|ses"
                           r"|il|elle|ils|elles|mi|mis|nuestr[oa]s?|su|sus|el|ella|ellos|mio|mia|miei|mie|lui|lei|loro|mijn|ons|onze|zijn|haar"
                           r"|hij|zij|ze|meu|minha|meus|minhas|nosso|nossa|dele|dela|ele|ela|eles)\b")
"""A person other than the writer named just before a place ("my son is in Australia", "mon frère vit en Belgique")."""
_MYSELF = re.compile(r"\b(?:i|im|me|ich|je|jai|moi|yo|estoy|vivo|io|sono|ik|ben|woon|eu|estou|moro)\b")
"""The writer named there ("im at my mums in london"): the place is theirs."""
_SUBJECT_WORDS = 4
"""How many words before the place are read for whose it is."""


def _about_someone_else(before: str) -> bool:
    """Whether the words just before a place name another person as the one there, not the writer (thirteenth reading,
    H2: "My son is in Australia" gave an en-GB person Australia's 000 and Lifeline)."""
    clause = re.split(r"[.;!?\n]| and | und | et | y | e | en ", before)[-1]
    words = " ".join(clause.split()[-_SUBJECT_WORDS:])
    # the writer anywhere in the clause makes the place theirs: "i am staying at my sisters in spain" (the review of
    # stop 44: only the last four words were read, and a person in Spain got the page's UK lines)
    return bool(_SOMEONE_ELSE.search(words)) and not _MYSELF.search(clause)


def country_locale(text: str, lang: Optional[str] = None) -> Optional[str]:
    """The locale of the country a message says the person is in or from ("i am in germany",
    "ich wohne in österreich", "je suis en belgique", "im in london"), the last one named, in the person's
    ``lang`` where the country has lines in it (Canada: en-CA, or fr-CA in French; the US in
    Spanish: es-US); None when none is named, or only as where someone else is ("my son is in Australia")."""
    plain = folded(text)  # the words read with punctuation as spaces, one for one: the sentence before a place kept
    named = [m.group(1) for m in _WHERE.finditer(re.sub(r"[^\w\s]", " ", plain)) if not _about_someone_else(plain[:m.start()])]
    if not named:
        return None
    locale = next(locale for locale, names in _PLACES.items() if named[-1] in names)
    spoken = f"{base_language(lang)}-{locale.split('-')[-1]}" if lang and "-" in locale else None
    return spoken if spoken and spoken in crisis_lines.table() else locale


YOUNG_AGE = re.compile(r"\b(?:im|i am|i m|ich bin|jai|j ai|tengo|ho|ik ben|tenho) (?:only |just |nur |erst |seulement |solo |pas |maar "
                       r"|apenas |so )?(?:[5-9]|1[0-7])\b(?! (?:min|minutes?|hours?|days?|weeks?|months?|times|kg|kilos?|lbs|pills|euros?|dollars"
                       r"|pounds|minuten|stunden|tage|wochen|monate|jours|heures|semaines|mois|dias|horas|semanas|meses|giorni|ore|settimane|mesi"
                       r"|minuti|dagen|uur|weken|maanden|minutos|feet|foot|ft|floors?|stor(?:e)?ys|stories|metres?|meters?|m|km|miles|stone|st|steps|blocks"
                       r"|etages?|stockwerke?|pisos?|andares|piani|verdiepingen|percent|%)\b"
                       r"|\s*(?:years?|jahre?n?|jaar|ans|anos|anni) (?:married|together|clean|sober|verheiratet|zusammen|getrouwd|samen"
                       r"|nuchter|marie|mariee|ensemble|casad[oa]s?|juntos|sposat[oa]|insieme|sobri[oa]))")
"""A person who says their age under 18 ("im 14", "tenho 15 anos", "ich bin 13", "j'ai 14 ans"), on the folded message without
apostrophes: a child or young person."""


def says_young(messages: Sequence[str]) -> bool:
    """Whether one of the person's ``messages`` says they are under 18 (``YOUNG_AGE``): their country's line for children and
    young people then comes first for the rest of the conversation (:meth:`Resources.for_young`)."""
    return any(YOUNG_AGE.search(folded(text).replace("'", "").replace("’", "")) for text in messages)


def resources_for(locale: Optional[str], young: bool = False) -> Resources:
    """The resources of ``locale`` ("de-AT" -> "de-AT", else "de"), else the default ones
    (policies/crisis_lines.py), worded as the support bot says them; ``young``: for a child or young person
    (:meth:`Resources.for_young`)."""
    found = Resources(**vars(crisis_lines.lines_for(locale)))
    return found.for_young() if young else found
