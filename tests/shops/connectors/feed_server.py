"""A partner's HTTP server on the loopback, scripted per path, with the faults feeds have.

Each path serves a list of `Answer`s in turn (the last one repeats). An answer may be
slow, trickle its body, be cut short, be gzipped, or carry pagination headers; every
request is recorded with its query and headers, so tests assert what the source asked.
"""

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the status line: a server that thinks too long
    trickle: float = 0.0  # seconds between two bytes of the body
    cut_at: int | None = None  # send only this many bytes of a body announced whole
    gzip: bool = False


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.routes: dict[str, list[Answer]] = {}
        self.requests: list[Request] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, path: str, *answers: Answer) -> str:
        self.routes[path] = list(answers)
        return self.url(path)

    def requests_to(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FeedServer

    def do_GET(self):  # noqa: N802 — the http.server API
        parts = urlsplit(self.path)
        self.server.requests.append(
            Request(parts.path, dict(parse_qsl(parts.query)), dict(self.headers.items()))
        )
        answers = self.server.routes.get(parts.path)
        if not answers:
            answers = [Answer(b"not found", status=404, content_type="text/plain")]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.answer(answer)

    def answer(self, answer: Answer) -> None:
        time.sleep(answer.delay)
        body = gzip.compress(answer.body) if answer.gzip else answer.body
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        if not answer.trickle:
            self.send_header("Content-Length", str(len(body)))
        if answer.gzip:
            self.send_header("Content-Encoding", "gzip")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if answer.trickle or answer.cut_at is not None:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if answer.trickle:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(answer.trickle)
        else:
            self.wfile.write(body if answer.cut_at is None else body[: answer.cut_at])

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve() -> Iterator[FeedServer]:
    server = FeedServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
