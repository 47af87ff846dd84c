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
    assert json.loads(files["words.json"]) == ["wifi"]
    assert manifest["vocabulary"] is False and "vocabulary.json" not in files
