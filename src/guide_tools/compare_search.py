"""`make compare-search`: rank the right section with six search set-ups, on the same pages.

Builds the guide six ways into a temporary folder (never site/ or docs/), serves each on
localhost, and types the same queries into each one's search in Debian's Chromium, from a zh page
(/) and from an en page (/en/):

  material-jieba        Material's own search plugin with jieba installed (Material then segments
                        Chinese at build time), our search plugin disabled, static-i18n's search
                        defaults; Material's header and search box instead of ours.
  material-jieba-tuned  the same with the best options found in Material's documented search
                        settings (TUNED_SEARCH in this file lists what was tried).
  pagefind-extended     our normal build, indexed by Pagefind extended, queried with its JS API
                        (pagefind.js: search(), then data(); sections from sub_results).
  ours                  the normal build, queried with window.wgSearch.rankSections(query).
  ours-query-time       the same with the reader vocabulary applied to the query instead of the
                        index (wallet-guide-search's vocabulary_at: query).
  ours-no-vocabulary    the same without the reader vocabulary.

Two query sets: QUERIES in the article's own words, READER_QUERIES in readers' own words
(colloquial and Traditional zh, everyday and misspelt en), written before the vocabulary.

For each query the expected section(s) were chosen by reading docs/zh/*.md (see QUERIES). The
table gives the rank of the first expected section among the first 10 results (1 = first,
'-' = not in the top 10), then per approach how many scored queries put it first, and how many
results from the other language appeared among each query's first five. Then, not scored, a
probe: a word both languages' pages contain (FAQ), searched from an en page.

How results are read, for each approach:
  ours      the section URLs rankSections returns, in order.
  pagefind  pages in Pagefind's order; in each page, its sub_results (sections) sorted by the
            sum of their weighted locations' balanced_score, best first.
  material  the result links in the order Material's dialog shows them (a page's collapsed
            "more on this page" results in place); a page link Material adds only as the
            group's title (score 0: the page itself did not match) is not a result.

Needs `pip install -r requirements-compare.txt` (jieba, Pagefind extended) in the project's .venv
and /usr/bin/chromium; `make compare-search` does both.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import yaml

from guide_tools.checks.project import project_languages
from guide_tools import PROJECT_ROOT as ROOT
from guide_tools import static_server
from guide_tools.browser import CHROMIUM, CHROMIUM_ARGS
from guide_tools.build import strict_build

TOP = 10
OTHER_LANGUAGE_WINDOW = 5
START_PAGE = {lang.code: "/" + lang.root for lang in project_languages(ROOT)}


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    # Site-relative "path#id" of the sections that answer the query; empty: reported, not scored.
    expected: tuple[str, ...]


QUERIES = [
    Query("zh", "余额不足", ("/causes/#balance",)),
    Query("zh", "客服电话", ("/support/#phone",)),
    Query("zh", "身份验证失败怎么办", ("/causes/#verification", "/solutions/#verification")),
    Query("zh", "在线客服", ("/support/#live-chat",)),
    Query("zh", "网络不好", ("/causes/#network", "/solutions/#network")),
    Query("zh", "大额支付", ("/best-practices/#large-payments",)),
    Query(
        "zh", "更新应用", ("/causes/#app-version", "/solutions/#app-version", "/best-practices/#keep-updated")
    ),
    Query("zh", "跨境支付手续费", ("/market-trends/#cross-border",)),
    Query("zh", "帮助中心", ("/support/#help-center",)),
    Query("zh", "用户协议", ("/best-practices/#user-agreement",)),
    Query("zh", "充值", ("/solutions/#balance",)),
    # Every page is about payments failing: no one section is the answer.
    Query("zh", "支付失败", ()),
    Query("en", "insufficient balance", ("/en/causes/#balance",)),
    Query("en", "live chat", ("/en/support/#live-chat",)),
    Query("en", "customer service phone", ("/en/support/#phone",)),
    Query("en", "identity verification failed", ("/en/causes/#verification", "/en/solutions/#verification")),
    Query(
        "en",
        "update the app",
        ("/en/causes/#app-version", "/en/solutions/#app-version", "/en/best-practices/#keep-updated"),
    ),
    Query("en", "cross-border fees", ("/en/market-trends/#cross-border",)),
    Query("en", "help center", ("/en/support/#help-center",)),
    Query("en", "user agreement", ("/en/best-practices/#user-agreement",)),
]

# The second set: how readers in trouble ask, written before the reader vocabulary
# (data/reader-vocabulary.yml) and never tuned to it. Colloquial Chinese, Traditional script
# (and Taiwan/Hong Kong words), everyday English, misspelt English. Expected sections chosen by
# reading the pages: the section a reader asking this needs.
BALANCE = ("/causes/#balance", "/solutions/#balance")
NETWORK = ("/causes/#network", "/solutions/#network")
VERIFICATION = ("/causes/#verification", "/solutions/#verification")
APP = ("/causes/#app-version", "/solutions/#app-version", "/best-practices/#keep-updated")
CHANNEL = ("/causes/#channel", "/solutions/#channel")
DELAY = ("/causes/#institution-delay", "/solutions/#institution-delay")
CONTACT = ("/support/#live-chat", "/support/#phone", "/support/#email")


def en(paths: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("/en" + p for p in paths)


READER_QUERIES = [
    # colloquial Chinese
    Query("zh", "钱不够", BALANCE),
    Query("zh", "卡里没钱了", BALANCE),
    Query("zh", "余额不够怎么办", BALANCE),
    Query("zh", "怎么充钱", ("/solutions/#balance",)),
    Query("zh", "没网了", NETWORK),
    Query("zh", "信号不好付不了款", NETWORK),
    Query("zh", "wifi连不上", NETWORK),
    Query("zh", "人工客服", ("/support/#live-chat", "/support/#phone")),
    Query("zh", "怎么联系客服", CONTACT),
    Query("zh", "客服热线", ("/support/#phone",)),
    Query("zh", "打电话给客服", ("/support/#phone",)),
    Query("zh", "投诉", ("/support/#feedback",)),
    Query("zh", "发邮件问", ("/support/#email",)),
    Query("zh", "要不要升级app", APP),
    Query("zh", "app版本太旧", APP),
    Query("zh", "刷脸验证不了", VERIFICATION),
    Query("zh", "实名认证失败", VERIFICATION),
    Query("zh", "商家不支持这个钱包", CHANNEL),
    Query("zh", "换张银行卡付", ("/solutions/#channel",)),
    Query("zh", "银行一直在处理", DELAY),
    Query("zh", "到账很慢", DELAY),
    Query("zh", "付大钱之前要注意什么", ("/best-practices/#large-payments",)),
    Query("zh", "先付一小笔试试", ("/best-practices/#large-payments",)),
    Query("zh", "国外付款手续费", ("/market-trends/#cross-border",)),
    Query("zh", "虚拟货币", ("/market-trends/#digital-assets",)),
    Query("zh", "比特币", ("/market-trends/#digital-assets",)),
    Query("zh", "指纹支付", ("/market-trends/#security",)),
    Query("zh", "个人信息泄露", ("/market-trends/#privacy",)),
    Query("zh", "官方通知", ("/best-practices/#announcements",)),
    Query("zh", "服务条款", ("/best-practices/#user-agreement",)),
    Query("zh", "扫码支付", ("/outlook/#new-payment-methods",)),
    Query("zh", "不知道是什么原因", ("/checklist/#checklist", "/causes/#causes")),
    # Traditional script, with Taiwan and Hong Kong words
    Query("zh", "餘額不足", ("/causes/#balance",)),
    Query("zh", "網絡連接問題", ("/causes/#network",)),
    Query("zh", "聯絡客服", CONTACT),
    Query("zh", "身份驗證失敗", VERIFICATION),
    Query("zh", "應用程式更新", APP),
    Query("zh", "網路不穩", NETWORK),
    Query("zh", "軟體有問題", ("/causes/#app-version",)),
    Query("zh", "帳戶安全驗證", ("/causes/#verification",)),
    Query("zh", "跨境支付手續費", ("/market-trends/#cross-border",)),
    Query("zh", "線上客服", ("/support/#live-chat",)),
    Query("zh", "電話客服", ("/support/#phone",)),
    Query("zh", "大額付款", ("/best-practices/#large-payments",)),
    # everyday English
    Query("en", "not enough money", en(BALANCE)),
    Query("en", "no money in my account", en(BALANCE)),
    Query("en", "add money to my wallet", ("/en/solutions/#balance",)),
    Query("en", "no internet", en(NETWORK)),
    Query("en", "wifi not working", en(NETWORK)),
    Query("en", "no signal", en(NETWORK)),
    Query("en", "hotline", ("/en/support/#phone",)),
    Query("en", "call customer service", ("/en/support/#phone",)),
    Query("en", "talk to a human", ("/en/support/#live-chat", "/en/support/#phone")),
    Query("en", "complaint", ("/en/support/#feedback",)),
    Query("en", "crypto", ("/en/market-trends/#digital-assets",)),
    Query("en", "bitcoin", ("/en/market-trends/#digital-assets",)),
    Query("en", "ID check", en(VERIFICATION)),
    Query("en", "fingerprint", ("/en/market-trends/#security",)),
    Query("en", "scan to pay", ("/en/outlook/#new-payment-methods",)),
    Query("en", "should I update the app", en(APP)),
    Query("en", "bank is slow", en(DELAY)),
    Query("en", "payment pending", en(DELAY)),
    Query("en", "store doesn't accept my wallet", en(CHANNEL)),
    Query("en", "overseas fees", ("/en/market-trends/#cross-border",)),
    Query("en", "terms and conditions", ("/en/best-practices/#user-agreement",)),
    Query("en", "send an email", ("/en/support/#email",)),
    Query("en", "data leak", ("/en/market-trends/#privacy",)),
    Query("en", "big purchase", ("/en/best-practices/#large-payments",)),
    Query("en", "how do I contact support", en(CONTACT)),
    # misspelt English
    Query("en", "insuficient balance", ("/en/causes/#balance",)),
    Query("en", "verfication failed", en(VERIFICATION)),
    Query("en", "custmer service", ("/en/support/#live-chat", "/en/support/#phone")),
    Query("en", "netwrok connection", en(NETWORK)),
    Query("en", "accout balance", en(BALANCE)),
    Query("en", "upadte the app", en(APP)),
    Query("en", "live chta", ("/en/support/#live-chat",)),
    Query("en", "hepl center", ("/en/support/#help-center",)),
    Query("en", "cross border fess", ("/en/market-trends/#cross-border",)),
]

QUERY_SETS = {"article": QUERIES, "reader": READER_QUERIES}
# Issue 10's targets for our search: (set, "first" or "top3", least share of the scored queries).
TARGETS = [("article", "first", 1.0), ("reader", "first", 0.90), ("reader", "top3", 0.97)]
SET_TITLES = {
    "article": "the article's own wording",
    "reader": "readers' own wording (colloquial, Traditional, misspelt)",
}

# Not scored: words that occur in both languages' pages, to show whether an index keeps the
# languages apart (the queries above occur in one language only).
PROBES = [Query("en", "FAQ", ())]

# material-jieba-tuned: Material's documented search options (plugins.search: lang, separator,
# pipeline, fields, jieba_dict_user) and static-i18n's reconfigure_search, tried on QUERIES
# (first / in top 3, of 19 scored; measured 2026-11-26):
#   defaults (pipeline [stemmer], which the merged index takes from the zh build)      10 / 14
#   pipeline [stopWordFilter] (the en default: no stemmer, whose stems miss the
#     trailing wildcard Material adds to every query word, e.g. balance* vs "balanc")  12 / 16  <- kept
#   pipeline [] 10 / 15;  [stemmer, stopWordFilter] 12 / 14;  + trimmer 12 / 16
#   reconfigure_search false (lang [en] only, as mkdocs.yml has it) + [stopWordFilter]    10 / 16
#   fields title boost 10 instead of 1000                                                12 / 16
#   separator + full-width punctuation (：“”（）《》)                                    12 / 16
#   jieba_dict_user = the zh terms of data/glossary.yml: 身份验证失败怎么办 becomes first
#     but 在线客服 finds nothing (在线聊天 is then one word)                              12 / 16
#   separator that also cuts before every Han character (Material documents lookaheads
#     for camelCase): single characters, nearly always second                            9 / 18
# What no option reaches: Material's browser-side segmenter (query/segment) never tries a
# slice that ends at the query's last character, so the last word of a Chinese query is
# dropped or cut to one character (客服电话 → 客服*, 用户协议 → 用户*, 余额不足 → 余额* 不*).
TUNED_SEARCH = {"pipeline": ["stopWordFilter"]}
TUNED_I18N = {"reconfigure_search": True}


# ---- Building --------------------------------------------------------------------------------


def mkdocs_build(config_file: Path, site_dir: Path, site_url: str) -> None:
    result = strict_build(site_dir, config=config_file, cwd=ROOT, site_url=site_url)
    if not result.ok:
        sys.exit(f"build of {site_dir.name} failed:\n{result.log}")


def build_ours(work: Path, site_dir: Path, site_url: str) -> None:
    mkdocs_build(ROOT / "mkdocs.yml", site_dir, site_url)


def ours_config(work: Path, name: str, options: dict) -> Path:
    """A copy of mkdocs.yml with these options of our search plugin."""
    from mkdocs.utils import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as f:
        config = yaml_load(f)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    plugins = []
    for entry in config["plugins"]:
        plugin = next(iter(entry)) if isinstance(entry, dict) else entry
        settings = entry[plugin] if isinstance(entry, dict) else {}
        if plugin == "wallet-guide-search":
            settings = {
                **settings,
                "vocabulary_file": str(ROOT / "data" / "reader-vocabulary.yml"),
                **options,
            }
        plugins.append({plugin: settings})
    config["plugins"] = plugins
    link_data(work)
    path = work / f"{name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def ours_builder(options: dict) -> Callable[[Path, Path, str], None]:
    def build(work: Path, site_dir: Path, site_url: str) -> None:
        mkdocs_build(ours_config(work, site_dir.name, options), site_dir, site_url)

    return build


def build_pagefind(work: Path, site_dir: Path, site_url: str) -> None:
    build_ours(work, site_dir, site_url)
    # Index the article only, as data-pagefind-body would: not the header, navigation, footer,
    # permalink signs, or our own search dialog.
    exclude = [
        ".md-header",
        ".md-tabs",
        ".md-sidebar",
        ".md-footer",
        ".md-source-file",
        ".headerlink",
        ".wg-search",
        ".wg-alternates",
        ".md-content__button",
    ]
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    for selector in exclude:
        cmd += ["--exclude-selectors", selector]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if result.returncode or not (site_dir / "pagefind" / "pagefind.js").exists():
        sys.exit(f"pagefind failed:\n{result.stdout}{result.stderr}")
    # The extended build (with the Chinese and Japanese segmenters) names itself in its usage line.
    usage = subprocess.run(
        [sys.executable, "-m", "pagefind", "--help"], capture_output=True, text=True
    ).stdout
    if "pagefind_extended" not in usage:
        sys.exit("Pagefind is not the extended build: pip install -r requirements-compare.txt")


# As the value of jieba_dict_user in TUNED_SEARCH: the glossary as a jieba user dictionary.
GLOSSARY_USER_DICT = "<data/glossary.yml>"


def glossary_user_dict(work: Path) -> Path:
    """A jieba user dictionary of the guide's own terms: the zh side of data/glossary.yml."""
    terms = [entry["zh"] for entry in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text("utf-8"))]
    path = work / "jieba-user-dict.txt"
    path.write_text("".join(f"{term}\n" for term in terms), encoding="utf-8")
    return path


