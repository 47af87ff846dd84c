"""What our plugins need to know about the multi-language build run by mkdocs-static-i18n.

static-i18n builds the default language, then, from inside that build's ``on_post_build``
(priority -100), runs one nested build per other language on the same config object. A hook of
ours with a lower priority therefore runs after every language is written: that is where
site-wide outputs (sitemap, search index) belong.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

I18N_PLUGIN = "i18n"

# Run after static-i18n's own on_post_build (-100), which builds the other languages.
AFTER_ALL_LANGUAGES = -150


def i18n_plugin(config: MkDocsConfig):
    plugin = config.plugins.get(I18N_PLUGIN)
    if plugin is None:
        raise PluginError(
            "mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) must be enabled before the "
            "wallet-guide plugins, which build on its per-language builds."
        )
    return plugin


def is_last_language_pass(config: MkDocsConfig) -> bool:
    """True in the outer (default-language) post-build, once every language is on disk."""
    return not getattr(i18n_plugin(config), "building", False)


def default_language(config: MkDocsConfig) -> str:
    return i18n_plugin(config).default_language


def build_languages(config: MkDocsConfig) -> list[str]:
    return list(i18n_plugin(config).build_languages)


def current_language(config: MkDocsConfig) -> str:
    """The language being built; only valid while a pass builds (not in the final post-build)."""
    return i18n_plugin(config).current_language


def page_language(page, config: MkDocsConfig) -> str:
    """The language of a page: static-i18n's locale of its file, else the language being built."""
    return getattr(page.file, "locale", None) or current_language(config)
