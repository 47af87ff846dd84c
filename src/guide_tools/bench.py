"""`make bench`: build the site and print what it costs a reader and a builder.

- the full build time of every language (wall clock of `mkdocs build`, as a developer waits);
- `make check`: the strict build into a temporary folder plus every check (budget: data/budgets.yml);
  both best of three, with how fast this machine built a fixed small site (machine_speed.py),
  which the time budgets divide by;
- per page, a reader's first visit in a fresh browser on a phone-sized screen: requests and
  bytes transferred (headers + compressed bodies, measured by the browser; the local server
  gzips text as real hosts do, see static_server.py);
- the search index of each language (the generated ones, data/conversion/, too): its total
  size, and what the first search downloads;
- per language of mkdocs.yml (none listed here): its home page's first visit, its median and
  heaviest page's, its heaviest first search and its index;
- our interactive parts' script and styles (the checklist's JS + CSS), compressed.

With --scale N it first generates a site N times larger (scale.py) and prints, for that
site, build time, peak memory, output size and the bytes a reader downloads from opening a page
to seeing their first search result.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from guide_tools import PROJECT_ROOT as ROOT
from guide_tools import machine_speed, static_server
from guide_tools.browser import launch
from guide_tools.build import strict_build
from guide_tools.checks.project import project_data, project_languages
from wallet_guide.build_state import Language
from wallet_guide.conversion.state import generated_from
from wallet_guide.settings import page_settings, published_settings

TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}
BUDGETS = ROOT / "data" / "budgets.yml"
ROUNDS = 3  # the build and `make check` are timed this many times; the best counts
# Our interactive parts: the files (under assets/wallet-guide/) whose compressed size has a budget.
ASSET_PARTS = {"checklist": ("checklist.js", "checklist.css")}


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return gzip_size(data) if path.suffix in TEXT_TYPES else len(data)


def timed_build(site_dir: Path, site_url: str, config: Path | None = None) -> tuple[float, float | None]:
    result = strict_build(site_dir, config=config, site_url=site_url)
    if not result.ok:
        sys.exit(f"build failed:\n{result.log}")
    return result.seconds, result.reported_seconds


def speed_line(calibration: list[float], budget: dict) -> str:
    """The fixed site's build time here against the reference machine's (the budget file's)."""
    reference = budget["reference_machine"]["calibration_seconds"]
    factor = machine_speed.slowdown(calibration, reference)
    return (
        f"the fixed site (guide_tools/machine_speed.py) built in {min(calibration):.3f} s here"
        f" (best of {len(calibration)}), {factor:.2f} times the reference machine's {reference} s;"
        f" time budgets hold for seconds here / {factor:.2f}"
    )


def timed_check() -> float:
    """Wall clock of `scripts/guide.py check --build`, which is what `make check` runs."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "guide.py"), "check", "--build"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"make check failed:\n{result.stdout}{result.stderr}")
    return wall


def page_urls(site_dir: Path) -> list[str]:
    """Every page of a built site, as site addresses ("/", "/en/causes/")."""
    urls = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in {"assets", "search", "api"}:
            continue
        urls.append("/" if rel == "." else f"/{rel}/")
    return urls


def transfer(requests, base: str) -> dict:
    """Requests that went to the network (not data: URLs, not answered by the HTTP cache)."""
    sizes, network = [], []
    for request in requests:
        if request.url.startswith("data:"):
            continue
        size = request.sizes()
        if size["responseBodySize"] + size["responseHeadersSize"] > 0:
            network.append(request)
            sizes.append(size)
    return {
        "requests": len(network),
        "third_party": sum(not r.url.startswith(base) for r in network),
        "bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
    }


def _appender(into: list) -> Callable[[Any], None]:
    """A handler that appends to ``into`` (bound now, not when it is called). A Python function,
    not a bound builtin: Playwright tags its handlers with an attribute."""

    def append(item: Any) -> None:
        into.append(item)

    return append


# What the service worker saves for offline reading once the page is idle (offline/assets/sw.js):
# its language's pages named in the worker's settings and the search index in one file (absent
# for an index over offline_index_max_kib). Returns [page addresses, the index's file or null,
# the index's manifest]; [] without a worker.
OFFLINE_SAVES = """(worker) => {
    const settings = JSON.parse(document.getElementById("wg-settings").textContent);
    if (!("serviceWorker" in navigator) || !settings.offline || !worker) return [];
    const site = new URL(settings.root, location.href);
    const path = location.pathname.slice(site.pathname.length);
    const root = Object.keys(worker.languages).find((prefix) => path.startsWith(prefix)) ?? "";
    const pages = worker.pages.map((page) => new URL(root + page, site).href);
    const search = settings.search?.bundle;
    return [pages, search ? new URL(search, site).href : null,
            search ? new URL("manifest.json", new URL(settings.search.index, site)).href : null];
}"""
SAVED = """async (keys) => {
    const names = await caches.keys();
    if (!names.length) return false;
    const cache = await caches.open(names[0]);
    return (await Promise.all(keys.map((key) => cache.match(key)))).every(Boolean);
}"""


def worker_settings(base: str) -> dict | None:
    """The published service worker's settings (None when the site has none)."""
    try:
        with urllib.request.urlopen(base + "/sw.js") as response:
            return published_settings(response.read().decode("utf-8"))
    except urllib.error.HTTPError:
        return None


def offline_saved(page, worker: dict | None, finished: list, url: str) -> list:
    """Wait until the worker has saved what it saves for offline reading; return those requests."""
    saves = page.evaluate(OFFLINE_SAVES, worker)
    if not saves:
        return []
    pages, bundle, manifest = saves
    deadline = time.monotonic() + 30
    while True:
        fetched = [r for r in finished if bundle and r.url.split("?")[0] == bundle]
        response = fetched[0].response() if fetched else None
        index = [] if bundle is None or (response is not None and not response.ok) else [manifest]
        # Async: wait_for_function would take the predicate's promise for a true value.
        if (bundle is None or response is not None) and page.evaluate(SAVED, pages + index):
            break
        if time.monotonic() > deadline:
            sys.exit(f"{url}: the service worker did not save {pages} and {bundle} within 30 s")
        page.wait_for_timeout(100)
    keys = {*pages, bundle}
    # Not the page's own navigation (the checklist may be the page visited).
    return [
        r for r in finished if r.url.split("?")[0].split("#")[0] in keys and not r.is_navigation_request()
    ]


def first_visits(base: str, urls: list[str], query: dict[str, str] | None = None) -> list[dict]:
    """Each page in a fresh phone-sized browser. A first visit's figures leave out what the
    service worker saves for offline reading once the page is idle (its language's checklist,
    solutions, support and search index): ``background_*``, measured apart. With ``query``
    ({"zh": ..., "en": ...}) open the search box and type it, counting everything until the
    first result shows, the worker blocked: what a result costs, not the offline saving (whose
    index parts would then come from its cache)."""
    from playwright.sync_api import sync_playwright

    worker = worker_settings(base)
    rows = []
    with sync_playwright() as pw:
        browser = launch(pw)
        for url in urls:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, service_workers="block" if query else "allow"
            )
            page = context.new_page()
            finished: list = []
            # Context-wide, so the service worker's own downloads (offline reading) count too.
            context.on("requestfinished", _appender(finished))
            page.goto(base + url, wait_until="networkidle")
            background = [] if query else offline_saved(page, worker, finished, url)
            page.wait_for_load_state("networkidle")
            if query:
                page.click(".wg-search__open")
                page.keyboard.insert_text(in_language(query, url_language(url)))
                page.keyboard.press("End")
                page.locator(".wg-search__result").first.wait_for()
                page.wait_for_load_state("networkidle")
            row = transfer([r for r in finished if r not in background], base)
            saved = transfer(background, base)
            rows.append(
                {
                    "page": url,
                    **row,
                    "background_bytes": saved["bytes"],
                    "background_requests": saved["requests"],
                }
            )
            context.close()
        browser.close()
    return rows


