"""axe-core (WCAG 2.2 AA) over every page of the site, in both languages and both colour
schemes, plus the states a reader creates: the search dialog open with results, the 404 page.
(The checklist's ticked states are scanned in tests/browser/test_checklist.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.html import page_file
from tests.languages import ROOTS
from wallet_guide.devtools.bench import page_urls

pytestmark = pytest.mark.audit


@pytest.fixture(scope="module")
def pages(site):
    urls = page_urls(site)
    assert len(urls) >= 16 and all(page_file(site, u).exists() for u in urls)
    return urls


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_violation(browser, base_url, pages, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    failures = []
    for url in pages:
        page.goto(url, wait_until="networkidle")
        violations = axe_violations(page)
        if violations:
            failures.append(f"{url} ({scheme}):\n{describe(violations)}")
    context.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("url,query", [("/causes/", "余额不足"), ("/en/support/", "live chat")])
def test_search_dialog_with_results_has_no_violation(page, url, query):
    page.goto(url)
    page.click(".wg-search__open")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.locator(".wg-search__result").first.wait_for()
    assert axe_violations(page) == []


# Each language's 404 page, bare and offering the page meant in every language (not-found.js).
NOT_FOUND = [f"/{root}{path}" for root in ROOTS.values() for path in ("no-such-page/", "zh_TW/causes/")]


@pytest.mark.parametrize("url", NOT_FOUND)
def test_not_found_pages_have_no_violation(page, url):
    response = page.goto(url)
    assert response.status == 404
    page.wait_for_load_state("networkidle")  # not-found.js has shown what it offers
    assert axe_violations(page) == [], describe(axe_violations(page))


@pytest.mark.parametrize(
    "url",
    [
        "/causes/?embed=1",
        "/en/support/?embed=1&theme=dark",
        "/checklist/?embed=1&tick=network,balance",
        "/en/checklist/?embed=1&theme=dark&tick=verification",
    ],
)
def test_embed_view_has_no_violation(page, url):
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("document.documentElement.dataset.wgEmbed === '1'")
    # Scan what the portal's reader sees: the article, without the site's header.
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    assert axe_violations(page) == [], describe(axe_violations(page))
