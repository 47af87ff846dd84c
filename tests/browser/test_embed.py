"""A support portal on another origin embeds the guide with embed.js (tests/browser/embed_host/):
the frame's height, links followed inside, the theme, which origins hear from the guide, and what
the portal shows while the guide loads or when it does not answer.

The guide is built for the origin it is served from (conftest.py), so Material's instant
navigation is active in the frame as it is when deployed. The main test server ignores `_headers`
(as GitHub Pages does); `headers_host` serves the same site with them (as Netlify does)."""

from __future__ import annotations

import itertools
import socket
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import HeldRequests
from tests.generated import HTML_LANG, in_language
from tests.languages import GENERATED, interface_texts

FRAME = "#guide iframe"
HEADING_SCROLL_TOLERANCE = 2  # px: the host scrolls to the section's top, rounded


def open_portal(tab, portal: str, base_url: str, **options: str):
    """The portal's page in ``tab`` with the guide mounted (``options``: what host.js takes);
    returns the guide's frame, once loaded."""
    tab.goto(f"{portal}/host.html?{urlencode({'site': base_url + '/', **options})}")
    tab.wait_for_function("window.__loaded === true")
    return tab.frame_locator(FRAME)


def guide(page):
    """The guide's document (a Playwright Frame), to run code in it."""
    return page.query_selector(FRAME).content_frame()


def frame_height(page) -> float:
    return page.eval_on_selector(FRAME, "f => f.getBoundingClientRect().height")


def content_height(page) -> int:
    return guide(page).evaluate("Math.ceil(document.body.getBoundingClientRect().height)")


def events(page, kind: str) -> list[dict]:
    return page.evaluate(f"window.__events.filter(e => e.type === '{kind}')")


def wait_for_height(page, condition: str) -> None:
    page.wait_for_function(
        f"(h => {condition})(document.querySelector('{FRAME}').getBoundingClientRect().height)"
    )


def test_frame_is_as_tall_as_the_content_and_follows_a_block_opening_and_closing(page, portals, base_url):
    frame = open_portal(page, portals.allowed, base_url, page="/integrate/", lang="en", section="protocol")
    page.wait_for_function("window.__events.some(e => e.type === 'resize')")
    closed = frame_height(page)
    assert closed == content_height(page)
    assert frame.locator(".wg-embed-demo").is_hidden(), "section=protocol should hide the live example"

    frame.locator("details:visible > summary").click()
    wait_for_height(page, f"h > {closed}")
    opened = frame_height(page)
    assert opened == content_height(page)
    assert frame.locator("details:visible pre").first.is_visible()

    frame.locator("details:visible > summary").click()
    wait_for_height(page, f"h === {closed}")
    heights = [e["height"] for e in events(page, "resize")]
    assert heights[-1] == closed and opened in heights
    assert all(a != b for a, b in itertools.pairwise(heights)), f"a height was sent twice in a row: {heights}"


def tick(frame, cause_id: str) -> None:
    frame.locator(f"label[for='wg-check-box-{cause_id}']").click()


def test_frame_follows_the_checklist_as_results_appear_and_are_reset(page, portals, base_url):
    frame = open_portal(page, portals.allowed, base_url, page="/checklist/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'resize')")
    empty = frame_height(page)
    assert empty == content_height(page)
    assert frame.locator(".wg-checklist__items").is_visible() and frame.locator(".md-header").is_hidden()

    tick(frame, "balance")
    wait_for_height(page, f"h > {empty}")
    one = frame_height(page)
    tick(frame, "app-version")
    wait_for_height(page, f"h > {one}")
    assert frame_height(page) == content_height(page)
    assert frame.locator(".wg-checklist__fix:visible").count() == 2
    inside = guide(page).url
    assert "embed=1" in inside and "tick=balance,app-version" in inside

    frame.locator(".wg-checklist__reset").click()
    wait_for_height(page, f"h === {empty}")
    heights = [e["height"] for e in events(page, "resize")]
    assert heights[-1] == empty and max(heights) > one
    assert all(a != b for a, b in itertools.pairwise(heights)), f"a height was sent twice in a row: {heights}"


