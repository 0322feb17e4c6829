"""A real HTTP server on the loopback for tests: partner feeds, images, faults.

Routes map a path to a list of responses served in turn (the last one repeats), so a
test can say "500, then 200" or "hang for 3 s".
"""

import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/json"
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, list[Reply]]):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes = {path: list(replies) for path, replies in routes.items()}
        self.hits: dict[str, int] = {}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 — the http.server API
        path = self.path.split("?", 1)[0]
        replies = self.server.routes.get(path)
        self.server.hits[path] = self.server.hits.get(path, 0) + 1
        if not replies:
            self.send_error(404)
            return
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        if reply.delay:
            time.sleep(reply.delay)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(reply.body)

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(routes: dict[str, list[Reply]]):
    server = LoopbackServer(routes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
