"""Every YAML data file read once per version of it, by every plugin and pass that needs it.

static-i18n runs each plugin's ``on_config`` once per language, and several plugins read the same
files (the interface texts, the URL contract, the conversion recipes): parsed afresh each time,
they cost a four-language build about 1.9 s (31 documents under cProfile, 2026-12-03). Here a
file is parsed once per path and modification time, so `mkdocs serve` still reads an edited file.

The document is composed once (its nodes keep the lines that messages name) and its data built
from those nodes, with libyaml's parser when PyYAML has it. A file libyaml rejects is parsed
again by PyYAML's own parser, which raises the error with the problem and line the messages
quote (the two word their errors differently).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wallet_guide.data.yaml_lines import node_lines

_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


@dataclass(frozen=True)
class YamlDocument:
    """One YAML file as read: its data, and its composed nodes for the lines. Shared by every
    reader of the file: read it, never change it."""

    data: Any  # None for an empty file
    node: yaml.Node | None

    @functools.cached_property
    def lines(self) -> Mapping[tuple, int]:
        """The line (1-based) of each value, by its path (yaml_lines.node_lines)."""
        return node_lines(self.node) if self.node is not None else {}


def read_yaml(path: str | os.PathLike[str]) -> YamlDocument:
    """The file's document, parsed once per version of the file. Raises FileNotFoundError,
    UnicodeDecodeError, and yaml.YAMLError (a MarkedYAMLError names the line) as reading it
    with yaml.safe_load would."""
    stat = os.stat(path)
    return _read(os.fspath(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _read(path: str, mtime_ns: int, size: int) -> YamlDocument:
    return parse_yaml(Path(path).read_text(encoding="utf-8"))


def parse_yaml(text: str) -> YamlDocument:
    """``text`` composed once and constructed from its nodes (yaml.safe_load's data)."""
    if _FAST_LOADER is not None:
        try:
            return _parse(_FAST_LOADER, text)
        except yaml.YAMLError:
            pass  # PyYAML's parser raises it again below, worded as the messages expect
    return _parse(yaml.SafeLoader, text)


def _parse(loader_class: Any, text: str) -> YamlDocument:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return YamlDocument(data, node)
