"""Generate a copy of the site N times larger, for `make bench SCALE=N` (see bench.py).

The copy keeps the real pages and adds, per language, N-1 "parts" of seven generated pages each
(like the article's seven), six sections per page with unique ids. Generated text recombines
the article's own words with a seeded random generator: it is distinct on every page, so
compression cannot hide the growth, and it is Chinese or English like the language it stands in.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import yaml

from guide_tools import PROJECT_ROOT as ROOT
from guide_tools.checks.project import project_languages
from guide_tools.search_eval import FOLDING_FILE
from wallet_guide.search import colloquial
from wallet_guide.search.variants import simplify

PAGES_PER_PART = 7
SECTIONS_PER_PAGE = 6
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
EN_WORD = re.compile(r"[A-Za-z][a-z’']+")


def vocabulary(lang: str) -> list[str]:
    """The article's words: 2- and 3-character pieces of Chinese, or English words."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / lang).glob("*.md")))
    text = re.sub(r"^---.*?---", "", text, flags=re.S)
    if lang.startswith("zh"):
        words = []
        for run in HAN_RUN.findall(text):
            words += [run[i : i + 2] for i in range(0, len(run) - 1, 2)]
            words += [run[i : i + 3] for i in range(1, len(run) - 2, 3)]
        return sorted(set(words))
    return sorted({w.lower() for w in EN_WORD.findall(text)})


def readers_words() -> tuple[str, ...]:
    """The readers' words the search folds (data/search-folding.yml's `words:`), simplified. The
    search plugin refuses a Chinese page that holds one (folding it would change the page's own
    results), so generated text avoids them: pieces joined at random can make one ("门户" + "口的")."""
    return tuple(colloquial.load(ROOT / FOLDING_FILE, source_text="").words)


def _without(make, avoid: tuple[str, ...]) -> str:
    """``make()``'s text, made again (the generator moves on) while it holds a word to avoid."""
    while True:
        text = make()
        if not any(word in simplify(text) for word in avoid):
            return text


def sentence(rng: random.Random, words: list[str], lang: str, avoid: tuple[str, ...] = ()) -> str:
    def make() -> str:
        picked = rng.sample(words, rng.randint(6, 12))
        if lang.startswith("zh"):
            cut = rng.randint(2, len(picked) - 2)
            return "".join(picked[:cut]) + "，" + "".join(picked[cut:]) + "。"
        text = " ".join(picked)
        return text[0].upper() + text[1:] + "."

    return _without(make, avoid)


def title(rng: random.Random, words: list[str], lang: str, n: int, avoid: tuple[str, ...] = ()) -> str:
    def make() -> str:
        picked = rng.sample(words, n)
        return "".join(picked) if lang.startswith("zh") else " ".join(picked).capitalize()

    return _without(make, avoid)


def page_text(rng, words, lang, part: int, number: int, avoid: tuple[str, ...] = ()) -> str:
    page_title = title(rng, words, lang, 3, avoid)
    lines = [
        "---",
        f"title: {page_title}",
        f"description: {title(rng, words, lang, 8, avoid)}",
        "---",
        "",
        f"# {page_title} {{#p{part}-{number}}}",
        "",
        sentence(rng, words, lang, avoid),
        "",
    ]
    for s in range(1, SECTIONS_PER_PAGE + 1):
        lines += [f"## {s}. {title(rng, words, lang, 2, avoid)} {{#p{part}-{number}-{s}}}", ""]
        lines += [" ".join(sentence(rng, words, lang, avoid) for _ in range(rng.randint(2, 4))), ""]
    return "\n".join(lines)


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV and !relative tags."""


_TagTolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_nav() -> list:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagTolerantLoader)
    return config["nav"]


def generate(out: Path, scale: int, seed: int = 2026) -> Path:
    """Write a project N times larger under ``out``; returns its mkdocs.yml."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "docs", out / "docs")
    for shared in ("overrides", "data"):
        (out / shared).symlink_to(ROOT / shared)
    nav_parts: list[str] = []
    readers = readers_words()  # Chinese text only: English pages cannot hold one
    # A generated language (data/conversion/) gets its source's pages, converted by the build.
    for lang in [language.code for language in project_languages(ROOT) if language.generated_from is None]:
        rng = random.Random(f"{seed}-{lang}")  # same structure in both languages, own words
        words = vocabulary(lang)
        avoid = readers if lang.startswith("zh") else ()
        for part in range(1, scale):
            folder = out / "docs" / lang / f"part-{part:03d}"
            folder.mkdir(parents=True)
            for number in range(1, PAGES_PER_PART + 1):
                (folder / f"page-{number}.md").write_text(
                    page_text(rng, words, lang, part, number, avoid), encoding="utf-8"
                )
    for part in range(1, scale):
        nav_parts.append(f"  - Part {part}:")
        nav_parts += [f"      - part-{part:03d}/page-{n}.md" for n in range(1, PAGES_PER_PART + 1)]
    real_nav = [f"  - {json.dumps(entry, ensure_ascii=False)}" for entry in site_nav()]
    config = out / "mkdocs.yml"
    config.write_text(
        "\n".join(
            [
                f"INHERIT: {ROOT / 'mkdocs.yml'}",
                f"docs_dir: {out / 'docs'}",
                "nav:",
                *real_nav,
                *nav_parts,
                "",
            ]
        ),
        encoding="utf-8",
    )
    return config
