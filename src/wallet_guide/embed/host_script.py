"""embed.js, the script a portal loads, knows each language's folder and site name: the build
writes them in from mkdocs.yml (through static-i18n's configuration)."""

from __future__ import annotations

import json
import re

HOST_SCRIPT = "embed.js"
# The one line of embed.js the build rewrites; as written in the package it is a working default.
LANGUAGES_LINE = re.compile(r"^  const LANGUAGES = .*;$", re.M)


def render_host_script(source: str, languages: dict[str, dict[str, str]]) -> str:
    """``source`` with ``languages`` ({"en": {"root": "en/", "name": "…"}}) written in."""
    line = f"  const LANGUAGES = {json.dumps(languages, ensure_ascii=False)};"
    text, count = LANGUAGES_LINE.subn(lambda _: line, source)
    if count != 1:
        raise ValueError(f"{HOST_SCRIPT}: expected one 'const LANGUAGES = …;' line, found {count}")
    return text
