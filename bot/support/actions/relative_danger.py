"""Someone else in danger, as a relative or a friend tells it (policies/situations.py ``friend_at_risk``): whether the
one at risk can be reached, whether they have means at hand, a weapon above all, whether the writer is their parent,
and which of the situation's lines that calls for (situation_replies.py says them).

A weapon comes first (thirteenth exploratory reading, H8: "Mein Mann ... hat sein Jagdgewehr aus dem Schrank geholt",
then "Er sitzt jetzt im Auto vor dem Haus", got a line about the writer's own hopelessness and "Ich höre dich"): the
emergency number now, what to tell them (a weapon, what was said, where), and the writer keeps their distance; never
"take it out of their room", as for pills. Someone at risk who cannot be reached after the risk was told ("Er ist
gerade nicht zu Hause und geht nicht ans Handy" after a goodbye letter) is an emergency: the number now, and where
they might be.

A blade is a weapon when the one at risk has said they will end it (fourteenth reading, B22: "Mijn vriend zit met een mes
in de badkamer en zegt dat hij er een eind aan maakt" got "put it out of reach", 112 only "if it could happen soon"); a
door not opened ("Hij doet de deur niet open"), a phone not answered ("Ze neemt haar telefoon niet op") or whereabouts
unknown ("ik weet niet waar ze is") is someone who cannot be reached (B09: the parents' lines again).

Every pattern reads the message folded (:func:`plain`: lower case, no accents, no apostrophes)."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from actions.language import folded

SUBSTANCE_TAKEN = re.compile(r"\b(?:swallow\w*|took|taken|has taken|ate|eaten|drank|overdos\w*|geschluckt|genommen|avale|pris|tomo|se tomo"
                             r"|ingoiato|preso|ingenomen|ingeslikt|tomou|engoliu)\b")
"""Means already taken: someone else's emergency (the emergency lines), not means to put out of reach."""
DUTCH_KNIFE = r"\b(?:een|het|zijn|haar|dat|mijn|met) mes\b|\b(?:keuken|brood|vlees|zak|slagers)mes\b"
"""A knife in Dutch: "mes" after an article or in a compound, never Spanish "un mes" (a month)."""
UNREACHABLE = re.compile(
    r"\b(?:(?:is|s|isnt|isn t|not|still not|wont|won t) (?:answering|picking up|replying|responding)|(?:can ?t|cannot|cant) (?:reach|get hold of|get through to)"
    r"|(?:phone|her phone|his phone) (?:is |s )?(?:off|dead|going to voicemail)|no answer|left (?:me )?on read"
    r"|geht nicht (?:mehr )?(?:ran|ans telefon|ans handy)|nimmt nicht (?:mehr )?ab|ist nicht (?:mehr )?erreichbar"
    r"|erreiche (?:ihn|sie) nicht|(?:ne )?r[eé]pond (?:pas|plus)|(?:je )?n ?arrive pas (?:a|à) (?:le|la) joindre|no (?:contesta|responde)"
    r"|no (?:le|la|lo) (?:puedo|consigo) localizar|non risponde|non riesco a (?:raggiungerl[oa]|contattarl[oa])|neemt niet op|reageert niet"
    r"|ik kan (?:hem|haar) niet bereiken|n[aã]o (?:atende|responde)|n[aã]o consigo falar com"
    r"|(?:doesnt|does not|didnt|did not|wont|will not) (?:answer|pick up|reply|respond)(?: to)? (?:me|(?:the|her|his|their|my) (?:phone|cell|mobile"
    r"|calls?|texts?|messages?|door))|nimmt (?:\w+ ){0,2}nicht (?:mehr )?ab|neemt (?:\w+ ){0,2}niet (?:meer )?op|geeft geen antwoord"
    r"|is niet bereikbaar|(?:(?:dont|do not) know where (?:he|she|they) (?:is|are)|wei(?:ss|ß) nicht,? wo (?:er|sie) (?:ist|steckt)"
    r"|(?:je )?ne sais pas ou (?:il|elle) est|no (?:se|sabemos) donde esta|non so dove (?:sia|e|si trova)|weet niet waar (?:hij|ze|zij) is"
    r"|n[aã]o sei onde (?:ele|ela) (?:esta|ta))(?=\s*(?:$|[,.;:!?]|(?:right )?now\b|jetzt\b|gerade\b|maintenant\b|ahora\b|ora\b|adesso\b"
    r"|nu\b|agora\b)))\b(?! (?:\w+ ){0,2}(?:questions?|fragen?|preguntas?|domand[ae]|vra(?:ag|gen)|perguntas?)\b)")
