"""The interface texts (data/interface/<language>.yml): every language holds the default
language's keys, a mistake is named with file, line and fix, and a language's texts can be made
from another's by converting them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.languages import CODES, GENERATED, LANGUAGES, ROOT
from wallet_guide.build_state import Language, LanguageSettingsError, languages_from_settings
from wallet_guide.texts import TEXTS_DIR, TextsError, convert_texts, load_texts

DEFAULT = next(lang for lang in LANGUAGES if lang.is_default)
OTHER = next(lang for lang in LANGUAGES if not lang.is_default and lang.code not in GENERATED)  # en


def copy_texts(tmp_path: Path) -> Path:
    folder = tmp_path / "interface"
    shutil.copytree(ROOT / TEXTS_DIR, folder)
    return folder


def line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_every_language_of_the_site_has_the_default_languages_texts():
    texts = load_texts(ROOT / TEXTS_DIR, LANGUAGES, generated=GENERATED)
    assert sorted(texts) == sorted(CODES)
    assert texts[DEFAULT.code].keys() == texts[OTHER.code].keys()


def test_a_missing_text_names_the_file_the_line_and_the_fix(tmp_path):
    folder = copy_texts(tmp_path)
    path = folder / f"{OTHER.code}.yml"
    text = path.read_text(encoding="utf-8")
    home = next(line for line in text.splitlines() if line.startswith("  home:"))
    path.write_text(text.replace(home + "\n", "", 1), encoding="utf-8")  # the first: not_found's
    with pytest.raises(TextsError) as error:
        load_texts(folder, LANGUAGES, "data/interface/", generated=GENERATED)
    assert str(error.value) == (
        f"data/interface/{OTHER.code}.yml:{line_of(path, 'not_found:')}: not_found.home is missing — "
        f"add it in this language (as data/interface/{DEFAULT.code}.yml:"
        f"{line_of(folder / f'{DEFAULT.code}.yml', 'home:')} has it)"
    )


def test_a_text_the_default_language_lacks_is_named(tmp_path):
    folder = copy_texts(tmp_path)
    path = folder / f"{OTHER.code}.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("offline:\n", "offline:\n  hint: Extra\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(TextsError) as error:
        load_texts(folder, LANGUAGES, "data/interface/", generated=GENERATED)
    assert str(error.value) == (
        f"data/interface/{OTHER.code}.yml:{line_of(path, 'hint: Extra')}: offline.hint is not in "
        f"data/interface/{DEFAULT.code}.yml — remove it, or add it to every language, the default first"
    )


def test_a_list_of_links_has_as_many_entries_in_every_language(tmp_path):
    folder = copy_texts(tmp_path)
    path = folder / f"{OTHER.code}.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "page: support.md" in line)
    path.write_text("".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")
    with pytest.raises(
        TextsError, match=rf"{OTHER.code}.yml:\d+: search_no_results.links must list 2 entries"
    ):
        load_texts(folder, LANGUAGES, generated=GENERATED)


def test_a_language_without_its_file_is_told_to_copy_the_default(tmp_path):
    folder = copy_texts(tmp_path)
    extra = Language("fr", "Français", False, "fr/", "fr")
    with pytest.raises(TextsError, match=r"fr\.yml: not found — .*copy the default language's file"):
        load_texts(folder, [*LANGUAGES, extra], generated=GENERATED)


def test_a_language_can_be_made_by_converting_another():
    texts = load_texts(ROOT / TEXTS_DIR, LANGUAGES, generated=GENERATED)[DEFAULT.code]
    converted = convert_texts(texts, lambda text: f"<{text}>")
    assert converted["offline"]["title"] == f"<{texts['offline']['title']}>"
    assert (
        converted["search_no_results"]["links"][0]["page"] == texts["search_no_results"]["links"][0]["page"]
    )
    assert converted.keys() == texts.keys()


@pytest.mark.parametrize("code", sorted(GENERATED))
def test_a_generated_language_has_its_sources_texts_converted(code):
    """No data/interface/<code>.yml for zh-tw: the loader converts its source's (zh) texts, so
    every feature has its texts in the region's script."""
    assert not (ROOT / TEXTS_DIR / f"{code}.yml").exists()
    source, converter = GENERATED[code]
    texts = load_texts(ROOT / TEXTS_DIR, LANGUAGES, generated=GENERATED)
    assert texts[code] == convert_texts(texts[source], converter.text)
    assert texts[code]["offline"]["title"] != texts[source]["offline"]["title"]  # Traditional now
    assert (
        texts[code]["search_no_results"]["links"][0]["page"]
        == texts[source]["search_no_results"]["links"][0]["page"]
    )


def test_the_languages_rule_is_written_once():
    languages = languages_from_settings(
        [
            {"locale": "en", "name": "English", "theme": {"language": "en"}},
            {"locale": "zh", "name": "中文", "default": True},
            {"locale": "fr", "name": "Français", "build": False},
        ]
    )
    assert [(lang.code, lang.root, lang.is_default, lang.html_lang) for lang in languages] == [
        ("zh", "", True, "zh"),
        ("en", "en/", False, "en"),
    ]
    with pytest.raises(LanguageSettingsError, match="exactly one default language"):
        languages_from_settings([{"locale": "zh"}, {"locale": "en"}])


def test_a_mistake_in_the_texts_stops_the_build_on_its_line(tmp_path):
    from guide_tools.checks.site import build, build_problems

    root = tmp_path / "guide"
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "overrides").symlink_to(ROOT / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    path = root / TEXTS_DIR / f"{OTHER.code}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("short_title:", "short_titel:", 1), encoding="utf-8")
    result = build(root, tmp_path / "site")
    assert not result.ok
    problems = [(p.path, p.line, p.message) for p in build_problems(root, result.messages)]
    assert (
        f"data/interface/{OTHER.code}.yml",
        line_of(path, "short_titel:"),
        f"short_titel is not in data/interface/{DEFAULT.code}.yml",
    ) in problems
    assert any(
        p[0] == f"data/interface/{OTHER.code}.yml" and p[2] == "short_title is missing" for p in problems
    )


def test_make_check_reads_the_interface_texts_for_typography_and_the_glossary(tmp_path):
    from guide_tools.checks import run

    root = tmp_path / "guide"
    for folder in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    zh = root / TEXTS_DIR / f"{DEFAULT.code}.yml"
    zh.write_text(
        zh.read_text(encoding="utf-8").replace("reset: 清除所有勾选", "reset: 清除,所有勾选"),
        encoding="utf-8",
    )
    problems = [(p.path, p.line, p.message) for p in run.check(root)]
    assert problems == [
        (
            f"data/interface/{DEFAULT.code}.yml",
            line_of(zh, "reset: 清除,所有勾选"),
            'half-width "," in Chinese text: "清除,所有"',
        )
    ]
