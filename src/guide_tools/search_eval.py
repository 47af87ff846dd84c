"""`make search-eval`: where our search ranks the right section, as a reader gets it.

Builds the guide once into a temporary folder (SITE_URL = the local server's origin), serves it,
and in Debian's Chromium opens each language's home page, types every query of the sets into the
search box (the real search.js: its folding, ranking and cut) and reads the result links in the
order the dialog lists them. Prints, per set and language, how often the first result is an
expected section and how often one is in the top 3; then each query that missed.

The sets are data/search-eval/*.yml (article, reader: the earlier sets; dev, test: readers'
queries split in halves, tune on dev only), and any file given with --set (e.g. a private set).
One entry: {lang: zh-hk, query: "…", expected: [causes#balance, solutions#balance]}: the
sections that answer it, as page file (without .md) #id; without `expected`: run, not scored.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from guide_tools import PROJECT_ROOT as ROOT
from guide_tools import static_server
from guide_tools.browser import CHROMIUM, launch
from guide_tools.build import strict_build
from guide_tools.checks.project import project_languages

SETS_DIR = ROOT / "data" / "search-eval"
FOLDING_FILE = "data/search-folding.yml"
SET_ORDER = ("article", "reader", "dev", "test")  # the others follow, by name
TOP = 10


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expected: tuple[str, ...]  # "causes#balance"; empty: not scored


@dataclass
class Outcome:
    lang: str
    query: str
    expected: list[str]
    rank: int | None  # of the first expected section, 1-based; None: not in the list
    results: list[str]  # "causes#balance", in the dialog's order


def load_set(path: Path, languages: set[str]) -> list[Query]:
    """The queries of one file; a malformed entry stops with its file, position and fix."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        sys.exit(f"{path}: expected a list of {{lang, query, expected}} entries")
    queries = []
    for number, entry in enumerate(data, 1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("query"), str):
            sys.exit(f"{where}: give `query:` (text) and `lang:` ({', '.join(sorted(languages))})")
        if entry.get("lang") not in languages:
            sys.exit(f"{where} ({entry['query']}): lang must be one of {', '.join(sorted(languages))}")
        expected = entry.get("expected") or []
        if not all(isinstance(e, str) and "#" in e for e in expected):
            sys.exit(f"{where} ({entry['query']}): expected is a list of page#id, e.g. causes#balance")
        queries.append(Query(entry["lang"], entry["query"], tuple(expected)))
    return queries


def query_sets(extra: list[Path]) -> dict[str, list[Query]]:
    languages = {lang.code for lang in project_languages(ROOT)}
    files = sorted(
        SETS_DIR.glob("*.yml"),
        key=lambda p: (
            p.stem not in SET_ORDER,
            SET_ORDER.index(p.stem) if p.stem in SET_ORDER else 0,
            p.stem,
        ),
    )
    sets = {p.stem: load_set(p, languages) for p in files}
    for path in extra:
        sets[path.stem] = load_set(path, languages)
    return sets


def section_of(url: str, base: str, root: str) -> str:
    """A result link as page#id: http://host/zh-hk/causes/#balance -> causes#balance."""
    path, _, anchor = url.removeprefix(base + "/").partition("#")
    path = path.removeprefix(root).strip("/")
    return f"{path or 'index'}#{anchor}"


# Types the query as a reader would (value, then an input event), then waits until the list
# answers that query (search.js sets data-wg-query) or the status shows the error message.
ASK = """async (q) => {
  const input = document.querySelector(".wg-search__input");
  const list = document.querySelector(".wg-search__results");
  const status = document.querySelector(".wg-search__status");
  input.value = q;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  for (let i = 0; i < 400; i++) {
    if (list.dataset.wgQuery === q) {
      return { links: [...list.querySelectorAll("a.wg-search__result")].map((a) => a.href), status: status.textContent };
    }
    if (status.textContent && status.textContent === status.dataset.wgMsgError) return { error: status.textContent };
    await new Promise((r) => setTimeout(r, 25));
  }
  return { error: "no answer in 10 s" };
}"""


MECHANISMS = ("cross", "colloquial", "ranking")  # search.js's names (window.wgSearchOff)


def ask_all(page, base: str, roots: dict[str, str], sets: dict[str, list[Query]]) -> dict[str, list[Outcome]]:
    """Each query typed into the box of its language's home page."""
    outcomes: dict[str, list[Outcome]] = {name: [] for name in sets}
    for lang, root in roots.items():
        page.goto(f"{base}/{root}", wait_until="networkidle")
        page.click(".wg-search__open")
        for name, queries in sets.items():
            for q in (q for q in queries if q.lang == lang):
                answer = page.evaluate(ASK, q.text)
                if "error" in answer:
                    sys.exit(f"{name}: {lang} «{q.text}»: {answer['error']}")
                results = [section_of(u, base, root) for u in answer["links"]][:TOP]
                rank = next((i + 1 for i, r in enumerate(results) if r in q.expected), None)
                outcomes[name].append(Outcome(lang, q.text, list(q.expected), rank, results))
    return outcomes


@dataclass(frozen=True)
class Variant:
    table: bool  # the readers' words of data/search-folding.yml (else only its failure words)
    off: tuple[str, ...] = ()  # search.js's mechanisms turned off (window.wgSearchOff)


