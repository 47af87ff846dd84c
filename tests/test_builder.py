"""The session's site is built by the builder $MKDOCS names (`make build-properdocs` runs the
build tests with ProperDocs), not silently by MkDocs: each writes its name into every page."""

from __future__ import annotations

import os

from guide_tools.build import BUILDER_VARIABLE


def test_the_site_is_built_by_the_chosen_builder(site):
    generator = next(
        line.strip()
        for line in (site / "index.html").read_text(encoding="utf-8").splitlines()
        if 'name="generator"' in line
    )
    if "properdocs" in os.environ.get(BUILDER_VARIABLE, ""):
        assert "ProperDocs 1.6.7" in generator
    else:
        assert 'content="mkdocs-1.6.1,' in generator
