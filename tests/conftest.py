"""Shared fixtures: one strict build of the site per test session, served on localhost,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import fcntl
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from guide_tools import static_server
from guide_tools.browser import CHROMIUM, launch
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


# ---- Origins and builds shared by the whole session, across pytest-xdist workers ------------
#
# Each test web server is started once per session in the process that runs the session (the
# xdist controller, or pytest itself without -n): a build is made for its server's address
# (site_url), so every worker must load the site from that one address. Each worker learns the
# addresses from the controller (pytest_configure_node). A site is built at most once per session:
# the first worker that needs it builds under a file lock, the others read the recorded result.


@dataclass(frozen=True)
class Origin:
    root: Path  # the folder it serves
    url: str  # http://127.0.0.1:port, no trailing slash


# name: (the folder it serves: a path, another origin's name, or None for a build of its own;
# does it apply the site's `_headers`, as Netlify does?)
ORIGINS: dict[str, tuple[Path | str | None, bool]] = {
    "site": (None, False),  # the session's build (`build`, `site`, `base_url`), as GitHub Pages serves it
    "headers": ("site", True),  # the same build served with its `_headers` (`headers_host`)
    "portal-allowed": (EMBED_HOST, False),  # `portals`: on the site's embed allow-list
    "portal-foreign": (EMBED_HOST, False),  # and not
    "guide-with-headers": (None, True),  # test_embed_portal: built for an origin applying `_headers`
    "channels": (None, False),  # test_reader_paths: built with the example support channels
    "feedback": (None, False),  # test_help_centre: built with a feedback endpoint
    "english-only": (None, False),  # test_language_choice: a page in docs/en/ only
}


def start_origins(folder: Path) -> tuple[dict[str, Origin], list]:
    origins: dict[str, Origin] = {}
    servers = []
    for name, (served, headers) in ORIGINS.items():
        if isinstance(served, str):
            root = origins[served].root
        else:
            root = served or folder / name
            root.mkdir(exist_ok=True)
        server, url = static_server.start(root, apply_headers=headers)
        quiet_when_the_browser_goes(server)
        servers.append(server)
        origins[name] = Origin(root, url)
    return origins, servers


def quiet_when_the_browser_goes(server) -> None:
    """A tab closed while a file is being sent (a test ends) is no error of the site. The
    servers run in xdist's controller, whose output is not captured: without this each such
    close would print a traceback among the test results."""
    default = server.handle_error

    def handle_error(request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            default(request, client_address)

    server.handle_error = handle_error


def pytest_configure(config):
    if hasattr(config, "workerinput"):  # an xdist worker: the controller's origins
        shared = json.loads(config.workerinput["wallet_guide_origins"])
        config.wallet_guide_folder = Path(shared["folder"])
        config.wallet_guide_origins = {
            name: Origin(Path(o["root"]), o["url"]) for name, o in shared["origins"].items()
        }
        return
    folder = Path(tempfile.mkdtemp(prefix="wallet-guide-tests-"))
    config.wallet_guide_folder = folder
    config.wallet_guide_origins, config.wallet_guide_servers = start_origins(folder)
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(ShareWithWorkers())


def pytest_unconfigure(config):
    for server in getattr(config, "wallet_guide_servers", []):
        server.shutdown()
        server.server_close()
    if not hasattr(config, "workerinput") and hasattr(config, "wallet_guide_folder"):
        shutil.rmtree(config.wallet_guide_folder, ignore_errors=True)


class ShareWithWorkers:
    def pytest_configure_node(self, node):
        config = node.config
        node.workerinput["wallet_guide_origins"] = json.dumps(
            {
                "folder": str(config.wallet_guide_folder),
                "origins": {
                    n: {"root": str(o.root), "url": o.url} for n, o in config.wallet_guide_origins.items()
                },
            }
        )


def built_once(config, name: str, build: Callable[[], BuildRun]) -> BuildRun:
    """``build()``'s result, run by the first worker that asks for ``name``, recorded for the
    others (and for this worker's later asks)."""
    folder = config.wallet_guide_folder
    record = folder / f"{name}.build.json"
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not record.exists():
            result = build()
            record.write_text(
                json.dumps({**asdict(result), "site_dir": str(result.site_dir)}), encoding="utf-8"
            )
            return result
    recorded = json.loads(record.read_text(encoding="utf-8"))
    return BuildRun(**{**recorded, "site_dir": Path(recorded["site_dir"])})


def shared_site(request, name: str, env: dict[str, str] | None = None) -> tuple[BuildRun, str]:
    """A strict build of this checkout with ``env`` for the origin ``name`` (in ORIGINS), made once
    per session: (the build, the origin's address)."""
    config = request.config
    origin = config.wallet_guide_origins[name]
    result = built_once(config, name, lambda: run_build(origin.root, site_url=origin.url + "/", env=env))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.log}"
    return result, origin.url


@pytest.fixture(scope="session")
def server(request):
    """The test web server (root folder, address), started first: the site is built for its
    address (site_url), as a deployment is, because Material's instant navigation compares links
    with the sitemap's absolute URLs."""
    origin = request.config.wallet_guide_origins["site"]
    return origin.root, origin.url


@pytest.fixture(scope="session")
def headers_host(request, build) -> str:
    """The same built site on another origin, served as Netlify or Cloudflare Pages serve it:
    with the headers of its `_headers` file (the main server ignores it, as GitHub Pages does).
    Only for what headers decide (frame-ancestors, CORS): the site is built for the main origin."""
    return request.config.wallet_guide_origins["headers"].url


@dataclass
class Portals:
    allowed: str  # origin on the build's embed allow-list
    foreign: str  # origin that is not


@pytest.fixture(scope="session")
def portals(request):
    """Two support portals serving tests/browser/embed_host/ on other localhost origins (other
    ports); the site is built with only the first on its embed allow-list."""
    origins = request.config.wallet_guide_origins
    return Portals(allowed=origins["portal-allowed"].url, foreign=origins["portal-foreign"].url)


@pytest.fixture(scope="session")
def build(request, portals) -> BuildRun:
    result, _ = shared_site(request, "site", env={"EMBED_ALLOWED_ORIGINS": portals.allowed})
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
        browser = launch(playwright)
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
