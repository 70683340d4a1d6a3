"""docs/add-to-your-bot.md, followed word for word on a fresh `rasa init` starter bot.

- The existing Rasa 3.6 environment: a venv layered on .venv-rasa (a .pth file puts Rasa's
  site-packages on its path), so what the guide's `pip install` adds lands in the venv and can
  be listed. It must be emobot alone, `pip check` must pass, and the plugin must import without
  any of the service's dependencies. .venv-rasa already has emobot's dependencies (it has
  emobot), so what a clean Rasa 3.6 environment would get besides emobot is read from the
  installed metadata: emobot's requirement closure minus rasa's. Every command of the guide runs with this venv's Python
  (`pip ...` as `python -m pip ...`, `rasa ...` as `python -m rasa ...`), away from the
  repository, so Rasa loads the installed copy of emobot.
- The starter bot: the files `rasa init --no-prompt` writes (its first step,
  rasa.cli.scaffold.create_initial_project), without rasa init's own first training: the
  guide trains anyway, and the starter's DIET and TED make each training minutes long.
- The guide's YAML is merged into credentials.yml, config.yml and domain.yml; `rasa train`
  uses Rasa's training cache in .rasa/add-to-your-bot (git-ignored), so only a cold run pays
  for the starter's DIET and TED.
- The emotion service is the real one (`emobot serve`, what the guide's step 3 starts), on a
  SQLite mood log; the guide's curl turn is sent over HTTP.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import yaml
from sqlalchemy import create_engine, text

from tests.e2e.processes import ARTIFACTS, REPO, emotion_service, free_port, running
from tests.e2e.rasa_server import RASA_ENV

pytestmark = pytest.mark.slow
DOC = REPO / "docs" / "add-to-your-bot.md"
BLOCK = re.compile(r'^```\w+ title="([^"]+)"\n(.*?)^```$', re.S | re.M)
RASA_PYTHON = REPO / ".venv-rasa" / "bin" / "python"
SERVICE_DEPENDENCIES = ("torch", "transformers", "fastapi", "sqlmodel", "pydantic_settings", "typer")
PLUGIN_MODULES = ("policies.emotion_policy", "policies.rules_policy", "policies.emotion_slots",
                  "connectors.client", "connectors.web.channel", "connectors.voice.channel")
# emobot's extra packages in a clean Rasa 3.6 environment, as docs/add-to-your-bot.md says
ADDED_TO_A_CLEAN_RASA_ENVIRONMENT = {"httpx", "httpcore"}
CLOSURE = """
import json, re
from importlib.metadata import distribution
from packaging.requirements import Requirement

def closure(name):
    seen, todo = set(), [name]
    while todo:
        dist = distribution(todo.pop())
        key = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
        if key not in seen:
            seen.add(key)
            requirements = [Requirement(spec) for spec in dist.requires or []]
            todo += [r.name for r in requirements if r.marker is None or r.marker.evaluate({"extra": ""})]
    return sorted(seen)

print(json.dumps({"emobot": closure("emobot"), "rasa": closure("rasa")}))
"""
# without PYTHONPATH: nothing but the installed copy of emobot may be found
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, **RASA_ENV}


def guide() -> dict[str, str]:
    """The guide's code blocks by title."""
    return dict(BLOCK.findall(DOC.read_text()))


def commands(block: str, program: str) -> list[list[str]]:
    """The lines of a block that run ``program``, split like a shell would."""
    return [shlex.split(line) for line in guide()[block].splitlines() if line.startswith(program + " ")]


def merge(into: dict | None, snippet: dict) -> dict:
    """A YAML mapping with a snippet's keys added: mappings merge, anything else is replaced."""
    out = dict(into or {})
    for key, value in snippet.items():
        both = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = merge(out[key], value) if both else value
    return out


