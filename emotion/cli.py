"""The ``emobot`` command: serve the emotion service, train and evaluate the models.

Each ``train`` command reproduces a committed checkpoint in emotion/checkpoints/ from its YAML
config in emotion/config/; each ``evaluate`` command scores the committed model on any corpus in
the formats of shared/data and can write its figures as JSON.

(Over 300 lines for a reason: one short function per command, each importing its work lazily; the
file is the command's table of contents, read top to bottom.)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

app = typer.Typer(help="emobot: emotion-aware plugin for Rasa chatbots", no_args_is_help=True)
train_app = typer.Typer(help="Train a model and write its checkpoint to emotion/checkpoints/.", no_args_is_help=True)
evaluate_app = typer.Typer(help="Score a committed model on any corpus in the formats of shared/data.",
                           no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(evaluate_app, name="evaluate")

ConfigOption = typer.Option(None, "--config", help="YAML config (default: the one in emotion/config/)")
JsonOption = typer.Option(None, "--json", help="also write the figures to this JSON file")


def forwarded_headers(trusted: str) -> dict[str, Any]:
    """uvicorn's proxy options: X-Forwarded-For / -Proto are read only from the proxies a
    deployment names (``forwarded_allow_ips`` of the settings); none by default. uvicorn alone
    would believe them from 127.0.0.1, so any caller of a loopback demo could name its own
    address and escape what is counted per address (the dashboard's sign-in throttle)."""
    return {"proxy_headers": True, "forwarded_allow_ips": trusted} if trusted else {"proxy_headers": False}


@app.command()
def serve(
    host: Optional[str] = typer.Option(None, help="bind address (default: EMOBOT_HOST or 127.0.0.1)"),
    port: Optional[int] = typer.Option(None, help="port (default: EMOBOT_PORT or 8500)"),
) -> None:
    """Run the emotion service (FastAPI on uvicorn)."""
    import uvicorn

    from emotion.service.app import create_app
    from emotion.settings import get_settings

    settings = get_settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info",
                **forwarded_headers(settings.forwarded_allow_ips))


@app.command()
def dashboard(
    host: Optional[str] = typer.Option(None, help="bind address (default: EMOBOT_DASHBOARD_HOST or 127.0.0.1)"),
    port: Optional[int] = typer.Option(None, help="port (default: EMOBOT_DASHBOARD_PORT or 8600)"),
) -> None:
    """Run the supervisor dashboard over the mood log."""
    import uvicorn

    from emotion.dashboard.app import create_dashboard
    from emotion.dashboard.settings import get_dashboard_settings

    settings = get_dashboard_settings()
    uvicorn.run(create_dashboard(settings), host=host or settings.host, port=port or settings.port, log_level="info",
                **forwarded_headers(settings.forwarded_allow_ips))


@app.command("create-admin")
def create_admin(
    email: str = typer.Option(..., help="the admin's e-mail (their sign-in name)"),
    password: Optional[str] = typer.Option(None, help="at least 12 characters; random and printed when left out"),
    password_stdin: bool = typer.Option(False, help="read the password from the first line of stdin "
                                                    "(a command line is readable by every local user)"),
    database_url: Optional[str] = typer.Option(None, help="default: the dashboard's database"),
) -> None:
    """Create the first dashboard admin (does nothing when an admin exists)."""
    from emotion.dashboard.bootstrap import create_first_admin

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            typer.echo("error: --password-stdin read no password", err=True)
            raise typer.Exit(2)
    raise typer.Exit(create_first_admin(email, password, database_url))


@train_app.command("text")
def train_text(config: Optional[Path] = ConfigOption) -> None:
    """Text encoder: all-MiniLM-L6-v2 (from its package) + what we train on MELD."""
    from emotion.training.text import train

    train(config)


@train_app.command("text-multilingual")
def train_text_multilingual(config: Optional[Path] = ConfigOption) -> None:
    """Text emotion outside English: a linear head on multilingual-e5 embeddings of English corpora; C and τ on the dev set."""
    from emotion.training.text_multilingual import train

    train(config) if config else train()


@train_app.command("crisis-multilingual")
def train_crisis_multilingual(config: Optional[Path] = ConfigOption) -> None:
    """Crisis screening outside English: a risk head on multilingual-e5 embeddings of the detector's training rows."""
    from emotion.training.crisis_multilingual import train

    train(config) if config else train()


@train_app.command("speech")
def train_speech(config: Optional[Path] = ConfigOption,
                 epochs: Optional[int] = typer.Option(None, help="override number_of_epochs (quick runs)")) -> None:
    """Speech encoder: SpeechBrain Fbank + ECAPA-TDNN trained from scratch on RAVDESS (actors held out)."""
    from emotion.training.speech import train

    train(config, {"number_of_epochs": epochs} if epochs else None)


@train_app.command("speech-whisper")
def train_speech_whisper(config: Optional[Path] = ConfigOption) -> None:
    """Speech emotion head over Whisper tiny.en states, read against each speaker's baseline (RAVDESS, augmented)."""
    from emotion.training.speech_whisper import train

    train(config)


