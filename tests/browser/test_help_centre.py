"""The help centre on a phone (390 x 844), in both languages: the home page's way in on the first
screen, a checklist that answers where the reader looks, «solved?» walking the steps to support,
the summary for customer support, the menu, the 404 pages, and axe-core in each new state."""

from __future__ import annotations

import calendar
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import PHONE, READER_PAGES, READERS
from tests.browser.test_checklist import shown_fixes, tick, ticked
from tests.browser.test_navigation import wake_material
from tests.generated import in_language, repository_checklist
from tests.languages import CODES, interface_texts, with_one_generated
from wallet_guide.checklist.render import UNSURE
from wallet_guide.data.url_contract import load_contract

CONTRACT = load_contract()
LANGS = CODES  # the languages of mkdocs.yml (tests/languages.py)
ROOTS = {language.code: language.root for language in CONTRACT.languages}
CAUSES_PAGE = next(p for p in CONTRACT.pages if p.path == "causes/")
CHECKLIST = repository_checklist(CAUSES_PAGE.ids)
IDS = [cause.id for cause in CHECKLIST.causes]
MIN_TARGET = 24  # CSS px, WCAG 2.2 "target size (minimum)"
MENU = READER_PAGES


def texts(lang: str):
    return {cause.id: cause.texts[lang] for cause in CHECKLIST.causes}


def labels(lang: str):
    return CHECKLIST.labels[lang]


def box(tab, locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, width: r.width, height: r.height}; }"
    )


def on_screen(tab, locator) -> bool:
    b = box(tab, locator)
    return b["height"] > 0 and b["top"] >= 0 and b["bottom"] <= PHONE["height"]


# ---- 1. The home page's way in --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_way_in_is_on_the_first_screen_without_layout_shift(phone, lang):
    tab = phone()
    tab.add_init_script("""
        window.__shifts = [];
        const record = (entries) => window.__shifts.push(...entries.map(e => ({
          value: e.value,
          moved: e.sources.map(s => (s.node && s.node.nodeType === 1 ? s.node.outerHTML : String(s.node)).slice(0, 120)
            + ` ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`),
        })));
        const observer = new PerformanceObserver((list) => record(list.getEntries()));
        observer.observe({type: "layout-shift", buffered: true});
        // Every shift so far: after two rendering frames, each change made to the page until now
        // has been laid out, and takeRecords() hands over the entries not yet delivered.
        window.__shiftsSoFar = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
          record(observer.takeRecords());
          done(window.__shifts);
        })));
    """)
    tab.goto(ROOTS[lang], wait_until="networkidle")
    title = tab.locator(".wg-triage__title")
    expect(title).to_have_text(labels(lang).triage_title)
    assert title.evaluate("e => e.tagName") == "H1"
    targets = tab.locator(".wg-triage__target")
    # The guide's own «charged, but it says failed» first (data/our-advice.yml), then the symptoms.
    charged = tab.locator(".wg-triage__target[data-wg-tick='charged']").inner_text().strip()
    expected = [charged] + [texts(lang)[i].symptom for i in IDS] + [labels(lang).triage_unsure]
    assert [t.strip() for t in targets.all_inner_texts()] == expected
    for index in range(targets.count()):
        target = targets.nth(index)
        assert on_screen(tab, target), f"{expected[index]!r} is below the first screen: {box(tab, target)}"
        assert box(tab, target)["height"] >= 44, "a large target, easy to tap"
    assert on_screen(tab, tab.locator(".wg-triage__search"))
    # The keywords are page metadata and small tags at the end, not a paragraph at the top.
    keywords = tab.locator("meta[name=keywords]").get_attribute("content")
    assert keywords and tab.locator(".wg-page-info__tag").count() == len(keywords.split(", "))
    assert not on_screen(tab, tab.locator(".wg-page-info__keywords"))
    assert tab.evaluate("window.__shiftsSoFar()") == [], "the page moved while loading"
    assert tab.console_errors == []


