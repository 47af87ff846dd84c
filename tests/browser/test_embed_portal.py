"""A support portal's developer, with only the integrator page as the manual (issue 19): the guide
is built for its own origin and served applying its own `_headers` (as Netlify does; as
`scripts/guide.py serve-built --headers` does), the portal is tests/browser/embed_host/ on a
second origin (on the allow-list), a third origin is a portal that is not. Each test asserts
what the portal sees."""

from __future__ import annotations

import base64
import hashlib
import json
from urllib.parse import urlencode

import pytest

from tests.browser.conftest import PHONE
from tests.browser.test_embed import FRAME, events, guide, tick
from tests.conftest import shared_site


@pytest.fixture(scope="session")
def guide_site(request, portals):
    """(origin, site directory): the guide built for the origin it is served from, with headers."""
    result, url = shared_site(request, "guide-with-headers", env={"EMBED_ALLOWED_ORIGINS": portals.allowed})
    return url, result.site_dir


@pytest.fixture(scope="session")
def guide_origin(guide_site) -> str:
    return guide_site[0]


def portal_url(portal: str, guide_origin: str, **options: str) -> str:
    return f"{portal}/host.html?{urlencode({'site': guide_origin + '/', **options})}"


def open_portal(tab, portal: str, guide_origin: str, **options: str):
    """The portal's page with the guide mounted (``options``: what host.js takes), once the
    guide has said `ready`; returns the frame's locator."""
    tab.goto(portal_url(portal, guide_origin, **options))
    tab.wait_for_function("window.__outcome === 'ready'")
    return tab.frame_locator(FRAME)


def summaries(page) -> list[dict]:
    return page.evaluate("window.__summaries")


# ---- 1. One customer's ticks and answers never reach the next customer's summary ----

MOUNT_SUPPORT = """() => {
  window.__guide.destroy();
  window.__summaries = [];
  window.__callbacks = [];
  window.__guide = WalletGuideEmbed.mount(document.getElementById("guide"), {
    page: "/support/", lang: "en", onSummary: (message) => window.__callbacks.push(message),
  });
  window.__guide.ready.then(() => { window.__outcome = "second ready"; });
}"""


def ask_for_the_summary(page) -> dict:
    """The reader asks for the summary (the button that hands it to the portal); the first
    `summary` the portal received."""
    page.frame_locator(FRAME).locator(".wg-summary__send").click()
    page.wait_for_function("window.__summaries.length > 0")
    return summaries(page)[0]


def test_a_customers_ticks_never_reach_the_next_mounts_summary(page, portals, guide_origin):
    # The control: within one mount, the ticks reach the summary (followed by a link inside).
    frame = open_portal(page, portals.allowed, guide_origin, page="/checklist/?tick=verification", lang="en")
    assert frame.locator("#wg-check-box-verification").is_checked()
    frame.locator(".wg-checklist a[href*='/support/']:visible").first.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/support/')")
    assert ask_for_the_summary(page)["ticks"] == ["verification"]

    # The next customer: destroy(), then mount the support page.
    page.evaluate(MOUNT_SUPPORT)
    page.wait_for_function("window.__outcome === 'second ready'")
    summary = ask_for_the_summary(page)
    assert (summary["ticks"], summary["tried"]) == ([], [])
    assert page.evaluate("window.__callbacks") == summaries(page), "onSummary hears the same"
    shown = page.frame_locator(FRAME).locator(".wg-summary__text").inner_text()
    assert "identity" not in shown.lower() and "identity" not in summary["text"].lower()


def test_a_customers_ticks_never_reach_the_summary_after_the_portal_reloads(page, portals, guide_origin):
    frame = open_portal(page, portals.allowed, guide_origin, page="/checklist/?tick=verification", lang="en")
    assert frame.locator("#wg-check-box-verification").is_checked()
    tick(frame, "balance")
    page.wait_for_function("window.__events.some(e => e.type === 'state')")
    # The same tab, the portal reloaded, now showing the support page.
    page.evaluate(
        "url => history.replaceState(null, '', url)",
        portal_url(portals.allowed, guide_origin, page="/support/", lang="en"),
    )
    page.reload()
    page.wait_for_function("window.__outcome === 'ready'")
    summary = ask_for_the_summary(page)
    assert (summary["ticks"], summary["tried"]) == ([], [])
    assert page.frame_locator(FRAME).locator("#wg-check-box-verification").count() == 0


