"""Every page exists in every language and is in the nav; both languages have the same headings,
in the same order, with the same explicit ids."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from guide_tools.checks.checklist_rules import counterpart_id, renamed_ids
from guide_tools.checks.markdown import Heading, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import MKDOCS_FILE, Project
from guide_tools.checks.translations import UPDATE_COMMAND

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check(project: Project) -> list[Problem]:
    return [
        *check_pairs(project),
        *check_nav(project),
        *check_ids(project),
        *check_heading_parity(project),
    ]


def check_pairs(project: Project) -> list[Problem]:
    """Every source page has its translation in each language, and every translation its source."""
    source = project.default_language
    problems = []
    for language in [lang for lang in project.languages if lang.code != source]:
        for name in _only_in(project, source, language.code):
            zh, missing = project.page_path(source, name), project.page_path(language.code, name)
            message = f"no {language.name} translation: {missing} is missing"
            fix = (
                f"restore {missing} if it was deleted, or copy {zh} to {missing}, translate it, then run "
                f"`{UPDATE_COMMAND.format(page=missing)}`"
            )
            problems.append(Problem(zh, 1, message, fix))
        for name in _only_in(project, language.code, source):
            path, missing = project.page_path(language.code, name), project.page_path(source, name)
            fix = f"a translation needs its source: add {missing} first, or give this file the name of the page it translates"
            problems.append(Problem(path, 1, f"no source page: {missing} is missing", fix))
    return problems


def _only_in(project: Project, lang: str, other: str) -> list[str]:
    """The pages of ``lang`` that ``other`` lacks."""
    return [name for name in project.names(lang) if (other, name) not in project.pages]


def check_nav(project: Project) -> list[Problem]:
    if project.nav is None:  # no nav in mkdocs.yml: MkDocs lists every page itself
        return []
    source = project.default_language
    listed = {name for name, _ in project.nav}
    # Pages that mkdocs.yml keeps out of the nav on purpose (not_in_nav, gitignore patterns
    # matched against the path inside docs/, as MkDocs does): built and checked, not listed.
    spec = project.config.not_in_nav if project.config else None
    if spec is not None:
        listed |= {name for name in project.names(source) if spec.match_file(f"{source}/{name}")}
    nav_line = project.mkdocs_line("nav:")
    problems = [
        Problem(
            project.page_path(source, name),
            1,
            "the page is not in the nav",
            f"list it in the nav: add `- {name}` under `nav:` at {MKDOCS_FILE}:{nav_line}, where readers should find it",
        )
        for name in project.names(source)
        if name not in listed
    ]
    problems += [
        Problem(
            MKDOCS_FILE,
            line,
            f"the nav lists {name}, but {project.page_path(source, name)} does not exist",
            "create the page, or remove this line from the nav",
        )
        for name, line in project.nav
        if (source, name) not in project.pages
    ]
    return problems


def check_ids(project: Project) -> list[Problem]:
    problems = []
    for page in project.pages.values():
        seen: dict[str, int] = {}
        for index, heading in enumerate(page.headings):
            if heading.id is None:
                suggestion = counterpart_id(project, page, index)
                example = f"{{#{suggestion}}}" if suggestion else "{#short-english-id}"
                message = f"heading has no explicit id: {heading.source}"
                fix = f"end the line with {example}, the same id in every language: an automatic id drops the Chinese and breaks links"
                problems.append(Problem(page.path, heading.line, message, fix))
                continue
            if not ID_PATTERN.match(heading.id):
                message = f"id #{heading.id} is not lower-case words joined by hyphens"
                fix = "use an id like {#institution-delay} (a-z, 0-9 and -), the same in every language"
                problems.append(Problem(page.path, heading.line, message, fix))
            if heading.id in seen:
                message = f"id #{heading.id} is already used on line {seen[heading.id]}"
                fix = "give every heading of a page its own id"
                problems.append(Problem(page.path, heading.line, message, fix))
            seen.setdefault(heading.id, heading.line)
    return problems


def _describe(heading: Heading) -> str:
    return f"{'#' * heading.level} {{#{heading.id}}}" if heading.id else heading.source


def _key(heading: Heading) -> tuple[int, str | None]:
    return heading.level, heading.id


def _without_automatic_ids(ours: list[Heading], theirs: list[Heading]) -> tuple[list[Heading], list[Heading]]:
    """A heading without an id takes the id of its counterpart at the same place: check_ids
    reports it (with that id as the fix), so the comparison does not report it again."""
    ours, theirs = list(ours), list(theirs)
    # The two pages may have different numbers of headings: compare the places both have.
    for i, (mine, other) in enumerate(zip(ours, theirs, strict=False)):
        if mine.level == other.level and (mine.id is None) != (other.id is None):
            ours[i] = Heading(mine.level, mine.text, mine.id or other.id, mine.line, mine.source)
            theirs[i] = Heading(other.level, other.text, other.id or mine.id, other.line, other.source)
    return ours, theirs


def _section_number(headings: list[Heading], key: tuple[int, str | None]) -> int:
    """The place of a section among the page's sections (the page title is not one)."""
    return [_key(h) for h in headings if h.level > 1].index(key) + 1


