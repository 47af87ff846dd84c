"""A reader chooses the language (issue 14, "A reader chooses"): the root never redirects, and a
404 page offers the page that the missing address meant in each language that has it, named in
its own script (overrides/404.html, wallet_guide/i18n/assets/not-found.js)."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from guide_tools.build import strict_build
from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import PHONE, READERS
from tests.browser.test_navigation import wake_material
from tests.conftest import built_once
from tests.generated import HTML_LANG
from tests.languages import CODES, NAMES, ROOT, ROOTS, interface_texts

OFFERED = "[data-wg-elsewhere] li:not([hidden]) a"
ENGLISH_ONLY = "only-in-english/"  # a page of the English-only build below


@pytest.fixture
def tab(tabs, base_url):
    def open_tab(origin: str = base_url, scheme: str = "light", locale: str | None = None):
        locale_option = {"locale": locale} if locale else {}
        return tabs(base_url=origin, viewport=PHONE, color_scheme=scheme, **locale_option)

    return open_tab


def offered(page) -> list[tuple[str, str, str, str, str]]:
    """The offered links, in order: (language code, text, lang, hreflang, href)."""
    rows = page.eval_on_selector_all(
        OFFERED,
        "links => links.map(a => [a.dataset.wgLang, a.textContent.trim(), a.lang, a.hreflang, "
        "a.getAttribute('href')])",
    )
    return [tuple(row) for row in rows]


def expected_link(code: str, path: str, tail: str = "") -> tuple[str, str, str, str, str]:
    return (code, NAMES[code], HTML_LANG[code], HTML_LANG[code], f"/{ROOTS[code]}{path}{tail}")


def not_found_language(page) -> str:
    """The language of the 404 page served: the code whose <html lang> it has."""
    html_lang = page.evaluate("document.documentElement.lang")
    return next(code for code in CODES if HTML_LANG[code] == html_lang)


# ---- A first visit to / is not redirected --------------------------------------------------


@pytest.mark.parametrize("locale", ["en-US", "zh-TW"])
def test_a_first_visit_to_the_root_stays_on_the_zh_home_page_whatever_the_browser_language(
    tab, base_url, locale
):
    page = tab(locale=locale)
    documents: list[str] = []  # every page load (a redirect or a script's navigation is one more)
    page.on("request", lambda request: request.resource_type == "document" and documents.append(request.url))
    page.clock.install()  # the page's timers run as usual, and can be run ahead below
    response = page.goto("/", wait_until="networkidle")
    # The browser really asks in that language.
    assert response.request.all_headers()["accept-language"].startswith(locale)
    assert page.evaluate("navigator.language") == locale
    assert response.status == 200 and response.request.redirected_from is None
    wake_material(page)  # every script of the page runs, Material's bundle too
    page.wait_for_load_state("networkidle")
    # A script redirect, were there one, waits for a timer or runs at load: run every timer of
    # the next minute now, then let any navigation they started load before looking.
    page.clock.run_for(60_000)
    page.wait_for_load_state("networkidle")
    assert documents == [f"{base_url}/"]
    assert page.evaluate("location.pathname") == "/"
    assert page.evaluate("document.documentElement.lang") == HTML_LANG["zh"]
    current = page.locator(".md-select__link[aria-current='true']")
    assert current.get_attribute("data-wg-lang") == "zh"
    assert page.console_errors == []


# ---- 404 pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_a_missing_page_is_a_404_in_its_language_offering_no_other_language(tab, lang):
    """The one test of a 404 page in its language (it was also in test_build.py on the built
    file and in test_help_centre.py): what a reader on a phone sees and can do there."""
    page = tab()
    # Two folders deep: the page's links must lead from the site's root (it is served anywhere).
    response = page.goto(f"/{ROOTS[lang]}no-such/page/")
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
    texts = interface_texts(lang)["not_found"]
    heading = page.locator("article h1")
    expect(heading).to_have_text(texts["title"])  # Material's own says "404 - Not found" in English
    assert "404" in heading.inner_text() and "Not found" not in page.locator("article").inner_text()
    # not-found.js is inline in the 404 page: it ran before the load event goto waited for.
    assert page.evaluate("document.readyState") == "complete"
    expect(page.locator("[data-wg-elsewhere]")).to_be_hidden()
    assert offered(page) == []
    # The ways back in stay: home, search and the checklist, whose link (from the site's root:
    # a 404 page is served at any address) opens it.
    expect(page.locator(f"article a[href='/{ROOTS[lang]}']")).to_have_text(texts["home"])
    page.locator("article .wg-triage__search").click()
    expect(page.locator(".wg-search dialog")).to_be_visible()
    page.keyboard.press("Escape")
    page.click(f"article a[href$='/{ROOTS[lang]}checklist/']")
    page.wait_for_url(f"**/{ROOTS[lang]}checklist/")
    expect(page.locator(".wg-checklist")).to_be_visible()
    assert page.console_errors == []


# address -> (the 404 page's language, the page meant, the language offered first)
MISTYPED = {
    "/zh-TW/solutions/": ("zh", "solutions/", "zh-tw"),  # a language folder in capitals
    "/zh_tw/causes/": ("zh", "causes/", "zh-tw"),  # _ for -
    "/en/zh-tw/causes/": ("en", "causes/", "zh-tw"),  # a relative link resolved on an en page
    "/zh-hk/en/support/": ("zh-hk", "support/", "en"),
    "/zh-tw/Checklist.html": ("zh-tw", "checklist/", "zh-tw"),  # a page named as a file
    "/en/best-practices/%E3%80%82": ("en", "best-practices/", "en"),  # 。 pasted with the link
    "/ZH-HK/": ("zh", "", "zh-hk"),  # the home page
}


@pytest.mark.parametrize("address", MISTYPED)
def test_an_address_meaning_a_page_offers_it_in_every_language_that_has_it(tab, address):
    served_in, path, first = MISTYPED[address]
    page = tab()
    response = page.goto(address)
    assert response.status == 404
    assert not_found_language(page) == served_in
    block = page.locator("[data-wg-elsewhere]")
    expect(block).to_be_visible()
    expect(block.locator("p")).to_have_text(interface_texts(served_in)["not_found"]["elsewhere"])
    links = offered(page)
    assert links[0][0] == first
    assert sorted(links) == sorted(expected_link(code, path) for code in CODES)  # every language has it
    assert page.console_errors == []


def test_each_offered_link_opens_that_page_in_its_language_at_the_section_read(tab, base_url):
    page = tab()
    address = "/zh_HK/solutions/#balance"
    page.goto(address)
    links = offered(page)
    assert sorted(links) == sorted(expected_link(code, "solutions/", "#balance") for code in CODES)
    for code, *_ in links:
        page.goto(address)
        # The page's own response (expect_navigation's was None now and then under load).
        target = f"{base_url}/{ROOTS[code]}solutions/"
        with page.expect_response(lambda r, target=target: r.url.split("#")[0] == target) as response:
            page.locator(f"{OFFERED}[data-wg-lang='{code}']").click()
        assert response.value.status == 200
        page.wait_for_url(target + "#balance")
        assert page.url == f"{base_url}/{ROOTS[code]}solutions/#balance"
        assert page.evaluate("document.documentElement.lang") == HTML_LANG[code]
        expect(page.locator("article h2#balance")).to_be_visible()


@pytest.mark.parametrize("address", ["/causes/balance/", "/zh-TW/nowhere/", "/en/zh-hk/no-such-page/"])
def test_an_address_meaning_no_page_offers_none_but_keeps_the_ways_back(tab, address):
    page = tab()
    assert page.goto(address).status == 404  # after load: the inline not-found.js has run
    assert offered(page) == []
    expect(page.locator("[data-wg-elsewhere]")).to_be_hidden()
    lang = not_found_language(page)
    expect(page.locator(f"article a[href='/{ROOTS[lang]}']")).to_be_visible()
    page.locator("article .wg-triage__search").click()
    expect(page.locator(".wg-search dialog")).to_be_visible()


@pytest.mark.parametrize("lang,scheme", READERS)
def test_a_404_page_offering_languages_has_no_axe_violation(tab, lang, scheme):
    page = tab(scheme=scheme)
    assert page.goto(f"/{ROOTS[lang]}zh_TW/causes/").status == 404
    assert not_found_language(page) == lang
    expect(page.locator("[data-wg-elsewhere]")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


# ---- A page that only some languages have ---------------------------------------------------


@pytest.fixture(scope="session")
def english_only_site(request, tmp_path_factory):
    """This guide plus a page in docs/en/ only (no zh, so no zh-tw or zh-hk either), built once
    for its own origin."""
    origin = request.config.wallet_guide_origins["english-only"]

    def build():
        project = tmp_path_factory.mktemp("guide")
        for folder in ("docs", "data"):
            shutil.copytree(ROOT / folder, project / folder)
        (project / "overrides").symlink_to(ROOT / "overrides")
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "docs" / "en" / f"{ENGLISH_ONLY.rstrip('/')}.md").write_text(
            "---\ntitle: Only in English\ndescription: A page that has no Chinese version.\n---\n\n"
            "# Only in English {#only-in-english}\n\nThis page has no Chinese version.\n",
            encoding="utf-8",
        )
        return strict_build(origin.root, cwd=project, site_url=origin.url + "/")

    result = built_once(request.config, "english-only", build)
    assert result.ok, result.log
    return origin.url


@pytest.mark.parametrize(
    "address", [f"/{ENGLISH_ONLY}", f"/zh-hk/{ENGLISH_ONLY}", "/en/Only_In_English.html"]
)
def test_a_page_only_one_language_has_is_offered_in_that_language_only(tab, english_only_site, address):
    page = tab(origin=english_only_site)
    assert page.goto(address).status == 404
    assert offered(page) == [expected_link("en", ENGLISH_ONLY)]
    target = f"{english_only_site}/en/{ENGLISH_ONLY}"
    with page.expect_response(lambda r: r.url == target) as response:
        page.locator(OFFERED).click()
    assert response.value.status == 200
    page.wait_for_url(target)
    assert page.url == f"{english_only_site}/en/{ENGLISH_ONLY}"
    expect(page.locator("article h1#only-in-english")).to_contain_text("Only in English")
