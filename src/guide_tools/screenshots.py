"""Phone-width screenshots (390 x 844) for reviewers: the home page, one tap on a tile (the
charged path, a symptom), the guided flow of «不确定» (first question, third, its fix), the
checklist with a box ticked, the charged section and the first step of the solutions page, and
the support page with its summary (details filled in; its channels when built with some), in
each language and colour scheme. Built with support channels, it also prints where the first of
them stands at the end of each path (the charged and symptom tiles, the guided flow). Builds the site into a temporary folder for the address it is served
at (as the tests do), then saves PNGs into screenshots/ (gitignored) and prints where the
reader's way in and the fixes land on the screen.

    scripts/guide.py screenshots [--out screenshots]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from guide_tools import PROJECT_ROOT, static_server
from guide_tools.browser import launch
from guide_tools.build import strict_build
from wallet_guide.data.questions import answers_to, parse_questions
from wallet_guide.data.url_contract import load_contract

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


def shoot(base_url: str, out: Path, languages: dict[str, str] = LANGUAGES) -> list[Path]:
    from playwright.sync_api import sync_playwright

    paths = answers_to(repository_questions())
    saved = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for lang, root in languages.items():
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
                # One tap on a tile: its fix in view (the charged tile and the first symptom).
                for tick in ("charged", "network"):
                    page.goto(base_url + root)
                    page.click(f".wg-triage__target[data-wg-tick='{tick}']")
                    page.wait_for_url(f"**/checklist/?tick={tick}*")
                    page.wait_for_timeout(400)
                    print(
                        f"{lang} {scheme}: tile {tick}: fix at {top(page, f'#wg-fix-{tick}')} px"
                        + first_channel(page)
                    )
                    save(f"tile-{tick}")
                # «Not sure»: the first question, then one answer away from a fix.
                page.goto(base_url + root)
                page.click(".wg-triage__target[data-wg-tick='unsure']")
                page.wait_for_url("**/checklist/?tick=unsure*")
                page.wait_for_timeout(400)
                save("guide-first-question")
                for answer in paths["channel"][:-1]:
                    page.click(f"[data-wg-answer='{answer}']")
                save("guide-third-question")
                page.click(f"[data-wg-answer='{paths['channel'][-1]}']")
                page.wait_for_timeout(300)
                print(
                    f"{lang} {scheme}: guide: fix at {top(page, '#wg-fix-channel')} px" + first_channel(page)
                )
                save("guide-fix")
                # The money was taken: the check, and the way out inside it.
                page.click(".wg-guide__restart")
                for answer in paths["charged"]:
                    page.click(f"[data-wg-answer='{answer}']")
                page.wait_for_timeout(300)
                print(
                    f"{lang} {scheme}: guide: charged check at {top(page, '#wg-fix-charged')} px"
                    + first_channel(page)
                )
                save("guide-charged")
                page.goto(base_url + root + "checklist/")
                page.click(".wg-checklist__reset") if page.locator(
                    ".wg-checklist__reset"
                ).is_visible() else None
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
                page.goto(base_url + root + "solutions/#charged")
                page.wait_for_timeout(300)
                save("solutions-charged")
                page.goto(base_url + root + "solutions/")
                page.locator(".wg-solved__no").first.click()
                page.wait_for_timeout(300)
                save("solutions-not-solved")
                page.goto(base_url + root + "support/#wg-summary")
                page.wait_for_timeout(300)
                save("support")
                details = page.locator(".wg-summary__details")
                if details.count():
                    details.locator("input[name=amount]").fill("100")
                    details.locator("input[name=merchant]").fill("Example")
                    details.locator("input[value=yes]").check()
                    details.scroll_into_view_if_needed()
                    page.wait_for_timeout(200)
                    save("support-details")
                if page.locator(".wg-channels").count():
                    page.locator(".wg-channels").scroll_into_view_if_needed()
                    save("support-channels")
                context.close()
        browser.close()
    return saved


def first_channel(page) -> str:
    """Where the first support channel shown stands (built with channels), else nothing."""
    at = page.evaluate(
        """() => { const a = [...document.querySelectorAll('.wg-channels__action')].find(a => a.offsetParent);
                   return a ? Math.round(a.getBoundingClientRect().bottom) : null }"""
    )
    return "" if at is None else f", first channel's bottom at {at} px"


BOTTOM = "s => Math.round(Math.max(...[...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().bottom)))"


def repository_questions():
    """The guided flow of this checkout's data/checklist.yml (to walk it to each fix)."""
    import yaml

    data = yaml.safe_load((PROJECT_ROOT / "data" / "checklist.yml").read_text(encoding="utf-8"))
    return parse_questions(data["questions"])


def screenshots(out: Path, languages: list[str] | None = None, support_channels: Path | None = None) -> None:
    """``languages``: only these (default every one); ``support_channels``: build with this
    data/support-channels.yml (the support page's actions), e.g. the tests' example."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = {code: root for code, root in LANGUAGES.items() if not languages or code in languages}
    env = {"SUPPORT_CHANNELS": str(support_channels.resolve())} if support_channels else None
    with tempfile.TemporaryDirectory() as tmp:
        server, url = static_server.start(Path(tmp))
        try:
            result = strict_build(Path(tmp), site_url=url + "/", env=env)
            if not result.ok:
                sys.exit(f"build failed:\n{result.log}")
            saved = shoot(url, out, chosen)
        finally:
            server.shutdown()
            server.server_close()
    print(f"{len(saved)} screenshots in {out}")