def search_index(site_dir: Path) -> list[dict]:
    """Each language's search index (mkdocs.yml's languages), found where its pages look for it
    (their settings' search.index); a language without one stops the bench."""
    rows = []
    for lang in project_languages(ROOT):
        home = site_dir / lang.root / "index.html"
        settings = page_settings(home.read_text(encoding="utf-8"))
        folder = (home.parent / settings["root"] / settings["search"]["index"]).resolve()
        if not (folder / "manifest.json").is_file():
            sys.exit(f"{home}: no search index for '{lang.code}' at {folder}")
        files = sorted(folder.glob("*.json"))
        manifest = json.loads((folder / "manifest.json").read_text())
        rows.append(
            {
                "lang": lang.code,
                "files": len(files),
                "bytes": sum(f.stat().st_size for f in files),
                "gzip": sum(transfer_size(f) for f in files),
                "sections": manifest["sections"],
            }
        )
    return rows


def by_language(visits: list[dict], searches: list[dict], index: list[dict]) -> list[dict]:
    """Per language of mkdocs.yml: its home page's first visit, its median and heaviest page's,
    its heaviest first search and its index (compressed)."""
    rows = []
    languages = project_languages(ROOT)
    for lang in languages:
        pages = [row for row in visits if url_language(row["page"], languages) == lang.code]
        home = next((row for row in pages if row["page"] == "/" + lang.root), None)
        if home is None:
            sys.exit(f"no first visit of /{lang.root} ('{lang.code}'): is the language built?")
        heaviest = max(pages, key=lambda row: row["bytes"])
        first = [row["bytes"] for row in searches if url_language(row["page"], languages) == lang.code]
        rows.append(
            {
                "lang": lang.code,
                "pages": len(pages),
                "home_bytes": home["bytes"],
                "median_page_bytes": statistics.median(row["bytes"] for row in pages),
                "heaviest_page": heaviest["page"],
                "heaviest_page_bytes": heaviest["bytes"],
                "first_search_bytes": max(first, default=0),
                "index_gzip": next(row["gzip"] for row in index if row["lang"] == lang.code),
            }
        )
    return rows


