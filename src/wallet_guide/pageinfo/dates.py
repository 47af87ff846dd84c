"""When each page was last changed, from git: one `git log` for the whole docs folder.

A fresh clone has the history it was cloned with: the deploy workflow fetches all of it
(fetch-depth: 0). In a shallow clone every page gets the date of the oldest commit fetched that
touched it, which is at worst too recent; without git (a source archive) no date is shown."""

from __future__ import annotations

import calendar
import subprocess
from datetime import UTC, datetime
from pathlib import Path

RECORD = "\x1e"  # starts each commit in the log's output


def last_changed(repo_dir: Path, folder: str) -> dict[str, datetime] | None:
    """Each file under ``folder`` (paths relative to ``repo_dir``) with the time of the last
    commit that changed it; None when ``repo_dir`` is not in a git work tree."""
    try:
        result = subprocess.run(
            ["git", "log", f"--format={RECORD}%cI", "--name-only", "--no-renames", "--", folder],
            cwd=repo_dir,
            capture_output=True,
            text=True,
            check=True,
        )
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"],
            cwd=repo_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return parse_log(result.stdout, prefix)


def is_shallow(repo_dir: Path) -> bool:
    result = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"], cwd=repo_dir, capture_output=True, text=True
    )
    return result.stdout.strip() == "true"


def parse_log(output: str, prefix: str = "") -> dict[str, datetime]:
    """The newest date of each path in `git log --format=<RECORD>%cI --name-only` output (newest
    commit first); paths are made relative to the directory git ran in (``prefix``)."""
    dates: dict[str, datetime] = {}
    for record in output.split(RECORD)[1:]:
        lines = [line.strip() for line in record.splitlines() if line.strip()]
        if not lines:
            continue
        when = datetime.fromisoformat(lines[0]).astimezone(UTC)
        for path in lines[1:]:
            if path.startswith(prefix):
                dates.setdefault(path[len(prefix) :], when)
    return dates


def format_date(when: datetime, pattern: str) -> str:
    """``pattern`` with {year}, {month}, {day} and {month_name} (English) filled in."""
    return pattern.format(
        year=when.year, month=when.month, day=when.day, month_name=calendar.month_name[when.month]
    )
