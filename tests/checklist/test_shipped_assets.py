"""checklist.js and checklist.css, which every page loads, ship without their comment lines (the
source keeps them): the published script still parses, and both keep every line of code."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wallet_guide.assets import without_comments

SOURCE = Path(__file__).resolve().parents[2] / "src" / "wallet_guide" / "checklist" / "assets"


@pytest.mark.parametrize("name", ["checklist.js", "checklist.css"])
def test_the_published_asset_is_its_source_without_its_comment_lines(site, name):
    source = (SOURCE / name).read_text(encoding="utf-8")
    shipped = (site / "assets" / "wallet-guide" / name).read_text(encoding="utf-8")
    assert shipped == without_comments(source)
    assert len(shipped) < len(source) * 0.9, "the comments are gone"
    code = [
        line
        for line in source.splitlines()
        if line.strip() and not line.lstrip().startswith(("//", "/*", "*"))
    ]
    assert all(line in shipped for line in code), "no line of code is lost"


def test_the_published_script_parses(site):
    node = shutil.which("node")
    assert node, "node not found: run `make node_modules/.installed` (Node.js is a system package here)"
    result = subprocess.run(
        [node, "--check", str(site / "assets" / "wallet-guide" / "checklist.js")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
