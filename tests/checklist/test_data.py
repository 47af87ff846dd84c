"""data/checklist.yml's checks: each mistake stops the build with file, line, entry and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from tests.generated import TRANSLATED
from tests.languages import NAMES, checklist_labels
from wallet_guide.checklist.plugin import title_pages
from wallet_guide.data.checklist import load_checklist
from wallet_guide.data.url_contract import load_contract

SCHEMA = Path("data/schemas/checklist.schema.json")
IDS = ["network", "balance"]
LANGS = TRANSLATED  # data/checklist.yml holds the translated languages; generated ones are converted
NAME = "data/checklist.yml"

# A small, correct data file; each case below changes one thing in it.
GOOD = """\
causes:
  - id: network
    zh:
      symptom: 支付时网络不稳定或已断开
      summary: 确认设备的网络连接正常。
    en:
      symptom: The network was unstable
      summary: Make sure your device's network connection works.
  - id: balance
    zh:
      symptom: 账户余额可能不够
      summary: 确认余额足够支付金额。
    en:
      symptom: My balance may be too low
      summary: Make sure your balance covers the payment.
labels:
  zh:
    legend: 你遇到了哪些情况？
    hint: 勾选相符的各项。
    cause: 原因：{link}
    fix: 解决方法：{link}
    fixes: 按这个顺序尝试
    empty: 都不符合？请{support}。
    nothing_helped: 还是不行？请{support}。
    support: 联系客户支持
    reset: 清除所有勾选
    status_none: 没有勾选。
    status_some: 已勾选 {count} 项。
    unsure: 文字 unsure
    status_unsure: 文字 status_unsure
    show_fixes: 查看 {count} 个
    triage_title: 文字 triage_title
    triage_hint: 文字 triage_hint
    triage_unsure: 文字 triage_unsure
    triage_search: 文字 triage_search
    solved_question: 文字 solved_question
    solved_yes: 文字 solved_yes
    solved_no: 文字 solved_no
    solved_no_last: 文字 solved_no_last
    solved_thanks: 文字 solved_thanks
    solved_next: 下一步：{link}
    summary_title: 文字 summary_title
    summary_hint: 文字 summary_hint
    summary_subject: 文字 summary_subject
    summary_ticked: 文字 summary_ticked
    summary_tried: 文字 summary_tried
    summary_nothing: 文字 summary_nothing
    summary_language: 文字 summary_language {language}
    summary_time: 文字 summary_time
    summary_copy: 文字 summary_copy
    summary_copied: 文字 summary_copied
    summary_share: 文字 summary_share
    summary_hint_embed: 文字 summary_hint_embed
    summary_send: 文字 summary_send
    summary_sent: 文字 summary_sent
  en:
    legend: What do you see?
    hint: Tick what matches.
    cause: "Cause: {link}"
    fix: "Fix: {link}"
    fixes: Try these fixes, in this order
    empty: None of these match? Please {support}.
    nothing_helped: Still failing? Please {support}.
    support: contact customer support
    reset: Clear all ticks
    status_none: Nothing is ticked.
    status_some: "{count} ticked."
    unsure: Text unsure
    status_unsure: Text status_unsure
    show_fixes: "Show {count}"
    triage_title: Text triage_title
    triage_hint: Text triage_hint
    triage_unsure: Text triage_unsure
    triage_search: Text triage_search
    solved_question: Text solved_question
    solved_yes: Text solved_yes
    solved_no: Text solved_no
    solved_no_last: Text solved_no_last
    solved_thanks: Text solved_thanks
    solved_next: "Next: {link}"
    summary_title: Text summary_title
    summary_hint: Text summary_hint
    summary_subject: Text summary_subject
    summary_ticked: Text summary_ticked
    summary_tried: Text summary_tried
    summary_nothing: Text summary_nothing
    summary_language: Text summary_language {language}
    summary_time: Text summary_time
    summary_copy: Text summary_copy
    summary_copied: Text summary_copied
    summary_share: Text summary_share
    summary_hint_embed: Text summary_hint_embed
    summary_send: Text summary_send
    summary_sent: Text summary_sent
