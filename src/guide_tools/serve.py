"""`make serve`: MkDocs' live-reload server, except that a build that fails shows the check's
messages in the browser (and the terminal) instead of leaving the browser waiting on the last
good site. MkDocs' server waits for a rebuild that succeeds before it answers any request; here
a failed build succeeds in writing an error page, served for every address until the next
build works, and the live reload then brings the page back."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

import mkdocs.commands.serve
from mkdocs.commands.build import build

from guide_tools.checks import report, run
from guide_tools.checks.project import load_project
from guide_tools.checks.site import build_problems, recording

log = logging.getLogger("mkdocs.commands.serve")
ERROR_PAGE = "404.html"  # MkDocs' server answers every missing address with it


def error_page(lines: list[str], error: str) -> str:
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>The build failed</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem;max-width:60rem}"
        "li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}</style></head><body>"
        "<h1>The build failed</h1><p>Fix these, save, and this page reloads by itself "
        "(<code>make check</code> prints the same in the terminal).</p>"
        f"<ol>{items}</ol><p>The build said: <code>{html.escape(error)}</code></p></body></html>"
    )


def guarded_build(config: Any, **options: Any) -> None:
    """MkDocs' build; when it fails, the check's messages in place of every page (each with
    MkDocs' live-reload script, so the fixed page comes back by itself)."""
    with recording(config) as recorder:
        try:
            build(config, **options)
            return
        except Exception as failure:
            error = failure
    root = Path(config.config_file_path).parent
    project = load_project(root)
    problems = run.check_sources(project)
    if not any(p.severity == "error" for p in problems):  # the build alone knows what is wrong
        problems += build_problems(root, recorder.messages, project)
    lines = report.lines(run.ordered(problems), {})
    site = Path(config.site_dir)
    page = error_page(lines, str(error) or type(error).__name__)
    for file in {*site.rglob("*.html"), site / "index.html", site / ERROR_PAGE}:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(page, encoding="utf-8")
    for line in lines:
        log.error(line)
    log.error("The build failed: the browser shows these messages until it works again")


def serve(config_file: Path, dev_addr: str, watch: list[str]) -> None:
    # As `mkdocs serve` logs: its INFO lines and every warning, on stderr, unbuffered.
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s", force=True)
    mkdocs.commands.serve.build = guarded_build  # its builder's build
    mkdocs.commands.serve.serve(config_file=str(config_file), dev_addr=dev_addr, watch=watch, livereload=True)
