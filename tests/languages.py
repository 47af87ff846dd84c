"""The site's languages, read from mkdocs.yml (static-i18n's `languages`) as the build reads
them: tests take their language codes and folders from here, not from a list of their own."""

from __future__ import annotations

from pathlib import Path

from guide_tools.checks.project import project_data, project_languages
from wallet_guide.conversion.state import generated_from

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = project_languages(ROOT)
CODES = [language.code for language in LANGUAGES]
ROOTS = {language.code: language.root for language in LANGUAGES}  # "en" -> "en/"
NAMES = {language.code: language.name for language in LANGUAGES}  # "en" -> "English"
# The generated languages (data/conversion/<code>.yml): code -> (source, converter).
GENERATED = generated_from(ROOT / project_data(ROOT).conversion_dir, CODES)


def interface_texts(code: str) -> dict:
    """The language's interface texts (data/interface/<code>.yml), checked as the build does
    (a generated language's: its source's, converted)."""
    from wallet_guide.texts import TEXTS_DIR, load_texts

    return load_texts(ROOT / TEXTS_DIR, LANGUAGES, generated=GENERATED)[code]


def checklist_labels() -> dict[str, dict]:
    """Each language's checklist interface texts (`checklist:` of its interface texts)."""
    return {code: interface_texts(code)["checklist"] for code in CODES}


def with_one_generated(turn: int) -> list[str]:
    """The translated languages and one generated language, the ``turn``-th in turn. A generated
    language is its source's pages converted: the same templates, scripts and code paths, other
    text. A test of behaviour (not of how long a text is) runs in one of them; the tests of a
    module take turns, so each generated language is driven (docs-dev/decisions/0025-test-tiers.md)."""
    generated = [code for code in CODES if code in GENERATED]
    return [code for code in CODES if code not in GENERATED or code == generated[turn % len(generated)]]
