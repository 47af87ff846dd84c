"""A notice on translated pages whose source has changed since they were translated."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.translations.config import TranslationsConfig
from wallet_guide.translations.notice import stale_translation


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        context["wg_translation"] = stale_translation(page, build_state.default_language(config))
        return context