def link_data(work: Path) -> None:
    """Our plugins read data/ relative to the config file: put it beside a copy of mkdocs.yml."""
    if not (work / "data").exists():
        (work / "data").symlink_to(ROOT / "data")


def material_config(work: Path, site_dir_name: str, site_url: str, search: dict, i18n: dict) -> Path:
    """A copy of mkdocs.yml with our search off and Material's on, with Material's own header."""
    from mkdocs.utils import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as f:
        config = yaml_load(f)
    overrides = work / "overrides"
    if not overrides.exists():
        # Our header.html puts our search box where Material's was, and our partials/search.html
        # replaces Material's dialog: without both, the theme's own search UI is back.
        shutil.copytree(ROOT / config["theme"]["custom_dir"], overrides)
        (overrides / "partials" / "header.html").unlink()
        (overrides / "partials" / "search.html").unlink()
    config["theme"]["custom_dir"] = str(overrides)
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    config["site_url"] = site_url
    plugins = []
    for entry in config["plugins"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        options = entry[name] if isinstance(entry, dict) else {}
        if name == "wallet-guide-search":
            options = {**options, "enabled": False}
        if name == "i18n":
            options = {**options, **i18n}
        plugins.append({name: options})
    if search.get("jieba_dict_user") == GLOSSARY_USER_DICT:
        search = {**search, "jieba_dict_user": str(glossary_user_dict(work))}
    # static-i18n's documentation puts the search plugin before it.
    plugins.insert(0, {"search": search})
    config["plugins"] = plugins
    link_data(work)
    path = work / f"{site_dir_name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def check_jieba_segmented(site_dir: Path) -> dict:
    """Material segments Chinese with jieba only when jieba is importable: make sure it did."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    han = re.compile(r"[\u4e00-\u9fff]")
    zh_docs = [d for d in docs if han.search(d["title"] + d["text"])]
    segmented = [d for d in zh_docs if re.search(r"[\u4e00-\u9fff]\u200b[\u4e00-\u9fff]", d["text"])]
    if not zh_docs or len(segmented) < len(zh_docs) // 2:
        sys.exit(
            f"{site_dir.name}: Chinese text in search_index.json is not segmented "
            "(is jieba installed? pip install -r requirements-compare.txt)"
        )
    langs = {"en" if d["location"].startswith("en/") else "zh" for d in docs}
    return {
        "documents": len(docs),
        "chinese_documents": len(zh_docs),
        "segmented": len(segmented),
        "languages_in_one_index": sorted(langs),
        "config": index["config"],
    }


def material_builder(search: dict, i18n: dict) -> Callable[[Path, Path, str], dict]:
    def build(work: Path, site_dir: Path, site_url: str) -> dict:
        mkdocs_build(material_config(work, site_dir.name, site_url, search, i18n), site_dir, site_url)
        return check_jieba_segmented(site_dir)

    return build


# ---- Querying --------------------------------------------------------------------------------


@dataclass
class Hit:
    url: str
    title: str


def query_ours(page, text: str) -> list[Hit]:
    results = page.evaluate("q => window.wgSearch.rankSections(q)", text)
    return [Hit(r["url"], r["title"]) for r in results]


PAGEFIND_JS = """async (q) => {
  const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
  await pagefind.init();
  const search = await pagefind.search(q);
  const pages = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const score = (sub) => sub.weighted_locations.reduce((s, l) => s + l.balanced_score, 0);
  return pages.flatMap((p) => [...p.sub_results]
    .sort((a, b) => score(b) - score(a))
    .map((sub) => ({ url: sub.url, title: sub.title })));
}"""


def query_pagefind(page, text: str) -> list[Hit]:
    return [Hit(r["url"], r["title"]) for r in page.evaluate(PAGEFIND_JS, text)]


SETTLE_MS = 500
MATERIAL_WAIT_JS = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const waiting = [t["search.result.initializer"], t["search.result.placeholder"]];
  return meta && meta.textContent.trim() && !waiting.includes(meta.textContent.trim());
}"""

MATERIAL_READ_JS = """() => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .map((a) => ({
    url: a.href,
    title: (a.querySelector("h1, h2") || a).textContent.replace(/\\u200b/g, "").trim(),
    score: parseFloat(a.querySelector("article").dataset.mdScore),
  }))
  .filter((r) => r.score > 0)"""


def query_material(page, text: str) -> list[Hit]:
    box = page.locator("input.md-search__input")
    # Our pages load Material's bundle on the reader's first interaction (material-loader.js),
    # and until then Material hides its search box (html.no-js): a first key press, as any
    # first key, tap or scroll would.
    page.keyboard.press("Shift")
    box.wait_for(state="visible")
    box.click()
    if text.isascii():
        page.keyboard.type(text)
    else:
        # An input method: the text arrives without key events, the confirming key comes after.
        # Material reads the box on keyup.
        page.keyboard.insert_text(text)
        page.keyboard.press("End")
    page.wait_for_function(MATERIAL_WAIT_JS)
    # The worker may first answer an earlier (empty) query, which Material shows with the
    # current text ("no results"): read until the list has not changed for SETTLE_MS.
    hits = page.evaluate(MATERIAL_READ_JS)
    for _ in range(20):
        page.wait_for_timeout(SETTLE_MS)
        again = page.evaluate(MATERIAL_READ_JS)
        if again == hits:
            break
        hits = again
    else:
        sys.exit(f"Material's results for {text!r} did not settle")
    return [Hit(r["url"], r["title"]) for r in hits]


# ---- One approach ----------------------------------------------------------------------------


@dataclass
class Approach:
    name: str
    build: Callable[[Path, Path, str], dict | None]
    query: Callable[[object, str], list[Hit]]
    note: str


APPROACHES = [
    Approach(
        "material-jieba",
        material_builder({}, {"reconfigure_search": True}),
        query_material,
        "Material 9.8 search plugin + jieba, static-i18n's search defaults, one index",
    ),
    Approach(
        "material-jieba-tuned",
        material_builder(TUNED_SEARCH, TUNED_I18N),
        query_material,
        f"the same, plugins.search {json.dumps(TUNED_SEARCH)}, i18n {json.dumps(TUNED_I18N)}",
    ),
    Approach(
        "pagefind-extended",
        build_pagefind,
        query_pagefind,
        "Pagefind extended over our build, JS API, sections from sub_results",
    ),
    Approach(
        "ours",
        build_ours,
        query_ours,
        "window.wgSearch.rankSections; reader vocabulary indexed with each section (the default)",
    ),
    Approach(
        "ours-query-time",
        ours_builder({"vocabulary_at": "query"}),
        query_ours,
        "the same, reader vocabulary applied to the query instead (vocabulary_at: query)",
    ),
    Approach(
        "ours-no-vocabulary",
        ours_builder({"vocabulary_file": "/nonexistent"}),
        query_ours,
        "the same without the reader vocabulary (Traditional script and misspellings only)",
    ),
]


@dataclass
class Outcome:
    query: str
    lang: str
    expected: list[str]
    rank: int | None
    other_language_top5: int
    integrator_top10: int  # results from the integrator manual (/integrate/), for a reader
    results: list[dict] = field(default_factory=list)


def site_path(url: str, base: str) -> str:
    path = url[len(base) :] if url.startswith(base) else url
    # Pagefind and Material may add query strings (?h=...); keep path and #id.
    return re.sub(r"\?[^#]*", "", path)


def score(query: Query, hits: list[Hit], base: str) -> Outcome:
    paths = [site_path(h.url, base) for h in hits][:TOP]
    rank = next((i + 1 for i, p in enumerate(paths) if p in query.expected), None)
    own = (lambda p: p.startswith("/en/")) if query.lang == "en" else (lambda p: not p.startswith("/en/"))
    other = sum(1 for p in paths[:OTHER_LANGUAGE_WINDOW] if not own(p))
    integrator = sum(1 for p in paths if re.match(r"^(/en)?/integrate/", p))
    return Outcome(
        query.text,
        query.lang,
        list(query.expected),
        rank,
        other,
        integrator,
        [{"path": p, "title": h.title} for p, h in zip(paths, hits, strict=False)],
    )


def run_approach(approach: Approach, work: Path, browser, log: Callable[[str], None]) -> dict:
    site_dir = work / approach.name
    site_dir.mkdir(parents=True)
    server, base = static_server.start(site_dir)
    try:
        log(f"building {approach.name} …")
        build_info = approach.build(work, site_dir, base + "/")
        outcomes: dict[str, list[Outcome]] = {name: [] for name in QUERY_SETS}
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        errors: list[str] = []
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        for set_name, queries in QUERY_SETS.items():
            for query in queries:
                # A fresh page per query, as a reader arriving and searching once.
                page.goto(base + START_PAGE[query.lang], wait_until="networkidle")
                outcomes[set_name].append(score(query, approach.query(page, query.text), base))
        probes = []
        for query in PROBES:
            page.goto(base + START_PAGE[query.lang], wait_until="networkidle")
            probes.append(score(query, approach.query(page, query.text), base))
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "approach": approach.name,
        "note": approach.note,
        "build": build_info,
        "sets": {name: summarize(found) for name, found in outcomes.items()},
        "page_errors": errors,
        "probes": [asdict(o) for o in probes],
    }


