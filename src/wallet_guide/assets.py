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
