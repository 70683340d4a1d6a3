"""What the support bot's actions read from the conversation (the latest message's crisis
screening, the person's language, what the bot said lately) and how they speak (``Say``: the same
lines go to the person and to a handoff's live thread)."""
from __future__ import annotations

import os
import re
from typing import Any, Dict, List, Optional, Sequence, Text

from connectors import contract
from connectors.contract import emotion_of
from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import listening, screener
from actions.bank import bank, says
from actions.language import language_of, least_recent, translated, variant_of
from actions.resources import country_locale, resources_for, says_young

SCREEN_SLOTS = ("screening_question", "screening_answers", "screening_retry", "screen_resumable", "screen_dismissed")
RESCREEN_AFTER_TURNS = int(os.environ.get("EMOBOT_RESCREEN_AFTER_TURNS", "10"))
"""After a completed screen, only a message with explicit warning-sign language starts another
within this many of the person's turns: the person has just answered the questions."""

ABOUT_THE_BOT = re.compile(r"\b(bot|robot|ai|a\.i\.|machine|program|human|person|real|ki|ia|mens|mensch|humano|umano|humain"
                           r"|personne|persona|pessoa|persoon)\b")
"""Words that make "you're just a bot" a challenge to answer though it is not put as a question."""


def crisis_of(tracker: Tracker) -> Dict[str, Any]:
    """The latest message's ``derived.crisis`` ({} when it carries none)."""
    return contract.crisis_of(emotion_of(tracker.latest_message.get("metadata")))


def crisis_reason(tracker: Tracker, extra: str = "") -> str:
    """A short reason for the supervisor from the latest message's crisis screening."""
    emotion = emotion_of(tracker.latest_message.get("metadata"))
    crisis = crisis_of(tracker)
    matched = ", ".join(crisis.get("matched") or []) or "none"
    conversation = crisis.get("conversation") or {}
    reason = (f"crisis risk {float(crisis.get('risk') or 0.0):.2f}, level {crisis.get('level') or 'unknown'}, "
              f"category {crisis.get('category') or 'unknown'}, conversation risk "
              f"{float(conversation.get('risk') or 0.0):.2f} (risk language: {matched}; "
              f"screened by {crisis.get('source') or 'service'}{', replayed turn' if emotion.get('replayed') else ''})")
    return f"{extra}; {reason}" if extra else reason


def system_text(text: Optional[str]) -> bool:
    """A message the system sent for the person ("/handoff_waiting" from a channel, "EXTERNAL:
    handoff_waiting" when the dashboard triggers the intent through Rasa's API), not words of
    theirs: it tells neither their language nor their page's locale."""
    return not text or text.lstrip().startswith(("/", "EXTERNAL: "))


def locale_of(tracker: Tracker) -> Optional[str]:
    """The page's locale: the latest message's, else the newest one the person's messages carried
    (a notice the dashboard triggers carries none, and must still be in their language)."""
    candidates = [tracker.latest_message.get("metadata")] + \
        [e.get("metadata") for e in reversed(tracker.events) if e.get("event") == "user"]
    for metadata in candidates:
        locale = (metadata or {}).get("locale")
        if isinstance(locale, str) and len(locale) <= 35:
            return str(locale)
    return None


def help_locale(tracker: Tracker, lang: Optional[str] = None) -> Optional[str]:
    """Whose help lines to give: the country the person last said they are in ("i am in
    germany", in any of their messages), else the page's locale (None: the language's);
    ``lang``: the person's language when already read."""
    said = [e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "user"]
    latest = tracker.latest_message.get("text") or ""
    lang = lang or language(tracker)
    for text in ([latest] if not said or said[0] != latest else []) + said:
        named = country_locale(text, lang)
        if named:
            return named
    return locale_of(tracker)


