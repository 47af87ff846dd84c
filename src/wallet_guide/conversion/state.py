"""The generated languages of the build being run, for the code that holds per-language texts
(texts.py's loader, the checklist's causes, the search vocabulary).

A build language is generated when data/conversion/<code>.yml holds its recipe (the same rule
as ``make check``'s, checks.project.is_generated); the wallet-guide-generated plugin turned off
means none is (absent, as in a test's config: its default folder is read).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wallet_guide import build_state
from wallet_guide.conversion.convert import Converter
from wallet_guide.conversion.regions import load_regions

PLUGIN = "wallet-guide-generated"
CONVERSION_DIR = "data/conversion"  # the plugin's default conversion_dir

Generated = dict[str, tuple[str, Converter]]  # code -> (its source language, its converter)


def generated_from(directory: Path, codes: Iterable[str]) -> Generated:
    """The generated languages among ``codes``, from their recipes in ``directory``."""
    regions = load_regions(directory)
    return {code: (regions[code].source, regions[code].converter()) for code in codes if code in regions}


def generated_languages(config: MkDocsConfig) -> Generated:
    """code -> (its source language, its converter), for every generated build language."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None and not plugin.config.enabled:
        return {}
    if plugin is not None and plugin.regions:
        return {code: (plugin.regions[code].source, plugin.converters[code]) for code in plugin.regions}
    folder = plugin.config.conversion_dir if plugin is not None else CONVERSION_DIR
    root = Path(config.config_file_path).parent
    return generated_from(root / folder, [language.code for language in build_state.languages(config)])


def is_generated(config: MkDocsConfig, code: str) -> bool:
    return code in generated_languages(config)
