"""The built site as the checks read it: per HTML file, its ids and its links with line numbers
(wallet_guide.html_text), and the strict build that produces it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from guide_tools.build import strict_build
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import MKDOCS_FILE
from wallet_guide.html_text import walk

# A build message that names its file and line: "ERROR - data/checklist.yml:14: causes: …".
LOCATED = re.compile(
    r"^(?:(?:ERROR|WARNING)\s+-\s+)?(?:Error:\s+)?(?P<path>[\w./-]+\.(?:ya?ml|md|json)):(?P<line>\d+):\s+(?P<rest>.+)$"
)

# Link-like attributes: where a page sends the reader or what it loads.
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
}
# <link rel=…> that do not name a file of this site to load (canonical is absolute anyway).
NOT_LOADED = {"canonical", "alternate", "prev", "next"}


@dataclass(frozen=True)
class BuiltLink:
    tag: str
    href: str
    line: int
    attrs: dict[str, str]
    in_article: bool  # inside <article>: the page's content, where language crossings are checked


@dataclass
class BuiltPage:
    ids: set[str] = field(default_factory=set)
    links: list[BuiltLink] = field(default_factory=list)


def read_html(text: str) -> BuiltPage:
    page = BuiltPage()
    for node in walk(text):
        if node.kind != "start":
            continue
        a = node.attrs
        if a.get("id"):
            page.ids.add(a["id"])
        if node.tag == "a" and a.get("name"):
            page.ids.add(a["name"])
        attribute = LINK_ATTRIBUTES.get(node.tag)
        if attribute and attribute in a:
            if node.tag == "link" and NOT_LOADED & set(a.get("rel", "").split()):
                continue
            page.links.append(BuiltLink(node.tag, a[attribute], node.line, a, "article" in node.open))
    return page


@dataclass
class Site:
    root: Path
    pages: dict[str, BuiltPage]  # "en/causes/index.html" -> its ids and links

    def resolve(self, path: str) -> str | None:
        """The built file behind a site path ("en/causes/", "assets/x.css"), if it exists."""
        path = path.lstrip("/")
        candidates = [path + "index.html"] if path.endswith("/") or not path else [path, path + "/index.html"]
        return next((c for c in candidates if (self.root / c).is_file()), None)


def read_site(root: Path) -> Site:
    pages = {
        file.relative_to(root).as_posix(): read_html(file.read_text(encoding="utf-8"))
        for file in sorted(Path(root).rglob("*.html"))
    }
    return Site(Path(root), pages)


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    warnings: list[str]  # the WARNING/ERROR lines of the log
    log: str


def build(project_root: Path, site_dir: Path) -> BuildResult:
    """``mkdocs build --strict`` of the project at ``project_root`` into ``site_dir``."""
    result = strict_build(site_dir, cwd=project_root)
    log = result.log
    warnings: list[str] = []
    continued = False
    for line in log.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            warnings.append(" ".join(line.split()))
            continued = line.startswith("ERROR")
        elif continued and LOCATED.match(line):
            # A plugin's error that lists several mistakes, one `file:line: …` per line.
            warnings.append(" ".join(line.split()))
        else:
            continued = False
    return BuildResult(result.returncode == 0, warnings, log)


# MkDocs' own words for a page's mistake: the page (as docs/ names it) and what it links to.
PAGE_LINK = re.compile(
    r"Doc file '(?P<page>[^']+\.md)' contains (?:a link|an absolute link|a link to|an unrecognized relative link) '?(?P<target>[^',]*)"
)
NAV_REFERENCE = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav'")
PAGE_ERROR = re.compile(r"Error (?:reading|building) page '(?P<page>[^']+\.md)'")


def _line_with(file: Path, text: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    return next((number for number, line in enumerate(lines, 1) if text and text in line), 1)


def build_problem(project_root: Path, docs_dir: str, warning: str) -> Problem:
    """One build warning as a problem on the file and line it is about: the line a plugin names
    (`data/checklist.yml:14: … — add one`), the page MkDocs names (on the line of the link it
    quotes), the nav's line in mkdocs.yml; mkdocs.yml:1 only for what names no file."""
    located = LOCATED.match(warning)
    if located and (project_root / located["path"]).is_file():
        message, _, fix = located["rest"].partition(" — ")
        return Problem(
            located["path"],
            int(located["line"]),
            message,
            fix or "fix it there; `make build` shows the whole build log",
        )
    text = re.sub(r"^(?:WARNING|ERROR)\s+-\s+", "", warning)
    fix = "fix it there; `make build` shows the whole build log"
    if (page := PAGE_LINK.search(text) or PAGE_ERROR.search(text)) is not None:
        path = f"{docs_dir}/{page['page']}"
        target = page.groupdict().get("target") or ""
        return Problem(path, _line_with(project_root / path, f"({target}") if target else 1, text, fix)
    if (nav := NAV_REFERENCE.search(text)) is not None:
        return Problem(MKDOCS_FILE, _line_with(project_root / MKDOCS_FILE, f"- {nav['target']}"), text, fix)
    return Problem(
        MKDOCS_FILE, 1, f"the strict build failed: {text}", "`make build` shows the whole build log"
    )


def build_problems(project_root: Path, result: BuildResult, docs_dir: str = "docs") -> list[Problem]:
    """A failed build's warnings as problems, each on its file and line."""
    return [
        build_problem(project_root, docs_dir, warning)
        for warning in result.warnings or ["(no warning line; see `make build`)"]
    ]
