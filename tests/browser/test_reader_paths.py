"""The reader's paths on a phone (390 x 844), in every language, the schemes in turn: «charged, but it
says failed» one tap from the home page and first for search, every symptom tile with its fix in
view after one tap, the guided flow of «不确定» (at most 4 answers to each cause, its place kept by
the address, the embed view's history untouched), the summary an agent can use, a deployment's
support channels (an example file) and axe-core in each new state."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import PHONE, READERS, HeldRequests
from tests.browser.test_checklist import shown_fixes, ticked
from tests.browser.test_search import search
from tests.conftest import ROOT, shared_site
from tests.generated import GENERATED, TRANSLATED, in_language, repository_checklist
from tests.languages import CODES, ROOTS, interface_texts, with_one_generated
from wallet_guide.conversion.convert import with_generated
from wallet_guide.data.our_advice import load_advice
from wallet_guide.data.questions import MAX_ANSWERS, answers_to, load_questions
from wallet_guide.data.url_contract import load_contract

CONTRACT = load_contract()
CAUSES_PAGE = next(p for p in CONTRACT.pages if p.path == "causes/")
CHECKLIST = repository_checklist(CAUSES_PAGE.ids)
IDS = [cause.id for cause in CHECKLIST.causes]
QUESTIONS = load_questions(ROOT / "data" / "checklist.yml", "data/checklist.yml", IDS, TRANSLATED)
ADVICE = load_advice(ROOT / "data" / "our-advice.yml", "data/our-advice.yml", IDS, TRANSLATED)
CHARGED_TEXTS = with_generated(ADVICE.texts, GENERATED)
PATHS = answers_to(QUESTIONS)  # cause id (or "charged") -> the fewest answers that reach it
FIXTURE_CHANNELS = ROOT / "tests" / "checklist" / "fixtures" / "support-channels.yml"


def home(lang: str) -> str:
    return "/" + ROOTS[lang]


def fix_title(lang: str, cause_id: str) -> str:
    return next(c.texts[lang].fix for c in CHECKLIST.causes if c.id == cause_id)


def in_view(tab, selector: str) -> bool:
    return tab.evaluate(
        """s => { const e = document.querySelector(s); if (!e) return false;
                  const r = e.getBoundingClientRect();
                  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }""",
        selector,
    )


def clean(tab, include: str | None = ".wg-checklist") -> None:
    violations = axe_violations(tab, include)
    assert violations == [], describe(violations)


# ---- 1. Charged, but it says failed ------------------------------------------------------------


@pytest.mark.parametrize("lang,scheme", READERS)
def test_the_charged_path_is_one_tap_from_home_with_the_check_first(phone, lang, scheme):
    tab = phone(scheme)
    tab.goto(home(lang))
    tiles = tab.locator(".wg-triage__target")
    expect(tiles.first).to_have_text(CHARGED_TEXTS[lang]["tile"])
    tiles.first.click()  # the one tap
    tab.wait_for_url(f"**/{ROOTS[lang]}checklist/?tick=charged#wg-fix-charged")
    check = ".wg-checklist__check"
    expect(tab.locator(check)).to_be_visible()
    assert in_view(tab, check), "the check is on the screen after one tap"
    expect(tab.locator(f"{check} .wg-our-advice__check")).to_have_text(CHARGED_TEXTS[lang]["check"])
    expect(tab.locator(f"{check} .wg-our-advice__mark")).to_have_text(CHARGED_TEXTS[lang]["mark"])
    # If the money was taken: the article's step «contact the financial institution», not paying again.
    assert shown_fixes(tab) == [fix_title(lang, ADVICE.contact_step)]
    # Announced: focus on the result's title, and the status says what is ticked.
    expect(tab.locator("#wg-check-fixes")).to_be_focused()
    expect(tab.locator(".wg-checklist [role=status]")).not_to_be_empty()
    clean(tab)
    assert tab.console_errors == []


@pytest.mark.parametrize("lang", CODES)
def test_the_check_comes_before_every_fix_that_spends_money_again(phone, lang):
    tab = phone()
    tab.goto(f"{home(lang)}checklist/?tick={','.join(IDS)}")
    order = tab.evaluate(
        """() => [...document.querySelectorAll('.wg-checklist__check, .wg-checklist__fix')]
                 .filter(e => e.offsetParent !== null).map(e => e.dataset.wgId || 'check')"""
    )
    assert order[0] == "check" and set(ADVICE.check_before) <= set(order), order
    # And on the solutions page, the guide's own section comes before every step.
    tab.goto(f"{home(lang)}solutions/")
    ids = tab.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert ids.index("charged") < min(ids.index(i) for i in IDS), ids


SEARCHES = [
    ("zh", "扣款了但显示失败"),
    ("zh", "扣款"),
    ("zh", "扣钱"),
    ("zh-tw", "扣款了但顯示失敗"),
    ("zh-hk", "扣款了但顯示失敗"),
    ("en", "charged but failed"),
    ("en", "money taken"),
]


@pytest.mark.parametrize("lang,query", SEARCHES)
def test_search_finds_the_charged_path_first(page, lang, query):
    page.goto(home(lang))
    search(page, query)
    first = page.locator(".wg-search__result").first
    href = first.get_attribute("href")
    assert href.endswith(f"/{ROOTS[lang]}solutions/#charged"), f"{query!r}: first result is {href}"
    first.click()
    page.wait_for_url("**/solutions/#charged")
    expect(page.locator("#charged")).to_be_in_viewport()


# ---- 2. One tap to the fix ---------------------------------------------------------------------


@pytest.mark.parametrize("lang,scheme", READERS)
def test_every_symptom_tile_shows_its_fix_in_view_after_one_tap(phone, lang, scheme):
    """Each tile of the home page ticks its symptom in the checklist and puts its fix, and only
    it, on the screen. («不确定»'s tile: test_not_sure_asks_its_first_question_in_view_….)"""
    tab = phone(scheme)
    for cause_id in IDS:
        tab.goto(home(lang))
        tab.click(f".wg-triage__target[data-wg-tick='{cause_id}']")
        tab.wait_for_url(f"**/checklist/?tick={cause_id}#wg-fix-{cause_id}")
        fix = f"#wg-fix-{cause_id}"
        expect(tab.locator(fix)).to_be_visible()
        tab.wait_for_function(
            "s => { const r = document.querySelector(s).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
            arg=fix,
        )
        assert ticked(tab) == [cause_id]
        assert shown_fixes(tab) == [fix_title(lang, cause_id)]
        # A screen reader hears where it landed.
        expect(tab.locator("#wg-check-fixes")).to_be_focused()
    clean(tab)


@pytest.mark.parametrize("lang", with_one_generated(0))
def test_the_landing_keeps_its_focus_when_a_later_script_arrives_late(phone, lang):
    """On a slow network the page's last scripts can arrive after the checklist's: the browser's
    own scroll to the #hash, once they have run, gives the focus to the page. The reader who
    tapped a tile (or «不确定») still lands on the result's heading (or the first question)."""
    # What the tile links to, and the heading the reader lands on.
    for address, heading in (
        ("?tick=network#wg-fix-network", "wg-check-fixes"),
        ("?tick=unsure#wg-check-fixes", f"wg-guide-{QUESTIONS[0].id}"),
    ):
        tab = phone()  # a first visit: no service worker yet to answer for search.js
        search_js = HeldRequests(tab, "**/search.js")  # deferred, after checklist.js
        tab.goto(f"{home(lang)}checklist/{address}", wait_until="commit")
        search_js.wait()
        expect(tab.locator(f"#{heading}")).to_be_focused()  # landed, search.js still on its way
        search_js.release()
        tab.wait_for_load_state("load")
        expect(tab.locator(f"#{heading}")).to_be_focused()
        assert in_view(tab, f"#{heading}")


def test_the_checklists_own_ticks_keep_their_place(phone):
    tab = phone()
    tab.goto("/checklist/")
    tab.click(f"label[for='wg-check-box-{IDS[1]}']")
    assert (
        tab.evaluate(
            "document.querySelector('.wg-checklist').classList.contains('wg-checklist--result-first')"
        )
        is False
    )
    assert tab.evaluate("document.activeElement.value") == IDS[1], "ticking does not move the focus"


# ---- 3. The guided flow of «不确定» -------------------------------------------------------------


def answer(tab, answer_id: str) -> None:
    tab.click(f"[data-wg-answer='{answer_id}']")


def current_question(tab) -> str | None:
    return tab.evaluate(
        "() => { const q = [...document.querySelectorAll('[data-wg-question]')].find(q => !q.hidden); return q ? q.dataset.wgQuestion : null; }"
    )


@pytest.mark.parametrize("lang,scheme", READERS)
def test_not_sure_asks_its_first_question_in_view_and_its_result_is_clean(phone, lang, scheme):
    """The guided flow's states as a reader on a phone sees them, in each language and scheme:
    the first question (focused, on the screen) and a result, without an axe violation."""
    tab = phone(scheme)
    tab.goto(home(lang))
    tab.click(".wg-triage__target[data-wg-tick='unsure']")  # one tap
    tab.wait_for_url("**/checklist/?tick=unsure#wg-check-fixes")
    first = QUESTIONS[0]
    ask = tab.locator(f"#wg-guide-{first.id}")
    expect(ask).to_have_text(first.texts.get(lang) or in_language(first.texts, lang))
    assert in_view(tab, f"#wg-guide-{first.id}")
    expect(ask).to_be_focused()
    assert ticked(tab) == ["unsure"]
    assert shown_fixes(tab) == [], "a question, not the list of every fix"
    clean(tab)
    for given in PATHS[IDS[0]]:
        answer(tab, given)
    assert shown_fixes(tab) == [fix_title(lang, IDS[0])]
    assert in_view(tab, f"#wg-fix-{IDS[0]}"), "the fix is on the screen"
    expect(tab.locator(".wg-guide__result")).to_be_focused()
    clean(tab)
    assert tab.console_errors == []


# The walk to every cause: the flow's logic (one script, the same in every language) in each
# language, the schemes in turn (what a scheme changes, colour, is scanned above).
@pytest.mark.parametrize("lang,scheme", READERS)
def test_not_sure_reaches_each_cause_in_at_most_four_answers(phone, lang, scheme):
    tab = phone(scheme)
    tab.goto(f"{home(lang)}checklist/?tick=unsure")
    first = QUESTIONS[0]
    for cause_id in IDS:
        answers = PATHS[cause_id]
        assert len(answers) <= MAX_ANSWERS
        for given in answers:
            answer(tab, given)
        assert shown_fixes(tab) == [fix_title(lang, cause_id)], f"{cause_id}: one fix after {answers}"
        assert in_view(tab, f"#wg-fix-{cause_id}"), f"{cause_id}: the fix is on the screen"
        expect(tab.locator(".wg-guide__result")).to_be_focused()
        tab.click(".wg-guide__restart")
        assert current_question(tab) == first.id
    # The charged answer leads to the check and the contact step.
    answer(tab, PATHS["charged"][0])
    expect(tab.locator(".wg-checklist__check")).to_be_visible()
    assert shown_fixes(tab) == [fix_title(lang, ADVICE.contact_step)]
    assert tab.console_errors == []


def test_the_guided_flow_keeps_its_place_after_reload_back_and_a_shared_link(phone):
    tab = phone()
    tab.goto("/checklist/?tick=unsure")
    path = PATHS[IDS[-1]]
    answer(tab, path[0])
    answer(tab, path[1])
    third = current_question(tab)
    assert tab.evaluate("new URL(location.href).searchParams.get('ask')") == ",".join(path[:2])
    tab.reload()
    assert current_question(tab) == third
    tab.go_back()
    assert current_question(tab) == QUESTIONS[[q.id for q in QUESTIONS].index(third) - 1].id
    tab.go_forward()
    assert current_question(tab) == third
    shared = tab.url
    other = phone()
    other.goto(shared)
    assert current_question(other) == third
    other.click(".wg-guide__back")
    assert current_question(other) != third
    # An answer that does not belong where it stands is dropped from the address.
    other.goto(f"/checklist/?tick=unsure&ask={path[1]}")
    assert current_question(other) == QUESTIONS[0].id
    assert other.evaluate("new URL(location.href).searchParams.get('ask')") is None


def test_the_guided_flow_in_the_embed_view_does_not_grow_the_hosts_history(page, portals, base_url):
    from tests.browser.test_embed import open_portal

    frame = open_portal(page, portals.allowed, base_url, page="/checklist/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    before = page.evaluate("history.length")
    frame.locator("label[for='wg-check-box-unsure']").click()
    path = PATHS[IDS[-1]]
    for given in path:
        frame.locator(f"[data-wg-answer='{given}']").click()
    expect(frame.locator(f"#wg-fix-{IDS[-1]}")).to_be_visible()
    expect(frame.locator(".wg-checklist__fix:visible")).to_have_count(1)
    assert page.evaluate("history.length") == before, "the host's Back still leaves the host's page"
    assert page.console_errors == []


def test_without_javascript_the_full_checklist_as_before_with_the_check_first(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, viewport=PHONE)
    tab = context.new_page()
    tab.goto("/checklist/?tick=unsure#wg-check-fixes")
    expect(tab.locator(".wg-guide")).to_be_hidden()
    assert shown_fixes(tab) == [fix_title("zh", i) for i in IDS]
    expect(tab.locator(".wg-checklist__check")).to_be_visible()
    context.close()


# ---- 4. The summary an agent can use -------------------------------------------------------------


def test_the_summary_lists_what_the_reader_said_and_the_details_they_added(phone):
    tab = phone()
    labels = CHECKLIST.labels["zh"]
    tab.goto("/solutions/")
    tab.locator(f"[data-wg-solved='{IDS[0]}'] .wg-solved__no").click()
    tab.goto("/support/#wg-summary")
    details = tab.locator(".wg-summary__details")
    details.locator("input[name=amount]").fill("12.30")
    details.locator("input[name=merchant]").fill("示例商店")
    details.locator("input[value=yes]").check()
    text = tab.locator(".wg-summary__text").inner_text()
    lines = text.splitlines()
    assert "12.30" in text and "示例商店" in text
    assert lines[lines.index(labels.summary_tried) + 1].endswith(fix_title("zh", IDS[0]))
    assert not any(fix_title("zh", i) in text for i in IDS[1:]), "only what the reader said did not help"
    assert lines[-1].startswith(labels.summary_time)
    tab.reload()
    expect(details.locator("input[name=amount]")).to_have_value("12.30")  # kept on this device
    clean(tab, ".wg-summary")


# ---- 5. A deployment's support channels -------------------------------------------------------


@pytest.fixture(scope="session")
def with_channels(request):
    """The site built with the example channels (tests/checklist/fixtures/), on its own origin."""
    _, url = shared_site(request, "channels", env={"SUPPORT_CHANNELS": str(FIXTURE_CHANNELS)})
    return url


@pytest.mark.parametrize("lang,scheme", [("zh", "light"), ("en", "dark"), ("zh-hk", "dark")])
def test_support_channels_are_actions_and_email_carries_the_summary(phone, with_channels, lang, scheme):
    tab = phone(scheme, base_url=with_channels)
    tab.goto(f"{home(lang)}support/")
    actions = tab.locator(".wg-channels__action")
    expect(actions).to_have_count(3)
    hrefs = actions.evaluate_all("links => links.map(a => a.href)")
    assert hrefs[1] == "tel:+442079460000" and hrefs[2] == "https://support.example.com/wallet"
    mail = urlsplit(hrefs[0])
    assert mail.scheme == "mailto" and mail.path == "help@example.com"
    body = parse_qs(mail.query)["body"][0]
    assert body.replace("\r\n", "\n") == tab.locator(".wg-summary__text").inner_text()
    tab.locator(".wg-summary__details input[name=merchant]").fill("Example")
    mail = urlsplit(actions.first.get_attribute("href"))
    assert "Example" in unquote(mail.query), "the body follows what the reader adds"
    clean(tab, ".wg-channels")


def test_without_channels_the_support_page_is_as_before(phone):
    tab = phone()
    tab.goto("/support/")
    expect(tab.locator(".wg-summary")).to_be_visible()
    expect(tab.locator(".wg-channels")).to_have_count(0)
    assert tab.locator("a[href^='tel:'], a[href^='mailto:']").count() == 0


def test_the_first_answer_about_the_money_reaches_the_summary(phone):
    tab = phone()
    said = next(a for a in QUESTIONS[0].answers if a.taken == "yes")
    tab.goto("/checklist/?tick=unsure")
    answer(tab, said.id)
    tab.goto("/support/")
    expect(tab.locator(".wg-summary__details input[value=yes]")).to_be_checked()
    guide = interface_texts("zh")["guide"]
    assert guide["taken"] + guide["taken_yes"] in tab.locator(".wg-summary__text").inner_text().splitlines()


# ---- 6. A real way out: the channels at the end of every path -----------------------------------


def first_in_view(tab, selector: str) -> bool:
    """The first visible element of ``selector`` is whole on the screen."""
    return tab.evaluate(
        """s => { const e = [...document.querySelectorAll(s)].find(e => e.offsetParent !== null);
                  if (!e) return false; const r = e.getBoundingClientRect();
                  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }""",
        selector,
    )


def mail_body(tab, scope: str) -> str:
    href = tab.locator(f"{scope} [data-wg-mailto]:visible").first.get_attribute("href")
    return parse_qs(urlsplit(href).query)["body"][0].replace("\r\n", "\n")


ACTION = ".wg-channels__action"


@pytest.mark.parametrize("lang,scheme", READERS)
def test_every_path_ends_with_the_deployments_channels_in_view(phone, with_channels, lang, scheme):
    """The charged tile, a symptom tile and the guided flow (to a cause, to the charged path):
    each ends with the channels as actions, the first of them on the screen without scrolling,
    and an e-mail that carries the reader's own summary."""
    tab = phone(scheme, base_url=with_channels)
    symptom = CHECKLIST.causes[0]
    ends = {
        "charged tile": (
            ".wg-triage__target[data-wg-tick='charged']",
            ".wg-checklist__check",
            CHARGED_TEXTS[lang]["tile"],
        ),
        "symptom tile": (
            f".wg-triage__target[data-wg-tick='{symptom.id}']",
            ".wg-checklist__result > .wg-channels",
            symptom.texts[lang].symptom,
        ),
    }
    for name, (tile, scope, noticed) in ends.items():
        tab.goto(home(lang))
        tab.click(tile)  # one tap
        tab.wait_for_url("**/checklist/?tick=*")
        expect(tab.locator(f"{scope} {ACTION}").first).to_be_visible()
        tab.wait_for_function(
            "s => { const r = document.querySelector(s).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
            arg=f"{scope} {ACTION}",
        )
        assert tab.locator(f".wg-checklist {ACTION}:visible").count() == 3, f"{name}: the channels, once"
        assert noticed in mail_body(tab, scope), f"{name}: the e-mail carries what the reader ticked"
    clean(tab)
    # The guided flow: its fix, then its own words and the channels.
    for target, scope in (
        (IDS[2], ".wg-checklist__result > .wg-channels"),
        ("charged", ".wg-checklist__check"),
    ):
        tab.goto(f"{home(lang)}checklist/?tick=unsure")
        for given in PATHS[target]:
            answer(tab, given)
        assert first_in_view(tab, f"{scope} {ACTION}"), (
            f"guided flow to {target}: the first channel is on the screen"
        )
        assert tab.locator(f".wg-checklist {ACTION}:visible").count() == 3
    expect(tab.locator(".wg-guide__support")).to_be_visible()
    expect(tab.locator(".wg-checklist__support")).to_be_hidden()  # «tried them all» is not what happened
    clean(tab)
    assert tab.console_errors == []


def test_the_channels_copy_the_summary_and_the_email_follows_the_ticks(phone, with_channels):
    tab = phone(base_url=with_channels, permissions=["clipboard-read", "clipboard-write"])
    labels = CHECKLIST.labels["en"]
    tab.goto(f"{home('en')}checklist/?tick={IDS[0]}")
    end = ".wg-checklist__result > .wg-channels"
    tab.locator(f"{end} .wg-summary__copy").click()
    expect(tab.locator(f"{end} .wg-summary__status")).to_have_text(labels.summary_copied)
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.splitlines()[0] == labels.summary_subject
    assert CHECKLIST.causes[0].texts["en"].symptom in copied
    # Another box ticked after the page was shown: the e-mail opened now carries it too.
    tab.click(f"label[for='wg-check-box-{IDS[3]}']")
    link = tab.locator(f"{end} [data-wg-mailto]")
    link.evaluate("a => a.addEventListener('click', e => e.preventDefault())")  # no mail program here
    link.click()
    assert CHECKLIST.causes[3].texts["en"].symptom in mail_body(tab, end)
    assert tab.console_errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_charged_section_and_the_support_page_put_the_channels_first(phone, with_channels, lang):
    tab = phone(base_url=with_channels)
    tab.goto(f"{home(lang)}solutions/#charged")
    section = tab.locator("#charged + .wg-our-advice")
    expect(section.locator(ACTION)).to_have_count(3)
    expect(section.locator(".wg-summary__copy")).to_be_visible()
    clean(tab, ".wg-our-advice")
    # «No, contact customer support» under the last step: the channels on the first screen,
    # above the details a reader may add.
    tab.goto(f"{home(lang)}solutions/")
    tab.locator(".wg-solved__no").last.click()
    tab.wait_for_url("**/support/#wg-summary")
    expect(tab.locator("#wg-summary-title")).to_be_focused()
    assert first_in_view(tab, f".wg-summary {ACTION}")
    channels_top, details_top = (
        tab.locator(s).evaluate("e => e.getBoundingClientRect().top")
        for s in (".wg-summary .wg-channels", ".wg-summary__details")
    )
    assert channels_top < details_top


def test_without_javascript_the_channels_still_work_once_and_without_a_copy_button(browser, with_channels):
    context = browser.new_context(base_url=with_channels, java_script_enabled=False, viewport=PHONE)
    tab = context.new_page()
    tab.goto("/checklist/?tick=charged#wg-fix-charged")
    expect(tab.locator(f".wg-checklist {ACTION}:visible")).to_have_count(3)
    expect(tab.locator(".wg-summary__copy:visible")).to_have_count(0)
    assert tab.locator(f".wg-checklist__check {ACTION}").first.get_attribute("href").startswith("mailto:")
    tab.goto("/support/")
    expect(tab.locator(f".wg-summary {ACTION}:visible")).to_have_count(3)
    expect(tab.locator(".wg-summary__details")).to_be_hidden()  # nothing to sum up without the script
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_channels_every_path_ends_at_the_support_pages_summary(phone, lang):
    tab = phone()
    tab.goto(f"{home(lang)}checklist/?tick=unsure")
    for given in PATHS[IDS[0]]:
        answer(tab, given)
    way = tab.locator(".wg-guide__support a")
    expect(way).to_be_visible()
    assert way.get_attribute("href").endswith("support/#wg-summary")
    assert first_in_view(tab, ".wg-guide__support a")
    tab.goto(f"{home(lang)}checklist/?tick=charged")
    expect(tab.locator(".wg-checklist__support a")).to_be_visible()
    expect(tab.locator(".wg-checklist__check a[href$='support/#wg-summary']")).to_be_visible()
    expect(tab.locator(".wg-channels")).to_have_count(0)


def test_a_portal_opens_the_guided_flow_where_the_apis_answers_lead(phone, site, base_url):
    """guide_url and &ask= of checklist.json (the integrator page's recipe) open the question
    those answers lead to."""
    document = json.loads((site / "api" / "v1" / "en" / "checklist.json").read_text(encoding="utf-8"))
    path = PATHS[IDS[-1]]
    tab = phone()
    tab.goto(f"{document['guide_url']}&ask={','.join(path[:-1])}")
    last = next(q for q in document["questions"] if any(a["id"] == path[-1] for a in q["answers"]))
    expect(tab.locator(f"#wg-guide-{last['id']}")).to_be_visible()
    expect(tab.locator(f"#wg-guide-{last['id']}")).to_have_text(last["text"])
