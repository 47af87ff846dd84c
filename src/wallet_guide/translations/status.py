"""A translation records the version of its source page it translates as ``source_hash`` in its
front matter: the first 12 hexadecimal digits of the SHA-256 of the source file's words
(:func:`translated_text`); the idea of MDN's ``l10n.sourceCommit``, without needing git at build
time."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from wallet_guide.typography import normalize

HASH_KEY = "source_hash"
HASH_LENGTH = 12
HASH_LINE = re.compile(rf"^{HASH_KEY}[ \t]*:.*$", re.M)


# A link's target, not its text: `[常见原因](causes.md#network)` -> `[常见原因]()`; an attribute
# list (`{#network}`, `{: hreflang=zh }`): the heading comparison and the URL contract check ids.
LINK_TARGET = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)")
ATTRIBUTE_LIST = re.compile(r"[ \t]*\{[:#.][^{}\n]*\}")


def translated_text(source: bytes) -> str:
    """What a translation translates of its source: its words. A fix of Chinese typography
    (full-width punctuation, spaces around Latin words), of a link's target or of an id changes
    nothing a translator must redo, so it does not make the translation stale."""
    text = LINK_TARGET.sub("]()", source.decode("utf-8", "replace"))
    return normalize(ATTRIBUTE_LIST.sub("", text))


def source_hash(source: bytes) -> str:
    return hashlib.sha256(translated_text(source).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded_hash(meta: Mapping[str, Any] | None) -> str | None:
    value = (meta or {}).get(HASH_KEY)
    return str(value) if value is not None else None


def is_stale(meta: Mapping[str, Any] | None, source: bytes) -> bool:
    """True when the page records a source version and the source has changed since."""
    recorded = recorded_hash(meta)
    return recorded is not None and recorded != source_hash(source)


def with_hash(text: str, new_hash: str) -> str:
    """``text`` (a whole Markdown file) with its ``source_hash`` front matter line set to
    ``new_hash``; only that line changes (it is added before the closing --- if missing)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].strip() != "---":
        raise ValueError("the page has no front matter (a first line ---)")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise ValueError("the front matter has no closing --- line")
    # A hash of digits only would read as a number in YAML: quote it then (and only then).
    line = f'{HASH_KEY}: "{new_hash}"' if new_hash.isdigit() else f"{HASH_KEY}: {new_hash}"
    for i in range(1, end):
        if HASH_LINE.match(lines[i]):
            lines[i] = line
            break
    else:
        lines.insert(end, line)
    return newline.join(lines)
