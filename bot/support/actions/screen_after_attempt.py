"""Home after an attempt, as the C-SSRS screen answers it instead of its questions (ninth reading, M9; moved out of
crisis_screen.py in the fourteenth reading to keep that module short): heard, the numbers where the person is, how they
are now; support named just after is welcomed."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank
from actions.conversation import Say
from actions.language import least_recent


def bot_said(dispatcher: CollectingDispatcher) -> List[str]:
    """What the action has said so far this turn."""
    return [m.get("text") or "" for m in dispatcher.messages]


def after_an_attempt(say: Say, dispatcher: CollectingDispatcher) -> List[Dict[Text, Any]]:
    """Home after an attempt ("i was in after an overdose last week", "estive internada depois de tentar matar-me"):
    the days after discharge are a time of high risk. Heard (unless the lead-in, direct_ask.py, said it this turn), the
    numbers where the person is, and how they are now, whether they have a safety plan or someone with them (ninth
    reading, M9: listening lines only)."""
    heard = bank.answers(say.lang)["after_attempt"]
    if not set(heard) & set(bot_said(dispatcher)):
        say(least_recent(heard, say.recent))
    say(say.help_now.full(say.lang))
    say(least_recent(bank.answers(say.lang)["after_attempt_ask"], say.recent))
    return [SlotSet("last_strategy", "question")]


def support_after_an_attempt(say: Say, dispatcher: CollectingDispatcher) -> List[Dict[Text, Any]]:
    """Support named after telling of an attempt ("the crisis team are meant to ring tomorrow", "agora estou segura, o
    meu marido está cá"): glad of it, the numbers until then, how they are now (unless the lead-in said it)."""
    lines = bank.answers(say.lang)["after_attempt_support"]
    if not set(lines) & set(bot_said(dispatcher)):
        say(least_recent(lines, say.recent))
    return [SlotSet("last_strategy", "question")]
