"""A generated language's recipe, from its reviewed file data/conversion/<lang>.yml.

    source: zh            # the language it is converted from
    opencc: s2twp         # OpenCC's configuration (s2twp: Taiwan, phrases; s2hk: Hong Kong)
    quotes: corner        # optional: “…” ‘…’ become 「…」 『…』 (curly, the default, keeps them)
    overrides:            # Simplified phrase -> this region's phrase; wins over OpenCC
      数字钱包: 數位錢包
    forbidden:            # optional: a word this region's pages must not show -> what it writes
      轉賬: 轉帳           # (checked by guide_tools.checks.regional_words, not by the build)

Every mistake names the file, the line and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from wallet_guide.conversion.convert import QUOTE_STYLES, Converter
from wallet_guide.data.yaml_file import read_yaml

OPENCC_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk")


class RegionError(ValueError):
    """A data/conversion/<lang>.yml file that cannot be used: ``path:line: message (fix)``."""


@dataclass(frozen=True)
class Override:
    simplified: str
    regional: str
    line: int  # 1-based line of the entry in its file


@dataclass(frozen=True)
class Forbidden:
    word: str  # as a page of this region would show it, after conversion: 轉賬
    instead: str  # what the region writes: 轉帳
    line: int  # 1-based line of the entry in its file


@dataclass(frozen=True)
class Region:
    language: str  # "zh-tw": the file's name
    source: str  # "zh"
    opencc: str  # "s2twp"
    overrides: tuple[Override, ...]
    path: Path
    quotes: str = "curly"  # a QUOTE_STYLES name: "corner" writes 「…」 『…』
    forbidden: tuple[Forbidden, ...] = ()  # reviewed words the region does not use

    def converter(self) -> Converter:
        return Converter(self.opencc, {o.simplified: o.regional for o in self.overrides}, self.quotes)


def _fail(path: Path, line: int, message: str, fix: str) -> RegionError:
    return RegionError(f"{path}:{line}: {message} ({fix})")


def load_region(path: Path) -> Region:
    try:
        document = read_yaml(path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise _fail(
            path, line, f"not valid YAML: {getattr(error, 'problem', error)}", "fix the syntax"
        ) from None
    data, node = document.data, document.node
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise _fail(
            path, 1, "expected a mapping with source, opencc and overrides", "see data/conversion/zh-tw.yml"
        )
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    for key in ("source", "opencc"):
        if not isinstance(data.get(key), str):
            raise _fail(
                path,
                lines.get(key, 1),
                f"'{key}' is missing or not a text",
                f"write e.g. {key}: {'zh' if key == 'source' else 's2twp'}",
            )
    if data["opencc"] not in OPENCC_CONFIGS:
        raise _fail(
            path,
            lines["opencc"],
            f"unknown OpenCC configuration '{data['opencc']}'",
            f"use one of {', '.join(OPENCC_CONFIGS)}",
        )
    quotes = data.get("quotes", "curly")
    if quotes not in QUOTE_STYLES:
        raise _fail(
            path,
            lines["quotes"],
            f"unknown quotes style {quotes!r}",
            f"write quotes: corner (「…」 『…』) or leave it out to keep “…” ({', '.join(QUOTE_STYLES)})",
        )
    overrides = tuple(
        Override(simplified, regional, line)
        for simplified, regional, line in _pairs(
            path, node, data, lines, "overrides", "override", "数字钱包: 數位錢包"
        )
    )
    forbidden = tuple(
        Forbidden(word, instead, line)
        for word, instead, line in _pairs(
            path, node, data, lines, "forbidden", "forbidden word", "轉賬: 轉帳"
        )
    )
    return Region(path.stem, data["source"], data["opencc"], overrides, path, quotes, forbidden)


def _pairs(
    path: Path, node: yaml.MappingNode, data: dict, lines: dict[str, int], key: str, entry: str, example: str
) -> list[tuple[str, str, int]]:
    """The entries of the mapping ``key`` (phrase: phrase), each with its line; ``entry`` names
    one in a message."""
    raw = data.get(key) or {}
    if not isinstance(raw, dict):
        raise _fail(path, lines.get(key, 1), f"'{key}' must map phrases to phrases", f"write {example}")
    section = next((v for k, v in node.value if k.value == key), None)
    entry_lines = (
        {k.value: k.start_mark.line + 1 for k, _ in section.value}
        if isinstance(section, yaml.MappingNode)
        else {}
    )
    pairs = []
    for left, right in raw.items():
        line = entry_lines.get(str(left), lines.get(key, 1))
        if not isinstance(left, str) or not isinstance(right, str) or not left or not right:
            raise _fail(
                path, line, f"{entry} {left!r}: both sides must be non-empty texts", f"write {example}"
            )
        pairs.append((left, right, line))
    return pairs


def load_regions(directory: Path) -> dict[str, Region]:
    """Every generated language whose recipe is in ``directory`` (data/conversion/), by language."""
    if not directory.is_dir():
        return {}
    return {path.stem: load_region(path) for path in sorted(directory.glob("*.yml"))}
