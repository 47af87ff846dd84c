"""Per-language full-text search with Chinese bigrams; see docs-dev/decisions/0004-our-own-search.md."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.assets import add_package_assets, link_assets, publish_without_comments
from wallet_guide.audience import in_reader_search
from wallet_guide.search import colloquial as colloquial_table
from wallet_guide.search.config import SearchConfig
from wallet_guide.search.index import IndexLayout, build_files, is_chinese, offline_bundle
from wallet_guide.search.sections import Section, split_sections
from wallet_guide.search.variants import Folding, regional_words
from wallet_guide.search.vocabulary import Entry, Readers, for_language, load
from wallet_guide.settings import add_page_settings
from wallet_guide.texts import require_keys, texts_of

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets"


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.sections: dict[str, list[Section]] = {}
        self.vocabulary: dict[tuple[str, str, str], Entry] = {}
        self._vocabulary_by_lang: dict[str, dict[tuple[str, str], Readers]] = {}
        self._pages_by_name: tuple[Navigation, dict[str, Page]] | None = None
        self._config: MkDocsConfig | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._config = config
        link_assets(config, scripts=("search.js",), styles=("search.css",))
        # static-i18n re-runs on_config for each language of one build: read the data once.
        if not self.vocabulary or build_state.in_outer_build(config):
            root = Path(config.config_file_path).parent
            self.vocabulary = load(root / self.config.vocabulary_file)
            self._vocabulary_by_lang = {}
        # The offer when nothing matches is optional (a site without interface texts has none);
        # when the texts have it, it must be whole.
        if texts_of(config, build_state.default_language(config), "search_no_results", optional=True):
            require_keys(
                config,
                "search_no_results",
                ("text", "links"),
                "what the search dialog offers when nothing matches: text, and links as a "
                "list of {page: checklist.md, text: …}",
            )
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # static-i18n runs one build per language inside the first one: collect every language's
        # sections, and write the indexes once all are there (their folding needs the source's).
        if build_state.in_outer_build(config):
            self.sections = {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        add_package_assets(files, config, ASSETS, only=("search.css",))
        # Every page loads search.js: its comments (a quarter of it, compressed) stay in the source.
        publish_without_comments(files, config, ASSETS / "search.js")
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return html
        if not self.indexed(page):
            return html
        lang = build_state.page_language(page, config).code
        # The file name inside its language folder (a generated language's files are its source's).
        name = page.file.src_uri.split("/", 1)[-1]
        sections = split_sections(html, page.url, page.title)
        for section in sections:
            section.background = name in self.config.background_pages
        if self.config.vocabulary_at == "index":
            for section in sections:
                entry = self.vocabulary_entries(config, lang).get((name, section.url.rpartition("#")[2]))
                if entry:
                    section.aliases = " ".join(entry.aliases)
        self.sections.setdefault(lang, []).extend(sections)
        return html

    def vocabulary_entries(self, config: MkDocsConfig, lang: str) -> dict[tuple[str, str], Readers]:
        """(page file, section id) -> ``lang``'s vocabulary entry (a generated language's: its
        source's, converted), in both vocabulary modes."""
        if lang not in self._vocabulary_by_lang:
            generated = {
                code: (source, converter.text)
                for code, (source, converter) in build_state.generated_languages(config).items()
            }
            self._vocabulary_by_lang[lang] = for_language(self.vocabulary, lang, generated)
        return self._vocabulary_by_lang[lang]

    def indexed(self, page: Page) -> bool:
        """Front matter decides (wallet_guide.audience), else the `index_pages` option."""
        return in_reader_search(page.meta, default=self.config.index_pages)

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if self.config.enabled:
            lang = build_state.page_language(page, config).code
            self.add_settings(context, lang)
            context["wg_search_no_results"] = self.no_results(config, lang, nav)
            context["wg_search_top"] = texts_of(config, lang, "search_top", optional=True) or ""
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        """The 404 page has a search box too (partials/search.html), in the language being built."""
        if self.config.enabled and template_name == "404.html":
            lang = build_state.current_language(config).code
            self.add_settings(context, lang)
            context["wg_search_no_results"] = self.no_results(config, lang, context["nav"])
            context["wg_search_top"] = texts_of(config, lang, "search_top", optional=True) or ""
        return context

    def add_settings(self, context, lang: str) -> None:
        """search.js's index folder for this language, the index folders of the other script
        (cross-language matching), and the whole index in one file, which the service worker
        saves for offline search (site-root relative; partials/search.html is included when they
        are set)."""
        folder = self.index_folder(lang)
        add_page_settings(
            context,
            search={"index": f"{folder}/", "bundle": f"{folder}.json", "cross": self.cross_folders(lang)},
        )

    def cross_folders(self, lang: str) -> list[str]:
        """The index folders a query word missing in ``lang``'s index is looked up in: the
        languages of the other script (a generated language folds into its source's words)."""
        config = self._config
        codes = [] if config is None else [language.code for language in build_state.languages(config)]
        generated = {} if config is None else build_state.generated_languages(config)
        return [
            f"{self.index_folder(code)}/"
            for code in codes
            if code not in generated and is_chinese(code) != is_chinese(lang)
        ]

    def index_folder(self, lang: str) -> str:
        return f"{self.config.index_dir.strip('/')}/{lang}"

    def no_results(self, config: MkDocsConfig, lang: str, nav) -> dict | None:
        """The offer when nothing matches: its text and links (site-root relative URLs); None
        when the site's interface texts have no ``search_no_results``."""
        offer = texts_of(config, lang, "search_no_results", optional=True)
        if offer is None:
            return None
        # The language build's nav has the pages at their final addresses (static-i18n moves them).
        # Keyed by the file name inside its language folder: a generated language's pages are its
        # source's files (docs/zh/…), converted.
        pages = self.pages_by_name(nav)
        links = []
        for link in offer["links"]:
            file = pages.get(link["page"])
            if file is None:
                raise PluginError(
                    f"data/interface/{lang}.yml: search_no_results links to "
                    f"{link['page']}, which is not a page of docs/{lang}/ (name a page file there)."
                )
            links.append({"url": file.url, "text": link["text"]})
        return {"text": offer["text"], "unavailable": offer["unavailable"], "links": links}

    def pages_by_name(self, nav: Navigation) -> dict[str, Page]:
        """The nav's pages by file name inside their language folder, found once per nav (every
        page asks)."""
        if self._pages_by_name is None or self._pages_by_name[0] is not nav:
            self._pages_by_name = (nav, {p.file.src_uri.split("/", 1)[-1]: p for p in nav.pages})
        return self._pages_by_name[1]

    def expansions(self, config: MkDocsConfig, lang: str, folding: Folding) -> dict[str, str]:
        """alias -> the article's words, folded, for the vocabulary applied at query time."""
        return {
            folding.fold(alias): folding.fold(entry.words)
            for entry in self.vocabulary_entries(config, lang).values()
            for alias in entry.aliases
        }

    def folding(self, config: MkDocsConfig) -> Folding:
        """The site's one folding: characters, and the regional words its generated languages
        use (where their sections' text differs from their source's)."""
        generated = build_state.generated_languages(config)
        texts = []
        for lang, (source, _) in generated.items():
            root = build_state.language(config, lang).root
            own = {s.url: s for s in self.sections.get(lang, [])}
            for section in self.sections.get(source, []):
                converted = own.get(root + section.url)
                if converted is not None:
                    texts.append(
                        (section.title + "\n" + section.text, converted.title + "\n" + converted.text)
                    )
        return Folding(words=regional_words(texts, [converter.text for _, converter in generated.values()]))

    @event_priority(build_state.AFTER_ALL_LANGUAGES)  # every language's sections are collected
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not build_state.in_outer_build(config):
            return
        layout = IndexLayout(
            term_shard_bytes=self.config.index_term_shard_bytes,
            max_postings=self.config.index_max_postings,
        )
        started = time.perf_counter()
        folding = self.folding(config)
        folding_seconds = time.perf_counter() - started
        source_text = "".join(
            folding.fold(s.title + "\n" + s.text)
            for lang, sections in self.sections.items()
            if lang not in build_state.generated_languages(config) and is_chinese(lang)
            for s in sections
        )
        colloquial = colloquial_table.load(
            Path(config.config_file_path).parent / self.config.folding_file, source_text
        )
        for lang, sections in self.sections.items():
            folder = Path(config.site_dir) / self.index_folder(lang)
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.json"):
                stale.unlink()
            expansions = (
                self.expansions(config, lang, folding) if self.config.vocabulary_at == "query" else None
            )
            root = build_state.language(config, lang).root
            keys = [s.url.removeprefix(root) for s in sections]
            files = build_files(lang, sections, layout, expansions, folding, keys, colloquial)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
            size = sum(len(t.encode()) for t in files.values())
            # Beside the folder (not in it: the folder is the index, file by file). Without it
            # (too large), the worker's fetch finds nothing and offline search says so.
            bundle = folder.parent / f"{lang}.json"
            bundle.unlink(missing_ok=True)
            if size <= self.config.offline_index_max_kib * 1024:
                bundle.write_text(offline_bundle(files), encoding="utf-8")
            else:
                log.info(f"search index '{lang}': over offline_index_max_kib, not saved for offline search")
            log.info(f"search index '{lang}': {len(sections)} sections, {len(files)} files, {size} bytes")
        log.info(f"search folding: {len(folding.words)} regional words, found in {folding_seconds:.2f} s")
