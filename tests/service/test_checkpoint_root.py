"""``EMOBOT_CHECKPOINT_DIR`` moves every checkpoint at once: what the service reads and what each
``emobot train`` writes come from ``checkpoint_root()``, not from a module constant."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from emotion.files import REPO_ROOT
from emotion.graph.features import feature_source, modality_source
from emotion.settings import DEFAULT_CHECKPOINT_DIR, checkpoint_file, checkpoint_root, get_settings


@pytest.fixture
def empty_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("EMOBOT_CHECKPOINT_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_the_environment_moves_the_root(empty_root):
    assert checkpoint_root() == empty_root != DEFAULT_CHECKPOINT_DIR
    with pytest.raises(FileNotFoundError, match="emobot train crisis"):
        checkpoint_file("crisis.pt", train_with="emobot train crisis")


def test_the_graph_features_read_the_moved_root(empty_root):
    # emotion/checkpoints holds all three; the moved root holds none of them
    assert feature_source() == "minilm-frozen"
    assert modality_source("audio") is None and modality_source("face") is None


def test_no_module_reads_the_default_folder_directly():
    """Only settings.py names DEFAULT_CHECKPOINT_DIR; a module that joined paths onto it would
    ignore EMOBOT_CHECKPOINT_DIR."""
    readers = []
    for path in [*(REPO_ROOT / "emotion").rglob("*.py"), *(REPO_ROOT / "benchmarks").rglob("*.py")]:
        names = {n.id for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Name)}
        if "DEFAULT_CHECKPOINT_DIR" in names and path.name != "settings.py":
            readers.append(path.relative_to(REPO_ROOT))
    assert readers == []