def compare_headings(source: Page, translation: Page, renamed: set[str] = frozenset()) -> list[Problem]:  # type: ignore[assignment]
    """The translation's headings against the source's: same levels, ids and order. ``renamed``:
    the source's ids that another rule asks to change back (the URL contract's)."""
    ours, theirs = _without_automatic_ids(translation.headings, source.headings)
    if [_key(h) for h in ours] == [_key(h) for h in theirs]:
        return []
    if sorted(map(_key, ours), key=str) == sorted(map(_key, theirs), key=str):
        # The same headings, in another order.
        return [
            Problem(
                translation.path,
                mine.line,
                f"heading {_describe(mine)} is section {_section_number(ours, _key(mine))} here but section "
                f"{_section_number(theirs, _key(mine))} in {source.path}",
                f"put the sections in the order of {source.path}",
            )
            for mine, other in zip(ours, theirs, strict=True)  # same headings, same count
            if _key(mine) != _key(other)
        ]
    problems = []
    matcher = SequenceMatcher(a=[_key(h) for h in theirs], b=[_key(h) for h in ours], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a2 - a1 == b2 - b1:
            for other, mine in zip(theirs[a1:a2], ours[b1:b2], strict=True):
                if other.id in renamed:
                    continue  # the source's heading is the mistake, and its rule names it
                if mine.level == other.level:
                    message = f"heading id #{mine.id} is not the source's: {source.path}:{other.line} has {{#{other.id}}}"
                    fix = (
                        f"end this heading with {{#{other.id}}}: a section has the same id in every language"
                    )
                    problems.append(Problem(translation.path, mine.line, message, fix))
                else:
                    message = f"heading {_describe(mine)} does not match {source.path}:{other.line}, which is {_describe(other)}"
                    fix = f"use the source's level and id: {_describe(other)}"
                    problems.append(Problem(translation.path, mine.line, message, fix))
            continue
        for mine in ours[b1:b2]:
            message = f"heading {_describe(mine)} is not in {source.path}"
            fix = "remove it, or add the section to the source page first"
            problems.append(Problem(translation.path, mine.line, message, fix))
        for other in theirs[a1:a2]:
            line = ours[b1].line if b1 < len(ours) else len(translation.lines)
            message = f"missing the heading {_describe(other)} of {source.path}:{other.line} ({other.text})"
            fix = (
                f"translate that section here, with the heading id {{#{other.id}}}"
                if other.id
                else "translate that section here"
            )
            problems.append(Problem(translation.path, line, message, fix))
    return problems


def check_heading_parity(project: Project) -> list[Problem]:
    source = project.default_language
    problems = []
    for (lang, name), page in sorted(project.pages.items()):
        if lang != source and (source, name) in project.pages:
            source_page = project.pages[(source, name)]
            problems += compare_headings(source_page, page, renamed_ids(project, source_page))
    return problems
