#!/usr/bin/env python3
"""The guide's one command line: `scripts/guide.py --help` lists its commands (check, fix,
translation-status, bench, search-eval, audit, screenshots, …), which the Makefile calls.
The commands live in src/guide_tools/ (cli.py); this file only starts them.

Run it through make, or directly (`scripts/guide.py check`): it then runs itself with the
project's Python, .venv/bin/python, which `make install` creates.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

try:
    from guide_tools.cli import PROG, app
except ModuleNotFoundError:
    VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
    if VENV_PYTHON.exists() and Path(sys.executable) != VENV_PYTHON:
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), *sys.argv])
    sys.exit("scripts/guide.py needs the guide's packages: run `make install` first")

if __name__ == "__main__":
    app(prog_name=PROG)
