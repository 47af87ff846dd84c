"""The _headers file read by Netlify and Cloudflare Pages (other hosts: see the integrator page)."""

from __future__ import annotations

from urllib.parse import urlsplit


def frame_ancestors(origins: list[str]) -> str:
    """The CSP directive that lets only the site itself and the allow-listed portals frame it."""
    return " ".join(["frame-ancestors", "'self'", *origins])


def render_headers(origins: list[str], site_url: str | None, api_dir: str) -> str:
    """`_headers` for every path, plus CORS for the content API (read by portals' servers and
    browsers alike). Paths start at the site's base path (site_url's path, usually /)."""
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
            "",
        ]
    )
