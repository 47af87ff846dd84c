"""A static file server for tests and benchmarks that behaves like a real host:
gzip for text, a 404 page per language, cache headers. (Python's http.server sends
everything uncompressed, which would make every page-weight figure wrong.)

    python -m scripts.static_server site --port 8000
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}


class StaticHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".webmanifest": "application/manifest+json"}

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
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzip_ok and path.suffix in COMPRESSIBLE:
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache" if path.suffix == ".html" else "max-age=3600")
        self.end_headers()
        return io.BytesIO(data)


def start(directory: Path, port: int = 0, host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, str]:
    """Serve ``directory`` in a background thread; returns the server and its base URL."""
    handler = functools.partial(StaticHandler, directory=str(directory))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server, url = start(args.directory, args.port)
    print(f"Serving {args.directory} at {url}/ (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