def asset_weights(site_dir: Path) -> list[dict]:
    """Each part's files together, gzip -6 (every page loads them)."""
    return [
        {
            "part": part,
            "files": list(files),
            "gzip": sum(transfer_size(site_dir / "assets" / "wallet-guide" / f) for f in files),
        }
        for part, files in ASSET_PARTS.items()
    ]


def url_language(url: str, languages: list[Language] | None = None) -> str:
    """The language (code) of a site address: the one whose folder it is in (mkdocs.yml, read
    each call unless the caller passes ``languages``, as a loop over many addresses does)."""
    by_depth = sorted(languages or project_languages(ROOT), key=lambda lang: -len(lang.root))
    return next(lang.code for lang in by_depth if url.lstrip("/").startswith(lang.root))


def in_language(query: dict[str, str], code: str) -> str:
    """``query``'s text for the language ``code``: its own, else (a generated language) its
    source's converted, as the reader of that region would type it."""
    if code in query:
        return query[code]
    generated = generated_from(ROOT / project_data(ROOT).conversion_dir, [code])
    if code not in generated:
        raise KeyError(f"no benchmark query for the language '{code}': add it to SCALE_QUERY")
    source, converter = generated[code]
    return converter.text(query[source])


def language_codes() -> str:
    return " + ".join(lang.code for lang in project_languages(ROOT))


SCALE_QUERY = {"zh": "余额不足", "en": "insufficient balance"}
# On the site itself: the article's words, then a query that also fetches the Traditional table
# (zh) or the word list for misspellings (en).
FIRST_SEARCHES = [SCALE_QUERY, {"zh": "餘額不足", "en": "insuficient balance"}]


def first_searches(base: str) -> list[dict]:
    """Each language's home, each query of FIRST_SEARCHES in that language; a query that is the
    same text there (a generated language converts 余额不足 and 餘額不足 alike) is typed once."""
    rows = []
    for lang in project_languages(ROOT):
        queries = dict.fromkeys(in_language(query, lang.code) for query in FIRST_SEARCHES)
        for text in queries:
            row = first_visits(base, ["/" + lang.root], {lang.code: text})[0]
            rows.append({**row, "query": text})
    return rows


def _over_time(step: str, seconds: float, limit: float, factor: float) -> str | None:
    """A time budget holds in the reference machine's seconds: this machine's, divided by its slowdown."""
    reference = seconds / factor
    if reference <= limit:
        return None
    return (
        f"{step} took {seconds} s here, {reference:.2f} s in the reference machine's seconds "
        f"(this one built the fixed site {factor:.2f} times as long) > {limit} s"
    )


