"""The project as the checks see it: languages (from mkdocs.yml), pages (parsed Markdown, per
language), the nav, and the data files with their line numbers. Loading never raises for a
reader's mistake: a missing or broken file becomes a Problem and the rest is still checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from mkdocs import config as mkdocs_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import File

from guide_tools.checks.markdown import Page, parse_page
from guide_tools.checks.problem import Problem, missing_file
from wallet_guide import build_state
from wallet_guide.build_state import Language
from wallet_guide.checklist.config import ChecklistConfig
from wallet_guide.conversion.config import GeneratedLanguagesConfig
from wallet_guide.conversion.regions import Region, RegionError, load_region
from wallet_guide.data.url_contract import Contract, contract_from_yaml
from wallet_guide.data.yaml_file import read_yaml as read_yaml_once
from wallet_guide.data.yaml_lines import line_of
from wallet_guide.search.config import SearchConfig
from wallet_guide.texts import TEXTS_DIR

MKDOCS_FILE = "mkdocs.yml"
# Read by the check only (no plugin option names them).
GLOSSARY_FILE = "data/glossary.yml"
FRONT_MATTER_SCHEMA = "data/schemas/front-matter.schema.json"
INTERFACE_DIR = TEXTS_DIR.as_posix()  # <code>.yml: a language's interface texts (wallet_guide.texts)
# The defaults of the files the plugins read (their options, as mkdocs.yml may change them).
CHECKLIST_FILE = ChecklistConfig.data_file.default
CONTRACT_FILE = ChecklistConfig.contract_file.default


@dataclass(frozen=True)
class DataPaths:
    """Where the build's plugins read their data, relative to the project: their options as
    mkdocs.yml sets them (load_config), so that the check reads the files the build reads."""

    checklist: str = CHECKLIST_FILE
    contract: str = CONTRACT_FILE
    advice: str = ChecklistConfig.advice_file.default
    vocabulary: str = SearchConfig.vocabulary_file.default
    conversion_dir: str = GeneratedLanguagesConfig.conversion_dir.default


def data_paths(config: MkDocsConfig | None) -> DataPaths:
    def option(plugin: str, name: str, default: str) -> str:
        loaded = config.plugins.get(plugin) if config is not None else None
        return str(loaded.config[name]) if loaded is not None else default

    default, checklist = DataPaths(), build_state.CHECKLIST_PLUGIN
    return DataPaths(
        checklist=option(checklist, "data_file", default.checklist),
        contract=option(checklist, "contract_file", default.contract),
        advice=option(checklist, "advice_file", default.advice),
        vocabulary=option("wallet-guide-search", "vocabulary_file", default.vocabulary),
        conversion_dir=option(build_state.GENERATED_PLUGIN, "conversion_dir", default.conversion_dir),
    )


@dataclass
class YamlFile:
    """A YAML file's data and its node tree, to say on which line an entry is."""

    path: str
    data: Any
    node: yaml.Node | None

    def line(self, *keys: str | int) -> int:
        return line_of(self.node, *keys)


