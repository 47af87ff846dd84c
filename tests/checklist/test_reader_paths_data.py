"""The data of the reader's paths: the guided flow (questions: of data/checklist.yml), the guide's
own advice (data/our-advice.yml) and a deployment's support channels (data/support-channels.yml).
Each mistake is one message naming the file, the line and the fix; fixtures of their own, so that
an honest edit of the repository's data breaks nothing here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from wallet_guide.data.our_advice import check_advice, load_advice
from wallet_guide.data.questions import (
    MAX_ANSWERS,
    answers_to,
    check_questions,
    load_questions,
    parse_questions,
)
from wallet_guide.data.support_channels import href_of, load_channels
from wallet_guide.data.yaml_lines import node_lines

ROOT = Path(__file__).resolve().parents[2]
CAUSES = ["a", "b", "c"]
LANGS = ["zh", "en"]


def flow_messages(text: str) -> list[str]:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return check_questions(yaml.safe_load(text)["questions"], node_lines(node), "q.yml", CAUSES, LANGS)


GOOD = """\
questions:
  - id: first
    zh: 问一
    en: Q one
    answers:
      - {id: yes-a, to: a, zh: 是, en: "Yes"}
      - {id: no-a, to: second, zh: 否, en: "No"}
  - id: second
    zh: 问二
    en: Q two
    answers:
      - {id: b, to: b, zh: 乙, en: B}
      - {id: c, to: c, zh: 丙, en: C}
      - {id: paid, to: charged, zh: 扣了, en: Charged}
"""


def test_a_good_flow_has_no_mistake_and_maps_each_cause_to_its_answers():
    assert flow_messages(GOOD) == []
    paths = answers_to(parse_questions(yaml.safe_load(GOOD)["questions"]))
    assert paths == {"a": ["yes-a"], "b": ["no-a", "b"], "c": ["no-a", "c"], "charged": ["no-a", "paid"]}


def test_an_answer_leading_nowhere_names_its_line_and_the_targets():
    messages = flow_messages(GOOD.replace("to: c,", "to: d,"))
    assert messages == [
        "q.yml:13: questions: question 2, answer 2: 'to: d' leads nowhere — use a question id "
        "(first, second), a cause id (a, b, c) or charged"
    ]


def test_a_cause_no_answer_reaches_is_reported():
    messages = flow_messages(GOOD.replace("to: c,", "to: b,"))
    assert messages == ["q.yml:1: questions: no answer leads to the cause 'c' — add one"]


def test_a_question_that_comes_back_is_a_loop():
    messages = flow_messages(GOOD.replace("to: charged", "to: first"))
    assert any("question 'first' comes back after first → second" in m for m in messages), messages


def test_more_than_four_answers_to_a_cause_is_refused():
    chain = ["questions:"]
    for number in range(MAX_ANSWERS + 1):
        last = number == MAX_ANSWERS
        chain += [
            f"  - id: q{number}",
            "    zh: 问",
            "    en: Q",
            "    answers:",
            f"      - {{id: a{number}, to: a, zh: 甲, en: A}}"
            if number == 0
            else f"      - {{id: x{number}, to: b, zh: 乙, en: B}}",
            f"      - {{id: n{number}, to: {'c' if last else f'q{number + 1}'}, zh: 否, en: 'No'}}",
        ]
    messages = flow_messages("\n".join(chain) + "\n")
    assert messages == [
        f"q.yml:1: questions: the cause 'c' takes {MAX_ANSWERS + 1} answers — at most {MAX_ANSWERS}: "
        "ask it earlier, or give a question more answers"
    ]


def test_a_missing_language_and_a_repeated_answer_id_are_each_reported():
    text = GOOD.replace("    en: Q two\n", "").replace("{id: c, to: c", "{id: b, to: c")
    messages = flow_messages(text)
    assert "q.yml:8: questions: question 2: missing 'en' — add the question in that language" in messages
    assert any(
        m.startswith("q.yml:12: questions: question 2, answer 2: id 'b' is already an answer")
        for m in messages
    ), messages


def test_the_repositorys_flow_reaches_every_cause_within_four_answers():
    causes = [c["id"] for c in yaml.safe_load((ROOT / "data/checklist.yml").read_text())["causes"]]
    questions = load_questions(ROOT / "data/checklist.yml", "data/checklist.yml", causes, LANGS)
    paths = answers_to(questions)
    assert set(causes) <= set(paths) and all(len(paths[c]) <= MAX_ANSWERS for c in causes), paths
    assert "charged" in paths and questions[0].answers, "the first question asks whether money was taken"


# ---- The guide's own advice -----------------------------------------------------------------


def advice_messages(text: str) -> list[str]:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return check_advice(yaml.safe_load(text), node_lines(node), "advice.yml", CAUSES, LANGS)


ADVICE = """\
charged:
  contact_step: b
  check_before: [c]
  zh: {tile: 甲, title: 乙, check: 丙, taken: "丁{link}{support}", not_taken: 戊, mark: 己}
  en: {tile: A, title: B, check: C, taken: "D {link} {support}", not_taken: E, mark: F}
