"""Who a page is for: readers (the default) or the developers of a support portal.

One front-matter fact (`audience: developers`, on the integrator page) keeps a page out of what
readers and their portals are offered: the site's search and the content API."""

from __future__ import annotations

from mkdocs.structure.pages import Page

DEVELOPERS = "developers"


def is_for_readers(page: Page) -> bool:
    return page.meta.get("audience") != DEVELOPERS
