"""embed.js, the script a portal loads, knows each language's folder, site name and the texts it
shows while the frame loads or when the guide does not answer, the addresses it is published at
and the site's address: the build hands them to it as its settings (wallet_guide/settings.py,
from mkdocs.yml through static-i18n's configuration). It is published twice: at its first
address (assets/wallet-guide/embed.js) and at the versioned one a portal can pin with an
integrity hash, which covers the settings too."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from wallet_guide.settings import with_settings

HOST_SCRIPT = "embed.js"
TYPES = "embed.d.ts"
PINNED_DIR = "embed/v1"  # the protocol's version: a breaking change gets embed/v2/
# embed.js under a name that carries its content's hash: never changed, cached for a year, the
# address a portal pins with an integrity hash (the file at PINNED_DIR/embed.js moves on).
IMMUTABLE_DIR = f"{PINNED_DIR}/immutable"
HASHES = f"{PINNED_DIR}/hashes.json"  # every immutable file published, with its integrity hash
RELEASE_NAME = re.compile(r"^embed\.[0-9a-f]{16}\.js$")
MESSAGE_KEYS = ("loading", "error", "open")
# The one line of embed.d.ts the build rewrites with the site's languages.
LANGUAGE_TYPE = re.compile(r"^export type WalletGuideLanguage = [^;]*;$", re.MULTILINE)


class ReleaseError(ValueError):
    """An archived embed.js that is not what was published; the message names the file and the fix."""


@dataclass(frozen=True)
class Release:
    """One immutable embed.js: its name carries the first 16 hex digits of its SHA-256."""

    content: str

    @property
    def name(self) -> str:
        return release_name(self.content)

    @property
    def path(self) -> str:
        return f"{IMMUTABLE_DIR}/{self.name}"

    @property
    def integrity(self) -> str:
        return integrity(self.content)


def release_name(content: str) -> str:
    return f"embed.{hashlib.sha256(content.encode('utf-8')).hexdigest()[:16]}.js"


def archived_releases(directory: Path) -> list[Release]:
    """The embed.js files earlier deploys published, kept in the repository (``directory``, e.g.
    data/embed-releases/; `scripts/guide.py embed-release` adds the current one): each is
    published again by every build, so a portal that pinned it keeps loading it."""
    releases = []
    for file in sorted(directory.glob("*.js")) if directory.is_dir() else []:
        if not RELEASE_NAME.match(file.name):
            raise ReleaseError(
                f"{file}: not an archived embed.js name: it must be embed.<the first 16 hex digits of "
                f"its SHA-256>.js; add releases with `scripts/guide.py embed-release`"
            )
        release = Release(file.read_bytes().decode("utf-8"))
        if release.name != file.name:
            raise ReleaseError(
                f"{file}: its content's hash names it {release.name}: the file changed after it was "
                f"published, and every portal that pinned it would stop loading it; restore it "
                f"(git checkout -- {file})"
            )
        releases.append(release)
    return releases


def releases_to_publish(archived: list[Release], current: str) -> tuple[Release, list[Release]]:
    """This build's release and every release to publish (the archived ones and this one)."""
    release = Release(current)
    others = [r for r in archived if r.name != release.name]
    return release, [*others, release]


def hashes_document(releases: list[Release], current: Release, site_url: str) -> str:
    """hashes.json: every immutable embed.js this site serves, oldest archived first, and which
    one this build made (the one the integrator page prints)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    document = {
        "version": 1,
        "current": current.path,
        "files": [
            {"path": r.path, "url": base + r.path, "integrity": r.integrity, "current": r == current}
            for r in releases
        ],
    }
    return json.dumps(document, indent=1) + "\n"


def typed_declarations(source: str, languages: list[str]) -> str:
    """embed.d.ts with WalletGuideLanguage as the site's languages (zh, en, zh-tw, …)."""
    union = " | ".join(json.dumps(code) for code in languages)
    text, count = LANGUAGE_TYPE.subn(f"export type WalletGuideLanguage = {union};", source)
    if count != 1:
        raise ValueError(f"{TYPES}: expected one line `export type WalletGuideLanguage = …;`, found {count}")
    return text


TRAILING_COMMENT = re.compile(r"\s+// .*$")


def without_comment(line: str) -> str:
    """``line`` without its trailing ``// comment``, unless the ``//`` may be inside a string
    (an odd number of quotes before it: kept, to be safe)."""
    found = TRAILING_COMMENT.search(line)
    if found and all(line[: found.start()].count(quote) % 2 == 0 for quote in "\"'`"):
        return line[: found.start()]
    return line


def render_host_script(
    source: str, *, languages: dict[str, dict[str, str]], paths: list[str], site_url: str
) -> str:
    """embed.js run with its settings. languages: {"en": {"root": "en/", "name": "…", "loading":
    "…", …}}; paths: where it is published (site-root relative), from which it finds the guide's
    root in its own address; site_url: the root when it is served from anywhere else.
    ``//`` comments are left out: every portal page downloads this file, and its
    settings grow with each language (docs/*/integrate.md promise under 4 KiB compressed)."""
    code = "\n".join(
        without_comment(line) for line in source.splitlines() if not line.lstrip().startswith("//")
    )
    settings = {"languages": languages, "paths": paths, "immutable": f"{IMMUTABLE_DIR}/", "site": site_url}
    return with_settings(code, settings)


def integrity(content: str) -> str:
    """The Subresource Integrity value of a file (sha384, as browsers check it)."""
    digest = hashlib.sha384(content.encode("utf-8")).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def hashes_table(releases: list[Release], site_url: str) -> str:
    """Markdown table rows (the page writes the header): each published immutable file, newest first."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    return "\n".join(f"| `{base}{r.path}` | `{r.integrity}` |" for r in reversed(releases))


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
