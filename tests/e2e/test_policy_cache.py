"""Regression: editing the file named by ``rules_file`` and running ``rasa train`` again ships the
edited rules (it used to restore EmotionRulesPolicy from Rasa's cache and ship the old ones)."""
from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.e2e.processes import ARTIFACTS, REPO
from tests.e2e.rasa_server import RASA, RASA_ENV

pytestmark = pytest.mark.slow

CONFIG = """recipe: default.v1
language: en
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: DIETClassifier
    epochs: 1
policies:
  - name: RulePolicy
  - name: policies.rules_policy.EmotionRulesPolicy
    rules_file: emotion_rules.yml
"""
DOMAIN = """version: "3.1"
intents: [greet, sad]
responses:
  utter_first: [{text: "first"}]
  utter_second: [{text: "second"}]
"""
NLU = """version: "3.1"
nlu:
  - intent: greet
    examples: |
      - hi
      - hello
      - hey there
  - intent: sad
    examples: |
      - i feel sad
      - i am down
      - everything is bad
"""
RULES = """version: "3.1"
rules:
  - rule: greet
    steps:
      - intent: greet
      - action: utter_first
"""


def shipped_rules(model: Path) -> str:
    """The rules the trained model carries (the policy's stored JSON)."""
    with tarfile.open(model) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("emotion_rules.json"))
        return tar.extractfile(member).read().decode()


def train(bot: Path, log: str) -> Path:
    env = {**os.environ, **RASA_ENV, "RASA_CACHE_DIRECTORY": str(bot / ".cache"),
           "PYTHONPATH": f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    with open(ARTIFACTS / log, "wb") as out:
        done = subprocess.run([str(RASA), "train", "--out", "models", "--fixed-model-name", "bot"], cwd=bot, env=env,
                              stdout=out, stderr=subprocess.STDOUT, timeout=600)
    assert done.returncode == 0, (ARTIFACTS / log).read_text()[-3000:]
    return bot / "models" / "bot.tar.gz"


def test_an_edited_rules_file_is_trained_into_the_next_model(tmp_path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    bot = tmp_path / "bot"
    (bot / "data").mkdir(parents=True)
    (bot / "config.yml").write_text(CONFIG)
    (bot / "domain.yml").write_text(DOMAIN)
    (bot / "data" / "nlu.yml").write_text(NLU)
    (bot / "data" / "rules.yml").write_text(RULES)
    rules = bot / "emotion_rules.yml"
    rules.write_text("rules:\n  - {name: comfort, if: {label: sadness}, action: utter_first}\n")
    assert "utter_first" in shipped_rules(train(bot, "policy-cache-1.log"))
    rules.write_text("rules:\n  - {name: comfort, if: {label: sadness}, action: utter_second}\n")
    second = shipped_rules(train(bot, "policy-cache-2.log"))  # same config, same data: only the file changed
    assert "utter_second" in second and "utter_first" not in second
