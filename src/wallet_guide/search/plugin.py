"""Per-language full-text search with Chinese bigrams; see README.md, 'Search'."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.assets import add_package_assets, link_assets
from wallet_guide.search.config import SearchConfig
from wallet_guide.search.index import IndexLayout, build_files
from wallet_guide.search.sections import Section, split_sections

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets"


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.sections: dict[str, list[Section]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        link_assets(config, scripts=("search.js",), styles=("search.css",))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # static-i18n runs one build per language: start each with an empty index.
        self.sections = {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        add_package_assets(files, config, ASSETS)
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return html
        lang = build_state.page_language(page, config)
        self.sections.setdefault(lang, []).extend(split_sections(html, page.url, page.title))
        return html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if self.config.enabled:
            lang = build_state.page_language(page, config)
            context["wg_search_index"] = f"{self.config.index_dir}/{lang}/"
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        layout = IndexLayout(
            term_shard_bytes=self.config.index_term_shard_bytes,
            max_postings=self.config.index_max_postings,
        )
        for lang, sections in self.sections.items():
            folder = Path(config.site_dir) / self.config.index_dir / lang
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.json"):
                stale.unlink()
            files = build_files(lang, sections, layout)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
            size = sum(len(t.encode()) for t in files.values())
            log.info(f"search index '{lang}': {len(sections)} sections, {len(files)} files, {size} bytes")
