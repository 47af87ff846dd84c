"""The service worker of one build: what it precaches, its version, its offline notices."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# Theme files precached at install. Not Material's bundle, which a reader may never need (it
# loads on the first interaction and is cached then), nor its unused search workers and lunr.
SKIPPED = (
    "assets/javascripts/", "assets/images/",  # images/: Material's default favicon, unused
    # The embed view's files and the portals' script (wallet-guide-embed): the worker never
    # answers the embed view, and a reader never loads them. embed-head.js, which every page
    # loads, stays.
    "assets/wallet-guide/embed-page.js", "assets/wallet-guide/embed.css", "assets/wallet-guide/embed.js",
)
MESSAGE_KEYS = ("title", "text", "checklist", "home")


def shell_assets(site_dir: Path) -> list[str]:
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in (site_dir / "assets").rglob("*")
        if p.is_file() and p.suffix != ".map"
        and not p.relative_to(site_dir).as_posix().startswith(SKIPPED)
    )


def build_version(site_dir: Path) -> str:
    """Changes whenever any published file changes, so a deploy installs a new worker."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != "sw.js":
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def render_worker(template: str, *, version: str, precache: list[str], pages: list[str],
                  languages: dict[str, dict]) -> str:
    """precache: theme files; pages: saved per language root with the first page visited;
    languages: root path ("en/", "") -> its notice texts, longest root first."""
    config = {"version": version, "precache": precache, "pages": pages, "languages": languages}
    return template.replace("__WG_OFFLINE_CONFIG__", json.dumps(config, ensure_ascii=False))
