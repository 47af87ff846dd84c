"""The generated languages (zh-tw, zh-hk) as their readers use them: search in Traditional script,
the language switcher keeping the section, the checklist's ticks across a switch."""

from __future__ import annotations

import pytest

from tests.browser.test_search import search
from tests.languages import CODES, GENERATED, NAMES

HEADINGS = {"zh-tw": "帳戶餘額不足", "zh-hk": "賬户餘額不足"}


@pytest.mark.parametrize("lang", sorted(GENERATED))
@pytest.mark.parametrize("query", ["餘額不足", "余额不足"])  # Traditional, and a reader typing Simplified
def test_search_finds_the_balance_section_in_the_page_language(page, base_url, lang, query):
    page.goto(f"/{lang}/")
    search(page, query)
    results = page.locator(".wg-search__result")
    first = results.first
    assert first.get_attribute("href").endswith(f"/{lang}/causes/#balance"), first.get_attribute("href")
    assert HEADINGS[lang] in first.locator(".wg-search__title").inner_text()
    hrefs = results.evaluate_all("els => els.map(e => e.href)")
    assert all(h[len(base_url) :].startswith(f"/{lang}/") for h in hrefs), hrefs


@pytest.mark.parametrize(
    "target,lang_attr,heading",
    [
        ("zh", "zh", "2. 查看账户余额"),
        ("zh-tw", "zh-TW", "2. 檢視帳戶餘額"),
        ("en", "en", "2. Check your account balance"),
    ],
)
def test_switcher_from_zh_hk_keeps_the_section(page, target, lang_attr, heading):
    page.goto("/zh-hk/solutions/#balance")
    page.hover(".md-header .md-select")
    names = page.locator(".md-header .md-select__link").all_inner_texts()
    assert [n.strip() for n in names] == [NAMES[code] for code in CODES]
    page.click(f".md-header .md-select__link[data-wg-lang='{target}']")
    root = "/" if target == "zh" else f"/{target}/"
    page.wait_for_url(f"**{root}solutions/#balance")
    assert page.evaluate("document.documentElement.lang") == lang_attr
    assert page.locator("#balance").inner_text().startswith(heading)


def test_checklist_ticks_survive_a_switch_to_a_generated_language(page):
    page.goto("/checklist/?tick=balance,app-version")
    page.evaluate("localStorage.clear()")  # so that only the address can carry them
    page.hover(".md-header .md-select")
    page.click(".md-header .md-select__link[data-wg-lang='zh-tw']")
    page.wait_for_url("**/zh-tw/checklist/?tick=balance,app-version")
    checked = page.locator(".wg-checklist input[type=checkbox]:checked").evaluate_all(
        "els => els.map(e => e.value || e.name || e.id)"
    )
    assert len(checked) == 2, checked
    fixes = page.locator(".wg-checklist__fixes").inner_text()
    assert "檢視帳戶餘額" in fixes and "更新應用程式" in fixes


@pytest.mark.parametrize("lang,query", [("zh-tw", "錢不夠"), ("zh-hk", "沒錢了")])
def test_readers_words_are_converted_with_the_pages(page, lang, query):
    """data/reader-vocabulary.yml's zh aliases (钱不够, 卡里没钱了) in the region's script."""
    page.goto(f"/{lang}/")
    search(page, query)
    first = page.locator(".wg-search__result").first
    assert first.get_attribute("href").endswith(f"/{lang}/causes/#balance"), first.get_attribute("href")
