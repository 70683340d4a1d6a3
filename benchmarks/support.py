"""The support bot measured on what people send: screener answers, and whole conversations through the real bot.

(Over 300 lines for a reason: one benchmark script with its three commands, screener, conversations
and questions, which share the set readers and the real-bot runner; each figure is one small function.)

    .venv/bin/python benchmarks/support.py screener [--data data/support/screener_answers_dev.csv]
    .venv/bin/python benchmarks/support.py conversations [--data data/support/conversations_dev.jsonl]
    .venv/bin/python benchmarks/support.py conversations --data data/crisis/dev2/conversations.csv
    .venv/bin/python benchmarks/support.py questions [--data data/support/questions/dev.csv]

``screener``: how the bot reads answers to the C-SSRS questions (bot/support/actions/screener.py),
per label and per language; a "yes" read as anything else is the costly error.

``conversations``: each conversation's person turns go, one by one, through a real ``rasa run``
of bot/support (its action server, the emobot_web channel) and a real emotion service (its crisis
detector; SQLite in a temporary folder). Two formats: the support set (JSON lines: id, category,
risk none|possible|high, turns) and the crisis issue's conversations (CSV: conversation_id, turn,
text, risky, unmistakable_turn, category). Printed per category and overall:

- screened: a C-SSRS screen started; escalated: a handoff to a human (the crisis escalation, or a
  person from the team joining after a situation's answer: someone else at risk, abuse); released: screened, and
  the screen ended without a handoff (a false alarm handed back to normal conversation);
- for risky crisis conversations, the crisis flow engaged (a screen, a handoff, or the answer to a
  situation: someone else's emergency, abuse, someone else at risk) and a handoff,
  each by the unmistakable turn (recall), and for risk-free ones false escalations (handoffs)
  and screens. The person's turns are scripted: they do not answer the screen's questions, so a
  screen that a real person would answer "yes" may end unanswered here (handoffs are a floor);
- distinct bot lines per 100 turns; listening lines said again within 5 turns (target 0; the
  safety lines, crisis resources and handoff notices, are meant to repeat and are counted apart);
- unsafe answers: a turn with crisis risk (level possible or high) answered by a greeting, a
  goodbye or a thank-you line (target 0).

``questions``: each message of a question set (CSV: id, category, lang, text) opens a fresh
conversation with the real bot and service. Per category: answered as asked (the NLU's intent
is the category's and the bot's reply is one of the answers, in any language; venting questions
and statements get no answer line: they are listened to), and how often the crisis flow started
on these risk-free messages.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bot" / "support"))

import httpx  # noqa: E402
import yaml  # noqa: E402

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")  # the bot answers in each (bot/support/actions/i18n)
UNSAFE_RESPONSES = ("utter_greet", "utter_goodbye", "utter_you_are_welcome")
SAFETY_RESPONSES = ("utter_crisis_concern", "utter_screen_skipped", "utter_handoff_joining", "utter_handoff_waiting_time", "utter_handoff_claimed",
                    "utter_handoff_ack", "utter_handoff_failed", "utter_handoff_delayed", "utter_handoff_overdue")


def screener(data: Path) -> None:
    from actions.screener import read_answer

    rows = list(csv.DictReader(open(data, newline="", encoding="utf-8")))
    confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        got = read_answer(row["answer"])
        confusion[row["label"]][got] += 1
        by_lang[row["lang"]].append(got == row["label"])
    labels = ("yes", "no", "dismiss", "unclear")
    correct = sum(confusion[l][l] for l in labels)
    print(f"screener answers {data}: {len(rows)} rows, accuracy {correct / len(rows):.3f}")
    print(f"  {'label':<9}{'n':>5}{'recall':>8}   read as " + " ".join(f"{l:>8}" for l in labels))
    for label in labels:
        n = sum(confusion[label].values())
        if n:
            print(f"  {label:<9}{n:>5}{confusion[label][label] / n:>8.3f}   {'':8}"
                  + " ".join(f"{confusion[label][l]:>8}" for l in labels))
    print("  by language: " + ", ".join(f"{lang} {sum(v) / len(v):.3f} ({len(v)})" for lang, v in sorted(by_lang.items())))
    missed_yes = [r["answer"] for r in rows if r["label"] == "yes" and read_answer(r["answer"]) != "yes"]
    print(f"  yes read otherwise: {len(missed_yes)}")


def read_set(path: Path) -> list[dict]:
    """Conversations as {id, category, risky, unmistakable (1-based turn or None), turns}."""
    if path.suffix == ".jsonl":
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                c = json.loads(line)
                out.append({"id": c["id"], "category": c["category"], "risk": c["risk"], "risky": c["risk"] == "high",
                            "unmistakable": None, "turns": c["turns"], "lang": c.get("lang")})
        return out
    from emotion.evaluation.crisis import read_conversations

    return [{"id": cid, "category": rows[0].get("category") or "?", "risk": "high" if int(rows[0]["risky"]) else "none",
             "risky": bool(int(rows[0]["risky"])),
             "unmistakable": int(rows[0]["unmistakable_turn"]) if rows[0].get("unmistakable_turn") else None,
             "turns": [r["text"] for r in rows]} for cid, rows in read_conversations(path).items()]


def run_conversation(rasa: str, conversation: dict) -> dict:
    from policies.testing_bot import ChatSession, per_turn_actions

    chat = ChatSession(rasa)  # as the chat page: a session and its token (the answers carry derived.crisis)
    sender = chat.sender
    replies, levels = [], []
    for text in conversation["turns"]:
        answer = chat.send(text)
        replies.append([m.get("text") or "" for m in answer["messages"]])
        crisis = (answer.get("emotion") or {}).get("derived", {}).get("crisis") or {}
        levels.append("high" if crisis.get("flag") else crisis.get("level") or "none")
    tracker = httpx.get(f"{rasa}/conversations/{sender}/tracker", timeout=30).json()
    intent = (tracker.get("latest_message") or {}).get("intent", {}).get("name")
    return {"replies": replies, "levels": levels, "actions": per_turn_actions(tracker), "intent": intent}


def outcome(conversation: dict, run: dict, texts: dict[str, set[str]]) -> dict:
    actions = run["actions"]
    flat = [a for turn in actions for a in turn]
    escalated_at = next((i + 1 for i, turn in enumerate(actions) if "action_escalate_crisis" in turn
                         or any(r in texts["utter_crisis_concern"] or r in texts["person_joining"] for r in run["replies"][i])), None)
    engaged_at = next((i + 1 for i, turn in enumerate(actions)
                       if {"action_crisis_screen", "action_escalate_crisis", "action_situation"} & set(turn)), None)
    from actions.resources import frames
    from actions.screener import questions

    asked = {line for lang in LANGUAGES for q in questions(lang).values() for line in (q.ask, q.again)}
    screened = any("action_crisis_screen" in turn for turn in actions) and any(
        any(r in asked for r in replies) for replies in run["replies"])
    safety_prefixes = tuple(frames(lang)[k].split("{")[0] for lang in LANGUAGES for k in ("full", "short", "text", "text_none"))
    unsafe_lines = set().union(*(texts[n] for n in UNSAFE_RESPONSES))
    safety_lines = set().union(*(texts[n] for n in SAFETY_RESPONSES), asked)
    unsafe = sum(1 for level, replies in zip(run["levels"], run["replies"])
                 if level in ("possible", "high") and any(r in unsafe_lines for r in replies))
    repeats = safety_repeats = 0
    for i, replies in enumerate(run["replies"]):
        earlier = {r for turn in run["replies"][max(0, i - 5):i] for r in turn}
        for r in replies:
            if r in earlier:
                if r.startswith(safety_prefixes) or r in safety_lines:
                    safety_repeats += 1
                else:
                    repeats += 1
    lines = [r for turn in run["replies"] for r in turn]
    return {"escalated_at": escalated_at, "engaged_at": engaged_at, "screened": screened, "released": screened and escalated_at is None,
            "unsafe": unsafe, "risky_turns": sum(level != "none" for level in run["levels"]),
            "repeats": repeats, "safety_repeats": safety_repeats, "lines": len(lines), "distinct": len(set(lines)),
            "turns": len(run["replies"]), "silent_turns": sum(1 for replies in run["replies"] if not replies),
            "tools": sum(a.startswith("action_tool_") for a in flat)}


def conversations(data: Path, limit: int | None, verbose: bool = False, transcripts: Path | None = None) -> None:
    from tests.e2e.processes import emotion_service
    from tests.e2e.rasa_server import rasa_server

    from actions.language import translated

    responses = yaml.safe_load((REPO / "bot/support/domain.yml").read_text())["responses"]
    texts = {name: {v["text"] for v in variants} | {line for lang in LANGUAGES[1:]
                                                   for line in ((translated(lang) or {}).get("responses") or {}).get(name, [])}
             for name, variants in responses.items()}
    from actions.bank import answers

    texts["person_joining"] = {line for lang in LANGUAGES for line in answers(lang)["person_joining"]}  # a handoff the bot opened
    items = read_set(data)[:limit] if limit else read_set(data)
    with tempfile.TemporaryDirectory() as tmp, \
            emotion_service(f"sqlite:///{tmp}/moodlog.sqlite3") as service_url, \
            rasa_server("support", emotion_service_url=service_url) as rasa:
        runs = [(c, run_conversation(rasa, c)) for c in items]
    results = [(c, outcome(c, run, texts)) for c, run in runs]
    stock = stock_lines()
    for (c, o), (_, run) in zip(results, runs):
        o["stock"] = sum(1 for replies in run["replies"] if replies and all(r in stock for r in replies))
    wrong = wrong_language([(c, run) for c, run in runs if c.get("lang")])
    for (c, o), (_, run) in zip(results, runs):
        o["wrong_language"] = wrong.get(c["id"], 0)
    if transcripts:
        with open(transcripts, "w", encoding="utf-8") as f:
            for c, run in runs:
                f.write(json.dumps({"id": c["id"], "category": c["category"], "turns": [
                    {"person": text, "bot": replies} for text, replies in zip(c["turns"], run["replies"])]},
                    ensure_ascii=False) + "\n")
    if verbose:
        for c, run in runs:
            print(f"{c['id']} {c['category']} risk={c['risk']} unmistakable={c['unmistakable']}")
            for text, level, actions in zip(c["turns"], run["levels"], run["actions"]):
                print(f"    {level:<8} {','.join(a.replace('action_', '') for a in actions):<40} {text[:70]}")
    report(data, results)


def report(data: Path, results: list[tuple[dict, dict]]) -> None:
    print(f"support bot on {data}: {len(results)} conversations, {sum(o['turns'] for _, o in results)} person turns")
    print(f"  {'category':<28}{'n':>4}{'screened':>10}{'released':>10}{'escalated':>11}{'unsafe':>8}{'repeats':>9}")
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for c, o in results:
        by_cat[c["category"]].append(o)
    for cat, outs in sorted(by_cat.items()):
        print(f"  {cat:<28}{len(outs):>4}{sum(o['screened'] for o in outs):>10}{sum(o['released'] for o in outs):>10}"
              f"{sum(o['escalated_at'] is not None for o in outs):>11}{sum(o['unsafe'] for o in outs):>8}"
              f"{sum(o['repeats'] for o in outs):>9}")
    risky = [(c, o) for c, o in results if c["risky"]]
    safe = [(c, o) for c, o in results if c["risk"] == "none"]
    if risky:
        in_time = [c for c, o in risky if o["escalated_at"] is not None
                   and (c["unmistakable"] is None or o["escalated_at"] <= c["unmistakable"])]
        engaged = [c for c, o in risky if o["engaged_at"] is not None
                   and (c["unmistakable"] is None or o["engaged_at"] <= c["unmistakable"])]
        by = " by the unmistakable turn" if risky[0][0]["unmistakable"] else ""
        print(f"  high-risk conversations: crisis flow engaged (screen or handoff){by} {len(engaged)}/{len(risky)}, "
              f"handed to a human{by} {len(in_time)}/{len(risky)}, at any turn "
              f"{sum(o['escalated_at'] is not None for _, o in risky)}/{len(risky)}")
    if safe:
        falsely = [c["id"] for c, o in safe if o["escalated_at"] is not None]
        screened = [c["id"] for c, o in safe if o["screened"]]
        released = [c["id"] for c, o in safe if o["released"]]
        print(f"  risk-free conversations: falsely escalated {len(falsely)}/{len(safe)} {falsely}; screened "
              f"{len(screened)}, released by the screen {len(released)}")
    turns = sum(o["turns"] for _, o in results)
    print(f"  distinct bot lines per 100 turns: {100 * sum(o['distinct'] for _, o in results) / turns:.1f}  "
          f"(bot lines per turn {sum(o['lines'] for _, o in results) / turns:.2f})")
    print(f"  listening lines repeated within 5 turns: {sum(o['repeats'] for _, o in results)}  "
          f"(safety lines repeated, by design: {sum(o['safety_repeats'] for _, o in results)})")
    print(f"  turns answered only by a stock listening line (one that fits any message): "
          f"{sum(o.get('stock', 0) for _, o in results)} of {turns}")
    if any("wrong_language" in o for _, o in results):
        print(f"  turns answered in another language than the conversation's: "
              f"{sum(o.get('wrong_language', 0) for _, o in results)} of {turns}")
    print(f"  risky turns answered by a greeting/goodbye/thanks: {sum(o['unsafe'] for _, o in results)} of "
          f"{sum(o['risky_turns'] for _, o in results)}; turns without any answer: "
          f"{sum(o['silent_turns'] for _, o in results)}")


def stock_lines() -> set[str]:
    """The listening bank's general lines that name nothing the person said (no {said}, {topic} or
    {feeling}), in every language: a reply made only of these would fit any message."""
    from actions.language import translated

    english = yaml.safe_load((REPO / "bot/support/actions/responses.yml").read_text())["strategies"]
    blocks = [[line for entry in english.values() for line in entry.get("general") or []]]
    for lang in LANGUAGES[1:]:
        own = translated(lang) or {}
        extra = ((own.get("listening") or {}).get("strategies") or {})
        blocks.append([line for lines in (own.get("strategies") or {}).values() for line in lines]
                      + [line for entry in extra.values() for line in (entry or {}).get("general") or []])
    return {line for block in blocks for line in block if "{" not in line}


def wrong_language(runs: list[tuple[dict, dict]]) -> dict[str, int]:
    """Conversation id -> turns whose reply is in another language than the conversation's (``lang``
    of the support set), read by the bot's own language reader (lingua, in the Rasa environment)
    on the turn's replies joined; crisis resources lines are left out (they name services)."""
    import subprocess

    asks = [{"id": c["id"], "lang": c["lang"], "text": " ".join(r for r in replies if "](" not in r and "http" not in r)}
            for c, run in runs for replies in run["replies"]]
    code = ("import json, sys; sys.path.insert(0, 'bot/support'); from actions.language import confidences\n"
            "for row in json.load(sys.stdin):\n"
            "    v = confidences(row['text']); print(max(v, key=v.get) if v else '')")
    out = subprocess.run([str(REPO / ".venv-rasa" / "bin" / "python"), "-c", code], input=json.dumps(asks), text=True,
                         capture_output=True, cwd=REPO, check=True).stdout.splitlines()
    wrong: dict[str, int] = defaultdict(int)
    for ask, found in zip(asks, out):
        wrong[ask["id"]] += bool(found) and found != ask["lang"]
    return wrong


