"""The site's search and the content API hold the same sections with the same text, page by page
(both read the page through wallet_guide.html_text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.languages import CODES, GENERATED
from wallet_guide.audience import is_for_readers
from wallet_guide.data.url_contract import load_contract

CONTRACT = load_contract()
LANGS = [language.code for language in CONTRACT.languages]


def source_language(lang: str) -> str:
    """The docs/ folder a language's pages come from: its own, or (zh-tw, zh-hk) its source's."""
    return GENERATED[lang][0] if lang in GENERATED else lang


# Every language of the contract, the generated ones too (their pages are their source's).
PAGES = [
    (lang, page)
    for lang in LANGS
    for page in CONTRACT.pages
    if Path("docs", source_language(lang), page.source).exists()
]


def test_every_language_of_mkdocs_yml_is_compared():
    assert sorted({lang for lang, _ in PAGES}) == sorted(CODES)


def search_sections(site: Path, lang: str) -> dict[str, tuple[str, str]]:
    """Site-root-relative section URL ("en/causes/#network") -> (title, text), from the index."""
    sections = {}
    for chunk in sorted((site / "search" / lang).glob("sections-*.json")):
        for url, title, _page_title, text in json.loads(chunk.read_text(encoding="utf-8")):
            sections[url] = (title, text)
    return sections


def api_sections(site: Path, lang: str, base_url: str) -> dict[str, tuple[str, str]]:
    document = json.loads((site / "api" / "v1" / lang / "pages.json").read_text(encoding="utf-8"))
    return {
        section["url"].removeprefix(base_url + "/"): (section["title"], section["text"])
        for page in document["pages"]
        for section in page["sections"]
    }


def of_page(sections: dict[str, tuple[str, str]], path: str) -> dict[str, tuple[str, str]]:
    return {url: texts for url, texts in sections.items() if url.partition("#")[0] == path}


@pytest.mark.parametrize(
    ("lang", "page"), PAGES, ids=[f"{lang}:{page.path or '(home)'}" for lang, page in PAGES]
)
def test_the_search_and_the_content_api_hold_the_same_section_texts(site, base_url, lang, page):
    path = CONTRACT.url(lang, page).lstrip("/")
    in_search = of_page(search_sections(site, lang), path)
    in_api = of_page(api_sections(site, lang, base_url), path)
    assert in_search == in_api
    meta = yaml.safe_load(
        Path("docs", source_language(lang), page.source).read_text(encoding="utf-8").split("---")[1]
    )
    # A reader page is in both (an empty comparison would prove nothing), a developers' page in neither.
    assert bool(in_api) == is_for_readers(meta), f"/{path}: {len(in_api)} sections in the content API"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_of_the_search_is_in_the_content_api_and_back(site, base_url, lang):
    assert set(search_sections(site, lang)) == set(api_sections(site, lang, base_url))
