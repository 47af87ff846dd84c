"""`make serve` reloads the open page when a file it is made of changes: a Markdown page
(MkDocs 1.6.1 turns live reload off by default with some click versions: the Makefile passes
--livereload) and a data file (MkDocs watches only docs/ and mkdocs.yml: the Makefile adds
data/, overrides/ and our plugins' assets)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(tmp_path: Path, *, copied: tuple[str, ...] = ("docs",)) -> Path:
    """A copy of the sources, so the test edits no file of the repository: the folders in
    ``copied`` are copies, the others links to the repository's."""
    project = tmp_path / "project"
    project.mkdir()
    for folder in ("docs", "overrides", "data"):
        if folder in copied:
            shutil.copytree(ROOT / folder, project / folder)
        else:
            (project / folder).symlink_to(ROOT / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


@contextmanager
def make_serve(page, project: Path, path: str) -> Iterator[None]:
    """`make serve` of ``project``, with ``page`` open at ``path`` and marked, so that a test can
    tell a live reload (the mark is gone) from no reload."""
    port = free_port()
    server = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "serve",
            f"HOST=127.0.0.1:{port}",
            f"CONFIG={project / 'mkdocs.yml'}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "SITE_URL": ""},
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/{path}")
                break
            except Exception:
                assert server.poll() is None, f"make serve stopped:\n{server.stdout.read()}"
                assert time.monotonic() < deadline, "make serve did not start within 90 s"
                time.sleep(1)
        yield
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        server.stdout.close()


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def reloads_after(page, edit_made, shown) -> None:
    """Marks the open page, makes the edit, and waits until the page shows ``shown`` (a locator)
    without the mark: the browser reloaded it (a page that rewrote itself would keep the mark)."""
    page.evaluate("window.__notReloaded = true")
    edit_made()
    expect(shown).to_be_visible(timeout=60_000)
    assert page.evaluate("window.__notReloaded === undefined"), "the page itself reloaded"


def test_an_edited_page_then_an_edited_data_file_each_reload_the_open_page(page, tmp_path):
    """One `make serve`, two edits in turn: the second reload also shows that serving goes on
    after a rebuild."""
    project = copy_project(tmp_path, copied=("docs", "data"))
    with make_serve(page, project, "causes/"):
        expect(page.locator("#balance")).to_contain_text("账户余额不足")
        reloads_after(
            page,
            lambda: edit(
                project / "docs/zh/causes.md",
                "## 2. 账户余额不足 {#balance}",
                "## 2. 账户余额不足（已编辑） {#balance}",
            ),
            page.locator("#balance").filter(has_text="（已编辑）"),
        )

        page.goto(page.url.replace("causes/", "checklist/"))
        expect(page.locator("label").filter(has_text="支付时网络不稳定或已断开").first).to_be_visible()
        reloads_after(
            page,
            lambda: edit(
                project / "data/checklist.yml",
                "symptom: 支付时网络不稳定或已断开",
                "symptom: 支付时网络不稳定或已断开（已编辑）",
            ),
            page.get_by_text("支付时网络不稳定或已断开（已编辑）").first,
        )
