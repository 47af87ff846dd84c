"""The other-language versions of a page, and the sitemap that announces them (hreflang)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wallet_guide.build_state import Language


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    site_url: str  # relative to the site root, e.g. "en/causes/"
    href: str  # relative to the page that links to it


@dataclass
class SitemapEntry:
    lang: str
    site_url: str
    alternates: dict[str, str]  # lang -> site-root-relative URL


def site_path(url: str) -> str:
    """MkDocs calls the home page "./"; as a path under the site root that is ""."""
    return "" if url in (".", "./") else url


def alternate_links(page: Page, files: dict[Language, File]) -> list[Alternate]:
    """One entry per language that has this page (``files``: build_state.page_alternates)."""
    return [
        Alternate(lang.code, lang.name, site_path(file.url), get_relative_url(file.url, page.url))
        for lang, file in files.items()
    ]


def render_sitemap(entries: list[SitemapEntry], site_url: str, x_default: str) -> str:
    """A sitemap whose every URL lists all its language versions (Google's hreflang format)."""
    base = site_url.rstrip("/") + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{escape(base + entry.site_url)}</loc>")
        for lang, url in entry.alternates.items():
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(base + url)}"/>'
            )
        if x_default in entry.alternates:
            href = escape(base + entry.alternates[x_default])
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{href}"/>')
        lines.append("  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


_PERMALINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")Permanent link(")')


def localize_permalinks(html: str, title: str) -> str:
    """Replace the toc extension's default ¶ tooltip with ``title`` (escaped)."""
    return _PERMALINK_TITLE.sub(lambda m: m.group(1) + escape(title, {'"': "&quot;"}) + m.group(2), html)
