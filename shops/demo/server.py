"""Serve the bundled paginated feeds (Shopify, WooCommerce) on the loopback, as partners do.

The demo loader reads them through the real HTTP connectors, headers and pagination
included, so the demo exercises the same path as production.
"""

import contextlib
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAGED_ROUTES = [
    # (URL path pattern, file name pattern, adds WooCommerce's Link and X-WP-TotalPages)
    (re.compile(r"^/(?P<slug>[\w-]+)/products\.json$"), "products-page-{page}.json", False),
    (re.compile(r"^/(?P<slug>[\w-]+)/wp-json/wc/v3/products$"), "page-{page}.json", True),
]


def handler_for(directory: Path):
    class FeedHandler(SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 — the http.server API
            url = urlsplit(self.path)
            page = int(parse_qs(url.query).get("page", ["1"])[0])
            for pattern, file_pattern, woo_headers in PAGED_ROUTES:
                match = pattern.match(url.path)
                if match:
                    folder = directory / match["slug"]
                    self.send_page(folder, file_pattern, page, url.path, woo_headers)
                    return
            self.send_error(404)

        def send_page(self, folder, file_pattern, page, path, woo_headers):
            pages = len(list(folder.glob(file_pattern.replace("{page}", "*"))))
            file = folder / file_pattern.format(page=page)
            body = file.read_bytes() if file.exists() else b"[]"
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if woo_headers:
                self.send_header("X-WP-TotalPages", str(pages))
                if page < pages:
                    base = f"http://{self.headers['Host']}{path}"
                    self.send_header("Link", f'<{base}?page={page + 1}>; rel="next"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    return FeedHandler


@contextlib.contextmanager
def serve_feeds(directory: Path):
    """Yield the base URL of a loopback server for the feeds folder, stopped on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