@train_app.command("face")
def train_face(config: Optional[Path] = ConfigOption, json_out: Optional[Path] = JsonOption) -> None:
    """Face encoder: MediaPipe FaceLandmarker features + classifier on FER-2013 and muxspace."""
    import json

    from emotion.training.face import train

    report = train(config)
    if json_out:
        json_out.write_text(json.dumps(report, indent=2))


@train_app.command("graph")
def train_graph(
    config: Optional[Path] = ConfigOption,
    ablation: bool = typer.Option(True, help="also train and report the ablation variants"),
    pseudo_multimodal: Optional[bool] = typer.Option(
        None, "--pseudo-multimodal/--text-only",
        help="pair MELD turns with same-label RAVDESS clips and FER faces to train the audio/face inputs "
             "(default: the config's pseudo_multimodal.enabled)"),
    checkpoint: Optional[str] = typer.Option(None, help="file name in emotion/checkpoints/ or a path (default: the config's)"),
    seed: Optional[int] = typer.Option(None, help="override the config's seed"),
) -> None:
    """Conversation-graph ERC model with personality embeddings, on MELD (optionally pseudo-multimodal)."""
    from emotion.training.graph import train

    train(config, ablation=ablation, pseudo_multimodal=pseudo_multimodal, checkpoint=checkpoint, seed=seed)


@train_app.command("affect")
def train_affect(config: Optional[Path] = ConfigOption) -> None:
    """Derived states: crisis risk (C-SSRS Reddit + risk language), distress (Dreaddit), tutoring states (MathBuddy, GoEmotions)."""
    from emotion.training.affect import train

    train(config) if config else train()


@train_app.command("student-affect")
def train_student_affect(config: Optional[Path] = ConfigOption) -> None:
    """Student affect in tutoring chat (student_affect.pt): 5 classes on sentence embeddings; C tuned on dev."""
    from emotion.training.message_affect import CONFIGS, train

    train(config or CONFIGS / "student_affect.yaml")


@train_app.command("service-affect")
def train_service_affect(config: Optional[Path] = ConfigOption) -> None:
    """Customer affect in service chat (service_affect.pt): frustration / satisfaction / neither; C tuned on dev."""
    from emotion.training.message_affect import CONFIGS, train

    train(config or CONFIGS / "service_affect.yaml")


@train_app.command("crisis")
def train_crisis(config: Optional[Path] = ConfigOption,
                 retune: bool = typer.Option(False, "--retune", help="only tune thresholds and policy on dev again")) -> None:
    """Crisis detector (crisis.pt): lexicon + fine-tuned encoder, char n-gram and Reddit heads, stacked; tuned on dev."""
    from emotion.training.crisis import DEFAULT_CONFIG, retune as retune_on_dev, train

    (retune_on_dev if retune else train)(config or DEFAULT_CONFIG)


@evaluate_app.command("crisis")
def evaluate_crisis(
    data: Path = typer.Option(Path("data/crisis/test"), exists=True, help=(
        "a folder with statements.csv and/or conversations.csv, or one such CSV, or a CSV with text, crisis")),
    json_out: Optional[Path] = JsonOption,
    lexicon_only: bool = typer.Option(False, "--lexicon-only", help="score the in-Rasa fallback (lexicon alone)"),
) -> None:
    """Crisis screening: recall per risk category, false alarms per hard-negative category, and
    conversation escalation (by the unmistakable turn) and false escalations."""
    from emotion.evaluation.crisis import evaluate

    evaluate(data, json_out, lexicon_only)


@evaluate_app.command("tutoring")
def evaluate_tutoring(
    data: Path = typer.Option(..., exists=True, help="MathBuddy-format JSON (id, emotion, polarity, utterance, history)"),
    json_out: Optional[Path] = JsonOption,
    held_out: bool = typer.Option(False, "--held-out", help="only the held-out conversations (crc32(id) % 5 == 0), "
                                  "e.g. of ../shared/data/mathbuddy_tutoring_affect/emotion_annotations_mathdial_bridge.json"),
) -> None:
    """Tutoring states (engagement / neutral / boredom): accuracy and macro-F1."""
    from emotion.evaluation.tutoring import evaluate

    evaluate(data, json_out, held_out=held_out)


@evaluate_app.command("student-affect")
def evaluate_student_affect(
    data: Path = typer.Option(Path("data/tutor/affect_test/statements.csv"), exists=True,
                              help="CSV: id, text, label (confusion|frustration|boredom|engagement|neutral), has_numbers, language"),
    json_out: Optional[Path] = JsonOption,
    threshold: float = typer.Option(0.5, help="a tutoring state counts at or above this (bot/tutor/tutor.yml)"),
) -> None:
    """Student affect in tutoring chat: the head, and the derived states a tutor acts on; per class and language."""
    from emotion.evaluation.student_affect import evaluate

    evaluate(data, json_out, threshold)


