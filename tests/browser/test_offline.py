"""Offline reading: a reader whose connection drops (the guide's first cause) keeps the pages
they visited and the checklist, in their language; other pages say they are offline."""

from __future__ import annotations

import re
import time
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import expect

from tests.generated import HTML_LANG, in_language
from tests.languages import GENERATED, ROOTS, interface_texts, with_one_generated
from wallet_guide.settings import published_settings


def worker_ready(page) -> None:
    """Wait until the service worker has saved all that offline.js asked: this page and its
    language's pages (the checklist). They are saved side by side, this page first (from the
    HTTP cache): a test that went offline when this page alone was saved found no checklist."""
    worker = published_settings(page.request.get(urljoin(page.url, "/sw.js")).text())
    path = urlparse(page.url).path
    root = next((r for r in worker["languages"] if path.startswith("/" + r)), "")  # longest first
    saved = [path, *(f"/{root}{name}" for name in worker["pages"])]
    until(
        page,
        """async (paths) => {
            const keys = await caches.keys();
            if (!keys.length) return false;
            const cache = await caches.open(keys[0]);
            const found = await Promise.all(paths.map((path) => cache.match(location.origin + path)));
            return found.every(Boolean) && navigator.serviceWorker.controller !== null;
        }""",
        saved,
        f"the service worker saved {saved} and controls the page",
    )


def search_saved(page) -> None:
    """Wait until the service worker has saved this page's language's search index (saved in the
    background after the pages; the manifest last, so a saved manifest means a whole index)."""
    until(
        page,
        """async () => {
            const settings = JSON.parse(document.getElementById("wg-settings").textContent);
            const folder = new URL(settings.search.index, new URL(settings.root, location.href));
            const keys = await caches.keys();
            return keys.length > 0 && Boolean(await (await caches.open(keys[0])).match(new URL("manifest.json", folder).href));
        }""",
        None,
        "the service worker saved the search index",
    )


def until(page, script: str, arg, what: str, seconds: float = 10) -> None:
    """Poll ``script`` (it may be async) until it is true. Not wait_for_function: it takes the
    promise of an async predicate for a true value and returns at once."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}"
        page.wait_for_timeout(100)


def test_visited_pages_and_the_checklist_open_offline(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/causes/")
    worker_ready(page)
    page.goto("/en/support/")
    worker_ready(page)

    context.set_offline(True)
    page.goto("/causes/")
    expect(page.locator("#balance")).to_contain_text("账户余额不足")
    page.goto("/en/support/#phone")
    expect(page.locator("#phone")).to_contain_text("Phone support")
    assert page.evaluate("document.documentElement.lang") == "en"

    # The checklist was never opened, yet it works offline in both languages, ticks included.
    page.goto("/checklist/?tick=network")
    expect(page.locator("input[type=checkbox][value=network]")).to_be_checked()
    expect(page.locator(".wg-checklist")).to_contain_text("检查网络连接")
    page.goto("/en/checklist/")
    page.locator("label", has_text="balance").first.click()
    expect(page.locator(".wg-checklist")).to_contain_text("Check your account balance")
    context.close()


def test_a_page_never_visited_shows_the_offline_notice_in_its_language(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/en/")
    worker_ready(page)
    context.set_offline(True)

    page.goto("/en/outlook/")
    expect(page.locator("h1")).to_have_text("You are offline")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("a", has_text="checklist").get_attribute("href").endswith("/en/checklist/")

    page.goto("/outlook/")
    expect(page.locator("h1")).to_have_text("当前处于离线状态")
    assert page.locator("a", has_text="清单").get_attribute("href") == "/checklist/"
    context.close()


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_a_generated_language_reads_offline_in_its_own_script(browser, base_url, lang):
    """A reader in Taiwan or Hong Kong: the pages they visited, their language's checklist (never
    opened) and the notice for a page never visited, all in Traditional script and in their
    language's folder, none falling back to the zh pages at the root."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(f"/{lang}/causes/")
    worker_ready(page)
    context.set_offline(True)

    balance = in_language({"zh": "账户余额不足"}, lang)
    assert balance != "账户余额不足"
    page.goto(f"/{lang}/causes/#balance")
    expect(page.locator("#balance")).to_contain_text(balance)
    assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]

    page.goto(f"/{lang}/checklist/?tick=network")
    expect(page.locator("input[type=checkbox][value=network]")).to_be_checked()
    expect(page.locator(".wg-checklist")).to_contain_text(in_language({"zh": "检查网络连接"}, lang))
    assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]

    notice = interface_texts(lang)["offline"]
    assert notice["title"] != interface_texts("zh")["offline"]["title"]
    page.goto(f"/{lang}/outlook/")
    expect(page.locator("h1")).to_have_text(notice["title"])
    expect(page.locator("main p").first).to_have_text(notice["text"])
    assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
    assert page.locator("a", has_text=notice["checklist"]).get_attribute("href") == f"/{lang}/checklist/"
    assert page.locator("a", has_text=notice["home"]).get_attribute("href") == f"/{lang}/"
    context.close()


