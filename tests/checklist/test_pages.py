"""The checklist's titles are the article's headings: a renamed heading must be renamed here too."""

from __future__ import annotations

import html
import re

import pytest

from tests.generated import repository_checklist
from tests.html import page_file
from tests.languages import CODES
from wallet_guide.data.url_contract import load_contract

CONTRACT = load_contract()
LANGS = CODES  # the languages of mkdocs.yml (tests/languages.py)
PAGES = {page.path: page for page in CONTRACT.pages}
CHECKLIST = repository_checklist(PAGES["causes/"].ids)


def heading(page_html: str, section_id: str) -> str:
    match = re.search(rf'<h2 id="{section_id}">(.*?)<a class="headerlink"', page_html, re.S)
    assert match, f"no <h2 id={section_id!r}>"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path,field", [("causes/", "cause"), ("solutions/", "fix")])
def test_titles_match_the_numbered_headings(site, lang, path, field):
    page_html = page_file(site, CONTRACT.url(lang, PAGES[path])).read_text(encoding="utf-8")
    for number, cause in enumerate(CHECKLIST.causes, 1):
        title = getattr(cause.texts[lang], field)
        assert heading(page_html, cause.id) == f"{number}. {title}", (
            f"data/checklist.yml: {cause.id} {lang}.{field} differs from the heading on /{path}"
        )
