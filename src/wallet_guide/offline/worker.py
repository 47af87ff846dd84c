"""The service worker of one build: what it precaches, its version, its offline notices."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from wallet_guide.settings import with_settings

WORKER = "sw.js"  # at the site root: its scope is the whole site
# Material's files that are not precached at install: its bundle, which a reader may never need
# (it loads on the first interaction and is cached then), its unused search workers and lunr,
# and images/ (its default favicon, unused). Our own files that a reader never loads are named
# by the plugins that publish them (wallet_guide.assets, offline=False).
MATERIAL_SKIPPED = ("assets/javascripts/", "assets/images/")
MESSAGE_KEYS = ("title", "text", "checklist", "home")


def shell_assets(site_dir: Path, not_for_readers: Iterable[str] = ()) -> list[str]:
    """The theme files under assets/ to precache: all but Material's skipped folders, source
    maps and ``not_for_readers`` (site-root-relative paths)."""
    skipped = set(not_for_readers)
    paths = (
        p.relative_to(site_dir).as_posix()
        for p in (site_dir / "assets").rglob("*")
        if p.is_file() and p.suffix != ".map"
    )
    return sorted(path for path in paths if path not in skipped and not path.startswith(MATERIAL_SKIPPED))


def build_version(site_dir: Path) -> str:
    """Changes whenever any published file changes, so a deploy installs a new worker."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != WORKER:
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def render_worker(
    source: str, *, version: str, precache: list[str], pages: list[str], languages: dict[str, dict]
) -> str:
    """sw.js with its settings (wallet_guide.settings.with_settings). precache: theme files;
    pages: saved per language root with the first page visited; languages: root path ("en/",
    "") -> its notice texts, longest root first."""
    return with_settings(
        source, {"version": version, "precache": precache, "pages": pages, "languages": languages}
    )
