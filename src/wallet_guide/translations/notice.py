"""What a stale translation's notice needs: the source page's language and address."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wallet_guide.translations.status import is_stale


@dataclass(frozen=True)
class StaleTranslation:
    source_lang: str  # "zh"
    source_href: str  # the source page, relative to this page: "../../causes/"


def stale_translation(
    page: Page, lang: str, source_lang: str, source: File | None
) -> StaleTranslation | None:
    """The notice for ``page`` (in ``lang``) if it translates ``source`` (the page in
    ``source_lang``, build_state.page_alternates) and that changed since; else None."""
    if lang == source_lang:
        return None
    if source is None or not source.abs_src_path:
        return None
    if not is_stale(page.meta, Path(source.abs_src_path).read_bytes()):
        return None
    return StaleTranslation(source_lang, get_relative_url(source.url, page.url))