def run(cmd: list, cwd: Path, name: str, timeout: float = 900, **env: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"add-to-your-bot-{name}.log"
    with open(log, "wb") as out:
        result = subprocess.run([str(c) for c in cmd], cwd=cwd, env={**ENV, **env}, stdout=out,
                                stderr=subprocess.STDOUT, timeout=timeout)
    assert result.returncode == 0, f"{cmd} failed ({result.returncode}): {log.read_text()[-3000:]}"
    return log.read_text()


def purelib(python: Path) -> Path:
    return Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(root, python): the guide's step 1 in a Rasa 3.6 environment; root holds ./emobot."""
    root = tmp_path_factory.mktemp("add-to-your-bot")
    run([RASA_PYTHON, "-m", "venv", "--without-pip", root / "venv"], root, "venv")
    python = root / "venv" / "bin" / "python"
    (purelib(python) / "existing-rasa-environment.pth").write_text(f"{purelib(RASA_PYTHON)}\n")
    # ./emobot: a clone, as far as building the package goes
    clone = root / "emobot"
    clone.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, clone / name)
    packages = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    for pattern in packages["find"]["include"]:
        package = pattern.rstrip("*")
        shutil.copytree(REPO / package, clone / package, ignore=shutil.ignore_patterns("__pycache__"))
    (install,) = commands("install", "pip")
    run([python, "-m", *install], root, "pip-install")
    return root, python


@pytest.fixture(scope="module")
def starter_bot(installed) -> Path:
    """The starter bot with the guide's step 2, trained with the guide's `rasa train`."""
    root, python = installed
    bot = root / "bot"
    run([python, "-c", f"from rasa.cli.scaffold import create_initial_project; create_initial_project({str(bot)!r})"],
        root, "init")
    for name in ("credentials.yml", "config.yml", "domain.yml"):
        merged = merge(yaml.safe_load((bot / name).read_text()), yaml.safe_load(guide()[name]))
        (bot / name).write_text(yaml.safe_dump(merged, sort_keys=False, allow_unicode=True))
    (train,) = [c for c in commands("run the bot", "rasa") if c[1] == "train"]
    run([python, "-m", *train], bot, "train", RASA_CACHE_DIRECTORY=str(REPO / ".rasa" / "add-to-your-bot"))
    return bot


def test_the_plugin_installs_alone_into_a_rasa_environment(installed) -> None:
    root, python = installed
    added = {p.name.split("-")[0] for p in purelib(python).glob("*.dist-info")}
    assert added == {"emobot"}
    run([python, "-m", "pip", "check"], root, "pip-check")
    needs = json.loads(run([python, "-c", CLOSURE], root, "closure").strip().splitlines()[-1])
    assert set(needs["emobot"]) - set(needs["rasa"]) - {"emobot"} == ADDED_TO_A_CLEAN_RASA_ENVIRONMENT
    assert not set(needs["emobot"]) & {"torch", "pydantic", "sqlalchemy", "sqlmodel", "fastapi"}
    probe = (f"import importlib, json, sys; [importlib.import_module(m) for m in {PLUGIN_MODULES!r}]; "
             "import policies; print(json.dumps([policies.__file__, sorted(sys.modules)]))")
    where, modules = json.loads(run([python, "-c", probe], root, "imports").strip().splitlines()[-1])
    assert where.startswith(str(purelib(python)))
    assert [m for m in SERVICE_DEPENDENCIES if m in modules] == []
    # the channel's in-process crisis screen, the outbox's private files and the refusal of
    # placeholder secrets (standard library and PyYAML only) come along
    assert {m for m in modules if m.split(".")[0] == "emotion"} == {
        "emotion", "emotion.labels", "emotion.crisis", "emotion.crisis.conversation", "emotion.crisis.fallback",
        "emotion.crisis.lexicon", "emotion.crisis.normalise", "emotion.files", "emotion.placeholders", "emotion.types"}