def test_the_checklist_works_inside_the_embed_view_and_its_links_stay_embedded(page, portals, base_url):
    page.clock.install()  # time flows, and can be run ahead: see below
    frame = open_portal(page, portals.allowed, base_url, page="/causes/", theme="dark")
    tick(frame, "verification")
    fix = frame.locator(".wg-checklist__fix:visible a")
    assert fix.count() == 1
    fix.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/solutions/')")
    wait_for_height(page, f"h === {content_height(page)}")
    # Material's anchor tracking would rewrite the #hash from the scroll position after its
    # timers (a 250 ms debounce, then 250 ms more): run every timer due in the next second.
    page.clock.run_for(1000)
    assert events(page, "navigation")[-1]["section"] == "verification"
    inside = guide(page).url
    assert "embed=1" in inside and "theme=dark" in inside and inside.endswith("#verification")
    assert frame.locator(".md-header").is_hidden()
    assert frame.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_section_parameter_shows_that_section_only(page, portals, base_url):
    frame = open_portal(page, portals.allowed, base_url, page="/causes/", section="balance")
    frame.locator("#balance").wait_for()
    assert frame.locator("#balance").is_visible()
    assert frame.locator("#balance ~ p a[href*='/solutions/']").first.is_visible()
    for hidden in ("#causes", "#network", "#channel", "#app-version"):
        assert frame.locator(hidden).is_hidden(), f"{hidden} is outside the section"
    assert frame.locator(".md-header").is_hidden() and frame.locator(".md-footer").is_hidden()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    assert events(page, "navigation")[-1]["section"] == "balance"
    wait_for_height(page, f"h === {content_height(page)}")
    assert frame_height(page) < 600, "one section should need far less height than the page"


