"""What the tests need to know about the generated languages (data/conversion/): their texts as
the build makes them, converted from their source's."""

from __future__ import annotations

from pathlib import Path

from tests.languages import CODES, GENERATED, LANGUAGES, checklist_labels
from wallet_guide.checklist.plugin import title_pages, with_generated_checklist
from wallet_guide.data.checklist import Checklist, load_checklist

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = [code for code in CODES if code not in GENERATED]
HTML_LANG = {language.code: language.html_lang for language in LANGUAGES}  # "zh-tw" -> "zh-TW"


def in_language(texts: dict[str, str], code: str) -> str:
    """A test's text ({"zh": …, "en": …}) in the language ``code``: its own, else (a generated
    language) its source's converted, as the build converts the pages."""
    if code in texts:
        return texts[code]
    source, converter = GENERATED[code]
    return converter.text(texts[source])


def repository_checklist(cause_ids) -> Checklist:
    """data/checklist.yml with every language of mkdocs.yml, as the build renders it."""
    checklist = load_checklist(
        ROOT / "data" / "checklist.yml",
        ROOT / "data" / "schemas" / "checklist.schema.json",
        cause_ids,
        TRANSLATED,
        names={language.code: language.name for language in LANGUAGES},
        labels=checklist_labels(),
        titles=title_pages(ROOT, ROOT / "docs", TRANSLATED, {"cause": "causes.md", "fix": "solutions.md"}),
    )
    return with_generated_checklist(checklist, GENERATED)
