"""Generated languages: the conversion keeps Markdown's structure, the overrides win, and the
built zh-tw and zh-hk pages hold their region's words with the source's ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.html import page_file, read
from wallet_guide.conversion.convert import Converter, with_generated
from wallet_guide.conversion.regions import RegionError, load_region, load_regions

ROOT = Path(__file__).resolve().parents[1]
TW = Converter("s2twp")
HK = Converter("s2hk")


def test_regions_say_network_their_way():
    assert TW.text("网络不稳定") == "網路不穩定"
    assert HK.text("网络不稳定") == "網絡不穩定"
    assert TW.text("应用软件") == "應用軟體"
    assert HK.text("应用软件") == "應用軟件"


def test_markdown_structure_is_kept():
    source = (
        "---\ntitle: 常见原因\n---\n\n## 2. 账户余额不足 {#balance}\n\n<!-- wallet-guide:checklist -->\n\n"
        '见[检查网络](solutions.md#network "网络"){: hreflang=zh }，代码 `网络` 不变。\n\n'
        '```html\n<a href="https://x/causes/#balance">账户余额不足</a>\n```\n'
    )
    out = TW.markdown(source)
    assert "title: 常見原因" in out
    assert "## 2. 賬戶餘額不足 {#balance}" in out
    assert "<!-- wallet-guide:checklist -->" in out
    assert '[檢查網路](solutions.md#network "网络"){: hreflang=zh }' in out  # target and title kept
    assert "`网络`" in out
    assert '<a href="https://x/causes/#balance">账户余额不足</a>' in out  # code is not text


def test_raw_html_addresses_are_rebased_outside_code():
    source = '<script src="../embed/v1/embed.js"></script> <a href="#x">网络</a>\n```\n<script src="../a.js">\n```\n'
    out = HK.markdown(source, html_prefix="../")
    assert '<script src="../../embed/v1/embed.js">' in out
    assert '<a href="#x">網絡</a>' in out
    assert '<script src="../a.js">' in out


def test_overrides_win_longest_first():
    converter = Converter("s2twp", {"数字钱包": "數位錢包", "数字": "數碼", "账户": "帳戶"})
    assert converter.text("数字钱包的账户，数字") == "數位錢包的帳戶，數碼"


CORNER = Converter("s2twp", quotes="corner")


def test_corner_quotes_in_text_only():
    source = (
        "---\ntitle: 遇到“处理失败”时\n---\n\n## 遇到“处理失败”时从哪里开始 {#start-here}\n\n"
        "提示‘余额不足’或“网络‘不稳定’”，代码 `“网络”` 不变，user’s 不变。\n\n"
        '见[“检查网络”](solutions.md#network "“网络”"){: title="“网络”" }，'
        '<span title="“网络”">“网络”</span> https://x.example/“a”\n\n'
        '```json\n{"description": "提示“处理失败”"}\n```\n'
    )
    out = CORNER.markdown(source)
    assert "title: 遇到「處理失敗」時" in out  # a front-matter value is text; its key is kept
    assert "## 遇到「處理失敗」時從哪裡開始 {#start-here}" in out
    assert "提示『餘額不足』或「網路『不穩定』」" in out
    assert "`“网络”`" in out and "user’s" in out  # code, and an apostrophe
    assert '[「檢查網路」](solutions.md#network "“网络”"){: title="“网络”" }' in out  # target, attributes
    assert '<span title="“网络”">「網路」</span>' in out  # an HTML attribute keeps its quotes
    assert "https://x.example/“a”" in out
    assert '{"description": "提示“处理失败”"}' in out  # a code block
    assert CORNER.text("“余额”") == "「餘額」"
    assert TW.text("“余额”") == "“餘額”"  # curly, the default: the source's


def test_a_quotation_may_close_after_code():
    assert CORNER.markdown("“`网络`”与‘`a`’") == "「`网络`」與『`a`』"


def test_mappings_convert_values_not_keys():
    texts = {"zh": {"title": "找不到这个页面", "links": [{"page": "checklist.md", "text": "打开清单"}]}}
    filled = with_generated(texts, {"zh-hk": ("zh", HK)})
    assert filled["zh-hk"] == {
        "title": "找不到這個頁面",
        "links": [{"page": "checklist.md", "text": "打開清單"}],
    }
    assert filled["zh"] is texts["zh"]


def test_region_files_of_the_repository_load():
    regions = load_regions(ROOT / "data" / "conversion")
    assert {lang: (r.source, r.opencc, r.quotes) for lang, r in regions.items()} == {
        "zh-tw": ("zh", "s2twp", "corner"),
        "zh-hk": ("zh", "s2hk", "corner"),
    }


@pytest.mark.parametrize(
    "text,message",
    [
        ("source: zh\nopencc: s2xx\n", "data.yml:2: unknown OpenCC configuration 's2xx'"),
        ("opencc: s2hk\n", "data.yml:1: 'source' is missing"),
        ("source: zh\nopencc: s2hk\noverrides:\n  网络: ''\n", "data.yml:4: override '网络': both sides"),
        ("source: zh\nopencc: s2hk\nquotes: square\n", "data.yml:3: unknown quotes style 'square'"),
    ],
)
def test_a_bad_region_file_names_file_and_line(tmp_path, text, message):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegionError) as error:
        load_region(path)
    assert str(error.value).startswith(str(tmp_path / message.split(":")[0]) + ":" + message.split(":", 1)[1])


@pytest.mark.parametrize("lang,html_lang,network", [("zh-tw", "zh-TW", "網路"), ("zh-hk", "zh-HK", "網絡")])
def test_built_generated_page_has_region_words_and_source_ids(site, lang, html_lang, network):
    zh = read(page_file(site, "/causes/"))
    page = read(page_file(site, f"/{lang}/causes/"))
    assert "网络" in zh.article_text and "网络" not in page.article_text
    assert network in page.article_text
    assert page.ids == zh.ids
    assert page.lang == html_lang
    home, generated_home = read(page_file(site, "/")), read(page_file(site, f"/{lang}/"))
    assert "“处理失败”" in home.article_text and "「處理失敗」" in generated_home.article_text
    assert "“" not in generated_home.article_text


# What a reader reads or hears on a built page: text outside code, and the attributes that
# label controls or describe the page. Code blocks keep the source's characters on purpose.
_CODE = {"pre", "code", "script", "style"}
_READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def reader_text(path: Path) -> str:
    from wallet_guide.html_text import walk

    parts: list[str] = []
    for node in walk(path.read_text(encoding="utf-8")):
        if _CODE & set(node.open) or node.tag in _CODE:
            continue
        if node.kind == "text":
            parts.append(node.text)
        elif node.kind == "start":
            parts += [node.attrs[name] for name in _READ_ATTRIBUTES if node.attrs.get(name)]
            if node.tag == "meta" and node.attrs.get("name") in ("description", "keywords"):
                parts.append(node.attrs.get("content", ""))
    return "\n".join(parts)


# A word the region's overrides give on its home page and its solutions page: the reading above
# finds text that conversion made (a positive control for the absences below).
REGION_WORDS = {
    "zh-tw": ("數位支付", "轉帳", "生活品質", "行動數據", "儲值"),
    "zh-hk": ("數碼支付", "生活質素", "流動數據", "裝置", "搜尋"),
}


@pytest.mark.parametrize("lang", REGION_WORDS)
def test_built_generated_pages_show_none_of_the_region_s_forbidden_words(site, lang):
    region = load_region(ROOT / "data" / "conversion" / f"{lang}.yml")
    assert len(region.forbidden) >= 20, "the reviewed list of words the region does not use"
    pages = sorted((site / lang).rglob("*.html"))
    assert len(pages) >= 9
    texts = {page.relative_to(site).as_posix(): reader_text(page) for page in pages}
    region_text = texts[f"{lang}/index.html"] + texts[f"{lang}/solutions/index.html"]
    assert [word for word in REGION_WORDS[lang] if word not in region_text] == []
    found = {
        path: [entry.word for entry in region.forbidden if entry.word in text]
        for path, text in texts.items()
        if any(entry.word in text for entry in region.forbidden)
    }
    assert found == {}


@pytest.mark.parametrize(
    "lang,line",
    [
        ("", "页面语言：简体中文"),
        ("zh-tw/", "頁面語言：繁體中文（台灣）"),
        ("zh-hk/", "頁面語言：繁體中文（香港）"),
        ("en/", "Page language: English"),
    ],
)
def test_the_support_summary_names_the_language_variant(site, lang, line):
    summary = (site / lang / "support" / "index.html").read_text(encoding="utf-8")
    start = summary.index('<pre class="wg-summary__text">')
    assert line in summary[start : summary.index("</pre>", start)].splitlines()


@pytest.mark.parametrize(
    "lang,label",
    [
        ("", "选择语言（当前：简体中文）"),
        ("zh-tw/", "選擇語言（目前：繁體中文（台灣））"),
        ("zh-hk/", "選擇語言（當前：繁體中文（香港））"),
        ("en/", "Select a language (current: English)"),
    ],
)
def test_the_language_button_names_the_page_s_variant(site, lang, label):
    from wallet_guide.html_text import walk

    nodes = walk((site / lang / "causes" / "index.html").read_text(encoding="utf-8"))
    switcher = next(i for i, node in enumerate(nodes) if "wg-header-language" in node.classes)
    button = next(node for node in nodes[switcher:] if node.kind == "start" and node.tag == "button")
    assert button.attrs.get("aria-label") == label
