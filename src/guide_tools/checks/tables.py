"""Markdown tables keep their text: every row has as many cells as the header. Python-Markdown
builds a row with a missing cell with an empty one, and silently drops the cells past the
header's count."""

from __future__ import annotations

import re

from guide_tools.checks.markdown import Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project

DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def cells(row: str) -> int:
    """The cells of a table row: `| a | b |` and `a | b` have two; `\\|` is not a separator."""
    row = re.sub(r"\\\|", "", row.strip())
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return row.count("|") + 1


def check_page(page: Page) -> list[Problem]:
    # The prose has code spans masked (a | in `code` separates nothing) and no fenced code.
    lines = [(number, text) for number, text in page.prose if number >= page.body_line]
    problems = []
    index = 0
    while index + 1 < len(lines):
        (header_line, header), (next_line, delimiter) = lines[index], lines[index + 1]
        if (
            "|" not in header
            or next_line != header_line + 1
            or "|" not in delimiter
            or not DELIMITER.match(delimiter)
        ):
            index += 1
            continue
        width = cells(header)
        if cells(delimiter) != width:
            problems.append(_problem(page, next_line, "the line under the header", cells(delimiter), width))
        index += 2
        previous = next_line
        while (
            index < len(lines)
            and lines[index][0] == previous + 1
            and "|" in lines[index][1]
            and lines[index][1].strip()
        ):
            number, row = lines[index]
            if cells(row) != width:
                problems.append(_problem(page, number, "table row", cells(row), width))
            previous = number
            index += 1
    return problems


def _problem(page: Page, line: int, what: str, count: int, width: int) -> Problem:
    lost = (
        "the build shows the missing cells empty"
        if count < width
        else f"the build drops the last {count - width} (their text is lost)"
    )
    message = f"{what} has {count} cell{('' if count == 1 else 's')}, the table's header {width}: {lost}"
    fix = (
        "give every row as many cells as the header, `| |` for an empty one; a | inside a cell is written \\|"
    )
    return Problem(page.path, line, message, fix)


def check(project: Project) -> list[Problem]:
    problems = []
    for page in sorted(project.pages.values(), key=lambda p: p.path):
        problems += check_page(page)
    return problems