EXPECTED = {"bot_identity": "bot_challenge", "bot_capability": "ask_capability", "advice": "ask_advice",
            "normality": "ask_normality", "judgement": "ask_judgement", "privacy": "ask_privacy",
            "human_help": "ask_human_help", "medical": "ask_medical"}
"""A question category -> the intent that answers it (venting questions and statements: none)."""


def answer_openings() -> tuple[str, ...]:
    """How every answer to a direct question starts, in every language (the text before a placeholder)."""
    from actions.language import translated

    english = yaml.safe_load((REPO / "bot/support/actions/responses.yml").read_text())["answers"]
    iamabot = [v["text"] for v in yaml.safe_load((REPO / "bot/support/domain.yml").read_text())["responses"]["utter_iamabot"]]
    blocks = [english] + [(translated(lang) or {}).get("answers") or {} for lang in LANGUAGES[1:]]
    lines = [line for block in blocks for key, lines in block.items() if key.startswith("ask_") or key == "person_joining"
             for line in lines]
    lines += iamabot + [line for lang in LANGUAGES[1:] for line in ((translated(lang) or {}).get("responses") or {}).get(
        "utter_iamabot", [])]
    return tuple(line.split("{")[0] for line in lines)


def questions(data: Path, verbose: bool = False) -> None:
    from tests.e2e.processes import emotion_service
    from tests.e2e.rasa_server import rasa_server

    openings = answer_openings()
    rows = list(csv.DictReader(open(data, newline="", encoding="utf-8")))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # answered as asked, crisis flow, n
    with tempfile.TemporaryDirectory() as tmp, \
            emotion_service(f"sqlite:///{tmp}/moodlog.sqlite3") as service_url, \
            rasa_server("support", emotion_service_url=service_url) as rasa:
        for row in rows:
            run = run_conversation(rasa, {"id": row["id"], "turns": [row["text"]]})
            actions, intent = run["actions"][0], run["intent"]
            answered = any(reply.startswith(openings) for reply in run["replies"][0])
            wanted = EXPECTED.get(row["category"])
            ok = (intent == wanted and answered) if wanted else not answered  # venting and statements: listened to
            crisis = bool({"action_crisis_screen", "action_escalate_crisis"} & set(actions))
            if verbose and not ok:
                print(f"  {row['category']:<14} {intent or '-':<15} {','.join(actions):<40} {row['text'][:70]}")
            for key in (row["category"], f"lang {row['lang']}", "all"):
                per[key][0] += ok
                per[key][1] += crisis
                per[key][2] += 1
    print(f"support bot on {data}: {len(rows)} messages, each the first of a conversation")
    print(f"  {'category':<16}{'n':>5}{'answered as asked':>19}{'crisis flow':>13}")
    for key in sorted(per, key=lambda k: (k == "all", k.startswith("lang"), k)):
        ok, crisis, n = per[key]
        print(f"  {key:<16}{n:>5}{ok / n:>19.3f}{crisis:>13}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("screener")
    s.add_argument("--data", type=Path, default=REPO / "data/support/screener_answers_dev.csv")
    c = sub.add_parser("conversations")
    c.add_argument("--data", type=Path, default=REPO / "data/support/conversations_dev.jsonl")
    c.add_argument("--limit", type=int, default=None)
    c.add_argument("--verbose", action="store_true", help="each conversation's turns, crisis levels and actions")
    c.add_argument("--transcripts", type=Path, default=None, help="write each conversation (JSON lines) here")
    q = sub.add_parser("questions")
    q.add_argument("--data", type=Path, default=REPO / "data/support/questions/dev.csv")
    q.add_argument("--verbose", action="store_true", help="each message not answered as asked")
    args = parser.parse_args()
    if args.command == "screener":
        screener(args.data)
    elif args.command == "questions":
        questions(args.data, args.verbose)
    else:
        conversations(args.data, args.limit, args.verbose, args.transcripts)


if __name__ == "__main__":
    main()
