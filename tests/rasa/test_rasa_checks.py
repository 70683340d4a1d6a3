"""Rasa's own checks on each example bot: `rasa data validate` and `rasa test core`.

Each command is parsed by Rasa's own CLI parser and run in this process (one Rasa import for
all of them instead of a ~20 s start-up per command), exactly as these would run it:

    cd bot/<bot>
    rasa data validate
    rasa train
    rasa test core --e2e --fail-on-prediction-errors --stories tests/test_stories.yml

Training restores unchanged steps from bot/<bot>/.rasa/cache (shared with the other tests).

`rasa data validate` warns about responses that no story or rule uses. In these bots such
responses are sent by an emotion policy (a rule in config.yml names them) or by a custom
action (`dispatcher.utter_message(response=...)`); Rasa's validator reads only stories and
rules, and a story or rule using them would be false (they depend on the emotion metadata,
which training data cannot carry). So the test accepts exactly those warnings, and fails on
any other warning and on a response that nothing sends. Likewise intents that only the system
triggers (the dashboard's handoff_resolved / handoff_waiting, the channel's crisis_replayed)
have no NLU examples on purpose: a person's words must never be read as them.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BOTS = ("support", "tutor")
UNUSED = re.compile(r"The utterance '(\w+)' is not used in any story or rule\.")
SYSTEM_INTENTS = ("handoff_resolved", "handoff_waiting", "crisis_replayed")
UNUSED_INTENT = re.compile(r"The intent '(\w+)' is not used in any story or rule\.")
NO_EXAMPLES = re.compile(r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU training data\.")

pytestmark = pytest.mark.slow


def rasa(*argv: str) -> None:
    """Run one `rasa` command in this process, parsed by Rasa's own argument parser."""
    from rasa.__main__ import create_argument_parser

    args = create_argument_parser().parse_args(list(argv))
    args.func(args)


def decided_by_policies(bot_dir: Path) -> set[str]:
    """Intents an emotion policy answers outside the stories (its ``only_intents`` in config.yml)."""
    config = yaml.safe_load((bot_dir / "config.yml").read_text())
    return {intent for policy in config["policies"] for intent in policy.get("only_intents") or []}


def sent_outside_stories(bot_dir: Path) -> set[str]:
    """Responses named by a policy rule in config.yml, by the bot's own policies (its *.py) or by
    its custom actions."""
    config = yaml.safe_load((bot_dir / "config.yml").read_text())
    by_policies = {rule["action"] for policy in config["policies"] for rule in policy.get("rules") or []}
    actions = "".join(p.read_text() for p in [*(bot_dir / "actions").glob("*.py"), *bot_dir.glob("*.py")])
    by_actions = set(re.findall(r'"(utter_\w+)"', actions))
    return {name for name in by_policies | by_actions if name.startswith("utter_")}


@pytest.fixture(params=BOTS)
def bot_dir(request, monkeypatch) -> Path:
    bot_dir = REPO / "bot" / request.param
    monkeypatch.chdir(bot_dir)  # Rasa's default paths (config.yml, domain.yml, data/)
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(bot_dir / ".rasa" / "cache"))
    return bot_dir


def test_rasa_data_validate(bot_dir: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            rasa("data", "validate")
        except SystemExit as exit:  # Rasa exits 1 on a validation error
            pytest.fail(f"rasa data validate failed in {bot_dir.name} ({exit.code})")
    from rasa.utils.common import EXPECTED_WARNINGS  # the warnings Rasa's CLI hides

    hidden = [re.compile(pattern) for category, pattern in EXPECTED_WARNINGS if category is UserWarning]
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)
                and not any(p.match(str(w.message)) for p in hidden)]
    unused = {m.group(1) for m in map(UNUSED.search, messages) if m}
    others = [m for m in messages if not UNUSED.search(m)
              and not (NO_EXAMPLES.search(m) and NO_EXAMPLES.search(m).group(1) in SYSTEM_INTENTS)
              and not (UNUSED_INTENT.search(m) and UNUSED_INTENT.search(m).group(1) in decided_by_policies(bot_dir))]
    assert others == [], others
    assert unused <= sent_outside_stories(bot_dir), unused - sent_outside_stories(bot_dir)


def test_rasa_test_core(bot_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model.tar.gz"
    rasa("train", "--out", str(tmp_path), "--fixed-model-name", "model")
    assert model.is_file()
    results = tmp_path / "results"
    # --fail-on-prediction-errors raises on the first wrong intent or action, with the story
    rasa("test", "core", "--e2e", "--fail-on-prediction-errors", "--no-plot", "--model", str(model),
         "--stories", "tests/test_stories.yml", "--out", str(results))
    assert "None of the test stories failed" in (results / "failed_test_stories.yml").read_text()
