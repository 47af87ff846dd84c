"""The one way the guide's tools run a strict build (`make check`, the tests, `make bench`,
`make search-eval`, `make screenshots`).

The builder is MkDocs of this Python by default; the environment variable MKDOCS names another
executable with the same command line, e.g. ProperDocs (`make build-properdocs` sets
MKDOCS=.venv-properdocs/bin/properdocs)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from guide_tools import PROJECT_ROOT

BUILDER_VARIABLE = "MKDOCS"


@dataclass(frozen=True)
class BuildRun:
    site_dir: Path
    returncode: int
    log: str  # stdout and stderr: WARNING and ERROR lines, "Documentation built in …"
    seconds: float  # wall clock, as a developer waits

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def reported_seconds(self) -> float | None:
        """The builder's own figure ("Documentation built in 1.23 seconds")."""
        for line in self.log.splitlines():
            if "Documentation built in" in line:
                return float(line.split("built in")[1].split()[0])
        return None


def builder() -> list[str]:
    """The command that builds: $MKDOCS, else this Python's `mkdocs`."""
    configured = shlex.split(os.environ.get(BUILDER_VARIABLE, ""))
    if not configured:
        return [sys.executable, "-m", "mkdocs"]
    program = configured[0]
    # A relative path is the caller's (`MKDOCS=.venv-properdocs/bin/properdocs`), whatever
    # folder the build then runs in.
    if os.sep in program and not os.path.isabs(program):
        program = os.path.abspath(program)
    return [program, *configured[1:]]


def strict_build(
    site_dir: Path,
    *,
    config: Path | None = None,
    cwd: Path | None = None,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
) -> BuildRun:
    """``mkdocs build --strict --clean`` into ``site_dir``. Not --quiet: it silences warnings
    before strict mode can count them. ``site_url`` is the address it is served at (SITE_URL),
    ``cwd`` the project (default: ``config``'s folder, else this checkout)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if site_url is not None:
        environment["SITE_URL"] = site_url
    where = cwd or (config.parent if config is not None else PROJECT_ROOT)
    # The config file named, not found: ProperDocs looks for properdocs.yml first.
    config_file = config if config is not None else where / "mkdocs.yml"
    command = [*builder(), "build", "--strict", "--clean", "-d", str(site_dir), "-f", str(config_file)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=where, env=environment, capture_output=True, text=True)
    return BuildRun(
        Path(site_dir), result.returncode, result.stdout + result.stderr, time.perf_counter() - started
    )
