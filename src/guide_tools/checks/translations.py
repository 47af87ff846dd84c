"""Stale translations. Each translated page records the version of its source it translates
(``source_hash``, see wallet_guide.translations.status). A page whose source changed since is
stale; git's history of the source finds the recorded version, so the translator sees exactly
what changed (as Kubernetes' lsync.sh does): ``git diff <that commit> -- docs/zh/<page>``."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project
from wallet_guide.translations.status import HASH_KEY, recorded_hash, source_hash, with_hash

State = Literal["up to date", "stale", "missing", "untracked", "unreadable"]
# The one command translators are told to run (Makefile; CONTRIBUTING.md and .zh.md say the same).
UPDATE_COMMAND = "make update-translation PAGE={page}"


@dataclass(frozen=True)
class Status:
    page: str  # the translation: "docs/en/causes.md"
    source: str  # its source: "docs/zh/causes.md"
    state: State
    recorded: str | None = None  # the source version the page translates
    current: str | None = None  # the source as it is now
    line: int = 1  # the source_hash line


def statuses(project: Project) -> list[Status]:
    """One status per translation a source page should have, in page order."""
    source = project.default_language
    result = []
    for name in project.names(source):
        source_path = project.page_path(source, name)
        current = source_hash((project.root / source_path).read_bytes())
        for language in project.languages:
            if language.code == source:
                continue
            path = project.page_path(language.code, name)
            page = project.pages.get((language.code, name))
            if page is None:
                result.append(Status(path, source_path, "missing", current=current))
                continue
            recorded = recorded_hash(page.meta)
            state: State = (
                "unreadable"
                if page.meta_error  # front_matter.check says what is wrong
                else "untracked"
                if recorded is None
                else "up to date"
                if recorded == current
                else "stale"
            )
            result.append(
                Status(path, source_path, state, recorded, current, page.meta_lines.get(HASH_KEY, 1))
            )
    return result


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None


def find_source_commit(root: Path, source: str, recorded: str) -> str | None:
    """The newest commit in which ``source`` (a path relative to ``root``) hashes to ``recorded``."""
    log = _git(root, "log", "--format=%H", "--", source)
    if log is None or log.returncode:
        return None
    for commit in log.stdout.decode().split():
        shown = _git(root, "show", f"{commit}:./{source}")
        if shown is not None and not shown.returncode and source_hash(shown.stdout) == recorded:
            return commit
    return None


def diff_command(commit: str, source: str) -> str:
    return f"git diff {commit[:12]} -- {source}"


def source_diff(root: Path, commit: str, source: str) -> str:
    result = _git(root, "diff", commit, "--", source)
    return result.stdout.decode("utf-8", "replace") if result is not None else ""


def stale_fix(project: Project, status: Status) -> str:
    update = UPDATE_COMMAND.format(page=status.page)
    commit = find_source_commit(project.root, status.source, status.recorded or "")
    if commit:
        return f"see what changed: `{diff_command(commit, status.source)}`; translate it, then run `{update}`"
    return (
        f"no commit of {status.source} has the hash {status.recorded}: compare the two pages by hand, "
        f"`git log -p -- {status.source}` lists its changes; once this page matches, run `{update}`"
    )


def check(project: Project) -> list[Problem]:
    problems = []
    for status in statuses(project):
        if status.state == "stale":
            message = f"stale translation: {status.source} changed after the version this page translates ({HASH_KEY} {status.recorded}, now {status.current})"
            problems.append(Problem(status.page, status.line, message, stale_fix(project, status)))
        elif status.state == "untracked":
            message = f"no {HASH_KEY}: which version of {status.source} this page translates is unknown"
            fix = f"once this page matches {status.source}, run `{UPDATE_COMMAND.format(page=status.page)}`"
            problems.append(Problem(status.page, 1, message, fix))
    return problems


def _key(project: Project, path: str) -> tuple[str, str]:
    return next(key for key, page in project.pages.items() if page.path == path)


def update(project: Project, page: str) -> tuple[str | None, str]:
    """Record the current source version in ``page`` (a translation's path); return the old and
    new hashes. Only the source_hash line of the file changes."""
    status = next((s for s in statuses(project) if s.page == page), None)
    if status is None or status.state == "missing":
        names = ", ".join(s.page for s in statuses(project) if s.state != "missing")
        raise ValueError(f"{page} is not a translated page of this project (they are: {names})")
    if status.state == "unreadable":
        broken = project.pages[_key(project, page)].meta_error
        assert broken is not None  # what "unreadable" means
        line, message, fix = broken
        raise ValueError(
            f"cannot update {page}: its front matter is broken, {page}:{line}: {message} ({fix})"
        )
    file = project.root / page
    text = file.read_bytes().decode("utf-8")
    file.write_bytes(with_hash(text, status.current or "").encode("utf-8"))
    return status.recorded, status.current or ""