"""Someone at risk the person cannot reach ("she's not answering her phone now": sixth reading, M3; "geht nicht ans Handy":
thirteenth, H8), a door they do not open, whereabouts unknown ("Hij doet de deur niet open", "ik weet niet waar ze is":
fourteenth, B22, B09): the emergency number for where they are comes first, alone, not the whole paragraph again.
Not answering takes an object and whereabouts end the clause ("he didn't answer my question", "I don't know where she is
going with this" are none: second reviewer, R2.1)."""
DOOR_SHUT = re.compile(
    r"\b(?:(?:doesnt|does not|didnt|did not|wont|will not) open (?:the|her|his|their) door|(?:isnt|is not|not) opening (?:the|her|his|their) door"
    r"|macht (?:die tur )?nicht (?:mehr )?auf|offnet (?:die tur )?nicht|n ?ouvre (?:pas|plus)|no (?:me )?abre(?: la puerta)?|non (?:mi )?apre"
    r"|doet (?:de deur )?niet (?:meer )?open|n[aã]o (?:me )?abre(?: a porta)?)\b")
"""A door the one at risk does not open ("Hij doet de deur niet open": fourteenth reading, B22): someone who cannot be
reached, unless the message says it is a game or a joke (``PLAYFUL``)."""
PLAYFUL = re.compile(
    r"\b(?:playing|(?:a |for )?(?:game|joke|prank)s?|joking|kidding|spielt|spielen|spass|witz|joue|jeu|blague|rigole|jugando|juego|broma"
    r"|bromeando|gioca|giocando|gioco|scherz\w*|speelt|spelen|spelletje|grapje|brincando|brincadeira|jogando|jogo)\b")
"""A game or a joke ("no me abre la puerta, está jugando", "he won't open the door, we're playing hide and seek"): a door
shut in play is no emergency (second reviewer, R2.1)."""
WEAPON = re.compile(
    r"\b(?:guns?|shotguns?|rifles?|firearms?|handguns?|pistols?|revolvers?|weapons?"
    r"|\w*gewehre?|schrotflinten?|flinten?|waffen?|pistolen?|fusils?|carabines?|pistolets?|armes?|escopetas?|pistolas?|armas?"
    r"|fucil[ei]|doppiett[ae]|\w*geweer|\w*geweren|pistool|wapens?|vuurwapens?|espingardas?|carabinas?)\b")
"""A weapon near the one at risk ("sein Jagdgewehr", "a gun", "une arme"): call now, keep away from it, never take it away."""
MEANS_AT_HAND = re.compile(
    r"\b(?:pills?|tablets?|meds|medication|medicine|painkillers|rope|knife|knives|razors?|blades?"
    r"|tabletten|medikamente|seil|strick|messer|klingen|rasierklingen|cachets|medicaments|medocs|comprimes|corde"
    r"|couteau|lames|pastillas|medicamentos|pildoras|cuerda|cuchillo|navajas|pillole|pastiglie|farmaci|corda|coltello"
    r"|lamette|pillen|medicijnen|touw|messen|mesjes|remedios|comprimidos|faca|laminas|giletes?)\b|" + DUTCH_KNIFE)
"""Something else they could use, near the one at risk ("tiene pastillas de su papá en su cuarto": ninth reading, M8, got the
friends' block again and never "take the pills out of his room"): putting it out of reach comes first."""
BLADE = re.compile(r"\b(?:knife|knives|machetes?|\w*messer|couteaux?|cuchillos?|navajas?|machete|coltell[oi]|messen|facas?"
                   r"|facoes?|canivetes?|navalhas?)\b|" + DUTCH_KNIFE)
"""A knife near the one at risk ("met een mes", "un couteau"): a weapon when they said they will end it (``ENDING_IT``)."""
ENDING_IT = re.compile(
    r"\b(?:kill (?:him|her|them|my)sel(?:f|ves)|end (?:it|it all|his life|her life|their life)(?! with (?:him|them|her\b(?! (?:\w+ )?(?:knife|gun|pills|blade|rope))|(?:his|their|my) \w+))|take (?:his|her|their) (?:own )?life"
    r"|suicid\w*|\w*umbring\w*|bringt sich um|das leben (?:nehmen|nimmt)|nimmt sich das leben|(?<!beziehung )ein ende (?:machen|macht|setzen|setzt)(?! mit (?:ihm|ihr|ihnen|seine\w*|ihre\w*))"
    r"|se (?:tuer|tue|suicider)|en finir(?! avec (?:lui|elle|eux|son|sa|ses|mon|ma)\b)|mettre fin a ses jours|passer a lacte|matarse|se (?:va a |quiere )?matar?|quitarse la vida"
    r"|acabar con (?:todo|su vida)|uccidersi|ammazzarsi|si (?:uccide|ammazza)|(?:la )?fa(?:rla)? finita(?! con (?:lui|lei|loro|il suo|la sua|il mio|la mia)\b)|togliersi la vita"
    r"|zelfmoord|zelfdoding|zichzelf (?:doden|ombrengen|van kant maken)|van kant maken|er een einde? aan(?!(?: \w+)? met (?:hem|haar|zijn)\b)|een einde? aan (?:zijn|haar) leven"
    r"|se matar|matar-se|vai se matar|acabar com (?:tudo|a vida|a propria vida)|tirar a (?:propria )?vida|por fim a vida)\b")