def test_the_starter_bot_answers_emotion_through_the_guide(installed, starter_bot, tmp_path) -> None:
    root, python = installed
    domain = yaml.safe_load((starter_bot / "domain.yml").read_text())
    texts = {name: {r["text"] for r in variants} for name, variants in domain["responses"].items()}
    bot_name = yaml.safe_load(guide()["credentials.yml"])["connectors.web.channel.EmobotWebInput"]["bot"]
    curl = next(c for c in commands("run the bot", "curl"))
    webhook = urlsplit(next(a for a in curl if a.startswith("http"))).path
    turn = json.loads(curl[curl.index("-d") + 1])
    (serve,) = [c for c in commands("run the bot", "rasa") if c[1] == "run"]
    database = tmp_path / "moodlog.sqlite3"

    with emotion_service(f"sqlite:///{database}") as service_url:
        port = free_port()
        cmd = [str(python), "-m", *serve, "--port", str(port), "--interface", "127.0.0.1"]
        with running(cmd, f"http://127.0.0.1:{port}/status", name=f"rasa-add-to-your-bot-{port}", cwd=starter_bot,
                     env={**ENV, "EMOBOT_SERVICE_URL": service_url}, timeout=240):
            url = f"http://127.0.0.1:{port}"

            def say(message: str) -> list[str]:
                reply = httpx.post(url + webhook, json={**turn, "message": message}, timeout=120)
                assert reply.status_code == 200, reply.text
                return [m.get("text") for m in reply.json()]

            # the starter's own flow still answers (greet is one of the policy's ignore_intents)
            assert say("hello")[0] in texts["utter_greet"]
            # the guide's turn: the emotion policy answers it
            assert say(turn["message"])[0] in texts["utter_empathize"]
            tracker = httpx.get(f"{url}/conversations/{turn['sender']}/tracker", timeout=30).json()

    emotion = tracker["latest_message"]["metadata"]["emotion"]
    assert emotion["available"] is True and emotion["state"]["label"] == "sadness"
    # "Files and warnings to expect": the outbox file in the bot folder
    assert (starter_bot / "var" / "emobot-outbox.sqlite3").is_file()
    replies = [e for e in tracker["events"] if e["event"] == "action" and e["name"] == "utter_empathize"]
    assert replies and "EmotionPolicy" in replies[-1]["policy"]

    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as db:
        turns = db.execute(text("SELECT turn_index, text, status FROM turns WHERE session_id = :s ORDER BY turn_index"),
                           {"s": turn["sender"]}).all()
        labels = db.execute(text("SELECT state_label FROM emotion_records WHERE session_id = :s"),
                            {"s": turn["sender"]}).scalars().all()
        bot = db.execute(text("SELECT bot FROM sessions WHERE id = :s"), {"s": turn["sender"]}).scalar_one()
    engine.dispose()
    assert [tuple(t) for t in turns] == [(0, "hello", "analysed"), (1, turn["message"], "analysed")]
    assert labels[-1] == "sadness" and bot == bot_name

    # the guide's custom action, run by rasa_sdk on this conversation's tracker
    (tmp_path / "tracker.json").write_text(json.dumps(tracker))
    (tmp_path / "run_action.py").write_text(guide()["actions/actions.py"] + (
        "\nimport json, sys\n"
        "action = next(c for c in list(globals().values()) if isinstance(c, type) and issubclass(c, Action) and c is not Action)\n"
        "dispatcher = CollectingDispatcher()\n"
        "action().run(dispatcher, Tracker.from_dict(json.load(open(sys.argv[1]))), {})\n"
        "print(json.dumps([m['text'] for m in dispatcher.messages]))\n"))
    said = json.loads(run([python, tmp_path / "run_action.py", tmp_path / "tracker.json"], tmp_path,
                          "action").strip().splitlines()[-1])
    assert said == [f"You sound mostly sadness (valence {emotion['state']['valence']:+.2f}, "
                    f"confidence {emotion['state']['confidence']:.0%})."]


def test_the_guides_validator_warning_and_policy_check(installed, starter_bot) -> None:
    """"Files and warnings to expect": `rasa data validate` warns about the response only the
    emotion policy sends, and `python -m policies.validate` passes the guide's bot."""
    root, python = installed
    validated = subprocess.run([str(python), "-m", "rasa", "data", "validate"], cwd=starter_bot, env=ENV,
                               capture_output=True, text=True, timeout=300)
    assert "The utterance 'utter_empathize' is not used in any story or rule" in validated.stdout + validated.stderr
    run([python, "-m", "policies.validate"], starter_bot, "policies-validate")
