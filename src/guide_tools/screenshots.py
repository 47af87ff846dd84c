"""Phone-width screenshots (390 x 844) for reviewers: the home page, the checklist with a box
ticked, the first step of the solutions page and the support page with its summary, in each
language and colour scheme. Builds the site into a temporary folder for the address it is served
at (as the tests do), then saves PNGs into screenshots/ (gitignored) and prints where the
reader's way in and the fixes land on the screen.

    scripts/guide.py screenshots [--out screenshots]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wallet_guide.data.url_contract import load_contract
from guide_tools import static_server
from guide_tools.browser import CHROMIUM, CHROMIUM_ARGS
from guide_tools.build import strict_build

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

PHONE: ViewportSize = {"width": 390, "height": 844}
# Every published language, from the URL contract (zh at /, en at /en/, zh-tw, zh-hk ...).
LANGUAGES = {language.code: language.root for language in load_contract().languages}
SCHEMES: tuple[Literal["light"], Literal["dark"]] = ("light", "dark")


def top(page, selector: str) -> int | None:
    """The element's top on the screen, in CSS px (None when absent)."""
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top) : null }",
        selector,
    )


def shoot(base_url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for lang, root in LANGUAGES.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True
                )
                page = context.new_page()

                def save(name: str, page=page, suffix=f"{lang}-{scheme}") -> None:
                    path = out / f"{name}-{suffix}.png"
                    page.screenshot(path=str(path))
                    saved.append(path)

                page.goto(base_url + root)
                print(
                    f"{lang} {scheme}: home: title at {top(page, '.wg-triage__title')} px, "
                    f"last target's bottom at {page.evaluate(BOTTOM, '.wg-triage__target')} px"
                )
                save("home")
                page.goto(base_url + root + "checklist/")
                page.click("label[for='wg-check-box-network']")
                page.wait_for_timeout(300)
                print(f"{lang} {scheme}: checklist ticked: bar at {top(page, '.wg-checklist__bar')} px")
                save("checklist-ticked")
                page.click(".wg-checklist__show")
                page.wait_for_timeout(800)
                print(
                    f"{lang} {scheme}: after the bar: fix at {top(page, '.wg-checklist__fix:not([hidden])')} px"
                )
                save("checklist-fixes")
                page.goto(base_url + root + "solutions/")
                page.locator(".wg-solved__no").first.click()
                page.wait_for_timeout(300)
                save("solutions-not-solved")
                page.goto(base_url + root + "support/#wg-summary")
                page.wait_for_timeout(300)
                save("support")
                context.close()
        browser.close()
    return saved


BOTTOM = "s => Math.round(Math.max(...[...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().bottom)))"


def screenshots(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server, url = static_server.start(Path(tmp))
        try:
            result = strict_build(Path(tmp), site_url=url + "/")
            if not result.ok:
                sys.exit(f"build failed:\n{result.log}")
            saved = shoot(url, out)
        finally:
            server.shutdown()
            server.server_close()
    print(f"{len(saved)} screenshots in {out}")
