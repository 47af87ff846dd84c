"""Interface texts that a plugin takes from mkdocs.yml, one set per language of the site."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


def require_texts(texts: dict, languages: list[str], keys: tuple[str, ...], option: str, what: str) -> None:
    """Stop the build when a language lacks one of ``keys`` under ``option`` (for example
    ``plugins.wallet-guide-offline.messages``); ``what`` says what the texts are for."""
    for lang in languages:
        entry = texts.get(lang) if isinstance(texts, dict) else None
        missing = [key for key in keys if not (isinstance(entry, dict) and entry.get(key))]
        if missing:
            raise PluginError(
                f"mkdocs.yml: {option}.{lang} lacks {', '.join(missing)} — add {what}, in that "
                f"language ({', '.join(keys)})."
            )