@pytest.mark.parametrize("lang", with_one_generated(1))
def test_the_search_button_opens_the_search(phone, lang):
    tab = phone()
    tab.goto(ROOTS[lang])
    tab.click(".wg-triage__search")
    expect(tab.locator(".wg-search dialog")).to_be_visible()
    tab.keyboard.insert_text(in_language({"zh": "余额", "en": "balance"}, lang))
    tab.keyboard.press("End")
    tab.locator(".wg-search__result").first.wait_for()


# ---- 2. The checklist answers where the reader looks -----------------------------------------


@pytest.mark.parametrize("lang", with_one_generated(2))
def test_ticking_puts_the_way_to_its_fix_on_the_screen(phone, lang):
    tab = phone()
    tab.goto(f"{ROOTS[lang]}checklist/")
    reset = tab.locator(".wg-checklist__reset")
    expect(reset).to_be_hidden()  # nothing to clear yet
    tick(tab, IDS[1])
    bar = tab.locator(".wg-checklist__bar")
    fix = tab.locator(f".wg-checklist__fix[data-wg-id='{IDS[1]}']")
    assert on_screen(tab, bar) or on_screen(tab, fix), "ticking must show something where the reader looks"
    expect(tab.locator(".wg-checklist__show")).to_have_text(labels(lang).show_fixes.replace("{count}", "1"))
    expect(tab.locator(".wg-checklist [role=status]")).to_have_text(
        labels(lang).status_some.replace("{count}", "1")
    )
    expect(reset).to_be_visible()
    tab.click(".wg-checklist__show")
    tab.wait_for_function("document.activeElement && document.activeElement.id === 'wg-check-fixes'")
    tab.wait_for_function(
        "s => { const r = document.querySelector(s).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        arg=f".wg-checklist__fix[data-wg-id='{IDS[1]}']",
    )
    assert on_screen(tab, fix)
    reset.click()
    expect(reset).to_be_hidden()
    assert ticked(tab) == []
    first_box = tab.locator(".wg-checklist__box").first.get_attribute("value")
    assert tab.evaluate("document.activeElement.value") == first_box, "the focus is not lost with the button"


@pytest.mark.parametrize("lang", with_one_generated(3))
def test_not_sure_asks_the_guided_flows_first_question(phone, lang):
    tab = phone()
    tab.goto(f"{ROOTS[lang]}checklist/?tick={IDS[2]}")
    tick(tab, UNSURE)
    assert ticked(tab) == [UNSURE], "«not sure» and the symptoms exclude each other"
    assert shown_fixes(tab) == [], "one question at a time, not every fix (test_reader_paths.py)"
    expect(tab.locator(".wg-guide__question:visible")).to_have_count(1)
    expect(tab.locator(".wg-checklist [role=status]")).to_have_text(interface_texts(lang)["guide"]["intro"])
    assert tab.evaluate("new URL(location.href).searchParams.get('tick')") == UNSURE
    tick(tab, IDS[4])
    assert ticked(tab) == [IDS[4]]
    assert shown_fixes(tab) == [texts(lang)[IDS[4]].fix]


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_box_and_button_is_at_least_24_px(phone, lang):
    tab = phone()
    selector = ":is(.wg-triage, .wg-checklist, .wg-solved, .wg-summary, .wg-page-info, .md-copyright) :is(a, button, input):visible"
    small = []
    for url in ("", f"checklist/?tick={','.join(IDS)}", "solutions/", "support/"):
        tab.goto(ROOTS[lang] + url)
        controls = tab.locator(selector)
        assert controls.count() > 0
        for index in range(controls.count()):
            control = controls.nth(index)
            b = box(tab, control)
            if b["width"] < MIN_TARGET or b["height"] < MIN_TARGET:
                small.append(f"{url}: {control.evaluate('e => e.outerHTML.slice(0, 90)')} {b}")
    assert small == []


# ---- 3. A way out at the end of every path ----------------------------------------------------


