"""A page that mkdocs.yml keeps out of the nav on purpose (not_in_nav) is not reported."""

from __future__ import annotations

from guide_tools.checks.project import load_project
from guide_tools.checks.structure import check_nav
from tests.checks import golden


def test_not_in_nav_is_honoured(tmp_path):
    root = golden.project("page-not-in-nav", tmp_path)
    assert [p.message for p in check_nav(load_project(root))] == ["the page is not in the nav"]
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8") + "not_in_nav: |\n  support.md\n", encoding="utf-8")
    assert check_nav(load_project(root)) == []