def test_the_embed_view_is_left_to_the_network(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/causes/")
    worker_ready(page)
    response = page.goto("/solutions/?embed=1")
    assert not response.from_service_worker
    context.set_offline(True)
    # Offline, the portal's frame gets the browser's own error, never a stale or foreign page.
    try:
        page.goto("/causes/?embed=1")
        served_by_worker = True
    except Exception as error:  # net::ERR_INTERNET_DISCONNECTED
        served_by_worker = "ERR_INTERNET_DISCONNECTED" not in str(error)
    assert not served_by_worker
    context.close()


def test_a_new_deploy_replaces_the_saved_pages(browser, site, tmp_path):
    """Deploy, visit, deploy a changed page: the new worker takes over and drops the old cache."""
    import re
    import shutil

    from guide_tools import static_server
    from wallet_guide.offline.worker import build_version

    deployed = tmp_path / "deployed"
    shutil.copytree(site, deployed)
    server, base = static_server.start(deployed)
    try:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("/causes/")
        worker_ready(page)
        old_caches = page.evaluate("caches.keys()")

        # The next deploy: one page changed, so the build (and the worker) get a new version.
        causes = deployed / "causes" / "index.html"
        causes.write_text(
            causes.read_text(encoding="utf-8").replace("账户余额不足", "账户余额不足（新版）"),
            encoding="utf-8",
        )
        worker = deployed / "sw.js"
        worker.write_text(
            re.sub(
                r'"version": "\w+"',
                f'"version": "{build_version(deployed)}"',
                worker.read_text(encoding="utf-8"),
            ),
            encoding="utf-8",
        )

        page.goto("/causes/")  # the browser checks sw.js on navigation and installs the new one
        until(
            page,
            "old => caches.keys().then(k => k.length === 1 && !old.includes(k[0]))",
            old_caches,
            "the new worker replaced the old cache",
        )
        worker_ready(page)
        context.set_offline(True)
        page.goto("/causes/")
        expect(page.locator("#balance")).to_contain_text("（新版）")
        context.close()
    finally:
        server.shutdown()
        server.server_close()


# ---- Search and the summary for support, offline (issue 23) ------------------------------------

QUERY = {"zh": "余额", "en": "balance"}


def search_for(page, query: str) -> None:
    page.click(".wg-search__open")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # insert_text of Chinese fires no key event


@pytest.mark.parametrize("lang", with_one_generated(0))
def test_after_one_visit_search_answers_offline(browser, base_url, lang):
    """One page read online, then offline: a new page load (no index in memory) searches the
    language's index that the worker saved in the background."""
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"/{ROOTS[lang]}causes/")
    worker_ready(page)
    search_saved(page)
    context.set_offline(True)
    page.reload()
    query = in_language(QUERY, lang)
    search_for(page, query)
    first = page.locator(".wg-search__result").first
    expect(first).to_be_visible()
    expect(first.locator("mark").first).to_have_text(re.compile(query, re.IGNORECASE))
    expect(page.locator(".wg-search__status")).not_to_have_text(
        interface_texts(lang)["search_no_results"]["unavailable"]
    )
    # A result opens offline: its page was saved (solutions) or is the one read.
    context.close()


@pytest.mark.parametrize("lang", with_one_generated(1))
def test_after_one_visit_the_checklist_leads_to_support_and_its_summary_offline(browser, base_url, lang):
    """The reader read the home page once; offline, the checklist, the fixes and support (with
    the summary of what they ticked and tried) all open: none was visited."""
    from tests.browser.test_help_centre import IDS, labels, texts

    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"/{ROOTS[lang]}")
    worker_ready(page)
    context.set_offline(True)

    page.goto(f"/{ROOTS[lang]}checklist/?tick={IDS[0]}")
    expect(page.locator(f"input[type=checkbox][value={IDS[0]}]")).to_be_checked()
    page.goto(f"/{ROOTS[lang]}solutions/")
    page.locator(f"[data-wg-solved='{IDS[0]}'] .wg-solved__no").click()
    page.goto(f"/{ROOTS[lang]}support/#wg-summary")
    summary = page.locator(".wg-summary__text")
    expect(summary).to_contain_text(texts(lang)[IDS[0]].symptom)
    expect(summary).to_contain_text(f"1. {texts(lang)[IDS[0]].fix}")
    assert summary.inner_text().splitlines()[0] == labels(lang).summary_subject
    context.close()


@pytest.mark.parametrize("lang", with_one_generated(2))
def test_an_index_that_cannot_load_says_so_and_offers_the_way_on(browser, base_url, lang):
    """No worker (the index never saved), results shown, then the index files fail: the status
    says search is unavailable (not Material's «正在初始化搜索引擎»), the earlier results are
    gone, the checklist and support are offered; with the network back, search answers again."""
    offer = interface_texts(lang)["search_no_results"]
    context = browser.new_context(
        base_url=base_url, service_workers="block", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(f"/{ROOTS[lang]}")
    query = in_language(QUERY, lang)
    search_for(page, query)
    expect(page.locator(".wg-search__result").first).to_be_visible()  # positive control

    page.route("**/search/**", lambda route: route.abort("internetdisconnected"))
    # A misspelt Latin word: its corrections need words.json, never loaded before.
    page.keyboard.insert_text(" zzqxqz")
    page.keyboard.press("End")
    status = page.locator(".wg-search__status")
    expect(status).to_have_text(offer["unavailable"], timeout=10_000)  # a loaded machine is slow
    expect(page.locator(".wg-search__result")).to_have_count(0)
    way_on = page.locator(".wg-search__empty")
    expect(way_on.locator(".wg-search__retry")).to_be_hidden()
    links = way_on.locator("a")
    expect(links).to_have_text([link["text"] for link in offer["links"]])
    assert links.evaluate_all("els => els.map(a => new URL(a.href).pathname)") == [
        f"/{ROOTS[lang]}checklist/",
        f"/{ROOTS[lang]}support/",
    ]

    page.unroute("**/search/**")
    page.keyboard.press("Backspace")  # the next query loads what failed
    expect(page.locator(".wg-search__result").first).to_be_visible()
    expect(status).not_to_have_text(offer["unavailable"])
    context.close()
