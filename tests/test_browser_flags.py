"""Our --disable-features replaces Playwright's (Chromium reads the last one given), so it must
repeat every feature the installed Playwright turns off."""

from __future__ import annotations

import re
from pathlib import Path

import playwright

from guide_tools.browser import PLAYWRIGHT_DISABLED_FEATURES, UNSEEN_BROWSER_UI, disabled_features_switch

DRIVER = Path(playwright.__file__).parent / "driver" / "package" / "lib"


def playwright_disabled_features(source: str) -> list[str]:
    """The names in chromiumSwitches.ts' `disabledFeatures = [...]`, as Playwright's bundle has it."""
    block = re.search(r"disabledFeatures = \[(.*?)\]", source, re.DOTALL)
    if block is None:
        return []
    code = re.sub(r"//[^\n]*", "", block.group(1))
    return re.findall(r'"([A-Za-z0-9]+)"', code)


def test_the_list_is_read_from_a_switches_file():
    source = 'disabledFeatures = [\n  // See "Why"\n  "PaintHolding",\n  "MediaRouter"\n].filter(Boolean);'
    assert playwright_disabled_features(source) == ["PaintHolding", "MediaRouter"]


def test_our_switch_keeps_every_feature_playwright_turns_off():
    bundles = [f for f in DRIVER.rglob("*.js") if "chromiumSwitches" in f.read_text(encoding="utf-8")]
    theirs = sorted(
        {name for f in bundles for name in playwright_disabled_features(f.read_text(encoding="utf-8"))}
    )
    assert theirs, (
        f"no `disabledFeatures = [...]` found in Playwright's driver ({DRIVER}): find where "
        "chromiumSwitches.ts went and update tests/test_browser_flags.py"
    )
    missing = [name for name in theirs if name not in PLAYWRIGHT_DISABLED_FEATURES]
    assert missing == [], (
        f"Playwright now turns off {missing} too; our --disable-features would turn them back on: "
        "add them to PLAYWRIGHT_DISABLED_FEATURES in src/guide_tools/browser.py"
    )
    switch = disabled_features_switch()
    assert all(name in switch.split("=", 1)[1].split(",") for name in (*theirs, *UNSEEN_BROWSER_UI))
