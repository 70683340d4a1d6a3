"""axe-core (npm, installed by scripts/install.sh into var/npm/) run inside a Playwright page.

    assert axe_violations(page) == []

Each violation is summarised as "rule-id (impact): the first offending nodes' selectors".
"""
from __future__ import annotations

from typing import Any

from tests.e2e.processes import REPO

AXE = REPO / "var" / "npm" / "axe-core-4.10.3" / "axe.min.js"
WCAG_A_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def axe_violations(page: Any, tags: tuple[str, ...] = WCAG_A_AA) -> list[str]:
    """The page's WCAG A/AA violations as axe-core reports them (empty: none)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluated through the DevTools protocol: the page's own CSP (script-src 'self') stays on
        page.evaluate("() => { " + AXE.read_text(encoding="utf-8") + "\n}")
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags))
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
