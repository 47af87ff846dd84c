"""Corrections to markup that Material writes outside any template block we could override."""

from __future__ import annotations

import re

# Material's drawer/search toggles are checkboxes with autocomplete="off" (to stop Firefox
# restoring them on reload). The HTML standard allows autocomplete on text-like inputs only,
# so the Nu HTML Checker rejects it; Material's own JS resets the toggles on load anyway.
_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"'
)


def drop_checkbox_autocomplete(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


# A code block wider than the screen scrolls sideways, so a keyboard user must be able to focus
# it (WCAG 2.1.1; axe: scrollable-region-focusable). Material's bundle adds tabindex to the
# blocks that overflow, but it now loads on the first interaction (material-loader.js), and
# whether a block overflows depends on the reader's screen: every code block gets it.
_CODE_BLOCK = re.compile(r"(<pre>(?:<span></span>)?<code)>")


def focusable_code_blocks(html: str) -> str:
    return _CODE_BLOCK.sub(r'\1 tabindex="0">', html)


# The table of contents' title is a <label for="__toc">, and Material renders the __toc toggle
# in the page's own entry of the navigation: a page kept out of the nav (not_in_nav, the
# integrator page) has none, and a label for a missing control is invalid HTML.
_TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')


def drop_orphan_toc_label(html: str) -> str:
    return html if 'id="__toc"' in html else _TOC_LABEL.sub(r"\1", html)


def apply_all(html: str) -> str:
    return drop_orphan_toc_label(focusable_code_blocks(drop_checkbox_autocomplete(html)))
