"""`make bench`'s per-language figures cover every language of mkdocs.yml, read from the build."""

from __future__ import annotations

import pytest

from guide_tools.bench import by_language, page_urls, search_index
from tests.languages import CODES, ROOTS


def test_every_language_has_its_search_index_measured(site):
    index = search_index(site)
    assert [row["lang"] for row in index] == CODES
    sections = {row["sections"] for row in index}
    assert len(sections) == 1 and sections.pop() > 0, "the same sections in every language"
    assert all(row["gzip"] > 0 and row["files"] > 0 for row in index)


def visit(url: str, kib: float) -> dict:
    return {"page": url, "requests": 15, "third_party": 0, "bytes": kib * 1024}


def test_the_per_language_summary_names_each_languages_home_and_heaviest_page(site):
    index = search_index(site)
    visits = [visit(url, 60 + n % 3) for n, url in enumerate(page_urls(site))]
    visits.append(visit(f"/{ROOTS['zh-tw']}integrate/", 70))
    searches = [{**visit(f"/{ROOTS[code]}", 110), "query": "q"} for code in CODES]
    rows = by_language(visits, searches, index)
    assert [row["lang"] for row in rows] == CODES
    zh_tw = next(row for row in rows if row["lang"] == "zh-tw")
    assert zh_tw["heaviest_page"] == "/zh-tw/integrate/" and zh_tw["heaviest_page_bytes"] == 70 * 1024
    assert zh_tw["first_search_bytes"] == 110 * 1024
    assert zh_tw["home_bytes"] == next(v["bytes"] for v in visits if v["page"] == "/zh-tw/")


def test_a_language_without_pages_stops_the_summary(site):
    visits = [visit(url, 60) for url in page_urls(site) if not url.startswith("/zh-hk/")]
    with pytest.raises(SystemExit, match="zh-hk"):
        by_language(visits, [], search_index(site))
