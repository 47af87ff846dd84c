"""Language switching, instant navigation, the colour scheme, and what a page downloads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.generated import in_language
from tests.languages import GENERATED
from wallet_guide.data.url_contract import load_contract

CONTRACT = load_contract()


def wake_material(page) -> None:
    """A reader's first interaction loads Material's bundle (material-loader.js); until then a
    link is an ordinary page load. Interact, and wait for the bundle to take over."""
    page.mouse.wheel(0, 1)
    page.wait_for_function("document.documentElement.dataset.wgMaterial === 'ready'")


def mark_document(page) -> None:
    """Tag the loaded document: the tag survives instant navigation, not a full page load."""
    page.evaluate("window.__sameDocument = true")


def is_same_document(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def switch_language(page, lang: str) -> None:
    page.hover(".md-header .md-select")
    page.click(f".md-select__link[data-wg-lang='{lang}']")


def test_switcher_keeps_page_and_section_after_instant_navigation(page):
    page.goto("/causes/")
    wake_material(page)
    mark_document(page)
    # Instant navigation to another page, then to one of its sections.
    page.click(".md-nav--primary a[href$='solutions/']")
    page.wait_for_url("**/solutions/")
    expect(page.locator("h1")).to_contain_text("如何解决")  # the new content is in
    page.click(".md-sidebar--secondary a[href$='#balance']")
    page.wait_for_url("**/solutions/#balance")
    assert is_same_document(page), "navigation.instant should not reload the page"

    switch_language(page, "en")
    page.wait_for_url("**/en/solutions/#balance")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#balance").inner_text().startswith("2. Check your account balance")
    assert page.locator(".md-header__topic").first.inner_text().strip() != "数字钱包处理失败指南"

    # And back, from a section reached by instant navigation in English.
    wake_material(page)
    mark_document(page)
    page.click(".md-nav--primary a[href$='support/']")
    # The page, whatever the hash: on a loaded machine Material's anchor tracking of the page
    # left (its section #balance) can land on the new address a moment after the navigation
    # (seen once in CI-like load; Material's, harmless: support/ has no #balance).
    page.wait_for_url(re.compile(r".*/en/support/(#.*)?$"))
    expect(page.locator("h1")).to_contain_text("Customer support")
    page.click(".md-sidebar--secondary a[href$='#phone']")
    page.wait_for_url("**/en/support/#phone")
    assert is_same_document(page)
    switch_language(page, "zh")
    page.wait_for_url("**/support/#phone")
    assert "/en/" not in page.url
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert "电话支持" in page.locator("#phone").inner_text()


def test_switcher_links_follow_the_current_page(page):
    page.goto("/en/")
    wake_material(page)
    page.click(".md-nav--primary a[href$='outlook/']")
    page.wait_for_url("**/en/outlook/")
    link = page.locator(".md-select__link[data-wg-lang='zh']")
    expect(link).to_have_attribute("href", re.compile(r"^(?!.*/en/).*/outlook/$"))


def test_dark_mode_toggle(page):
    page.goto("/causes/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    light_bg = body.evaluate("b => getComputedStyle(b).backgroundColor")
    # The reader's first tap: Material's bundle is still loading; the choice must not be lost.
    page.click("form[data-md-component='palette'] label:visible")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    dark_bg = body.evaluate("b => getComputedStyle(b).backgroundColor")
    assert dark_bg != light_bg
    # The choice persists across pages and across a full reload.
    page.click(".md-nav--primary a[href$='solutions/']")
    page.wait_for_url("**/solutions/")
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # And back to light with the toggle, now that Material is running.
    page.click("form[data-md-component='palette'] label:visible")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_dark_mode_follows_the_system_setting(browser, base_url):
    context = browser.new_context(base_url=base_url, color_scheme="dark")
    page = context.new_page()
    page.goto("/en/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    context.close()


# Every page of zh and en; the generated languages (zh's pages converted: the same templates and
# scripts) share the pages out in turn, so each page is loaded in one of them. That no page's
# markup names another site is checked on every built page by test_build.py.
GENERATED_CODES = [language.code for language in CONTRACT.languages if language.code in GENERATED]
PAGES = [
    (language.code, CONTRACT.url(language.code, p))
    for language in CONTRACT.languages
    for n, p in enumerate(CONTRACT.pages)
    if language.code not in GENERATED or GENERATED_CODES[n % len(GENERATED_CODES)] == language.code
]


@pytest.mark.parametrize("lang,url", PAGES, ids=[url for _, url in PAGES])
def test_page_loads_only_from_this_site_without_errors(page, base_url, lang, url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    page.click(".wg-search__open")
    page.keyboard.type(in_language({"zh": "钱包", "en": "wallet"}, lang))  # in the page's script
    page.locator(".wg-search__result").first.wait_for()
    foreign = [r for r in requests if not r.startswith(base_url) and not r.startswith("data:")]
    assert foreign == []
    assert page.console_errors == []