# ---- 4. Ticks leave the portal's history and scroll alone ----


def test_ticks_add_no_history_entry_and_back_does_not_move_the_portal(page, portals, guide_origin):
    frame = open_portal(page, portals.allowed, guide_origin, page="/checklist/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    # The portal scrolled so that the boxes to tick are on its screen (a click scrolls to its
    # target first: a box below the screen would move the portal for the test's own reasons).
    label = frame.locator("label[for='wg-check-box-network']").bounding_box()
    place = int(page.evaluate("scrollY") + label["y"] - 20)
    page.evaluate(f"window.scrollTo(0, {place})")
    page.wait_for_function(f"window.scrollY === {place}")
    page.evaluate("history.pushState(null, '', location.href + '&ticket=1')")  # the portal's own entry
    length = page.evaluate("history.length")
    navigations = len(events(page, "navigation"))

    for cause in ("network", "balance", "verification"):
        tick(frame, cause)
    page.wait_for_function("window.__events.filter(e => e.type === 'state').length === 3")
    # 9: the address as the page writes it, commas readable, in the checklist's order.
    assert events(page, "state")[-1]["url"].endswith("/en/checklist/?tick=network,balance,verification")
    assert page.evaluate("history.length") == length, "a tick added an entry to the portal's history"
    assert page.evaluate("window.scrollY") == place

    # Back: the portal's own entry, not a tick; the frame keeps its ticks and the portal its place.
    page.go_back()
    page.wait_for_function("!location.search.includes('ticket=1')")
    assert frame.locator(".wg-checklist__box:checked").count() == 3
    assert page.evaluate("window.scrollY") == place
    assert len(events(page, "navigation")) == navigations


def test_a_history_move_between_tick_states_is_a_state_message(page, portals, guide_origin):
    """Entries of one page with other ticks (a guide page that pushed them, a link with ?tick=):
    Back between them sends `state`, the guide does not reload the page, the portal stays."""
    frame = open_portal(page, portals.allowed, guide_origin, page="/checklist/", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    inside = guide(page)
    inside.evaluate("window.__sameDocument = true")
    inside.evaluate("""() => {
      const url = new URL(location.href);
      for (const ticks of ["balance", "balance,network"]) {
        url.searchParams.set("tick", ticks);
        history.pushState(history.state, "", url.href);
      }
    }""")
    page.evaluate("window.scrollTo(0, 300)")
    page.wait_for_function("window.scrollY === 300")
    navigations = len(events(page, "navigation"))
    states = len(events(page, "state"))

    inside.evaluate("history.back()")
    page.wait_for_function(f"window.__events.filter(e => e.type === 'state').length > {states}")
    assert events(page, "state")[-1]["ticks"] == ["balance"]
    assert frame.locator(".wg-checklist__box:checked").count() == 1
    assert inside.evaluate("window.__sameDocument === true")
    assert len(events(page, "navigation")) == navigations, "Back over a tick was announced as a new page"
    assert page.evaluate("window.scrollY") == 300


# ---- 2, 3. The pinned snippet, exactly as the integrator page prints it, loads on a portal ----


def printed_pinned_snippet(page, guide_origin: str, lang_root: str) -> str:
    """The pinned snippet's text, as a developer copies it from the integrator page."""
    page.goto(f"{guide_origin}{lang_root}integrate/")
    return page.evaluate(
        """() => {
          let node = document.getElementById("pinned-script").nextElementSibling;
          while (node && !node.matches("div.highlight")) node = node.nextElementSibling;
          return node.querySelector("code").textContent;
        }"""
    )


@pytest.mark.parametrize("lang_root", ["/", "/en/"])
def test_the_printed_pinned_snippet_defines_wallet_guide_embed_on_a_portal(
    page, portals, guide_origin, lang_root
):
    snippet = printed_pinned_snippet(page, guide_origin, lang_root)
    assert "integrity=" in snippet and 'crossorigin="anonymous"' in snippet
    html = f"""<!doctype html><meta charset="utf-8"><title>portal</title><div id="guide"></div>
{snippet}
<script>
  window.__defined = typeof WalletGuideEmbed;
  if (window.__defined === "object") WalletGuideEmbed.mount(document.getElementById("guide"), {{ page: "/causes/" }})
    .ready.then((m) => {{ window.__ready = m.path; }});
</script>"""
    # The portal's own page, on its own (loopback) server, written as a portal's HTML would be:
    # document.write runs the snippet's <script> as the parser would.
    page.goto(f"{portals.allowed}/blank.html")
    page.evaluate("html => { document.open(); document.write(html); document.close(); }", html)
    page.wait_for_function("window.__defined !== undefined")
    assert page.evaluate("window.__defined") == "object", "the browser blocked the pinned embed.js"
    page.wait_for_function("window.__ready === '/causes/'")


def test_embed_files_are_served_for_portals(page, portals, guide_origin, guide_site):
    """From a portal's page: embed.d.ts (CORS, a text type), hashes.json listing the immutable
    file the snippet pins, which is cached for a year and never changes."""
    page.goto(f"{portals.allowed}/host.html")
    fetched = page.evaluate(
        """async (origin) => {
          const get = async (path) => {
            const response = await fetch(origin + path);
            return { type: response.headers.get("content-type"), cache: response.headers.get("cache-control"),
                     text: await response.text() };
          };
          const hashes = await get("/embed/v1/hashes.json");
          const current = JSON.parse(hashes.text).current;
          return { types: await get("/embed/v1/embed.d.ts"), hashes, current,
                   pinned: await get("/" + current), moving: await get("/embed/v1/embed.js") };
        }""",
        guide_origin,
    )
    assert fetched["types"]["type"] == "text/plain; charset=utf-8"
    assert "export type WalletGuideLanguage" in fetched["types"]["text"]
    assert fetched["pinned"]["cache"] == "public, max-age=31536000, immutable"
    assert fetched["pinned"]["text"] == fetched["moving"]["text"], (
        "this build's immutable file is its embed.js"
    )
    assert "immutable" not in (fetched["moving"]["cache"] or ""), "the moving address is not immutable"
    listed = json.loads(fetched["hashes"]["text"])["files"]
    current = next(entry for entry in listed if entry["current"])
    digest = base64.b64encode(hashlib.sha384(fetched["pinned"]["text"].encode()).digest()).decode()
    assert current["integrity"] == f"sha384-{digest}"
    assert (
        current["path"] == fetched["current"]
        and hashlib.sha256(fetched["pinned"]["text"].encode()).hexdigest()[:16] in current["path"]
    )


# ---- 5. On a phone portal, a tick shows its result on the portal's screen ----


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def on_portal_screen(page, selector: str) -> dict:
    """Where ``selector`` (in the guide's frame) is on the portal's screen, in CSS pixels."""
    inner = guide(page).evaluate(
        f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom}; })()"
    )
    frame_top = page.eval_on_selector(FRAME, "f => f.getBoundingClientRect().top")
    return {"top": frame_top + inner["top"], "bottom": frame_top + inner["bottom"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_a_tick_brings_the_fixes_bar_onto_the_portals_screen(
    phone_page, portals, guide_origin, lang
):
    page = phone_page
    frame = open_portal(page, portals.allowed, guide_origin, page="/checklist/", lang=lang)
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    # The reader scrolls the portal to the list: its first box 100 px below the screen's top.
    first = on_portal_screen(page, "#wg-check-box-network")
    page.evaluate(f"window.scrollTo(0, scrollY + {first['top']} - 100)")
    scrolled = page.evaluate("scrollY")
    bar = ".wg-checklist__bar"
    assert on_portal_screen(page, "#wg-check-box-balance")["top"] < PHONE["height"]

    tick(frame, "balance")
    page.wait_for_function("window.__events.some(e => e.type === 'state')")
    frame.locator(".wg-checklist__show").wait_for()
    for _ in range(30):  # the frame grows with the fixes, then hears where the screen ends
        shown = on_portal_screen(page, bar)
        if shown["top"] >= 0 and shown["bottom"] <= PHONE["height"] + 1:
            break
        page.wait_for_timeout(100)
    assert shown["top"] >= 0 and shown["bottom"] <= PHONE["height"] + 1, f"the bar is off the screen: {shown}"
    assert page.evaluate("scrollY") == scrolled, "a tick scrolled the portal"
    page.screenshot(path=f"/tmp/i19-phone-tick-{lang}.png")

    # The bar's button brings the fixes onto the portal's screen.
    frame.locator(".wg-checklist__show").click()
    page.wait_for_function(f"scrollY > {scrolled}")
    for _ in range(50):  # a smooth scroll: until the fixes' title has arrived
        title = on_portal_screen(page, ".wg-checklist__title")
        if 0 <= title["top"] < PHONE["height"] / 2:
            break
        page.wait_for_timeout(100)
    assert 0 <= title["top"] < PHONE["height"], f"the fixes are off the screen: {title}"


# ---- 7. A single-section view's «no, next step» shows the next step ----


def test_a_single_section_views_no_shows_the_next_step(page, portals, guide_origin):
    frame = open_portal(page, portals.allowed, guide_origin, page="/solutions/", section="balance", lang="en")
    page.wait_for_function("window.__events.some(e => e.type === 'navigation')")
    no = frame.locator("[data-wg-solved='balance'] .wg-solved__no")
    following = no.get_attribute("href").rsplit("#", 1)[1]
    assert frame.locator(f"#{following}").is_hidden(), "the next step is outside the section shown"

    no.click()
    page.wait_for_function(
        f"window.__events.some(e => e.type === 'navigation' && e.section === '{following}')"
    )
    assert frame.locator(f"#{following}").is_visible() and frame.locator("#balance").is_hidden()
    feedback = events(page, "feedback")
    assert [(f["step"], f["solved"]) for f in feedback] == [("balance", False)]
    # The portal scrolled to the step now shown: its heading is on the portal's screen.
    page.wait_for_function(
        f"(() => {{ const top = document.querySelector('{FRAME}').getBoundingClientRect().top"
        f" + {events(page, 'navigation')[-1]['top']}; return top >= -2 && top < innerHeight; }})()"
    )


# ---- 9. Smaller ones ----


def test_a_page_with_its_language_folder_is_accepted_or_refused_with_the_way_to_write_it(
    page, portals, guide_origin
):
    open_portal(page, portals.allowed, guide_origin, page="/en/causes/", lang="en")
    assert events(page, "ready")[0]["url"] == f"{guide_origin}/en/causes/"
    message = page.evaluate(
        """() => { try { WalletGuideEmbed.mount(document.createElement("div"), { page: "/en/causes/", lang: "zh-tw" }); }
                   catch (error) { return error.message; } }"""
    )
    assert 'folder of language "en"' in message and 'page: "/causes/"' in message


def test_a_guide_that_stops_answering_after_ready_is_reported(page, portals, guide_origin):
    frame = open_portal(page, portals.allowed, guide_origin, page="/causes/", lang="en")
    shown = frame.locator("article h1")
    shown.wait_for()
    page.route(f"{guide_origin}/en/solutions/**", lambda route: route.abort("connectionrefused"))
    guide(page).evaluate(f"location.href = {json.dumps(guide_origin + '/en/solutions/?embed=1')}")
    page.wait_for_function("window.__events.some(e => e.type === 'error')")
    error = events(page, "error")[0]
    assert "stopped answering" in error["message"] and error["url"] == f"{guide_origin}/en/causes/"
    link = page.locator("#guide a[target=_blank]")
    assert link.is_visible() and page.locator(FRAME).is_hidden()


def test_mounting_twice_on_one_element_replaces_the_first(page, portals, guide_origin):
    open_portal(page, portals.allowed, guide_origin, page="/causes/", lang="en")
    page.evaluate(
        """() => { window.__first = window.__guide;
                   window.__guide = WalletGuideEmbed.mount(document.getElementById("guide"), { page: "/checklist/", lang: "en" });
                   window.__guide.ready.then(() => { window.__outcome = "second ready"; }); }"""
    )
    page.wait_for_function("window.__outcome === 'second ready'")
    assert page.evaluate("document.querySelectorAll('#guide iframe').length") == 1
    assert page.evaluate("window.__first.frame.isConnected") is False
    assert page.evaluate("document.getElementById('guide').hasAttribute('data-wallet-guide-mounted')")


def test_a_bad_no_code_attribute_is_reported_to_the_portal(page, portals, guide_origin):
    page.goto(portal_url(portals.allowed, guide_origin, page="/causes/", declarative="1", timeout="abc"))
    page.wait_for_function("window.__events.some(e => e.type === 'error')")
    error = events(page, "error")[0]
    assert "timeout" in error["message"] and error["url"] is None
    assert page.locator("#guide > a").is_visible(), "the element keeps its link"


@pytest.mark.parametrize("lang", ["zh-tw", "zh-hk", "en", "zh"])
def test_the_integrator_pages_live_example_embeds_its_own_language(page, guide_origin, lang):
    root = "/" if lang == "zh" else f"/{lang}/"
    page.goto(f"{guide_origin}{root}integrate/")
    page.locator("#live-example ~ details > summary").first.click()
    demo = page.locator(".wg-embed-demo iframe")
    assert demo.get_attribute("src").startswith(f"{guide_origin}{root}checklist/?embed=1")
    demo.content_frame.locator(".wg-checklist__items").wait_for()
    assert demo.content_frame.locator("html").get_attribute("lang").lower().startswith(lang[:2])


# ---- 6. The summary reaches the portal only when the reader asks, and the frame says so ----


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_summary_reaches_the_portal_before_the_reader_sends_it(page, portals, guide_origin, lang):
    from tests.browser.test_embed import PING
    from tests.languages import interface_texts

    labels = interface_texts(lang)["checklist"]
    frame = open_portal(page, portals.allowed, guide_origin, page="/solutions/", lang=lang)
    # The reader answers «no» to the last step: the support page, with the summary, is shown.
    frame.locator("[data-wg-solved] .wg-solved__no").last.click()
    page.wait_for_function("window.__events.some(e => e.type === 'navigation' && e.path === '/support/')")
    summary = frame.locator(".wg-summary")
    expect_text = summary.locator(".wg-summary__hint")
    expect_text.wait_for()
    frame.locator(".wg-summary__send:visible").wait_for()
    assert expect_text.inner_text() == labels["summary_hint_embed"], "the frame's hint says when it is sent"
    frame.locator(".wg-summary__copy").click()
    frame.locator(".wg-summary__status:not(:empty)").wait_for()
    # The positive control: once the support page is shown, loaded and copied, the frame pings.
    inner = guide(page)
    inner.wait_for_function("document.readyState === 'complete'")
    inner.evaluate(f"window.parent.postMessage({{type: '{PING}'}}, '*')")
    page.wait_for_function(f"window.__messages.some(m => m.data && m.data.type === '{PING}')")
    heard = [m["data"].get("type") for m in page.evaluate("window.__messages")]
    assert "summary" not in heard[: heard.index(PING)], "the summary went to the portal unasked"

    frame.locator(".wg-summary__send").click()
    page.wait_for_function("window.__summaries.length === 1")
    sent = summaries(page)[0]
    assert sent["lang"] == lang and sent["tried"][-1] == "app-version"
    assert frame.locator(".wg-summary__status").inner_text() == labels["summary_sent"]
    page.screenshot(path=f"/tmp/i19-summary-{lang}.png", full_page=False)


def test_an_off_screen_frame_follows_its_contents_height(page, portals, guide_origin):
    """Below the portal's screen (but near enough for the lazy frame to load), a change of the
    guide's height reaches the portal before the reader scrolls to it."""
    page.goto(portal_url(portals.allowed, guide_origin, page="/causes/", lang="en", spacer="1500"))
    page.wait_for_function("window.__outcome === 'ready'")
    assert page.eval_on_selector(FRAME, "f => f.getBoundingClientRect().top") > 900, (
        "the frame is off the screen"
    )
    page.wait_for_function("window.__events.some(e => e.type === 'resize')")
    before = events(page, "resize")[-1]["height"]
    guide(page).evaluate(
        "(() => { const block = document.createElement('div'); block.style.height = '500px';"
        " document.querySelector('article').append(block); })()"
    )
    page.wait_for_function(
        f"window.__events.some(e => e.type === 'resize' && e.height >= {before} + 500)", timeout=5000
    )
    assert page.evaluate("scrollY") == 0
