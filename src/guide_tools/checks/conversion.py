"""The generated languages' overrides (data/conversion/<lang>.yml) still apply to the source: an
override whose Simplified phrase no longer occurs in the source language's texts (its pages, and
the interface texts in mkdocs.yml and data/) does nothing, and hides that the wording changed."""

from __future__ import annotations

import re
from pathlib import Path

from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project, load_project
from wallet_guide.conversion.regions import RegionError

# How wallet_guide.conversion.regions names a mistake: "path:line: what (fix)".
_LOCATION = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<rest>.*) \((?P<fix>[^()]*)\)$", re.S)


def check_root(root: Path) -> list[Problem]:
    return check(load_project(root))


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for name, region in project.regions.items():
        if isinstance(region, RegionError):
            match = _LOCATION.match(str(region))
            line, message, fix = (
                (int(match["line"]), match["rest"], match["fix"]) if match else (1, str(region), "")
            )
            problems.append(Problem(name, line, message, fix))
            continue
        text = "\n".join(project.source_texts(region.source).values())
        where = ", ".join([f"{project.docs_dir}/{region.source}/", *project.text_files(region.source)])
        problems += [
            Problem(
                name,
                override.line,
                f"override {override.simplified} → {override.regional}: «{override.simplified}» no longer "
                f"occurs in the {region.source} source ({where})",
                f"remove this entry, or key it by the {region.source} wording that replaced «{override.simplified}»",
            )
            for override in region.overrides
            if override.simplified not in text
        ]
    return problems


def status_lines(project: Project) -> list[str]:
    """`make translation-status`'s word on the generated languages: they cannot go stale."""
    lines = []
    for language in project.generated:
        path = f"{project.data.conversion_dir}/{language.code}.yml"
        region = project.regions.get(path)
        source = region.source if region is not None and not isinstance(region, RegionError) else "its source"
        lines.append(
            f"{language.code} ({language.name}): generated from {source} at every build "
            f"({path}); never stale, no source_hash to update"
        )
    return lines
