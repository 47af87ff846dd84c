"""The zh pages keep every sentence of the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.html import read
from wallet_guide.typography import normalize

SEED = next(Path(__file__).resolve().parents[2].glob("shared/seed/*.txt"), None)
LOCAL_SEED = Path("data/seed.txt")
TITLE = "数字钱包处理失败的解决方案与用户指南"


def seed_text() -> str:
    text = (SEED or LOCAL_SEED).read_text(encoding="utf-8")
    # The seed file holds the article twice in a row: it is one article.
    second = text.index(TITLE, len(TITLE))
    assert text[:second].strip() == text[second:].strip()
    return text[:second]


def seed_sentences() -> list[str]:
    text = normalize(seed_text())
    for fix in yaml.safe_load(Path("data/seed-corrections.yml").read_text(encoding="utf-8")):
        assert fix["seed"] in text, f"data/seed-corrections.yml: {fix['seed']!r} is not in the seed"
        text = text.replace(fix["seed"], fix["text"])
    text = re.sub(r"^\d+\. ", "", text, flags=re.M).replace("**", "")
    pieces = re.split(r"(?<=[。？！])|\n|(?<=[^关键词])：", text)
    return [p.strip() for p in pieces if p.strip()]


def test_seed_is_the_repository_copy():
    # data/seed.txt lets the tests run where ../shared is absent; it must not drift.
    if SEED:
        assert LOCAL_SEED.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_every_seed_sentence_is_on_a_zh_page(site):
    pages = [p for p in site.rglob("index.html") if not p.relative_to(site).parts[0] == "en"]
    published = "\n".join(" ".join(read(p).article_text.split()) for p in pages)
    missing = [s for s in seed_sentences() if s not in published]
    assert missing == [], f"{len(missing)} seed sentences are not on any zh page"
    assert len(seed_sentences()) > 80
