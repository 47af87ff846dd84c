"""Every numbered cause on /causes/ and every numbered step on /solutions/ is published: its id
is in the URL contract's rows for the page (and, for a cause, the checklist page's) and the
causes checklist (data/checklist.yml, when the project has one) has an entry for it. A cause
added to the pages alone would build, but be missing from the checklist and the contract."""

from __future__ import annotations

import re

from guide_tools.checks import checklist_rules, contract_rules
from guide_tools.checks.markdown import Heading, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project
from wallet_guide.data.url_contract import ContractPage

CAUSES_PAGE, SOLUTIONS_PAGE = checklist_rules.LINKED_PAGES
NUMBERED = re.compile(r"^\d+\.\s")


def numbered(page: Page) -> list[Heading]:
    """The page's numbered sections (`## 7. 设备问题 {#device}`): its causes or its steps."""
    return [h for h in page.headings if h.level == 2 and NUMBERED.match(h.text)]


def _contract_rows(project: Project) -> dict[str, ContractPage]:
    return {entry.source: entry for entry in contract_rules.entries(project)}


def _checklist_entry_line(project: Project, cause: str) -> int | None:
    for index, entry in checklist_rules.causes(project):
        if entry["id"] == cause:
            return project.checklist.line("causes", index) if project.checklist else None
    return None


def check(project: Project) -> list[Problem]:
    source = project.default_language
    rows = _contract_rows(project)
    has_checklist = project.checklist is not None and bool(checklist_rules.causes(project))
    problems = []
    for name in (CAUSES_PAGE, SOLUTIONS_PAGE):
        page = project.pages.get((source, name))
        if page is None or name not in rows:
            continue
        headings = numbered(page)
        for position, heading in enumerate(headings):
            if heading.id is None:
                continue  # structure.check_ids asks for the id first
            ids = rows[name].ids
            if position < len(ids) and ids[position] not in page.ids:
                continue  # an id renamed: contract_rules.check_sources asks to keep the published one
            wanted = [rows[name]]
            if name == CAUSES_PAGE and checklist_rules.CHECKLIST_PAGE in rows:
                wanted.append(rows[checklist_rules.CHECKLIST_PAGE])  # a cause is also a box of the checklist
            lacking = [row for row in wanted if heading.id not in row.ids and not row.planned]
            fixes = [
                f"add {heading.id} to the ids of {row.path} at {project.data.contract}:{row.ids_line or row.line}"
                for row in lacking
            ]
            where = [f"the URL contract ({', '.join(row.path for row in lacking)})"] if lacking else []
            if name == CAUSES_PAGE and has_checklist and _checklist_entry_line(project, heading.id) is None:
                previous = headings[position - 1].id if position else None
                after = _checklist_entry_line(project, previous) if previous else None
                place = (
                    f"after the entry '{previous}' ({project.data.checklist}:{after})"
                    if after
                    else f"in {project.data.checklist}"
                )
                fixes.append(
                    f"add an entry `- id: {heading.id}` {place} with, for every language, symptom and summary"
                )
                where.append(f"the causes checklist ({project.data.checklist})")
            if not where:
                continue
            kind = "cause" if name == CAUSES_PAGE else "step"
            message = f"the {kind} {heading.source} is not in {' nor in '.join(where)}"
            fix = "; ".join(fixes) + " (CONTRIBUTING.md, 'Add a cause')"
            problems.append(Problem(page.path, heading.line, message, fix))
    return problems
