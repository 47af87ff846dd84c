"""Adjustments to Material: valid HTML (html_fixes.py), a lazily loaded bundle (assets/, whose
name is read from the installed theme: material.py), the page settings every script starts from
(the site's root and our asset folder: wallet_guide/settings.py), and what the templates need per
language: footer links, a short header title, the 404 page's texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from wallet_guide import build_state
from wallet_guide.assets import SITE_ASSET_DIR, add_package_assets
from wallet_guide.build_state import Language
from wallet_guide.settings import add_page_settings
from wallet_guide.texts import require_keys, texts_of
from wallet_guide.theme.config import ThemeFixesConfig
from wallet_guide.theme.html_fixes import apply_all
from wallet_guide.theme.material import bundle_path
from wallet_guide.theme.template_cache import SharedBytecodeCache

ASSETS = Path(__file__).parent / "assets"
NOT_FOUND_TEXTS = ("title", "elsewhere", "text", "search", "checklist", "home")


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class LanguageRoot:
    """A language as the 404 page offers it: not-found.js adds the page path to ``root``."""

    code: str
    name: str  # in its own script (Language.name): 繁體中文（台灣）
    html_lang: str  # for lang= and hreflang=
    root: str  # its root path from the site's root: "/zh-tw/"


class ThemeFixesPlugin(BasePlugin[ThemeFixesConfig]):
    def __init__(self) -> None:
        self.files: Files | None = None
        self.bundle = ""
        self.template_cache = SharedBytecodeCache()

    def on_config(self, config: MkDocsConfig):
        if not self.config.enabled:
            return config
        self.bundle = bundle_path()  # fails the build, saying what to check, if Material changed
        if texts_of(config, build_state.default_language(config), "not_found", optional=True) is not None:
            require_keys(config, "not_found", NOT_FOUND_TEXTS, "the 404 page's texts")
        self._name_palette_toggles(config, build_state.current_language(config))
        return config

    @staticmethod
    def _name_palette_toggles(config: MkDocsConfig, lang: Language) -> None:
        """Material's dark/light toggle, named in the language of this pass (mkdocs.yml's
        theme.palette gives the schemes and icons once, for every language)."""
        names = texts_of(config, lang, "palette_toggle", optional=True)
        if names is None:
            return
        for entry in config.theme.get("palette", []):
            scheme = entry.get("scheme", "default")
            if scheme not in names:
                raise PluginError(
                    f"data/interface/{lang.code}.yml: palette_toggle lacks {scheme} — name the "
                    f"toggle shown in the '{scheme}' scheme of mkdocs.yml's theme.palette"
                )
            entry.setdefault("toggle", {})["name"] = names[scheme]

    @event_priority(-110)  # after static-i18n has sorted the files into languages (-100)
    def on_files(self, files: Files, config):
        if not self.config.enabled:
            return files
        add_package_assets(files, config, ASSETS)  # material-loader.js, used by overrides/main.html
        self.files = files
        return files

    def on_env(self, env: Environment, config, files):
        if self.config.enabled:
            env.bytecode_cache = self.template_cache  # compiled once, not once per language pass
        return env

    def _page_url(self, name: str, lang: Language, config: MkDocsConfig) -> str:
        """The site-root-relative address of the page ``name`` in ``lang``."""
        for file in self.files or []:
            if (
                file.is_documentation_page()
                and Path(file.src_uri).name == name
                and build_state.file_language(file, config) == lang
            ):
                return file.url
        raise PluginError(
            f"data/interface/{lang.code}.yml: links to {name}, which is not a page in "
            f"docs/{lang.code}/ — name a page of that folder"
        )

    @staticmethod
    def _href(url: str, config: MkDocsConfig, relative_to: str | None) -> str:
        """``url`` (site-root relative) as a link from the page at ``relative_to``; None: from
        the 404 page, which is served at any depth, so from the site's root path."""
        if relative_to is None:
            return urlsplit(config.site_url or "/").path.rstrip("/") + "/" + ("" if url == "./" else url)
        return get_relative_url(url, relative_to)

    def _context(self, context, lang: Language, config: MkDocsConfig, relative_to: str | None):
        add_page_settings(
            context,
            root=self._href("./", config, relative_to),
            assets=f"{SITE_ASSET_DIR}/",
            bundle=self.bundle,
        )
        context["wg_footer_links"] = [
            Link(self._href(self._page_url(link["page"], lang, config), config, relative_to), link["text"])
            for link in texts_of(config, lang, "footer_links", optional=True) or []
        ]
        context["wg_short_title"] = texts_of(config, lang, "short_title", optional=True)
        return context

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        return self._context(context, build_state.page_language(page, config), config, page.url)

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if not self.config.enabled or template_name != "404.html":
            return context
        lang = build_state.current_language(config)
        context = self._context(context, lang, config, None)
        texts = texts_of(config, lang, "not_found", optional=True)
        if texts is not None:
            home, checklist = (
                self._href(self._page_url(name, lang, config), config, None)
                for name in ("index.md", "checklist.md")
            )
            # The page's own language first; not-found.js shows those that have the page meant.
            others = [other for other in build_state.languages(config) if other != lang]
            languages = [
                LanguageRoot(
                    each.code, each.name, each.html_lang, self._href(each.root or "./", config, None)
                )
                for each in [lang, *others]
            ]
            context["wg_not_found"] = {
                **texts,
                "home_url": home,
                "checklist_url": checklist,
                "languages": languages,
            }
        return context

    @event_priority(-90)  # on the final page HTML, after other plugins have added theirs
    def on_post_page(self, output: str, page, config):
        if not self.config.enabled:
            return output
        return apply_all(output, page.file.src_uri)

    @event_priority(50)  # before wallet-guide-i18n keeps each language's 404 page
    def on_post_template(self, output_content: str, template_name: str, config):
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return apply_all(output_content, template_name)
