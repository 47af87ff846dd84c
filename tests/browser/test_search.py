"""Search as a reader uses it: typed in the header's box, in Chinese through an input method."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import expect

# (page to search from, query, the section the first result must link to, its heading)
FIRST_RESULT = [
    ("/causes/", "余额不足", "/causes/#balance", "账户余额不足"),
    ("/", "客服电话", "/support/#phone", "电话支持"),
    ("/solutions/", "身份验证失败怎么办", "#verification", "验证"),
    ("/", "在线客服", "/support/#live-chat", "在线聊天支持"),
    ("/", "大额支付", "/best-practices/#large-payments", "谨慎进行大额交易"),
    ("/en/", "insufficient balance", "/en/causes/#balance", "Insufficient account balance"),
    ("/en/causes/", "live chat", "/en/support/#live-chat", "Live chat"),
    ("/en/", "identity verification failed", "#verification", "verification"),
    ("/en/", "customer service phone", "/en/support/#phone", "Phone"),
]


# Readers' own words (data/reader-vocabulary.yml, Traditional script, misspellings): a sample of
# each kind of `make search-eval`'s reader set, where the whole set is scored.
READER_WORDS = [
    # colloquial Chinese
    ("/", "钱不够", "/causes/#balance", "账户余额不足"),
    ("/", "没网了怎么办", "#network", "网络连接"),
    ("/", "投诉", "/support/#feedback", "反馈机制"),
    # Traditional script, and a Taiwan word (應用程式) that is not a one-character conversion
    ("/", "餘額不足", "/causes/#balance", "账户余额不足"),
    ("/", "應用程式更新", "/solutions/#app-version", "更新应用程序"),
    # English synonyms and everyday phrasing
    ("/en/", "not enough money", "/en/causes/#balance", "Insufficient account balance"),
    ("/en/", "hotline", "/en/support/#phone", "Phone support"),
    ("/en/", "crypto", "/en/market-trends/#digital-assets", "digital assets"),
    # misspelt English
    ("/en/", "insuficient balance", "/en/causes/#balance", "Insufficient account balance"),
    ("/en/", "verfication failed", "#verification", "verification"),
]


def search(page, query: str) -> None:
    page.click(".wg-search__open")
    box = page.locator(".wg-search__input")
    box.fill("")
    if query.isascii():
        page.keyboard.type(query)
    else:
        # What an input method does: the text arrives as one input event, without key events
        # for its characters, and the reader's confirming key press comes after.
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
    # Typing runs a search per key: wait for the list that answers the whole query.
    page.wait_for_function(
        "q => document.querySelector('.wg-search__results').dataset.wgQuery === q", arg=query.strip()
    )


@pytest.mark.parametrize("start,query,target,heading", FIRST_RESULT, ids=[q for _, q, _, _ in FIRST_RESULT])
def test_first_result_is_the_right_section(page, start, query, target, heading):
    page.goto(start)
    search(page, query)
    first = page.locator(".wg-search__result").first
    href = first.get_attribute("href")
    assert href.endswith(target), f"{query!r}: first result is {href}"
    assert heading in first.locator(".wg-search__title").inner_text()
    assert first.locator("mark").count() > 0, "the matched words are highlighted"
    first.click()
    page.wait_for_url(f"**{href[href.index('/', 8) :]}")
    anchor = href.split("#")[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()


@pytest.mark.parametrize("start,query,target,heading", READER_WORDS, ids=[q for _, q, _, _ in READER_WORDS])
def test_readers_own_words_find_the_section(page, start, query, target, heading):
    page.goto(start)
    search(page, query)
    first = page.locator(".wg-search__result").first
    assert first.get_attribute("href").endswith(target), (
        f"{query!r}: first result is {first.get_attribute('href')}"
    )
    assert heading in first.locator(".wg-search__title").inner_text()


def test_misspelt_word_ranks_below_the_exact_word(page):
    # "balanse" is one edit from "balance": found, but a section with the exact word comes first.
    page.goto("/en/")
    search(page, "account balanse")
    titles = page.locator(".wg-search__title").all_inner_texts()
    assert "Insufficient account balance" in " ".join(titles[:3]), titles
    exact = page.evaluate("q => window.wgSearch.rankSections(q)", "account balance")
    misspelt = page.evaluate("q => window.wgSearch.rankSections(q)", "account balanse")
    assert misspelt[0]["score"] < exact[0]["score"]


@pytest.mark.parametrize(
    "start,query",
    [("/en/", "no internet"), ("/en/", "allowed origins"), ("/", "允许列表"), ("/", "消息协议")],
)
def test_the_integrator_manual_is_not_in_reader_results(page, start, query):
    page.goto(start)
    page.click(".wg-search__open")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.locator(".wg-search__status").filter(has_text=re.compile(r"\S")).wait_for()
    hrefs = page.locator(".wg-search__result").evaluate_all("els => els.map(e => e.href)")
    assert not [h for h in hrefs if "/integrate/" in h], hrefs


@pytest.mark.parametrize(
    "start,query,message,checklist,support",
    [
        ("/solutions/", "火星旅行", "没有找到", "/checklist/", "/support/"),
        ("/en/causes/", "zzyzx quux", "No matching", "/en/checklist/", "/en/support/"),
    ],
)
def test_no_result_offers_the_checklist_and_support(
    page, base_url, start, query, message, checklist, support
):
    page.goto(start)
    page.click(".wg-search__open")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.locator(".wg-search__status").filter(has_text=message).wait_for()
    offer = page.locator(".wg-search__empty")
    expect(offer).to_be_visible()
    links = offer.locator("a")
    assert links.evaluate_all("els => els.map(e => e.href)") == [base_url + checklist, base_url + support]
    links.first.click()
    page.wait_for_url(f"**{checklist}")
    expect(page.locator("dialog.wg-search__dialog")).not_to_be_visible()


def test_escape_closes_the_dialog_with_text_in_the_box(page):
    page.goto("/en/")
    search(page, "live chat")
    page.keyboard.press("Escape")
    expect(page.locator("dialog.wg-search__dialog")).not_to_be_visible()


def test_highlights_are_whole_english_words(page):
    # "no" must not be marked inside "not", "know" or "another" (choose another payment method).
    page.goto("/en/")
    search(page, "no payment method")
    marks = page.locator(".wg-search__excerpt mark").evaluate_all("""els => els.map((m) => {
      const before = m.previousSibling ? m.previousSibling.textContent.slice(-1) : "";
      const after = m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : "";
      return [before, m.textContent, after];
    })""")
    assert marks, "something is highlighted"
    for before, word, after in marks:
        assert not re.match(r"[a-z]", before, re.I) and not re.match(r"[a-z]", after, re.I), (
            before,
            word,
            after,
        )


@pytest.mark.parametrize("start,query,own_prefix", [("/", "支付", "/"), ("/en/", "payment", "/en/")])
def test_results_stay_in_the_page_language(page, base_url, start, query, own_prefix):
    page.goto(start)
    search(page, query)
    hrefs = page.locator(".wg-search__result").evaluate_all("els => els.map(e => e.href)")
    assert len(hrefs) >= 5
    paths = [h[len(base_url) :] for h in hrefs]
    if own_prefix == "/":
        assert not [p for p in paths if p.startswith("/en/")], paths
    else:
        assert all(p.startswith("/en/") for p in paths), paths


def test_a_query_in_the_other_language_finds_this_languages_section(page, base_url):
    # "live chat" is in no zh section: the en index has it, and the zh section with the same id
    # is the result (the ids are the same in every language); nothing of /en/ is listed.
    page.goto("/")
    search(page, "live chat")
    hrefs = page.locator(".wg-search__result").evaluate_all("els => els.map(e => e.href)")
    assert hrefs[0] == base_url + "/support/#live-chat", hrefs
    assert not [h for h in hrefs if "/en/" in h], hrefs


def test_keyboard_opens_search_and_enter_follows_the_first_result(page):
    page.goto("/en/")
    page.keyboard.press("/")
    assert page.locator(".wg-search__input").evaluate("el => el === document.activeElement")
    page.keyboard.type("update the app")
    page.locator(".wg-search__result").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/solutions/#app-version")


def test_browser_and_build_tokenize_alike(page):
    """search.js mirrors tokenize.py: the same text must give the same terms."""
    from wallet_guide.search.tokenize import terms

    page.goto("/")
    samples = [
        "余额不足怎么办",
        "重新连接 WiFi 或使用移动数据",
        "Updating the app's latest versions",
        "It's the user's agreement; fees, FAQs and cross-border services!",
        "2FA 双重身份验证",
    ]
    for text in samples:
        assert page.evaluate("t => window.wgSearch.terms(t)", text) == terms(text), text


@pytest.mark.parametrize("lang", ["zh", "zh-tw", "zh-hk"])
def test_browser_and_build_fold_alike(page, lang):
    """search.js folds a query as the build folded the index: Simplified characters, then the
    source's words for the regions' (the manifest's `words`), then readers' written Cantonese and
    colloquial words (colloquial.json, wallet_guide.search.colloquial)."""
    from wallet_guide.search.colloquial import Colloquial
    from wallet_guide.search.variants import Folding

    page.goto("/" if lang == "zh" else f"/{lang}/")
    manifest = page.evaluate(f"fetch('/search/{lang}/manifest.json').then(r => r.json())")
    table = page.evaluate(f"fetch('/search/{lang}/colloquial.json').then(r => r.json())")
    assert manifest["words"]["网路"] == "网络" and manifest["words"]["软体"] == "软件"
    assert table["words"]["冇"] and table["words"]["点算"] == "怎么办"
    folding = Folding(words=manifest["words"])
    colloquial = Colloquial(words=table["words"])
    samples = [
        "網路連線不穩定",
        "使用者帳戶餘額不足",
        "數碼錢包和數位錢包",
        "軟體更新",
        "网络 WiFi 網絡",
        "戶口冇錢點算",
        "嗰間舖頭唔收，係咪要搵客服",
        "刷脸过不去咋整",
    ]
    for text in samples:
        assert page.evaluate("t => window.wgSearch.fold(t)", text) == colloquial.fold(folding.fold(text)), (
            text
        )


@contextlib.contextmanager
def site_with_search_options(browser, tmp_path, **options):
    """The guide built (strictly, for the origin it is served from) with wallet-guide-search's
    ``options``; yields (a page of a fresh browser context, the site's folder, its origin)."""
    import yaml
    from mkdocs.utils import yaml_load

    from guide_tools import static_server
    from guide_tools.build import strict_build
    from tests.conftest import ROOT

    with open(ROOT / "mkdocs.yml", "rb") as f:
        config = yaml_load(f)
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    # mkdocs.yml lists the plugin without options (its texts are in data/interface/).
    config["plugins"] = [
        {
            "wallet-guide-search": {
                **((entry.get("wallet-guide-search") if isinstance(entry, dict) else None) or {}),
                **options,
            }
        }
        if entry == "wallet-guide-search" or (isinstance(entry, dict) and "wallet-guide-search" in entry)
        else entry
        for entry in config["plugins"]
    ]
    (tmp_path / "data").symlink_to(ROOT / "data")  # our plugins read data/ beside the config
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    server, url = static_server.start(site)
    try:
        built = strict_build(site, config=config_file, cwd=ROOT, site_url=url + "/")
        assert built.returncode == 0, built.log
        context = browser.new_context(base_url=url)
        try:
            yield context.new_page(), site, url
        finally:
            context.close()
    finally:
        server.shutdown()
        server.server_close()


def test_the_index_folder_is_the_plugins_index_dir(browser, tmp_path):
    """`index_dir` may be any folder, nested too: search.js takes it from the page's settings
    and the results' addresses from the site's root, not from the index's depth."""
    with site_with_search_options(browser, tmp_path, index_dir="find/v2") as (page, site, url):
        assert (site / "find" / "v2" / "en" / "manifest.json").is_file() and not (site / "search").exists()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        for start, query, target in [
            ("/en/causes/", "live chat", "/en/support/#live-chat"),
            ("/", "余额不足", "/causes/#balance"),
        ]:
            page.goto(start)
            search(page, query)
            assert page.locator(".wg-search__result").first.get_attribute("href") == url + target
        assert any("/find/v2/en/terms-" in address for address in requested)
        assert any("/find/v2/zh/terms-" in address for address in requested)


def test_readers_words_at_query_time_in_every_chinese_language(browser, tmp_path):
    """`vocabulary_at: query`: the box expands a query with the vocabulary of its page's language,
    a generated language's converted from its source's (錢不夠 on /zh-tw/, 钱不够 typed there)."""
    with site_with_search_options(browser, tmp_path, vocabulary_at="query") as (page, site, url):
        for lang in ("zh", "zh-tw", "zh-hk"):
            assert (site / "search" / lang / "vocabulary.json").is_file(), lang
        for start, query in [
            ("/", "钱不够"),
            ("/zh-tw/", "錢不夠"),
            ("/zh-tw/", "钱不够"),
            ("/zh-hk/", "沒錢了"),
        ]:
            page.goto(start)
            search(page, query)
            first = page.locator(".wg-search__result").first.get_attribute("href")
            assert first == f"{url}{start}causes/#balance", (start, query, first)


# Issue 24: what readers type that the article never says, each found by a mechanism (not by a
# longer vocabulary): written Cantonese (data/search-folding.yml), a word of the other language
# (its index's section with the same id), a spoken question form (fillers weigh little).
# The last field: whether the first result's excerpt has a highlight (a word of the other
# language is not in this page's text: nothing to mark).
GENERALIZING = [
    ("/zh-hk/", "我個戶口冇錢，俾唔到錢點算", "/zh-hk/causes/#balance", True),
    ("/", "客服email", "/support/#email", False),
    ("/en/", "邮件", "/en/support/#email", False),
    ("/", "刷脸验证过不去咋整", "/causes/#verification", True),
]


@pytest.mark.parametrize("start,query,target,marked", GENERALIZING, ids=[q for _, q, _, _ in GENERALIZING])
def test_readers_words_the_article_never_uses(page, base_url, start, query, target, marked):
    page.goto(start)
    search(page, query)
    first = page.locator(".wg-search__result").first
    assert first.get_attribute("href") == base_url + target, query
    assert (first.locator("mark").count() > 0) == marked


def test_a_query_of_fillers_alone_still_searches(page):
    # 怎么办 is a filler beside a content word; alone, it is the query.
    page.goto("/")
    search(page, "怎么办")
    assert page.locator(".wg-search__result").count() > 0


def test_a_failure_ranks_its_cause_and_fix_above_best_practices(page, base_url):
    page.goto("/en/")
    search(page, "app out of date")
    hrefs = page.locator(".wg-search__result").evaluate_all("els => els.map(e => e.href)")
    assert hrefs[0] in (base_url + "/en/causes/#app-version", base_url + "/en/solutions/#app-version"), hrefs
    assert base_url + "/en/best-practices/#keep-updated" not in hrefs[:1], hrefs


def test_a_failure_in_general_finds_the_causes_not_a_word_of_one(page, base_url):
    # "keeps" is a filler: the first result is not «To keep your account secure…» (verification).
    page.goto("/en/")
    search(page, "payment keeps failing")
    first = page.locator(".wg-search__result").first
    assert first.get_attribute("href") != base_url + "/en/causes/#verification"
    marked = first.locator("mark").all_inner_texts()
    assert marked and not [m for m in marked if m.lower().startswith("keep")], marked


@pytest.mark.parametrize(
    "start,query,capped",
    [
        ("/", "支付", r"共 (\d+) 个结果，显示前 10 个"),
        ("/en/", "payment", r"Top 10 of (\d+) matching sections"),
    ],
)
def test_the_status_tells_the_real_count_and_top_10_when_capped(page, start, query, capped):
    page.goto(start)
    search(page, query)
    assert page.locator(".wg-search__result").count() == 10
    found = re.fullmatch(capped, page.locator(".wg-search__status").inner_text())
    assert found and int(found[1]) > 10, page.locator(".wg-search__status").inner_text()
    # Fewer results than the cap: the count is the list's.
    page.keyboard.press("Escape")
    search(page, "live chat" if start == "/en/" else "在线客服")
    count = page.locator(".wg-search__result").count()
    assert 0 < count < 10
    assert re.search(rf"(^|\D){count}(\D|$)", page.locator(".wg-search__status").inner_text())
