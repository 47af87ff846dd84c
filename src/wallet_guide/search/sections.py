"""A rendered page's search documents: one per section (wallet_guide.html_text's rule, the
content API's too), with its plain text."""

from __future__ import annotations

from dataclasses import dataclass

from wallet_guide import html_text


@dataclass
class Section:
    url: str  # site-root relative, with the #id: "causes/#network"
    title: str
    page_title: str
    text: str = ""
    code: str = ""  # code blocks: searchable, never a result's excerpt
    aliases: str = ""  # readers' words for it (data/reader-vocabulary.yml), weighted like the title
    level: int = 2  # its heading's: 1 is a page's intro
    background: bool = False  # on a page of background (best practices, trends): not an answer


def split_sections(html: str, page_url: str, page_title: str) -> list[Section]:
    """The sections of ``html``; text before the first heading with an id is not searchable."""
    return [
        Section(f"{page_url}#{s.id}", s.title, page_title, s.text, s.code, level=s.level)
        for s in html_text.split_sections(html)
    ]
