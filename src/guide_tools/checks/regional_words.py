"""A generated language's reviewed list of words it does not use (``forbidden:`` in
data/conversion/<lang>.yml): none may show on that region's pages or interface texts.

The region's pages are converted from the source language at build time, so the check converts
the same texts the build does (the source's pages outside code, its interface texts, the
checklist's texts, the site's name) and reports each forbidden word where its source is: the zh
file and line, with the override that would give the region's own word. Self-contained: it reads
the files itself and returns Problem records (registered in run.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import opencc

from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project
from wallet_guide.conversion.convert import _PROTECTED, Converter
from wallet_guide.conversion.regions import Forbidden, Region, RegionError

_CJK = re.compile(r"[\u3400-\u9fff]")


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _markdown_lines(source: str, convert: Converter) -> Iterator[tuple[int, str, str]]:
    """(line, source line, converted line) of a page's text outside code, tags and links, as
    the build converts it (a protected piece becomes spaces, so the lines keep their numbers)."""
    masked = _PROTECTED.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
    converted = convert.text(masked).split("\n")
    for number, (line, out) in enumerate(zip(masked.split("\n"), converted, strict=True), 1):
        if _CJK.search(line):
            yield number, line, out


def _yaml_lines(source: str, convert: Converter) -> Iterator[tuple[int, str, str]]:
    """(line, source line, converted line) of a YAML file's Chinese values, comments left out."""
    for number, line in enumerate(source.split("\n"), 1):
        text = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        if _CJK.search(text):
            yield number, text, convert.text(text)


def _simplified_phrase(word: str, line: str, convert: Converter) -> str:
    """The shortest piece of the source ``line`` that converts to a text holding ``word``: the
    key of the override to add (the word in Simplified script when OpenCC maps it back)."""
    guess = _to_simplified().convert(word)
    if guess in line and word in convert.text(guess):
        return guess
    for size in range(1, len(line) + 1):
        for start in range(len(line) - size + 1):
            piece = line[start : start + size]
            if word in convert.text(piece):
                return piece
    return guess


def region_problems(region: Region, sources: dict[str, str], region_file: str) -> list[Problem]:
    """The forbidden words of ``region`` in its converted ``sources`` (path -> text, relative to
    the project root): one Problem per word and source line."""
    if not region.forbidden:
        return []
    convert = region.converter()
    problems: list[Problem] = []
    for path, text in sources.items():
        lines = _markdown_lines(text, convert) if path.endswith(".md") else _yaml_lines(text, convert)
        for number, line, converted in lines:
            for entry in _found(region.forbidden, converted):
                simplified = _simplified_phrase(entry.word, line, convert)
                regional = convert.text(simplified).replace(entry.word, entry.instead)
                message = f"{region.language} shows «{entry.word}», which {region_file}:{entry.line} lists as a word {region.language} readers do not use (they write «{entry.instead}»)"
                fix = f"add `{simplified}: {regional}` under overrides: in {region_file}, or reword this line of the {region.source} source"
                problems.append(Problem(path, number, message, fix))
    return problems


def _found(forbidden: tuple[Forbidden, ...], text: str) -> list[Forbidden]:
    """The forbidden words in ``text``; a word inside a longer forbidden word found there is the
    longer one's (數字錢包 is reported once, not as 數字 too)."""
    hits = [entry for entry in forbidden if entry.word in text]
    return [a for a in hits if not any(a.word != b.word and a.word in b.word for b in hits)]


def check(project: Project) -> list[Problem]:
    problems = []
    for name, region in project.regions.items():
        if isinstance(region, RegionError):
            continue  # reported with its line by checks/conversion.py
        # The reader vocabulary's aliases are what readers type, never shown on a page.
        texts = project.source_texts(region.source)
        texts.pop(project.data.vocabulary, None)
        problems += region_problems(region, texts, name)
    return problems
