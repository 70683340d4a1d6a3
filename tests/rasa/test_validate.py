"""``python -m policies.validate``: a bot's emotion-policy mistakes before ``rasa train``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from policies.validate import main

CONFIG = """recipe: default.v1
policies:
  - name: RulePolicy
  - name: policies.rules_policy.EmotionRulesPolicy
    rules_file: emotion_rules.yml
    rules:
      - {name: inline, if: {derived.crisis.flag: true}, action: utter_help}
  - name: policies.emotion_policy.EmotionPolicy
    rules:
      - {label: sadness, action: utter_comfort}
"""
DOMAIN = """version: "3.1"
slots:
  problem_solved: {type: bool, mappings: [{type: custom}]}
responses:
  utter_help: [{text: help}]
  utter_comfort: [{text: there there}]
"""


def bot(tmp_path: Path, rules: str, config: str = CONFIG) -> Path:
    (tmp_path / "config.yml").write_text(config)
    (tmp_path / "domain.yml").write_text(DOMAIN)
    (tmp_path / "emotion_rules.yml").write_text(rules)
    return tmp_path


def run_in(folder: Path, capsys) -> tuple[int, str]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        code = main([])
    finally:
        os.chdir(here)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_correct_bot_passes(tmp_path, capsys) -> None:
    code, out = run_in(bot(tmp_path, "rules:\n  - {name: sad, if: {prob.sadness: {min: 0.5}}, action: utter_comfort}\n"),
                       capsys)
    assert code == 0 and "emotion policies ok" in out


def test_each_mistake_is_named_with_its_place_and_a_suggestion(tmp_path, capsys) -> None:
    rules = "rules:\n  - {name: angry, if: {turn.prob.angr: {min: 0.5}}, action: utter_comfort}\n"
    code, out = run_in(bot(tmp_path, rules), capsys)
    assert code == 1
    assert "rule 'angry' in emotion_rules.yml" in out and "Did you mean 'turn.prob.anger'?" in out
    for rules, expected in [
        ("rules:\n  - {name: a, if: {label: sadness}, action: utter_comfrot}\n", "Did you mean 'utter_comfort'?"),
        ("rules:\n  - {name: b, if: {slot.problem_solve: true}, action: utter_help}\n", "Did you mean 'problem_solved'?"),
    ]:
        code, out = run_in(bot(tmp_path, rules), capsys)
        assert code == 1 and expected in out, out
    config = CONFIG.replace("{label: sadness, action: utter_comfort}", "{lable: sadness, action: utter_comfort}")
    code, out = run_in(bot(tmp_path, "rules: []\n", config), capsys)
    assert code == 1 and "unknown key 'lable'" in out and "Did you mean 'label'?" in out


def test_it_runs_as_the_guide_says(tmp_path) -> None:
    folder = bot(tmp_path, "rules:\n  - {name: x, if: {derived.tutoring.frustated: {min: 0.6}}, action: utter_help}\n")
    done = subprocess.run([sys.executable, "-m", "policies.validate"], cwd=folder, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.returncode == 1 and "Did you mean 'derived.tutoring.frustration'?" in done.stderr


CUSTOM_POLICY = '''
from policies.base import Decision, EmotionPolicyBase


class CalmingPolicy(EmotionPolicyBase):
    def actions(self):
        return ["utter_comfort"]

    def decide(self, emotion, tracker):
        if emotion.label == "anger":
            return Decision("utter_comfrot")                    # misspelled in one branch only
        if emotion.derived["crisis"]["flag"]:                   # KeyError on every turn without a screening
            return Decision("utter_help")
        return None
'''


def test_a_custom_policys_decide_runs_before_training(tmp_path, capsys) -> None:
    config = CONFIG + "  - name: my_policies.CalmingPolicy\n"
    folder = bot(tmp_path, "rules: []\n", config)
    (folder / "my_policies.py").write_text(CUSTOM_POLICY)
    code, out = run_in(folder, capsys)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, out                                           # each mistake once
    assert "CalmingPolicy.decide() raised KeyError: 'crisis' (on one message reading neutral 0.45 and " in out, out
    assert "CalmingPolicy.decide() returned 'utter_comfrot', which is not in the domain (on one message reading " \
           "anger 0.45 and 3 more of the typical conversations). Did you mean 'utter_comfort'?" in out, out
    fixed = CUSTOM_POLICY.replace("utter_comfrot", "utter_comfort").replace(
        'emotion.derived["crisis"]["flag"]', 'emotion.derived.get("crisis", {}).get("flag")')
    (folder / "my_policies.py").write_text(fixed)
    sys.modules.pop("my_policies", None)
    code, out = run_in(folder, capsys)
    assert code == 0 and "emotion policies ok" in out, out
    (folder / "config.yml").write_text(CONFIG + "  - name: my_policies.CalmingPolicyy\n")
    code, out = run_in(folder, capsys)
    assert code == 1 and "policy 'my_policies.CalmingPolicyy' cannot be imported" in out
