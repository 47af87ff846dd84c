"""One Jinja bytecode cache for every language pass of a build.

static-i18n builds each language in a pass of its own, and every pass gets a new Jinja
environment, so the theme's templates (about 46 of Material's and ours) were parsed and compiled
once per language: with four languages, the largest single cost of a build. Passes share this
cache instead. Jinja keys a template's code by its name and checks the checksum of its source,
so a template edited while `make serve` runs is compiled again, never served stale.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, for the lifetime of one build's plugins."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)
