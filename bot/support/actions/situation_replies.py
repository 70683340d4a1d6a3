"""Answers to the situations a message reports (policies/situations.py), before anything else the
bot would say: someone else's emergency (call the emergency number now, the poison line),
abuse at home (not your fault, are you safe, the violence line), someone else at risk (how to
help them, the crisis lines that help friends too), a panic attack (breathing, and when to call).

The NLU's ``SituationEntities`` tags a message with the entity ``situation``; config.yml's rule
"situation" sends an acute one here. The situation then stays open for ``FOLLOW_UP_TURNS`` of
the person's messages (slot ``situation_open``): a follow-up ("what should i do?", "was it my
fault?", "it's getting worse") gets the situation's next line, not a generic answer. A message
the crisis detector flags as clear high risk (``derived.crisis`` flag and explicit) still reaches
a human after the situation's line: the crisis escalation when the risk is the writer's own (abuse
or panic, a category other than risk to others: "he hit me again and i want to die"), else a
person from the team joins with the situation as the reason ("my husband said if i leave he'll kill me", a friend
who texted goodbye); without such a flag a person is offered. A parent telling of their own child at risk gets a
parent's lines, not a friend's, and a person from the team at once unless the risk is told as past (tenth reading, M3).

(Over 300 lines for a reason: most of it is the situations' cue patterns in seven languages, each beside the one
function that reads it; the action that answers them is short.)
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.bank import answers, bank, says
from actions.conversation import Say, clear_screen, crisis_of, crisis_reason, earlier_messages, user_turns
from actions.echo import risk_words
from actions.handoff_answers import gender_of
from actions.language import least_recent, translated
from actions.relative_danger import a_parent, danger_key, friend_in_danger, plain as _plain
from actions.resources import YOUNG_AGE
from actions.replies import ActionSupportQuestion
from policies.situations import ACUTE

HELP_CALLED = re.compile(
    r"\b(?:called|calling|rang|phoned) (?:911|999|112|000|111|an ambulance|the ambulance|poison control|the police|emergency)"
    r"|\b(?:ambulance|paramedics|police|help|they)(?: is| are|re|s)? (?:coming|on (?:the|their|its) way|here|arriving)"
    r"|\b(?:911|999|112|000) said|\bsaid to (?:do|give|put)|\b(?:estan|vienen) en camino|\bsind unterwegs|\bils arrivent"
    r"|\bstanno arrivando|\bkomen eraan|\bestao a caminho|\bja liguei|\bhe llamado|\bllame al|\bhab (?:angerufen|den notruf)"
    r"|\bjai appele|\bho chiamato|\bik heb (?:gebeld|112 gebeld)|\bliguei|\b(?:rettung|krankenwagen|notarzt|polizei) (?:ist|kommt)"
    r"|\b(?:ambulance|secours|pompiers|samu) (?:arrive|arrivent)|\b(?:ambulancia|policia) (?:viene|llega)|\b(?:ambulanza|polizia) (?:arriva|sta arrivando)"
    r"|\b(?:ambulance|politie) (?:komt|is onderweg)|\b(?:ambulancia|samu|policia) (?:ta|esta) (?:vindo|chegando)")
"""Help has been called or is coming ("911 said to do back blows", "the ambulance is coming"): no more "call now"."""
MEDICAL = re.compile(
    r"\b(?:chest (?:hurts|pain|is hurting)|heart attack|pain in my chest|(?:going to|gonna|about to) faint|passing out"
    r"|brustschmerz\w*|herzinfarkt|ohnmachtig|douleur (?:dans la|a la) poitrine|crise cardiaque|m ?evanouir|dolor (?:en el|de) pecho"
    r"|infarto|desmayar|dolore al petto|svenire|pijn op (?:de|mijn|mn) borst|hartaanval|flauwvallen|dor no peito|desmaiar)\b")
"""Panic with chest pain, a feared heart attack or fainting: a doctor should check, now."""
SUBSTANCE = re.compile(
    r"\b(?:swallow\w*|took|taken|ate|eaten|drank|drunk|pills?|tablets?|meds|bleach|poison\w*|overdos\w*|chemical\w*|batter\w*"
    r"|pods?|geschluckt|getrunken|tabletten|medikamente|gift|avale|cachets|comprimes|medicaments|javel|trago|pastillas|lejia"
    r"|veneno|ingoiato|pastiglie|candeggina|ingeslikt|pillen|engoliu|remedios|comprimidos|agua sanitaria)\b")
"""Something swallowed or taken: only then the poison line."""
FIRST_AID = re.compile(r"\b(?:on (?:her|his|their) back|give (?:her|him|them) (?:water|something to drink|food)|make (?:her|him|them) (?:throw up|sick|vomit)"
                       r"|auf dem rucken|wasser geben|sur le dos|(?:de|a) (?:l ?eau|boire)|boca arriba|dar(?:le)? agua|sulla schiena|dar(?:le|gli) (?:acqua|da bere)"
                       r"|op (?:zijn|haar) rug|water geven|de barriga para cima|dar agua)\b")
"""Lying on their back, or water or food to give: the first-aid answer (on their side, nothing by mouth)."""
CHILD = YOUNG_AGE
"""A person who says they are a child ("im 14", "tengo 15"): the children's line instead of the adults' abuse line."""
PHONE_WATCHED = re.compile(
    r"\b(?:(?:will|would|could|can|might) (?:he|she|they) (?:see|read|find|check) (?:this|it|my \w+)|(?:has|takes|checks|goes through|"
    r"reads|looks at) my (?:phone|messages|texts|chats|laptop)|(?:see|read|find) (?:this|these|my) (?:chat|messages|texts)"
    r"|(?:liest|sieht|kontrolliert) (?:er|sie) (?:das|mein handy|meine nachrichten)|(?:il|elle) (?:lit|voit|regarde|fouille) (?:ca|mon telephone|mes messages)"
    r"|(?:lo va a ver|revisa mi (?:telefono|celular|movil)|lee mis mensajes)|(?:controlla|legge) (?:il mio telefono|i miei messaggi)"
    r"|(?:kijkt|leest) (?:hij|zij) (?:mijn telefoon|mijn berichten|mee)|(?:ele|ela) (?:ve|le|olha|mexe) (?:no )?(?:meu celular|minhas mensagens))\b")
"""A person who fears the one hurting them reads their phone ("he has my phone sometimes, will he see
this?": sixth reading, H2): how to keep this chat from them, before anything else."""
HOW_TO_HELP = re.compile(
    r"\b(?:how (?:can|do|should|could) i (?:best )?(?:help|support|be there for) (?:him|her|them|my \w+)|what can i do (?:to help|for (?:him|her|them))"
    r"|wie kann ich (?:ihm|ihr|ihnen|meinem \w+|meiner \w+) (?:am besten )?(?:helfen|beistehen)|wie kann ich (?:ihn|sie) unterstutzen"
    r"|was kann ich fur (?:ihn|sie) tun|comment (?:puis-je|je peux|est-ce que je peux|pourrais-je) (?:l ?|les )?(?:aider|soutenir)"
    r"|que (?:puis-je|je peux) faire pour (?:lui|elle|eux)|como (?:puedo|le puedo|podria) (?:ayudar(?:le|lo|la)?|apoyar(?:le|lo|la)?)"
    r"|que puedo hacer por (?:el|ella)|come (?:posso|potrei) (?:aiutarl[oa]|sostenerl[oa]|aiutare (?:lui|lei))|cosa posso fare per (?:lui|lei)"
    r"|hoe kan ik (?:hem|haar|ze) (?:het beste )?(?:helpen|steunen)|wat kan ik voor (?:hem|haar) doen"
    r"|como (?:eu )?(?:posso|poderia) (?:ajuda-l[oa]|ajudar (?:ele|ela|o|a)|apoia-l[oa]|apoiar (?:ele|ela))|o que (?:eu )?posso fazer por (?:ele|ela))\b")
"""A person asking how to help someone else at risk ("how can I help him? I'm not in danger myself": eleventh reading, M6, got
"I hear you" and the lines for a person at risk themselves): what helps, step by step, for the one who helps."""
FAULT = re.compile(r"\b(?:my fault|was it me|because of me|mi culpa|ma faute|meine schuld|colpa mia|mijn schuld|minha culpa)\b")
"""A person asking whether it was their fault, after someone else's risk or emergency: it was not."""
KEEPS_TO_EMERGENCY = re.compile(
    r"\b(?:breath\w*|wake|awake|conscious|respond\w*|blood|bleed\w*|pulse|blue|vomit\w*|throw\w* up|seiz\w*|ambulance|paramedics"
    r"|911|999|112|000|111|poison|what (?:do|should|can) i|help|yes|yeah|ok|okay|done|atm\w*|wach|blut|notarzt|krankenwagen"
    r"|respir\w*|reveill\w*|sang|samu|secours|despiert\w*|sangr\w*|ambulancia|svegli\w*|sangue|ambulanza|ademt|wakker|bloed|ambulance|acord\w*)\b")
"""Words of someone else's emergency going on, or of doing what was asked: a follow-up that keeps to it."""
SAFE_NOW = re.compile(
    r"\b(?:(?:hes|shes|theyre|he is|she is|they are|he s|she s|theyve been|hes been|shes been) (?:ok|okay|alright|all right|safe|fine|alive"
    r"|stable|in (?:the )?hospital|being looked after|in good hands|out of danger)|(?:got|get) to (?:him|her|them) in time|found (?:him|her|them) in time"
    r"|(?:er|sie) ist (?:jetzt )?(?:in sicherheit|okay|ok|stabil|im krankenhaus|ausser lebensgefahr)|es geht (?:ihm|ihr) (?:jetzt )?gut"
    r"|(?:il|elle) (?:est|va) (?:bien|en securite|hors de danger|a lhopital)|(?:esta|ya esta) (?:bien|a salvo|fuera de peligro|en el hospital)"
    r"|(?:sta bene|e al sicuro|e fuori pericolo|e in ospedale)|(?:hij|zij|ze) is (?:veilig|ok|oke|in het ziekenhuis|buiten levensgevaar)"
    r"|het gaat goed met (?:hem|haar)|(?:ele|ela) (?:esta|ta) (?:bem|a salvo|seguro|segura|fora de perigo|no hospital))\b")
"""The one at risk is safe now ("we got to him in time, he's ok": ninth reading, M8, got the friends' answer three times): the
situation is over, and the person is listened to; not what they only claim ("he says he's ok but ...")."""
CLAIMED = re.compile(r"\b(?:says?|said|claims?|pretends?|insists?|but|sagt|dit|dice|dice che|zegt|diz|mas|aber|mais|pero|maar|ma)\b")
PARENT_KEYS = {"situation_friend_at_risk": "situation_child_at_risk",
               "situation_friend_at_risk_after": "situation_child_at_risk_after",
               "situation_friend_how_to_help": "situation_child_at_risk_after"}
"""The friends' lines a parent gets instead: stay with your child, ask calmly and without blame, the means out of reach,
their doctor, the young people's line, the emergency number if in danger now."""
PAST_READINGS = {"past"}
"""Crisis guards that put a parent's report in the past ("self-harmed a few years ago"): no person from the team at once."""
GUARDED_READINGS = {"idiom", "fiction", "past"}
"""Crisis guards (``derived.crisis.guards``) that say a follow-up is no longer the situation ("me muero de ganas de ver la peli")."""
STORY_WORDS = 6
"""A follow-up of at least this many words with nothing of the emergency in it tells something else."""
FOLLOW_UP_TURNS = 3
"""How many of the person's next messages a situation's follow-up lines answer."""
REASONS = {"emergency_other": "the person reports someone else's medical emergency",
           "abuse": "the person reports abuse or threats at home",
           "friend_at_risk": "the person reports someone else at risk of suicide or self-harm",
           "child_at_risk": "a parent reports their child self-harming or at risk of suicide now",
           "panic": "the person reports a panic attack"}
"""A handoff's reason, as the supervisor's dashboard shows it."""
WRITERS_OWN = ("abuse", "panic")
"""Situations the writer is in themselves: their own high risk goes to the crisis escalation; in the
others (someone else's emergency or risk) the flag is the other person's ("my mate took a load of
pills and now he wont wake up" was escalated as the writer's own overdose: fifth reading)."""
OFFERS_A_PERSON = ("abuse", "friend_at_risk")
"""Situations whose first line is followed by the offer of someone from the team (``situation_offer``; a yes brings one)."""


def situation_lines(situation: str, say: Say, after: bool = False, text: str = "", earlier: Sequence[str] = ()) -> List[str]:
    """The lines for ``situation`` (``after``: a follow-up's) in the person's language, with the
    emergency number and the poison (when ``text`` or ``earlier`` names something swallowed or
    taken), abuse or crisis lines where the person is; help called already, or panic with chest
    pain or fainting, have lines of their own."""
    plain = _plain(text)
    key = f"situation_{situation}_after" if after else f"situation_{situation}"
    if situation == "emergency_other" and after and HELP_CALLED.search(plain):
        key = "situation_emergency_other_called"
    elif situation == "panic" and MEDICAL.search(plain):
        key = "situation_panic_medical"
    elif situation == "emergency_other" and FIRST_AID.search(plain):
        key = "situation_emergency_other_first_aid"
    elif situation == "friend_at_risk" and after and HELP_CALLED.search(plain):  # eighth reading, L6
        key = "situation_friend_at_risk_called"
    elif situation == "friend_at_risk" and (danger := danger_key(text, earlier, after)):  # a weapon first (relative_danger.py)
        key = danger
    elif situation == "abuse" and PHONE_WATCHED.search(plain):
        key = "situation_abuse_phone"
    elif situation in ("friend_at_risk", "emergency_other") and FAULT.search(plain):
        key = "situation_not_your_fault"
    elif situation == "friend_at_risk" and HOW_TO_HELP.search(plain):
        key = "situation_friend_how_to_help"
    if situation == "friend_at_risk" and key in PARENT_KEYS and a_parent(text, earlier):
        key = PARENT_KEYS[key]
    gender = gender_of([text, *reversed(earlier)]) if situation == "friend_at_risk" else None
    if gender and f"{key}_{gender}" in answers(say.lang):  # "mon copain": "le joindre, il" (twelfth reading, M7)
        key = f"{key}_{gender}"
    if asks_secrecy(text):  # "please dont tell anyone": the honest answer (who can read this chat)
        return secret_lines(say.lang)
    swallowed = any(SUBSTANCE.search(_plain(t)) for t in (text, *earlier))
    child = any(CHILD.search(_plain(t)) for t in (text, *earlier)) and say.help_now.sentence("child", say.lang)
    values = {"emergency": say.help_now.emergency, "poison": say.help_now.sentence("poison", say.lang) if swallowed else "",
              "abuse": child or say.help_now.sentence("abuse", say.lang), "lines": say.help_now.sentence("friends", say.lang),
              "young": say.help_now.sentence("child", say.lang)}
    return [line.format(**values) for line in answers(say.lang)[key]]


def child_at_risk_now(tracker: Tracker) -> bool:
    """A parent's first report of their child at risk, not put in the past by its reading (``PAST_READINGS``): a
    person from the team joins ("mi hijo de 14 años se está cortando los brazos", read only "possible")."""
    guards = set(crisis_of(tracker).get("guards") or ())
    return a_parent(tracker.latest_message.get("text") or "") and not guards & PAST_READINGS


def asks_secrecy(text: str) -> bool:
    """A plea for secrecy ("please dont tell anyone", "is this confidential"): the handoff block's ``secret`` words."""
    return says(bank().handoff["secret"]["words"], text)


def secret_lines(lang: str) -> List[str]:
    """The honest answer to a plea for secrecy (who can read this chat), in ``lang``: the handoff block's ``secret``."""
    return list(((translated(lang) or {}).get("handoff") or {}).get("secret") or bank().handoff["secret"]["lines"])


def situation_line(situation: str, say: Say, tracker: Tracker, after: bool = False) -> str:
    """The line for ``situation`` said least recently (see :func:`situation_lines`), for the latest message."""
    return least_recent(situation_lines(situation, say, after, tracker.latest_message.get("text") or "",
                                        earlier_messages(tracker, FOLLOW_UP_TURNS)), say.recent).rstrip()


def moved_on(situation: str, tracker: Tracker) -> bool:
    """A follow-up turn that is no longer the open situation (eighth reading, M2: "Stay with them" said
    to "i spent two weeks in hospital and then months in therapy" and every line after; the abuse line
    to "me muero de ganas de ver la peli"): a figure of speech, a story or the past read in it, or,
    after someone else's emergency, a longer message with no word of the emergency, help or a question."""
    text = tracker.latest_message.get("text") or ""
    plain = _plain(text)
    if situation == "friend_at_risk" and HOW_TO_HELP.search(plain):
        return False  # "how can I help him?": the situation still, whatever the reading's guards (eleventh reading, M6)
    if set(crisis_of(tracker).get("guards") or ()) & GUARDED_READINGS and not risk_words(text):
        return True
    if situation == "friend_at_risk" and SAFE_NOW.search(plain) and not CLAIMED.search(plain) and not risk_words(text):
        return True  # "we got to him in time, he's ok"
    return situation == "emergency_other" and len(plain.split()) >= STORY_WORDS and "?" not in text \
        and not (KEEPS_TO_EMERGENCY.search(plain) or HELP_CALLED.search(plain) or SUBSTANCE.search(plain)
                 or FIRST_AID.search(plain) or FAULT.search(plain) or risk_words(text))


def own_high_risk(tracker: Tracker) -> bool:
    """The message states the writer's own high risk: an explicit flag in a category other than
    risk to others ("he hit me again and i want to die")."""
    crisis = crisis_of(tracker)
    own = set(crisis.get("categories") or [crisis.get("category")]) - {"risk_to_others", None}
    return bool(crisis.get("flag") and crisis.get("explicit") and own)


class ActionSituation(Action):
    """The situation's line (a follow-up's while one is open), then the crisis escalation when
    the message also states the writer's own high risk."""

    def name(self) -> Text:
        return "action_situation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        from actions.crisis import escalate  # crisis.py answers situations during a handoff with these lines
        from actions.questions import bring_a_person

        reported, still_open = reported_situation(tracker), situation_open(tracker)
        if reported in ACUTE:
            situation, after = reported, reported == still_open
        elif still_open and not moved_on(still_open, tracker):
            situation, after = still_open, True
        else:  # the follow-up turns are over, or the person tells of something else: listened to as any message
            events = await ActionSupportQuestion().run(dispatcher, tracker, domain)
            return [*events, SlotSet("situation_open", None), SlotSet("situation_until", None)]
        eased = await panic_over(dispatcher, tracker, domain, situation, reported)
        if eased is not None:
            return eased
        say = Say(dispatcher, tracker)
        lines = situation_lines(situation, say, after, tracker.latest_message.get("text") or "",
                                earlier_messages(tracker, FOLLOW_UP_TURNS))
        line = least_recent(lines, say.recent)
        events: List[EventType] = [SlotSet("situation_open", situation)]
        if not after:  # the follow-ups count from the situation's first report
            events.append(SlotSet("situation_until", float(user_turns(tracker) + FOLLOW_UP_TURNS)))
        if tracker.get_slot("screening_question"):  # "my boyfriend hit me again" during the suicide screen
            events += clear_screen(tracker, answered=False)
        crisis = crisis_of(tracker)
        own = situation in WRITERS_OWN and own_high_risk(tracker)
        flagged = bool(crisis.get("flag") and crisis.get("explicit"))
        parent = situation == "friend_at_risk" and not after and child_at_risk_now(tracker)
        danger = situation == "friend_at_risk" and (crisis.get("level") or "none") != "none" \
            and friend_in_danger(tracker.latest_message.get("text") or "")
        bring = not own and (flagged or parent or danger) and not tracker.get_slot("handoff_active")
        offer = situation in OFFERS_A_PERSON and not (own or bring) and not after and line == lines[0]
        # the offer of a person only when none is brought at once ("would you like that?" and "I've asked
        # someone" in one turn: fifth reading, M8)
        say(line.rstrip() + (" " + answers(say.lang)["situation_offer"][0] if offer else ""))
        if own:
            events += await escalate(dispatcher, tracker, domain, crisis_reason(tracker))
        elif bring:
            events += await bring_a_person(say, tracker, domain, REASONS["child_at_risk" if parent else situation])
            numbers = (say.help_now.sentence("friends", say.lang).strip(), say.help_now.full(say.lang))
            if danger and not any(told in said for said in say.said for told in numbers):  # "il ne répond plus": 112,
                say(numbers[0])  # a person from the team, and the lines that help relatives too (3114: twelfth reading, M7)
        elif offer:
            events.append(SlotSet("offered_person", True))
        return events


async def panic_over(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any], situation: str,
                     reported: str) -> List[EventType] | None:
    """A panic attack that eased ("thank you. my heart isn't pounding anymore", read as panic for its
    words) is over: glad, and no more panic lines; a goodbye while one is open is a goodbye (seventh
    reading, M4: "cool. bye" got "Let's keep going together. Put a hand on your chest"). None otherwise,
    and always for a message with risk of its own."""
    from actions import exercise, listening  # exercise imports replies, which this module imports

    text = tracker.latest_message.get("text") or ""
    if situation != "panic" or crisis_of(tracker).get("flag") or risk_words(text):
        return None
    closed: List[EventType] = [SlotSet("situation_open", None), SlotSet("situation_until", None), *exercise.ENDED]
    if exercise.eased(text):
        say = Say(dispatcher, tracker)
        say(least_recent(answers(say.lang)["panic_eased"], say.recent))
        return [*closed, SlotSet("last_strategy", "affirmation")]
    if reported != "panic" and listening.is_farewell(text):
        from actions.replies import ActionGoodbye, ActionSupportAtRisk

        goodbye = ActionSupportAtRisk() if crisis_of(tracker).get("level") in ("possible", "high") else ActionGoodbye()
        return [*closed, *await goodbye.run(dispatcher, tracker, domain)]
    return None


def reported_situation(tracker: Tracker) -> str:
    """The situation the latest message reports (its entity ``situation``), "" when none."""
    return next(iter(tracker.get_latest_entity_values("situation")), "") or ""


def situation_open(tracker: Tracker) -> str:
    """The situation still open for follow-ups ("" when none, or its turns are over)."""
    until = tracker.get_slot("situation_until")
    return (tracker.get_slot("situation_open") or "") if until is not None and user_turns(tracker) <= until else ""
