"""Just enough HTML reading for the tests: ids, <html lang>, meta tags, visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Document:
    lang: str = ""
    ids: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)  # <link> attributes
    resources: list[str] = field(default_factory=list)  # every src= and <link href>
    anchors: list[dict[str, str]] = field(default_factory=list)  # <a> attributes, and "text"
    article_text: str = ""


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Document()
        self.article_depth = 0
        self.skip_depth = 0
        self.text: list[str] = []
        self.anchor: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.doc.lang = a.get("lang", "")
        if tag == "a":
            self.anchor = {**a, "text": ""}
            self.doc.anchors.append(self.anchor)
        if "id" in a:
            self.doc.ids.append(a["id"])
        if tag == "meta" and "name" in a:
            self.doc.meta[a["name"]] = a.get("content", "")
        if tag == "link":
            self.doc.links.append(a)
            if not {"canonical", "alternate", "prev", "next"} & set(a.get("rel", "").split()):
                self.doc.resources.append(a.get("href", ""))
        if "src" in a:
            self.doc.resources.append(a["src"])
        if self.article_depth:
            if tag not in VOID_ELEMENTS:  # a void element has no end tag to count down
                self.article_depth += 1
                if self.skip_depth:
                    self.skip_depth += 1
                elif "headerlink" in a.get("class", "") or tag in {"script", "style"}:
                    self.skip_depth = 1
            if tag in {"p", "li", "h1", "h2", "h3", "br", "div"}:
                self.text.append("\n")
        elif tag == "article":
            self.article_depth = 1

    def handle_endtag(self, tag):
        if tag == "a" and self.anchor is not None:
            self.anchor["text"] = self.anchor["text"].strip()
            self.anchor = None
        if self.article_depth:
            self.article_depth -= 1
            if self.skip_depth:
                self.skip_depth -= 1

    def handle_data(self, data):
        if self.anchor is not None:
            self.anchor["text"] += data
        if self.article_depth and not self.skip_depth:
            self.text.append(data)


def read(path: Path) -> Document:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.doc.article_text = "".join(reader.text)
    return reader.doc


def page_file(site: Path, url: str) -> Path:
    """The built file behind a site address such as /en/causes/."""
    return site / url.lstrip("/") / "index.html"
