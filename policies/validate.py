"""Check a bot's emotion policies before ``rasa train`` (seconds, not the minutes NLU and TED take).

    cd <your bot> && python -m policies.validate [--config config.yml] [--domain domain.yml]

Reads the ``EmotionRulesPolicy`` and ``EmotionPolicy`` entries of the config, their rules
(inline and ``rules_file``, relative to the bot folder, as ``rasa train`` reads them) and the
domain, and reports each mistake with its place and a suggestion: unknown condition keys
(checked against the emotion service's published states), unknown tests and rule keys,
actions and slots missing from the domain. A policy of your own (a subclass of
``EmotionPolicyBase``, imported from the bot folder as ``rasa train`` would) has its
``decide()`` run over typical conversations (policies/probe.py): actions it returns that are
not in the domain and exceptions it raises are reported with the turn that caused them.
Exit status 0 when all is well, 1 otherwise. ``rasa train`` runs the rule checks too, later;
nothing else runs a custom ``decide()`` before the first real message.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.utils.common import class_from_module_path

from policies.base import EmotionPolicyBase, did_you_mean
from policies.emotion_policy import EmotionPolicy, validated_rule
from policies.probe import probe
from policies.rules_policy import EmotionRulesPolicy, check_against_domain, load_rules


def problems(config_path: Path, domain_path: Path) -> List[str]:
    """Every mistake found in the config's emotion policies ([] when none)."""
    config = yaml.safe_load(config_path.read_text()) or {}
    domain = Domain.load(str(domain_path))
    actions = set(domain.action_names_or_texts)
    found: List[str] = []
    for entry in config.get("policies") or []:
        name = str((entry or {}).get("name", ""))
        try:
            if name.endswith("EmotionRulesPolicy"):
                check_against_domain(load_rules(entry), domain)
            elif name.endswith(".EmotionPolicy") or name == "EmotionPolicy":
                for rule in entry.get("rules") or []:
                    checked = validated_rule(rule)
                    if checked["action"] not in actions:
                        found.append(f"EmotionPolicy rule {dict(rule)!r}: action {checked['action']!r} is not in "
                                     f"the domain.{did_you_mean(checked['action'], actions)}")
            elif "." in name:
                found += _probe_custom(name, entry, domain)
        except InvalidConfigException as exc:
            found.append(str(exc))
    return found


def _probe_custom(name: str, entry: dict, domain: Domain) -> List[str]:
    """``probe``'s findings for a config entry naming a custom emotion policy; [] for any other policy."""
    if str(Path.cwd()) not in sys.path:
        sys.path.insert(0, str(Path.cwd()))  # the bot folder, where rasa train imports it from
    try:
        policy_class = class_from_module_path(name)
    except (ImportError, AttributeError, TypeError) as exc:
        return [f"policy {name!r} cannot be imported from {Path.cwd()}: {exc}"]
    if not (isinstance(policy_class, type) and issubclass(policy_class, EmotionPolicyBase)) or \
            policy_class in (EmotionPolicy, EmotionRulesPolicy):
        return []
    return probe(policy_class, {k: v for k, v in entry.items() if k != "name"}, domain)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policies.validate", description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="config.yml", type=Path)
    parser.add_argument("--domain", default="domain.yml", type=Path)
    args = parser.parse_args(argv)
    found = problems(args.config, args.domain)
    for problem in found:
        print(f"error: {problem}", file=sys.stderr)
    if not found:
        print(f"{args.config}: emotion policies ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
