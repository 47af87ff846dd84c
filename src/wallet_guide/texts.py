"""The interface texts: one file per language, ``data/interface/<code>.yml``, keyed by feature
(``search.no_results``, ``offline``, …). The default language's file is the reference: every
other language must hold the same keys (the same shape: the same mappings, lists of the same
length), or the build stops naming the file, the line and the fix.

A language's texts are one plain mapping (:data:`Texts`), so that a language can also be made
from another by converting every text (:func:`convert_texts`, e.g. Simplified to Traditional
Chinese), without a file of its own: a generated language (data/conversion/<code>.yml, see
wallet_guide.conversion) gets its source's texts converted here, so every feature's texts exist
in it without code in the plugins. Links inside texts name a page by its file (``page:
checklist.md``); :data:`PAGE_KEY` values are addresses, not texts, and are never converted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from wallet_guide import build_state
from wallet_guide.build_state import Language
from wallet_guide.conversion.convert import Converter
from wallet_guide.data.yaml_file import read_yaml

TEXTS_DIR = Path("data/interface")  # relative to mkdocs.yml
PAGE_KEY = "page"
Texts = Mapping[str, Any]  # one language's interface texts, keyed by feature


class TextsError(ValueError):
    """A mistake in the interface texts; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class _File:
    name: str  # as messages name it: data/interface/en.yml
    data: Any
    lines: Mapping[tuple, int]  # path of a value -> its line (1-based)

    def line(self, path: tuple) -> int:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _read(path: Path, name: str) -> _File:
    try:
        document = read_yaml(path)
    except FileNotFoundError:
        raise TextsError(
            f"{name}: not found — every language of mkdocs.yml (plugins: i18n: languages:) has its "
            f"interface texts there: copy the default language's file and translate its texts"
        ) from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise TextsError(
            f"{name}:{line}: not valid YAML ({error.problem}) — indent like the lines "
            "around it, and quote a text that contains ': ' or '#'"
        ) from None
    if not isinstance(document.data, dict):
        raise TextsError(f"{name}:1: the file must hold the texts by feature (search:, offline:, …)")
    return _File(name, document.data, document.lines)


def _dotted(path: Sequence) -> str:
    return ".".join(str(part) for part in path) or "the file"


def compare(reference: _File, other: _File) -> list[str]:
    """Every key ``other`` lacks or adds compared with ``reference``, one message each."""
    messages: list[str] = []

    def walk(ref: Any, value: Any, path: tuple) -> None:
        at = f"{other.name}:{other.line(path)}: {_dotted(path)}"
        where_ref = f"{reference.name}:{reference.line(path)}"
        if isinstance(ref, dict):
            if not isinstance(value, dict):
                messages.append(f"{at} must hold named texts as {where_ref} does")
                return
            for key in ref:
                if key not in value:
                    messages.append(
                        f"{other.name}:{other.line(path)}: {_dotted((*path, key))} is "
                        f"missing — add it in this language (as {reference.name}:"
                        f"{reference.line((*path, key))} has it)"
                    )
                else:
                    walk(ref[key], value[key], (*path, key))
            for key in value:
                if key not in ref:
                    messages.append(
                        f"{other.name}:{other.line((*path, key))}: {_dotted((*path, key))} "
                        f"is not in {reference.name} — remove it, or add it to every "
                        "language, the default first"
                    )
        elif isinstance(ref, list):
            if not isinstance(value, list) or len(value) != len(ref):
                messages.append(f"{at} must list {len(ref)} entries, as {where_ref} does")
                return
            for index, (ref_item, item) in enumerate(zip(ref, value, strict=True)):  # lengths checked above
                walk(ref_item, item, (*path, index))
        elif not isinstance(value, str) or not value.strip():
            messages.append(f"{at} must be a text — write it in this language")

    walk(reference.data, other.data, ())
    return messages


# A generated language: code -> (its source language's code, the conversion of one text).
Generated = Mapping[str, tuple[str, Converter]]


def load_texts(
    directory: Path, languages: Sequence[Language], name_prefix: str = "", generated: Generated | None = None
) -> dict[str, Texts]:
    """Each language's texts, by code; a mistake raises TextsError listing every one found.
    No ``directory`` at all: no texts (a project whose plugins need none, such as a test's).
    A ``generated`` language without a file of its own gets its source's texts, converted."""
    files = _load_files(directory, languages, name_prefix, generated or {})
    return {code: file.data for code, file in files.items()}


