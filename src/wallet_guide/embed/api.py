"""The content API: every page of a language with its sections, as JSON a portal can index."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import jsonschema

API_VERSION = 1
API_DIR = f"api/v{API_VERSION}"
SCHEMA_DIR = Path("data/schemas")  # relative to mkdocs.yml
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HEADING = re.compile(r"^h([1-6])$")
BLOCKS = {"p", "li", "br", "div", "tr", "td", "th", "dt", "dd", "pre", "blockquote",
          "summary", "details", "fieldset", "legend", "label", "ul", "ol", "table"}
SKIPPED_CLASSES = {"headerlink", "wg-no-index"}  # as in the site's search: not text of the page
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


@dataclass(frozen=True)
class Section:
    id: str
    level: int
    title: str
    text: str
    html: str


@dataclass(frozen=True)
class _Heading:
    id: str
    level: int
    start: int  # offset of "<hN"
    end: int  # offset after "</hN>"


class _HeadingFinder(HTMLParser):
    """The headings with an id that are direct children of the content (not inside a block)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.html = html
        self.depth = 0
        self.open: tuple[str, int, int] | None = None  # id, level, start
        self.headings: list[_Heading] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        match = HEADING.match(tag)
        ident = dict(attrs).get("id")
        if self.depth == 0 and match and ident:
            self.open = (ident, int(match.group(1)), self.position())
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - 1)
        if self.depth == 0 and self.open and tag == f"h{self.open[1]}":
            end = self.html.index(">", self.position()) + 1
            self.headings.append(_Heading(self.open[0], self.open[1], self.open[2], end))
            self.open = None


class _TextReader(HTMLParser):
    """Visible text, one space between blocks; permalinks (¶), scripts, styles and what the
    site's search leaves out (class wg-no-index: the checklist, which checklist.json holds)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if self.skip:
            self.skip += tag not in VOID
        elif tag in {"script", "style", "template"} or SKIPPED_CLASSES & set((dict(attrs).get("class") or "").split()):
            self.skip = 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(html: str) -> str:
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    return " ".join("".join(reader.parts).split())


def absolute_links(html: str, page_url: str) -> str:
    """Links and images resolved against the page's public address, so they work anywhere."""
    return URL_ATTRIBUTE.sub(lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), html)


def split_sections(html: str, page_url: str) -> list[Section]:
    """One section per heading with an id at the top level of the page: the heading's own
    content, up to the next such heading (of any level; `level` tells how they nest)."""
    finder = _HeadingFinder(html)
    finder.feed(html)
    finder.close()
    sections = []
    for heading, following in zip(finder.headings, [*finder.headings[1:], None]):
        body = html[heading.end : following.start if following else len(html)]
        sections.append(Section(
            id=heading.id,
            level=heading.level,
            title=plain_text(html[heading.start : heading.end]),
            text=plain_text(body),
            html=absolute_links(HEADERLINK.sub("", body), page_url).strip(),
        ))
    return sections


def embed_url(url: str, section: str | None = None) -> str:
    """The address of the embed view of a page (or of one of its sections)."""
    page, _, _ = url.partition("#")
    return f"{page}?embed=1" + (f"&section={section}" if section else "")


def page_record(title: str, description: str, url: str, html: str) -> dict:
    return {
        "title": title,
        "description": description,
        "url": url,
        "embed_url": embed_url(url),
        "sections": [
            {"id": s.id, "level": s.level, "title": s.title, "url": f"{url}#{s.id}",
             "embed_url": embed_url(url, s.id), "text": s.text, "html": s.html}
            for s in split_sections(html, url)
        ],
    }


def pages_document(lang: str, site_name: str, schema_url: str, pages: list[dict]) -> dict:
    return {"$schema": schema_url, "version": API_VERSION, "lang": lang, "site_name": site_name,
            "pages": pages}


def checklist_document(checklist, lang: str, schema_url: str, urls: dict[str, str]) -> dict:
    """The causes checklist in one language (the checklist plugin's data): what the reader
    ticks, the cause and the fix it leads to. ``urls``: absolute addresses of the ``checklist``,
    ``causes``, ``solutions`` and ``support`` pages in ``lang``."""
    page = urls["checklist"]
    causes = []
    for cause in checklist.causes:
        texts = cause.texts[lang]
        causes.append({
            "id": cause.id,
            "url": f"{page}#{cause.id}",
            "tick_url": f"{page}?tick={cause.id}",
            "symptom": texts.symptom,
            "cause": texts.cause,
            "cause_url": f"{urls['causes']}#{cause.id}",
            "fix": texts.fix,
            "fix_url": f"{urls['solutions']}#{cause.id}",
            "summary": texts.summary,
        })
    return {"$schema": schema_url, "version": API_VERSION, "lang": lang, "url": page,
            "embed_url": embed_url(page), "support_url": urls["support"],
            "labels": asdict(checklist.labels[lang]), "causes": causes}


def schema_url(base: str, name: str) -> str:
    """Where the schema of ``<name>.json`` is served (beside the files, not per language)."""
    return f"{base}{API_DIR}/{name}.schema.json"


def checklist_urls(contract, options, lang: str, base: str) -> dict[str, str]:
    """The absolute addresses of the pages the checklist links, in ``lang``: from the checklist
    plugin's options and the URL contract (its own page is the one whose source is
    ``anchors_page``)."""
    by_path = {page.path: page for page in contract.pages}
    own = next(page for page in contract.pages if page.source == options.anchors_page)

    def url(page) -> str:
        return base + contract.url(lang, page).lstrip("/")

    return {"checklist": url(own), "causes": url(by_path[options.links_causes]),
            "solutions": url(by_path[options.links_solutions]),
            "support": url(by_path[options.links_support])}


def schema_errors(document: dict, schema: dict) -> list[str]:
    """Every way ``document`` breaks ``schema``, as 'path: message' lines."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]


def dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"