def over_budget(figures: dict, budget: dict, scale: int) -> list[str]:
    """Every figure above its budget, as a sentence; empty when all are within."""
    over = []
    factor = machine_speed.slowdown(
        figures["calibration_samples"], budget["reference_machine"]["calibration_seconds"]
    )
    if scale == 1:
        limits = budget["site"]
        if over_time := _over_time("build", figures["build_seconds"], limits["build_seconds"], factor):
            over.append(over_time)
        if "check_seconds" in figures and (
            over_time := _over_time("make check", figures["check_seconds"], limits["check_seconds"], factor)
        ):
            over.append(over_time)
        page = limits["page"]
        for row in figures["pages"]:
            if row["bytes"] / 1024 > page["kib"]:
                over.append(f"{row['page']}: {row['bytes'] / 1024:.1f} KiB > {page['kib']} KiB")
            if row["requests"] > page["requests"]:
                over.append(f"{row['page']}: {row['requests']} requests > {page['requests']}")
            if row["third_party"] > page["third_party_requests"]:
                over.append(f"{row['page']}: {row['third_party']} third-party requests")
            if "offline_kib" in page and row.get("background_bytes", 0) / 1024 > page["offline_kib"]:
                over.append(
                    f"{row['page']}: saved offline {row['background_bytes'] / 1024:.1f} KiB > {page['offline_kib']} KiB"
                )
        for row in figures.get("first_search", []):
            if "first_search_kib" in limits and row["bytes"] / 1024 > limits["first_search_kib"]:
                over.append(
                    f"{row['page']} {row['query']}: first search {row['bytes'] / 1024:.1f} KiB "
                    f"> {limits['first_search_kib']} KiB"
                )
        for row in figures.get("assets", []):
            kib = limits.get("assets_kib", {}).get(row["part"])
            if kib is not None and row["gzip"] / 1024 > kib:
                over.append(f"{row['part']} JS + CSS: {row['gzip'] / 1024:.2f} KiB > {kib} KiB")
        return over
    limits = budget.get("scale", {}).get(str(scale))
    if limits is None:
        return []
    if over_time := _over_time(f"x{scale} build", figures["build_seconds"], limits["build_seconds"], factor):
        over.append(over_time)
    for row in figures["first_search"]:
        if row["bytes"] / 1024 > limits["first_search_kib"]:
            over.append(
                f"x{scale} {row['page']}: first search {row['bytes'] / 1024:.1f} KiB > {limits['first_search_kib']} KiB"
            )
    return over


def read_budget(budget_file: Path | None) -> dict:
    """The budget file given, else data/budgets.yml (its reference machine, for the figures)."""
    return yaml.safe_load((budget_file or BUDGETS).read_text(encoding="utf-8"))


def report_budget(figures: dict, budget_file: Path | None, budget: dict, scale: int) -> int:
    """``budget``: ``budget_file`` as read; nothing is checked without a file given."""
    if budget_file is None:
        return 0
    over = over_budget(figures, budget, scale)
    for line in over:
        print(f"OVER BUDGET: {line} ({budget_file})")
    if not over:
        print(f"All figures within {budget_file}.")
    return 1 if over else 0


def scaled(scale: int, as_json: bool, budget: dict) -> dict:
    """Build a generated site ``scale`` times larger and print what growth costs."""
    from guide_tools.scale import generate

    work = ROOT / ".bench" / f"scale-{scale}"
    config = generate(work / "project", scale)
    site_dir = work / "site"
    site_dir.mkdir(parents=True, exist_ok=True)
    server, base = static_server.start(site_dir)
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        with machine_speed.fixed_site() as fixed_build_seconds:
            calibration = [fixed_build_seconds()]
            wall, reported = timed_build(site_dir, base + "/", config)
            calibration.append(fixed_build_seconds())
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        pages = page_urls(site_dir)
        roots = ["/" + lang.root for lang in project_languages(ROOT)]
        sample = [f"{root}part-{scale - 1:03d}/page-4/" for root in roots] if scale > 1 else roots
        searches = first_visits(base, sample, SCALE_QUERY)
    finally:
        server.shutdown()
        server.server_close()
    output = sum(f.stat().st_size for f in site_dir.rglob("*") if f.is_file())
    figures = {
        "scale": scale,
        "pages": len(pages),
        "build_seconds": round(wall, 2),
        "calibration_samples": calibration,
        "peak_memory_mib": round(max(peak_kib, before) / 1024, 1),
        "output_mib": round(output / 2**20, 1),
        "first_search": searches,
    }
    if as_json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return figures
    print(f"Scale x{scale}: {len(pages)} pages ({language_codes()})")
    print(f"  full build        {wall:.1f} s wall clock (MkDocs reports {reported} s)")
    print(f"  machine speed     {speed_line(calibration, budget)}")
    print(f"  peak memory       {figures['peak_memory_mib']} MiB")
    print(f"  output            {figures['output_mib']} MiB")
    print("  first search (open a page, type the query, first result shown; compressed transfer):")
    for row in searches:
        query = in_language(SCALE_QUERY, url_language(row["page"]))
        print(
            f"    {row['page']:<26} {query:<22} {row['requests']:>3} requests {row['bytes'] / 1024:>7.1f} KiB"
        )
    return figures


