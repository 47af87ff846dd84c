"""The one door to the multi-language build run by mkdocs-static-i18n.

The site's languages are static-i18n's ``languages`` in mkdocs.yml, and only this module reads
them, the per-page locale and alternates static-i18n sets on each file, or its build state. The
rule that places them (the default language at the site root, every other in ``<code>/``) is
:func:`languages_from_settings`, a pure function over the parsed YAML that ``make check`` uses
too, without a build.

static-i18n builds the default language, then, from inside that build's ``on_post_build``
(priority -100), runs one nested build per other language on the same config object. A hook of
ours with a lower priority therefore runs after every language is written: that is where
site-wide outputs (sitemap, search index) belong.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mkdocs_static_i18n.config
import mkdocs_static_i18n.folder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from wallet_guide.conversion.convert import Converter
from wallet_guide.conversion.regions import Region, load_regions

if TYPE_CHECKING:
    from wallet_guide.data.checklist import Checklist
    from wallet_guide.data.url_contract import Contract

I18N_PLUGIN = "i18n"
CHECKLIST_PLUGIN = "wallet-guide-checklist"
GENERATED_PLUGIN = "wallet-guide-generated"
CONVERSION_DIR = "data/conversion"  # wallet-guide-generated's default conversion_dir

# static-i18n 1.3.1 accepts a region subtag in capitals only (zh-TW) and names the language's
# folder after its locale; BCP 47 tags are case-insensitive and our addresses are lower case
# (/zh-tw/, data/conversion/zh-tw.yml). Its validation runs when mkdocs.yml's plugins are
# loaded, in list order: wallet-guide-generated, listed before i18n, imports this module first
# (require_listed_above_i18n says so when it is not).
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-([A-Z]{2}|[a-z]{2}))?$|^[a-z]{2}_[A-Z]{2}$")
mkdocs_static_i18n.config.RE_LOCALE = _LOCALE
mkdocs_static_i18n.folder.RE_LOCALE = _LOCALE

# Run after static-i18n's own on_post_build (-100), which builds the other languages.
AFTER_ALL_LANGUAGES = -150


@dataclass(frozen=True)
class Language:
    """One language of the site, as static-i18n's ``languages`` entry describes it."""

    code: str  # static-i18n's locale: "zh"; its pages are in docs/<code>/
    name: str  # as the language switcher shows it: "中文", "English"
    is_default: bool  # the source language, built at the site root
    root: str  # its folder under the site root: "" for the default, else "en/"
    html_lang: str  # <html lang>: the entry's theme.language, else its code
    site_name: str | None = None  # its own site_name; None: mkdocs.yml's
    # A generated language's source ("zh" for zh-tw: data/conversion/zh-tw.yml); None: its own pages.
    generated_from: str | None = None


class LanguageSettingsError(ValueError):
    """static-i18n's languages cannot be read; the message says what to write."""


def languages_from_settings(entries: Iterable[Mapping[str, Any]] | None) -> list[Language]:
    """The built languages of static-i18n's ``languages`` entries (parsed YAML or static-i18n's
    own config objects), the default first."""
    languages = []
    for entry in entries or []:
        if not isinstance(entry, Mapping) or "locale" not in entry or not entry.get("build", True):
            continue
        code = str(entry["locale"])
        is_default = bool(entry.get("default"))
        theme = entry.get("theme") or {}
        html_lang = theme.get("language") or code
        languages.append(
            Language(
                code=code,
                name=str(entry.get("name") or code),
                is_default=is_default,
                root="" if is_default else f"{code}/",
                html_lang=str(html_lang),
                site_name=entry.get("site_name") or None,
            )
        )
    if sum(language.is_default for language in languages) != 1:
        raise LanguageSettingsError(
            "the i18n plugin needs exactly one default language — mark the source language "
            "with `default: true` under plugins: i18n: languages:"
        )
    return sorted(languages, key=lambda language: not language.is_default)


def i18n_plugin(config: MkDocsConfig):
    plugin = config.plugins.get(I18N_PLUGIN)
    if plugin is None:
        raise PluginError(
            "mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) must be enabled before the "
            "wallet-guide plugins, which build on its per-language builds."
        )
    return plugin


def require_listed_above_i18n(config: MkDocsConfig, name: str) -> None:
    """Stop the build when the plugin ``name`` is listed below i18n in mkdocs.yml: the plugin
    that widens static-i18n's locales must be loaded first. (Listed below it, the build reaches
    this check only when another plugin of ours above i18n did the widening by chance; without
    one, static-i18n stops first, naming the lower-case locale.)"""
    names = list(config.plugins)
    if I18N_PLUGIN in names and name in names and names.index(name) > names.index(I18N_PLUGIN):
        raise PluginError(
            f"mkdocs.yml: list '{name}' above 'i18n' under plugins: — it lets static-i18n accept "
            "lower-case regions (zh-tw), which must happen before static-i18n reads its languages"
        )


def languages(config: MkDocsConfig) -> list[Language]:
    """Every built language, the default first, in mkdocs.yml's order."""
    return list(_languages_by_code(config).values())


# The last answer of _languages_by_code and what it was read from. Every plugin asks for the
# languages on every page (a x100 site: 70,000 times). The settings stay the same objects for a
# whole build, and a new build (`mkdocs serve`) loads a new config; our plugins change an entry
# only through set_language_entry, which forgets the answer. The recipes of the generated
# languages (a stat of each file) are read on a miss only, not on every question (they were:
# 1,100 times a build, 2026-12-03).
_last_languages: tuple[object, object, Mapping[str, Region], dict[str, Language]] | None = None


