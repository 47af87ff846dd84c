"""The two checks every data file's loader makes of a mapping it reads: which keys are not
known, and which texts are missing or empty. Each loader words its own message around them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def unknown_keys(mapping: Mapping[Any, Any], known: Iterable[Any]) -> list[Any]:
    """The keys of ``mapping`` that are not ``known``, in the file's order."""
    allowed = set(known)
    return [key for key in mapping if key not in allowed]


def missing_texts(mapping: Mapping[Any, Any], keys: Iterable[Any]) -> list[Any]:
    """The ``keys`` whose value in ``mapping`` is not a text (a string with a visible character)."""
    return [key for key in keys if not isinstance(mapping.get(key), str) or not mapping[key].strip()]
