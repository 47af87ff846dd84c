"""The generated languages (zh-tw, zh-hk) as their readers use them: search in Traditional script,
the language switcher keeping the section, the checklist's ticks across a switch."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.test_search import search
from tests.languages import CODES, GENERATED, NAMES

HEADINGS = {"zh-tw": "帳戶餘額不足", "zh-hk": "帳户餘額不足"}


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


CHINESE = ["zh", *sorted(GENERATED)]


def first_results(page, lang: str, query: str) -> list[str]:
    """The results' addresses for ``query`` typed in the search of ``lang``'s home page (opened
    once: a reader searching again closes the dialog and types the next words), site-root
    relative without the language folder; asserts that every one is a page of ``lang``."""
    folder = "/" if lang == "zh" else f"/{lang}/"
    if urlparse(page.url).path != folder:
        page.goto(folder)
    else:
        page.keyboard.press("Escape")
    search(page, query)
    results = page.locator(".wg-search__result")
    hrefs = results.evaluate_all("els => els.map(e => new URL(e.href).pathname + new URL(e.href).hash)")
    assert hrefs, f"{query!r} on {folder}: no result"
    others = [
        h
        for h in hrefs
        if not h.startswith(folder) or any(h.startswith(f"/{c}/") for c in CODES if c != lang)
    ]
    assert not others, f"{query!r} on {folder}: results of another language {others}"
    return [h[len(folder) - 1 :] for h in hrefs]


@pytest.mark.parametrize(
    "queries,section",
    [
        # Simplified typed on a Traditional page, and the reverse
        (["余额不足", "餘額不足"], "/causes/#balance"),
        (["钱包", "錢包"], None),  # the same section as zh's first for 钱包, wherever it is typed
        # the regions' words for one thing: mainland, Taiwan, Hong Kong
        (["网络", "網路", "網絡"], "#network"),
        (["软件", "軟體", "軟件"], None),
    ],
    ids=["balance", "wallet", "network", "software"],
)
def test_every_chinese_language_folds_script_and_regional_words_alike(page, queries, section):
    """One normalisation (search/variants.py): each query, typed on each Chinese page, finds the
    same section first, in that page's language."""
    expected = first_results(page, "zh", queries[0])[0]
    assert expected.endswith(section or ""), expected
    for lang in CHINESE:
        for query in queries:
            first = first_results(page, lang, query)[0]
            assert first == expected, f"{query!r} on {lang}: first result {first}, expected {expected}"


def test_results_show_the_page_own_script(page):
    """The index is folded to Simplified; a Traditional page's results are in its own text."""
    page.goto("/zh-tw/")
    search(page, "网络连接")
    first = page.locator(".wg-search__result").first
    assert "網路連線" in first.inner_text() or "網路" in first.inner_text()
    marks = first.locator("mark").all_inner_texts()
    assert marks and all("网" not in m and "络" not in m for m in marks), marks
    assert any("網" in m for m in marks), marks
