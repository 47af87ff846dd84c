"""Convert Simplified Chinese to a regional Traditional Chinese, text only.

OpenCC's phrase-level configurations (``s2twp`` for Taiwan, ``s2hk`` for Hong Kong) change script
and regional wording; a region's reviewed overrides (Simplified phrase -> regional phrase) win over
OpenCC wherever they occur. Markdown keeps its structure: code, HTML comments and tags, attribute
lists ({#balance}), link targets and URLs are copied unchanged, only the text between them is
converted. A region that writes corner brackets (``quotes: corner``) gets 「…」 and 『…』 for the
source's “…” and ‘…’, in that text only.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from functools import cache
from typing import TypeVar

import opencc

# What must reach the generated page byte for byte, tried in this order at each position.
_PROTECTED = re.compile(
    r"""
      ^(?P<fence>[ \t]*(?:```|~~~)).*?(?:^(?P=fence)[ \t]*$|\Z)   # fenced code block
    | <!--.*?-->                                                # HTML comment (plugin markers)
    | (?P<ticks>`+).+?(?P=ticks)                                # inline code
    | </?[A-Za-z][^>\n]*>                                       # HTML tag (attributes kept)
    | \{[:#.][^}\n]*\}                                          # attribute list: {#balance}, {: hreflang=zh }
    | \]\([^)\n]*\)                                             # link target: ](causes.md#balance "title")
    | ^[ \t]*\[[^\]\n]+\]:[^\n]*$                               # link reference definition
    | https?://[^\s)>\]]+                                       # bare URL
    """,
    re.M | re.S | re.X,
)

T = TypeVar("T")
# Quotation marks by region style (data/conversion/<lang>.yml `quotes:`); "curly" keeps the source's.
QUOTE_STYLES: dict[str, dict[str, str]] = {
    "curly": {},
    "corner": {"“": "「", "”": "」", "‘": "『", "’": "』"},
}
_LATIN = re.compile(r"[A-Za-z]")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
# A relative address in a raw HTML attribute (Markdown links are resolved by MkDocs, these are not).
_RELATIVE_ATTRIBUTE = re.compile(r"""(\s(?:src|href)=(["']))(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\2)""")


def rebase_html(tag: str, prefix: str) -> str:
    """A raw HTML tag whose relative src/href start with ``prefix`` ("../": the page is built
    one folder deeper than its source language's, under /zh-tw/)."""
    return _RELATIVE_ATTRIBUTE.sub(lambda m: m.group(1) + prefix, tag)


@cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


class _Quotes:
    """Quotation marks in one region's style, across the text pieces of one document: an opening
    mark in one piece may close in the next (“`code`”). ’ between two Latin letters (user’s), or
    with no ‘ open, is an apostrophe and stays."""

    def __init__(self, style: Mapping[str, str]) -> None:
        self.style = style
        self.open_singles = 0

    def __call__(self, text: str) -> str:
        if not self.style or not any(mark in text for mark in self.style):
            return text
        out = []
        for i, char in enumerate(text):
            if char == "‘":
                self.open_singles += 1
            elif char == "’":
                apostrophe = (
                    i > 0 and i + 1 < len(text) and _LATIN.match(text[i - 1]) and _LATIN.match(text[i + 1])
                )
                if apostrophe or not self.open_singles:
                    out.append(char)
                    continue
                self.open_singles -= 1
            out.append(self.style.get(char, char))
        return "".join(out)


class Converter:
    """Simplified -> one region's Traditional Chinese: OpenCC ``config`` plus ``overrides``, and
    its quotation marks (``quotes``: a QUOTE_STYLES name)."""

    def __init__(
        self, config: str, overrides: Mapping[str, str] | None = None, quotes: str = "curly"
    ) -> None:
        self.config = config
        self.overrides = dict(overrides or {})
        self.quotes = QUOTE_STYLES[quotes]
        self._opencc = _opencc(config)
        # Longest phrase first, so that 数字钱包 wins over 数字 when both are overridden.
        phrases = sorted(self.overrides, key=len, reverse=True)
        self._override = re.compile("|".join(map(re.escape, phrases))) if phrases else None

    def text(self, text: str) -> str:
        """Plain text: overrides where their Simplified phrase occurs, OpenCC everywhere else,
        then the region's quotation marks."""
        return _Quotes(self.quotes)(self._words(text))

    def _words(self, text: str) -> str:
        """Overrides, and OpenCC between them (the script and the region's words)."""
        if not text:
            return text
        if self._override is None:
            return self._opencc.convert(text)
        out: list[str] = []
        last = 0
        for match in self._override.finditer(text):
            out.append(self._opencc.convert(text[last : match.start()]))
            out.append(self.overrides[match.group()])
            last = match.end()
        out.append(self._opencc.convert(text[last:]))
        return "".join(out)

    def markdown(self, source: str, html_prefix: str = "") -> str:
        """A Markdown page (front matter included): text converted, structure kept; relative
        addresses in raw HTML tags (not in code) prefixed with ``html_prefix``."""
        quotes = _Quotes(self.quotes)  # one document: a quotation may close in a later piece
        out: list[str] = []
        last = 0
        for match in _PROTECTED.finditer(source):
            out.append(quotes(self._words(source[last : match.start()])))
            kept = match.group()
            out.append(rebase_html(kept, html_prefix) if html_prefix and _TAG.fullmatch(kept) else kept)
            last = match.end()
        out.append(quotes(self._words(source[last:])))
        return "".join(out)

    def mapping(self, value: T) -> T:
        """Interface strings: every string value of a (nested) mapping or list converted, keys kept."""
        if isinstance(value, str):
            return self.text(value)  # type: ignore[return-value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.mapping(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        if isinstance(value, Mapping):
            return {key: self.mapping(item) for key, item in value.items()}  # type: ignore[return-value]
        if isinstance(value, list):
            return [self.mapping(item) for item in value]  # type: ignore[return-value]
        return value


def with_generated(texts: Mapping[str, T], generated: Mapping[str, tuple[str, Converter]]) -> dict[str, T]:
    """Per-language ``texts`` plus, for each generated language (lang -> (source, converter))
    that has none of its own, its source's texts converted."""
    out = dict(texts)
    for lang, (source, converter) in generated.items():
        if lang not in out and source in out:
            out[lang] = converter.mapping(out[source])
    return out
