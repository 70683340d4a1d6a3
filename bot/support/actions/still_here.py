"""Is the bot still there? "hello?", "you there?", and a person coming back after a handoff was
resolved ("sorry I was away. are you still there?"), or asking what happens now: answered, not greeted as a new
conversation."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from connectors.contract import at_risk, emotion_of
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import listening
from actions.bank import answers
from actions.conversation import Say, bot_lines, earlier_messages, language, user_turns
from actions.language import folded, least_recent

STILL_THERE = re.compile(
    r"^\W*(?:(?:hello|hallo|hi|hey|allo|hola|ciao|ola|oi)\W*\?+\W*)?(?:(?:hello|hallo|hi|hey|allo|hola|ciao|ola|oi)\W*\?+|(?:are |r )?(?:you|u) (?:still )?(?:there|here)|(?:is )?any ?(?:one|body) "
    r"(?:there|here)|bist du (?:noch )?da|(?:t es|tu es|es tu) (?:toujours )?la|(?:sigues|estas) (?:ahi|ahi todavia|ahi aun)"
    r"|ci sei(?: ancora)?|ben je(?: er)?(?: nog)?(?: daar)?|(?:voce|vc) (?:ainda )?(?:esta|ta) ai"
    r"|(?:il )?y a quelqu ?un(?: la)?|(?:hay )?alguien (?:ahi|ahi\W+)|hay alguien|c e qualcuno|ce qualcuno|is (?:er|daar) iemand"
    r"|ist (?:da )?(?:jemand|wer) da|ist da (?:jemand|wer)|(?:tem|ta) alguem(?: ai)?|alguem ai"
    r"|(?:ainda )?estas ai(?: ainda)?|esta ai alguem|(?:ha|esta) alguem(?: ai)?)\W*$")
"""A person checking the bot is still there ("hello?", "you there?", "bist du noch da?", "il y a quelqu'un ?": ninth
reading, L6, where it got the line for medicine taken and three more; European Portuguese "ainda estás aí?", "está aí
alguém?": twelfth reading, H5), also after a greeting asked as one ("hello?
is anyone there?" after a resolve; "hi, is anyone there?" is a greeting: eleventh reading, H3, where it got "What would help you most right now")."""
WHAT_NOW = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|um|well|sorry)\W+)*(?:what happens (?:now|next)|what now|whats next|what s next|now what|is that it"
    r"|what do i do now|what am i (?:meant|supposed) to do now|was passiert (?:jetzt|nun)|wie geht es (?:jetzt )?weiter|und jetzt"
    r"|was jetzt|et maintenant|qu est ce qui se passe(?: maintenant)?|que se passe t il(?: maintenant)?|et apres|y ahora(?: que)?"
    r"|que pasa ahora|que va a pasar|e adesso|e ora|cosa succede (?:ora|adesso)|e poi|en nu|wat nu|wat gebeurt er nu"
    r"|e agora|o que acontece agora|e depois)\W*$")
"""After a resolve, "what happens now?": a plain answer (ninth reading, M11: "I'm listening. Tell me more")."""
RETURNING = re.compile(r"\b(?:i was away|was away|im back|back now|i was gone|had to go|(?:are )?(?:you|u) still (?:there|here)"
                       r"|bin wieder da|je suis de retour|ya volvi|sono tornat[oa]|ik ben terug|voltei"
                       r"|(?:nobody|no one|noone) (?:answered|replied|came|wrote)|niemand (?:hat geantwortet|kam)"
                       r"|personne (?:ne )?(?:m a|ma) repondu|nadie me (?:contesto|respondio|escribio)|nessuno mi ha risposto"
                       r"|niemand heeft (?:geantwoord|gereageerd)|ninguem me respondeu"
                       r"|(?:the |those |these )?(?:thoughts|feelings|urges) (?:are |r )?(?:coming back|back|again)|(?:its|it s) (?:coming )?back"
                       r"|die gedanken kommen (?:wieder|zuruck)|les pensees reviennent|vuelven los pensamientos|tornano i pensieri"
                       r"|de gedachten komen terug|os pensamentos (?:voltaram|estao voltando))\b")
"""A person coming back ("sorry I was away. are you still there?"): after a handoff was resolved, a safety check."""
AFTER_RESOLVE_TURNS = 3
"""How many of the person's messages after a resolved handoff a return gets the safety check."""


def still_there(text: str) -> bool:
    """Whether ``text`` only checks that the bot is still there (``STILL_THERE``)."""
    plain = folded(text)
    return bool(STILL_THERE.match(plain.replace("'", " ").replace("’", " ")))


def back_after_handoff(tracker: Tracker, text: str) -> bool:
    """The person comes back ("sorry I was away", "are you still there?") or asks what happens now
    (:func:`asks_what_now`) within ``AFTER_RESOLVE_TURNS`` messages of a resolved handoff (slot
    ``handoff_resolved_at``)."""
    resolved = tracker.get_slot("handoff_resolved_at")
    plain = folded(text).replace("'", "").replace("’", "")
    return resolved is not None and user_turns(tracker) - resolved <= AFTER_RESOLVE_TURNS \
        and bool(RETURNING.search(plain) or still_there(text) or asks_what_now(text))


def asks_what_now(text: str) -> bool:
    """Whether ``text`` only asks what happens now ("what happens now?", "und jetzt?", "e agora?": ``WHAT_NOW``)."""
    return bool(WHAT_NOW.match(folded(text).replace("'", " ").replace("’", " ")))


def still_here(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """ "Yes, I'm still here." and a listening question on what the person said before (exploratory
    reading: "hello?" after bad news was greeted as a new conversation, "you there?" got "When did
    you first notice..."). Back after a resolved handoff: a safety check, how to get help now, and
    the offer to bring the person from the team back (fourth reading, H17: nobody had confirmed
    the person was safe)."""
    lang = language(tracker)
    text = tracker.latest_message.get("text") or ""
    if asks_what_now(text) and back_after_handoff(tracker, text):  # what happens after a resolve, plainly (ninth reading, M11)
        say = Say(dispatcher, tracker)
        say(least_recent(answers(lang)["after_resolve_what_now"], say.recent).format(help=say.help_now.short(lang)))
        return [SlotSet("offered_person", True), SlotSet("last_strategy", "information")]
    if back_after_handoff(tracker, text):
        say = Say(dispatcher, tracker)
        joined = tracker.get_slot("handoff_joined") is not False  # nobody from the team wrote: never "had to step away"
        key = "back_after_handoff" if joined else "back_after_unjoined"
        say(least_recent(answers(lang)[key], say.recent).format(help=say.help_now.short(lang)))
        return [SlotSet("offered_person", True), SlotSet("handoff_resolved_at", None), SlotSet("last_strategy", "question")]
    dispatcher.utter_message(text=least_recent(answers(lang)["still_here"], bot_lines(tracker)))
    before = earlier_messages(tracker, 1)
    emotion = emotion_of(tracker.latest_message.get("metadata"))
    line = listening.compose("question", before[-1] if before else "", None, bot_lines(tracker),
                             turn=user_turns(tracker), lang=lang, echo=not at_risk(emotion))
    dispatcher.utter_message(text=line)
    return [SlotSet("last_strategy", "question")]