@pytest.mark.parametrize("lang", with_one_generated(4))
def test_not_solved_walks_the_steps_then_to_the_summary_on_support(phone, lang):
    tab = phone()
    tab.goto(f"{ROOTS[lang]}solutions/")
    tab.evaluate("localStorage.clear()")
    wake_material(tab)
    for index, cause_id in enumerate(IDS):
        question = tab.locator(f"[data-wg-solved='{cause_id}']")
        expect(question.locator(".wg-solved__question")).to_have_text(labels(lang).solved_question)
        question.locator(".wg-solved__no").click()
        if index + 1 < len(IDS):
            following = IDS[index + 1]
            tab.wait_for_url(f"**{ROOTS[lang]}solutions/#{following}")
            tab.wait_for_function(f"document.activeElement && document.activeElement.id === '{following}'")
            assert on_screen(tab, tab.locator(f"h2#{following}"))
    tab.wait_for_url(f"**{ROOTS[lang]}support/#wg-summary")
    summary = tab.locator(".wg-summary__text")
    for number, cause_id in enumerate(IDS, start=1):
        expect(summary).to_contain_text(f"{number}. {texts(lang)[cause_id].fix}")
    tab.wait_for_function("document.activeElement && document.activeElement.id === 'wg-summary-title'")
    assert tab.console_errors == []


@pytest.mark.parametrize("lang", with_one_generated(5))
def test_solved_thanks_the_reader(phone, lang):
    tab = phone()
    tab.goto(f"{ROOTS[lang]}solutions/")
    question = tab.locator(f"[data-wg-solved='{IDS[0]}']")
    question.locator(".wg-solved__yes").click()
    expect(question.locator("[role=status]")).to_have_text(labels(lang).solved_thanks)
    assert tab.url.endswith(f"{ROOTS[lang]}solutions/"), "yes goes nowhere"


@pytest.mark.parametrize("lang", with_one_generated(6))
def test_the_summary_holds_the_ticks_and_tried_fixes_and_is_copied(phone, lang):
    tab = phone()
    tab.goto(f"{ROOTS[lang]}checklist/")
    tick(tab, IDS[0])
    tick(tab, IDS[3])
    tab.goto(f"{ROOTS[lang]}solutions/")
    tab.locator(f"[data-wg-solved='{IDS[0]}'] .wg-solved__no").click()
    tab.goto(f"{ROOTS[lang]}support/")
    text = tab.locator(".wg-summary__text").inner_text()
    lines = text.splitlines()
    assert lines[0] == labels(lang).summary_subject
    assert f"- {texts(lang)[IDS[0]].symptom}" in lines and f"- {texts(lang)[IDS[3]].symptom}" in lines
    assert f"- 1. {texts(lang)[IDS[0]].fix}" in lines
    assert not any(texts(lang)[IDS[1]].fix in line for line in lines), "only the fixes marked as tried"
    assert labels(lang).summary_language in lines
    assert lines[-1].startswith(labels(lang).summary_time) and any(ch.isdigit() for ch in lines[-1])
    tab.click(".wg-summary__copy")
    expect(tab.locator(".wg-summary__status")).to_have_text(labels(lang).summary_copied)
    # What was copied is what the box shows (the copy renews the time, which may have turned a minute).
    assert tab.evaluate("navigator.clipboard.readText()") == tab.locator(".wg-summary__text").inner_text()


# ---- 4. Navigation by urgency -----------------------------------------------------------------


@pytest.mark.parametrize("lang", with_one_generated(7))
def test_the_menu_is_in_order_of_urgency_and_the_integrator_page_is_in_the_footer(page, lang):
    page.goto(f"{ROOTS[lang]}outlook/")
    hrefs = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link").evaluate_all(
        "els => els.map(e => new URL(e.href).pathname)"
    )
    assert hrefs == [ROOTS[lang] + path for path in MENU]
    footer = page.locator(".md-copyright .wg-footer-links a")
    expect(footer).to_have_count(1)
    footer.click()
    page.wait_for_url(f"**{ROOTS[lang]}integrate/")
    expect(page.locator("h1")).to_be_visible()


# ---- 5. Readable at a glance -------------------------------------------------------------------


def contrast(fg: list[float], bg: list[float]) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    alpha = fg[3] if len(fg) > 3 else 1
    fg = [fg[i] * alpha + bg[i] * (1 - alpha) for i in range(3)]
    lighter, darker = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


