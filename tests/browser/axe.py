"""axe-core (node_modules, pinned in package-lock.json) run in a Playwright page, WCAG 2.2 AA.

violations = axe_violations(page)                      # the whole page
violations = axe_violations(page, ".wg-checklist")     # one region
assert violations == [], describe(violations)
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, include: str | None = None, tags: list[str] = WCAG_22_AA) -> list[dict]:
    """axe's violations on the page as it is now (or inside the elements ``include`` selects)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs `npm ci`).", pytrace=False)
    # Let transitions end first (Material fades the header title in when the page scrolls):
    # axe would measure the contrast of text half faded in.
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)"
    )
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    # resultTypes: the passes and the rest are counted, not described node by node (we read only
    # the violations, which axe describes in full whatever this option says).
    result = page.evaluate(
        """([include, tags]) => axe.run(include ? { include: [[include]] } : document,
                                        { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })""",
        [include, tags],
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """One line per failing element: rule, impact, where, and axe's advice."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary}")
    return "\n".join(lines)
