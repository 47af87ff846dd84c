"""Generated languages (zh-tw, zh-hk): every page and interface text converted from the source
language during the build, so that they are never stale and no generated Markdown is committed.

static-i18n builds a language that has no page of its own from the default language's pages
(``fallback_to_default``), at that language's address. Once it has sorted the files (its
``on_files``, priority -100), we convert those pages' Markdown in memory (``File.content_string``,
MkDocs 1.6's way to change a page's source) and give them the generated language as their
locale, so that every other plugin sees an ordinary page of that language. Their edit link stays
on the zh source, which is the file to edit.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from wallet_guide import build_state
from wallet_guide.conversion.config import GeneratedLanguagesConfig
from wallet_guide.conversion.convert import Converter
from wallet_guide.conversion.regions import Region, load_regions

log = get_plugin_logger(__name__)

# Lower-case region locales (zh-tw) are accepted by build_state, which every plugin of ours
# imports; this plugin is listed before i18n in mkdocs.yml so that it is imported in time
# (its on_config stops the build, naming the fix, when it is not).


class GeneratedLanguagesPlugin(BasePlugin[GeneratedLanguagesConfig]):
    def __init__(self) -> None:
        self.regions: dict[str, Region] = {}
        self.converters: dict[str, Converter] = {}
        self.filled: dict[str, set[str]] = {}  # lang -> the entry's keys this plugin wrote

    @event_priority(50)  # before the other plugins read their texts, and before static-i18n (-100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        build_state.require_listed_above_i18n(config, build_state.GENERATED_PLUGIN)
        # static-i18n re-runs on_config for each language of one build: load once, in the first.
        if not self.config.enabled or not build_state.in_outer_build(config):
            return None
        root = Path(config.config_file_path).parent
        built = {language.code for language in build_state.languages(config)}
        self.regions = {
            lang: region
            for lang, region in load_regions(root / self.config.conversion_dir).items()
            if lang in built
        }
        self.converters = {
            lang: converter for lang, (_, converter) in build_state.generated_languages(config).items()
        }
        i18n = build_state.i18n_plugin(config)
        self._complete_language_entries(config, i18n)
        # Their interface texts (data/interface/) are converted by wallet_guide.texts' loader.
        return config

    def _complete_language_entries(self, config: MkDocsConfig, i18n) -> None:
        """Give each generated language's static-i18n entry what it does not set itself, converted
        from its source's: site name and description (the colour toggles' names are interface
        texts, converted by wallet_guide.texts). static-i18n then applies them in that language's
        pass, as it does a translated language's."""
        default = build_state.default_language(config).code
        for lang, region in self.regions.items():
            entry = i18n.get_language_config(lang)
            source = i18n.get_language_config(region.source)
            convert = self.converters[lang]
            filled = self.filled.setdefault(lang, set())

            for key, fallback in (
                ("site_name", config.site_name),
                ("site_description", config.site_description),
            ):
                # The source's own value, else (for the default language) mkdocs.yml's.
                own = source.get(key)
                value = own if own is not None else (fallback if region.source == default else None)
                if value and (entry[key] is None or key in filled):
                    build_state.set_language_entry(entry, key, convert.text(value))
                    filled.add(key)

    @event_priority(-105)  # after static-i18n has chosen each language's files (-100)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        lang = build_state.current_language(config).code
        region = self.regions.get(lang)
        if region is None:
            return files
        convert = self.converters[lang]
        # The pages are built one folder deeper than their source's (zh at the root, zh-tw/):
        # relative addresses in raw HTML need one more step up; MkDocs resolves Markdown links.
        default = build_state.default_language(config).code
        prefix = "../" if region.source == default else ""
        for file in files.documentation_pages():
            if build_state.file_language(file, config).code == region.source:
                file.content_string = convert.markdown(file.content_string, html_prefix=prefix)
                build_state.move_file_to_language(file, lang)
        return files
