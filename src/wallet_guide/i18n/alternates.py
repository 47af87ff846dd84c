"""The other-language versions of a page, and the sitemap that announces them (hreflang)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wallet_guide import html_text
from wallet_guide.build_state import Language


@dataclass(frozen=True)
class Alternate:
    lang: str  # the language's code, as the site names it: "zh-tw"
    html_lang: str  # its BCP 47 tag, for hreflang= and lang=: "zh-TW"
    current: bool  # the page's own language
    name: str
    site_url: str  # relative to the site root, e.g. "en/causes/"
    href: str  # relative to the page that links to it


@dataclass
class SitemapEntry:
    lang: str
    site_url: str
    alternates: dict[str, str]  # lang -> site-root-relative URL


def pages_by_language(entries: list[SitemapEntry], languages: list[Language]) -> dict[str, list[str]]:
    """Every built page's path under its language's root ("", "causes/"), per language code: what
    a 404 page offers (not-found.js). From the sitemap, which lists every page once all are built."""
    pages: dict[str, list[str]] = {lang.code: [] for lang in languages}
    roots = {lang.code: lang.root for lang in languages}
    for entry in entries:
        pages[entry.lang].append(entry.site_url.removeprefix(roots[entry.lang]))
    return pages


def site_path(url: str) -> str:
    """MkDocs calls the home page "./"; as a path under the site root that is ""."""
    return "" if url in (".", "./") else url


def alternate_links(page: Page, files: dict[Language, File], current: Language) -> list[Alternate]:
    """One entry per language that has this page (``files``: build_state.page_alternates;
    ``current``: the page's language)."""
    return [
        Alternate(
            lang.code,
            lang.html_lang,
            lang == current,
            lang.name,
            site_path(file.url),
            get_relative_url(file.url, page.url),
        )
        for lang, file in files.items()
    ]


TEMPLATES = Path(__file__).parent / "templates"
_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def render_sitemap(
    entries: list[SitemapEntry], site_url: str, x_default: str, hreflangs: Mapping[str, str] | None = None
) -> str:
    """A sitemap whose every URL lists all its language versions (templates/sitemap.xml);
    ``hreflangs``: language code -> its BCP 47 tag (Language.html_lang: zh-tw -> zh-TW)."""
    base = site_url.rstrip("/") + "/"
    return _templates.get_template("sitemap.xml").render(
        entries=entries,
        base=base,
        x_default=x_default,
        hreflangs=hreflangs or {},
    )


DEFAULT_PERMALINK_TITLE = "Permanent link"  # the toc extension's tooltip on the ¶


def localize_permalinks(html: str, title: str) -> str:
    """Replace the toc extension's default ¶ tooltip with ``title``."""

    def localized(node: html_text.Node) -> dict[str, str] | None:
        if (
            node.tag == "a"
            and "headerlink" in node.classes
            and node.attrs.get("title") == DEFAULT_PERMALINK_TITLE
        ):
            return {**node.attrs, "title": title}
        return None

    return html_text.rewrite(html, localized)
