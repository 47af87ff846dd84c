"""The project as the checks see it: languages (from mkdocs.yml), pages (parsed Markdown, per
language), the nav, and the data files with their line numbers. Loading never raises for a
reader's mistake: a missing or broken file becomes a Problem and the rest is still checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from wallet_guide.build_state import Language, LanguageSettingsError, languages_from_settings
from guide_tools.checks.markdown import Page, parse_page
from guide_tools.checks.problem import Problem
from wallet_guide.data import url_contract
from wallet_guide.data.url_contract import Contract, contract_from_yaml
from wallet_guide.data.yaml_lines import line_of

MKDOCS_FILE = "mkdocs.yml"
CONTRACT_FILE = url_contract.CONTRACT_FILE.as_posix()
GLOSSARY_FILE = "data/glossary.yml"
CHECKLIST_FILE = "data/checklist.yml"
CONVERSION_DIR = "data/conversion"  # <code>.yml: a generated language's recipe (wallet_guide.conversion)
INTERFACE_DIR = "data/interface"  # <code>.yml: a language's interface texts (wallet_guide.texts)
FRONT_MATTER_SCHEMA = "data/schemas/front-matter.schema.json"
I18N_PLUGIN = "i18n"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml uses tags (!ENV, !!python/name:…) that only MkDocs can resolve: read their
    plain value instead."""


def _construct_any(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    assert isinstance(node, yaml.ScalarNode)  # the only other kind of node
    return loader.construct_scalar(node)


_TolerantLoader.add_multi_constructor("!", _construct_any)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_any)


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
            problems.append(Problem(path, 1, "file is missing", f"restore {path} from the main branch"))
        return None
    text = file.read_text(encoding="utf-8")
    try:
        return YamlFile(
            path, yaml.load(text, Loader=_TolerantLoader), yaml.compose(text, Loader=_TolerantLoader)
        )
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(
            Problem(
                path,
                mark.line + 1 if mark else 1,
                f"this line cannot be read (YAML: {getattr(error, 'problem', error)})",
                "indent it like the lines of the same level around it (spaces, not tabs), and put a value "
                "in double quotes if it contains ': ' or '#'",
            )
        )
        return None


