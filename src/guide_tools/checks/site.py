"""The built site as the checks read it. The strict build runs in this process (MkDocs' Python
API) with a recorder among its plugins: from the build's own objects it notes which Markdown
file each HTML page is built from, in which language, and which page MkDocs was building when it
warned. Then, per HTML file, its ids and its links with line numbers (wallet_guide.html_text)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from guide_tools.checks.problem import Problem
from guide_tools.checks.project import MKDOCS_FILE, Project
from wallet_guide import build_state
from wallet_guide.html_text import walk

# How our plugins name a mistake in their error (one per line): "data/checklist.yml:14: … — fix".
LOCATED = re.compile(r"^\s*(?P<path>[\w./-]+\.(?:ya?ml|md|json)):(?P<line>\d+):\s+(?P<rest>.+)$")
LOG_FIX = "fix it there; `make build` shows the whole build log"

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
    for node in (n for n in walk(text) if n.kind == "start"):
        a = node.attrs
        page.ids.update(i for i in (a.get("id"), a.get("name") if node.tag == "a" else None) if i)
        attribute = LINK_ATTRIBUTES.get(node.tag)
        if attribute in a and not (node.tag == "link" and NOT_LOADED & set(a.get("rel", "").split())):
            page.links.append(BuiltLink(node.tag, a[attribute], node.line, a, "article" in node.open))
    return page


@dataclass(frozen=True)
class Source:  # what MkDocs built a page from: its Markdown file and the language of the pass
    path: str  # relative to the project: "docs/zh/causes.md" (also for zh-tw, converted from it)
    lang: str  # "zh-tw"


@dataclass
class Site:
    root: Path
    pages: dict[str, BuiltPage]  # "en/causes/index.html" -> its ids and links
    sources: dict[str, Source] = field(default_factory=dict)  # built path -> its Markdown

    def resolve(self, path: str) -> str | None:
        """The built file behind a site path ("en/causes/", "assets/x.css"), if it exists."""
        path = path.lstrip("/")
        candidates = [path + "index.html"] if path.endswith("/") or not path else [path, path + "/index.html"]
        return next((c for c in candidates if (self.root / c).is_file()), None)


def read_site(root: Path, sources: dict[str, Source]) -> Site:
    files = {f.relative_to(root).as_posix(): f for f in sorted(root.rglob("*.html"))}
    return Site(root, {path: read_html(f.read_text(encoding="utf-8")) for path, f in files.items()}, sources)


@dataclass(frozen=True)
class BuildMessage:
    page: str | None  # the Markdown file MkDocs was reading or building, relative to the project
    text: str


class Recorder(BasePlugin, logging.Handler):
    """A plugin of the build and a handler of its log: each page's source, each warning's page."""

    def __init__(self, config: MkDocsConfig) -> None:
        BasePlugin.__init__(self)
        logging.Handler.__init__(self, logging.WARNING)
        self.root = Path(config.config_file_path).parent.resolve()
        self.docs_dir = Path(config.docs_dir)
        self.page: str | None = None
        self.messages: list[BuildMessage] = []
        self.sources: dict[str, Source] = {}

    def _source(self, page: Any) -> str:
        # A generated language's page has no file of its own: its src_uri is its source's.
        path = Path(page.file.abs_src_path or self.docs_dir / page.file.src_uri).resolve()
        return path.relative_to(self.root).as_posix()

    def on_pre_page(self, page: Any, **_: Any) -> Any:
        self.page = self._source(page)
        return page

    def on_page_context(self, context: Any, page: Any, **_: Any) -> Any:
        self.page = self._source(page)
        return context

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        language = build_state.current_language(config).code
        self.sources[page.file.dest_uri] = Source(self._source(page), language)
        self.page = None
        return output

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(BuildMessage(self.page, record.getMessage()))


@contextlib.contextmanager
def recording(config: MkDocsConfig) -> Iterator[Recorder]:
    """Record what the build of ``config`` makes and says (`make check`, `make serve`)."""
    recorder = Recorder(config)
    config.plugins["wallet-guide-check-recorder"] = recorder
    logger = logging.getLogger("mkdocs")
    logger.addHandler(recorder)
    try:
        yield recorder
    finally:
        logger.removeHandler(recorder)


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    messages: list[BuildMessage]
    site: Site | None  # None when the build failed


def build(project_root: Path, site_dir: Path) -> BuildResult:
    """``mkdocs build --strict`` of the project at ``project_root`` into ``site_dir``, here."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with contextlib.chdir(project_root):
        config = load_config(str(Path(project_root) / MKDOCS_FILE), site_dir=str(site_dir), strict=True)
        with recording(config) as recorder:
            try:
                mkdocs_build(config)
            except (Exception, SystemExit):  # mkdocs' Abort is a SystemExit
                return BuildResult(False, recorder.messages, None)
    return BuildResult(True, recorder.messages, read_site(site_dir, recorder.sources))


def build_problems(root: Path, messages: list[BuildMessage], project: Project | None = None) -> list[Problem]:
    """A failed build's messages as problems, each on its file and line: the line one of our
    plugins names (`data/checklist.yml:14: … — add one`); the page MkDocs was building, on the
    line of the link its message quotes; mkdocs.yml:1 only for what names no file."""
    problems = []
    for message in messages or [BuildMessage(None, "(no warning; see `make build`)")]:
        located = [m for line in message.text.splitlines() if (m := LOCATED.match(line))]
        located = [m for m in located if (root / m["path"]).is_file()]
        for m in located:
            text, _, fix = m["rest"].partition(" — ")
            problems.append(Problem(m["path"], int(m["line"]), text, fix or LOG_FIX))
        if located:
            continue
        text = " ".join(message.text.split())
        if message.page is None:
            problems.append(
                Problem(MKDOCS_FILE, 1, f"the strict build failed: {text}", "`make build` says more")
            )
            continue
        page = next((p for p in project.pages.values() if p.path == message.page), None) if project else None
        quoted = [link.line for link in (page.links if page else []) if f"'{link.target}'" in text]
        problems.append(Problem(message.page, quoted[0] if quoted else 1, text, LOG_FIX))
    return problems
