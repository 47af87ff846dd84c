"""The reader vocabulary (data/reader-vocabulary.yml): readers' words for each section.

page file -> section id -> language -> {words: [the article's words], aliases: [readers' words]}.
`make check` validates the file (guide_tools.checks.vocabulary); the search plugin reads it
with ``load`` and either indexes the aliases with their section or, with
``vocabulary_at: query``, ships alias -> words for search.js to expand a query with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from wallet_guide.data.yaml_file import read_yaml
from wallet_guide.search.variants import simplify


@dataclass(frozen=True)
class Entry:
    page: str  # "causes.md"
    id: str  # "balance"
    lang: str  # "zh"
    words: tuple[str, ...]  # the article's words, as the section has them
    aliases: tuple[str, ...]  # readers' words, as written in the file


def entries(data: object) -> list[Entry]:
    """The well-formed entries of the file's data; the check reports the others."""
    found = []
    for page, sections in (data or {}).items() if isinstance(data, dict) else []:
        for section, languages in (sections or {}).items() if isinstance(sections, dict) else []:
            for lang, entry in (languages or {}).items() if isinstance(languages, dict) else []:
                if not isinstance(entry, dict):
                    continue
                words = [w for w in entry.get("words") or [] if isinstance(w, str)]
                aliases = [a for a in entry.get("aliases") or [] if isinstance(a, str)]
                found.append(Entry(str(page), str(section), str(lang), tuple(words), tuple(aliases)))
    return found


def normalized(alias: str) -> str:
    """How the index and the search box see an alias: lower case, Simplified script."""
    return simplify(" ".join(alias.lower().split()))


@dataclass(frozen=True)
class Readers:
    """One language's vocabulary entry for a section, as the index or the search box meets it."""

    aliases: tuple[str, ...]  # normalised
    words: str  # the article's words, normalised, space-separated


def for_language(
    vocabulary: Mapping[tuple[str, str, str], Entry],
    lang: str,
    generated: Mapping[str, tuple[str, Callable[[str], str]]],
) -> dict[tuple[str, str], Readers]:
    """(page file, section id) -> its entry for ``lang``. A generated language (``generated``:
    code -> (source, converter)) has its source's entries converted as its pages are (錢不夠,
    not 钱不够): both vocabulary modes use this."""
    source, convert = generated.get(lang, (lang, lambda text: text))
    return {
        (page, section): Readers(
            tuple(normalized(convert(alias)) for alias in entry.aliases),
            " ".join(normalized(convert(word)) for word in entry.words),
        )
        for (entry_lang, page, section), entry in vocabulary.items()
        if entry_lang == source
    }


def load(path: Path) -> dict[tuple[str, str, str], Entry]:
    """(language, page file, section id) -> its entry; {} when there is no file."""
    if not path.exists():
        return {}
    data = read_yaml(path).data
    return {(e.lang, e.page, e.id): e for e in entries(data)}
