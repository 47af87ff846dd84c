"""The zh pages keep every sentence of the seed article."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.html import read
from guide_tools.checks import seed
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


def corrections() -> list[dict]:
    return yaml.safe_load(Path(seed.CORRECTIONS_FILE).read_text(encoding="utf-8"))


def seed_sentences() -> list[str]:
    text = normalize(seed_text())
    for fix in corrections():
        assert fix["seed"] in text, f"data/seed-corrections.yml: {fix['seed']!r} is not in the seed"
    # The same sentences `make check` looks for in the Markdown (guide_tools.checks.seed).
    return seed.sentences(seed_text(), corrections())


def test_seed_is_the_repository_copy():
    # data/seed.txt lets the tests run where ../shared is absent; it must not drift.
    if SEED:
        assert LOCAL_SEED.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_every_seed_sentence_is_on_a_zh_page(site):
    pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "en"]
    published = "\n".join(" ".join(read(p).article_text.split()) for p in pages)
    missing = [s for s in seed_sentences() if s not in published]
    assert missing == [], (
        f"{len(missing)} seed sentences are not on any zh page: {missing}; `make check` names the "
        "zh file and line of each, and the data/seed-corrections.yml entry that records a wording fix"
    )
    assert len(seed_sentences()) > 80