@dataclass
class Project:
    root: Path
    docs_dir: str  # "docs"
    languages: list[Language]
    pages: dict[tuple[str, str], Page]  # (language, name inside its folder) -> page
    mkdocs: YamlFile | None
    nav: list[tuple[str, int]] | None  # (page name, mkdocs.yml line); None: MkDocs builds it
    contract: YamlFile | None
    glossary: YamlFile | None
    checklist: YamlFile | None
    interface: dict[str, YamlFile] = field(default_factory=dict)  # language -> its interface texts
    problems: list[Problem] = field(default_factory=list)  # found while loading
    generated: list[Language] = field(default_factory=list)  # built from data/conversion/, no pages

    @cached_property
    def url_contract(self) -> Contract:
        """data/url-contract.yml as the plugins read it (wallet_guide.data.url_contract)."""
        return (
            contract_from_yaml(self.contract.data, self.contract.node) if self.contract else Contract((), ())
        )

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
        """Where a page is built, under the site root: "en/causes/", "" for the zh home page."""
        stem = name[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
        else:
            stem += "/"
        language = self.language(lang)
        return (language.root if language else "") + stem

    def page_at(self, site_path: str) -> Page | None:
        """The page built at ``site_path`` ("causes/", "en/", …), if any."""
        for (lang, name), page in self.pages.items():
            if self.site_path(lang, name) == site_path:
                return page
        return None


def _folder_languages(root: Path, docs_dir: str) -> list[Language]:
    """When mkdocs.yml names no languages: the folders of docs/, to check the pages anyway."""
    folders = (
        sorted(p.name for p in (root / docs_dir).glob("*") if p.is_dir())
        if (root / docs_dir).is_dir()
        else []
    )
    return (
        languages_from_settings(
            [{"locale": code, "default": index == 0} for index, code in enumerate(folders)]
        )
        if folders
        else []
    )


def _languages(mkdocs: YamlFile | None, root: Path, docs_dir: str, problems: list[Problem]) -> list[Language]:
    if mkdocs is None:
        return _folder_languages(root, docs_dir)
    for index, plugin in enumerate((mkdocs.data or {}).get("plugins", [])):
        if isinstance(plugin, dict) and I18N_PLUGIN in plugin:
            try:
                return languages_from_settings((plugin[I18N_PLUGIN] or {}).get("languages"))
            except LanguageSettingsError as error:
                problem, _, fix = str(error).partition(" — ")
                problems.append(Problem(MKDOCS_FILE, mkdocs.line("plugins", index), problem, fix))
                return _folder_languages(root, docs_dir)
    problems.append(
        Problem(
            MKDOCS_FILE,
            1,
            "no languages: the i18n plugin (mkdocs-static-i18n) is not configured",
            "list the languages under plugins: - i18n: languages: (see CONTRIBUTING.md, 'Add a language')",
        )
    )
    return _folder_languages(root, docs_dir)


def _nav(mkdocs: YamlFile | None) -> list[tuple[str, int]] | None:
    if not mkdocs or not isinstance(mkdocs.data, dict) or "nav" not in mkdocs.data:
        return None
    entries: list[tuple[str, int]] = []

    def walk(items: Any, node: yaml.Node | None) -> None:
        for index, item in enumerate(items or []):
            child = node.value[index] if isinstance(node, yaml.SequenceNode) else None
            line = child.start_mark.line + 1 if child is not None else 1
            if isinstance(item, str):
                entries.append((item, line))
            elif isinstance(item, dict):
                for key, value in item.items():
                    value_node = (
                        next((v for k, v in child.value if k.value == key), None)
                        if isinstance(child, yaml.MappingNode)
                        else None
                    )
                    if isinstance(value, str):
                        entries.append((value, line))
                    elif isinstance(value, list):
                        walk(value, value_node)

    nav_node = next((v for k, v in mkdocs.node.value if k.value == "nav"), None) if mkdocs.node else None
    walk(mkdocs.data["nav"], nav_node)
    return [(target, line) for target, line in entries if target.endswith(".md")]


def load_project(root: Path) -> Project:
    root = Path(root)
    problems: list[Problem] = []
    mkdocs = read_yaml(root, MKDOCS_FILE, problems)
    docs_dir = str((mkdocs.data or {}).get("docs_dir", "docs")) if mkdocs else "docs"
    # A generated language (data/conversion/<code>.yml) has no pages of its own to check: its
    # overrides are checked by checks/conversion.py, its build by the build tests.
    every_language = _languages(mkdocs, root, docs_dir, problems)
    generated = [lang for lang in every_language if is_generated(root, lang.code)]
    languages = [lang for lang in every_language if lang not in generated]
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
        mkdocs=mkdocs,
        nav=_nav(mkdocs),
        contract=read_yaml(root, CONTRACT_FILE, problems),
        glossary=read_yaml(root, GLOSSARY_FILE, problems),
        checklist=read_yaml(root, CHECKLIST_FILE, problems, required=False),
        interface={
            language.code: texts_file
            for language in languages
            if (
                texts_file := read_yaml(
                    root, f"{INTERFACE_DIR}/{language.code}.yml", problems, required=False
                )
            )
        },
        problems=problems,
        generated=generated,
    )


def is_generated(root: Path, code: str) -> bool:
    """A language converted from another at build time, with no pages or texts of its own."""
    return (Path(root) / CONVERSION_DIR / f"{code}.yml").is_file()


def project_languages(root: Path) -> list[Language]:
    """The site's languages as mkdocs.yml lists them, without a build (for scripts and tests);
    a mistake in mkdocs.yml raises ValueError with its line and fix."""
    problems: list[Problem] = []
    mkdocs = read_yaml(Path(root), MKDOCS_FILE, problems)
    docs_dir = str((mkdocs.data or {}).get("docs_dir", "docs")) if mkdocs else "docs"
    languages = _languages(mkdocs, Path(root), docs_dir, problems)
    if problems:
        raise ValueError("\n".join(f"{p.path}:{p.line}: {p.message} ({p.fix})" for p in problems))
    return languages
