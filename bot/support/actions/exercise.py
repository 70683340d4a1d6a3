"""Breathing and grounding one step at a time, the way a volunteer guides them ("Good. Now 4
things you can touch"), and a request for an exercise or the check-in read whatever the NLU made of it.

The tool's first message (replies.Tool) sets the slots ``exercise`` (breathing | grounding) and
``exercise_step`` (how many of its ``exercises`` steps were said, 0..n); config.yml's rule
"exercise going on" sends the person's next messages here (seventh exploratory reading, M4: the
exercise came as one block, "in", "out" and "I can taste toothpaste" were reflected as things to talk
about, and "cool. bye" started it over). Each answer brings the next step; then:

- it helped ("my heart isn't pounding anymore", "that helped", "un po' meglio": ``eased``): glad,
  and the exercise ends;
- a goodbye is a goodbye (at risk: the warm close with how to get help); thanks, "stop" or a long
  message that is no answer to a step end it, and the bot answers as it would otherwise;
- a message with risk words or a crisis reading of its own ends it too: the bot listens, and the
  crisis rules, which come first, answer stronger risk;
- the exercise lapses when the bot's last turn said none of its lines (something else came between).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from connectors.contract import at_risk, emotion_of
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank
from actions.bank import answers
from actions.conversation import Say, bot_lines, language
from actions.echo import risk_words
from actions.language import folded, least_recent
from actions.question_form import is_question
from actions.still_here import still_there

EXERCISES = ("breathing", "grounding")
STEP_WORDS = 16
"""A message of at most this many words answers a step ("in", "I can hear the fridge, birds, the
telly upstairs and her snoring"); a longer one says something else and ends the exercise."""

EASED = re.compile(
    r"\b(?:(?:that|it|this|breathing|grounding) (?:really |actually |kind of |kinda )?help(?:ed|s|ing)?|helped"
    r"|(?:feel(?:ing)?|i'?m|im|i am|a (?:bit|little|lot)|much|way|so much) (?:a (?:bit|little|lot|little bit) )?"
    r"(?:better|calmer|more relaxed|more grounded|less (?:anxious|panicky|shaky|tense))"
    r"|(?:isn'?t|isnt|is not|not|no longer|stopped) (?:\w+ )?(?:pounding|racing|spinning|shaking)(?: any ?more)?"
    r"|(?:calmed|calming|slowing|slowed|settling|settled) down|easing|eased|that was nice|that was good"
    r"|(?:etwas |ein bisschen |viel )?besser|ruhiger|(?:das )?hat geholfen|(?:ca )?(?:va )?mieux|plus calme|(?:ca )?m'?a aide"
    r"|(?:un poco )?mejor|mas tranquil[oa]|me (?:ha )?ayudado|me ayudo|(?:un po'? )?meglio|piu calm[oa]|mi ha aiutato"
    r"|(?:een beetje )?beter|rustiger|het (?:hielp|helpt)|heeft geholpen|(?:um pouco )?melhor|mais calm[oa]|(?:me )?ajudou)\b")
"""It helped, or the panic eased, in seven languages (folded, apostrophes kept)."""
NOT_EASED = re.compile(
    r"\b(?:can'?t|cannot|cant|not (?:any |getting |feeling )?(?:better|calmer)|no better|worse|still (?:pounding|racing|panicking"
    r"|shaking|scared)|(?:didn'?t|doesn'?t|does not|did not|hasn'?t|isn'?t|not|nothing) help(?:ed|ing|s)?|nicht (?:besser|geholfen)"
    r"|schlechter|pas mieux|pire|(?:ne m'?a|n'?aide) pas|no (?:me )?(?:ayud|mejor)|peor|non (?:va |mi )?(?:meglio|aiut|ha aiutato)"
    r"|peggio|niet (?:beter|geholpen)|slechter|nao (?:me )?(?:ajud|melhor)|pior)\b")
"""It did not help, or it got worse: never read as eased ("i can't calm down", "not better")."""
DONE = re.compile(r"^\W*(?:ok(?:ay)?\W+)?(?:done|finished|that'?s it|all done|fertig|termine|fini|listo|terminado|fatto|finito|klaar"
                  r"|pronto|feito|acabei)\b")
AGAIN = re.compile(r"\b(?:again|keep going|one more|another (?:one|round)|more rounds?|nochmal|noch einmal|weiter|encore|on continue"
                   r"|otra vez|de nuevo|seguimos|ancora|di nuovo|continuiamo|nog een keer|nog eens|doorgaan|de novo|mais uma vez"
                   r"|continuar)\b")
STOP = re.compile(r"\b(?:stop|enough|not helping|isn'?t helping|doesn'?t help|don'?t want to|hor auf|genug|arrete|ca suffit"
                  r"|paremos|basta|ya no quiero|smettiamo|stop maar|chega|nao quero mais)\b")
EXERCISE_WORDS = re.compile(r"\b(?:an?|some|any|one|the|un[ao]?|eine[nr]?|een|um|uma|des|degli|alcuni|algun[ao]?s?|algum|alguma"
                            r"|qualche|irgendeine[nr]?)\s+(?:\w+\s+)?"
                            r"(?:exercises?|ubung(?:en)?|exercices?|ejercicios?|esercizi[oi]?|oefening(?:en)?|exercicios?)\b")
"""An exercise asked for without naming one ("puoi aiutarmi con un esercizio?"): the exercises are offered.
With its article, so "i need to get more exercise" (physical) asks for none."""
REQUEST = re.compile(r"\b(?:can|could|would|shall) (?:you|we|u) (?:please )?(?:do|try|start|run|guide|walk|take|go through"
                     r"|help me (?:with|do|through|try)|give me|show me|teach me|send me)\b"
                     r"|^\W*(?:(?:ok|okay|so|hey|please|bitte)\W+)*(?:give me|gib mir|geef me|donne-moi|dame|dammi|me da|me de|da-me)\b|\blet'?s (?:do|try|start)\b|\blets (?:do|try|start)\b"
                     r"|\bi(?:'d| would) like (?:to (?:do|try|start) )?(?:a|an|the|some)\b|\bi (?:want|need) (?:to (?:do|try) )?(?:a|an|the|some)\b"
                     r"|\bplease (?:do|start|guide)\b"
                     r"|\bkannst du\b|\bkonnen wir\b|\blass uns\b|\bich mochte\b|\bbitte\b|\btu peux\b|\bon peut\b|\bje voudrais\b"
                     r"|\bpuedes\b|\bpodemos\b|\bquiero\b|\bpor favor\b|\bpuoi\b|\bpossiamo\b|\bvorrei\b|\bper favore\b|\bkun je\b"
                     r"|\bkunnen we\b|\bik wil\b|\bgraag\b|\bpode\b|\bpodemos\b|\bvoce pode\b|\bquero\b")
HAVE_YOU = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|hey|um|pues|bon|alors|allora|nou|entao|also)\W+)*(?:do you have|have you got|got any"
                      r"|hast du|haben sie|gibt es|tu as|t'?as|as-tu|tu aurais|est-ce que tu as|tienes|tenes|tendras|hay|hai|avresti|c'?e"
                      r"|heb je|heeft u|is er|tens|tem|voce tem|vc tem|ha)\b")
