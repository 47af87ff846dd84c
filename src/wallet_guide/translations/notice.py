"""What a stale translation's notice needs: the source page's language and address."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wallet_guide.translations.status import is_stale


@dataclass(frozen=True)
class StaleTranslation:
    source_lang: str  # "zh"
    source_href: str  # the source page, relative to this page: "../../causes/"


def stale_translation(page: Page, source_lang: str) -> StaleTranslation | None:
    """The notice for ``page`` if it translates a source that changed since; else None."""
    if getattr(page.file, "locale", source_lang) == source_lang:
        return None
    source = getattr(page.file, "alternates", {}).get(source_lang)
    if source is None or not source.abs_src_path:
        return None
    if not is_stale(page.meta, Path(source.abs_src_path).read_bytes()):
        return None
    return StaleTranslation(source_lang, get_relative_url(source.url, page.url))
