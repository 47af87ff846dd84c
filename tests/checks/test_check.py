"""`scripts/guide.py check`, one golden test per defect: each folder of fixtures/ holds what makes
a small copy of the guide (fixtures/_base: two pages in zh and en, its data files) have exactly
one defect (golden.py assembles it), and the test asserts the exact lines the check prints and
its exit code, as a translator sees them. golden.py's docstring says how to reproduce one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide_tools import cli
from tests.checks import golden

ROOT = Path(__file__).resolve().parents[2]

# fixture -> the problem lines `check` prints for it (the summary line after them is not golden:
# it holds the time taken).
EXPECTED = {
    "missing-en-page": [
        "docs/zh/support.md:1: no English translation: docs/en/support.md is missing (restore "
        "docs/en/support.md if it was deleted, or copy docs/zh/support.md to docs/en/support.md, "
        "translate it, then run `make update-translation PAGE=docs/en/support.md`)",
    ],
    "missing-zh-page": [
        "docs/en/glossary.md:1: no source page: docs/zh/glossary.md is missing (a translation needs "
        "its source: add docs/zh/glossary.md first, or give this file the name of the page it translates)",
    ],
    "page-not-in-nav": [
        "docs/zh/support.md:1: the page is not in the nav (list it in the nav: add `- support.md` "
        "under `nav:` at mkdocs.yml:13, where readers should find it)",
    ],
    "heading-id-mismatch": [
        "docs/en/causes.md:15: heading id #low-balance is not the source's: docs/zh/causes.md:14 has "
        "{#balance} (end this heading with {#balance}: a section has the same id in every language)",
    ],
    "heading-order-mismatch": [
        # Sections are counted after the page title.
        "docs/en/causes.md:11: heading ## {#balance} is section 1 here but section 2 in "
        "docs/zh/causes.md (put the sections in the order of docs/zh/causes.md)",
        "docs/en/causes.md:15: heading ## {#network} is section 2 here but section 1 in "
        "docs/zh/causes.md (put the sections in the order of docs/zh/causes.md)",
    ],
    "automatic-id": [
        "docs/zh/causes.md:14: heading has no explicit id: ## 2. 账户余额不足 (end the line with "
        "{#balance}, the same id in every language: an automatic id drops the Chinese and breaks links)",
    ],
    "broken-link": [
        "docs/zh/index.md:8: link to cause.md#network: docs/zh/cause.md does not exist "
        "(did you mean causes.md?)",
    ],
    "broken-anchor": [
        "docs/en/index.md:9: link to causes.md#netwrok: docs/en/causes.md has no section #netwrok "
        "(did you mean #network? use one of the ids of docs/en/causes.md: #balance, #causes, #network)",
    ],
    "en-links-into-zh": [
        "docs/en/index.md:9: link to ../causes/#network goes to the zh site without saying so "
        "(if you mean it, add {: hreflang=zh } right after the link; otherwise link to causes.md "
        "in this language)",
    ],
    "en-links-to-zh-file": [
        "docs/en/index.md:9: link to ../zh/causes.md#network leaves the en pages: the build makes "
        "it a link to the en page (to link to the zh page on purpose, write "
        "(../causes/#network){: hreflang=zh }; to stay in this language, link to causes.md)",
    ],
    "front-matter-missing-description": [
        "docs/zh/causes.md:1: the front matter has no 'description' (add a line `description: …` "
        "between the --- lines: one or two sentences (at least 40 characters) that search results "
        "and link previews show; put it in quotes if it contains ': ')",
    ],
    "front-matter-invalid-type": [
        "docs/en/causes.md:3: front matter 'description' must be text (a string), not empty (null) "
        "(description: one or two sentences (at least 40 characters) that search results and link "
        "previews show; put it in quotes if it contains ': ')",
    ],
    "checklist-id-not-in-pages": [
        "data/checklist.yml:13: checklist id 'fees' has no section {#fees} on docs/zh/causes.md, "
        "docs/en/causes.md (a checklist entry links to its cause and its fix and shows their headings "
        "as its titles: use the id of an existing cause, or add the section with {#fees} to causes.md "
        "and solutions.md in every language)",
    ],
    "glossary-term-missing": [
        "docs/en/causes.md:11: section #network lacks the glossary term 'network connection' "
        "(网络连接, used in docs/zh/causes.md:10) (use 'network connection' here; "
        'data/glossary.yml:8 says: Not "internet connection".)',
    ],
    # The description is what search results and link previews show: held to the glossary too.
    "glossary-term-missing-in-description": [
        "docs/en/causes.md:3: the front matter's description lacks the glossary term 'digital wallet' "
        "(数字钱包, used in docs/zh/causes.md:3) (use 'digital wallet' here; data/glossary.yml:2 "
        'says: Always "digital wallet(s)".)',
    ],
    "half-width-punctuation": [
        'docs/zh/causes.md:12: half-width "," in Chinese text: "定时,支付" (write "定时，支付")',
    ],
    "missing-space": [
        # The Latin word is quoted whole.
        'docs/zh/index.md:12: no space between Chinese and Latin text: "WiFi再试" (write "WiFi 再试")',
    ],
    "doubled-space": [
        'docs/zh/index.md:12: 2 spaces between Chinese and Latin text: "连接  WiFi" (write "连接 WiFi")',
    ],
    "contract-id-removed": [
        "docs/en/causes.md:15: heading id #low-balance replaced #balance, which the URL contract "
        "publishes (/en/causes/#balance) (keep {#balance} on this heading: data/url-contract.yml:12 "
        "promises that links to /en/causes/#balance keep working)",
        "docs/zh/causes.md:14: heading id #low-balance replaced #balance, which the URL contract "
        "publishes (/causes/#balance) (keep {#balance} on this heading: data/url-contract.yml:12 "
        "promises that links to /causes/#balance keep working)",
    ],
    "stale-translation": [
        "docs/en/causes.md:4: stale translation: docs/zh/causes.md changed after the version this "
        "page translates (source_hash e1b697b36ee3, now 5e740792513c) (no commit of "
        "docs/zh/causes.md has the hash e1b697b36ee3: compare the two pages by hand, "
        "`git log -p -- docs/zh/causes.md` lists its changes; once this page matches, run "
        "`make update-translation PAGE=docs/en/causes.md`)",
    ],
    "cause-not-in-contract": [
        "docs/zh/causes.md:18: the cause ## 3. 支付渠道问题 {#channel} is not in the URL contract "
        "(causes/) (add channel to the ids of causes/ at data/url-contract.yml:14 (CONTRIBUTING.md, "
        "'Add a cause'))",
    ],
    # A cause on the pages and in the contract, not in the checklist: the fix names the entry
    # to add and where.
    "cause-not-in-checklist": [
        "docs/zh/causes.md:18: the cause ## 3. 支付渠道问题 {#channel} is not in the causes checklist "
        "(data/checklist.yml) (add an entry `- id: channel` after the entry 'balance' "
        "(data/checklist.yml:8) with, for every language, symptom and summary "
        "(CONTRIBUTING.md, 'Add a cause'))",
    ],
    "contract-id-not-written": [
        f"docs/{lang}/causes.md:1: no heading has the id #channel, which the URL contract publishes "
        f"({root}causes/#channel) (a section removed or renamed: put {{#channel}} back on its heading, "
        f"since data/url-contract.yml:14 promises that links to {root}causes/#channel keep working; "
        "a new section: add it to this page in every language, with {#channel} on its heading)"
        for lang, root in (("en", "/en/"), ("zh", "/"))
    ],
    "front-matter-unclosed-quote": [
        # Not YAML's "expected <block end>" on line 3, and no "no source_hash" besides.
        "docs/en/causes.md:2: the value of 'title' starts with a quote (\") that is never closed "
        '(end the value with " on the same line, or remove the opening ")',
    ],
    "table-missing-cell": [
        "docs/en/index.md:16: table row has 1 cell, the table's header 2: the build shows the missing "
        "cells empty (give every row as many cells as the header, `| |` for an empty one; a | inside "
        "a cell is written \\|)",
    ],
    "counted-fact-wrong": [
        "docs/en/causes.md:3: the text says Three (3), but the page has 2 numbered sections (the "
        "last: ## 2. Insufficient account balance {#balance}) (write Two instead of Three)",
    ],
    "seed-sentence-reworded": [
        "docs/zh/causes.md:12: the article's wording changed: «网络不稳定时，支付请求无法发送，导致处理失败。» "
        "is now «网络不好时，支付请求无法发送，导致处理失败。» (if the change is meant, record it at the "
        "end of data/seed-corrections.yml: `- seed: 稳定时` / `  text: 好时` / `  why: …` (why "
        "the article was wrong); otherwise restore the article's words)",
    ],
    # A misspelt key is one mistake: not also "the front matter has no 'description'".
    "front-matter-misspelt-key": [
        "docs/en/causes.md:3: unknown front matter key 'desciption' (did you mean 'description'?)",
    ],
    # The en heading has another wording without the term; the paragraph after it has the term:
    # the section as a whole does not translate the heading.
    "glossary-term-elsewhere": [
        "docs/en/causes.md:11: section #network lacks the glossary term 'network connection' "
        "(网络连接, used in docs/zh/causes.md:10) (use 'network connection' here; "
        'data/glossary.yml:8 says: Not "internet connection".)',
    ],
    # zh renamed a published id: the contract names it; en, which kept #balance, is not told to
    # follow, and the link to #balance is not told "did you mean #low-balance?".
    "renamed-source-id": [
        "docs/zh/causes.md:14: heading id #low-balance replaced #balance, which the URL contract "
        "publishes (/causes/#balance) (keep {#balance} on this heading: data/url-contract.yml:12 "
        "promises that links to /causes/#balance keep working)",
    ],
    # s2hk writes 賬户; the region's reviewed list forbids it and no override gives 帳户.
    "regional-word-forbidden": [
        f"docs/zh/causes.md:{line}: zh-hk shows «賬户», which data/conversion/zh-hk.yml:9 lists as a "
        "word zh-hk readers do not use (they write «帳户») (add `账户: 帳户` under overrides: in "
        "data/conversion/zh-hk.yml, or reword this line of the zh source)"
        for line in (3, 14, 16)
    ],
    "vocabulary-word-missing": [
        "data/reader-vocabulary.yml:12: the article word '余额太少' no longer occurs in "
        "docs/zh/causes.md#balance (put in `words:` the words this section now uses for what the "
        "aliases mean, and check that the aliases still fit it)",
    ],
    "vocabulary-duplicate-alias": [
        "data/reader-vocabulary.yml:16: duplicate en alias 'no internet': line 9 already gives it "
        "to causes.md#network (keep it once, in the section that answers a reader who types it)",
    ],
    "vocabulary-alias-elsewhere": [
        "data/reader-vocabulary.yml:13: alias '网络不稳定' is the article's own wording in "
        "docs/zh/causes.md#network, not in causes.md#balance (remove it, since the search already "
        "finds causes.md#network with it, or use a phrase the article does not use)",
    ],
    # mkdocs.yml moves the reader vocabulary (wallet-guide-search's vocabulary_file): the check
    # reads the file the build reads (test_the_check_and_the_build_read_the_file_the_options_name).
    "vocabulary-file-option": [
        "data/search/aliases.yml:12: the article word '余额太少' no longer occurs in "
        "docs/zh/causes.md#balance (put in `words:` the words this section now uses for what the "
        "aliases mean, and check that the aliases still fit it)",
    ],
}

# Defects checked with --build: those only the built site shows (a template writes the link),
# and those whose consequences the build also meets (one message all the same).
EXPECTED_BUILT = {
    # The link to the deleted page, its reader vocabulary and the failed build are its consequences.
    "translation-deleted": [
        "docs/zh/causes.md:1: no English translation: docs/en/causes.md is missing (restore "
        "docs/en/causes.md if it was deleted, or copy docs/zh/causes.md to docs/en/causes.md, "
        "translate it, then run `make update-translation PAGE=docs/en/causes.md`)",
    ],
    # en renamed #balance, which a link, the reader vocabulary and the built site use: one
    # message, on the heading, with the source's id (not "did you mean #low-balance?").
    "renamed-id-linked": [
        "docs/en/causes.md:15: heading id #low-balance is not the source's: docs/zh/causes.md:14 has "
        "{#balance} (end this heading with {#balance}: a section has the same id in every language)",
    ],
    # The zh-tw pages are converted from zh: the zh page is named, never site/zh-tw/….
    "wrong-anchor-generated": [
        "docs/zh/index.md:8: link to causes.md#netwrok: docs/zh/causes.md has no section #netwrok "
        "(did you mean #network? use one of the ids of docs/zh/causes.md: #balance, #causes, #network)",
    ],
    "template-broken-link": [
        "docs/en/causes.md:1: the built page /en/causes/index.html links to ../contact/, which does "
        "not exist (it is not in this page's Markdown: a template in overrides/, a plugin or a file "
        "in data/ writes it; fix it there)",
    ],
    # The en heading lost its id: the links to #network (from both index pages) are its
    # consequence, not reported again.
    "automatic-id-linked": [
        "docs/en/causes.md:11: heading has no explicit id: ## 1. Network connection problems (end the "
        "line with {#network}, the same id in every language: an automatic id drops the Chinese and "
        "breaks links)",
    ],
}


def run_check(capsys, *args: str, command: str = "check") -> tuple[int, list[str], str]:
    code = cli.main([command, *args])
    lines = capsys.readouterr().out.splitlines()
    return code, lines[:-1], lines[-1]


def test_every_fixture_is_tested():
    assert golden.names() == {*EXPECTED, *EXPECTED_BUILT, golden.VALID}


@pytest.mark.parametrize("name", EXPECTED)
def test_defect_is_named_with_its_line_and_fix(capsys, tmp_path, name):
    code, problems, summary = run_check(capsys, "--root", str(golden.project(name, tmp_path)))
    assert problems == EXPECTED[name]
    assert code == 1
    errors = len(EXPECTED[name])
    assert summary.startswith(f"check: {errors} error{'s' if errors > 1 else ''} in ")


@pytest.mark.parametrize("name", EXPECTED_BUILT)
def test_defect_of_the_built_site_is_named(capsys, tmp_path, name):
    code, problems, _ = run_check(capsys, "--root", str(golden.project(name, tmp_path)), "--build")
    assert problems == EXPECTED_BUILT[name]
    assert code == 1


def test_the_valid_copy_passes_sources_and_build(capsys, tmp_path):
    # It has what the defects break: pairs, nav, ids, links (one into zh with hreflang), a
    # current source_hash, glossary terms, typography.
    code, problems, summary = run_check(capsys, "--root", str(golden.project("valid", tmp_path)), "--build")
    assert problems == []
    assert code == 0
    assert summary.startswith("check: no errors in 4 pages (zh, en) and the built site;")


def test_github_actions_get_annotations(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, lines, _ = run_check(capsys, "--root", str(golden.project("half-width-punctuation", tmp_path)))
    assert code == 1
    assert lines == [
        EXPECTED["half-width-punctuation"][0],
        '::error file=docs/zh/causes.md,line=12::half-width "," in Chinese text: "定时,支付" '
        '(write "定时，支付")',
    ]


def test_github_annotations_escape_what_would_end_them(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, lines, _ = run_check(capsys, "--root", str(golden.project("page-not-in-nav", tmp_path)))
    # "," and ":" would end the file= property; the message keeps them.
    assert lines[1].startswith("::error file=docs/zh/support.md,line=1::the page is not in the nav (")


def test_fix_rewrites_typography_and_passes_when_nothing_is_left(capsys, tmp_path):
    root = golden.project("half-width-punctuation", tmp_path)
    page = root / "docs/zh/causes.md"
    assert "网络不稳定时,支付" in page.read_text(encoding="utf-8")

    code, lines, summary = run_check(capsys, "--root", str(root), command="fix")
    assert code == 0  # nothing is left to fix by hand
    # The translation matched its source before and still does: its source_hash is untouched.
    english = (root / "docs/en/causes.md").read_bytes()
    assert lines == ["docs/zh/causes.md: fixed its typography in place"]
    assert (root / "docs/en/causes.md").read_bytes() == english
    assert summary.startswith(
        "check: no errors left, 1 file fixed in place: review the change with `git diff`, then commit it;"
    )
    assert "网络不稳定时，支付" in page.read_text(encoding="utf-8")

    code, lines, _ = run_check(capsys, "--root", str(root))
    assert (code, lines) == (0, [])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("，导致处理失败", ",导致处理失败"),  # typography only
        ("(causes.md#network)", "(causes.md#balance)"),  # a link's target only
        ("{#network}", "{#connection}"),  # an id only: the heading comparison names it, not staleness
    ],
)
def test_a_source_change_that_is_not_its_words_leaves_the_translation_up_to_date(tmp_path, old, new):
    from guide_tools.checks.project import load_project
    from guide_tools.checks.translations import statuses

    root = golden.project("valid", tmp_path)
    for page in (root / "docs/zh").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert {s.page: s.state for s in statuses(load_project(root))} == {
        "docs/en/causes.md": "up to date",
        "docs/en/index.md": "up to date",
    }


def test_fix_leaves_a_stale_translation_stale(capsys, tmp_path):
    root = golden.project("stale-translation", tmp_path)
    zh = root / "docs/zh/causes.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("时，支付", "时,支付"), encoding="utf-8")
    code, lines, summary = run_check(capsys, "--root", str(root), command="fix")
    assert code == 1
    assert lines[0].startswith("docs/en/causes.md:4: stale translation:")
    assert lines[1].startswith("docs/zh/causes.md: fixed its typography")
    assert len(lines) == 2
    assert summary.startswith(
        "check: 1 error in 1 file, 1 file fixed in place (review the change with `git diff`"
    )


def test_fix_changes_only_the_broken_characters(capsys, tmp_path):
    root = golden.project("doubled-space", tmp_path)
    page = root / "docs/zh/index.md"
    before = page.read_bytes()
    cli.main(["fix", "--root", str(root)])
    capsys.readouterr()
    assert page.read_bytes() == before.replace("连接  WiFi".encode(), "连接 WiFi".encode())


def test_a_failed_build_is_reported_with_the_source_problems(capsys, tmp_path):
    code, problems, _ = run_check(capsys, "--root", str(golden.project("broken-link", tmp_path)), "--build")
    assert code == 1
    # The build failed on the same link: not a second message in MkDocs' words on mkdocs.yml:1.
    assert problems == EXPECTED["broken-link"]


def test_a_nav_entry_without_its_page(capsys, tmp_path):
    root = golden.project("valid", tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - causes.md\n", "  - causes.md\n  - faq.md\n")
    config.write_text(text, encoding="utf-8")
    code, problems, _ = run_check(capsys, "--root", str(root), "--build")
    assert code == 1
    assert problems == [
        "mkdocs.yml:16: the nav lists faq.md, but docs/zh/faq.md does not exist "
        "(create the page, or remove this line from the nav)",
    ]


def guide_copy(tmp_path: Path) -> Path:
    """A copy of the guide itself (pages, data, mkdocs.yml; overrides linked)."""
    root = tmp_path / "guide"
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "overrides").symlink_to(ROOT / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_a_checklist_data_mistake_is_reported_on_its_line(capsys, tmp_path):
    # The checklist plugin stops the build; its message names data/checklist.yml and the line.
    root = guide_copy(tmp_path)
    data = root / "data/checklist.yml"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(
        i for i, line in enumerate(lines) if line.strip().startswith("summary: Make sure your device")
    )
    data.write_text("".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")
    number = max(i for i in range(index) if lines[i].strip() == "en:") + 1  # the block that lacks it
    code, problems, _ = run_check(capsys, "--root", str(root), "--build")
    assert code == 1
    assert problems == [
        f"data/checklist.yml:{number}: entry 1 (id 'network'): missing 'en.summary' (add the English fix "
        "summary)",
    ]


def test_a_glossary_term_inside_a_longer_term_belongs_to_the_longer_one():
    from guide_tools.checks.glossary import Term, uses

    identity = Term("身份验证", {"en": "identity verification"}, "", 1)
    two_factor = Term("双重身份验证", {"en": "two-factor authentication"}, "", 2)
    glossary = [identity, two_factor]
    # «通过引入生物识别技术和双重身份验证»: "two-factor authentication" alone translates it.
    assert not uses(identity, "通过引入生物识别技术和双重身份验证来增强安全性", glossary)
    assert uses(two_factor, "通过引入生物识别技术和双重身份验证来增强安全性", glossary)
    assert uses(identity, "双重身份验证之外，还需要进行身份验证", glossary)


def test_the_seed_correction_the_check_proposes_makes_it_pass(capsys, tmp_path):
    root = golden.project("seed-sentence-reworded", tmp_path)
    with (root / "data/seed-corrections.yml").open("a", encoding="utf-8") as corrections:
        corrections.write("- seed: 稳定时\n  text: 好时\n  why: The seed's wording was wrong.\n")
    code, problems, _ = run_check(capsys, "--root", str(root))
    assert (code, problems) == (0, [])


def test_the_regional_override_the_check_proposes_makes_it_pass(capsys, tmp_path):
    root = golden.project("regional-word-forbidden", tmp_path)
    region = root / "data/conversion/zh-hk.yml"
    region.write_text(
        region.read_text(encoding="utf-8").replace("overrides:\n", "overrides:\n  账户: 帳户\n"),
        encoding="utf-8",
    )
    code, problems, _ = run_check(capsys, "--root", str(root))
    assert (code, problems) == (0, [])


def test_the_check_and_the_build_read_the_file_the_options_name(tmp_path):
    # The vocabulary is only at the path mkdocs.yml names (the default path does not exist): the
    # check reports its defect there (golden above), and the build indexes its aliases.
    from guide_tools.checks.project import load_project
    from guide_tools.checks.site import build

    root = golden.project("vocabulary-file-option", tmp_path)
    assert not (root / "data/reader-vocabulary.yml").exists()
    assert load_project(root).data.vocabulary == "data/search/aliases.yml"
    site = build(root, tmp_path / "site").site
    assert site is not None
    assert "kumquat" in (site.root / "search/en.json").read_text(encoding="utf-8")


def test_a_built_link_is_traced_to_the_markdown_link_it_was_made_from(tmp_path):
    # causes.md#network is causes/#network once built: that is the line to fix.
    from guide_tools.checks.links import _where
    from guide_tools.checks.project import load_project
    from guide_tools.checks.site import BuiltLink, build

    root = golden.project("valid", tmp_path)
    site = build(root, tmp_path / "site").site
    assert site is not None
    project = load_project(root)
    built = BuiltLink("a", "causes/#network", 30, {}, True)
    assert _where(project, site, "en/index.html", built) == (
        "docs/en/index.md",
        9,
        "fix the link on this line",
    )
    elsewhere = BuiltLink("a", "causes/#balance", 30, {}, True)
    assert _where(project, site, "en/index.html", elsewhere)[1:] == (
        1,
        "it is not in this page's Markdown: a template in overrides/, a plugin or a file in data/ writes it; fix it there",
    )