"""A question for one (ninth reading, M3: "ok. ¿tienes algún ejercicio para la ansiedad?", "Hast du eine Übung zum
Runterkommen?"): a request when the message opens with it and has a question mark ("tem dias que nem consigo respirar" asks
nothing)."""
"""Words that make naming a tool a request to do it with the bot ("can you do a mood check-in with me?", "let's try the
grounding"); not "i want to learn to breathe better", "please tell me how the check in works" (English: a verb of doing)."""
CALMING = re.compile(
    r"\b(?:help(?:s|ing)? (?:me |you )?(?:to )?(?:calm|relax|settle|slow (?:down|my)|breathe|sleep|fall asleep|switch off|unwind)"
    r"|(?:to|for|that) (?:calm|relax|settle) (?:me |myself |yourself )?down|(?:to|for) (?:calm|relax) (?:me|myself)|stop (?:my )?(?:heart|panic)"
    r"|(?:heart|chest) (?:is |keeps )?(?:going|racing|pounding|beating) (?:so )?fast|(?:heart|chest) (?:is |keeps )?(?:racing|pounding)"
    r"|zum (?:runterkommen|beruhigen|entspannen|einschlafen)|(?:mich|dich) (?:zu )?(?:beruhigen|entspannen)|(?:beim|zum) (?:einschlafen|schlafen)"
    r"|(?:pour|a) (?:me |se |te )?(?:calmer|detendre|relaxer|endormir|dormir)"
    r"|(?:para|a) (?:calmarme|calmarse|tranquilizarme|relajarme|dormir|conciliar el sueno)|(?:me )?ayud\w* a (?:calmarme|dormir|relajarme)"
    r"|(?:per|a) (?:calmarmi|calmarsi|rilassarmi|dormire|addormentarmi)|(?:mi )?aiut\w* a (?:calmarmi|dormire|rilassarmi)"
    r"|(?:om|voor) (?:te )?(?:kalmeren|ontspannen|rustig te worden|in slaap te vallen|slapen)|(?:helpt|helpen) (?:me )?(?:om )?(?:te )?(?:slapen|kalmeren)"
    r"|(?:para|pra) (?:me )?(?:acalmar|relaxar|dormir)|(?:me )?ajud\w* a (?:me )?(?:acalmar|dormir|relaxar))\b")
