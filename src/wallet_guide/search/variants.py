"""One normalisation for every Chinese index and query: fold to Simplified script, mainland words.

The zh pages are Simplified; zh-tw and zh-hk are converted from them (Traditional script, regional
words: 網路, 軟體, 數位); readers type either script and either region's words anywhere (a mainland
visitor on /zh-tw/ types 钱包, a Taiwan reader on / types 網路). So the build folds every index's
text, and search.js every query, the same way before cutting terms:

- **characters**: each Traditional character to its Simplified one (餘 → 余), a table the build
  takes from OpenCC's dictionaries (PyPI `opencc`) character by character;
- **regional words**: each regional word the site's own conversion writes (s2twp's 網路 for 网络,
  軟體 for 软件, an override's 數位錢包 for 数字钱包), once folded by character, to the source's
  word (网路 → 网络). They are found where a generated page's text differs from its source's
  (``regional_words``), so the list holds exactly the words the generated pages use.

Only the pairs an index can meet are shipped (those whose result occurs in its folded text): the
characters in ``traditional.json``, fetched when a query holds one or the page's own text needs
folding to highlight its results; the words in the manifest. Results show the page's own text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

# OpenCC's configurations into Simplified: standard, Taiwan and Hong Kong variants.
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The source's words a region writes differently are short (网络, 数字钱包, 借记卡).
MAX_WORD_CHARS = 4


@functools.cache
def traditional_to_simplified() -> dict[str, str]:
    """Every Traditional character that OpenCC converts to one other (BMP) character, with it.

    A character that is itself Simplified (OpenCC's s2t changes it: 么, which tw2s turns into 幺)
    is left alone, and each pair goes straight to its end (no chains), so folding is idempotent.
    """
    import opencc  # a build dependency only: the browser gets the table, not the library

    chars = [chr(code) for low, high in CJK_RANGES for code in range(low, high + 1)]

    def each(config: str, chars: list[str]) -> list[str]:
        # A line break between characters keeps OpenCC from reading two of them as a phrase.
        converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            raise RuntimeError(f"OpenCC {config}: the conversion changed the number of lines")
        return converted

    table: dict[str, str] = {}
    for name in OPENCC_CONFIGS:
        for char, simplified in zip(chars, each(name, chars), strict=True):  # lengths checked above
            if simplified != char and len(simplified) == 1 and ord(simplified) <= 0xFFFF:
                table.setdefault(char, simplified)
    keys = list(table)
    simplified_chars = {c for c, t in zip(keys, each("s2t", keys), strict=True) if t != c}
    table = {t: s for t, s in table.items() if t not in simplified_chars}
    for char, simplified in table.items():
        seen = {char}
        while simplified in table and simplified not in seen:
            seen.add(simplified)
            simplified = table[simplified]
        table[char] = simplified
    return table


def simplify(text: str) -> str:
    """``text`` with each Traditional character replaced by its Simplified form."""
    return text.translate(_simplify_table())


@functools.cache
def _simplify_table() -> dict[int, str]:
    return str.maketrans(traditional_to_simplified())


def needed_pairs(index_text: str) -> dict[str, str]:
    """The pairs whose Simplified character occurs in ``index_text``: all a query could meet."""
    present = set(index_text)
    return {t: s for t, s in sorted(traditional_to_simplified().items()) if s in present}


def regional_words(
    texts: Iterable[tuple[str, str]], converters: Iterable[Callable[[str], str]]
) -> dict[str, str]:
    """Regional word (folded by character) -> the source's word, for every word that a generated
    language writes differently from its source.

    ``texts``: (a source text, the same text as a generated language has it). Where the two differ
    once folded by character, each run of 1 to 4 source characters over the difference is
    converted alone with ``converters`` (the generated languages') and folded; a result unlike the
    run is a candidate. Only the differences are looked at, so the cost follows the number of
    distinct sentences that differ, not the size of the site. Kept: the shortest pairs that
    explain the others (网路 → 网络, not 的网路 → 的网络); left out: a regional word that the
    source itself uses (建立, which Taiwan writes for 创建, is also a mainland word: folding it
    would change the source's own results), a pair that contains one, and a word that two source
    words share (介面).
    """
    runs: set[str] = set()
    differing: set[tuple[str, str]] = set()
    for source, generated in texts:
        source_runs = CJK_RUN.findall(source)
        runs.update(source_runs)
        generated_runs = CJK_RUN.findall(simplify(generated))
        if len(generated_runs) != len(source_runs):
            differing.update((run, "") for run in source_runs)  # cannot pair them: look at all
            continue
        differing.update((a, b) for a, b in zip(source_runs, generated_runs, strict=True) if a != b)
    grams: set[str] = set()
    for run, folded in differing:
        if len(run) == len(folded):
            positions = [i for i, (a, b) in enumerate(zip(run, folded, strict=True)) if a != b]
        else:
            positions = list(range(len(run)))
        for p in positions:
            for n in range(1, MAX_WORD_CHARS + 1):
                grams.update(run[i : i + n] for i in range(max(0, p - n + 1), min(p, len(run) - n) + 1))
    ordered = sorted(grams)
    candidates: set[tuple[str, str]] = set()  # (folded regional word, source word)
    for convert in converters:
        converted = simplify(convert("\n".join(ordered))).split("\n")
        if len(converted) != len(ordered):
            raise RuntimeError("the converter changed the number of lines")
        candidates.update(
            (folded, gram) for gram, folded in zip(ordered, converted, strict=True) if folded != gram
        )
    in_source = _occurring({regional for regional, _ in candidates}, simplify("\n".join(runs)))
    words: dict[str, str] = {}
    rejected: set[str] = set()
    for regional, source in sorted(candidates, key=lambda c: (len(c[1]), c[1], c[0])):
        if _replace_words(regional, words) == source:
            continue  # shorter pairs already say it
        if regional in words or regional in in_source or _holds_any(regional, rejected):
            rejected.add(regional)
            words.pop(regional, None)
            continue
        words[regional] = source
    return words


def _occurring(words: set[str], text: str) -> set[str]:
    """Those of ``words`` that occur in ``text``: one pass over the text, looking up each of its
    pieces as long as a word (a search of the text per word grows with the square of the site)."""
    longest = max(map(len, words), default=0)
    first_chars = {word[0] for word in words if word}
    found = {"" for word in words if not word}  # the empty word occurs anywhere, as `in` says
    found.update(
        text[i : i + n]
        for i, char in enumerate(text)
        if char in first_chars
        for n in range(1, min(longest, len(text) - i) + 1)
        if text[i : i + n] in words
    )
    return found


def _holds_any(text: str, words: set[str]) -> bool:
    """Whether one of ``words`` occurs in ``text`` (a short word: its pieces, looked up)."""
    return any(text[i:j] in words for i in range(len(text)) for j in range(i + 1, len(text) + 1))


def _replace_words(text: str, words: Mapping[str, str]) -> str:
    """``text`` with ``words`` replaced, longest first from left to right (Folding's rule)."""
    longest = max(map(len, words), default=0)
    out: list[str] = []
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + n] in words:
                out.append(words[text[i : i + n]])
                i += n
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Folding:
    """How an index and its queries see Chinese text: characters, then regional words."""

    chars: Mapping[str, str] = field(default_factory=traditional_to_simplified)
    words: Mapping[str, str] = field(default_factory=dict)  # folded regional word -> source's

    @functools.cached_property
    def _word(self) -> re.Pattern[str] | None:
        # Longest first, left to right: search.js applies the same regular expression.
        ordered = sorted(self.words, key=lambda w: (-len(w), w))
        return re.compile("|".join(map(re.escape, ordered))) if ordered else None

    @functools.cached_property
    def _char_table(self) -> dict[int, str]:
        return str.maketrans(dict(self.chars))

    def fold(self, text: str) -> str:
        text = text.translate(self._char_table)
        if self._word is None:
            return text
        return self._word.sub(lambda m: self.words[m.group()], text)

    def for_index(self, folded_text: str) -> Folding:
        """The pairs an index whose folded text is ``folded_text`` can meet: what it ships."""
        words = {r: s for r, s in sorted(self.words.items()) if s in folded_text}
        # A query's character may fold into a word before the word folds (帳戶 -> 帐户 -> 账户).
        present = set(folded_text) | set("".join(words))
        chars = {t: s for t, s in sorted(self.chars.items()) if s in present}
        return Folding(chars, words)
