"""All the checks, in one call: the sources, then (optionally) the built site."""

from __future__ import annotations

from pathlib import Path

from guide_tools.checks import (
    causes,
    checklist_rules,
    contract_rules,
    conversion,
    counts,
    front_matter,
    glossary,
    links,
    regional_words,
    seed,
    structure,
    tables,
    translations,
    typography_rules,
    vocabulary,
)
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project, load_project
from guide_tools.checks.site import Site


def check_sources(project: Project) -> list[Problem]:
    return [
        *project.problems,
        *structure.check(project),
        *front_matter.check(project),
        *links.check_sources(project),
        *contract_rules.check_sources(project),
        *checklist_rules.check(project),
        *causes.check(project),
        *counts.check(project),
        *glossary.check(project),
        *tables.check(project),
        *typography_rules.check(project),
        *seed.check(project),
        *translations.check(project),
        *vocabulary.check(project),
        *conversion.check(project),
        *regional_words.check(project),
    ]


def check_site(project: Project, site: Site) -> list[Problem]:
    return [*links.check_site(project, site), *contract_rules.check_site(project, site)]


def ordered(problems: list[Problem]) -> list[Problem]:
    """Each problem once, by file and line (rules keep their order within a line)."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.path, p.line))


def check(root: Path) -> list[Problem]:
    """The sources' problems (the built site's: commands.check with ``build``)."""
    return ordered(check_sources(load_project(root)))
