"""Readers' written Cantonese and colloquial wording (data/search-folding.yml), for every Chinese
index and query: words folded into the pages' Mandarin, fillers weighted down, failure words.

search.js fetches the table (``colloquial.json``) only for a query holding one of its words' first
characters (the manifest's ``colloquial``), as it fetches the Traditional table."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from wallet_guide.data.yaml_file import read_yaml
from wallet_guide.search.variants import simplify


@dataclass(frozen=True)
class Colloquial:
    words: dict[str, str] = field(default_factory=dict)  # folded reader word -> the pages' word
    fillers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "zh"/"en" -> words
    failure: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "zh"/"en" -> words
    english: dict[str, str] = field(default_factory=dict)  # en phrase -> one word (lower case)
    particles: str = ""  # characters that join words: their pairs count like fillers

    def fold_english(self, text: str) -> str:
        if self._english is None:
            return text
        return self._english.sub(lambda m: self.english[m.group().lower()], text)

    @functools.cached_property
    def _english(self) -> re.Pattern[str] | None:
        ordered = sorted(self.english, key=lambda w: (-len(w), w))
        return (
            re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)
            if ordered
            else None
        )

    def fold(self, text: str) -> str:
        """``text`` (already folded by character) with the readers' words replaced, longest first."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self.words[m.group()], text)

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        # Longest first, left to right: search.js applies the same regular expression.
        ordered = sorted(self.words, key=lambda w: (-len(w), w))
        return re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def triggers(self) -> str:
        """The first characters of the words: a query holding none needs no table."""
        return "".join(
            sorted({w[0] for w in [*self.words, *self.fillers.get("zh", ())]} | set(self.particles))
        )

    def for_browser(self) -> dict:
        return {"words": self.words, "fillers": list(self.fillers.get("zh", ())), "particles": self.particles}


def _line_of(text: str, word: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(f"{word}:") or f" {word}," in line or f"[{word}," in line:
            return number
    return 1


def load(path: Path, source_text: str) -> Colloquial:
    """The table of ``path``; {} when there is none. ``source_text``: the source language's
    folded pages: a word they use is refused (it would change their own results)."""
    if not path.exists():
        return Colloquial()
    data = read_yaml(path).data or {}
    words_in = data.get("words") or {}
    if not isinstance(words_in, dict):
        raise PluginError(f"{path}:1: `words:` must map a reader's word to the pages' word")
    words: dict[str, str] = {}
    for reader, pages in words_in.items():
        key, value = simplify(str(reader)), simplify(str(pages))
        if key in source_text:
            raise PluginError(
                f"{path}:{_line_of(path.read_text(encoding='utf-8'), str(reader))}: «{reader}» occurs in the Chinese pages themselves; "
                "folding it would change their own results: remove the entry or make it longer"
            )
        words[key] = value
    fillers = {
        str(lang): tuple(simplify(str(w).lower()) for w in ws or [])
        for lang, ws in (data.get("fillers") or {}).items()
    }
    failure = {
        str(lang): tuple(str(w).lower() for w in ws or []) for lang, ws in (data.get("failure") or {}).items()
    }
    english = {str(k).lower(): str(v).lower() for k, v in (data.get("english") or {}).items()}
    particles = "".join(simplify(str(p)) for p in data.get("particles") or [])
    return Colloquial(words, fillers, failure, english, particles)
