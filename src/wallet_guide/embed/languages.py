"""Where each language of the site lives and what it is called, from static-i18n's settings."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from wallet_guide import build_state


def language_roots(config: MkDocsConfig) -> dict[str, str]:
    """Each language's folder under the site root: the default at the root, others in a folder."""
    default = build_state.default_language(config)
    return {lang: "" if lang == default else f"{lang}/" for lang in build_state.build_languages(config)}


def site_name(config: MkDocsConfig, lang: str, default: str) -> str:
    """The site's name in ``lang``: static-i18n's per-language site_name, else ``default``
    (mkdocs.yml's, as read before static-i18n changed it for another language)."""
    for language in build_state.i18n_plugin(config).config.languages:
        if language.locale == lang and language.site_name:
            return language.site_name
    return default
