"""axe-core (WCAG 2.2 AA) over every page of the site, in every language (the generated zh-tw
and zh-hk too) and both colour schemes, plus the states a reader creates: the search dialog open
with results, the 404 page, the embed view. Each state is scanned in every language of mkdocs.yml
(tests/languages.py), so a language added there is scanned without a change here.
(The checklist's ticked states are scanned in tests/browser/test_checklist.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from guide_tools.bench import page_urls, url_language
from tests.browser.axe import axe_violations, describe
from tests.generated import HTML_LANG, in_language
from tests.html import page_file
from tests.languages import CODES, GENERATED, ROOTS
from wallet_guide.data.url_contract import load_contract

pytestmark = pytest.mark.audit

CONTRACT = load_contract()


# One page of each template (the home page, an article, the solutions with their answers, the
# checklist, support with its summary, the integrator page). A generated language's pages are its
# source's converted: the same markup and styles, another script. So the translated languages are
# scanned on every page (each page's own content), the generated ones on each template, shared
# out among them in turn (zh-tw: home, solutions, support; zh-hk: causes, checklist, integrate).
TEMPLATES = ["", "causes/", "solutions/", "checklist/", "support/", "integrate/"]


def scanned(code: str, path: str) -> bool:
    if code not in GENERATED:
        return True
    generated = [c for c in CODES if c in GENERATED]
    return path in TEMPLATES[generated.index(code) :: len(generated)]


@pytest.fixture(scope="module")
def pages(site):
    urls = page_urls(site)
    assert all(page_file(site, u).exists() for u in urls)
    promised = [CONTRACT.url(code, page) for code in CODES for page in CONTRACT.pages]
    assert [u for u in promised if u not in urls] == [], "a page of the URL contract was not built"
    chosen = [u for u in urls if scanned(url_language(u), u.removeprefix("/" + ROOTS[url_language(u)]))]
    # Each template is a built page, so each is scanned in one generated language at least.
    for path in TEMPLATES:
        assert [u for u in chosen if u in {f"/{ROOTS[c]}{path}" for c in GENERATED}], path
    return chosen


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_violation(browser, base_url, pages, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    failures = []
    for url in pages:
        # The load event: the page's scripts have run (axe_violations then lets transitions end).
        page.goto(url, wait_until="load")
        violations = axe_violations(page)
        if violations:
            failures.append(f"{url} ({scheme}):\n{describe(violations)}")
    context.close()
    assert failures == [], "\n".join(failures)


# Where each language's reader searches, and for what. A generated language searches its source's
# page, with the query converted as its reader types it (zh-tw, zh-hk: 餘額不足 on /zh-tw/causes/).
SEARCHES = {"zh": ("causes/", "余额不足"), "en": ("support/", "live chat")}


def search_state(code: str) -> tuple[str, str]:
    """The page (a site address) and the query of ``code``'s search dialog scan."""
    source = GENERATED[code][0] if code in GENERATED else code
    page, query = SEARCHES[source]  # a KeyError: a new translated language needs its search here
    return "/" + ROOTS[code] + page, in_language({source: query}, code)


@pytest.mark.parametrize("lang", CODES)
def test_search_dialog_with_results_has_no_violation(page, base_url, lang):
    url, query = search_state(lang)
    page.goto(url)
    page.click(".wg-search__open")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    first = page.locator(".wg-search__result").first
    first.wait_for()
    # The dialog scanned is the language's own: its first result is a page of that language.
    assert url_language(first.evaluate("a => new URL(a.href).pathname")) == lang
    assert axe_violations(page) == [], describe(axe_violations(page))


# Each language's 404 page, bare. The 404 page offering the page meant in every language
# (not-found.js) is scanned in light and dark in tests/browser/test_language_choice.py.
@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("path", ["no-such-page/"])
def test_not_found_pages_have_no_violation(page, lang, path):
    response = page.goto(f"/{ROOTS[lang]}{path}")
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
    # not-found.js, inline in the page, has shown what it offers: goto waited for the load event.
    assert axe_violations(page) == [], describe(axe_violations(page))


def embed_views() -> list[str]:
    """Each language's embed view: an article and the checklist with ticks, one light and one
    dark, in turn (zh: causes light, checklist dark; zh-tw: support dark, checklist light; …)."""
    views = []
    ticks = "&tick=network,balance"
    for n, code in enumerate(CODES):
        root = "/" + ROOTS[code]
        if n % 2 == 0:
            views += [f"{root}causes/?embed=1", f"{root}checklist/?embed=1&theme=dark{ticks}"]
        else:
            views += [f"{root}support/?embed=1&theme=dark", f"{root}checklist/?embed=1{ticks}"]
    return views


@pytest.mark.parametrize("url", embed_views())
def test_embed_view_has_no_violation(page, url):
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("document.documentElement.dataset.wgEmbed === '1'")
    # Scan what the portal's reader sees: the article, without the site's header.
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    assert axe_violations(page) == [], describe(axe_violations(page))
