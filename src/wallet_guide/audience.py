"""Who a page is for: readers (the default) or the developers of a support portal.

One front-matter fact (`audience: developers`, on the integrator page) keeps a page out of what
readers and their portals are offered: the readers' search and the content API. These take a
page's front matter (``page.meta``), so the plugins and the checks decide alike."""

from __future__ import annotations

from collections.abc import Mapping

DEVELOPERS = "developers"


def is_for_readers(meta: Mapping | None) -> bool:
    return (meta or {}).get("audience") != DEVELOPERS


def in_reader_search(meta: Mapping | None, default: bool = True) -> bool:
    """`search: {exclude: …}` in the front matter decides, else a page for developers is left
    out, else ``default``."""
    options = (meta or {}).get("search")
    if isinstance(options, dict) and isinstance(options.get("exclude"), bool):
        return not options["exclude"]
    return default and is_for_readers(meta)
