"""The causes checklist (data/checklist.yml, when the project has one) agrees with the pages:
every cause id is an id of the URL contract's checklist page and a section of the pages the
checklist links to, in every language (the headings of those sections are the checklist's cause
and fix titles: the build reads them there); a page that shows the checklist (the marker line)
needs the data file."""

from __future__ import annotations

from typing import Any

from guide_tools.checks.markdown import Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project
from wallet_guide.checklist.render import ANCHOR_PREFIX, MARKER
from wallet_guide.data.url_contract import CHECKLIST_PAGE

# Each cause links to its section on these pages (its cause, and the step that fixes it).
LINKED_PAGES = ("causes.md", "solutions.md")


def has_marker(page: Page) -> bool:
    return any(comment.strip() == MARKER for _, comment in page.comments)


def marker_line(page: Page) -> int:
    return next(line for line, comment in page.comments if comment.strip() == MARKER)


def causes(project: Project) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) of every cause in data/checklist.yml; [] when there is no checklist."""
    data = project.checklist.data if project.checklist else None
    entries = data.get("causes") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        return []
    return [(i, e) for i, e in enumerate(entries) if isinstance(e, dict) and isinstance(e.get("id"), str)]


def cause_ids(project: Project) -> list[str]:
    return [entry["id"] for _, entry in causes(project)]


def ids_shown_on(project: Project, page: Page) -> set[str]:
    """The ids a page has once built: its own, plus the checklist's if it shows the checklist
    (the cause ids themselves on the checklist page, prefixed elsewhere: on /causes/ the cause
    ids are the headings')."""
    if not has_marker(page):
        return set(page.ids)
    prefix = "" if page.name == CHECKLIST_PAGE else ANCHOR_PREFIX
    return set(page.ids) | {prefix + cause for cause in cause_ids(project)}


def counterpart_id(project: Project, page: Page, index: int) -> str | None:
    """The id that heading ``index`` of ``page`` has in another language, if it has one."""
    for language in project.languages:
        other = project.pages.get((language.code, page.name))
        if other is not None and other is not page and index < len(other.headings):
            counterpart = other.headings[index]
            if counterpart.id and counterpart.level == page.headings[index].level:
                return counterpart.id
    return None


def pending_ids(project: Project, page: Page) -> set[str]:
    """The ids that headings without an explicit id will take: the id of the same heading in
    another language. structure.check_ids asks for each one on its heading, so the links, the
    checklist and the contract do not report them missing a second time."""
    return {
        found
        for index, heading in enumerate(page.headings)
        if heading.id is None and (found := counterpart_id(project, page, index))
    }


def _source_of(project: Project, page: Page) -> Page | None:
    """The page ``page`` translates; None for a page of the source language."""
    if page.lang == project.default_language:
        return None
    return project.pages.get((project.default_language, page.name))


def renamed_ids(project: Project, page: Page) -> set[str]:
    """Heading ids that another rule asks to change back, so no rule offers them as a fix: a
    translation's ids its source does not have (the heading comparison asks for the source's),
    and ids that took the place of one the URL contract publishes (the contract rule asks for it)."""
    source = _source_of(project, page)
    renamed = {h.id for h in page.headings if h.id} - {h.id for h in source.headings} if source else set()
    entry = project.url_contract.page_of(page.name)
    h2 = [h.id for h in page.headings if h.level == 2]
    for position, published in enumerate(entry.ids if entry is not None else ()):
        if published not in page.ids and position < len(h2) and h2[position] not in entry.ids:  # type: ignore[union-attr]  # entry is set here
            renamed.add(h2[position] or "")
    return renamed - {""}


def promised_ids(project: Project, page: Page) -> set[str]:
    """The ids the page has once the root problems reported elsewhere are fixed: its own and the
    checklist's, those its headings without an id take, its source's heading ids (a translation
    has the same sections) and those the URL contract publishes for it. A link, a checklist
    entry or a vocabulary entry to one of them is not a second mistake."""
    source = _source_of(project, page)
    entry = project.url_contract.page_of(page.name)
    return (
        ids_shown_on(project, page)
        | pending_ids(project, page)
        | ({h.id for h in source.headings if h.id} if source else set())
        | (set(entry.ids) if entry is not None and not entry.planned else set())
    )


def _contract_ids(project: Project) -> tuple[list[str], int] | None:
    page = project.url_contract.page_of(CHECKLIST_PAGE)
    return (list(page.ids), page.line) if page else None


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    checklist_file, contract_file = project.data.checklist, project.data.contract  # as mkdocs.yml names them
    if project.checklist is None:
        if (project.root / checklist_file).exists():
            return problems  # it is there but cannot be read: project.read_yaml names the line
        for page in sorted(project.pages.values(), key=lambda p: p.path):
            if has_marker(page):
                problems.append(
                    Problem(
                        page.path,
                        marker_line(page),
                        f"the page shows the checklist, but {checklist_file} is missing",
                        f"restore {checklist_file}, or remove the line {MARKER}",
                    )
                )
        return problems
    contract = _contract_ids(project)
    for index, entry in causes(project):
        cause = entry["id"]
        in_causes = ("causes",) if isinstance(project.checklist.data, dict) else ()  # or a bare list
        line = project.checklist.line(*in_causes, index, "id")
        if contract is not None and cause not in contract[0]:
            problems.append(
                Problem(
                    checklist_file,
                    line,
                    f"checklist id '{cause}' is not an id of /checklist/ in the URL contract ({contract_file}:{contract[1]})",
                    f"use one of {', '.join(contract[0])}, or add the new cause to the contract and the pages first",
                )
            )
        lacking = [
            project.page_path(language.code, name)
            for name in LINKED_PAGES
            for language in project.languages
            if (linked := project.pages.get((language.code, name))) is not None
            and cause not in promised_ids(project, linked)
        ]
        if lacking:
            problems.append(
                Problem(
                    checklist_file,
                    line,
                    f"checklist id '{cause}' has no section {{#{cause}}} on {', '.join(lacking)}",
                    "a checklist entry links to its cause and its fix and shows their headings as its "
                    "titles: use the id of an existing cause, "
                    f"or add the section with {{#{cause}}} to {' and '.join(LINKED_PAGES)} in every language",
                )
            )
    return problems
