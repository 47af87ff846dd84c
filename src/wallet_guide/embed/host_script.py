"""embed.js, the script a portal loads, knows each language's folder, site name and the texts it
shows while the frame loads or when the guide does not answer, the addresses it is published at
and the site's address: the build hands them to it as its settings (wallet_guide/settings.py,
from mkdocs.yml through static-i18n's configuration). It is published twice: at its first
address (assets/wallet-guide/embed.js) and at the versioned one a portal can pin with an
integrity hash, which covers the settings too."""

from __future__ import annotations

import base64
import hashlib

from wallet_guide.settings import with_settings

HOST_SCRIPT = "embed.js"
TYPES = "embed.d.ts"
PINNED_DIR = "embed/v1"  # the protocol's version: a breaking change gets embed/v2/
MESSAGE_KEYS = ("loading", "error", "open")


def render_host_script(
    source: str, *, languages: dict[str, dict[str, str]], paths: list[str], site_url: str
) -> str:
    """embed.js run with its settings. languages: {"en": {"root": "en/", "name": "…", "loading":
    "…", …}}; paths: where it is published (site-root relative), from which it finds the guide's
    root in its own address; site_url: the root when it is served from anywhere else.
    Whole-line ``//`` comments are left out: every portal page downloads this file, and its
    settings grow with each language (docs/*/integrate.md promise under 4 KiB compressed)."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
    return with_settings(code, {"languages": languages, "paths": paths, "site": site_url})


def integrity(content: str) -> str:
    """The Subresource Integrity value of a file (sha384, as browsers check it)."""
    digest = hashlib.sha384(content.encode("utf-8")).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def pinned_snippet(script_url: str, content: str) -> str:
    """The Markdown of the snippet that loads the versioned embed.js with its integrity hash."""
    return "\n".join(
        [
            "```html",
            f'<script src="{script_url}"',
            f'        integrity="{integrity(content)}"',
            '        crossorigin="anonymous"></script>',
            "```",
        ]
    )
