"""Counted facts stay true: when a page's description or intro counts its sections («六类常见原因»,
"Six common causes"), the number is the number of its numbered sections (`## 7. … {#id}`), in
every language. A seventh cause then fails the check until the descriptions say seven."""

from __future__ import annotations

import re

from guide_tools.checks.causes import numbered
from guide_tools.checks.markdown import MASK, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project

ZH_NUMBERS = "一二三四五六七八九十"
EN_NUMBERS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
# 六类常见原因, 六个使用习惯, 6 种方法: a number, then a measure word.
ZH_COUNT = re.compile(rf"(?<![{ZH_NUMBERS}第])([{ZH_NUMBERS}]|\d+)(?=[类个种项条步大])")
# "Six common causes", "six habits": a number, at most one word, then a plural noun.
EN_COUNT = re.compile(rf"\b({'|'.join(EN_NUMBERS)}|\d+)\s+(?:[a-z-]+\s+)?[a-z-]+s\b", re.I)


def _value(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in ZH_NUMBERS:
        return ZH_NUMBERS.index(word) + 1
    return EN_NUMBERS.index(word.lower()) + 1


def _word(count: int, example: str) -> str:
    """``count`` written as ``example`` writes its number."""
    if example.isdigit() or count > 12:
        return str(count)
    if example in ZH_NUMBERS:
        return ZH_NUMBERS[count - 1] if count <= 10 else str(count)
    word = EN_NUMBERS[count - 1]
    return word.capitalize() if example[0].isupper() else word


def counted(page: Page) -> list[tuple[int, str]]:
    """(line, number as written) of each count in the description and the intro."""
    first_section = next((h.line for h in page.headings if h.level == 2), len(page.lines) + 1)
    description_line = page.meta_lines.get("description")
    pattern = ZH_COUNT if page.lang.startswith("zh") else EN_COUNT
    found = []
    for line, text in page.prose:
        if line == description_line or page.body_line <= line < first_section:
            if page.is_heading_line(line):
                continue  # «六、未来展望»: the title's own number
            # «哪一类», "one of": one is never a count of sections.
            found += [
                (line, m.group(1))
                for m in pattern.finditer(text.replace(MASK, " "))
                if _value(m.group(1)) > 1
            ]
    return found


def check(project: Project) -> list[Problem]:
    problems = []
    for page in sorted(project.pages.values(), key=lambda p: p.path):
        sections = numbered(page)
        if len(sections) < 2:
            continue
        for line, word in counted(page):
            if _value(word) != len(sections):
                message = f"the text says {word} ({_value(word)}), but the page has {len(sections)} numbered sections (the last: {sections[-1].source})"
                fix = f"write {_word(len(sections), word)} instead of {word}"
                problems.append(Problem(page.path, line, message, fix))
    return problems
