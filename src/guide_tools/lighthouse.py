"""Run Lighthouse (npm, pinned in package.json) with Debian's Chromium, mobile profile.

scripts/guide.py lighthouse http://127.0.0.1:8000/causes/   (these pages)
scripts/guide.py lighthouse                                  (`make bench-lighthouse`: build, serve,
                                                               the audited pages, performance too)

The audit tests (tests/audit/test_lighthouse.py) assert what does not depend on the machine's
speed: accessibility, best practices, SEO, and no layout shift. Performance's score is timing
(first paint, blocking time, speed index on a simulated slow phone): it moves with the machine's
load (99 on a busy CI machine, 100 here), so it is a figure the benchmark prints, not a test.
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
# What a test can assert on any machine: these categories, and the one performance audit that is
# not a timing (a page whose text jumps under the reader's thumb fails it on every machine).
STEADY_CATEGORIES = ("accessibility", "best-practices", "seo")
STEADY_PERFORMANCE_AUDITS = ("cumulative-layout-shift",)

# One page of each template readers land on: the home page, an article (causes/; the other
# articles are the same template with other text), the solutions (their «solved?» answers), the
# checklist, support (its summary).
AUDITED = ["", "causes/", "solutions/", "checklist/", "support/"]
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


@dataclass
class Report:
    url: str
    scores: dict[str, float]
    failing: list[str] = field(default_factory=list)  # "category: audit-id (value)"

    def steady_failures(self) -> list[str]:
        """What fails here that would fail on any machine (see the module's docstring)."""
        below = [f"{c}={round(self.scores[c] * 100)}" for c in STEADY_CATEGORIES if self.scores[c] < 1]
        audits = [f for f in self.failing if f.split(" ")[1] in STEADY_PERFORMANCE_AUDITS]
        return below + audits

    def line(self) -> str:
        scores = " ".join(f"{c}={round(score * 100)}" for c, score in self.scores.items())
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
                "--disable-full-page-screenshot",  # as the batch: we print lines, not a report
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


def run_many(urls: list[str], chromes: int = 1, steady_only: bool = False) -> list[Report]:
    """One Lighthouse run per page, as :func:`run` makes it, in one Node and one Chrome per batch
    (the CLI's start, Chrome then Lighthouse loaded again, was most of each run's time).
    ``steady_only``: only what a test asserts (STEADY_CATEGORIES and STEADY_PERFORMANCE_AUDITS),
    not performance's timings: a quarter less of Lighthouse's CPU per page.
    ``chromes`` > 1 shares the pages out among that many Chromes run side by side: a run waits
    on its page (network and CPU quiet) half of its time. Lighthouse runs one page at a time in a
    Chrome; its timings, not what the tests assert, move when two Chromes share the machine."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make test` (it runs `npm ci`).")
    batches = [urls[n::chromes] for n in range(chromes) if urls[n::chromes]]
    categories = STEADY_CATEGORIES if steady_only else CATEGORIES
    audits = STEADY_PERFORMANCE_AUDITS if steady_only else ()
    runs = [
        subprocess.Popen(
            ["node", str(BATCH), ",".join(categories), ",".join(audits), CHROME_FLAGS, *batch],
            cwd=ROOT,  # Node finds lighthouse and chrome-launcher in node_modules/ from here
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    found: dict[str, Report] = {}
    for batch, process in zip(batches, runs, strict=True):
        stdout, stderr = process.communicate()
        reports = [Report(**json.loads(line)) for line in stdout.splitlines() if line.startswith("{")]
        if process.returncode != 0 or [r.url for r in reports] != batch:
            raise RuntimeError(f"lighthouse failed on {batch}:\n{stderr[-2000:]}")
        found.update((r.url, r) for r in reports)
    return [found[url] for url in urls]


def audited_paths(code: str, generated: list[str]) -> list[str]:
    """The pages audited in a language. The generated languages (zh-tw, zh-hk) are the zh pages
    converted: the same templates, scripts, styles and weight, another script and <html lang>.
    So each is audited on its home page, and the other templates are shared out among them in
    turn (zh-tw: causes, checklist; zh-hk: solutions, support). axe and vnu check every page."""
    if code not in generated:
        return AUDITED
    others = [path for path in AUDITED if path]
    return ["", *others[generated.index(code) :: len(generated)]]


def audited_urls() -> list[str]:
    """Site addresses ("/", "/en/causes/") of the pages audited, in every language."""
    from guide_tools.checks.project import project_data
    from wallet_guide.conversion.state import generated_from
    from wallet_guide.data.url_contract import load_contract

    contract = load_contract()
    codes = [language.code for language in contract.languages]
    generated = [
        code for code in codes if code in generated_from(ROOT / project_data(ROOT).conversion_dir, codes)
    ]
    return [
        contract.url(language.code, page)
        for language in contract.languages
        for page in contract.pages
        if page.path in audited_paths(language.code, generated)
    ]


def bench() -> None:
    """Build the site for a local origin, serve it as a host does, and print every audited
    page's scores (performance with the timings that cost it points)."""
    from guide_tools import static_server
    from guide_tools.build import strict_build

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        site_dir.mkdir()
        server, base = static_server.start(site_dir)
        try:
            result = strict_build(site_dir, site_url=base + "/")
            if not result.ok:
                raise SystemExit(f"build failed:\n{result.log}")
            for report in run_many([base + url for url in audited_urls()]):
                print(report.line())
        finally:
            server.shutdown()
            server.server_close()
