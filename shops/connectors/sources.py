"""Where connectors read feeds from: a local file, or an HTTP endpoint with limits.

The limits (connect and read timeouts, a total duration) make a partner that hangs
fail its own run instead of holding a worker for ever.
"""

import os
import tempfile
import time
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import requests

from .base import FeedSource, FeedUnavailable

USER_AGENT = "LocalDabord-Importer/1.0 (+https://localdabord.fr)"
CHUNK = 256 * 1024


class FileFeedSource(FeedSource):
    def __init__(self, path: Path | str):
        self.path = Path(path)

    def open(self) -> IO[bytes]:
        try:
            return self.path.open("rb")
        except OSError as error:
            raise FeedUnavailable(f"cannot read {self.path}: {error}", retryable=False) from error

    def get_json(self, url=None, params=None):
        raise FeedUnavailable("a paginated API needs an HTTP feed URL", retryable=False)


class HttpFeedSource(FeedSource):
    def __init__(
        self,
        url: str,
        *,
        auth: tuple[str, str] | Mapping[str, str] | None = None,
        timeout: tuple[float, float] = (5, 30),
        session: requests.Session | None = None,
        max_seconds: float = 600,
    ):
        self.url = url
        self.timeout = timeout
        self.max_seconds = max_seconds
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.auth = None
        if isinstance(auth, tuple):
            self.auth = auth
        elif auth:
            self.session.headers.update(auth)
        self.started = time.monotonic()
        self.spool: str | None = None

    def request(self, url: str, params: Mapping[str, Any] | None, *, stream: bool):
        if time.monotonic() - self.started > self.max_seconds:
            raise FeedUnavailable("the feed took longer than its time limit")
        try:
            response = self.session.get(
                url, params=params, timeout=self.timeout, stream=stream, auth=self.auth
            )
        except requests.Timeout as error:
            raise FeedUnavailable(f"timeout reading {url}") from error
        except requests.RequestException as error:
            raise FeedUnavailable(f"cannot reach {url}: {error}") from error
        if response.status_code >= 500:
            response.close()
            raise FeedUnavailable(f"{url} answered {response.status_code}")
        if response.status_code >= 400:
            response.close()
            raise FeedUnavailable(f"{url} answered {response.status_code}", retryable=False)
        return response

    def open(self) -> IO[bytes]:
        """The feed, downloaded once to a temporary file that every pass re-reads.

        Streaming to disk keeps memory flat, and a parser making two passes (or a
        partner dropping the connection mid-parse) costs no second download.
        """
        if self.spool is None:
            self.spool = self.download()
        return open(self.spool, "rb")  # noqa: SIM115 — the caller closes it

    def download(self) -> str:
        response = self.request(self.url, None, stream=True)
        deadline = self.started + self.max_seconds
        descriptor, path = tempfile.mkstemp(prefix="ldab-feed-")
        weakref.finalize(self, os.unlink, path)
        received = 0
        with response, os.fdopen(descriptor, "wb") as spool:
            try:
                for chunk in response.iter_content(CHUNK):
                    if time.monotonic() > deadline:
                        raise FeedUnavailable("the feed took longer than its time limit")
                    spool.write(chunk)
                    received += len(chunk)
            except requests.RequestException as error:
                raise FeedUnavailable(f"the feed download broke off: {error}") from error
        expected = response.headers.get("Content-Length")
        encoded = response.headers.get("Content-Encoding")
        if expected and expected.isdigit() and not encoded and int(expected) != received:
            raise FeedUnavailable(f"truncated feed: {received} of {expected} bytes")
        return path

    def get_json(self, url=None, params=None):
        target = url or self.url
        response = self.request(target, params, stream=False)
        content_type = response.headers.get("Content-Type", "")
        if "json" not in content_type:
            raise FeedUnavailable(f"{target} sent {content_type or 'no content type'}, not JSON")
        expected = response.headers.get("Content-Length")
        if expected and expected.isdigit() and int(expected) != len(response.content):
            raise FeedUnavailable(f"{target} sent a truncated body")
        try:
            return response.json(), response.headers
        except ValueError as error:
            raise FeedUnavailable(f"{target} sent invalid JSON: {error}") from error
