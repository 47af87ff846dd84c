"""The generated languages of a project without a build (the bench, the tests): their recipes in
data/conversion/. During a build, every module asks wallet_guide.build_state (``languages``:
``Language.generated_from``; ``generated_languages``), the one door to the build's languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wallet_guide.conversion.convert import Converter
from wallet_guide.conversion.regions import load_regions

Generated = dict[str, tuple[str, Converter]]  # code -> (its source language, its converter)


def generated_from(directory: Path, codes: Iterable[str]) -> Generated:
    """The generated languages among ``codes``, from their recipes in ``directory``."""
    regions = load_regions(directory)
    return {code: (regions[code].source, regions[code].converter()) for code in codes if code in regions}
