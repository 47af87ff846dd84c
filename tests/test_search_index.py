"""The search index as the build writes it (the browser side: tests/browser/test_search.py)."""

from __future__ import annotations

import json

from wallet_guide.search.index import build_files, impacts
from wallet_guide.search.sections import Section, split_sections
from wallet_guide.search.variants import needed_pairs, simplify
from wallet_guide.search.vocabulary import normalized


def test_traditional_pairs_are_only_those_the_index_needs():
    pairs = needed_pairs("账户余额不足")
    assert pairs["餘"] == "余" and pairs["額"] == "额"
    assert set(pairs.values()) <= set("账户余额不足")
    assert "網" not in pairs  # 网 is not in this text
    assert simplify("網絡連接問題") == "网络连接问题"


def test_aliases_are_simplified_like_a_query():
    assert normalized("應用程式  更新") == "应用程式 更新"
    assert normalized("Talk to a Human") == "talk to a human"


def test_aliases_find_a_section_without_changing_its_article_scores():
    plain = [
        Section("causes/#balance", "账户余额不足", "常见原因", "如余额不足，也会导致支付处理失败。"),
        Section("causes/#network", "网络连接问题", "常见原因", "网络不稳定，支付请求将无法成功发送。"),
    ]
    aliased = [Section(**{**vars(plain[0]), "aliases": normalized("钱不够 卡里没钱了")}), plain[1]]
    before, after = impacts(plain), impacts(aliased)
    assert [n for n, _ in after["不够"]] == [0]
    assert after["余额"] == before["余额"]


def test_code_is_searchable_but_not_an_excerpt():
    html = '<h2 id="api">API</h2><p>Read the pages as JSON.</p><pre><code>{"version": 1}</code></pre>'
    [section] = split_sections(html, "integrate/", "Embedding")
    assert section.text == "Read the pages as JSON." and "version" in section.code
    files = build_files("en", [section])
    chunk = json.loads(files["sections-0.json"])
    assert "version" not in chunk[0][3]
    assert any("version" in json.loads(text) for name, text in files.items() if name.startswith("terms-"))


def test_the_manifest_names_the_optional_files():
    section = Section("causes/#balance", "账户余额不足", "常见原因", "余额不足 WiFi")
    files = build_files("zh", [section])
    manifest = json.loads(files["manifest.json"])
    assert set(manifest["traditional"]) == set(json.loads(files["traditional.json"])[0::2])
    assert manifest["words"] == {} and manifest["foldResults"] is False
    assert json.loads(files["words.json"]) == ["wifi"]
    assert manifest["vocabulary"] is False and "vocabulary.json" not in files


def test_every_chinese_text_folds_to_simplified_and_the_source_words():
    from wallet_guide.search.variants import Folding

    folding = Folding(words={"网路": "网络", "软体": "软件", "数位钱包": "数字钱包"})
    for text in ("网络不稳定", "網路不穩定", "網絡不穩定", "网路不稳定"):
        assert folding.fold(text) == "网络不稳定", text
    assert folding.fold("數位錢包的軟體") == "数字钱包的软件"
    assert folding.fold(folding.fold("數位錢包的軟體")) == "数字钱包的软件"  # idempotent
    assert simplify("什么") == "什么"  # 么 is Simplified: OpenCC's tw2s 么 -> 幺 is not a fold


def test_regional_words_are_the_converters_not_the_sources_own():
    from wallet_guide.conversion.convert import Converter
    from wallet_guide.search.variants import regional_words

    tw = Converter("s2twp", {"数字钱包": "數位錢包"})
    hk = Converter("s2hk", {"数字钱包": "數碼錢包"})
    source = ["网络不稳定时，更新应用软件。", "数字钱包的网络。", "创建账户前请先建立联系。"]
    texts = [(text, convert.text(text)) for text in source for convert in (tw, hk)]
    words = regional_words(texts, [tw.text, hk.text])
    assert words["网路"] == "网络" and words["软体"] == "软件"
    assert words["数位钱包"] == "数字钱包" and words["数码钱包"] == "数字钱包"
    assert "建立" not in words  # Taiwan's word for 创建 is the source's own word too
    assert "的网路" not in words  # explained by 网路


def test_a_traditional_index_is_folded_but_shows_its_own_text():
    from wallet_guide.search.variants import Folding

    section = Section(
        "zh-tw/causes/#network", "網路連線問題", "常見原因", "網路不穩定時，支付請求將無法成功傳送。"
    )
    files = build_files("zh-tw", [section], folding=Folding(words={"网路": "网络"}))
    terms = {t for name, text in files.items() if name.startswith("terms-") for t in json.loads(text)}
    assert {"网络", "余额"} & terms == {"网络"} and "網路" not in terms
    assert json.loads(files["sections-0.json"])[0][1] == "網路連線問題"
    manifest = json.loads(files["manifest.json"])
    assert manifest["foldResults"] is True and manifest["words"] == {"网路": "网络"}


