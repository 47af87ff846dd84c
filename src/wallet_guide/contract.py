"""The URL contract (data/url-contract.yml): the addresses and section ids we never break."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONTRACT_FILE = Path("data/url-contract.yml")


@dataclass(frozen=True)
class Language:
    code: str
    root: str  # "/" or "/en/"
    default: bool = False


@dataclass(frozen=True)
class ContractPage:
    path: str  # under a language root: "" or "causes/"
    source: str  # Markdown file name inside docs/<lang>/
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Contract:
    languages: tuple[Language, ...]
    pages: tuple[ContractPage, ...]

    def url(self, lang: str, page: ContractPage) -> str:
        root = next(language.root for language in self.languages if language.code == lang)
        return root + page.path


def load_contract(path: Path = CONTRACT_FILE) -> Contract:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return Contract(
        languages=tuple(Language(**language) for language in data["languages"]),
        pages=tuple(
            ContractPage(page["path"], page["source"], tuple(page["ids"])) for page in data["pages"]
        ),
    )