@evaluate_app.command("service-affect")
def evaluate_service_affect(
    data: Path = typer.Option(Path("data/service_affect/test/messages.csv"), exists=True,
                              help="CSV: id, text, label (frustration|satisfaction|neither), category, lang"),
    json_out: Optional[Path] = JsonOption,
    threshold: float = typer.Option(0.4, help="a service state counts at or above this (0.4: best on the dev set)"),
) -> None:
    """Customer affect in service chat: the head, and the derived service states; per class, category and language."""
    from emotion.evaluation.service_affect import evaluate

    evaluate(data, json_out, threshold)


@evaluate_app.command("text")
def evaluate_text(
    data: Path = typer.Option(..., exists=True, help="MELD-format CSV (Utterance, Speaker, Emotion, Dialogue_ID, Utterance_ID)"),
    json_out: Optional[Path] = JsonOption,
    batch_size: int = typer.Option(64, help="utterances per encoder batch"),
) -> None:
    from emotion.evaluation.text import evaluate

    evaluate(data, json_out, batch_size)


@evaluate_app.command("text-messages")
def evaluate_text_messages(
    data: Path = typer.Option(..., exists=True, help="CSV (id, text, label, category, lang) or a folder with messages.csv"),
    json_out: Optional[Path] = JsonOption,
    english_only: bool = typer.Option(False, "--english-only", help="the service without the multilingual head"),
) -> None:
    """What the service reads from a chat message's text, in seven languages: per label, category and language."""
    from emotion.evaluation.text_messages import evaluate
    from emotion.service.message_reading import MessageReader

    name = "text modality" + (" (English encoder only)" if english_only else "")
    evaluate(data, MessageReader(multilingual_text=not english_only).read, name, json_out)


@evaluate_app.command("speech")
def evaluate_speech(
    data: Path = typer.Option(..., exists=True, help="folder with metadata.csv (path, emotion, optional speaker/actor, gender)"),
    json_out: Optional[Path] = JsonOption,
    actors: Optional[str] = typer.Option(None, help="only these actors, e.g. 19,20,21 (the held-out ones)"),
    history: str = typer.Option("0", help="earlier clips of the same speaker each clip is read against, e.g. 0,2,5,10"),
) -> None:
    from emotion.evaluation.speech import evaluate

    evaluate(data, json_out, actors={int(a) for a in actors.split(",")} if actors else None,
             history=[int(k) for k in history.split(",")])


@evaluate_app.command("face")
def evaluate_face(
    data: Path = typer.Option(..., exists=True, help="folder with one sub-folder per label, or with metadata.csv (path, emotion)"),
    json_out: Optional[Path] = JsonOption,
    identities: str = typer.Option("all", help="muxspace only: all, heldout (the identities face.yaml held out) or train"),
    cache: bool = typer.Option(True, help="read and write cached features (var/cache/face)"),
    history: Optional[str] = typer.Option(None, help="with identities (muxspace): read each face against k other "
                                                      "faces of the same person, e.g. 0,2,5,10"),
    member_weights: Optional[str] = typer.Option(None, help="also print the accuracy with the first expression "
                                                             "member at each weight, e.g. 0,0.5,0.75,1 (0: the MLP alone)"),
) -> None:
    import torch

    from emotion.evaluation.face import DEFAULT_CACHE_DIR, evaluate

    torch.set_num_threads(1)
    evaluate(data, json_out, cache_dir=DEFAULT_CACHE_DIR if cache else None, identities=identities,
             history=[int(k) for k in history.split(",")] if history else None,
             member_weights=[float(w) for w in member_weights.split(",")] if member_weights else None)


@evaluate_app.command("graph")
def evaluate_graph(
    data: Path = typer.Option(..., exists=True, help="MELD-format CSV (or a folder with test_sent_emo.csv), or EmoryNLP CSV"),
    mode: str = typer.Option("causal", help="causal (past turns only, as live) or offline (past and future)"),
    json_out: Optional[Path] = JsonOption,
    checkpoint: Optional[Path] = typer.Option(None, exists=True, help="graph checkpoint (default: emotion/checkpoints/graph.pt)"),
    pseudo_multimodal: bool = typer.Option(
        False, help="also give each turn a same-label held-out RAVDESS clip / FER test face (reported apart from clean text)"),
    presence: Optional[float] = typer.Option(None, min=0.0, max=1.0, help="probability of each paired modality (default: the config's)"),
    hide: list[str] = typer.Option([], help="keep this modality (text, audio, face) from the graph; repeatable"),
) -> None:
    from emotion.evaluation.graph import evaluate

    if mode not in {"causal", "offline"}:
        raise typer.BadParameter("mode is causal or offline")
    if not set(hide) <= {"text", "audio", "face"}:
        raise typer.BadParameter("--hide takes text, audio or face")
    evaluate(data, json_out, mode=mode, checkpoint=checkpoint, pseudo_multimodal=pseudo_multimodal,
             presence=presence, hidden=tuple(hide))


if __name__ == "__main__":
    app()
