"""The trained support bot: EmotionPolicy inside Rasa's real ensemble, next to its rules.

The emotion metadata is given directly, in the shape the emobot_web channel puts it. The
bot's custom actions (crisis escalation, session start) run in its real action server.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot" / "support"
LABELS = ("neutral", "joy", "sadness", "anger", "fear", "disgust", "surprise")


def emotion(label: str, p: float, confidence: float, valence: float) -> dict:
    reading = {"label": label, "valence": valence, "arousal": 0.0, "confidence": confidence,
               "probabilities": {l: p if l == label else (1 - p) / 6 for l in LABELS}}
    return {"available": True, "turn": reading,
            "state": {**reading, "trend": {"valence": 0.0, "arousal": 0.0}, "turns_observed": 1}}


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory):
    from rasa.core.agent import Agent
    from rasa.model_training import train
    from rasa.utils.endpoints import EndpointConfig

    from tests.e2e.rasa_server import action_server

    out = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as patch:
        # Rasa caches each training step; unchanged steps are restored from bot/support/.rasa
        patch.setenv("RASA_CACHE_DIRECTORY", str(BOT / ".rasa" / "cache"))
        result = train(str(BOT / "domain.yml"), str(BOT / "config.yml"), [str(BOT / "data")],
                       output=str(out), fixed_model_name="support")
    assert result.code == 0
    with action_server("support") as actions_url:
        yield Agent.load(result.model, action_endpoint=EndpointConfig(actions_url))


@pytest.mark.slow
def test_emotion_policy_answers_strong_emotions_and_rules_answer_the_rest(agent) -> None:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    turns = [
        ("hello", emotion("sadness", 0.8, 0.9, -0.6), "utter_greet"),  # greet is ignored
        ("I lost my job", emotion("sadness", 0.8, 0.9, -0.6), "utter_empathize"),
        ("my dog died", {"available": False, "error": "service_unavailable"}, "utter_listen"),
        ("I passed my exam", emotion("joy", 0.8, 0.7, 0.7), "utter_glad"),
        ("work has been stressful", emotion("neutral", 0.8, 0.9, 0.0), "utter_listen"),
        ("bye", None, "utter_goodbye"),
    ]
    responses = {name: {r["text"] for r in agent.domain.responses[name]}
                 for name in ("utter_greet", "utter_empathize", "utter_listen", "utter_glad",
                              "utter_goodbye")}

    async def talk() -> list[tuple[str, str]]:
        said = []
        for text, metadata, _ in turns:
            out = CollectingOutputChannel()
            await agent.handle_message(UserMessage(
                text, out, "bot-test", metadata={"emotion": metadata} if metadata else None))
            assert len(out.messages) == 1, (text, out.messages)
            said.append((text, out.messages[0]["text"]))
        return said

    said = asyncio.run(talk())
    for (text, reply), (_, _, expected) in zip(said, turns):
        assert reply in responses[expected], (text, reply, expected)

    tracker = asyncio.run(agent.tracker_store.retrieve("bot-test"))
    by_policy = [(e.action_name, e.policy) for e in tracker.events
                 if e.type_name == "action" and e.policy == "EmotionPolicy"]
    assert by_policy == [("utter_empathize", "EmotionPolicy"), ("action_listen", "EmotionPolicy"),
                         ("utter_glad", "EmotionPolicy"), ("action_listen", "EmotionPolicy")]
