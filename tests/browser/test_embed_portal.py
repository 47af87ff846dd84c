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

from guide_tools import static_server
from tests.browser.test_embed import FRAME, events, guide, tick
from tests.conftest import run_build


@pytest.fixture(scope="session")
def guide_site(tmp_path_factory, portals):
    """(origin, site directory): the guide built for the origin it is served from, with headers."""
    root = tmp_path_factory.mktemp("guide-with-headers")
    server, url = static_server.start(root, apply_headers=True)
    result = run_build(root, site_url=url + "/", env={"EMBED_ALLOWED_ORIGINS": portals.allowed})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.log}"
    yield url, root
    server.shutdown()
    server.server_close()


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
    page.evaluate("window.scrollTo(0, 300)")
    page.wait_for_function("window.scrollY === 300")
    page.evaluate("history.pushState(null, '', location.href + '&ticket=1')")  # the portal's own entry
    length = page.evaluate("history.length")
    navigations = len(events(page, "navigation"))

    for cause in ("network", "balance", "verification"):
        tick(frame, cause)
    page.wait_for_function("window.__events.filter(e => e.type === 'state').length === 3")
    assert page.evaluate("history.length") == length, "a tick added an entry to the portal's history"
    assert page.evaluate("window.scrollY") == 300

    # Back: the portal's own entry, not a tick; the frame keeps its ticks and the portal its place.
    page.go_back()
    page.wait_for_function("!location.search.includes('ticket=1')")
    assert frame.locator(".wg-checklist__box:checked").count() == 3
    assert page.evaluate("window.scrollY") == 300
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
def test_the_printed_pinned_snippet_defines_wallet_guide_embed_on_a_portal(page, portals, guide_origin, lang_root):
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
    assert fetched["pinned"]["text"] == fetched["moving"]["text"], "this build's immutable file is its embed.js"
    assert "immutable" not in (fetched["moving"]["cache"] or ""), "the moving address is not immutable"
    listed = json.loads(fetched["hashes"]["text"])["files"]
    current = next(entry for entry in listed if entry["current"])
    digest = base64.b64encode(hashlib.sha384(fetched["pinned"]["text"].encode()).digest()).decode()
    assert current["integrity"] == f"sha384-{digest}"
    assert current["path"] == fetched["current"] and hashlib.sha256(
        fetched["pinned"]["text"].encode()
    ).hexdigest()[:16] in current["path"]
