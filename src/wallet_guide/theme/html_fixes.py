"""Corrections to markup that Material writes outside any template block we could override."""

from __future__ import annotations

import re

# Material's drawer/search toggles are checkboxes with autocomplete="off" (to stop Firefox
# restoring them on reload). The HTML standard allows autocomplete on text-like inputs only,
# so the Nu HTML Checker rejects it; Material's own JS resets the toggles on load anyway.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def drop_checkbox_autocomplete(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def apply_all(html: str) -> str:
    return drop_checkbox_autocomplete(html)