"""


def test_good_advice_has_no_mistake():
    assert advice_messages(ADVICE) == []


def test_advice_mistakes_name_the_line_and_the_fix():
    text = ADVICE.replace("contact_step: b", "contact_step: x").replace(
        '"D {link} {support}"', '"D {support}"'
    )
    assert advice_messages(text) == [
        "advice.yml:2: charged.contact_step 'x' — use a cause id (a, b, c)",
        "advice.yml:5: 'charged.en.taken' must contain {link} exactly once — it marks where the link goes",
    ]


def test_unknown_fields_and_an_empty_text_of_the_advice_are_each_named():
    text = (
        ADVICE.replace("mark: 己}", "mark: 己, extra: 庚}")
        .replace("title: B,", "title: ' ',")
        .replace("  check_before: [c]\n", "  check_before: [c]\n  later: 1\n")
    )
    assert advice_messages(text) == [
        "advice.yml:5: unknown field 'charged.zh.extra' — the fields are tile, title, check, taken, not_taken, mark",
        "advice.yml:6: missing 'charged.en.title' — add the heading of its section on the solutions page",
        "advice.yml:4: unknown field 'charged.later' — use contact_step, check_before or a language (zh, en)",
    ]


def test_the_repositorys_advice_names_no_time_amount_or_fee():
    data = yaml.safe_load((ROOT / "data/our-advice.yml").read_text(encoding="utf-8"))
    for lang in LANGS:
        for field, text in data["charged"][lang].items():
            assert not re.search(r"\d", text), f"{lang}.{field} states a number: {text}"
    header = (ROOT / "data/our-advice.yml").read_text(encoding="utf-8").splitlines()[0]
    assert "NOT FROM THE ARTICLE" in header, "the file says at once that it is the guide's own"


def test_the_repositorys_advice_loads():
    causes = [c["id"] for c in yaml.safe_load((ROOT / "data/checklist.yml").read_text())["causes"]]
    advice = load_advice(ROOT / "data/our-advice.yml", "data/our-advice.yml", causes, LANGS)
    assert advice.contact_step in causes and set(advice.check_before) <= set(causes)


# ---- A deployment's support channels -------------------------------------------------------


def test_no_file_means_no_channels(tmp_path):
    assert load_channels(tmp_path / "support-channels.yml", "support-channels.yml", LANGS) == ()
    (tmp_path / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_channels(tmp_path / "empty.yml", "empty.yml", LANGS) == ()


def test_the_shipped_data_invents_no_provider():
    assert not (ROOT / "data" / "support-channels.yml").exists()


def test_the_example_channels_become_actions():
    fixture = ROOT / "tests/checklist/fixtures/support-channels.yml"
    channels = load_channels(fixture, "support-channels.yml", LANGS)
    assert [c.href for c in channels] == [
        "mailto:help@example.com",
        "tel:+442079460000",
        "https://support.example.com/wallet",
    ]
    assert channels[0].names == {"zh": "邮件客服", "en": "Email customer service"}


@pytest.mark.parametrize(
    "kind,address",
    [
        ("phone", "call us"),
        ("email", "help.example.com"),
        ("web", "http://example.com"),
        ("chat", "javascript:alert(1)"),
    ],
)
def test_a_bad_address_fails_the_build_with_file_line_and_fix(tmp_path, kind, address):
    path = tmp_path / "support-channels.yml"
    path.write_text(
        f"channels:\n  - kind: {kind}\n    address: '{address}'\n    name: {{zh: 客服, en: Support}}\n",
        encoding="utf-8",
    )
    with pytest.raises(PluginError) as raised:
        load_channels(path, "data/support-channels.yml", LANGS)
    message = str(raised.value)
    assert message.startswith(
        f"data/support-channels.yml:3: channel 1: address '{address}' is not a {kind} address — write "
    )
    assert href_of(kind, address) is None


def test_a_channel_without_a_name_in_every_language_is_reported(tmp_path):
    path = tmp_path / "support-channels.yml"
    path.write_text(
        "channels:\n  - kind: web\n    address: https://example.com/help\n    name: {zh: 帮助}\n",
        encoding="utf-8",
    )
    with pytest.raises(PluginError, match=r"support-channels.yml:4: channel 1: missing 'name.en'"):
        load_channels(path, "support-channels.yml", LANGS)
