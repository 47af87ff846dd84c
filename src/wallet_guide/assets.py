"""Ship the JS and CSS that live inside this package into the built site, and mark on each
published file whether a reader's pages load it (the service worker precaches only those)."""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SITE_ASSET_DIR = "assets/wallet-guide"

# The attribute on a published File: False for a file our plugins publish for others than the
# readers' pages (the embed view, portals). Other plugins read it from the build's Files.
FOR_READERS = "wallet_guide_for_readers"


def add_package_assets(
    files: Files,
    config: MkDocsConfig,
    source_dir: Path,
    only: tuple[str, ...] | None = None,
    *,
    for_readers: bool = True,
) -> None:
    """Add the files of ``source_dir`` (or just ``only``) as ``assets/wallet-guide/<name>``;
    ``for_readers=False``: files a reader's page never loads (not precached for offline use)."""
    for path in sorted(source_dir.iterdir()):
        if path.is_file() and (only is None or path.name in only):
            publish(files, config, asset_url(path.name), abs_src_path=str(path), for_readers=for_readers)


def publish(
    files: Files,
    config: MkDocsConfig,
    site_path: str,
    *,
    content: str | None = None,
    abs_src_path: str | None = None,
    for_readers: bool = True,
) -> None:
    """Add one generated file at ``site_path`` (from ``content`` or a file)."""
    if abs_src_path is not None:
        file = File.generated(config, site_path, abs_src_path=abs_src_path)
    else:
        file = File.generated(config, site_path, content=content or "")
    setattr(file, FOR_READERS, for_readers)
    files.append(file)


def not_for_readers(files: Files) -> frozenset[str]:
    """The site paths of ``files`` published with ``for_readers=False``."""
    return frozenset(file.src_uri for file in files if getattr(file, FOR_READERS, True) is False)


def asset_url(name: str) -> str:
    return f"{SITE_ASSET_DIR}/{name}"


def link_assets(config: MkDocsConfig, scripts: tuple[str, ...] = (), styles: tuple[str, ...] = ()) -> None:
    """Load these of our assets on every page; once, although static-i18n re-runs on_config
    for each language on the same config."""
    for name in scripts:
        if asset_url(name) not in config.extra_javascript:
            config.extra_javascript.append(asset_url(name))
    for name in styles:
        if asset_url(name) not in config.extra_css:
            config.extra_css.append(asset_url(name))


# Whole-line comments only: a // inside a line may be code (a URL, a regular expression).
_COMMENT_LINES = re.compile(r"^[ \t]*(?://[^\n]*|/\*.*?\*/[ \t]*)\n", re.MULTILINE | re.DOTALL)


def without_comments(script: str) -> str:
    """``script`` (JS or CSS) without its whole-line comments (// … and /* … */ starting a line)."""
    return _COMMENT_LINES.sub("", script)


def publish_without_comments(files: Files, config: MkDocsConfig, source: Path) -> None:
    """``source`` as ``assets/wallet-guide/<name>`` without its comment lines: for what every page
    loads, whose comments stay in the source. Written once per content to the system's temporary
    folder (static-i18n needs a file to read, not a text)."""
    text = without_comments(source.read_text(encoding="utf-8"))
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    shipped = Path(tempfile.gettempdir()) / f"wallet-guide-{source.stem}-{digest}{source.suffix}"
    if not shipped.exists():
        shipped.write_text(text, encoding="utf-8")
    publish(files, config, asset_url(source.name), abs_src_path=str(shipped))
