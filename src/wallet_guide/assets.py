"""Ship the JS and CSS that live inside this package into the built site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SITE_ASSET_DIR = "assets/wallet-guide"


def add_package_assets(
    files: Files, config: MkDocsConfig, source_dir: Path, only: tuple[str, ...] | None = None
) -> None:
    """Add the files of ``source_dir`` (or just ``only``) as ``assets/wallet-guide/<name>``."""
    for path in sorted(source_dir.iterdir()):
        if path.is_file() and (only is None or path.name in only):
            files.append(
                File.generated(
                    config, f"{SITE_ASSET_DIR}/{path.name}", abs_src_path=str(path)
                )
            )


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
