"""The generated languages' overrides (data/conversion/<lang>.yml) still apply to the source: an
override whose Simplified phrase no longer occurs in the source language's texts (its pages, and
the interface texts in mkdocs.yml and data/) does nothing, and hides that the wording changed."""

from __future__ import annotations

import re
from pathlib import Path

from guide_tools.checks.problem import Problem
from guide_tools.checks.project import CONVERSION_DIR, Project
from wallet_guide.conversion.regions import RegionError, load_region

# Besides the source's pages and interface texts (data/interface/<source>.yml), where its texts
# live that are converted too.
TEXT_FILES = ("mkdocs.yml", "data/checklist.yml", "data/reader-vocabulary.yml")
_LOCATION = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<rest>.*) \((?P<fix>[^()]*)\)$", re.S)


def source_text(root: Path, docs_dir: str, source: str) -> str:
    """Everything a generated language is converted from: the source's pages and text files."""
    pages = sorted((root / docs_dir / source).rglob("*.md"))
    files = [*pages, root / "data" / "interface" / f"{source}.yml", *(root / name for name in TEXT_FILES)]
    return "\n".join(path.read_text(encoding="utf-8") for path in files if path.is_file())


def check_root(root: Path, docs_dir: str = "docs") -> list[Problem]:
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for path in sorted((root / CONVERSION_DIR).glob("*.yml")):
        name = path.relative_to(root).as_posix()
        try:
            region = load_region(path)
        except RegionError as error:
            match = _LOCATION.match(str(error))
            line, message, fix = (
                (int(match["line"]), match["rest"], match["fix"]) if match else (1, str(error), "")
            )
            problems.append(Problem(name, line, message, fix))
            continue
        if region.source not in texts:
            texts[region.source] = source_text(root, docs_dir, region.source)
        for override in region.overrides:
            if override.simplified not in texts[region.source]:
                problems.append(
                    Problem(
                        name,
                        override.line,
                        f"override {override.simplified} → {override.regional}: «{override.simplified}» no longer "
                        f"occurs in the {region.source} source ({docs_dir}/{region.source}/, data/interface/{region.source}.yml, {', '.join(TEXT_FILES)})",
                        f"remove this entry, or key it by the {region.source} wording that replaced «{override.simplified}»",
                    )
                )
    return problems


def check(project: Project) -> list[Problem]:
    return check_root(project.root, project.docs_dir)


def status_lines(project: Project) -> list[str]:
    """`make translation-status`'s word on the generated languages: they cannot go stale."""
    lines = []
    for language in project.generated:
        path = f"{CONVERSION_DIR}/{language.code}.yml"
        try:
            source = load_region(project.root / path).source
        except RegionError:
            source = "its source"
        lines.append(
            f"{language.code} ({language.name}): generated from {source} at every build "
            f"({path}); never stale, no source_hash to update"
        )
    return lines
