"""The causes checklist as a reader uses it: ticks, fixes in order, shared links, Back/Forward,
language switching, instant navigation, no JavaScript, keyboard, print, and axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import READERS
from tests.browser.test_navigation import wake_material  # Material's bundle loads on first interaction
from tests.generated import repository_checklist
from tests.languages import CODES, with_one_generated
from wallet_guide.data.url_contract import load_contract

CONTRACT = load_contract()
LANGS = CODES  # the languages of mkdocs.yml (tests/languages.py)
CHECKLIST_PAGE = next(p for p in CONTRACT.pages if p.path == "checklist/")
CAUSES_PAGE = next(p for p in CONTRACT.pages if p.path == "causes/")
CHECKLIST = repository_checklist(CAUSES_PAGE.ids)
IDS = [cause.id for cause in CHECKLIST.causes]  # the order to try the fixes


def url(lang: str, query: str = "") -> str:
    return CONTRACT.url(lang, CHECKLIST_PAGE) + query


def text(lang: str, cause_id: str):
    return next(c.texts[lang] for c in CHECKLIST.causes if c.id == cause_id)


def tick(page, cause_id: str) -> None:
    page.click(f"label[for='wg-check-box-{cause_id}']")


def ticked(page) -> list[str]:
    return page.locator(".wg-checklist__box:checked").evaluate_all("els => els.map(e => e.value)")


def shown_fixes(page) -> list[str]:
    return [t.strip() for t in page.locator(".wg-checklist__fix:visible > a").all_inner_texts()]


def query_ticks(page) -> str | None:
    return page.evaluate("new URL(location.href).searchParams.get('tick')")


def test_ticking_two_symptoms_shows_exactly_their_fixes_in_order(page):
    page.goto(url("zh"))
    last, first = IDS[-1], IDS[0]
    tick(page, last)  # ticked in the reverse order: the fixes still come in the order to try them
    tick(page, first)
    assert shown_fixes(page) == [text("zh", first).fix, text("zh", last).fix]
    hrefs = page.locator(".wg-checklist__fix:visible > a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs[0].endswith(f"/solutions/#{first}") and hrefs[1].endswith(f"/solutions/#{last}")
    # Only the shown fixes are list items, so the list numbers them 1, 2.
    displays = page.locator(".wg-checklist__fix").evaluate_all(
        "els => els.map(e => getComputedStyle(e).display)"
    )
    assert sorted(displays) == ["list-item"] * 2 + ["none"] * (len(IDS) - 2)
    status = page.locator(".wg-checklist [role=status]")
    expect(status).to_have_text(CHECKLIST.labels["zh"].status_some.replace("{count}", "2"))
    # The way to customer support always closes the list.
    support = page.locator(".wg-checklist__support a")
    expect(support).to_be_visible()
    assert support.evaluate("a => a.href").endswith("/support/#wg-summary")  # to the summary for support
    assert query_ticks(page) == f"{first},{last}"
    assert page.console_errors == []


def test_nothing_ticked_shows_the_way_to_support(page):
    page.goto(url("en"))
    expect(page.locator(".wg-checklist__fix:visible")).to_have_count(0)
    empty = page.locator(".wg-checklist__empty")
    expect(empty).to_be_visible()
    expect(empty.locator("a")).to_have_text(CHECKLIST.labels["en"].support)
    assert empty.locator("a").evaluate("a => a.href").endswith("/en/support/#wg-summary")


def test_a_shared_link_opens_with_the_same_ticks(page):
    page.goto(url("en", f"?tick={IDS[3]},{IDS[1]}"))
    assert ticked(page) == [IDS[1], IDS[3]]
    assert shown_fixes(page) == [text("en", IDS[1]).fix, text("en", IDS[3]).fix]
    # The link wins over what this browser had stored, and becomes what it stores.
    page.goto(url("en", f"?tick={IDS[2]}"))
    assert ticked(page) == [IDS[2]]
    page.goto(url("en"))
    assert ticked(page) == [IDS[2]]
    assert query_ticks(page) == IDS[2], "the address shows the restored ticks, ready to share"


def test_invalid_ids_in_a_link_are_ignored_and_dropped(page):
    page.goto(url("zh", f"?embed=1&tick=nonsense,{IDS[2]},%3Cscript%3E,{IDS[2]}#checklist"))
    assert ticked(page) == [IDS[2]]
    assert page.url.endswith(f"?embed=1&tick={IDS[2]}#checklist"), page.url
    assert page.console_errors == []


def test_back_and_forward_restore_the_ticks(page):
    page.goto(url("zh"))
    wake_material(page)
    tick(page, IDS[0])
    tick(page, IDS[4])
    page.go_back()
    assert ticked(page) == [IDS[0]]
    page.go_back()
    assert ticked(page) == []
    expect(page.locator(".wg-checklist__empty")).to_be_visible()
    page.go_forward()
    page.go_forward()
    assert ticked(page) == [IDS[0], IDS[4]]
    assert shown_fixes(page) == [text("zh", IDS[0]).fix, text("zh", IDS[4]).fix]


def test_switching_language_keeps_the_ticks(page):
    page.goto(url("zh"))
    tick(page, IDS[1])
    tick(page, IDS[5])
    page.evaluate("localStorage.clear()")  # so that only the address can carry them
    page.hover(".md-header .md-select")
    page.click(".md-select__link[data-wg-lang='en']")
    page.wait_for_url(f"**{url('en')}?tick={IDS[1]},{IDS[5]}")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert ticked(page) == [IDS[1], IDS[5]]
    assert shown_fixes(page) == [text("en", IDS[1]).fix, text("en", IDS[5]).fix]


def test_ticks_survive_instant_navigation_away_and_back(page):
    page.goto(url("zh"))
    wake_material(page)
    page.evaluate("window.__sameDocument = true")
    tick(page, IDS[2])
    tick(page, IDS[3])
    page.click(".md-nav--primary a[href$='solutions/']")
    page.wait_for_url("**/solutions/")
    page.click(".md-nav--primary a[href$='checklist/']")
    page.wait_for_url(f"**{url('zh')}?tick={IDS[2]},{IDS[3]}")
    assert page.evaluate("window.__sameDocument === true"), "navigation.instant kept the document"
    assert ticked(page) == [IDS[2], IDS[3]]
    assert shown_fixes(page) == [text("zh", IDS[2]).fix, text("zh", IDS[3]).fix]
    # Still live after the page change: ticking updates the fixes.
    tick(page, IDS[0])
    assert shown_fixes(page)[0] == text("zh", IDS[0]).fix


def test_reset_clears_every_tick(page):
    page.goto(url("en", f"?tick={IDS[0]},{IDS[1]}"))
    page.click(".wg-checklist__reset")
    assert ticked(page) == []
    assert query_ticks(page) is None
    expect(page.locator(".wg-checklist__empty")).to_be_visible()
    expect(page.locator(".wg-checklist [role=status]")).to_have_text(CHECKLIST.labels["en"].status_none)
    page.reload()
    assert ticked(page) == [], "the cleared state is stored"


def test_keyboard_only(page):
    page.goto(url("en"))
    first_box = "#wg-check-box-" + IDS[0]
    for _ in range(60):  # Tab from the top of the page to the first box
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{first_box}')"):
            break
    else:
        pytest.fail("Tab never reached the first checkbox")
    outline = page.locator(first_box).evaluate(
        "el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]"
    )
    assert outline[0] != "none" and outline[1] >= 1, f"no visible focus: {outline}"
    page.keyboard.press("Space")
    for _ in range(3):  # past the item's two links to the next box
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == IDS[1]
    page.keyboard.press("Space")
    assert ticked(page) == IDS[:2]
    assert shown_fixes(page) == [text("en", i).fix for i in IDS[:2]]
    page.focus(".wg-checklist__reset")
    page.keyboard.press("Enter")
    assert ticked(page) == []


@pytest.mark.parametrize("lang", with_one_generated(0))
def test_without_javascript_every_symptom_and_fix_is_there(browser, base_url, lang):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(url(lang))
    for cause in CHECKLIST.causes:
        item = page.locator(f"li#{cause.id}")
        expect(item.locator("label")).to_have_text(cause.texts[lang].symptom)
        expect(item.get_by_role("link", name=cause.texts[lang].cause)).to_be_visible()
        expect(item.get_by_role("link", name=cause.texts[lang].fix)).to_be_visible()
    assert shown_fixes(page) == [cause.texts[lang].fix for cause in CHECKLIST.causes]
    expect(page.locator(".wg-checklist__support a")).to_be_visible()
    # Controls that would do nothing without the script are not shown.
    expect(page.locator(".wg-checklist__box:visible")).to_have_count(0)
    expect(page.locator(".wg-checklist__reset")).to_be_hidden()
    context.close()


def test_the_causes_page_holds_the_checklist_without_repeating_its_ids(page):
    page.goto(CONTRACT.url("en", CAUSES_PAGE))
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids"
    for cause_id in IDS:
        assert page.locator(f"#{cause_id}").evaluate("e => e.tagName") == "H2"
        expect(page.locator(f"#wg-check-{cause_id}")).to_be_visible()
    tick(page, IDS[4])
    assert shown_fixes(page) == [text("en", IDS[4]).fix]
    cause_link = page.locator(f"#wg-check-{IDS[4]} a").first
    cause_link.click()
    page.wait_for_url(f"**/en/causes/?tick={IDS[4]}#{IDS[4]}")


def test_print_shows_the_ticked_items_and_their_fixes(page):
    page.goto(url("zh", f"?tick={IDS[1]},{IDS[3]}"))
    page.emulate_media(media="print")
    visible = page.locator(".wg-checklist__item:visible").evaluate_all("els => els.map(e => e.id)")
    assert visible == [IDS[1], IDS[3]]
    assert shown_fixes(page) == [text("zh", IDS[1]).fix, text("zh", IDS[3]).fix]
    expect(page.locator(".wg-checklist__reset")).to_be_hidden()


@pytest.mark.parametrize("lang,scheme", READERS)
def test_axe_finds_no_violation_empty_ticked_and_all_ticked(browser, base_url, lang, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    page.goto(url(lang))
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
    for state in ("empty", "ticked", "all ticked"):
        if state == "ticked":
            tick(page, IDS[1])
            tick(page, IDS[2])
        elif state == "all ticked":
            for cause_id in IDS:
                if cause_id not in (IDS[1], IDS[2]):
                    tick(page, cause_id)
            assert ticked(page) == IDS
        violations = axe_violations(page)
        assert violations == [], f"{state}:\n{describe(violations)}"
    context.close()
