"""The _headers file read by Netlify and Cloudflare Pages (other hosts: see the integrator page)."""

from __future__ import annotations

from urllib.parse import urlsplit


def frame_ancestors(origins: list[str]) -> str:
    """The CSP directive that lets only the site itself and the allow-listed portals frame it."""
    return " ".join(["frame-ancestors", "'self'", *origins])


# embed.d.ts: no browser or host knows .d.ts (Python's guess is video/mp2t; some hosts send
# text/vnd.trolltech.linguist for .ts); plain text opens in a tab and downloads as it is.
TYPES_CONTENT_TYPE = "text/plain; charset=utf-8"
# A file whose name carries its content's hash never changes: a year, and no revalidation.
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"


def render_headers(
    origins: list[str],
    site_url: str | None,
    api_dir: str,
    embed_dir: str = "embed",
    types: str = "",
    immutable_dir: str = "",
) -> str:
    """`_headers` for every path, plus CORS for the content API and for embed.js and its files
    (a pinned <script integrity crossorigin> is blocked without it), embed.d.ts's content
    type and the immutable files' long cache. Paths start at the site's base path (site_url's
    path, usually /)."""
    base = urlsplit(site_url or "/").path or "/"
    if not base.endswith("/"):
        base += "/"
    return "\n".join(
        [
            "# Written by the wallet-guide-embed plugin from mkdocs.yml (embed_allowed_origins).",
            f"{base}*",
            f"  Content-Security-Policy: {frame_ancestors(origins)}",
            "  X-Content-Type-Options: nosniff",
            # The embed view learns its portal's origin from the referrer: keep sending the origin.
            "  Referrer-Policy: strict-origin-when-cross-origin",
            f"{base}{api_dir.strip('/')}/*",
            "  Access-Control-Allow-Origin: *",
            f"{base}{embed_dir.strip('/')}/*",
            "  Access-Control-Allow-Origin: *",
            *([f"{base}{types.strip('/')}", f"  Content-Type: {TYPES_CONTENT_TYPE}"] if types else []),
            *(
                [f"{base}{immutable_dir.strip('/')}/*", f"  Cache-Control: {IMMUTABLE_CACHE}"]
                if immutable_dir
                else []
            ),
            "",
        ]
    )