def build_site(work: Path, site: Path, url: str, table: bool) -> None:
    """The guide built for ``url`` into ``site``; without ``table``: the index and the box without
    the readers' words (a table holding only the failure words, which ranking uses)."""
    config = None
    if not table:
        from mkdocs.utils import yaml_load

        with open(ROOT / "mkdocs.yml", "rb") as f:
            settings = yaml_load(f)
        folding = yaml.safe_load((ROOT / FOLDING_FILE).read_text(encoding="utf-8")) or {}
        failure_only = work / "failure-only.yml"
        failure_only.write_text(
            yaml.safe_dump({"failure": folding.get("failure")}, allow_unicode=True), encoding="utf-8"
        )
        settings["docs_dir"] = str(ROOT / "docs")
        settings["theme"]["custom_dir"] = str(ROOT / "overrides")
        settings["plugins"] = [
            {"wallet-guide-search": {**entry["wallet-guide-search"], "folding_file": str(failure_only)}}
            if isinstance(entry, dict) and "wallet-guide-search" in entry
            else entry
            for entry in settings["plugins"]
        ]
        (work / "data").symlink_to(ROOT / "data")  # the plugins read data/ beside the config
        config = work / "mkdocs.yml"
        config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    print(f"building {site.name} …", file=sys.stderr)
    built = strict_build(site, config=config, cwd=ROOT, site_url=url + "/")
    if not built.ok:
        sys.exit(f"the build failed:\n{built.log}")


def run(sets: dict[str, list[Query]], variants: dict[str, Variant]) -> dict[str, dict[str, list[Outcome]]]:
    """variant -> set -> outcomes."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: run `make system-packages` (as root)")
    roots = {lang.code: lang.root for lang in project_languages(ROOT)}
    everything: dict[str, dict[str, list[Outcome]]] = {}
    with tempfile.TemporaryDirectory(prefix="search-eval-") as folder:
        work = Path(folder)
        servers = {}
        try:
            for table in sorted({v.table for v in variants.values()}, reverse=True):
                site = work / ("site-table" if table else "site-no-table")
                site.mkdir()
                server, base = static_server.start(site)
                servers[table] = (server, base)
                build_site(work, site, base, table)
            with sync_playwright() as pw:
                browser = launch(pw)
                errors: list[str] = []
                for name, variant in variants.items():
                    page = browser.new_page(viewport={"width": 390, "height": 844})
                    page.add_init_script(f"window.wgSearchOff = {json.dumps(list(variant.off))};")
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    everything[name] = ask_all(page, servers[variant.table][1], roots, sets)
                    page.close()
                browser.close()
            if errors:
                sys.exit("page errors:\n" + "\n".join(errors))
        finally:
            for server, _ in servers.values():
                server.shutdown()
                server.server_close()
    return everything


def tally(outcomes: list[Outcome]) -> tuple[int, int, int]:
    scored = [o for o in outcomes if o.expected]
    return (
        sum(1 for o in scored if o.rank == 1),
        sum(1 for o in scored if o.rank and o.rank <= 3),
        len(scored),
    )


def cell(part: int, whole: int) -> str:
    return f"{part}/{whole} {100 * part / whole:.0f}%" if whole else "-"


def print_report(outcomes: dict[str, list[Outcome]], languages: list[str], misses: bool) -> None:
    print(f"{'set':<8} {'language':<8} {'first':>12} {'top 3':>12}")
    for name, found in outcomes.items():
        for lang in [*languages, "all"]:
            part = found if lang == "all" else [o for o in found if o.lang == lang]
            first, top3, scored = tally(part)
            if scored:
                print(f"{name:<8} {lang:<8} {cell(first, scored):>12} {cell(top3, scored):>12}")
    if not misses:
        return
    print("\nNot first (rank of the first expected section; the first results):")
    for name, found in outcomes.items():
        for o in found:
            if o.expected and o.rank != 1:
                where = f"rank {o.rank}" if o.rank else f"not in the top {TOP}"
                print(f"  {name} {o.lang} «{o.query}»: {where}; got {', '.join(o.results[:3]) or 'nothing'}")


def print_mechanisms(everything: dict[str, dict[str, list[Outcome]]], languages: list[str]) -> None:
    """First / top 3 per set and language, for each variant side by side."""
    variants = list(everything)
    sets = list(everything[variants[0]])
    print(f"{'set':<8} {'language':<8}" + "".join(f"{v:>22}" for v in variants))
    for name in sets:
        for lang in [*languages, "all"]:
            cells = []
            for v in variants:
                found = everything[v][name]
                first, top3, scored = tally(found if lang == "all" else [o for o in found if o.lang == lang])
                cells.append(f"{first}/{top3}/{scored}" if scored else "")
            if any(cells):
                print(f"{name:<8} {lang:<8}" + "".join(f"{c:>22}" for c in cells))
    print("(first / top 3 / scored)")


def evaluate(extra: list[Path], only: list[str] | None, as_json: bool, each: bool = False) -> int:
    """``each``: also with every mechanism off, and each one alone on, side by side."""
    sets = query_sets(extra)
    unknown = sorted(set(only or ()) - set(sets))
    if unknown:
        sys.exit(f"unknown set {', '.join(unknown)}: choose from {', '.join(sets)}")
    sets = {k: v for k, v in sets.items() if not only or k in only}
    variants = {"all": Variant(table=True)}
    if each:
        # The readers' words change the index too: without them, the index is built without.
        variants = {"none": Variant(False, MECHANISMS)}
        variants.update(
            {f"+{m}": Variant(m == "colloquial", tuple(o for o in MECHANISMS if o != m)) for m in MECHANISMS}
        )
        variants["all"] = Variant(table=True)
    everything = run(sets, variants)
    languages = [lang.code for lang in project_languages(ROOT)]
    if as_json:
        print(
            json.dumps(
                {
                    v: {k: [asdict(o) for o in found] for k, found in sets_.items()}
                    for v, sets_ in everything.items()
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    elif each:
        print_mechanisms(everything, languages)
    else:
        print_report(everything["all"], languages, misses=True)
    return 0