"""


# The pages the titles are read from: the headings with the causes' ids.
PAGES = {
    "zh/causes.md": "# 原因 {#causes}\n\n## 1. 网络连接问题 {#network}\n\n## 2. 账户余额不足 {#balance}\n",
    "zh/solutions.md": "# 解决 {#solutions}\n\n## 1. 检查网络连接 {#network}\n\n## 2. 查看账户余额 {#balance}\n",
    "en/causes.md": "# Causes {#causes}\n\n## 1. Network connection problems {#network}\n\n"
    "## 2. Insufficient account balance {#balance}\n",
    "en/solutions.md": "# Fixes {#solutions}\n\n## 1. Check your network connection {#network}\n\n"
    "```markdown\n## 2. Not a heading {#balance}\n```\n\n## 2. Check your account balance {#balance}\n",
}
SOURCES = {"cause": "causes.md", "fix": "solutions.md"}


def titles(tmp_path: Path, pages: dict[str, str] = PAGES):
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return title_pages(tmp_path, tmp_path / "docs", LANGS, SOURCES)


def load(tmp_path: Path, text: str, pages: dict[str, str] = PAGES):
    """``text`` holds the checklist file, then its interface texts after a `labels:` line (as
    `checklist:` of data/interface/<code>.yml); a text's place is named "<code>.yml:<line>".
    The titles come from ``pages`` (docs/<lang>/<page>: text)."""
    causes, _, labels = text.partition("labels:\n")
    path = tmp_path / "checklist.yml"
    path.write_text(causes, encoding="utf-8")
    texts = yaml.safe_load(labels) or {}
    lines = {lang: label_lines(labels, lang) for lang in texts}
    return load_checklist(
        path,
        SCHEMA,
        IDS,
        LANGS,
        name=NAME,
        names=NAMES,
        labels=texts,
        labels_at=lambda lang, keys: f"{lang}.yml:{lines[lang].get(keys[0] if keys else '', 1)}",
        titles=titles(tmp_path, pages),
    )


def label_lines(labels: str, lang: str) -> dict[str, int]:
    """key -> line (1-based, within the labels part) of ``lang``'s texts."""
    found, inside = {}, False
    for number, line in enumerate(labels.splitlines(), 1):
        if not line.startswith("    "):
            inside = line.strip() == f"{lang}:"
        elif inside:
            found[line.split(":")[0].strip()] = number
    return found


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line number (1-based) of the nth line that starts with ``needle``."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(needle)][nth - 1]


def error_of(tmp_path: Path, text: str, pages: dict[str, str] = PAGES) -> str:
    with pytest.raises(PluginError) as caught:
        load(tmp_path, text, pages)
    return str(caught.value)


def test_the_good_file_loads(tmp_path):
    checklist = load(tmp_path, GOOD)
    assert [c.id for c in checklist.causes] == IDS
    assert checklist.causes[1].texts["en"].fix == "Check your account balance"
    assert checklist.causes[1].texts["zh"].cause == "账户余额不足"
    assert checklist.labels["zh"].status_some == "已勾选 {count} 项。"


def test_the_repository_file_loads():
    contract = load_contract()
    ids = next(p.ids for p in contract.pages if p.path == "causes/")
    checklist = load_checklist(
        Path("data/checklist.yml"),
        SCHEMA,
        ids,
        TRANSLATED,
        labels=checklist_labels(),
        titles=title_pages(Path.cwd(), Path("docs").resolve(), TRANSLATED, SOURCES),
    )
    assert [c.id for c in checklist.causes] == list(ids)


