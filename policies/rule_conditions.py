"""The conditions of an emotion rule (policies/rules_policy.py): what each key reads, how a value
is tested, and the checks a rule's conditions pass when the policy loads.

A rule holds when **all** its conditions hold. Condition keys (the reading is the tracked
state when the service sent one, else this turn's reading):

================================  ================================================
``label``                          top label of the reading, e.g. ``sadness``
``prob.<label>``                   probability of ``<label>``, 0..1
``valence`` / ``arousal``          in [-1, 1]
``confidence``                     0..1
``trend.valence`` / ``trend.arousal`` / ``trend.<label>``  change per turn
``turn.<key>``                     the same keys on this turn's reading alone
``derived.<path>``                 a derived state, e.g. ``derived.crisis.flag``,
                                   ``derived.tutoring.boredom``, ``derived.distress``,
                                   ``derived.service.frustration``
``intent``                         the NLU intent of the message
``available``                      false when the service could not analyse the turn
``slot.<name>``                    a slot's current value
``entity.<name>``                  the value of the entity ``<name>`` in the latest message
                                   (e.g. ``entity.situation`` of SituationEntities); inside a
                                   streak too, the latest message's
``streak``                         ``{turns: N, if: {...}}``: the conditions hold on each
                                   of the last N user turns (this one included)
================================  ================================================

A value is either a literal (equality: ``true``, ``sadness``, ``3``) or a test
``{min: x, max: y}`` (inclusive), ``{in: [a, b]}``, ``{not: v}``. A missing value never
satisfies a test (a rule on ``derived.crisis.flag`` does not fire when the service sent
no derived states).
"""
from __future__ import annotations

from typing import Any, List, Mapping, Optional

from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import InvalidConfigException

from connectors.contract import CONVERSATION_CRISIS_FIELDS, CRISIS_FIELDS, SERVICE_FIELDS, TUTORING_FIELDS
from emotion.labels import LABELS
from policies.base import did_you_mean
from policies.context import EmotionContext

_MISSING = object()
_READING_KEYS = ("label", "valence", "arousal", "confidence")
_TESTS = {"min", "max", "in", "not"}


def _reading_value(context: EmotionContext, key: str, turn_only: bool) -> Any:
    reading = context.turn if turn_only else context.reading
    if reading is None:
        return _MISSING
    if key in _READING_KEYS:
        return getattr(reading, key)
    if key.startswith("prob."):
        return reading.probabilities.get(key[5:], _MISSING)
    if key.startswith("trend.") and not turn_only and context.state is not None:
        name = key[6:]
        if name == "valence":
            return context.state.trend_valence
        if name == "arousal":
            return context.state.trend_arousal
        return context.state.trend_labels.get(name, _MISSING)
    return _MISSING


def value_of(context: EmotionContext, key: str, tracker: Optional[DialogueStateTracker] = None) -> Any:
    """The value a condition key names in ``context`` (``_MISSING`` when absent)."""
    if key == "intent":
        return context.intent
    if key == "available":
        return context.available
    if key.startswith("derived."):
        return context.get(key[8:], _MISSING)
    if key.startswith("slot."):
        if tracker is None:
            return _MISSING
        slot = tracker.slots.get(key[5:])
        return _MISSING if slot is None else slot.value
    if key.startswith("entity."):
        if tracker is None or tracker.latest_message is None:
            return _MISSING
        found = [e.get("value") for e in tracker.latest_message.entities or [] if e.get("entity") == key[7:]]
        return found[0] if found else _MISSING
    if key.startswith("turn."):
        return _reading_value(context, key[5:], turn_only=True)
    return _reading_value(context, key, turn_only=False)


def _test(value: Any, spec: Any) -> bool:
    if isinstance(spec, Mapping):
        if value is _MISSING or value is None:
            return False
        if "min" in spec and not (isinstance(value, (int, float)) and value >= float(spec["min"])):
            return False
        if "max" in spec and not (isinstance(value, (int, float)) and value <= float(spec["max"])):
            return False
        if "in" in spec and value not in spec["in"]:
            return False
        if "not" in spec and value == spec["not"]:
            return False
        return True
    if value is _MISSING:
        return False
    return value == spec


