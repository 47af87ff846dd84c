"""What the browser tests share beyond tests/conftest.py: the phone a reader holds."""

from __future__ import annotations

import pytest

from tests.languages import CODES

PHONE = {"width": 390, "height": 844}  # CSS px: the phone every reader-path test holds
# The reader's pages, in the menu's order (of urgency): the root of each language + these.
READER_PAGES = [
    "",
    "checklist/",
    "causes/",
    "solutions/",
    "support/",
    "best-practices/",
    "market-trends/",
    "outlook/",
]
SCHEMES = ("light", "dark")
# The readers a phone test holds: every language once, the schemes in turn (with mkdocs.yml's
# order: zh light, zh-tw dark, zh-hk light, en dark), so each scheme is driven in a translated
# and a generated language.
# A scheme changes colours, not layout: a test whose assertion reads colour in a screenshot
# takes EVERY_SCHEME (docs-dev/decisions/0025-test-tiers.md).
EVERY_SCHEME = [(lang, scheme) for lang in CODES for scheme in SCHEMES]
READERS = [(lang, SCHEMES[n % len(SCHEMES)]) for n, lang in enumerate(CODES)]


@pytest.fixture
def phone(tabs, base_url):
    """Opens a phone tab (390 x 844, touch) in a colour scheme, each in a fresh context (``tabs``;
    ``options``: Playwright's context options, e.g. another ``base_url``). The clipboard may be
    read back (the summary's copy button)."""

    def open_tab(scheme: str = "light", **options):
        tab = tabs(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme, **options)
        origin = options.get("base_url", base_url)
        tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        return tab

    return open_tab
