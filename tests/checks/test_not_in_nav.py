"""A page that mkdocs.yml keeps out of the nav on purpose (not_in_nav) is not reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from wallet_guide.checks.project import load_project
from wallet_guide.checks.structure import check_nav

FIXTURE = Path(__file__).parent / "fixtures" / "page-not-in-nav"


def test_not_in_nav_is_honoured(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    assert [p.message for p in check_nav(load_project(root))] == ["the page is not in the nav"]
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8") + "not_in_nav: |\n  support.md\n", encoding="utf-8")
    assert check_nav(load_project(root)) == []
