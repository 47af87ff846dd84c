"""The checker's golden fixtures: `fixtures/_base/` is a two-page copy of the guide (zh and en,
its data files), and each other folder of fixtures/ holds only what its defect changes: the files
that differ from the base (whole files, over it), and in `_removed.txt` the base files it lacks,
one path a line. `project(name, into)` assembles one into a folder; "valid" is the base itself.
The guide's own templates are linked as overrides/, unless the fixture has its own.

Reproduce one: `.venv/bin/python -m tests.checks.golden <name> /tmp/fixture`, then
`scripts/guide.py check --root /tmp/fixture/<name>` (add `--build` to build it too).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "_base"
VALID = "valid"
REMOVED = "_removed.txt"
ROOT = Path(__file__).resolve().parents[2]


def names() -> set[str]:
    """Every fixture: the defect folders and the valid base."""
    return {p.name for p in FIXTURES.iterdir() if p.is_dir() and p != BASE} | {VALID}


def project(name: str, into: Path) -> Path:
    """The fixture ``name`` as a project in ``into/name`` (which must not exist); returns it."""
    root = into / name
    shutil.copytree(BASE, root)  # data/schemas, a link into the guide's data/, is copied whole
    if name != VALID:
        overlay = FIXTURES / name
        if not overlay.is_dir():
            raise FileNotFoundError(f"no fixture {name!r} in {FIXTURES}")
        shutil.copytree(overlay, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns(REMOVED))
        removed = overlay / REMOVED
        if removed.is_file():
            for line in removed.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    (root / line.strip()).unlink()
    if not (root / "overrides").exists():
        (root / "overrides").symlink_to(ROOT / "overrides")
    return root


if __name__ == "__main__":
    name, into = sys.argv[1], Path(sys.argv[2])
    print(project(name, into))
