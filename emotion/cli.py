"""The ``emobot`` command: serve the emotion service, train and evaluate the models."""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Optional

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

app = typer.Typer(help="emobot: emotion-aware plugin for Rasa chatbots", no_args_is_help=True)
train_app = typer.Typer(help="Train a model and write its checkpoint to emotion/checkpoints/.", no_args_is_help=True)
evaluate_app = typer.Typer(help="Score a committed model on any corpus in the formats of shared/data.",
                           no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(evaluate_app, name="evaluate")

# model name -> module with train(config_path) and evaluate(data, json_out)
MODELS = {"text": "text", "speech": "speech", "face": "face"}


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
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")


def _train(model: str, config: Optional[Path]) -> None:
    importlib.import_module(f"emotion.training.{MODELS[model]}").train(config)


def _evaluate(model: str, data: Path, json_out: Optional[Path]) -> None:
    importlib.import_module(f"emotion.evaluation.{MODELS[model]}").evaluate(data, json_out)


def _register(model: str, data_help: str) -> None:
    @train_app.command(name=model, help=f"Train the {model} model (reproduces the committed checkpoint).")
    def _t(config: Optional[Path] = typer.Option(None, help="YAML config (default: emotion/config/<model>.yaml)")) -> None:
        _train(model, config)

    @evaluate_app.command(name=model, help=f"Evaluate the committed {model} model.")
    def _e(
        data: Path = typer.Option(..., exists=True, help=data_help),
        json_out: Optional[Path] = typer.Option(None, "--json", help="also write the figures as JSON"),
    ) -> None:
        _evaluate(model, data, json_out)


_register("text", "MELD-format CSV (Utterance, Speaker, Emotion, Dialogue_ID, Utterance_ID)")
_register("speech", "folder with metadata.csv (path, emotion, optional speaker/actor, gender)")
_register("face", "folder with one sub-folder per label, or with metadata.csv (path, emotion)")


if __name__ == "__main__":
    app()
