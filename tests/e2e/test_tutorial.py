"""docs/writing-emotion-policies.md, followed literally: its files are copied from the
markdown into a temporary bot, trained with `rasa train` and served with `rasa run`; the
conversation the tutorial promises is then held over HTTP (readings injected)."""
from __future__ import annotations

import os
import re
import subprocess

import httpx
import pytest
import yaml

from tests.e2e.processes import ARTIFACTS, REPO, free_port, running
from policies.testing_bot import standin_service
from tests.e2e.rasa_server import RASA, RASA_ENV

pytestmark = pytest.mark.slow
DOC = REPO / "docs" / "writing-emotion-policies.md"
BLOCK = re.compile(r'^```\w+ title="([^"]+)"\n(.*?)^```$', re.S | re.M)


def tutorial_files() -> dict[str, str]:
    return {name: body for name, body in BLOCK.findall(DOC.read_text())}


def test_the_tutorial_names_every_file_it_needs() -> None:
    files = tutorial_files()
    assert set(files) == {"config.yml", "domain.yml", "data/nlu.yml", "data/rules.yml",
                          "cheer_policy.py", "credentials.yml", "tests/test_emotion_paths.py"}
    for name, body in files.items():
        if name.endswith(".yml"):
            assert yaml.safe_load(body), name
        else:
            compile(body, name, "exec")


@pytest.fixture(scope="module")
def tutorial_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("mybot")


@pytest.fixture(scope="module")
def tutorial_bot(tutorial_folder):
    bot = tutorial_folder
    for name, body in tutorial_files().items():
        (bot / name).parent.mkdir(parents=True, exist_ok=True)
        (bot / name).write_text(body)
    env = {**os.environ, **RASA_ENV, "PYTHONPATH": str(REPO), "RASA_CACHE_DIRECTORY": str(bot / ".rasa")}
    # "Check the emotion policies first": the rules and the Python policy's decide() pass
    checked = subprocess.run([str(RASA.with_name("python")), "-m", "policies.validate"], cwd=bot, env=env,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0 and "config.yml: emotion policies ok" in checked.stdout, checked.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "rasa-train-tutorial.log", "wb") as log:
        result = subprocess.run([str(RASA), "train", "--fixed-model-name", "tutorial"], cwd=bot, env=env,
                                stdout=log, stderr=subprocess.STDOUT, timeout=600)
    assert result.returncode == 0, (ARTIFACTS / "rasa-train-tutorial.log").read_text()[-3000:]

    def label_of(text: str) -> str:
        return "sadness" if "sad" in text else "joy" if "great" in text else "neutral"

    def derived_of(text: str) -> dict:
        return {"crisis": {"flag": "kill myself" in text, "risk": 0.97 if "kill myself" in text else 0.0,
                           "matched": []}}

    with standin_service(label_of, derived_of) as service:
        port = free_port()
        cmd = [str(RASA), "run", "--enable-api", "--credentials", "credentials.yml", "--interface", "127.0.0.1",
               "--port", str(port)]
        with running(cmd, f"http://127.0.0.1:{port}/status", name=f"rasa-tutorial-{port}", cwd=bot,
                     env={"PYTHONPATH": str(REPO), "EMOBOT_SERVICE_URL": service.url, **RASA_ENV}, timeout=180):
            yield f"http://127.0.0.1:{port}"


def say(url: str, text: str) -> str:
    reply = httpx.post(f"{url}/webhooks/emobot_web/webhook", json={"sender": "me", "message": text}, timeout=60)
    assert reply.status_code == 200, reply.text
    return reply.json()[0]["text"]


def test_the_tutorial_bot_behaves_as_promised(tutorial_bot) -> None:
    assert say(tutorial_bot, "hello") == "Hi! How was your day?"
    # slot + conditional response
    assert say(tutorial_bot, "I feel sad") == "I'm sorry you're feeling down. Tell me more."
    # the Python policy: two low turns in a row
    assert say(tutorial_bot, "still sad") == ("You've sounded low for a while. "
                                              "Want to hear something that might cheer you up?")
    # a YAML rule
    assert say(tutorial_bot, "I got great news") == "That's wonderful to hear!"
    assert say(tutorial_bot, "work was fine") == "Tell me more."
    assert say(tutorial_bot, "I want to kill myself").startswith("I'm worried about you.")
    tracker = httpx.get(f"{tutorial_bot}/conversations/me/tracker", timeout=30).json()
    policies = [e["policy"] for e in tracker["events"] if e["event"] == "action" and e["name"].startswith("utter_")]
    assert policies == ["RulePolicy", "RulePolicy", "CheerUpPolicy", "EmotionRulesPolicy", "RulePolicy",
                        "EmotionRulesPolicy"]


def test_the_tutorials_own_end_to_end_test_passes(tutorial_bot, tutorial_folder) -> None:
    """"Testing an emotion-driven path": the guide's pytest file, run as the guide says, in the
    bot folder with the Rasa environment (its own rasa train + rasa run + stand-in service)."""
    env = {**os.environ, **RASA_ENV, "PYTHONPATH": str(REPO), "RASA_CACHE_DIRECTORY": str(tutorial_folder / ".rasa"),
           "PATH": f"{RASA.parent}:{os.environ['PATH']}"}
    done = subprocess.run([str(RASA.with_name("python")), "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider"],
                          cwd=tutorial_folder, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
