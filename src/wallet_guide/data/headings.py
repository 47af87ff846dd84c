"""The titles of a page's sections, read from its Markdown: the checklist's cause and fix titles
are the headings of the causes and solutions pages, found by their ids, not copied into data.

A title is the heading's text without its number and its attribute list:
``## 2. 账户余额不足 {#balance}`` is 账户余额不足, the title of ``balance``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t]*\{:?[ \t]*(?P<attrs>[^{}]*)\}[ \t]*$")
ID = re.compile(r"(?:^|\s)#([\w-]+)")
NUMBER = re.compile(r"^\d+\.[ \t]+")  # the step's number: "2. "
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Section:
    title: str  # the heading's text without its number
    line: int  # 1-based, in the page's file


def section_titles(text: str) -> dict[str, Section]:
    """Each heading with an explicit id, by its id (headings inside fenced code are not)."""
    sections: dict[str, Section] = {}
    fence = ""
    for number, line in enumerate(text.splitlines(), 1):
        opening = FENCE.match(line)
        if fence:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening[1]
            continue
        heading = ATX.match(line)
        found = ID.search(heading["attrs"]) if heading else None
        if heading and found:
            sections.setdefault(found[1], Section(NUMBER.sub("", heading["text"]), number))
    return sections


@dataclass(frozen=True)
class TitlePage:
    """The page a checklist title comes from, in one language."""

    name: str  # as messages name it: docs/en/causes.md
    sections: dict[str, Section] | None  # None: the file does not exist


def title_page(path: Path, name: str) -> TitlePage:
    try:
        return TitlePage(name, section_titles(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return TitlePage(name, None)
