"""The x100 bench's generated site (guide_tools/scale.py) builds as the guide does: its random
Chinese text never forms a reader's word that the search plugin refuses in the pages."""

from __future__ import annotations

import random

from guide_tools import scale
from wallet_guide.search.variants import simplify


def test_generated_text_avoids_the_words_given_and_only_those():
    words = ["门户", "口的", "余额", "不足", "网络", "连接", "支付", "失败", "商家", "验证", "版本", "客服"]
    made = [scale.sentence(random.Random(n), words, "zh") for n in range(200)]
    assert any("户口" in text for text in made), "control: joined pieces do form the word"
    avoided = [scale.sentence(random.Random(n), words, "zh", avoid=("户口",)) for n in range(200)]
    assert not any("户口" in text for text in avoided)
    assert any("门户" in text for text in avoided) and any("口的" in text for text in avoided)
    titles = [scale.title(random.Random(n), words, "zh", 3, avoid=("户口",)) for n in range(200)]
    assert not any("户口" in text for text in titles)


def test_the_x100_sites_chinese_pages_hold_no_readers_word(tmp_path):
    config = scale.generate(tmp_path / "project", 100)
    avoid = scale.readers_words()
    assert avoid, "data/search-folding.yml lists readers' words"
    pages = sorted((config.parent / "docs" / "zh").glob("part-*/page-*.md"))
    assert len(pages) == 99 * scale.PAGES_PER_PART
    for page in pages:
        text = simplify(page.read_text(encoding="utf-8"))
        assert not [word for word in avoid if word in text], page
