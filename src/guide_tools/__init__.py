"""The guide's chores behind `scripts/guide.py` (its one command line, `cli.py`): the strict build
(`build.py`), benchmarks (`bench.py`, `scale.py`), the search comparison, screenshots,
Lighthouse, and the local web server and browser the tests use too. Importable by the tests,
which never import from scripts/."""

from __future__ import annotations

from pathlib import Path

# The checkout: `make install` installs this package in editable mode, from its src/.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
