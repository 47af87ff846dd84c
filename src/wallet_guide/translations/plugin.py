"""A notice on translated pages whose source has changed since they were translated."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.texts import texts_of
from wallet_guide.translations.config import TranslationsConfig
from wallet_guide.translations.notice import stale_translation


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        language = build_state.page_language(page, config)
        source = build_state.default_language(config)
        alternates = {lang.code: file for lang, file in build_state.page_alternates(page, config).items()}
        stale = stale_translation(page, language.code, source.code, alternates.get(source.code))
        context["wg_translation"] = (
            None
            if stale is None
            else {
                "texts": texts_of(config, language, "translation_notice"),
                "source_lang": source.html_lang,
                "source_href": stale.source_href,
            }
        )
        return context