def _load_files(
    directory: Path, languages: Sequence[Language], name_prefix: str, generated: Generated
) -> dict[str, _File]:
    if not directory.is_dir():
        return {language.code: _File(f"{name_prefix}{language.code}.yml", {}, {}) for language in languages}
    files = {}
    own = [
        language
        for language in languages
        if language.code not in generated or (directory / f"{language.code}.yml").is_file()
    ]
    for language in own:
        name = f"{name_prefix}{language.code}.yml"
        files[language.code] = _read(directory / f"{language.code}.yml", name)
    default = next(language.code for language in languages if language.is_default)
    messages = [m for code, file in files.items() if code != default for m in compare(files[default], file)]
    if messages:
        raise TextsError("\n".join(messages))
    for language in languages:
        if language.code in files:
            continue
        source, converter = generated[language.code]
        if source not in files:
            raise TextsError(
                f"{name_prefix}{language.code}.yml: {language.code} is generated from "
                f"{source}, which has no interface texts — name a built language as its "
                "source in data/conversion/"
            )
        original = files[source]  # messages name the file the texts come from
        files[language.code] = _File(
            original.name, convert_texts(original.data, converter.text), original.lines
        )
    return files


def convert_texts(texts: Texts, convert: Callable[[str], str]) -> Texts:
    """``texts`` with every text converted (``page:`` values, which are files, kept)."""

    def walk(value: Any, key: Any = None) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value if key == PAGE_KEY or not isinstance(value, str) else convert(value)

    return walk(texts)


_cache: dict[tuple, dict[str, _File]] = {}


def interface_texts(config: MkDocsConfig) -> dict[str, Texts]:
    """Every built language's texts, read and checked once per build (static-i18n re-runs
    on_config per language; `mkdocs serve` rereads a file that changed)."""
    return {code: file.data for code, file in _files(config).items()}


def locate(config: MkDocsConfig, code: str, path: Sequence) -> str:
    """Where a text is, for a message: "data/interface/en.yml:12" (``path``: its keys)."""
    file = _files(config)[code]
    return f"{file.name}:{file.line(tuple(path))}"


def _files(config: MkDocsConfig) -> dict[str, _File]:
    languages = build_state.languages(config)
    directory = os.path.join(os.path.dirname(config.config_file_path), TEXTS_DIR)
    # Plain os calls: every page asks several times (a x100 site: 14,000 times).
    stamps = tuple(_mtime(os.path.join(directory, f"{lang.code}.yml")) for lang in languages)
    key = (directory, tuple(languages), stamps)
    if key not in _cache:
        generated = build_state.generated_languages(config)
        try:
            _cache.clear()
            _cache[key] = _load_files(Path(directory), languages, f"{TEXTS_DIR.as_posix()}/", generated)
        except TextsError as error:
            raise PluginError(str(error)) from None
    return _cache[key]


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


def texts_of(config: MkDocsConfig, language: Language | str, feature: str, *, optional: bool = False) -> Any:
    """One feature's texts (``offline``, ``not_found.title``…) in ``language``. ``optional``:
    None when the texts have no such feature (the plugin then leaves that part as Material
    makes it); otherwise its absence stops the build."""
    code = language if isinstance(language, str) else language.code
    value: Any = interface_texts(config)[code]
    for part in feature.split("."):
        if not isinstance(value, dict) or part not in value:
            if optional:
                return None
            raise PluginError(
                f"{TEXTS_DIR.as_posix()}/{code}.yml lacks {feature} — add it (the plugin that "
                "shows these texts needs them)"
            )
        value = value[part]
    return value


def require_keys(config: MkDocsConfig, feature: str, keys: Sequence[str], what: str) -> None:
    """Stop the build when the default language's ``feature`` lacks one of ``keys`` (the other
    languages are held to the default's keys by :func:`load_texts`); ``what`` says what they are."""
    default = build_state.default_language(config)
    texts = texts_of(config, default, feature)
    missing = [key for key in keys if not (isinstance(texts, dict) and texts.get(key))]
    if missing:
        raise PluginError(
            f"{TEXTS_DIR.as_posix()}/{default.code}.yml: {feature} lacks {', '.join(missing)} — add "
            f"{what} ({', '.join(keys)})"
        )
