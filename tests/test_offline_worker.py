"""The offline plugin's promise to the service worker, read from the built sw.js (no browser:
tests/browser/test_offline.py drives a reader offline)."""

from __future__ import annotations

from tests.generated import HTML_LANG
from tests.languages import ROOTS, interface_texts
from wallet_guide.settings import published_settings


def test_the_worker_saves_each_languages_checklist_in_its_folder(site):
    """What the plugin promises: every language's root and its notice, the checklist saved per
    root, so that the generated languages' root is matched before zh's ("")."""
    settings = published_settings((site / "sw.js").read_text(encoding="utf-8"))
    assert settings["pages"] == ["checklist/", "solutions/", "support/"]
    roots = list(settings["languages"])
    assert sorted(roots) == sorted(ROOTS.values())
    assert roots == sorted(roots, key=len, reverse=True), "a longer root must be matched first"
    for code, root in ROOTS.items():
        assert settings["languages"][root] == {**interface_texts(code)["offline"], "lang": HTML_LANG[code]}
