"""Turn text into search terms, the same way at build time (here) and in the browser (search.js).

Chinese has no spaces, and word segmenters disagree: the browser's Intl.Segmenter in Debian's
Chromium splits 余额 into 余 + 额, while the indexers' dictionaries keep it whole, so a query and
the index it searches end up with different words. Overlapping character pairs (bigrams, as in
Lucene's CJK analyzer) need no dictionary and match any way a reader types a phrase: 余额不足 is
余额 + 额不 + 不足, wherever it stands in a sentence. Latin words are lower-cased, lightly stemmed
and filtered through a stop-word list that the index manifest carries to the browser.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs (+ Extension A) and the compatibility block.
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A term a misspelt query word may be corrected to: letters only (not 2fa, not 2026).
LATIN_TERM = re.compile(r"[a-z]{3,}")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "my",
        "of",
        "on",
        "or",
        "so",
        "than",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "this",
        "to",
        "too",
        "was",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)


def stem(word: str) -> str:
    """A deliberately small English stemmer, mirrored line for line in search.js.

    It only has to make a query and a text meet: balance/balances -> balanc,
    update/updated/updating -> updat, fails/failed/failing -> fail.
    """
    word = re.sub(r"['’]s$", "", word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def cjk_terms(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def terms(text: str) -> list[str]:
    """Every search term of ``text`` in order, repeats kept (they count as term frequency)."""
    text = text.lower()
    out: list[str] = []
    for part in re.split(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)", text):
        if not part:
            continue
        if CJK_RUN.fullmatch(part):
            out.extend(cjk_terms(part))
        else:
            out.extend(
                stem(w) for w in LATIN_WORD.findall(part) if w not in STOP_WORDS and stem(w) not in STOP_WORDS
            )
    return out
