"""The zh pages keep every sentence of the source article (data/seed.txt, when the project has
it), with the wording fixes listed in data/seed-corrections.yml. A change of wording in a zh page
is reported on its line, with the entry that records it as a correction, so that the content
test (tests/test_content.py) never fails without a pointer."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

import yaml

from guide_tools.checks.markdown import MASK, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project, read_yaml
from wallet_guide.typography import normalize

SEED_FILE = "data/seed.txt"
CORRECTIONS_FILE = "data/seed-corrections.yml"
TITLE = "数字钱包处理失败的解决方案与用户指南"
SENTENCE_END = re.compile(r"(?<=[。？！])|\n|(?<=[^关键词])：")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
HEADING_MARKER = re.compile(r"^\s*#+\s+")
# A sentence this close to a seed sentence is that sentence, reworded.
SIMILAR = 0.6


def article(seed: str) -> str:
    """The article: the seed file holds it twice in a row."""
    second = seed.find(TITLE, len(TITLE))
    return seed[:second] if second > 0 else seed


def split(text: str) -> list[str]:
    return [piece.strip() for piece in SENTENCE_END.split(text) if piece.strip()]


def corrected(seed: str, corrections: list[dict]) -> str:
    """The article in our typography, with every recorded wording fix applied."""
    text = normalize(article(seed))
    for fix in corrections:
        text = text.replace(str(fix["seed"]), str(fix["text"]))
    return text


def sentences(seed: str, corrections: list[dict]) -> list[str]:
    """The article's sentences as the zh pages must hold them (numbers and bold removed)."""
    text = re.sub(r"^\d+\. ", "", corrected(seed, corrections), flags=re.M).replace("**", "")
    return split(text)


@dataclass(frozen=True)
class Line:
    page: Page
    number: int
    text: str  # what a reader sees of the line: no markup, masked parts removed


def keyword_labels(project: Project, lang: str) -> tuple[str, str] | None:
    """The label and separator with which wallet-guide-page-info shows a page's front-matter
    `keywords:` as a sentence ("关键词：" and "，"), from the language's interface texts."""
    texts = project.interface[lang].data if lang in project.interface else None
    labels = texts.get("page_info") if isinstance(texts, dict) else None
    if isinstance(labels, dict) and "keywords" in labels and "separator" in labels:
        return str(labels["keywords"]), str(labels["separator"])
    return None


def keywords_line(page: Page, project: Project) -> Line | None:
    """The sentence a reader sees of the front matter's keywords, at the `keywords:` line."""
    keywords = (page.meta or {}).get("keywords")
    labels = keyword_labels(project, page.lang)
    if not isinstance(keywords, list) or not keywords or labels is None:
        return None
    label, separator = labels
    text = normalize(label + separator.join(str(keyword) for keyword in keywords))
    return Line(page, page.meta_lines.get("keywords", 1), text)


def visible_lines(page: Page, project: Project | None = None) -> list[Line]:
    result = []
    keywords = keywords_line(page, project) if project else None
    if keywords:
        result.append(keywords)
    for number, text in page.prose:
        if number < page.body_line:
            continue  # the front matter
        text = HEADING_MARKER.sub("", LIST_MARKER.sub("", text.replace(MASK, ""))).replace("**", "")
        # Typography is its own rule (typography.py, `make fix`): compare the words only.
        text = normalize(" ".join(text.split()))
        if text:
            result.append(Line(page, number, text))
    return result


def _unique_fragment(seed_text: str, old: str, new: str) -> tuple[str, str]:
    """The smallest change from ``old`` (a seed sentence) to ``new``, widened until its seed side
    has three characters or more and occurs once in the article (a correction replaces every
    occurrence), and its new side is not empty."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    a1, a2 = changed[0][1], changed[-1][2]
    b1, b2 = changed[0][3], changed[-1][4]
    while True:
        fragment = old[a1:a2]
        if a2 - a1 >= 3 and b2 > b1 and seed_text.count(fragment) == 1:
            return fragment, new[b1:b2]
        # Widen to the right first (未 → 没有 becomes 未及时 → 没有及时), then to the left.
        if a2 < len(old) and b2 < len(new):
            a2, b2 = a2 + 1, b2 + 1
        elif a1 > 0 and b1 > 0:
            a1, b1 = a1 - 1, b1 - 1
        else:
            return old, new


def _closest(sentence: str, candidates: list[tuple[Line, str]]) -> tuple[Line, str] | None:
    best, best_ratio = None, SIMILAR
    for line, text in candidates:
        matcher = difflib.SequenceMatcher(a=sentence, b=text, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = (line, text), ratio
    return best


def check(project: Project) -> list[Problem]:
    seed_file = project.root / SEED_FILE
    if not seed_file.exists():
        return []
    problems: list[Problem] = []
    loaded = read_yaml(project.root, CORRECTIONS_FILE, problems, required=False)
    seed = seed_file.read_text(encoding="utf-8")
    text = normalize(article(seed))
    corrections: list[Any] = []
    if loaded is not None and isinstance(loaded.data, list):
        corrections = loaded.data
        for index, correction in enumerate(corrections):
            if (
                not (isinstance(correction, dict) and "seed" in correction and "text" in correction)
                or str(correction["seed"]) not in text
            ):
                message = f"correction {index + 1} does not name a phrase of the article ({SEED_FILE})"
                fix = "write `seed:` as the article has it (with our typography: full-width ，：？), `text:` as the page has it, and `why:`"
                problems.append(Problem(CORRECTIONS_FILE, loaded.line(index), message, fix))
    if problems:
        return problems
    pages = [page for (lang, _), page in sorted(project.pages.items()) if lang == project.default_language]
    lines = [line for page in pages for line in visible_lines(page, project)]
    published = " ".join(line.text for line in lines)
    candidates = [(line, sentence) for line in lines for sentence in split(line.text)]
    fixed_text = corrected(seed, corrections)
    seed_lines = seed.splitlines()
    for sentence in sentences(seed, corrections):
        if sentence in published:
            continue
        match = _closest(sentence, candidates)
        if match is None:
            number = next((i for i, line in enumerate(seed_lines, 1) if sentence[:12] in normalize(line)), 1)
            message = f"this sentence of the article is on no zh page: «{sentence}»"
            fix = "put it back on its page: the zh pages keep every sentence of the article"
            problems.append(Problem(SEED_FILE, number, message, fix))
            continue
        line, reworded = match
        old, new = _unique_fragment(fixed_text, sentence, reworded)
        message = f"the article's wording changed: «{sentence}» is now «{reworded}»"
        fix = f"if the change is meant, record it at the end of {CORRECTIONS_FILE}: `- seed: {yaml_scalar(old)}` / `  text: {yaml_scalar(new)}` / `  why: …` (why the article was wrong); otherwise restore the article's words"
        problems.append(Problem(line.page.path, line.number, message, fix))
    return problems


def yaml_scalar(text: str) -> str:
    """``text`` as a one-line YAML value (quoted only when YAML needs it)."""
    dumped = yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10_000).strip()
    return dumped.removesuffix("\n...").removesuffix("...").strip()