def set_language_entry(entry: Any, key: str, value: Any) -> None:
    """Write one setting of a static-i18n ``languages`` entry (a generated language's site name)."""
    global _last_languages
    entry[key] = value
    _last_languages = None


def _language_state(config: MkDocsConfig) -> tuple[Mapping[str, Region], dict[str, Language]]:
    """The generated languages' recipes and every built language by code, for this build."""
    global _last_languages
    entries = i18n_plugin(config).config.languages
    if _last_languages is not None and _last_languages[0] is config and _last_languages[1] is entries:
        return _last_languages[2], _last_languages[3]
    regions = _regions(config)
    try:
        built = languages_from_settings(entries)
    except LanguageSettingsError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    by_code = {
        lang.code: (
            dataclasses.replace(lang, generated_from=regions[lang.code].source)
            if lang.code in regions
            else lang
        )
        for lang in built
    }
    _last_languages = (config, entries, regions, by_code)
    return regions, by_code


def _languages_by_code(config: MkDocsConfig) -> dict[str, Language]:
    return _language_state(config)[1]


_NO_REGIONS: Mapping[str, Region] = types.MappingProxyType({})


def _regions(config: MkDocsConfig) -> Mapping[str, Region]:
    """The recipes of the generated languages (data/conversion/<code>.yml), by code, read from
    wallet-guide-generated's folder (its option; the default without it, as in a test's config)
    by a cached loader, not taken from that plugin's state; none when it is turned off."""
    plugin = config.plugins.get(GENERATED_PLUGIN)
    if plugin is not None and not plugin.config.enabled:
        return _NO_REGIONS
    folder = plugin.config.conversion_dir if plugin is not None else CONVERSION_DIR
    path = Path(config.config_file_path).parent / folder
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(path.glob("*.yml"))) if path.is_dir() else ()
    return _load_regions(path, stamp)


@functools.lru_cache(maxsize=8)
def _load_regions(path: Path, stamp: tuple) -> dict[str, Region]:
    """load_regions, once per folder and version of its files (``stamp``)."""
    return load_regions(path)


@functools.lru_cache(maxsize=16)
def _converter(region: Region) -> Converter:
    """One converter per recipe (they are frozen: a changed file is another recipe)."""
    return region.converter()


def generated_languages(config: MkDocsConfig) -> dict[str, tuple[str, Converter]]:
    """code -> (its source language, its converter), for every generated build language."""
    regions = _language_state(config)[0]
    return {
        lang.code: (lang.generated_from, _converter(regions[lang.code]))
        for lang in languages(config)
        if lang.generated_from is not None
    }


def is_generated(config: MkDocsConfig, code: str) -> bool:
    return language(config, code).generated_from is not None


def language(config: MkDocsConfig, code: str) -> Language:
    found = _languages_by_code(config).get(code)
    if found is not None:
        return found
    raise PluginError(
        f"language '{code}' is not built — add it under plugins: i18n: languages: in mkdocs.yml"
    )


def default_language(config: MkDocsConfig) -> Language:
    return languages(config)[0]


def in_outer_build(config: MkDocsConfig) -> bool:
    """True in the outer build, the default language's, which static-i18n runs the other
    languages' builds from: outside those nested builds (e.g. its on_config, its on_post_build
    once every language is on disk). Was ``is_last_language_pass``."""
    return not getattr(i18n_plugin(config), "building", False)


def current_language(config: MkDocsConfig) -> Language:
    """The language being built; only valid while a pass builds (not in the final post-build).
    static-i18n sets it in its on_config (priority -100): before that, on the first pass, it is
    None, which is the default language's pass."""
    code = i18n_plugin(config).current_language
    return language(config, code) if code else default_language(config)


def file_language(file: File, config: MkDocsConfig) -> Language:
    """The language of a file: static-i18n's locale of it, else the language being built."""
    code = getattr(file, "locale", None)
    return language(config, code) if code else current_language(config)


def move_file_to_language(file: File, code: str) -> None:
    """Make ``file`` a page of the language ``code`` (a generated language's converted page),
    the way static-i18n marks a file's language."""
    file.locale = code  # type: ignore[attr-defined]  # static-i18n's own attribute on File


def page_language(page: Page, config: MkDocsConfig) -> Language:
    return file_language(page.file, config)


@dataclass(frozen=True)
class LoadedChecklist:
    """The site's checklist as wallet-guide-checklist's loader reads it, for other plugins."""

    checklist: Checklist
    contract: Contract
    options: Any  # the checklist plugin's config (its links_* pages)


def loaded_checklist(config: MkDocsConfig) -> LoadedChecklist | None:
    """The checklist data of this build, read by the checklist's loader with the checklist
    plugin's options (not taken from that plugin's state); None when it is off or absent."""
    plugin = config.plugins.get(CHECKLIST_PLUGIN)
    if plugin is None or not plugin.config.enabled:
        return None
    from wallet_guide.checklist.plugin import load_site_checklist  # it imports this module

    checklist, contract = load_site_checklist(config, plugin.config)
    return LoadedChecklist(checklist, contract, plugin.config)


def page_alternates(page: Page, config: MkDocsConfig) -> dict[Language, File]:
    """The page's file in each language that has it (itself included), in language order."""
    files = getattr(page.file, "alternates", None) or {}
    return {lang: files[lang.code] for lang in languages(config) if lang.code in files}