def summarize(outcomes: list[Outcome]) -> dict:
    scored = [o for o in outcomes if o.expected]
    return {
        "first": sum(1 for o in scored if o.rank == 1),
        "top3": sum(1 for o in scored if o.rank and o.rank <= 3),
        "scored": len(scored),
        "other_language_top5": sum(o.other_language_top5 for o in outcomes),
        "queries_with_other_language_top5": sum(1 for o in outcomes if o.other_language_top5),
        "integrator_top10": sum(o.integrator_top10 for o in outcomes),
        "queries": [asdict(o) for o in outcomes],
    }


# ---- Output ----------------------------------------------------------------------------------


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def print_table(report: dict) -> None:
    rows = report["approaches"]
    names = [r["approach"] for r in rows]
    col = max(len(n) for n in names) + 2

    def pad(text: str, n: int) -> str:
        # CJK characters take two columns in a terminal.
        return text + " " * max(0, n - sum(2 if ord(c) > 0x2E80 else 1 for c in text))

    for set_name, queries in QUERY_SETS.items():
        width = max(len(q.text) * 2 for q in queries) + 2
        print(
            f"Search comparison, {report['date']}, {SET_TITLES[set_name]}: rank of the expected "
            f"section (1 = first, '-' = not in the top {TOP}; () = not scored)\n"
        )
        print(pad("query", width) + "".join(n.rjust(col) for n in names))
        for i, query in enumerate(queries):
            cells = []
            for r in rows:
                o = r["sets"][set_name]["queries"][i]
                cell = str(o["rank"]) if o["rank"] else "-"
                if not o["expected"]:
                    first = o["results"][0]["path"] if o["results"] else "none"
                    cell = f"({first})"
                if o["other_language_top5"]:
                    cell += f" +{o['other_language_top5']}"
                if o["integrator_top10"]:
                    cell += f" i{o['integrator_top10']}"
                cells.append(cell.rjust(col))
            print(pad(query.text, width) + "".join(cells))
        print()
    print(
        f"+N after a rank: N results from the other language among the first {OTHER_LANGUAGE_WINDOW}; "
        f"iN: N results from the integrator manual in the top {TOP}.\n"
    )
    print("Scores per approach and query set:")
    width = 34
    print(pad("", width) + "".join(n.rjust(col) for n in names))
    for set_name in QUERY_SETS:
        sets = [r["sets"][set_name] for r in rows]
        print(f"{set_name}:")
        print(
            pad("  first / scored", width)
            + "".join(
                f"{s['first']}/{s['scored']} {percent(s['first'], s['scored'])}".rjust(col) for s in sets
            )
        )
        print(
            pad("  in top 3 / scored", width)
            + "".join(f"{s['top3']}/{s['scored']} {percent(s['top3'], s['scored'])}".rjust(col) for s in sets)
        )
        print(
            pad("  other-language in top 5", width)
            + "".join(
                f"{s['other_language_top5']} ({s['queries_with_other_language_top5']} q)".rjust(col)
                for s in sets
            )
        )
        print(
            pad("  integrator results in top 10", width)
            + "".join(str(s["integrator_top10"]).rjust(col) for s in sets)
        )
    print("\nTargets (the right section first / in the top 3, share of the scored queries):")
    for r in rows:
        if not r["approach"].startswith("ours"):
            continue
        cells = []
        for set_name, measure, least in TARGETS:
            got = r["sets"][set_name]
            share = got[measure] / got["scored"] if got["scored"] else 0
            cells.append(
                f"{set_name} {measure} {share:.0%} (>= {least:.0%}: {'met' if share >= least else 'NOT MET'})"
            )
        integrator = sum(r["sets"][name]["integrator_top10"] for name in QUERY_SETS)
        cells.append(f"integrator results {integrator} ({'met' if integrator == 0 else 'NOT MET'})")
        print(f"  {r['approach']}: " + "; ".join(cells))
    print()
    for i, probe in enumerate(PROBES):
        print(
            f"probe {probe.text} from {START_PAGE[probe.lang]}: other-language results in the top "
            f"{OTHER_LANGUAGE_WINDOW}"
        )
        for r in rows:
            o = r["probes"][i]
            print(
                f"  {r['approach']}: {o['other_language_top5']} "
                f"(results: {', '.join(x['path'] for x in o['results'][:OTHER_LANGUAGE_WINDOW]) or 'none'})"
            )
    print()
    for r in rows:
        print(f"{r['approach']}: {r['note']}")
        if r["build"]:
            b = r["build"]
            print(
                f"  search_index.json: {b['documents']} documents, languages {b['languages_in_one_index']}, "
                f"jieba-segmented {b['segmented']}/{b['chinese_documents']} Chinese documents, "
                f"config {json.dumps(b['config'], ensure_ascii=False)}"
            )
        if r["page_errors"]:
            print(f"  page errors: {r['page_errors']}")
        for set_name in QUERY_SETS:
            for o in r["sets"][set_name]["queries"]:
                if o["expected"] and o["rank"] != 1:
                    first = o["results"][0] if o["results"] else None
                    got = f"{first['path']} «{first['title']}»" if first else "no result"
                    print(
                        f"  {o['query']}: {'rank ' + str(o['rank']) if o['rank'] else 'not in top 10'}, first result {got}"
                    )


def compare(only: list[str] | None = None, keep: Path | None = None, as_json: bool = False) -> int:
    """Build, query and print the table (or, ``as_json``, the figures). ``only``: these
    approaches; ``keep``: build into this folder (which must not exist) and keep it."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: run `make system-packages` (as root)")
    log = functools.partial(print, file=sys.stderr)
    unknown = sorted(set(only or ()) - {a.name for a in APPROACHES})
    if unknown:
        sys.exit(
            f"unknown approach {', '.join(unknown)}: choose from {', '.join(a.name for a in APPROACHES)}"
        )
    approaches = [a for a in APPROACHES if not only or a.name in only]
    work_ctx: tempfile.TemporaryDirectory[str] | None
    if keep:
        keep.mkdir(parents=True)
        work_ctx = None
        work = keep.resolve()
    else:
        work_ctx = tempfile.TemporaryDirectory(prefix="compare-search-")
        work = Path(work_ctx.name)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            rows = [run_approach(a, work, browser, log) for a in approaches]
            browser.close()
    finally:
        if work_ctx:
            work_ctx.cleanup()
    report = {"date": date.today().isoformat(), "top": TOP, "approaches": rows}
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(report)
    return 0
