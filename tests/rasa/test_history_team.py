"""A supervisor's reply in a reloaded page's history is the team's, not the bot's (thirteenth exploratory reading, M12)."""
from __future__ import annotations

from types import SimpleNamespace

from rasa.shared.core.events import Event, UserUttered

from connectors.contract import FROM_THE_TEAM
from connectors.web.history import transcript


def test_a_reply_the_dashboard_appended_comes_back_as_the_teams() -> None:
    # the events as Rasa builds them from the dashboard's POST /conversations/{id}/tracker/events body
    events = [UserUttered("im on the bridge", timestamp=1.0, metadata={}),
              Event.from_parameters({"event": "bot", "text": "Please step back.", "timestamp": 2.0}),
              Event.from_parameters({"event": "bot", "text": "Hi, I'm Mo from the team.", "timestamp": 3.0,
                                     "metadata": {FROM_THE_TEAM: True}})]
    assert [(m["who"], m["text"]) for m in transcript(SimpleNamespace(events=events))] == [
        ("user", "im on the bridge"), ("bot", "Please step back."), ("human", "Hi, I'm Mo from the team.")]


def test_a_bot_line_with_other_metadata_stays_the_bots() -> None:
    events = [Event.from_parameters({"event": "bot", "text": "hello", "timestamp": 1.0,
                                     "metadata": {FROM_THE_TEAM: "yes", "utter_action": "utter_greet"}})]
    assert transcript(SimpleNamespace(events=events))[0]["who"] == "bot"