def bot_lines(tracker: Tracker, turns: int = listening.NO_REPEAT) -> List[str]:
    """What the bot said in the person's last ``turns`` turns, oldest first."""
    lines: List[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            turns -= 1
            if turns < 0:
                break
        elif event.get("event") == "bot":
            lines.append(event.get("text") or "")
    return lines[::-1]


def user_turns(tracker: Tracker) -> int:
    return sum(1 for e in tracker.events if e.get("event") == "user")


def earlier_messages(tracker: Tracker, n: int) -> List[str]:
    """The person's ``n`` messages before the latest one, oldest first."""
    return [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-(n + 1):-1]


def language(tracker: Tracker) -> str:
    """The language the person writes in (actions/language.py), from their latest messages; as the
    page's region speaks it where the bot has lines for that ("pt-PT": eighth reading, L1)."""
    said = [e.get("text") or "" for e in reversed(tracker.events)
            if e.get("event") == "user" and not system_text(e.get("text"))]
    latest = tracker.latest_message.get("text") or ""
    latest = "" if system_text(latest) else latest
    locale = locale_of(tracker)
    if not latest:
        return variant_of(language_of(said, locale), locale)
    return variant_of(language_of(said if said and said[0] == latest else [latest, *said], locale), locale)


def variants(domain: Dict[Text, Any], name: str, lang: str = "en") -> List[str]:
    """The texts of the response ``name`` (templates), in ``lang`` where i18n/<lang>.yml has it, else the domain's."""
    return ((translated(lang) or {}).get("responses") or {}).get(name) \
        or [v["text"] for v in domain["responses"].get(name, []) if v.get("text")]


def response(domain: Dict[Text, Any], name: str, recent: Sequence[str] = (), lang: str = "en", **values: Any) -> str:
    """The variant of the response ``name`` said least recently in ``recent`` (the bot's lines
    of the last turns, oldest first; one not said there comes first), with ``values``; in
    ``lang`` where i18n/<lang>.yml has it, else the domain's."""
    return least_recent([v.format(**values) for v in variants(domain, name, lang)], recent)


class Say:
    """Collects what an action says, so the same lines go to the person and to the thread."""

    def __init__(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        self.dispatcher, self.said, self.recent = dispatcher, [], bot_lines(tracker)
        self.lang = language(tracker)
        # a person who said they are under 18 gets their country's line for young people first (eleventh reading, M11)
        young = says_young([e.get("text") or "" for e in tracker.events if e.get("event") == "user"])
        self.help_now = resources_for(help_locale(tracker, self.lang) or self.lang, young=young)

    def response(self, domain: Dict[Text, Any], name: str, **values: Any) -> str:
        """Say the response ``name`` in the person's language (see :func:`response`)."""
        return self(response(domain, name, self.recent, self.lang, **values))

    def __call__(self, text: str) -> str:
        """Say ``text``, once a turn: a line said already in this answer is not sent again (twelfth reading, L1: "ya me
        tomé algunas" got the line for medicine taken twice in a row)."""
        if text in self.said:
            return text
        self.dispatcher.utter_message(text=text)
        self.said.append(text)
        self.recent.append(text)
        return text


def clear_screen(tracker: Tracker, answered: bool = True) -> List[EventType]:
    """End the screen, and remember when (answered or not): for a while only stronger risk
    starts another (:func:`recently_screened`)."""
    return [SlotSet(name, None) for name in SCREEN_SLOTS] + \
        [SlotSet("screened_at_turn" if answered else "screen_skipped_at_turn", float(user_turns(tracker)))]


def words_of_its_own(crisis: Dict[str, Any]) -> bool:
    """Whether a message read as ``crisis`` (its ``derived.crisis``) states warning-sign language itself: ``explicit``,
    or flagged with the lexicon's categories (ideation beside a laugh, which the service asks about first: the review
    of stop 45)."""
    return bool(crisis.get("explicit") or (crisis.get("turn_flag", crisis.get("flag")) and crisis.get("categories")))


def recently_screened(tracker: Tracker) -> bool:
    """Whether this message should not start a screen: a screen ended in the last
    RESCREEN_AFTER_TURNS turns (answered, or let pass: the same questions are not put again word
    for word) and this message states no warning-sign language itself (:func:`words_of_its_own`: that goes on)."""
    explicit = words_of_its_own(crisis_of(tracker))
    ended = [tracker.get_slot("screened_at_turn"), tracker.get_slot("screen_skipped_at_turn")]
    return not explicit and any(turn is not None and user_turns(tracker) - turn <= RESCREEN_AFTER_TURNS for turn in ended)


def answer_of(tracker: Tracker) -> str:
    """The screener answer in the latest message; an answer that is neither yes nor no but is
    itself high risk (flagged) or states warning-sign language counts as yes ("i just want it
    all to end"; the screen climbs to "have you thought about how?" only on a clear yes: crisis_screen.py,
    ninth reading, M1). Itself: ``turn_flag``, the message's own flag, not the conversation's, which
    the screen's earlier turns may have raised ("my boyfriend has been sweet at least" is no yes).
    A no to calling anyone ("nee ik wil niemand bellen": the bank's ``stop_numbers`` words) answers
    no question of the screen: unclear (seventh reading, H2)."""
    text = tracker.latest_message.get("text") or ""
    answer = screener.read_answer(text)
    if answer == "no" and says(bank().handoff["stop_numbers"]["words"], text):
        return "unclear"
    crisis = crisis_of(tracker)
    own_flag = crisis.get("turn_flag", crisis.get("flag"))  # the in-Rasa fallback reads one message: flag
    if answer == "unclear" and (own_flag or crisis.get("explicit")):
        return "yes"
    return answer
