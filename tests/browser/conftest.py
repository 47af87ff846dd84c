"""What the browser tests share beyond tests/conftest.py: the phone a reader holds."""

from __future__ import annotations

import time

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


class HeldRequests:
    """Holds a tab's requests for ``pattern`` (Playwright's route) until released: a script that
    arrives late on a slow network. A first visit's only: a service worker's fetches pass by."""

    def __init__(self, tab, pattern: str) -> None:
        self.tab = tab
        self.held: list = []
        tab.route(pattern, self._hold)

    def _hold(self, route) -> None:
        self.held.append(route)

    def wait(self, seconds: float = 10) -> None:
        """Until the page has asked for it: the markup before it has been parsed by then."""
        deadline = time.monotonic() + seconds
        while not self.held:
            assert time.monotonic() < deadline, f"not requested within {seconds} s"
            self.tab.wait_for_timeout(20)

    def release(self) -> None:
        for route in self.held:
            route.continue_()
