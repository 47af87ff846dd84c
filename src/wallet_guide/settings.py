"""How build settings reach our JavaScript: one way per kind of script
(docs-dev/decisions/0013-build-settings-in-javascript.md).

- A script on a page reads one JSON block, ``<script type="application/json" id="wg-settings">``,
  that ``overrides/main.html`` renders from the page's ``wg_settings``. Each plugin adds its part
  with :func:`add_page_settings` (or, for what is known only once every language is built, to
  the written page with :func:`add_settings_to_html`). ``root`` is the site's root as seen
  from the page (an absolute path on a 404 page, which is served at any depth); every other
  address in the block is relative to it, so a script never guesses how deep the page or
  itself is.
- A file that runs where there is no page of ours (``embed.js`` on a portal's page, ``sw.js`` in
  its worker) is published inside a wrapper that hands it its settings (:func:`with_settings`):
  no DOM to read, no request to make, and the pinned embed.js's integrity hash covers them. The
  source files use the free name ``SETTINGS`` and run unchanged inside it.
"""

from __future__ import annotations

import json
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

PAGE_SETTINGS = "wg_settings"  # the template context's key
SETTINGS_NAME = "SETTINGS"  # the wrapped files' parameter
SETTINGS_ELEMENT_ID = "wg-settings"  # the page block (overrides/main.html, read by our scripts)


def add_page_settings(context: dict[str, Any], **parts: Any) -> None:
    """Add ``parts`` (JSON values) to the page's settings block."""
    context.setdefault(PAGE_SETTINGS, {}).update(parts)


def add_settings_to_html(html: str, **parts: Any) -> str:
    """``html``, a written page, with ``parts`` added to its settings block: for what is known
    only once every language is built (the 404 pages' lists of pages). Escaped as the
    template's ``tojson`` escapes (no ``</script>`` can end the block early)."""
    start, end = _settings_span(html)
    settings = {**json.loads(html[start:end]), **parts}
    return html[:start] + str(htmlsafe_json_dumps(settings, sort_keys=True)) + html[end:]


def has_page_settings(html: str) -> bool:
    return _SETTINGS_START in html


def with_settings(source: str, settings: dict[str, Any]) -> str:
    """``source`` run with ``SETTINGS`` bound to ``settings``: no global name is added (embed.js
    may be loaded twice on a portal's page). Keys keep their order (sw.js lists its language
    roots longest first)."""
    return (
        f"/* Built by wallet_guide/settings.py: the source, run with {SETTINGS_NAME}. */\n"
        f"(({SETTINGS_NAME}) => {{\n{source.rstrip()}\n}})"
        f"({json.dumps(settings, ensure_ascii=False)});\n"
    )


def published_settings(published: str) -> dict[str, Any]:
    """The settings of a file written by :func:`with_settings` (for tests and benchmarks)."""
    head, _, tail = published.rstrip().rpartition("\n})(")
    if not head or not tail.endswith(");"):
        raise ValueError("not a file published with wallet_guide.settings.with_settings")
    return json.loads(tail[: -len(");")])


_SETTINGS_START = f'<script type="application/json" id="{SETTINGS_ELEMENT_ID}">'


def _settings_span(html: str) -> tuple[int, int]:
    """Where the settings block's JSON starts and ends in a built page."""
    start = html.index(_SETTINGS_START) + len(_SETTINGS_START)
    return start, html.index("</script>", start)


def page_settings(html: str) -> dict[str, Any]:
    """The settings block of a built page (for tests and benchmarks)."""
    start, end = _settings_span(html)
    return json.loads(html[start:end])
