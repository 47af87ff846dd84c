"""The one browser the tests, benchmarks and audits drive: Debian's Chromium, with the flags
this machine needs (no network beyond localhost: Chromium's own calls home stay quiet)."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Every launch's flags, Playwright's and Lighthouse's (lighthouse.py).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Chromium reads only the last --disable-features it is given, and Playwright passes one of its
# own (chromiumSwitches.ts: automation quirks such as PaintHolding): a list of ours replaces it,
# so ours repeats it. tests/test_browser_flags.py fails when an upgrade of Playwright adds one.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Chromium's own address-bar popup, a WebUI page that the full (new) headless Chromium loads
# in every new window: about 1 s of CPU after each fresh tab's first page on these machines,
# for a toolbar no test sees; the page's rendering is not touched
# (docs-dev/decisions/0025-test-tiers.md, "The browser's own toolbar").
UNSEEN_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")


def disabled_features_switch() -> str:
    return "--disable-features=" + ",".join((*PLAYWRIGHT_DISABLED_FEATURES, *UNSEEN_BROWSER_UI))


def launch(playwright):
    """Debian's Chromium under Playwright (``sync_playwright()``'s object), headless."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, disabled_features_switch()]
    )