def bench(site_dir: Path, scale: int = 1, budget: Path | None = None, as_json: bool = False) -> int:
    """Measure and print; with ``budget``, 1 when a figure is over it."""
    budgets = read_budget(budget)
    if scale > 1:
        return report_budget(scaled(scale, as_json, budgets), budget, budgets, scale)

    site_dir.mkdir(parents=True, exist_ok=True)
    server, base = static_server.start(site_dir)
    try:
        load = os.getloadavg()[0]  # other work on the machine slows every figure of time
        # Best of three, the fixed site built around each (machine_speed.py says why).
        calibration: list[float] = []
        builds, checks = [], []
        with machine_speed.fixed_site() as fixed_build_seconds:
            for _ in range(ROUNDS):
                calibration.append(fixed_build_seconds())
                builds.append(timed_build(site_dir, base + "/"))
                calibration.append(fixed_build_seconds())
                checks.append(timed_check())
            calibration.append(fixed_build_seconds())
        wall, reported = min(builds)
        check_seconds = min(checks)
        visits = first_visits(base, page_urls(site_dir))
        searches = first_searches(base)
        index = search_index(site_dir)
        languages = by_language(visits, searches, index)
        assets = asset_weights(site_dir)
    finally:
        server.shutdown()
        server.server_close()

    figures = {
        "build_seconds": round(wall, 2),
        "mkdocs_reported_seconds": reported,
        "load_average": round(load, 2),
        "check_seconds": round(check_seconds, 2),
        "calibration_samples": calibration,
        "pages": visits,
        "first_search": searches,
        "search_index": index,
        "languages": languages,
        "assets": assets,
    }
    if as_json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return report_budget(figures, budget, budgets, 1)
    print(
        f"Full build ({language_codes()}): {wall:.2f} s wall clock, best of"
        f" {', '.join(f'{seconds:.2f}' for seconds, _ in builds)} (MkDocs reports {reported} s)"
    )
    print(
        f"  (load average {load:.1f} on {os.cpu_count()} cores when it started: above 1 per core, others share the CPU)"
    )
    print(
        f"make check (strict build + every check): {check_seconds:.2f} s wall clock, best of"
        f" {', '.join(f'{seconds:.2f}' for seconds in checks)}"
    )
    print(f"Machine speed: {speed_line(calibration, budgets)}")
    print(
        "\nFirst visit, fresh browser, phone screen, compressed transfer; then, apart, what the service"
        " worker saves\nfor offline reading once the page is idle (checklist, solutions, support, search index):\n"
        f"{'page':<28}{'requests':>9}{'3rd-party':>10}{'KiB':>9}{'offline req':>13}{'offline KiB':>13}"
    )
    for row in visits:
        print(
            f"{row['page']:<28}{row['requests']:>9}{row['third_party']:>10}{row['bytes'] / 1024:>9.1f}"
            f"{row['background_requests']:>13}{row['background_bytes'] / 1024:>13.1f}"
        )
    print(
        "\nFirst search (open the page, type the query, first result shown; compressed transfer;"
        " service worker blocked:\nthe offline saving above is apart):"
    )
    for row in searches:
        print(
            f"  {row['page']:<8} {row['query']:<22} {row['requests']:>3} requests {row['bytes'] / 1024:>7.1f} KiB"
        )
    print(f"\nSearch index:\n{'lang':<7}{'sections':>9}{'files':>7}{'KiB':>9}{'KiB gz':>9}")
    for row in index:
        print(
            f"{row['lang']:<7}{row['sections']:>9}{row['files']:>7}{row['bytes'] / 1024:>9.1f}{row['gzip'] / 1024:>9.1f}"
        )
    print(
        "\nPer language (first visit and first search: compressed transfer; index: gzip -6):\n"
        f"{'lang':<7}{'pages':>6}{'home KiB':>10}{'median KiB':>12}  {'heaviest page':<22}{'KiB':>6}"
        f"{'1st search KiB':>16}{'index KiB gz':>14}"
    )
    for row in languages:
        print(
            f"{row['lang']:<7}{row['pages']:>6}{row['home_bytes'] / 1024:>10.1f}"
            f"{row['median_page_bytes'] / 1024:>12.1f}  {row['heaviest_page']:<22}"
            f"{row['heaviest_page_bytes'] / 1024:>6.1f}{row['first_search_bytes'] / 1024:>16.1f}"
            f"{row['index_gzip'] / 1024:>14.1f}"
        )
    print()
    for row in assets:
        print(
            f"{row['part'].capitalize()} JS + CSS ({' + '.join(row['files'])}): "
            f"{row['gzip'] / 1024:.2f} KiB gzip -6"
        )
    return report_budget(figures, budget, budgets, 1)