"""Something asked for to calm down, slow a racing heart or sleep (ninth reading, M3: "can you tell me something that might
help me calm down a bit my heart is going fast", "c'est quoi un truc pour se calmer", "tens alguma coisa para me ajudar a
dormir hoje?"): slow breathing, one step at a time, when the message asks for it (``REQUEST``, a question mark, or "c'est
quoi", "what's a"), never with risk words."""
ASKING = re.compile(r"^\W*(?:ok\W+|so\W+)?(?:c'?est quoi|quel(?:le)? (?:est|serait)|what'?s|what is|was ist|que es|cual es|qual e"
                    r"|cos'?e|wat is)\b|\b(?:tell|give|show|teach) me\b|\b(?:dime|dimmi|sag mir|dis-moi|diz-me|me diz|zeg me)\b")
THING = re.compile(r"\b(?:something|anything|a way|a trick|tips?|ideas?|etwas|irgendwas|tipps?|tricks?|quelque chose|un truc|une astuce"
                   r"|un moyen|algo|alguna? (?:cosa|forma|manera|truco|tecnica)|qualcosa|un modo|un trucco|iets|een manier|een truc"
                   r"|alguma coisa|algum jeito|uma forma|uma dica|um truque)\b")
"""A question for something that calms ("c'est quoi un truc pour se calmer", "can you tell me something that might help")."""
DECLINED = re.compile(
    r"\b(?:don'?t|dont|do not|didn'?t|not|no|never|without|hate|skip|nicht|kein\w*|keine lust|pas|sans|no|sin|non|senza|niet|geen|zonder"
    r"|nao|sem)\b(?:\W+\w+){0,5}?\W+(?:the |those |these |any |more |another |your |de |la |les |el |los |il |le |het |a |o |os )?"
    r"(?:breath\w*|atem\w*|respir\w*|adem\w*|ground\w*|5-4-3-2-1|erdung|ancrage|anclaje|radicamento|aarden|aterramento|exercises?|ubung\w*"
    r"|exercices?|ejercicios?|esercizi\w*|oefening\w*|exercicios?)\b"
    r"|\b(?:breathing|grounding|exercises?) (?:doesn'?t|does not|don'?t|never) (?:help|work)")
"""A tool named only to turn it down ("i dont really have time for breathing exercises tbh", "no breathing please", "keine
Übungen bitte"): not asked for (ninth reading, M3: it started the breathing)."""
CAN_YOU_HELP = re.compile(r"^\W*(?:(?:so|ok|okay|and|hey)\W+)?(?:can|could|would) (?:you|u) help\b")
""""can you help me fall asleep, like tell me something calming" asks what the bot can do: its answer names the exercises."""
WANTS = re.compile(r"\blet'?s (?:do|try|start)\b|\blets (?:do|try|start)\b|\bplease (?:do|start|guide)\b|\b(?:can|could) (?:we|you|u) (?:do|try|start)\b")
SHORT = 6
"""A message of at most this many words that names the check-in asks for it ("and a mood check in")."""