"""The one at risk said they will end it ("zegt dat hij er een eind aan maakt", "dice que se va a matar"), not only that they
want to die: with a blade at hand, the weapon's line (call now, keep your distance), not "put it out of reach". Ending it
with someone ("end it with her boyfriend", "en finir avec lui", "farla finita con lei") is a break-up (second reviewer, R2.1)."""
OWN_CHILD = re.compile(
    r"\b(?:my (?:\d{1,2}[ -]?(?:year[ -]?old|yo|y o)|(?:\d{1,2}[ -]?(?:year[ -]?old|yo) )?(?:son|daughter|child|kid|teen|teenager|stepson|stepdaughter|little boy|little girl))"
    r"|mein (?:sohn|kind|stiefsohn)|meine (?:tochter|stieftochter)|meine[sm] (?:sohne?s?|kinde?s?|stiefsohne?s?)|meine[rn] (?:tochter|stieftochter|sohn)"
    r"|unser(?:e[mnrs]?)? (?:sohne?s?|tochter|kinde?s?)"
    r"|mon (?:fils|enfant|ado)|ma fille|mi (?:hijo|hija|nino|nina|hijastr[oa])"
    r"|(?:mio|il mio) (?:figlio|bambino|ragazzo di \d+ anni)|(?:mia|la mia) (?:figlia|bambina|ragazza di \d+ anni)|mijn (?:zoon|dochter|kind|stiefzoon|stiefdochter)"
    r"|(?:meu|o meu) (?:filho|menino|enteado)|(?:minha|a minha) (?:filha|menina|enteada))\b")
"""A parent telling of their own child ("mi hijo de 14 años", "my 14 year old", "ma fille", "im Zimmer meines Sohnes"),
folded: the parents' lines, not the friends' (tenth exploratory reading, M3: "mi hijo de 14 años se está cortando los
brazos" got "reply to them now" for a friend's text message); "il mio ragazzo", "la mia ragazza" only with an age: without
one, a boyfriend or girlfriend."""


def plain(text: str) -> str:
    """``text`` as the patterns above read it: folded, apostrophes dropped ("j'ai 14 ans" -> "jai 14 ans")."""
    return folded(text).replace("'", "").replace("’", "")


def danger_key(text: str, earlier: Sequence[str] = (), after: bool = False) -> Optional[str]:
    """The ``answers`` key of the line for someone else in danger that ``text`` tells (``earlier``: the person's messages
    before, oldest first; ``after``: a follow-up while the situation is open), or None: a weapon in the message, or told
    in ``earlier`` for a follow-up ("Er sitzt jetzt im Auto vor dem Haus": ``situation_friend_weapon_after``); the one
    at risk cannot be reached (after the risk was told, an emergency: ``situation_friend_unreachable_after``); other
    means at hand, not already taken."""
    said, before = plain(text), [plain(message) for message in earlier]
    if armed(said, before):
        return "situation_friend_weapon"
    if after and any(armed(message, before) for message in before):
        return "situation_friend_weapon_after"
    if UNREACHABLE.search(said) or DOOR_SHUT.search(said) and not PLAYFUL.search(said):
        return "situation_friend_unreachable_after" if after else "situation_friend_unreachable"
    if MEANS_AT_HAND.search(said) and not SUBSTANCE_TAKEN.search(said):
        return "situation_friend_at_risk_means"
    return None


def armed(said: str, earlier: Sequence[str] = ()) -> bool:
    """Whether ``said`` (folded: :func:`plain`) tells of a weapon, or of a blade while the one at risk said, in ``said`` or
    one of the ``earlier`` messages (folded), that they will end it (``ENDING_IT``)."""
    return bool(WEAPON.search(said) or BLADE.search(said) and any(ENDING_IT.search(told) for told in (said, *earlier)))


def friend_in_danger(text: str) -> bool:
    """Someone at risk the person cannot reach, or with a weapon or other means at hand ("il a des médicaments, il ne
    répond plus"): a person from the team joins at once when the message reads as risk (twelfth reading, M7: the French
    partner was asked "Tu veux bien ?" where the English one, read high, was handed over)."""
    return danger_key(text) is not None


def a_parent(text: str, earlier: Sequence[str] = ()) -> bool:
    """Whether the person tells of their own child (``OWN_CHILD``), in ``text`` or one of their ``earlier`` messages."""
    return any(OWN_CHILD.search(plain(said)) for said in (text, *earlier))
