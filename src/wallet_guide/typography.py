"""Chinese typography rules, shared by the content tests and `make check`.

- Between Chinese characters, punctuation is full-width: ，：；？！（）
- Chinese and Latin letters or digits are separated by one space: 重新连接 WiFi。
"""

from __future__ import annotations

import re

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
