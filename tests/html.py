"""Just enough HTML reading for the tests: ids, <html lang>, meta tags, visible text (through
wallet_guide.html_text, as the search, the content API and the checks read pages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guide_tools.checks.site import NOT_LOADED
from wallet_guide.html_text import element_end, text_of, walk


@dataclass
class Document:
    lang: str = ""
    ids: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)  # <link> attributes
    resources: list[str] = field(default_factory=list)  # every src= and <link href>
    anchors: list[dict[str, str]] = field(default_factory=list)  # <a> attributes, and "text"
    article_text: str = ""  # what a reader sees in the page's <article>


def read(path: Path) -> Document:
    doc = Document()
    nodes = walk(path.read_text(encoding="utf-8"))
    for index, node in enumerate(nodes):
        if node.kind != "start":
            continue
        a = node.attrs
        if node.tag == "html":
            doc.lang = a.get("lang", "")
        if node.tag == "a":
            inside = nodes[index + 1 : element_end(nodes, index)]
            doc.anchors.append({**a, "text": "".join(n.text for n in inside if n.kind == "text").strip()})
        if "id" in a:
            doc.ids.append(a["id"])
        if node.tag == "meta" and "name" in a:
            doc.meta[a["name"]] = a.get("content", "")
        if node.tag == "link":
            doc.links.append(a)
            if not NOT_LOADED & set(a.get("rel", "").split()):
                doc.resources.append(a.get("href", ""))
        if "src" in a:
            doc.resources.append(a["src"])
        if node.tag == "article" and not doc.article_text:
            doc.article_text = text_of(nodes[index + 1 : element_end(nodes, index)], indexed=False)
    return doc


def page_file(site: Path, url: str) -> Path:
    """The built file behind a site address such as /en/causes/."""
    return site / url.lstrip("/") / "index.html"
