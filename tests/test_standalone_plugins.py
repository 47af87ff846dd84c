"""wallet-guide-search and wallet-guide-generated know nothing of this guide: each builds a
minimal two-language Material + static-i18n site of its own (tests/fixtures/sites/two-languages/,
no data/interface/, no checklist, no overrides), strictly, and does its work there."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from guide_tools.build import strict_build
from wallet_guide.search.index import fnv1a
from wallet_guide.search.tokenize import terms
from wallet_guide.search.variants import simplify

FIXTURE = Path(__file__).parent / "fixtures" / "sites" / "two-languages"


def built(tmp_path_factory, config: str, mkdocs_yml: str | None = None) -> Path:
    """The fixture site copied out and built with ``config`` (or with ``mkdocs_yml``'s text)."""
    project = tmp_path_factory.mktemp("fixture-site")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    if mkdocs_yml is not None:
        (project / config).write_text(mkdocs_yml, encoding="utf-8")
    site = project / "site"
    result = strict_build(site, config=project / config)
    assert result.ok, f"{config}: the fixture site does not build:\n{result.log}"
    return site


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "mkdocs-search.yml")


@pytest.fixture(scope="module")
def conversion_site(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "mkdocs-conversion.yml")


def search(site: Path, lang: str, query: str) -> list[str]:
    """The addresses of the sections holding every term of ``query``, best first, read from
    the language's index files as search.js reads them (manifest, term shard, section chunks)."""
    folder = site / "search" / lang
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    scores: dict[int, float] | None = None
    for term in dict.fromkeys(terms(simplify(query))):
        shard = fnv1a(term) % manifest["termShards"]
        postings = json.loads((folder / f"terms-{shard}.json").read_text(encoding="utf-8")).get(term, [])
        found = {number: score for number, score in postings}
        scores = found if scores is None else {n: s + found[n] for n, s in scores.items() if n in found}
    sections = [
        section
        for chunk in sorted(folder.glob("sections-*.json"), key=lambda p: int(re.findall(r"\d+", p.name)[0]))
        for section in json.loads(chunk.read_text(encoding="utf-8"))
    ]
    return [sections[n][0] for n, _ in sorted((scores or {}).items(), key=lambda item: -item[1])]


@pytest.mark.parametrize(
    ("lang", "query", "section"),
    [
        ("zh", "排水", "soil/#drainage"),
        ("zh", "有机肥料", "soil/#fertiliser"),
        ("en", "drainage", "en/soil/#drainage"),
        ("en", "organic fertiliser", "en/soil/#fertiliser"),
    ],
)
def test_the_search_plugin_indexes_each_language_of_another_site(search_site, lang, query, section):
    assert search(search_site, lang, query)[0] == section
    manifest = json.loads((search_site / "search" / lang / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lang"] == lang and manifest["sections"] == 4  # 2 pages: their titles and 2 sections
    assert (search_site / "assets" / "wallet-guide" / "search.js").is_file()


def test_the_search_indexes_are_per_language(search_site):
    assert search(search_site, "en", "排水") == [] and search(search_site, "zh", "drainage") == []


def test_the_conversion_plugin_writes_a_traditional_page_of_another_site(conversion_site):
    page = (conversion_site / "zh-tw" / "soil" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-TW"' in page
    assert "土壤排水不良時，根系容易腐爛。" in page and "春天施用有機肥料。" in page
    assert "排水不良时" not in page  # no Simplified text left
    source = (conversion_site / "soil" / "index.html").read_text(encoding="utf-8")
    assert "土壤排水不良时，根系容易腐烂。" in source  # the zh page stays Simplified
    english = (conversion_site / "en" / "soil" / "index.html").read_text(encoding="utf-8")
    assert "roots rot easily" in english
    assert "<title>土壤 - 花園手冊</title>" in page  # the site's name converted too


def test_the_conversion_plugin_listed_below_i18n_is_refused_with_the_fix(tmp_path_factory):
    """static-i18n accepts lower-case regions (zh-tw) only when wallet-guide-generated is loaded
    first; listed below i18n it would work only if another plugin of ours happened to be above."""
    text = (FIXTURE / "mkdocs-conversion.yml").read_text(encoding="utf-8")
    wrong = (
        text.replace("  - wallet-guide-generated\n", "").replace(
            "plugins:\n", "plugins:\n  - wallet-guide-search\n"
        )
        + "  - wallet-guide-generated\n"
    )
    project = tmp_path_factory.mktemp("wrong-order")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    (project / "mkdocs.yml").write_text(wrong, encoding="utf-8")
    result = strict_build(project / "site", config=project / "mkdocs.yml")
    assert not result.ok
    assert "wallet-guide-generated" in result.log and "above 'i18n'" in result.log, result.log
    assert "Traceback" not in result.log
