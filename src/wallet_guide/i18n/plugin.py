"""Language links that keep the page and section, and an hreflang sitemap for both languages."""

from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.assets import add_package_assets, link_assets
from wallet_guide.i18n.alternates import (
    SitemapEntry,
    alternate_links,
    localize_permalinks,
    pages_by_language,
    render_sitemap,
    site_path,
)
from wallet_guide.i18n.config import I18nLinksConfig
from wallet_guide.settings import add_settings_to_html, has_page_settings
from wallet_guide.texts import interface_texts, texts_of

ASSETS = Path(__file__).parent / "assets"
NOT_FOUND_SCRIPT = "not-found.js"  # the 404 page's offer of the page meant in each language


class I18nLinksPlugin(BasePlugin[I18nLinksConfig]):
    def __init__(self) -> None:
        self.sitemap: list[SitemapEntry] = []
        self.not_found_pages: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # static-i18n re-runs on_config for each language of one build: reset only on the first.
        if build_state.is_last_language_pass(config):
            self.sitemap = []
            self.not_found_pages = {}
        interface_texts(config)  # stops the build on a mistake in the texts, before any page
        codes = [lang.code for lang in build_state.languages(config)]
        if self.config.sitemap_x_default not in (None, *codes):
            raise PluginError(
                f"mkdocs.yml: plugins.wallet-guide-i18n.sitemap_x_default: "
                f"'{self.config.sitemap_x_default}' is not a language of the site — name one of "
                f"{', '.join(codes)} (plugins: i18n: languages:), or remove it for the default language"
            )
        link_assets(config, scripts=("language-switcher.js",))
        return config

    @event_priority(-110)  # after static-i18n has sorted the files into languages (-100)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # not-found.js is written into the 404 pages instead (on_template_context).
        add_package_assets(files, config, ASSETS, only=("language-switcher.js",))
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return html
        title = texts_of(config, build_state.page_language(page, config), "permalink_title", optional=True)
        return localize_permalinks(html, title) if title else html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        language = build_state.page_language(page, config)
        alternates = alternate_links(page, build_state.page_alternates(page, config), language)
        context["wg_alternates"] = alternates
        # The language button names the page's language: zh-tw and zh-hk say which Chinese they are.
        button = texts_of(config, language, "language_button", optional=True)
        context["wg_language_button"] = button.replace("{language}", language.name) if button else None
        self.sitemap.append(
            SitemapEntry(
                lang=language.code,
                site_url=site_path(page.url),
                alternates={alt.lang: alt.site_url for alt in alternates},
            )
        )
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        # Inline: a published file would be one more request on the 404 page and one more file
        # the service worker precaches on every reader's first visit (+1.9 KiB, +1 request).
        if self.config.enabled and template_name == "404.html":
            context["wg_not_found_script"] = (ASSETS / NOT_FOUND_SCRIPT).read_text(encoding="utf-8")
        return context

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig):
        # Every language pass writes its 404 page to the site root, the last one winning:
        # keep each, and put them at <language root>/404.html once all are built.
        if self.config.enabled and template_name == "404.html":
            self.not_found_pages[build_state.current_language(config).code] = output_content
        return output_content

    @event_priority(build_state.AFTER_ALL_LANGUAGES)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not build_state.is_last_language_pass(config):
            return
        site_dir = Path(config.site_dir)
        x_default = self.config.sitemap_x_default or build_state.default_language(config).code
        hreflangs = {lang.code: lang.html_lang for lang in build_state.languages(config)}
        pages = pages_by_language(self.sitemap, build_state.languages(config))
        for lang in build_state.languages(config):
            # Material's instant navigation reads <language root>/sitemap.xml to know which links
            # stay in the app; the root one also serves search engines, so it lists every page.
            entries = [e for e in self.sitemap if lang.is_default or e.lang == lang.code]
            target = site_dir / lang.root
            xml = render_sitemap(entries, config.site_url or "/", x_default, hreflangs)
            target.mkdir(parents=True, exist_ok=True)
            (target / "sitemap.xml").write_text(xml, encoding="utf-8")
            (target / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode(), mtime=0))
            if lang.code in self.not_found_pages:
                (target / "404.html").write_text(self._not_found_page(lang, pages), encoding="utf-8")

    def _not_found_page(self, lang: build_state.Language, pages: dict[str, list[str]]) -> str:
        """The kept 404 page of ``lang``, with every language's pages for not-found.js, which
        offers the page that the missing address meant in each language that has it."""
        html = self.not_found_pages[lang.code]
        return add_settings_to_html(html, not_found={"pages": pages}) if has_page_settings(html) else html
