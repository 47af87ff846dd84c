"""Build one language's search index: BM25 impacts per term, split into small files.

The browser downloads the manifest, then only the term shards its query needs, then only the
section chunks of the results it shows. That keeps the first search cheap as the site grows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from wallet_guide.search.colloquial import Colloquial
from wallet_guide.search.sections import Section
from wallet_guide.search.tokenize import LATIN_TERM, STOP_WORDS, terms
from wallet_guide.search.variants import Folding

FORMAT_VERSION = 4  # 4: keys.json, colloquial.json, the manifest's intros, background, failure
HEADING_WEIGHT = 4  # a word in a section's heading counts as this many in its text
ALIAS_WEIGHT = HEADING_WEIGHT  # readers' words for a section name it as its heading does
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass(frozen=True)
class IndexLayout:
    term_shard_bytes: int = 12_000  # aim for shards about this large, before compression
    sections_per_chunk: int = 16  # a result list touches up to 10 chunks: keep them small
    max_postings: int = 400  # per term, the best-scoring sections only


def is_chinese(lang: str) -> bool:
    return lang == "zh" or lang.startswith("zh-")


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over code points; search.js computes the same to find a term's shard."""
    h = 0x811C9DC5
    for ch in term:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def impacts(sections: list[Section]) -> dict[str, list[tuple[int, float]]]:
    """For each term, (section number, BM25 score of the term in that section), best first."""
    weighted: list[Counter[str]] = []
    lengths: list[int] = []
    for s in sections:
        tf = Counter(terms(s.text))
        tf.update(terms(s.code))
        for term in terms(s.title):
            tf[term] += HEADING_WEIGHT
        # The aliases do not make a section "longer": BM25 would then rank it lower for the
        # article's own words than before it had aliases.
        lengths.append(sum(tf.values()))
        for term in set(terms(s.aliases)):
            tf[term] += ALIAS_WEIGHT
        weighted.append(tf)
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    document_frequency: Counter[str] = Counter()
    for tf in weighted:
        document_frequency.update(tf.keys())
    n = len(sections)
    idf = {term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in document_frequency.items()}
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, (tf, length) in enumerate(zip(weighted, lengths, strict=True)):  # one of each per section
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
        for term, count in tf.items():
            postings[term].append((number, idf[term] * count * (BM25_K1 + 1) / (count + norm)))
    for plist in postings.values():
        plist.sort(key=lambda p: -p[1])
    return postings


