"""Run Lighthouse (npm, pinned in package.json) with Debian's Chromium, mobile profile.

scripts/guide.py lighthouse http://127.0.0.1:8000/causes/
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from guide_tools import PROJECT_ROOT as ROOT
from guide_tools.browser import CHROMIUM, CHROMIUM_ARGS

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
BATCH = Path(__file__).with_name("lighthouse-batch.mjs")  # several pages, one Chrome
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


@dataclass
class Report:
    url: str
    scores: dict[str, float]
    failing: list[str] = field(default_factory=list)  # "category: audit-id (value)"

    def line(self) -> str:
        scores = " ".join(f"{c}={round(self.scores[c] * 100)}" for c in CATEGORIES)
        return f"{self.url}  {scores}" + (f"  failing: {', '.join(self.failing)}" if self.failing else "")


def run(url: str) -> Report:
    """One Lighthouse run (mobile: simulated slow 4G and a 4x slower CPU, Lighthouse's default)."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make test` (it runs `npm ci`).")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        data = json.loads(out.read_text())
    scores = {c: data["categories"][c]["score"] for c in CATEGORIES}
    failing = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{category}: {ref['id']} ({audit.get('displayValue', audit['score'])})")
    return Report(url, scores, failing)


def run_many(urls: list[str]) -> list[Report]:
    """One Lighthouse run per page, as :func:`run` makes it, all in one Chrome and one Node:
    the CLI's start (Chrome, then Lighthouse loaded again) was most of each run's time."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make test` (it runs `npm ci`).")
    result = subprocess.run(
        ["node", str(BATCH), ",".join(CATEGORIES), CHROME_FLAGS, *urls],
        cwd=ROOT,  # Node finds lighthouse and chrome-launcher in node_modules/ from here
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
    )
    reports = [Report(**json.loads(line)) for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or [r.url for r in reports] != urls:
        raise RuntimeError(f"lighthouse failed on {urls}:\n{result.stderr[-2000:]}")
    return reports