def test_generated_languages_have_their_sources_vocabulary_converted():
    from pathlib import Path

    from tests.languages import GENERATED
    from wallet_guide.search.vocabulary import for_language, load

    vocabulary = load(Path(__file__).resolve().parents[1] / "data" / "reader-vocabulary.yml")
    generated = {code: (source, converter.text) for code, (source, converter) in GENERATED.items()}
    zh = for_language(vocabulary, "zh", generated)
    for lang in GENERATED:
        converted = for_language(vocabulary, lang, generated)
        assert converted.keys() == zh.keys() and converted, lang
        assert "钱不够" in converted[("causes.md", "balance")].aliases  # 錢不夠, Simplified as a query
    # Taiwan's words: 网络 in an alias becomes 網路 (folded: 网路; the index's folding: 网络).
    tw = for_language(vocabulary, "zh-tw", generated)
    assert any("网路" in a for entry in tw.values() for a in entry.aliases)


def test_term_shards_hold_each_terms_best_postings_and_are_sized_like_json():
    from wallet_guide.search.index import IndexLayout

    sections = [
        Section(f"causes/#s{n}", f"原因 {n}", "常见原因", f"余额不足 网络 {'钱包 ' * n}card{n} payment")
        for n in range(40)
    ]
    layout = IndexLayout(term_shard_bytes=500, max_postings=5)
    files = build_files("zh", sections, layout)
    shards = {name: json.loads(text) for name, text in files.items() if name.startswith("terms-")}
    merged = {term: plist for shard in shards.values() for term, plist in shard.items()}
    expected = impacts(sections)
    assert set(merged) == set(expected)
    for term, plist in expected.items():
        assert merged[term] == [[n, round(score, 3)] for n, score in plist[:5]], term
    # As many shards as the postings need at json.dumps' size, each term in one shard.
    size = sum(len(json.dumps(v)) + len(t) + 4 for t, v in merged.items())
    assert len(shards) == json.loads(files["manifest.json"])["termShards"] == -(-size // 500) > 1
    assert sum(len(shard) for shard in shards.values()) == len(merged)


# ---- Readers' written Cantonese and colloquial words (data/search-folding.yml) ----


def folding_table(tmp_path, text: str, source_text: str = "账户余额不足"):
    from wallet_guide.search.colloquial import load

    path = tmp_path / "search-folding.yml"
    path.write_text(text, encoding="utf-8")
    return load(path, source_text)


def test_written_cantonese_folds_into_the_pages_mandarin(tmp_path):
    table = folding_table(
        tmp_path, "words:\n  冇: 没\n  唔: 不\n  點算: 怎么办\n  戶口: 账户\nfillers:\n  zh: [怎么办, 吗]\n"
    )
    # Keys in either script are folded like a query (戶口 -> 户口, 點算 -> 点算).
    assert table.fold(simplify("戶口冇錢點算")) == "账户没钱怎么办"
    assert table.fold("余额唔够") == "余额不够"
    assert set(table.triggers()) == {"冇", "唔", "点", "户", "怎", "吗"}
    browser = table.for_browser()
    assert browser["words"]["点算"] == "怎么办" and browser["fillers"] == ["怎么办", "吗"]


def test_a_reader_word_the_pages_use_is_refused_with_its_line(tmp_path):
    import pytest
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"search-folding\.yml:3: «余额».*remove the entry"):
        folding_table(tmp_path, "words:\n  冇: 没\n  余额: 钱\n")


def test_english_phrases_fold_in_index_and_table(tmp_path):
    table = folding_table(tmp_path, "english:\n  Out of date: outdated\n")
    assert (
        table.fold_english("The app is OUT of date, not out of dates")
        == "The app is outdated, not out of dates"
    )


def test_the_index_ships_the_table_keys_and_ranking_facts(tmp_path):
    table = folding_table(tmp_path, "words:\n  傾偈: 聊天\nfailure:\n  zh: [失败]\n  en: [fail]\n", "")
    sections = [
        Section("support/#support", "客户支持", "客户支持", "以下是常见的支持方式", level=1),
        Section("support/#live-chat", "在线聊天支持", "客户支持", "与客服人员沟通", background=False),
        Section("outlook/#global", "国际化布局", "未来展望", "跨境交易", background=True),
    ]
    files = build_files(
        "zh-hk",
        sections,
        keys=["support/#support", "support/#live-chat", "outlook/#global"],
        colloquial=table,
    )
    manifest = json.loads(files["manifest.json"])
    assert json.loads(files["keys.json"]) == ["support/#support", "support/#live-chat", "outlook/#global"]
    assert json.loads(files["colloquial.json"])["words"] == {"倾偈": "聊天"}
    assert manifest["colloquial"] == "倾"
    # 傾 must fold to 倾 before the word does: its pair ships though 倾 is not in the pages.
    assert "傾" in manifest["traditional"]
    assert manifest["intros"] == [0] and manifest["background"] == [2] and manifest["failure"] == ["失败"]
    english = build_files("en", sections[:1], colloquial=table)
    assert "colloquial.json" not in english and json.loads(english["manifest.json"])["failure"] == ["fail"]


def test_the_shipped_script_keeps_its_code_without_its_comment_lines():
    from wallet_guide.assets import without_comments

    script = '/* Site search.\n * Two lines. */\n(() => {\n  // why\n  const u = "https://x"; // kept\n  /* ---- Terms ---- */\n  const r = /a\\/\\/b/;\n})();\n'
    assert (
        without_comments(script)
        == '(() => {\n  const u = "https://x"; // kept\n  const r = /a\\/\\/b/;\n})();\n'
    )
