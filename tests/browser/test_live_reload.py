"""`make serve` reloads the open page when a Markdown file changes (MkDocs 1.6.1 turns live
reload off by default with some click versions: the Makefile passes --livereload)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_editing_a_page_reloads_it_in_the_browser(page, tmp_path):
    # A copy of the sources, so the test edits no file of the repository.
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    for shared in ("overrides", "data"):
        (project / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"HOST=127.0.0.1:{port}",
         f"CONFIG={project / 'mkdocs.yml'}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, env={**os.environ, "SITE_URL": ""},
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/causes/")
                break
            except Exception:
                assert server.poll() is None, f"make serve stopped:\n{server.stdout.read()}"
                assert time.monotonic() < deadline, "make serve did not start within 90 s"
                time.sleep(1)
        expect(page.locator("#balance")).to_contain_text("账户余额不足")
        page.evaluate("window.__notReloaded = true")

        source = project / "docs" / "zh" / "causes.md"
        source.write_text(source.read_text(encoding="utf-8").replace(
            "## 2. 账户余额不足 {#balance}", "## 2. 账户余额不足（已编辑） {#balance}"), encoding="utf-8")

        expect(page.locator("#balance")).to_contain_text("（已编辑）", timeout=60_000)
        assert page.evaluate("window.__notReloaded === undefined"), "the page itself reloaded"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        server.stdout.close()
