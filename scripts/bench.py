"""`make bench`: build the site and print what it costs a reader and a builder.

- the full build time of both languages (wall clock of `mkdocs build`, as a developer waits);
- per page, a reader's first visit in a fresh browser on a phone-sized screen: requests and
  bytes transferred (headers + compressed bodies, measured by the browser; the local server
  gzips text as real hosts do, see scripts/static_server.py);
- the search index of each language: its total size, and what the first search downloads.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from scripts import static_server

ROOT = Path(__file__).resolve().parent.parent
TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}
CHROMIUM = "/usr/bin/chromium"


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return gzip_size(data) if path.suffix in TEXT_TYPES else len(data)


def timed_build(site_dir: Path, site_url: str) -> tuple[float, float | None]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed:\n{result.stdout}{result.stderr}")
    reported = None
    for line in (result.stdout + result.stderr).splitlines():
        if "Documentation built in" in line:
            reported = float(line.split("built in")[1].split()[0])
    return wall, reported


def page_urls(site_dir: Path) -> list[str]:
    urls = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in {"assets", "search"}:
            continue
        urls.append("/" if rel == "." else f"/{rel}/")
    return urls


def first_visits(site_dir: Path, base: str, urls: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        for url in urls:
            context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(base + url, wait_until="networkidle")
            network = [r for r in finished if not r.url.startswith("data:")]
            sizes = [r.sizes() for r in network]
            rows.append({
                "page": url,
                "requests": len(network),
                "third_party": sum(not r.url.startswith(base) for r in network),
                "bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
            })
            context.close()
        browser.close()
    return rows


def search_index(site_dir: Path) -> list[dict]:
    rows = []
    for folder in sorted((site_dir / "search").iterdir()):
        files = sorted(folder.glob("*.json"))
        manifest = json.loads((folder / "manifest.json").read_text())
        rows.append({
            "lang": folder.name,
            "files": len(files),
            "bytes": sum(f.stat().st_size for f in files),
            "gzip": sum(transfer_size(f) for f in files),
            "sections": manifest["sections"],
        })
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)

    args.site_dir.mkdir(parents=True, exist_ok=True)
    server, base = static_server.start(args.site_dir)
    try:
        wall, reported = timed_build(args.site_dir, base + "/")
        visits = first_visits(args.site_dir, base, page_urls(args.site_dir))
        index = search_index(args.site_dir)
    finally:
        server.shutdown()
        server.server_close()

    figures = {"build_seconds": round(wall, 2), "mkdocs_reported_seconds": reported,
               "pages": visits, "search_index": index}
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print(f"Full build (zh + en): {wall:.2f} s wall clock (MkDocs reports {reported} s)")
    print(f"\nFirst visit, fresh browser, phone screen, compressed transfer:\n{'page':<28}{'requests':>9}{'3rd-party':>10}{'KiB':>9}")
    for row in visits:
        print(f"{row['page']:<28}{row['requests']:>9}{row['third_party']:>10}{row['bytes'] / 1024:>9.1f}")
    print(f"\nSearch index:\n{'lang':<6}{'sections':>9}{'files':>7}{'KiB':>9}{'KiB gz':>9}")
    for row in index:
        print(f"{row['lang']:<6}{row['sections']:>9}{row['files']:>7}{row['bytes'] / 1024:>9.1f}{row['gzip'] / 1024:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
