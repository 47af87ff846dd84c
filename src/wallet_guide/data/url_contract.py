"""The URL contract (data/url-contract.yml): the addresses and section ids we never break.

One reading of the file for the plugins (the checklist's links, the content API), the checks
(which report on its lines) and the tests. Reading never raises for a mistake inside the file:
an entry that is not a mapping is left out, here and in every rule (the checks report the
file's YAML errors themselves, with their line).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wallet_guide.data.yaml_file import read_yaml
from wallet_guide.data.yaml_lines import line_of

CONTRACT_FILE = Path("data/url-contract.yml")
CHECKLIST_PAGE = "checklist.md"  # the page whose ids are the causes checklist's entries


@dataclass(frozen=True)
class Language:
    code: str
    root: str  # "/" or "/en/"
    default: bool = False
    line: int = 1


@dataclass(frozen=True)
class ContractPage:
    path: str  # under a language root: "" or "causes/"
    source: str  # Markdown file name inside docs/<lang>/
    ids: tuple[str, ...]
    line: int = 1  # its entry's line in the file
    planned: bool = False  # promised but not written yet: it may be absent, once
    ids_line: int = 0  # the line of its `ids:` (0: none)


@dataclass(frozen=True)
class Contract:
    languages: tuple[Language, ...]
    pages: tuple[ContractPage, ...]
    languages_line: int = 1  # the line of `languages:`

    def url(self, lang: str, page: ContractPage) -> str:
        root = next(language.root for language in self.languages if language.code == lang)
        return root + page.path

    def page_of(self, source: str) -> ContractPage | None:
        return next((page for page in self.pages if page.source == source), None)


def contract_from_yaml(data: Any, node: yaml.Node | None = None) -> Contract:
    """The contract held by a read YAML document (``node``, when given, for the lines)."""
    data = data if isinstance(data, dict) else {}
    languages = tuple(
        Language(
            str(language.get("code")),
            str(language.get("root", "")),
            bool(language.get("default")),
            line_of(node, "languages", index),
        )
        for index, language in enumerate(data.get("languages") or [])
        if isinstance(language, dict)
    )
    pages = tuple(
        ContractPage(
            str(page.get("path", "")),
            str(page.get("source", "")),
            tuple(page.get("ids") or ()),
            line_of(node, "pages", index),
            bool(page.get("planned")),
            line_of(node, "pages", index, "ids") if "ids" in page else 0,
        )
        for index, page in enumerate(data.get("pages") or [])
        if isinstance(page, dict)
    )
    return Contract(languages, pages, line_of(node, "languages"))


def load_contract(path: Path = CONTRACT_FILE) -> Contract:
    document = read_yaml(path)
    return contract_from_yaml(document.data, document.node)
