"""Shared fixtures: one strict build of the site per test session, served on localhost,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from guide_tools import static_server
from guide_tools.browser import CHROMIUM, CHROMIUM_ARGS
from guide_tools.build import BuildRun, strict_build

ROOT = Path(__file__).resolve().parent.parent
EMBED_HOST = ROOT / "tests" / "browser" / "embed_host"  # a support portal's page, for test_embed


# The test tiers are folders (`make test-fast`: all but tests/browser/ and tests/audit/;
# `make test-browser`: tests/browser/; `make test-audit`: tests/audit/; `make test`: all), so the
# fast tier does not even import Playwright. Each test also gets its tier's marker (`-m browser`).
TIER_FOLDERS = {"browser": ROOT / "tests" / "browser", "audit": ROOT / "tests" / "audit"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.path))
        tiers = [marker for marker, folder in TIER_FOLDERS.items() if path.is_relative_to(folder)]
        if "browser" in getattr(item, "fixturenames", ()) and not tiers:
            raise pytest.UsageError(
                f"{item.nodeid} drives Chromium (the `browser` fixture) outside tests/browser/ and "
                "tests/audit/, so `make test-fast` would run it: move it into tests/browser/"
            )
        for marker in tiers:
            item.add_marker(marker)


def run_build(site_dir: Path, site_url: str | None = None, env: dict[str, str] | None = None) -> BuildRun:
    """The strict build of this checkout (by $MKDOCS when set: `make build-properdocs`)."""
    return strict_build(site_dir, cwd=ROOT, site_url=site_url, env=env)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The test web server, started first: the site is built for its address (site_url),
    as a deployment is, because Material's instant navigation compares links with the
    sitemap's absolute URLs."""
    root = tmp_path_factory.mktemp("site")
    server, url = serve(root)
    yield root, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def headers_host(server, build) -> str:
    """The same built site on another origin, served as Netlify or Cloudflare Pages serve it:
    with the headers of its `_headers` file (the main server ignores it, as GitHub Pages does).
    Only for what headers decide (frame-ancestors, CORS): the site is built for the main origin."""
    root, _ = server
    headers_server, url = static_server.start(root, apply_headers=True)
    yield url
    headers_server.shutdown()
    headers_server.server_close()


@dataclass
class Portals:
    allowed: str  # origin on the build's embed allow-list
    foreign: str  # origin that is not


@pytest.fixture(scope="session")
def portals():
    """Two support portals serving tests/browser/embed_host/ on other localhost origins (other
    ports); the site is built with only the first on its embed allow-list."""
    servers = [serve(EMBED_HOST) for _ in range(2)]
    yield Portals(allowed=servers[0][1], foreign=servers[1][1])
    for server, _ in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def build(server, portals) -> BuildRun:
    root, url = server
    result = run_build(root, site_url=url + "/", env={"EMBED_ALLOWED_ORIGINS": portals.allowed})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.log}"
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site_dir


@pytest.fixture(scope="session")
def base_url(server, build) -> str:
    return server[1]


def serve(directory: Path):
    """A localhost server that compresses text and serves 404 pages, as a real host does."""
    return static_server.start(directory)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's Chromium. "
            "Run `make system-packages` (as root) or `sudo apt-get install chromium`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tabs(browser, base_url):
    """Opens tabs, each in a fresh context (Playwright's context options; the site's origin
    unless ``base_url`` is given), all closed after the test. A tab collects the page's script
    errors in ``tab.console_errors``."""
    contexts = []

    def open_tab(**options):
        context = browser.new_context(**{"base_url": base_url, **options})
        context.set_default_timeout(10_000)
        contexts.append(context)
        tab = context.new_page()
        tab.console_errors = []
        tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()
