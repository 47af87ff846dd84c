"""Chinese typography rules, shared by the content tests and `make check`.

- Between Chinese characters, punctuation is full-width: ，：；？！（）
- Chinese and Latin letters or digits are separated by one space: 重新连接 WiFi。
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}

# A half-width mark with Chinese on at least one side: "余额,不足", "问题?", "关键词:数字".
# The ** lookarounds cover bold Markdown: "**网络连接问题**:在使用".
HALF_WIDTH_IN_CHINESE = re.compile(
    rf"(?:(?<=[{HAN}])|(?<=[{HAN}]\*\*))([,:;?!()])|([,:;?!()])(?=[{HAN}]|\*\*[{HAN}])"
)
MISSING_SPACE = re.compile(rf"(?<=[{HAN}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HAN}])")
DOUBLED_SPACE = re.compile(rf"(?<=[{HAN}]) {{2,}}(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) {{2,}}(?=[{HAN}])")


def full_width_punctuation(text: str) -> str:
    return HALF_WIDTH_IN_CHINESE.sub(lambda m: FULL_WIDTH[m.group(1) or m.group(2)], text)


def space_between_scripts(text: str) -> str:
    return DOUBLED_SPACE.sub(" ", MISSING_SPACE.sub(" ", text))


def normalize(text: str) -> str:
    """The seed's text as our typography rules write it."""
    return space_between_scripts(full_width_punctuation(text))


# --- Finding and fixing, one problem at a time (used by `scripts/guide.py check`) -------------

HALF_WIDTH = "half-width"
MISSING_SPACE_RULE = "missing-space"
DOUBLED_SPACE_RULE = "doubled-space"


@dataclass(frozen=True)
class Issue:
    """One place in a line that breaks a rule: ``text[start:end]`` should read ``replacement``."""

    rule: str
    start: int
    end: int
    replacement: str


def find_issues(text: str) -> list[Issue]:
    """Every typography problem in ``text``, left to right.

    Pass text whose markup is masked (code, link targets, attribute lists replaced by a neutral
    character of the same length): positions then point into the original line.
    """
    issues = [
        Issue(HALF_WIDTH, m.start(), m.end(), FULL_WIDTH[m.group()])
        for m in HALF_WIDTH_IN_CHINESE.finditer(text)
    ]
    issues += [Issue(DOUBLED_SPACE_RULE, m.start(), m.end(), " ") for m in DOUBLED_SPACE.finditer(text)]
    issues += [Issue(MISSING_SPACE_RULE, m.start(), m.start(), " ") for m in MISSING_SPACE.finditer(text)]
    return sorted(issues, key=lambda issue: (issue.start, issue.end))


def apply_issues(text: str, issues: list[Issue]) -> str:
    """``text`` with every issue replaced (right to left, so earlier positions stay valid)."""
    for issue in sorted(issues, key=lambda issue: issue.start, reverse=True):
        text = text[: issue.start] + issue.replacement + text[issue.end :]
    return text
