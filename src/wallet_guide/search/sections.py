"""Cut a rendered page into sections: one per heading that carries an id, with its plain text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

SECTION_HEADINGS = {"h1", "h2", "h3"}
SKIPPED_CLASSES = {"headerlink", "wg-no-index"}
# Elements without an end tag: they must not count in the depth of a skipped element.
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}


@dataclass
class Section:
    url: str  # site-root relative, with the #id: "causes/#network"
    title: str
    page_title: str
    text: str = ""
    code: str = ""  # code blocks: searchable, never a result's excerpt
    aliases: str = ""  # readers' words for it (data/reader-vocabulary.yml), weighted like the title


@dataclass
class _Open:
    id: str
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)


class _SectionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[_Open] = []
        self.in_heading: str | None = None
        self.skip_depth = 0  # >0 inside an element whose text is not content (the ¶ permalink)
        self.pre_depth = 0  # >0 inside <pre>: code, not prose

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.skip_depth:
            self.skip_depth += tag not in VOID_ELEMENTS
            return
        if SKIPPED_CLASSES & set((attributes.get("class") or "").split()):
            self.skip_depth = 1
            return
        if tag == "pre":
            self.pre_depth += 1
        if tag in SECTION_HEADINGS and attributes.get("id"):
            self.sections.append(_Open(attributes["id"]))
            self.in_heading = tag
        elif tag in {"p", "li", "br", "div", "tr", "dt", "dd"} and self.sections:
            self.sections[-1].text.append(" ")

    def handle_endtag(self, tag):
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == self.in_heading:
            self.in_heading = None
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
            if self.sections:
                self.sections[-1].code.append(" ")

    def handle_data(self, data):
        if self.skip_depth or not self.sections:
            return
        current = self.sections[-1]
        target = current.title if self.in_heading else current.code if self.pre_depth else current.text
        target.append(data)


def _squash(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def split_sections(html: str, page_url: str, page_title: str) -> list[Section]:
    """The sections of ``html``; text before the first heading with an id is not searchable."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return [
        Section(f"{page_url}#{s.id}", _squash(s.title), page_title, _squash(s.text), _squash(s.code))
        for s in parser.sections
    ]
