"""The project's layering, checked over its import graph (every ``import`` statement, read with
``ast``; imports inside functions count too).

Layers, bottom first: a module imports only from its own layer or the layers below it, and no
two modules import each other, directly or in a circle. The README's "Layout" section states
the same table.
"""
from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ROOTS = ("emotion", "connectors", "policies")
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("values and settings", ("emotion.types", "emotion.labels", "emotion.compliance", "emotion.placeholders",
                             "emotion.files", "emotion.settings")),
    ("inputs and tracked state", ("emotion.audio", "emotion.images", "emotion.language", "emotion.conditions",
                                  "emotion.tracking")),
    ("models", ("emotion.encoders", "emotion.whisper", "emotion.data", "emotion.fusion", "emotion.affect", "emotion.graph",
                "emotion.crisis")),
    ("mood log", ("emotion.moodlog",)),
    ("training and evaluation", ("emotion.evaluation", "emotion.training")),
    ("service", ("emotion.service",)),
    ("interfaces", ("connectors", "policies", "emotion.dashboard", "emotion.cli", "emotion.entry")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for root in ROOTS for p in (REPO / root).rglob("*.py")
            if "migrations" not in p.parts}


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules that ``name`` imports (the longest known prefix of each import)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def layer_of(name: str) -> int:
    for index, (_, prefixes) in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{name} is in no layer: add it to LAYERS (and the README's table)")


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def test_every_import_points_down_or_sideways() -> None:
    upward = [f"{a} ({LAYERS[layer_of(a)][0]}) imports {b} ({LAYERS[layer_of(b)][0]})"
              for a, targets in graph().items() for b in targets if layer_of(b) > layer_of(a)]
    assert upward == []


def test_there_are_no_import_cycles() -> None:
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    assert cycles == []


def test_the_check_sees_a_cycle_and_an_upward_import(tmp_path) -> None:
    known = {"emotion.types": tmp_path / "types.py", "emotion.service.x": tmp_path / "x.py"}
    known["emotion.types"].write_text("from emotion.service.x import y\n")
    known["emotion.service.x"].write_text("import emotion.types\n")
    assert imports("emotion.types", known["emotion.types"], known) == {"emotion.service.x"}
    assert layer_of("emotion.service.x") > layer_of("emotion.types")


def test_there_is_one_command_line() -> None:
    """``emobot`` (emotion/cli.py) is the service runtime's one command line: no module parses arguments
    of its own. ``policies.validate`` is the Rasa runtime's (its virtual environment has no ``emobot``)."""
    own = [name for name, path in modules().items()
           if name not in ("emotion.cli", "emotion.entry", "policies.validate") and "argparse" in path.read_text()]
    assert own == []


GPL_ONLY_IN_BENCHMARKS = ("piper",)
"""Packages under the GPL that only benchmarks may import (piper-tts: ``pip install -e .[voices]``)."""


def test_no_shipped_module_imports_a_gpl_package() -> None:
    shipped = [*modules().values(), *(REPO / "bot").rglob("*.py")]
    for path in shipped:
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            assert not [n for n in names if n.split(".")[0] in GPL_ONLY_IN_BENCHMARKS], path