def conditions_hold(conditions: Mapping[str, Any], context: EmotionContext,
                    tracker: Optional[DialogueStateTracker] = None) -> bool:
    """True when every condition holds on ``context`` (see the module docstring)."""
    for key, spec in conditions.items():
        if key == "streak":
            n = int(spec["turns"])
            if context.streak(lambda t: conditions_hold(spec["if"], t, tracker)) < n:
                return False
        elif not _test(value_of(context, key, tracker), spec):
            return False
    return True


def _known_keys() -> List[str]:
    """Every condition key the service's contract can fill (slot.* aside, checked against the domain)."""
    reading = [*_READING_KEYS, *(f"prob.{label}" for label in LABELS)]
    derived = ["derived.distress", *(f"derived.crisis.{f}" for f in CRISIS_FIELDS if f != "conversation"),
               *(f"derived.crisis.conversation.{f}" for f in CONVERSATION_CRISIS_FIELDS),
               *(f"derived.tutoring.{f}" for f in TUTORING_FIELDS), *(f"derived.service.{f}" for f in SERVICE_FIELDS)]
    trend = ["trend.valence", "trend.arousal", *(f"trend.{label}" for label in LABELS)]
    return ["intent", "available", *reading, *(f"turn.{k}" for k in reading), *trend, *derived]


def _check_key(key: str, where: str) -> None:
    """Unknown condition keys are refused with the bad key and the nearest known one."""
    if key.startswith(("slot.", "entity.")) and len(key.split(".", 1)[1]) > 0:
        return  # slots are checked against the domain's slots when the policy trains
    known = _known_keys()
    if key not in known:
        raise InvalidConfigException(f"{where}: unknown condition {key!r}.{did_you_mean(key, known)} "
                                     "Conditions name the reading (label, prob.<label>, valence, ...), turn.<key>, "
                                     "trend.<key>, derived.<path> of the service's published states, intent, "
                                     "available, slot.<name> or entity.<name>.")


def first_failure(conditions: Mapping[str, Any], context: EmotionContext,
                  tracker: Optional[DialogueStateTracker] = None) -> str:
    """The first condition that does not hold, with the value compared (for debug logs)."""
    for key, spec in conditions.items():
        if key == "streak":
            n = int(spec["turns"])
            got = context.streak(lambda t: conditions_hold(spec["if"], t, tracker))
            if got < n:
                return f"streak {got} < {n} turns"
        else:
            value = value_of(context, key, tracker)
            if not _test(value, spec):
                return f"{key} = {'(missing)' if value is _MISSING else repr(value)}, wanted {spec!r}"
    return "all hold"


def validate_conditions(conditions: Any, where: str) -> None:
    if not isinstance(conditions, Mapping) or not conditions:
        raise InvalidConfigException(f"{where}: 'if' must be a non-empty mapping of conditions.")
    for key, spec in conditions.items():
        if key == "streak":
            if not isinstance(spec, Mapping) or "turns" not in spec or "if" not in spec or int(spec["turns"]) < 1:
                raise InvalidConfigException(f"{where}: streak needs {{turns: N >= 1, if: {{...}}}}.")
            validate_conditions(spec["if"], where + ".streak")
            continue
        _check_key(str(key), where)
        if isinstance(spec, Mapping) and (not spec or set(spec) - _TESTS):
            bad = sorted(set(spec) - _TESTS) or ["(none)"]
            raise InvalidConfigException(f"{where}: condition {key!r} has the test {bad[0]!r}; tests are "
                                         f"{sorted(_TESTS)}.{did_you_mean(bad[0], _TESTS)}")


def slots_of(conditions: Mapping[str, Any]) -> List[str]:
    out = []
    for key, spec in conditions.items():
        if key == "streak":
            out += slots_of(spec["if"])
        elif str(key).startswith("slot."):
            out.append(str(key)[5:])
    return out
