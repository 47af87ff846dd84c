"""Traditional Chinese characters -> Simplified, from OpenCC's dictionaries (PyPI `opencc`).

The zh pages are in Simplified script; readers in Taiwan, Hong Kong and Macau type Traditional
(餘額不足 for 余额不足). The build writes the pairs whose Simplified side occurs in the zh index
(a few hundred of the ~4,200 that OpenCC converts) beside the index; search.js converts a query
with them, one character at a time, and fetches them only when the query holds one of their
characters. Regional *words* that are not one-character conversions (應用程式 for 应用程序)
are aliases in data/reader-vocabulary.yml, which the build converts with the same table.
"""

from __future__ import annotations

import functools

# OpenCC's configurations into Simplified: standard, Taiwan and Hong Kong variants.
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@functools.cache
def traditional_to_simplified() -> dict[str, str]:
    """Every CJK character that OpenCC converts to one other character, with that character."""
    import opencc  # a build dependency only: the browser gets the table, not the library

    chars = [chr(code) for low, high in CJK_RANGES for code in range(low, high + 1)]
    table: dict[str, str] = {}
    for name in OPENCC_CONFIGS:
        # One call per configuration: a line break between characters keeps OpenCC from
        # reading two of them as a phrase, so each line is that character's own conversion.
        converted = opencc.OpenCC(name).convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            raise RuntimeError(f"OpenCC {name}: the conversion changed the number of lines")
        for char, simplified in zip(chars, converted, strict=True):  # lengths checked above
            if simplified != char and len(simplified) == 1:
                table.setdefault(char, simplified)
    return table


def simplify(text: str) -> str:
    """``text`` with each Traditional character replaced by its Simplified form."""
    table = traditional_to_simplified()
    return "".join(table.get(char, char) for char in text)


def needed_pairs(index_text: str) -> dict[str, str]:
    """The pairs whose Simplified character occurs in ``index_text``: all a query could meet."""
    present = set(index_text)
    return {t: s for t, s in sorted(traditional_to_simplified().items()) if s in present}
