"""Where a value stands in a YAML file, so that a message can name its line."""

from __future__ import annotations

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
