"""What every check returns: one record per problem, pointing at a file and line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes: "docs/en/causes.md"
    line: int  # 1-based; 1 when the problem is about the whole file
    message: str  # what is wrong, in the reader's terms
    fix: str  # how to fix it, as one instruction
    severity: Severity = "error"


def missing_file(path: str) -> Problem:
    return Problem(path, 1, "file is missing", f"restore {path} from the main branch")
