"""The line-by-line Markdown reader behind the checks: what counts as a heading, a link and prose."""

from __future__ import annotations

from pathlib import Path

from guide_tools.checks import links, run
from guide_tools.checks.markdown import parse_page
from guide_tools.checks.project import load_project
from tests.checks import golden
from wallet_guide.typography import find_issues

PAGE = """\
---
title: 测试
description: 描述
---

# 标题 {#top}

正文里的 `代码,不算` 和链接 [文字](causes.md#network){: hreflang=zh } 以及 [引用][ref]。

```
## 不是标题
[也不是链接](nowhere.md)
```

第二个标题
----------

<a href="../x/" id="here">HTML 链接</a> <!-- wallet-guide:checklist -->

[ref]: solutions.md#balance
"""


def test_headings_links_ids_and_comments_keep_their_lines():
    page = parse_page("docs/zh/x.md", "zh", "x.md", PAGE)
    assert [(h.level, h.text, h.id, h.line) for h in page.headings] == [
        (1, "标题", "top", 6),
        (2, "第二个标题", None, 15),
    ]
    assert [(link.target, link.line, link.kind, link.attrs) for link in page.links] == [
        ("causes.md#network", 8, "inline", {"hreflang": "zh"}),
        ("../x/", 18, "html", {"href": "../x/", "id": "here"}),
        ("solutions.md#balance", 20, "reference", {}),
    ]
    assert page.ids == {"top": 6, "here": 18}
    assert page.comments == [(18, "<!-- wallet-guide:checklist -->")]
    assert page.meta == {"title": "测试", "description": "描述"} and page.meta_lines["description"] == 3
    assert page.undefined_references == []


def test_prose_masks_code_link_targets_and_markup():
    page = parse_page("docs/zh/x.md", "zh", "x.md", PAGE)
    prose = dict(page.prose)
    assert 11 not in prose  # fenced code
    assert "代码" not in prose[8] and "causes.md" not in prose[8] and "文字" in prose[8]
    assert find_issues(prose[8]) == []  # the half-width comma is inside code


def test_an_undefined_reference_is_reported():
    page = parse_page("docs/zh/x.md", "zh", "x.md", "见[说明][nowhere]。\n")
    assert page.undefined_references == [(1, "nowhere")]


def copy_with(tmp_path: Path, page: str, text: str) -> Path:
    root = golden.project("valid", tmp_path)
    file = root / page
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")
    return root


def test_absolute_and_same_language_address_links_ask_for_the_markdown_file(tmp_path):
    root = copy_with(tmp_path, "docs/zh/index.md", "\n[原因](/causes/) 和 [原因](causes/#balance)\n")
    project = load_project(root)
    problems = links.check_sources(project)
    assert [(p.path, p.line, p.message, p.fix) for p in problems] == [
        (
            "docs/zh/index.md",
            14,
            "absolute link /causes/ breaks when the site is not at the root of its domain",
            "link to the Markdown file instead: causes.md",
        ),
        (
            "docs/zh/index.md",
            14,
            "link to the address causes/#balance instead of the page's Markdown file",
            "write causes.md#balance: the build checks and rewrites .md links",
        ),
    ]


def test_a_marked_link_into_zh_must_still_resolve(tmp_path):
    root = copy_with(tmp_path, "docs/en/index.md", "\n[Original](../causes/#balanse){: hreflang=zh }\n")
    assert [(p.path, p.line, p.message) for p in run.check(root)] == [
        ("docs/en/index.md", 15, "link to ../causes/#balanse: docs/zh/causes.md has no section #balanse"),
    ]


def test_a_link_whose_text_goes_over_two_lines_is_read_on_the_line_it_starts():
    # markdown-it-py reads the paragraph as a whole: a line-by-line scanner would miss this link.
    page = parse_page(
        "docs/zh/x.md", "zh", "x.md", "第一行，\n见[网络\n连接问题](cause.md#network){: hreflang=zh }。\n"
    )
    assert [(link.target, link.line, link.attrs) for link in page.links] == [
        ("cause.md#network", 2, {"hreflang": "zh"})
    ]