def postings_json(plist: list[tuple[int, float]]) -> str:
    """``[[section, score], …]`` as compact JSON, scores to 3 decimals. Written by hand, once per
    term: a x100 site has a million postings, and encoding them with the json module (to size
    the shards, then to write them) took most of the index's build."""
    return "[" + ",".join(f"[{number},{round(score, 3)!r}]" for number, score in plist) + "]"


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def build_files(
    lang: str,
    sections: list[Section],
    layout: IndexLayout = IndexLayout(),
    expansions: dict[str, str] | None = None,
    folding: Folding | None = None,
    keys: list[str] | None = None,
    colloquial: Colloquial | None = None,
) -> dict[str, str]:
    """File name (relative to the language's index folder) -> JSON text.

    The terms are cut from the sections' text folded with ``folding`` (wallet_guide.search.variants:
    Simplified characters, the source's words; by default characters only); the section chunks keep
    the page's own text, which the results show. ``expansions`` (alias -> the article's words,
    folded), when the vocabulary applies at query time. ``keys``: each section's address without
    the language's root (causes/#balance), the same in every language: a query word found only
    in another language's index finds this one's section through it. ``colloquial``: readers'
    words folded into the pages' (a Chinese index; wallet_guide.search.colloquial).
    """
    folding = folding or Folding()
    colloquial = colloquial or Colloquial()
    # The readers' Chinese words for a Chinese index, the English phrases for another.
    if is_chinese(lang):
        colloquial = dataclasses.replace(colloquial, english={})
    else:
        colloquial = dataclasses.replace(colloquial, words={}, particles="")

    def fold(text: str) -> str:
        return colloquial.fold_english(colloquial.fold(folding.fold(text)))

    folded = [
        dataclasses.replace(
            s, title=fold(s.title), text=fold(s.text), code=fold(s.code), aliases=fold(s.aliases)
        )
        for s in sections
    ]
    postings = impacts(folded)
    encoded = {term: postings_json(plist[: layout.max_postings]) for term, plist in postings.items()}
    # The shards' size as json.dumps' default separators would write them (", " between items:
    # one more character per comma), plus the key and its quotes; a term has a posting or more.
    total = sum(len(v) + 2 * v.count("],[") + 1 + len(t) + 4 for t, v in encoded.items())
    shard_count = max(1, math.ceil(total / layout.term_shard_bytes))
    shards: list[list[str]] = [[] for _ in range(shard_count)]
    for term in sorted(encoded):
        shards[fnv1a(term) % shard_count].append(f"{compact(term)}:{encoded[term]}")

    files: dict[str, str] = {}
    for i, shard in enumerate(shards):
        files[f"terms-{i}.json"] = "{" + ",".join(shard) + "}"
    # For misspelt words: the index's Latin words, fetched when a query word matches none.
    files["words.json"] = compact(sorted(t for t in encoded if LATIN_TERM.fullmatch(t)))
    # For Traditional script and regional words: what a query or a result's text may hold.
    index_text = "".join(s.title + s.text + s.aliases for s in folded)
    if expansions:
        index_text += "".join(expansions) + "".join(expansions.values())
    # A reader's word may be typed in Traditional script (傾偈): its characters fold first.
    index_text += "".join(colloquial.words) + "".join(colloquial.words.values())
    shipped = folding.for_index(index_text)
    if shipped.chars:
        files["traditional.json"] = compact("".join(t + s for t, s in shipped.chars.items()))
    if expansions:
        files["vocabulary.json"] = compact(expansions)
    if colloquial.words:
        files["colloquial.json"] = compact(colloquial.for_browser())
    if keys is not None:
        files["keys.json"] = compact(keys)
    # The results' own text (a generated language's: Traditional) must be folded to highlight it.
    shown = "".join(s.title + s.text for s in sections)
    fold_results = not set(shown).isdisjoint(shipped.chars)
    size = layout.sections_per_chunk
    for start in range(0, len(sections), size):
        chunk = [[s.url, s.title, s.page_title, s.text] for s in sections[start : start + size]]
        files[f"sections-{start // size}.json"] = json.dumps(chunk, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()[:12]
    files["manifest.json"] = json.dumps(
        {
            "version": FORMAT_VERSION,
            "lang": lang,
            "build": digest,
            "sections": len(sections),
            "sectionsPerChunk": size,
            "termShards": shard_count,
            "stopWords": sorted(STOP_WORDS),
            # search.js fetches traditional.json only for a query holding one of these.
            "traditional": "".join(shipped.chars),
            # Regional word (folded by character) -> the source's word: 网路 -> 网络.
            "words": dict(shipped.words),
            # search.js fetches traditional.json up front: the results' text needs it.
            "foldResults": fold_results,
            "vocabulary": bool(expansions),
            # search.js fetches colloquial.json only for a query holding one of these.
            "colloquial": colloquial.triggers(),
            # Ranking: a page's intro, sections of background pages, what makes a query a failure.
            "intros": [n for n, s in enumerate(sections) if s.level == 1],
            "background": [n for n, s in enumerate(sections) if s.background],
            "failure": list(colloquial.failure.get("zh" if is_chinese(lang) else "en", ())),
            # English fillers (whole words); Chinese ones are in colloquial.json.
            "fillers": [] if is_chinese(lang) else list(colloquial.fillers.get("en", ())),
            "english": {} if is_chinese(lang) else colloquial.english,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return files


def offline_bundle(files: dict[str, str]) -> str:
    """Every file of a language's index in one JSON object (file name -> its JSON), which the
    service worker fetches once in the background and saves file by file (offline/assets/sw.js):
    search then works offline after one visit. One request instead of one per file."""
    return "{" + ",".join(f"{compact(name)}:{text}" for name, text in sorted(files.items())) + "}"