def eased(text: str) -> bool:
    """Whether ``text`` says the exercise helped or the panic eased, not that it did not (``NOT_EASED``)."""
    plain = folded(text).replace("’", "'")
    return bool(EASED.search(plain)) and not NOT_EASED.search(plain) and not risk_words(text)


def asked_for(text: str) -> Optional[str]:
    """What ``text`` asks for, whatever the NLU read: a tool it names as a request ("hi, can you do a
    mood check-in with me?" -> "checkin"), "exercise" for an exercise it does not name, else None."""
    plain = folded(text).replace("’", "'")
    checkin = re.search(r"\bcheck[ -]?in\b", plain)
    if risk_words(text) or declines(text):
        return None
    if CALMING.search(plain) and not CAN_YOU_HELP.search(plain) and (REQUEST.search(plain) or (HAVE_YOU.search(plain.lstrip("¿¡ ")) and "?" in plain)
                                  or (THING.search(plain) and ("?" in plain or ASKING.search(plain)))):
        return "breathing"  # "c'est quoi un truc pour se calmer", "tens alguma coisa para me ajudar a dormir hoje?"
    asks = REQUEST.search(plain) or (HAVE_YOU.search(plain.lstrip("¿¡ ")) and "?" in plain)
    if not (asks or (checkin and len(plain.split()) <= SHORT)):
        return None  # "how does the mood check in thing work?" asks about it, "do you keep my check ins?" about privacy
    for tool in ("checkin", *EXERCISES):
        if bank.says([folded(name) for name in bank.bank().tool_names[tool]], plain):  # word starts: "werden" is no "erden"
            return tool
    return "exercise" if EXERCISE_WORDS.search(plain) else None


def declines(text: str) -> bool:
    """Whether ``text`` names a tool or an exercise only to turn it down (``DECLINED``)."""
    plain = folded(text).replace("’", "'")
    return bool(DECLINED.search(plain)) and not WANTS.search(plain)  # "no, let's do breathing instead" asks for it


def started(tool: str) -> List[Dict[Text, Any]]:
    """The slots a tool sets when it starts: breathing and grounding then go step by step."""
    return [SlotSet("exercise", tool), SlotSet("exercise_step", 0.0)] if tool in EXERCISES else []


ENDED = [SlotSet("exercise", None), SlotSet("exercise_step", None)]


def running(tracker: Tracker) -> Optional[str]:
    """The exercise going on: the slot's, when the bot's last turn said one of its lines."""
    tool = tracker.get_slot("exercise")
    if tool not in EXERCISES:
        return None
    lang = language(tracker)
    own = {*bank.tool(tool, lang), *bank.exercise_steps(tool, lang), *bank.exercise_steps("again", lang)}
    return tool if own & set(bot_lines(tracker, 1)) else None


