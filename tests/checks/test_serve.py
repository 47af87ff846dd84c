"""`make serve` with a build that fails: the browser gets the check's messages, not a wait."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.checks import golden

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")
    except OSError:
        return None  # not listening yet


def test_a_failed_build_shows_the_check_messages_in_the_browser(tmp_path):
    root = golden.project("broken-link", tmp_path)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts/guide.py"),
            "serve",
            "--config-file",
            str(root / "mkdocs.yml"),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        body = None
        deadline = time.monotonic() + 120
        while body is None and time.monotonic() < deadline and server.poll() is None:
            body = fetch(f"http://127.0.0.1:{port}/")
            time.sleep(0.5)  # polling for the server to listen, not proving an absence
        assert server.poll() is None, "the server stopped on the failed build"
        assert body is not None, "the server never answered"
        assert "The build failed" in body
        assert "docs/zh/index.md:8: link to cause.md#network: docs/zh/cause.md does not exist" in body
        assert "livereload" in body  # it reloads by itself once the build works again
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    # And in the terminal.
    assert "docs/zh/index.md:8: link to cause.md#network" in (tmp_path / "serve.log").read_text()
