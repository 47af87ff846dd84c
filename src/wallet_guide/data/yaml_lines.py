"""Where a value stands in a YAML file, so that a message can name its line."""

from __future__ import annotations

from collections.abc import Mapping

import yaml


def line_of(node: yaml.Node | None, *keys: str | int) -> int:
    """The line (1-based) of the value at ``keys`` (mapping keys, list indexes) in a composed
    YAML document; 1 when there is none."""
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            node = next((value for k, value in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
    return node.start_mark.line + 1 if node is not None else 1


def node_lines(node: yaml.Node, path: tuple = ()) -> dict[tuple, int]:
    """The line (1-based) of each value of a composed YAML document, by its path: the line of
    its key in a mapping (``en:``), of its dash in a list."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines.update(node_lines(value, (*path, key.value)))
            lines[(*path, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(node_lines(item, (*path, index)))
    return lines


def nearest_line(lines: Mapping[tuple, int], path: tuple) -> int:
    """The line of the value at ``path`` in ``node_lines``' answer, or of its nearest enclosing
    value that has one (a missing key is named where its parent stands); 1 when none has."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)
