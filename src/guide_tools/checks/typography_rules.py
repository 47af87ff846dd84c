"""Chinese typography (rules in wallet_guide.typography): full-width ，：；？！（）next to Chinese
text, and exactly one space between Chinese and Latin letters or digits. Checked in the pages,
the checklist's texts (data/checklist.yml) and the interface texts (data/interface/). These
problems can be fixed automatically: ``scripts/guide.py fix`` (`make fix`)."""

from __future__ import annotations

import re
from pathlib import Path

from guide_tools.checks.markdown import MASK
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project
from wallet_guide.typography import (
    DOUBLED_SPACE_RULE,
    HALF_WIDTH,
    MISSING_SPACE_RULE,
    Issue,
    apply_issues,
    find_issues,
)

CONTEXT = 2  # characters of the line shown on each side of the problem
YAML_KEY = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s*")
PLACEHOLDER = re.compile(r"\{\w+\}")


def _window(line: str, issue: Issue) -> tuple[int, int]:
    """The part of the line quoted around an issue: CONTEXT characters each side, widened so
    that a Latin word is quoted whole ("公共WiFi下", not "公共Wi")."""
    start, end = max(0, issue.start - CONTEXT), min(len(line), issue.end + CONTEXT)
    while start > 0 and line[start - 1].isascii() and line[start - 1].isalnum():
        start -= 1
    while end < len(line) and line[end].isascii() and line[end].isalnum():
        end += 1
    return start, end


def describe(line: str, issues: list[Issue]) -> tuple[str, str]:
    """The message and the fix for issues of one rule next to each other, quoting the line
    around them: a word with no space on either side is one mistake."""
    start, end = _window(line, issues[0])[0], _window(line, issues[-1])[1]
    found = line[start:end]
    shifted = [Issue(i.rule, i.start - start, i.end - start, i.replacement) for i in issues]
    fixed = apply_issues(found, shifted)
    issue = issues[0]
    if issue.rule == HALF_WIDTH:
        message = f'half-width "{line[issue.start]}" in Chinese text: "{found}"'
    elif issue.rule == MISSING_SPACE_RULE:
        message = f'no space between Chinese and Latin text: "{found}"'
    elif issue.rule == DOUBLED_SPACE_RULE:
        message = f'{issue.end - issue.start} spaces between Chinese and Latin text: "{found}"'
    else:  # pragma: no cover - every rule of find_issues is named above
        message = f'typography: "{found}"'
    return message, f'write "{fixed}"'


def grouped(line: str, issues: list[Issue]) -> list[list[Issue]]:
    """The issues of one line; the spaces missing (or doubled) on both sides of one Latin word
    together."""
    groups: list[list[Issue]] = []
    for issue in issues:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.rule == issue.rule != HALF_WIDTH
            and _window(line, last)[1] > _window(line, issue)[0]
        ):
            groups[-1].append(issue)
        else:
            groups.append([issue])
    return groups


def yaml_prose(lines: list[str]) -> list[tuple[int, str]]:
    """The text values of a YAML file, masked like page prose: keys, comments and {placeholders}
    are not text."""
    prose = []
    for number, line in enumerate(lines, 1):
        key = YAML_KEY.match(line)
        if line.lstrip().startswith("#") or not key:
            continue
        chars = list(line)
        for start, end in [(0, key.end()), *(m.span() for m in PLACEHOLDER.finditer(line))]:
            chars[start:end] = MASK * (end - start)
        prose.append((number, "".join(chars)))
    return prose


def documents(project: Project) -> list[tuple[str, list[str], list[tuple[int, str]]]]:
    """(path, lines, prose) of every file whose text is checked."""
    found = [
        (page.path, page.lines, page.prose) for page in sorted(project.pages.values(), key=lambda p: p.path)
    ]
    checklist = project.root / project.data.checklist
    if project.checklist is not None and checklist.exists():
        lines = checklist.read_text(encoding="utf-8").splitlines()
        found.append((project.data.checklist, lines, yaml_prose(lines)))
    for file in project.interface.values():  # data/interface/<code>.yml: the interface texts
        lines = (project.root / file.path).read_text(encoding="utf-8").splitlines()
        found.append((file.path, lines, yaml_prose(lines)))
    return found


def issues_of(prose: list[tuple[int, str]]) -> dict[int, list[Issue]]:
    """The issues of each line that has some."""
    return {line: issues for line, text in prose if (issues := find_issues(text))}


def check(project: Project) -> list[Problem]:
    problems = []
    for path, lines, prose in documents(project):
        for line, issues in issues_of(prose).items():
            for group in grouped(lines[line - 1], issues):
                message, fix = describe(lines[line - 1], group)
                problems.append(Problem(path, line, message, fix))
    return problems


def fix_text(text: str, issues: dict[int, list[Issue]]) -> str:
    """``text`` (a whole file) with the issues fixed; line endings are kept."""
    lines = text.splitlines(keepends=True)
    for line, found in issues.items():
        content = lines[line - 1]
        body = content.rstrip("\r\n")
        lines[line - 1] = apply_issues(body, found) + content[len(body) :]
    return "".join(lines)


def fix(project: Project) -> list[str]:
    """Rewrite every file that has typography problems; return the paths rewritten."""
    rewritten = []
    for path, _, prose in documents(project):
        issues = issues_of(prose)
        if issues:
            file = Path(project.root) / path
            text = file.read_bytes().decode("utf-8")  # bytes: keep the file's line endings
            file.write_bytes(fix_text(text, issues).encode("utf-8"))
            rewritten.append(path)
    return rewritten
