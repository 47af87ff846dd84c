"""Ship the JS and CSS that live inside this package into the built site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SITE_ASSET_DIR = "assets/wallet-guide"


def add_package_assets(files: Files, config: MkDocsConfig, source_dir: Path) -> None:
    """Add every file of ``source_dir`` as ``assets/wallet-guide/<name>`` in this build."""
    for path in sorted(source_dir.iterdir()):
        if path.is_file():
            files.append(
                File.generated(
                    config, f"{SITE_ASSET_DIR}/{path.name}", abs_src_path=str(path)
                )
            )


def asset_url(name: str) -> str:
    return f"{SITE_ASSET_DIR}/{name}"