def test_a_reader_not_embedded_loads_only_the_small_head_script(page, base_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    # The load event waits for the scripts of the page and those they add before it: embed-head.js
    # has run and loaded what it chose to (itself, the positive control, is in the list).
    page.goto("/causes/", wait_until="load")
    embed = [r.rsplit("/", 1)[-1] for r in requests if "/assets/wallet-guide/embed" in r]
    assert embed == ["embed-head.js"]
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("document.documentElement.dataset.wgEmbed") is None


@pytest.mark.parametrize("address", ["/causes/", "/causes/?embed=1"])
def test_the_guides_header_is_never_shown_in_the_embed_view_even_before_its_script(page, address):
    """embed-head.js is async: on a busy machine it can run after the page has been painted. Until
    it has, the embed view shows nothing rather than the guide's header and menus in the
    portal's frame; a reader not embedded sees the page at once (the control)."""
    embed_head = HeldRequests(page, "**/embed-head.js")
    page.goto(address, wait_until="domcontentloaded")
    embed_head.wait()
    embedded = "embed=1" in address
    header, heading = page.locator(".md-header"), page.locator("article h1")
    assert header.is_visible() is not embedded and heading.is_visible() is not embedded
    embed_head.release()
    expect(heading).to_be_visible()
    assert header.is_visible() is not embedded


def test_unknown_section_shows_the_whole_page_with_a_warning(page, base_url):
    warnings = []
    page.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
    page.goto("/en/causes/?embed=1&section=no-such-id")
    assert page.locator("#network").is_visible() and page.locator("#app-version").is_visible()
    assert page.locator(".md-header").is_hidden()
    assert any("no-such-id" in w for w in warnings)
    assert page.console_errors == []


def test_a_link_followed_inside_stays_in_the_embed_view(page, portals, base_url):
    frame = open_portal(page, portals.allowed, base_url, page="/causes/")
    page.wait_for_function("window.__events.some(e => e.type === 'ready')")
    ready = events(page, "ready")[0]
    assert (ready["path"], ready["lang"], ready["url"]) == ("/causes/", "zh", f"{base_url}/causes/")
    guide(page).evaluate("window.__sameDocument = true")

    frame.locator("#balance ~ p a[href*='/solutions/']").first.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/solutions/')")
    inside = guide(page)
    assert "embed=1" in inside.url and "/solutions/" in inside.url
    assert inside.evaluate("window.__sameDocument === true"), "instant navigation should stay in the page"
    assert frame.locator(".md-header").is_hidden() and frame.locator(".md-sidebar--primary").is_hidden()
    navigation = events(page, "navigation")[-1]
    assert navigation["url"] == f"{base_url}/solutions/#balance"
    assert navigation["section"] == "balance" and navigation["top"] > 0
    wait_for_height(page, f"h === {content_height(page)}")
    # The portal scrolled its own page to the section (the frame itself never scrolls).
    page.wait_for_function(
        f"Math.abs(document.querySelector('{FRAME}').getBoundingClientRect().top + {navigation['top']})"
        f" <= {HEADING_SCROLL_TOLERANCE}"
    )
    assert page.evaluate("scrollY") > 0

    # A second hop, this time a full page load: still embedded, the parent still hears.
    ready_count = len(events(page, "ready"))
    inside.evaluate("location.href = document.querySelector('article a[href*=\"/causes/\"]').href")
    page.wait_for_function(f"window.__events.filter(e => e.type === 'ready').length > {ready_count}")
    assert events(page, "ready")[-1]["path"] == "/causes/"
    assert frame.locator(".md-header").is_hidden()
    assert "embed=1" in guide(page).url


def test_set_theme_switches_the_colour_scheme_without_storing_it(page, portals, base_url):
    frame = open_portal(page, portals.allowed, base_url, page="/", lang="en", theme="dark")
    body = frame.locator("body")
    page.wait_for_function("window.__events.some(e => e.type === 'ready')")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.evaluate("window.__guide.setTheme('light')")
    frame.locator("body[data-md-color-scheme='default']").wait_for(state="attached")
    page.evaluate("window.__guide.setTheme('dark')")
    frame.locator("body[data-md-color-scheme='slate']").wait_for(state="attached")
    # The theme follows the reader to the next page inside the frame...
    frame.locator("article a[href*='/causes/']").first.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/causes/')")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    # ...but is not the reader's own choice: the guide opened directly keeps the default.
    page.goto(f"{base_url}/en/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"


@pytest.mark.parametrize(
    "portal,claimed_parent,hears",
    [
        ("allowed", "allowed", True),  # the control: the same frame, on a portal of the list
        ("foreign", "foreign", False),
        ("foreign", "allowed", False),  # a forged ?parent= does not help
    ],
)
def test_only_a_portal_on_the_allow_list_hears_from_the_guide(
    page, portals, base_url, portal, claimed_parent, hears
):
    portal_url = getattr(portals, portal)
    open_portal(page, portal_url, base_url, page="/causes/", raw=getattr(portals, claimed_parent))
    frame = page.frame_locator(FRAME)
    frame.locator("#network").wait_for()  # the guide shows either way
    heard = messages_before_a_ping(page)
    if hears:
        assert "navigation" in {m["data"].get("type") for m in heard}
        assert {m["origin"] for m in heard} == {base_url}
    else:
        assert heard == []


PING = "test-ping"


def messages_before_a_ping(page) -> list[dict]:
    """What the portal heard from the guide, proven complete by a positive control: once the
    guide has shown its page (its links to other pages carry embed=1: show() has run, and it
    posts `ready` and `navigation` to a portal it may talk to), the frame posts a ping to the
    portal. Messages from one window arrive in the order they were posted, so once the ping is
    there, whatever the guide posted before it is too."""
    inner = guide(page)
    inner.wait_for_function("document.querySelector(\"article a[href*='embed=1']\") !== null")
    inner.evaluate(f"window.parent.postMessage({{type: '{PING}'}}, '*')")
    page.wait_for_function(f"window.__messages.some(m => m.data && m.data.type === '{PING}')")
    messages = page.evaluate("window.__messages")
    return messages[: [m["data"].get("type") for m in messages].index(PING)]


def test_a_portal_not_on_the_list_changes_nothing_and_is_told_so(page, portals, base_url):
    frame = open_portal(page, portals.foreign, base_url, page="/causes/")
    frame.locator("#network").wait_for(state="attached")
    page.evaluate("window.__guide.setTheme('dark')")
    # The positive control: embed.js reports that the guide did not answer...
    page.wait_for_function("window.__events.some(e => e.type === 'error')")
    # ...by then set-theme had long arrived, and changed nothing; the guide said nothing.
    assert guide(page).evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    assert page.evaluate("window.__messages") == []
    link = page.locator("#guide a[target=_blank]")
    assert link.is_visible() and link.get_attribute("href") == f"{base_url}/causes/"
    assert page.locator(FRAME).is_hidden()


@pytest.mark.parametrize("url", ["/integrate/", "/en/integrate/"])
def test_integrator_page_live_example_loads_when_opened_and_resizes(page, base_url, url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="load")  # a frame with an address delays the load event: it would be requested
    demo = page.locator(".wg-embed-demo iframe")
    assert demo.count() == 1
    assert not [r for r in requests if "/checklist/" in r], "the example loads only when opened"

    page.locator("#live-example ~ details > summary").first.click()
    inner = demo.content_frame
    inner.locator(".wg-checklist__items").wait_for()
    assert inner.locator(".md-header").is_hidden()
    height = "document.querySelector('.wg-embed-demo iframe').getBoundingClientRect().height"
    inner_height = "f => Math.ceil(f.contentDocument.body.getBoundingClientRect().height)"
    page.wait_for_function(f"{height} === {demo.evaluate(inner_height)}")
    empty = demo.evaluate("f => f.getBoundingClientRect().height")

    inner.locator("label[for='wg-check-box-network']").click()
    page.wait_for_function(f"{height} > {empty}")
    page.wait_for_function(f"{height} === {demo.evaluate(inner_height)}")
    assert [r for r in requests if not r.startswith(base_url)] == []
    assert page.console_errors == []


def shows_its_page(frame) -> None:
    """What the reader sees in the frame: the page's heading, visible (not a blank frame),
    and no header of the guide's own."""
    heading = frame.locator("article h1")
    heading.wait_for()
    assert heading.is_visible(), "the frame is blank: the embed view was lost"
    assert frame.locator(".md-header").count() == 1 and frame.locator(".md-header").is_hidden()


def test_links_and_back_inside_the_frame_keep_the_embed_view_under_instant_navigation(
    page, portals, base_url
):
    """The guide is built for the origin it is served from, as deployed: Material's instant
    navigation replaces the page in place, and the embed view must survive it."""
    frame = open_portal(page, portals.allowed, base_url, page="/causes/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'ready')")
    shows_its_page(frame)
    assert frame.locator("article h1").inner_text().startswith("I. Common causes")
    guide(page).evaluate("window.__sameDocument = true")
    causes_height = frame_height(page)

    frame.locator("#balance ~ p a[href*='/solutions/']").first.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/solutions/')")
    assert guide(page).evaluate("window.__sameDocument === true"), "instant navigation was not active"
    shows_its_page(frame)
    assert frame.locator("article h1").inner_text().startswith("II. How can you fix")
    wait_for_height(page, f"h === {content_height(page)} && h !== {causes_height}")

    guide(page).evaluate("history.back()")
    page.wait_for_function("window.__events.filter(e => e.type === 'navigation').at(-1).path === '/causes/'")
    assert guide(page).evaluate("window.__sameDocument === true")
    shows_its_page(frame)
    assert frame.locator("article h1").inner_text().startswith("I. Common causes")
    wait_for_height(page, f"h === {content_height(page)}")
    assert frame_height(page) == causes_height

    guide(page).evaluate("history.forward()")
    page.wait_for_function(
        "window.__events.filter(e => e.type === 'navigation').at(-1).path === '/solutions/'"
    )
    shows_its_page(frame)
    assert page.console_errors == []


def test_a_tick_is_a_state_change_that_does_not_move_the_portal(page, portals, base_url):
    frame = open_portal(page, portals.allowed, base_url, page="/checklist/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    page.evaluate("window.scrollTo(0, 300)")
    page.wait_for_function("window.scrollY === 300")
    navigations = len(events(page, "navigation"))

    tick(frame, "balance")
    page.wait_for_function("window.__events.some(e => e.type === 'state')")
    state = events(page, "state")[-1]
    assert state["ticks"] == ["balance"] and state["path"] == "/checklist/"
    assert state["url"] == f"{base_url}/en/checklist/?tick=balance"
    tick(frame, "network")
    page.wait_for_function("window.__events.filter(e => e.type === 'state').length === 2")
    assert events(page, "state")[-1]["ticks"] == ["network", "balance"], "in the checklist's order"
    wait_for_height(page, f"h === {content_height(page)}")
    assert len(events(page, "navigation")) == navigations, "a tick is not a page change"
    assert page.evaluate("window.scrollY") == 300, "the portal's page moved"


def test_the_embedded_checklist_forgets_other_customers_ticks_unless_the_portal_asks(page, portals, base_url):
    # A reader of the guide itself ticked a box on this device: it is kept for them...
    page.goto(f"{base_url}/en/checklist/")
    page.locator("label[for='wg-check-box-network']").click()
    page.wait_for_url("**tick=network")
    page.goto(f"{base_url}/en/checklist/")
    assert page.locator("#wg-check-box-network").is_checked()

    # ...but the portal's frame, on the same device, starts empty and stores nothing.
    frame = open_portal(page, portals.allowed, base_url, page="/checklist/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'ready')")
    assert frame.locator(".wg-checklist__box:checked").count() == 0
    tick(frame, "balance")
    page.wait_for_function("window.__events.some(e => e.type === 'state')")
    stored = guide(page).evaluate("localStorage.getItem('wallet-guide.checklist')")
    assert stored == '["network"]', "the frame overwrote the reader's own ticks"

    # A portal that asks for it (rememberTicks) gets the device's ticks.
    frame = open_portal(page, portals.allowed, base_url, page="/checklist/", lang="en", rememberTicks="1")
    page.wait_for_function("window.__events.some(e => e.type === 'ready')")
    assert frame.locator("#wg-check-box-network").is_checked()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


DOCUMENTED_TIMEOUT_MS = 10_000  # docs/*/integrate.md, "Options and events": the default timeout


def assert_reports_the_failure(page, page_url: str) -> None:
    page.wait_for_function(
        "window.__events.some(e => e.type === 'error')", timeout=DOCUMENTED_TIMEOUT_MS + 2000
    )
    error = events(page, "error")[0]
    assert error["at"] - page.evaluate("window.__startedAt") <= DOCUMENTED_TIMEOUT_MS
    assert error["url"] == page_url and "did not answer" in error["message"]
    page.wait_for_function("window.__outcome !== null")
    assert page.evaluate("window.__outcome") == error["message"], "mount().ready rejects with it"
    link = page.locator("#guide a")
    assert link.is_visible() and link.get_attribute("href") == page_url
    assert link.get_attribute("target") == "_blank"
    assert page.locator(FRAME).is_hidden()


def test_a_guide_that_never_answers_is_reported_with_a_link_to_the_page(page, portals, base_url):
    down = f"http://127.0.0.1:{closed_port()}/"
    page.goto(
        f"{portals.allowed}/host.html?{urlencode({'site': base_url + '/', 'siteUrl': down, 'page': '/causes/', 'lang': 'en'})}"
    )
    page.wait_for_function("window.__guide !== undefined")
    placeholder = page.locator("#guide [role=status]")
    assert_reports_the_failure(page, f"{down}en/causes/")
    assert placeholder.inner_text().startswith("The guide cannot be shown here right now.")


def test_a_frame_refused_by_frame_ancestors_is_reported(page, portals, headers_host):
    """Served with its _headers (as on Netlify), the guide refuses a portal not on the list."""
    page.goto(f"{portals.foreign}/host.html?{urlencode({'site': headers_host + '/', 'page': '/causes/'})}")
    assert_reports_the_failure(page, f"{headers_host}/causes/")


def test_a_portal_on_the_list_is_framed_where_headers_are_applied(page, portals, headers_host):
    """The control for the test above: same server and headers, a listed portal."""
    frame = open_portal(page, portals.allowed, headers_host, page="/causes/")
    page.wait_for_function("window.__outcome === 'ready'")
    shows_its_page(frame)


def test_the_placeholder_holds_a_sensible_height_while_the_frame_loads(page, portals, base_url):
    page.route("**/causes/?embed=1*", lambda route: None)  # the guide's page never arrives
    page.goto(
        f"{portals.allowed}/host.html?{urlencode({'site': base_url + '/', 'page': '/causes/'})}",
        wait_until="domcontentloaded",
    )  # the frame holds the portal's load event
    page.wait_for_function("window.__guide !== undefined")
    status = page.locator("#guide [role=status]")
    assert status.inner_text() == "正在加载指南…"
    assert frame_height(page) >= 600, "the frame would jump from a small placeholder"


def test_the_declarative_snippet_leaves_a_working_link_when_embed_js_cannot_load(page, portals, base_url):
    missing = f"http://127.0.0.1:{closed_port()}/embed/v1/embed.js"
    page.goto(
        f"{portals.allowed}/host.html?{urlencode({'site': base_url + '/', 'page': '/causes/', 'declarative': '1', 'script': missing})}"
    )
    page.wait_for_function("window.__scriptFailed === true")
    link = page.locator("#guide a")
    assert link.is_visible() and link.get_attribute("href") == f"{base_url}/causes/"
    link.click()
    page.wait_for_url(f"{base_url}/causes/")
    assert page.locator("article h1").is_visible()


def test_the_declarative_snippet_replaces_its_link_with_the_guide(page, portals, base_url):
    page.goto(
        f"{portals.allowed}/host.html?{urlencode({'site': base_url + '/', 'page': '/causes/', 'lang': 'en', 'declarative': '1'})}"
    )
    shows_its_page(page.frame_locator(FRAME))
    assert page.locator("#guide > a").count() == 0


def test_the_content_api_can_be_read_from_a_portal_where_headers_are_applied(page, portals, headers_host):
    page.goto(f"{portals.allowed}/host.html")
    document = page.evaluate(f"fetch('{headers_host}/api/v1/en/pages.json').then(r => r.json())")
    assert document["lang"] == "en" and document["pages"]


@pytest.mark.parametrize("served_from", ["another-host", "portal-copy"])
def test_embed_js_finds_the_guide_from_its_own_address_or_the_site_it_was_built_for(
    page, portals, base_url, headers_host, site, served_from
):
    """No siteUrl: the guide's root is embed.js's address minus the path it is published at
    (here the same site on another host, at its first address assets/wallet-guide/embed.js); a
    copy the portal serves itself uses the address the guide was built for (site_url)."""
    if served_from == "portal-copy":
        script, guide_root = f"{portals.allowed}/vendor/wallet-guide-embed.js", base_url
        body = (site / "embed" / "v1" / "embed.js").read_text(encoding="utf-8")
        page.route(script, lambda route: route.fulfill(body=body, content_type="text/javascript"))
    else:
        script, guide_root = f"{headers_host}/assets/wallet-guide/embed.js", headers_host
    page.goto(
        f"{portals.allowed}/host.html?{urlencode({'page': '/causes/', 'lang': 'en', 'script': script, 'site': 'http://unused.invalid/'})}"
    )
    page.wait_for_function("window.__loaded === true")
    assert page.get_attribute(FRAME, "src").startswith(f"{guide_root}/en/causes/?embed=1")
    shows_its_page(page.frame_locator(FRAME))


# ---- The generated languages (zh-tw, zh-hk): a portal in Taiwan or Hong Kong says lang=zh-tw ----


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_a_generated_language_is_embedded_in_its_script_and_its_links_stay_in_it(
    page, portals, base_url, lang
):
    frame = open_portal(page, portals.allowed, base_url, page="/causes/", lang=lang)
    page.wait_for_function("window.__events.some(e => e.type === 'ready')")
    ready = events(page, "ready")[0]
    assert (ready["path"], ready["lang"], ready["url"]) == ("/causes/", lang, f"{base_url}/{lang}/causes/")
    shows_its_page(frame)
    assert guide(page).evaluate("document.documentElement.lang") == HTML_LANG[lang]
    balance = in_language({"zh": "账户余额不足"}, lang)
    assert balance != "账户余额不足" and balance in frame.locator("#balance").inner_text()
    guide(page).evaluate("window.__sameDocument = true")

    frame.locator("#balance ~ p a[href*='/solutions/']").first.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/solutions/')")
    navigation = events(page, "navigation")[-1]
    assert (navigation["lang"], navigation["url"]) == (lang, f"{base_url}/{lang}/solutions/#balance")
    inside = guide(page)
    assert inside.evaluate("window.__sameDocument === true"), "instant navigation should stay in the page"
    assert "embed=1" in inside.url and f"/{lang}/solutions/" in inside.url
    shows_its_page(frame)
    step = in_language({"zh": "查看账户余额"}, lang)
    assert step in frame.locator("#balance").inner_text()


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_a_generated_languages_checklist_ticks_are_state_messages_in_that_language(
    page, portals, base_url, lang
):
    frame = open_portal(page, portals.allowed, base_url, page="/checklist/", lang=lang)
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    tick(frame, "balance")
    page.wait_for_function("window.__events.some(e => e.type === 'state')")
    state = events(page, "state")[-1]
    assert (state["lang"], state["path"], state["ticks"]) == (lang, "/checklist/", ["balance"])
    assert state["url"] == f"{base_url}/{lang}/checklist/?tick=balance"
    fix = frame.locator(".wg-checklist__fix:visible")
    expect(fix).to_contain_text(in_language({"zh": "查看账户余额"}, lang))


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_the_placeholder_speaks_the_embedded_generated_language(page, portals, base_url, lang):
    page.route(f"**/{lang}/causes/?embed=1*", lambda route: None)  # the guide's page never arrives
    page.goto(
        f"{portals.allowed}/host.html?{urlencode({'site': base_url + '/', 'page': '/causes/', 'lang': lang})}",
        wait_until="domcontentloaded",
    )
    page.wait_for_function("window.__guide !== undefined")
    loading = interface_texts(lang)["embed"]["loading"]
    assert loading != interface_texts("zh")["embed"]["loading"]
    assert page.locator("#guide [role=status]").inner_text() == loading