class ActionExerciseStep(Action):
    """The person's answer during breathing or grounding: the next step (see the module docstring)."""

    def name(self) -> Text:
        return "action_exercise_step"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        from actions import questions, replies  # they import this module

        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        tool, say = running(tracker), Say(dispatcher, tracker)
        risky = at_risk(emotion_of(tracker.latest_message.get("metadata"))) or risk_words(text)
        if tool is None or risky:  # lapsed, or risk: listened to as any message (stronger risk never comes here)
            return ENDED + await replies.ActionSupportQuestion().run(dispatcher, tracker, domain)
        if replies.listening.is_farewell(text) and not AGAIN.search(folded(text)):  # "cool. bye": a goodbye, not the exercise again
            return ENDED + await replies.ActionGoodbye().run(dispatcher, tracker, domain)
        if still_there(text):  # "hello?": still here, and the step again
            step = int(tracker.get_slot("exercise_step") or 0)
            say(least_recent(answers(say.lang)["still_here"], say.recent))
            say(bank.exercise_steps(tool, say.lang)[step - 1] if step else bank.tool(tool, say.lang)[0])
            return []
        if eased(text):  # "thank you. my heart isn't pounding anymore"
            say(least_recent(answers(say.lang)["exercise_helped"], say.recent))
            return [*ENDED, SlotSet("last_strategy", "affirmation")]
        plain = folded(text).replace("’", "'")
        if STOP.search(plain):
            say(least_recent(answers(say.lang)["exercise_stopped"], say.recent))
            return [*ENDED, SlotSet("last_strategy", "question")]
        if intent == "thank":
            return ENDED + await replies.ActionYouAreWelcome().run(dispatcher, tracker, domain)
        asked = asked_for(text) or {"ask_breathing": "breathing", "ask_grounding": "grounding", "ask_checkin": "checkin"}.get(intent)
        if asked and asked != tool:  # "now breathing please", "and a mood check in", "is there something else? like the 5 things"
            return ENDED + await replies.run_asked(asked, dispatcher, tracker, domain)
        steps, step = bank.exercise_steps(tool, say.lang), int(tracker.get_slot("exercise_step") or 0)
        again = tool == "breathing" and AGAIN.search(plain) and not DONE.search(plain)
        if not again and (step >= len(steps) or len(text.split()) > STEP_WORDS
                          or (is_question(text) and intent.startswith("ask_"))):
            # the answer to "how do you feel now?", or something else than a step: answered as any message
            listen = questions.ActionAnswerQuestion() if intent.startswith("ask_") or intent == "bot_challenge" \
                else replies.ActionSupportReflection()
            return ENDED + await listen.run(dispatcher, tracker, domain)
        if again:
            say(bank.exercise_steps("again", say.lang)[0])
            return [SlotSet("exercise_step", float(min(step, len(steps) - 2))), SlotSet("last_strategy", "tool")]
        if DONE.search(plain):  # "ok done": how they feel now
            step = len(steps) - 1
        say(steps[step])
        return [SlotSet("exercise_step", float(step + 1)), SlotSet("last_strategy", "tool")]


TAKES_UP = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|yes|yeah|yep|sure|alright|fine|ja|oke|oui|si|sim|vale|claro|va bene|certo|goed|prima|bueno|dale)\W+)*"
    r"(?:let'?s (?:try|do|give)|lets (?:try|do|give)|i'?ll try|i can try|(?:i'?d|i would) like (?:that|to try)|try it|go on|go for it"
    r"|why not|(?:probieren|versuchen|machen) wir|lass (?:es )?uns (?:probieren|versuchen)|ich probier|on (?:essaie|y va|peut essayer)"
    r"|essayons|j'?essaie|probemos|intentemos|vamos a (?:intentarlo|probar)|lo intento|proviamo|facciamolo|ci provo"
    r"|laten we (?:het )?(?:proberen|doen)|ik probeer|vamos (?:tentar|la|nessa)|bora|vou tentar)\b")
"""Taking up an exercise the bot just offered ("ok lets try it", "ok, probieren wir"; eighth reading, M5)."""
TAKES_UP_WORDS = 8
QUOTED_NAME = re.compile(r"(?:^|[\s(:])['\"«“„‘]\s?([^'\"«»“”„‘’]{2,20}?)\s?['\"»”“’]")
"""A word the bot asks the person to type ("Say 'grounding'", schreib "atmen", écris « ancrage »)."""


def offered(lines: List[str]) -> Optional[str]:
    """The tool the bot's ``lines`` (its last turn) offered, the first named when they offer several ("say 'breathing',
    'grounding' or 'check-in'"), or None."""
    for line in lines:
        for word in QUOTED_NAME.findall(line):
            tool = next((t for t in ("breathing", "grounding", "checkin") if bank.names_tool(t, word)), None)
            if tool:
                return tool
    return None


def takes_up(text: str) -> bool:
    """Whether ``text``, a short message, says yes to an exercise just offered ("ok lets try it", "sure", "ja gerne")."""
    plain = folded(text).replace("’", "'")
    if risk_words(text) or len(plain.split()) > TAKES_UP_WORDS or NOT_EASED.search(plain) and not TAKES_UP.search(plain):
        return False
    from actions.screener import says_yes  # screener imports nothing of this module; kept local like the others here

    bare = re.sub(r"[\W_]+", " ", plain).strip()
    return bool(TAKES_UP.search(plain)) or (says_yes(text) and len(bare.split()) <= 3 and bare not in ("ok", "okay", "k", "kk")
                                            and not re.search(r"\b(?:but|aber|mais|pero|ma|maar|mas)\b", bare))  # a bare "ok" just hears it
