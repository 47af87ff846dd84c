"""Search as a reader uses it: typed in the header's box, in Chinese through an input method."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# (page to search from, query, the section the first result must link to, its heading)
FIRST_RESULT = [
    ("/causes/", "余额不足", "/causes/#balance", "账户余额不足"),
    ("/", "客服电话", "/support/#phone", "电话支持"),
    ("/solutions/", "身份验证失败怎么办", "#verification", "验证"),
    ("/", "在线客服", "/support/#live-chat", "在线聊天支持"),
    ("/", "大额支付", "/best-practices/#large-payments", "谨慎进行大额交易"),
    ("/en/", "insufficient balance", "/en/causes/#balance", "Insufficient account balance"),
    ("/en/causes/", "live chat", "/en/support/#live-chat", "Live chat"),
    ("/en/", "identity verification failed", "#verification", "verification"),
    ("/en/", "customer service phone", "/en/support/#phone", "Phone"),
]


def search(page, query: str) -> None:
    page.click(".wg-search__open")
    box = page.locator(".wg-search__input")
    box.fill("")
    if query.isascii():
        page.keyboard.type(query)
    else:
        # What an input method does: the text arrives as one input event, without key events
        # for its characters, and the reader's confirming key press comes after.
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
    page.locator(".wg-search__result").first.wait_for()


@pytest.mark.parametrize("start,query,target,heading", FIRST_RESULT, ids=[q for _, q, _, _ in FIRST_RESULT])
def test_first_result_is_the_right_section(page, start, query, target, heading):
    page.goto(start)
    search(page, query)
    first = page.locator(".wg-search__result").first
    href = first.get_attribute("href")
    assert href.endswith(target), f"{query!r}: first result is {href}"
    assert heading in first.locator(".wg-search__title").inner_text()
    assert first.locator("mark").count() > 0, "the matched words are highlighted"
    first.click()
    page.wait_for_url(f"**{href[href.index('/', 8):]}")
    anchor = href.split("#")[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()


@pytest.mark.parametrize("start,query,own_prefix", [("/", "支付", "/"), ("/en/", "payment", "/en/")])
def test_results_stay_in_the_page_language(page, base_url, start, query, own_prefix):
    page.goto(start)
    search(page, query)
    hrefs = page.locator(".wg-search__result").evaluate_all("els => els.map(e => e.href)")
    assert len(hrefs) >= 5
    paths = [h[len(base_url):] for h in hrefs]
    if own_prefix == "/":
        assert not [p for p in paths if p.startswith("/en/")], paths
    else:
        assert all(p.startswith("/en/") for p in paths), paths


def test_a_query_in_the_other_language_finds_nothing_here(page):
    page.goto("/")
    page.click(".wg-search__open")
    page.keyboard.type("live chat")
    status = page.locator(".wg-search__status")
    status.filter(has_text="没有找到").wait_for()
    assert page.locator(".wg-search__result").count() == 0


def test_keyboard_opens_search_and_enter_follows_the_first_result(page):
    page.goto("/en/")
    page.keyboard.press("/")
    assert page.locator(".wg-search__input").evaluate("el => el === document.activeElement")
    page.keyboard.type("update the app")
    page.locator(".wg-search__result").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/solutions/#app-version")


def test_browser_and_build_tokenize_alike(page):
    """search.js mirrors tokenize.py: the same text must give the same terms."""
    from wallet_guide.search.tokenize import terms

    page.goto("/")
    samples = [
        "余额不足怎么办", "重新连接 WiFi 或使用移动数据", "Updating the app's latest versions",
        "It's the user's agreement; fees, FAQs and cross-border services!", "2FA 双重身份验证",
    ]
    for text in samples:
        assert page.evaluate("t => window.wgSearch.terms(t)", text) == terms(text), text
