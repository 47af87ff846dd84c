"""The one browser the tests, benchmarks and audits drive: Debian's Chromium, with the flags
this machine needs (no network beyond localhost: Chromium's own calls home stay quiet)."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