def test_duplicate_id(tmp_path):
    text = GOOD.replace("  - id: balance", "  - id: network")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '  - id: network', nth=2)}: entry 2 (id 'network'): duplicate id "
        "'network' — entry 1 has it already; list each cause once\n"
        f"{NAME}:{line_of(text, 'causes:')}: causes: no entry for the cause 'balance' — add one (the URL contract lists it)"
    )


def test_unknown_id(tmp_path):
    text = GOOD.replace("  - id: balance", "  - id: balanse")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '  - id: balanse')}: entry 2 (id 'balanse'): unknown id 'balanse' — "
        "use a cause id of the URL contract (network, balance), or add the cause there first\n"
        f"{NAME}:{line_of(text, 'causes:')}: causes: no entry for the cause 'balance' — add one (the URL contract lists it)"
    )


def test_id_that_cannot_be_a_section_id(tmp_path):
    text = GOOD.replace("  - id: balance", "  - id: Balance Check")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '  - id: Balance Check')}: entry 2 (id 'Balance Check'): id 'Balance Check' "
        "is not a section id — use lower-case letters, digits and hyphens, as on the causes page"
    )


def test_missing_id(tmp_path):
    text = GOOD.replace("  - id: balance\n    zh:", "  - zh:")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '  - zh:')}: entry 2: missing 'id' — add the cause's section id, "
        "as on the causes page"
    )


def test_missing_translation(tmp_path):
    start = GOOD.index("    en:\n      symptom: My balance")
    end = GOOD.index("labels:")
    text = GOOD[:start] + GOOD[end:]
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '  - id: balance')}: entry 2 (id 'balance'): missing 'en' — "
        "add the English texts (symptom, summary)"
    )


def test_missing_field(tmp_path):
    text = GOOD.replace("      symptom: My balance may be too low\n", "")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '    en:', nth=2)}: entry 2 (id 'balance'): missing 'en.symptom' — "
        "add the English symptom (what the reader notices)"
    )


def test_the_titles_are_the_headings_of_the_pages(tmp_path):
    pages = {**PAGES, "zh/solutions.md": PAGES["zh/solutions.md"].replace("查看账户余额", "确认余额")}
    checklist = load(tmp_path, GOOD, pages)
    assert [cause.texts["zh"].fix for cause in checklist.causes] == ["检查网络连接", "确认余额"]
    assert [cause.texts["en"].cause for cause in checklist.causes] == [
        "Network connection problems",
        "Insufficient account balance",
    ]


def test_a_heading_without_the_cause_id(tmp_path):
    pages = {**PAGES, "en/causes.md": PAGES["en/causes.md"].replace("{#balance}", "{#low-balance}")}
    assert error_of(tmp_path, GOOD, pages) == (
        f"{NAME}:{line_of(GOOD, '  - id: balance')}: entry 2 (id 'balance'): docs/en/causes.md has no "
        "heading {#balance} — the checklist shows the cause's heading as the English cause title: "
        "give the heading of that section the id {#balance} (CONTRIBUTING.md, 'Add a cause')"
    )


def test_a_missing_page(tmp_path):
    pages = {name: text for name, text in PAGES.items() if name != "zh/solutions.md"}
    assert error_of(tmp_path, GOOD, pages) == (
        f"docs/zh/solutions.md: not found — the checklist shows the step's heading of each cause on it "
        f"as the {NAMES['zh']} fix title"
    )


def test_a_title_left_in_the_data_file(tmp_path):
    text = GOOD.replace(
        "      symptom: My balance may be too low\n",
        "      symptom: My balance may be too low\n      fix: Check your account balance\n",
    )
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '      fix:')}: entry 2 (id 'balance'): 'en.fix' is not written here: the "
        "checklist shows the step's heading of the section {#balance} — remove the line (to change the "
        "title, change the heading on the page)"
    )


def test_empty_field(tmp_path):
    text = GOOD.replace("      summary: 确认余额足够支付金额。", "      summary: ' '")
    line = line_of(text, "      summary: ' '")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line}: entry 2 (id 'balance'): 'zh.summary' is empty — add the {NAMES['zh']} fix summary"
    )


