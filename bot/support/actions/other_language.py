"""A message in a language outside the seven the bot reads (thirteenth reading, H2: "chcę się zabić" on an en-GB page
was answered in French, "kendimi öldürmek istiyorum" in German): said in the page's language (English where the bot
has no lines in it) that the bot reads only the seven, the page's emergency number and lines, and a person from the
team: offered, or asked to join at once when the message is flagged (the crisis lexicon reads core risk phrases in
Polish, Turkish, Russian, Japanese...). policies/language.py's ``other_language`` tells the language."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.bank import answers
from actions.conversation import Say, crisis_of, system_text
from actions.language import least_recent
from policies.language import other_language

OTHER_LANGUAGE_REASON = "a message in a language the bot cannot read"


def in_other_language(tracker: Tracker) -> bool:
    """Whether the latest message is the person's words in a language outside the seven."""
    text = tracker.latest_message.get("text") or ""
    return not system_text(text) and other_language(text)


def cannot_read(say: Say) -> None:
    """Say that the bot reads only the seven languages (in ``say.lang``, the page's)."""
    say(least_recent(answers(say.lang)["other_language"], say.recent))


async def answer_other_language(dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: Dict[Text, Any]) -> Optional[List[EventType]]:
    """The answer to a message in another language, or None when the latest message is in one of the seven: the bot
    cannot read it, the lines where the person is, and a person from the team (at once when the message is flagged,
    else offered: ``offered_person``, the reply goes to ``action_answer_offer``)."""
    if not in_other_language(tracker):
        return None
    from actions.questions import bring_a_person  # questions.py imports the listening replies that call this

    say = Say(dispatcher, tracker)
    cannot_read(say)
    say(say.help_now.full(say.lang))
    crisis = crisis_of(tracker)
    if crisis.get("turn_flag", crisis.get("flag")) or crisis.get("explicit"):
        return await bring_a_person(say, tracker, domain, OTHER_LANGUAGE_REASON + " (flagged at risk)")
    say(least_recent(answers(say.lang)["other_language_offer"], say.recent))
    return [SlotSet("offered_person", True)]