def read_yaml(root: Path, path: str, problems: list[Problem], *, required: bool = True) -> YamlFile | None:
    file = root / path
    if not file.exists():
        if required:
            problems.append(missing_file(path))
        return None
    try:
        document = read_yaml_once(file)  # the plugins' reader: parsed once, as the build parses it
        return YamlFile(path, document.data, document.node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        message = f"this line cannot be read (YAML: {getattr(error, 'problem', error)})"
        fix = "indent it like the lines of the same level around it (spaces, not tabs), and put a value in double quotes if it contains ': ' or '#'"
        problems.append(Problem(path, mark.line + 1 if mark else 1, message, fix))
        return None


@dataclass
class Project:
    root: Path
    docs_dir: str  # "docs"
    languages: list[Language]
    pages: dict[tuple[str, str], Page]  # (language, name inside its folder) -> page
    config: MkDocsConfig | None  # mkdocs.yml as MkDocs loads it; None when it cannot be loaded
    contract: YamlFile | None
    glossary: YamlFile | None
    checklist: YamlFile | None
    interface: dict[str, YamlFile] = field(default_factory=dict)  # language -> its interface texts
    problems: list[Problem] = field(default_factory=list)  # found while loading
    generated: list[Language] = field(default_factory=list)  # built from data/conversion/, no pages
    data: DataPaths = field(default_factory=DataPaths)

    @cached_property
    def regions(self) -> dict[str, Region | RegionError]:
        """Each generated language's recipe (data/conversion/<code>.yml), by path; or its mistake."""
        regions: dict[str, Region | RegionError] = {}
        for path in sorted((self.root / self.data.conversion_dir).glob("*.yml")):
            try:
                regions[path.relative_to(self.root).as_posix()] = load_region(path)
            except RegionError as error:
                regions[path.relative_to(self.root).as_posix()] = error
        return regions

    def text_files(self, source: str) -> list[str]:
        """The files besides its pages that a generated language converts from ``source``'s."""
        return [f"{INTERFACE_DIR}/{source}.yml", MKDOCS_FILE, self.data.checklist, self.data.vocabulary]

    def source_texts(self, source: str) -> dict[str, str]:
        """What a generated language is converted from, by path: the source's pages and texts."""
        paths = sorted((self.root / self.docs_dir / source).rglob("*.md"))
        paths += [self.root / name for name in self.text_files(source)]
        return {
            path.relative_to(self.root).as_posix(): path.read_text(encoding="utf-8")
            for path in paths
            if path.is_file()
        }

    @cached_property
    def url_contract(self) -> Contract:
        """data/url-contract.yml as the plugins read it (wallet_guide.data.url_contract)."""
        return (
            contract_from_yaml(self.contract.data, self.contract.node) if self.contract else Contract((), ())
        )

    @cached_property
    def nav(self) -> list[tuple[str, int]] | None:
        """(page name, mkdocs.yml line) of the nav's pages; None: MkDocs builds the nav itself."""
        if self.config is None or self.config.nav is None:
            return None
        names: list[str] = []

        def walk(items: Any) -> None:
            for item in items if isinstance(items, list) else [items]:
                if isinstance(item, str):
                    names.append(item)
                elif isinstance(item, dict):
                    for value in item.values():
                        walk(value)

        walk(self.config.nav)
        return [(name, self.mkdocs_line(f"- {name}", after="nav:")) for name in names if name.endswith(".md")]

    def mkdocs_line(self, text: str, after: str = "") -> int:
        """The line of mkdocs.yml that ends with ``text`` (after the line ``after``), else 1."""
        lines = (self.root / MKDOCS_FILE).read_text(encoding="utf-8").splitlines()
        start = next((i for i, line in enumerate(lines) if line.strip() == after), 0) if after else 0
        return next((i + 1 for i in range(start, len(lines)) if lines[i].rstrip().endswith(text)), 1)

    @property
    def default_language(self) -> str:
        return next(lang.code for lang in self.languages if lang.is_default)

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def names(self, lang: str) -> list[str]:
        return sorted(name for code, name in self.pages if code == lang)

    def page_path(self, lang: str, name: str) -> str:
        return f"{self.docs_dir}/{lang}/{name}"

    def site_path(self, lang: str, name: str) -> str:
        """Where MkDocs builds a page (File.url, under its language's root): "en/causes/", ""."""
        language = self.language(lang)
        url = File(name, "", "", self.config.use_directory_urls if self.config else True).url
        return (language.root if language else "") + url.removeprefix("./")

    def page_at(self, site_path: str) -> Page | None:
        """The page built at ``site_path`` ("causes/", "en/", …), if any."""
        for (lang, name), page in self.pages.items():
            if self.site_path(lang, name) == site_path:
                return page
        return None


def load_config(root: Path, problems: list[Problem]) -> MkDocsConfig | None:
    """mkdocs.yml as the build loads it (its plugins' options included); a mistake in it is a
    problem on its first line, in MkDocs' words."""
    if not (root / MKDOCS_FILE).is_file():
        problems.append(missing_file(MKDOCS_FILE))
        return None
    try:
        return mkdocs_config.load_config(config_file=str(root / MKDOCS_FILE))
    except (ConfigurationError, yaml.YAMLError) as error:
        problems.append(Problem(MKDOCS_FILE, 1, f"MkDocs cannot load it: {error}", "`make build` says more"))
        return None


def load_languages(config: MkDocsConfig | None, problems: list[Problem]) -> list[Language]:
    """Every built language (build_state: static-i18n's, with the generated ones marked)."""
    if config is None:
        return []
    try:
        return build_state.languages(config)
    except PluginError as error:
        problem, _, fix = str(error).removeprefix("mkdocs.yml: ").partition(" — ")
        problems.append(Problem(MKDOCS_FILE, 1, problem, fix or "see CONTRIBUTING.md, 'Add a language'"))
        return []


def load_project(root: Path) -> Project:
    root = Path(root)
    problems: list[Problem] = []
    config = load_config(root, problems)
    docs_dir = Path(config.docs_dir).relative_to(root.resolve()).as_posix() if config else "docs"
    every_language = load_languages(config, problems)
    data = data_paths(config)
    # A generated language (data/conversion/<code>.yml) has no pages of its own to check: its
    # overrides are checked by checks/conversion.py, its build by the build tests.
    generated = [lang for lang in every_language if lang.generated_from]
    languages = [lang for lang in every_language if not lang.generated_from]
    pages: dict[tuple[str, str], Page] = {}
    for language in languages:
        folder = root / docs_dir / language.code
        for file in sorted(folder.rglob("*.md")):
            name = file.relative_to(folder).as_posix()
            path = f"{docs_dir}/{language.code}/{name}"
            pages[(language.code, name)] = parse_page(
                path, language.code, name, file.read_text(encoding="utf-8")
            )
    return Project(
        root=root,
        docs_dir=docs_dir,
        languages=languages,
        pages=pages,
        config=config,
        contract=read_yaml(root, data.contract, problems),
        glossary=read_yaml(root, GLOSSARY_FILE, problems),
        checklist=read_yaml(root, data.checklist, problems, required=False),
        interface={
            lang.code: texts
            for lang in languages
            if (texts := read_yaml(root, f"{INTERFACE_DIR}/{lang.code}.yml", problems, required=False))
        },
        problems=problems,
        generated=generated,
        data=data,
    )


def project_languages(root: Path) -> list[Language]:
    """The site's languages as the build reads mkdocs.yml, without a build (for scripts and
    tests); a mistake in mkdocs.yml raises ValueError with its line and fix."""
    problems: list[Problem] = []
    languages = load_languages(load_config(Path(root), problems), problems)
    if problems:
        raise ValueError("\n".join(f"{p.path}:{p.line}: {p.message} ({p.fix})" for p in problems))
    return languages


def project_data(root: Path) -> DataPaths:
    """Where the build of the project at ``root`` reads its data files (for scripts and tests)."""
    return data_paths(load_config(Path(root), []))
