"""The Nu HTML Checker (vnu) finds no error in any page of the built site."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")

pytestmark = pytest.mark.audit


def test_every_page_is_valid_html(site):
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.fail(
            "vnu needs node_modules (run `make test`, which runs `npm ci`) and Java (`make system-packages`)",
            pytrace=False,
        )
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *pages],
        capture_output=True,
        text=True,
    )
    errors = [line.replace(f"file:{site}/", "") for line in result.stderr.splitlines() if line.strip()]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0
