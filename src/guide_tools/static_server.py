"""A static file server for tests and benchmarks that behaves like a real host:
gzip for text, a 404 page per language, cache headers. (Python's http.server sends
everything uncompressed, which would make every page-weight figure wrong.) With --headers it
also applies the site's `_headers` file as Netlify and Cloudflare Pages do; without, it is
GitHub Pages, which ignores that file.

    scripts/guide.py serve-built site --port 8000 [--headers]
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest", ".ts"}
HEADERS_FILE = "_headers"


Rules = list[tuple[re.Pattern[str], list[tuple[str, str]]]]


def parse_headers_file(text: str) -> Rules:
    """Netlify's `_headers` format: a path pattern on its own line, then its headers indented,
    `Name: value`. `*` matches anything (the rest of the path), `:name` one path segment."""
    rules: Rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = "".join(
                ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                for part in re.split(r"(\*|:[A-Za-z_]\w*)", line.strip())
            )
            rules.append((re.compile(pattern + "$"), []))
        elif ":" in line and rules:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
        else:
            raise ValueError(
                f"{HEADERS_FILE}:{number}: expected a path or an indented 'Name: value' line: {line!r}"
            )
    return rules


def headers_for(rules: Rules, path: str) -> list[tuple[str, str]]:
    """Every matching rule's headers; a header set by several rules has their values joined, as Netlify does."""
    merged: dict[str, list[str]] = {}
    for pattern, headers in rules:
        if pattern.match(path):
            for name, value in headers:
                merged.setdefault(name, []).append(value)
    return [(name, ", ".join(values)) for name, values in merged.items()]


_GZIPPED: dict[bytes, bytes] = {}  # a digest of the content: the content compressed


def gzipped(data: bytes) -> bytes:
    """``data`` compressed, once per content: the test servers send the same files to every fresh
    tab, and gzip was most of their CPU (a digest costs a fraction of a compression)."""
    digest = hashlib.blake2b(data, digest_size=16).digest()
    if (compressed := _GZIPPED.get(digest)) is None:
        if len(_GZIPPED) > 4096:  # a benchmark's big site: keep the memory bounded
            _GZIPPED.clear()
        compressed = _GZIPPED[digest] = gzip.compress(data, compresslevel=6, mtime=0)
    return compressed


class StaticHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012  (the base class declares it an instance variable)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".ts": "text/plain; charset=utf-8",  # embed.d.ts (Python guesses video/mp2t)
    }

    def header_rules(self) -> Rules:
        """The rules of _headers, when this server applies it (GitHub Pages does not)."""
        return []

    def log_message(self, *args):  # quiet: tests and benchmarks print their own figures
        pass

    def _file_for(self, url_path: str) -> Path | None:
        path = Path(self.translate_path(url_path))
        if path.is_dir():
            if not url_path.split("?")[0].endswith("/"):
                return None  # let the base class redirect /x to /x/
            path = path / "index.html"
        return path if path.is_file() else None

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        for part in self.path.lstrip("/").split("/")[:1]:
            candidate = root / part / "404.html"
            if part and candidate.is_file():
                return candidate
        return root / "404.html" if (root / "404.html").is_file() else None

    def send_head(self):
        path = self._file_for(self.path)
        if path is None:
            if Path(self.translate_path(self.path)).is_dir():
                return super().send_head()  # directory redirect
            page = self._not_found_page()
            if page is None:
                self.send_error(404)
                return None
            return self._send(page, status=404)
        return self._send(path)

    def _send(self, path: Path, status: int = 200):
        data = path.read_bytes()
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        # The site's own headers replace the server's defaults of the same name, as on Netlify.
        custom = headers_for(self.header_rules(), self.path.split("?")[0])
        own = {name.lower() for name, _ in custom}
        self.send_response(status)
        if "content-type" not in own:
            self.send_header("Content-Type", self.guess_type(str(path)))
        if gzip_ok and path.suffix in COMPRESSIBLE:
            data = gzipped(data)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        if "cache-control" not in own:
            self.send_header("Cache-Control", "no-cache" if path.suffix == ".html" else "max-age=3600")
        for name, value in custom:
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(data)


def start(
    directory: Path, port: int = 0, host: str = "127.0.0.1", apply_headers: bool = False
) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``directory`` in a background thread; returns the server and its base URL.
    ``apply_headers``: send the headers of ``directory/_headers`` (read at each request, so a
    server started before the build sees the built file)."""
    handler_class = StaticHandler
    if apply_headers:

        class HeadersHandler(StaticHandler):
            def header_rules(self) -> Rules:
                file = Path(self.directory) / HEADERS_FILE
                return parse_headers_file(file.read_text(encoding="utf-8")) if file.is_file() else []

        handler_class = HeadersHandler
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def serve_forever(directory: Path, port: int, apply_headers: bool = False) -> None:
    """Serve until Ctrl+C."""
    server, url = start(directory, port, apply_headers=apply_headers)
    print(f"Serving {directory} at {url}/ (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