RGBA = """e => { const c = document.createElement('canvas').getContext('2d');
  const read = (v) => { c.clearRect(0, 0, 1, 1); c.fillStyle = v; c.fillRect(0, 0, 1, 1); return [...c.getImageData(0, 0, 1, 1).data].map((x, i) => i === 3 ? x / 255 : x); };
  return [read(getComputedStyle(e).color), read(getComputedStyle(document.body).backgroundColor), getComputedStyle(e).fontWeight]; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headings_are_in_the_body_colour_heavier_and_at_least_7_to_1(phone, scheme):
    tab = phone(scheme)
    tab.goto("/solutions/")
    for selector in ("h1", "h2#balance"):
        fg, bg, weight = tab.locator(selector).evaluate(RGBA)
        assert contrast(fg, bg) >= 7, f"{selector}: {fg} on {bg}"
        assert int(weight) >= 700


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_rings_are_in_the_theme_colour(phone, scheme):
    tab = phone(scheme)
    tab.goto("/en/")
    tab.click(".wg-search__open")
    tab.wait_for_function("document.activeElement && document.activeElement.id === 'wg-search-input'")
    style = tab.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineColor, document.activeElement.matches(':focus-visible')]; })()"
    )
    assert style[0] != "none", style
    red, green = [int(v) for v in re.findall(r"\d+", style[1])[:2]]
    assert green > red, f"the ring is {style[1]}, not the theme's teal"


@pytest.mark.parametrize("lang", with_one_generated(8))
def test_the_language_menu_marks_the_current_language(page, lang):
    page.goto(f"{ROOTS[lang]}causes/")
    current = page.locator(".md-select__link[aria-current='true']")
    expect(current).to_have_count(1)
    assert current.get_attribute("data-wg-lang") == lang
    wake_material(page)
    page.click(".md-nav--primary a[href$='solutions/']")  # instant navigation keeps the mark
    page.wait_for_url(f"**{ROOTS[lang]}solutions/")
    assert page.locator(".md-select__link[aria-current='true']").get_attribute("data-wg-lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_title_fits_a_phone(phone, lang):
    tab = phone()
    tab.goto(ROOTS[lang])
    title = tab.locator(".md-header__topic:first-child .md-ellipsis")
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth"), f"cut: {title.inner_text()!r}"
    assert title.inner_text().strip() != tab.title()


# A 404 page in its language: tests/browser/test_language_choice.py.


# ---- 6. Dates readers trust -----------------------------------------------------------------


@pytest.mark.parametrize("lang", with_one_generated(9))
def test_each_page_says_when_it_was_last_updated_in_its_language(page, lang):
    page.goto(f"{ROOTS[lang]}causes/")
    when = page.locator(".wg-page-info__updated time")
    iso = when.get_attribute("datetime")
    year, month, day = (int(part) for part in iso.split("-"))
    labels = interface_texts(lang)["page_info"]
    month_name = calendar.month_name[month]  # {month_name}: the English month name
    expected = labels["updated"].format(
        date=labels["date"].format(year=year, month=month, day=day, month_name=month_name)
    )
    assert when.inner_text() == expected


# ---- axe in every new state ------------------------------------------------------------------


@pytest.mark.parametrize("lang,scheme", READERS)
def test_axe_finds_no_violation_in_the_new_states(phone, lang, scheme):
    tab = phone(scheme)
    failures = []

    def scan(state: str) -> None:
        violations = axe_violations(tab)
        if violations:
            failures.append(f"{state}:\n{describe(violations)}")

    tab.goto(ROOTS[lang])
    scan("home")
    tab.goto(f"{ROOTS[lang]}checklist/")
    tick(tab, UNSURE)
    scan("checklist, not sure")
    tab.goto(f"{ROOTS[lang]}solutions/")
    tab.locator(f"[data-wg-solved='{IDS[0]}'] .wg-solved__yes").click()
    tab.locator(f"[data-wg-solved='{IDS[1]}'] .wg-solved__no").click()
    scan("solutions, answered")
    tab.goto(f"{ROOTS[lang]}support/")
    tab.click(".wg-summary__copy")
    scan("support, summary copied")
    tab.goto(f"{ROOTS[lang]}no-such-page/")
    scan("404")
    assert failures == [], "\n".join(failures)


# ---- The embed view: the portal hears the answers and the summary, if it is on the list --------


@pytest.mark.parametrize("lang", with_one_generated(11))
def test_an_allowed_portal_receives_feedback_and_summary(page, portals, base_url, lang):
    from tests.browser.test_embed import events, open_portal

    frame = open_portal(page, portals.allowed, base_url, page="/solutions/", lang=lang)
    frame.locator(f"[data-wg-solved='{IDS[0]}'] .wg-solved__yes").click()
    frame.locator(f"[data-wg-solved='{IDS[1]}'] .wg-solved__no").click()
    page.wait_for_function("window.__events.filter(e => e.type === 'feedback').length === 2")
    feedback = [
        {k: e[k] for k in ("step", "solved", "lang", "source", "version")} for e in events(page, "feedback")
    ]
    assert feedback == [
        {"step": IDS[0], "solved": True, "lang": lang, "source": "wallet-guide", "version": 1},
        {"step": IDS[1], "solved": False, "lang": lang, "source": "wallet-guide", "version": 1},
    ]
    # The last «not solved» leads to the support page, whose summary the portal receives when
    # the reader sends it.
    frame.locator(f"[data-wg-solved='{IDS[-1]}'] .wg-solved__no").click()
    frame.locator(".wg-summary__send").click()
    page.wait_for_function("window.__events.some(e => e.type === 'summary')")
    summary = events(page, "summary")[-1]
    assert summary["lang"] == lang and summary["tried"] == [IDS[1], IDS[-1]]
    assert f"2. {texts(lang)[IDS[1]].fix}" in summary["text"]
    assert {m["origin"] for m in page.evaluate("window.__messages")} == {base_url}


def test_a_portal_not_on_the_list_receives_neither(page, portals, base_url):
    from tests.browser.test_embed import open_portal

    # A plain frame: embed.js would replace a silent guide with its error message and a link.
    frame = open_portal(page, portals.foreign, base_url, page="/solutions/", raw=portals.foreign)
    frame.locator(f"[data-wg-solved='{IDS[0]}'] .wg-solved__no").click()
    frame.locator(f"[data-wg-solved='{IDS[-1]}'] .wg-solved__no").click()
    frame.locator(".wg-summary__text").wait_for(state="attached")
    # Positive control instead of a wait: the guide's frame posts a probe after the answers; a
    # frame's messages arrive in the order posted, so once the probe is in, any answer would be too.
    from tests.browser.test_embed import guide

    guide(page).evaluate("parent.postMessage('probe', '*')")
    page.wait_for_function("window.__messages.some(m => m.data === 'probe')")
    assert page.evaluate("window.__messages") == [{"origin": base_url, "data": "probe"}]


def test_a_site_with_a_feedback_endpoint_receives_each_answer(browser, request):
    """Off by default (the session build has none); a site that sets one gets a beacon per answer."""
    from tests.conftest import shared_site

    _, url = shared_site(request, "feedback", env={"FEEDBACK_ENDPOINT": "/answers"})
    context = browser.new_context(base_url=url, viewport=PHONE)
    tab = context.new_page()
    beacons = []
    tab.on("request", lambda r: r.url.endswith("/answers") and beacons.append((r.method, r.post_data)))
    tab.goto("/en/solutions/")
    # One beacon per answer: the second answer's beacon is the positive control that the
    # first answer sent one and only one (beacons leave in the order they are sent).
    for step, button in ((IDS[2], "no"), (IDS[0], "yes")):
        with tab.expect_request(lambda r: r.url.endswith("/answers")):
            tab.locator(f"[data-wg-solved='{step}'] .wg-solved__{button}").click()
    context.close()
    import json

    assert [(method, json.loads(data)) for method, data in beacons] == [
        ("POST", {"step": IDS[2], "solved": False, "lang": "en", "page": "/en/solutions/"}),
        ("POST", {"step": IDS[0], "solved": True, "lang": "en", "page": "/en/solutions/"}),
    ]
