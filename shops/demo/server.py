"""Serve the bundled feeds on the loopback, as the partners' own servers would.

The demo loader and the tests read the paginated feeds (Shopify, WooCommerce) through the
real HTTP connectors, pagination headers included, so the demo takes the production path:

    /<slug>/products.json?page=N            → <slug>/products-page-N.json (Shopify)
    /<slug>/wp-json/wc/v3/products?page=N   → <slug>/page-N.json, with `Link: rel="next"`
                                              and `X-WP-TotalPages` (WooCommerce)
    /<slug>/<file>                          → the file itself (feed.xml, shops.csv, ...)
"""

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .marketplaces import FEEDS_DIR

# (URL path, page file pattern, body of a page past the end, WooCommerce headers)
PAGED_ROUTES = [
    (
        re.compile(r"^/(?P<slug>[\w-]+)/products\.json$"),
        "products-page-{}.json",
        b'{"products":[]}',
        False,
    ),
    (re.compile(r"^/(?P<slug>[\w-]+)/wp-json/wc/v3/products$"), "page-{}.json", b"[]", True),
]


class FeedRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".json": "application/json; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
        ".csv": "text/csv",
        ".tsv": "text/tab-separated-values; charset=utf-8",
    }

    def do_GET(self):  # noqa: N802 — the http.server API
        url = urlsplit(self.path)
        for pattern, page_name, past_the_end, woo_headers in PAGED_ROUTES:
            match = pattern.match(url.path)
            if match:
                folder = Path(self.directory) / match["slug"]
                page = parse_qs(url.query).get("page", ["1"])[0]
                page = int(page) if page.isdigit() and int(page) > 0 else 1
                self.send_page(folder, page_name, page, past_the_end, woo_headers)
                return
        super().do_GET()  # plain files, with the directory traversal checks of http.server

    def send_page(self, folder: Path, page_name: str, page: int, past_the_end, woo_headers):
        if not folder.is_dir():
            self.send_error(404)
            return
        page_file = folder / page_name.format(page)
        body = page_file.read_bytes() if page_file.exists() else past_the_end
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if woo_headers:
            total_pages = len(list(folder.glob(page_name.format("*"))))
            self.send_header("X-WP-TotalPages", str(total_pages))
            if page < total_pages:
                host = self.headers.get("Host", "127.0.0.1")
                path = urlsplit(self.path).path
                self.send_header("Link", f'<http://{host}{path}?page={page + 1}>; rel="next"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 — the http.server API
        pass  # the demo loader reports runs, not requests


@contextlib.contextmanager
def serve_feeds(directory: Path = FEEDS_DIR) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; yield its base URL."""
    handler = functools.partial(FeedRequestHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="demo-feeds", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