def test_unknown_field(tmp_path):
    text = GOOD.replace("      summary: Make sure your balance", "      summery: Make sure your balance")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '    en:', nth=2)}: entry 2 (id 'balance'): missing 'en.summary' — "
        "add the English fix summary\n"
        f"{NAME}:{line_of(text, '      summery:')}: entry 2 (id 'balance'): unknown field "
        "'en.summery' — the fields are symptom, summary"
    )


def test_texts_outside_a_language(tmp_path):
    text = GOOD.replace("  - id: balance\n", "  - id: balance\n    symptom: 余额不够\n")
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '    symptom: 余额不够')}: entry 2 (id 'balance'): 'symptom' is not a "
        "language code — put the texts under a language (zh:, en:, …)"
    )


def test_missing_label(tmp_path):
    text = GOOD.replace("    hint: Tick what matches.\n", "")
    assert (
        error_of(tmp_path, text)
        == "en.yml:1: missing 'checklist.hint' — add the English interface text 'hint'"
    )


def test_labels_left_in_the_checklist_file_are_sent_to_the_interface_texts(tmp_path):
    path = tmp_path / "checklist.yml"
    path.write_text(GOOD, encoding="utf-8")  # causes, then labels: as the file was before
    with pytest.raises(PluginError) as caught:
        load_checklist(path, SCHEMA, IDS, LANGS, name=NAME, names=NAMES, labels={}, titles={})
    assert str(caught.value) == (
        f"{NAME}:{line_of(GOOD, 'labels:')}: labels: the checklist's interface texts are `checklist:` "
        "in data/interface/<language>.yml — move each language's texts there"
    )


def test_label_without_its_placeholder(tmp_path):
    text = GOOD.replace(
        "    nothing_helped: 还是不行？请{support}。", "    nothing_helped: 还是不行？请联系客服。"
    )
    line = label_lines(text.partition("labels:\n")[2], "zh")["nothing_helped"]
    assert error_of(tmp_path, text) == (
        f"zh.yml:{line}: 'checklist.nothing_helped' must contain "
        "{support} exactly once — it marks where the checklist puts the link or the number"
    )


def test_causes_out_of_order(tmp_path):
    first = GOOD.index("  - id: network")
    second = GOOD.index("  - id: balance")
    end = GOOD.index("labels:")
    text = GOOD[:first] + GOOD[second:end] + GOOD[first:second] + GOOD[end:]
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, 'causes:')}: causes: the entries are in the order balance, network — list them in the order "
        "of the URL contract (network, balance), which is the order of the steps on the solutions page"
    )


def test_language_the_contract_does_not_have(tmp_path):
    text = GOOD.replace(
        "    en:\n      symptom: My balance",
        "    fr:\n      symptom: Solde\n      summary: c\n    en:\n      symptom: My balance",
    )
    assert error_of(tmp_path, text) == (
        f"{NAME}:{line_of(text, '    fr:')}: entry 2 (id 'balance'): unknown language 'fr' — "
        "the URL contract's languages are zh, en"
    )


def test_every_mistake_is_reported_at_once(tmp_path):
    text = GOOD.replace("      summary: 确认设备的网络连接正常。\n", "").replace(
        "      symptom: My balance may be too low\n", ""
    )
    errors = error_of(tmp_path, text).splitlines()
    assert [e.split(": ", 2)[1:] for e in errors] == [
        ["entry 1 (id 'network')", f"missing 'zh.summary' — add the {NAMES['zh']} fix summary"],
        [
            "entry 2 (id 'balance')",
            f"missing 'en.symptom' — add the {NAMES['en']} symptom (what the reader notices)",
        ],
    ]


def test_not_yaml(tmp_path):
    assert error_of(tmp_path, "causes: [\n") == (
        f"{NAME}:2: not valid YAML — expected the node content, but found '<stream end>'"
    )
