"""embed.js, the script a portal loads, knows each language's folder, site name and the texts it
shows while the frame loads or when the guide does not answer: the build writes them in from
mkdocs.yml (through static-i18n's configuration). It is published twice: at its first address
(assets/wallet-guide/embed.js) and at the versioned one a portal can pin with an integrity hash."""

from __future__ import annotations

import base64
import hashlib
import json
import re

HOST_SCRIPT = "embed.js"
TYPES = "embed.d.ts"
PINNED_DIR = "embed/v1"  # the protocol's version: a breaking change gets embed/v2/
MESSAGE_KEYS = ("loading", "error", "open")
# The one line of embed.js the build rewrites; as written in the package it is a working default.
LANGUAGES_LINE = re.compile(r"^  const LANGUAGES = .*;$", re.M)


def render_host_script(source: str, languages: dict[str, dict[str, str]]) -> str:
    """``source`` with ``languages`` ({"en": {"root": "en/", "name": "…", "loading": "…"}}) written in."""
    line = f"  const LANGUAGES = {json.dumps(languages, ensure_ascii=False)};"
    text, count = LANGUAGES_LINE.subn(lambda _: line, source)
    if count != 1:
        raise ValueError(f"{HOST_SCRIPT}: expected one 'const LANGUAGES = …;' line, found {count}")
    return text


def integrity(content: str) -> str:
    """The Subresource Integrity value of a file (sha384, as browsers check it)."""
    digest = hashlib.sha384(content.encode("utf-8")).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def pinned_snippet(script_url: str, content: str) -> str:
    """The Markdown of the snippet that loads the versioned embed.js with its integrity hash."""
    return "\n".join([
        "```html",
        f'<script src="{script_url}"',
        f'        integrity="{integrity(content)}"',
        '        crossorigin="anonymous"></script>',
        "```",
    ])
