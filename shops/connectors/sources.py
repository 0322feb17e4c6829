"""Where connectors read feeds from: a local file, or an HTTP endpoint with limits.

The limits (connect and read timeouts, and a budget of seconds spent waiting on the
partner) make a partner that hangs or trickles fail its own run instead of holding a
worker for ever. Every failure is a `FeedUnavailable` saying whether retrying can help.
"""

import contextlib
import gzip
import http.client
import io
import json
import os
import re
import tempfile
import time
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
import urllib3

from .base import FeedSource, FeedUnavailable
from .public_http import guard, refused_reason

USER_AGENT = "LocalDabord-Importer/1.0 (+https://localdabord.fr)"
CHUNK = 256 * 1024
GZIP_MAGIC = b"\x1f\x8b"
# Busy or rate-limited, not refused: the same request may succeed later.
RETRYABLE_CLIENT_ERRORS = {408, 425, 429}
# Query parameters that carry credentials (WooCommerce accepts its keys in the URL).
SECRET_PARAMETERS = ("key", "secret", "token", "password", "signature", "auth")
NOT_AN_API = "une API paginée (Shopify, WooCommerce) se lit à une adresse HTTP, pas dans un fichier"
NUMBER = re.compile(r"(\d+)")


def open_file(path: Path) -> IO[bytes]:
    """A feed file, gunzipped on the fly when it is compressed (whatever its name)."""
    with path.open("rb") as probe:
        compressed = probe.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else path.open("rb")


def load_json(stream: IO[bytes], name: str) -> Any:
    try:
        with stream:
            return json.load(stream)
    except ValueError as error:
        raise FeedUnavailable(f"{name} : JSON invalide ({error})", retryable=False) from error


def page_order(path: Path) -> list:
    # "page10.json" after "page9.json", as a person numbers saved pages.
    return [int(part) if part.isdigit() else part for part in NUMBER.split(path.name)]


class FileFeedSource(FeedSource):
    """A feed file; for a paginated API, a saved page or a folder of saved pages (*.json)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def json_documents(self) -> Iterator[Any]:
        if self.path.is_dir():
            files = sorted(self.path.glob("*.json"), key=page_order)
            if not files:
                raise FeedUnavailable(f"aucun fichier .json dans {self.path}", retryable=False)
        else:
            files = [self.path]
        for path in files:
            yield load_json(FileFeedSource(path).open(), path.name)

    def open(self) -> IO[bytes]:
        try:
            return open_file(self.path)
        except OSError as error:
            message = f"impossible de lire {self.path} : {error.strerror or error}"
            raise FeedUnavailable(message, retryable=False) from error

    def get_json(self, url=None, params=None):
        raise FeedUnavailable(NOT_AN_API, retryable=False)


class BytesFeedSource(FeedSource):
    """A feed already in memory, such as a file an editor uploads to try a mapping."""

    def __init__(self, data: bytes):
        self.data = data

    def open(self) -> IO[bytes]:
        return io.BytesIO(self.data)

    def json_documents(self) -> Iterator[Any]:
        yield load_json(self.open(), "fichier envoyé")

    def get_json(self, url=None, params=None):
        raise FeedUnavailable(NOT_AN_API, retryable=False)


def redact(url: str) -> str:
    """The URL for messages and logs: credentials in the query string are masked."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [
        (name, "***" if any(word in name.lower() for word in SECRET_PARAMETERS) else value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*")))


def same_origin(first: str, second: str) -> bool:
    one, two = urlsplit(first), urlsplit(second)
    return (one.scheme, one.netloc) == (two.scheme, two.netloc)


class HttpFeedSource(FeedSource):
    """An HTTP feed, read with `requests`.

    `auth` is a (user, password) pair for HTTP Basic, or a dict of headers (an API key);
    `max_seconds` bounds the time spent waiting on the partner over all the requests of
    a run (the time the sync spends between two pages does not count); `max_bytes` the
    size of a downloaded feed. The session reaches public addresses only
    (`public_http.py`), whatever the partner's URL or its redirects say.
    """

    def __init__(
        self,
        url: str,
        *,
        auth: tuple[str, str] | Mapping[str, str] | None = None,
        timeout: tuple[float, float] = (5, 30),
        session: requests.Session | None = None,
        max_seconds: float = 600,
        max_json_bytes: int = 64 * 1024 * 1024,
        max_bytes: int = 4 * 1024 * 1024 * 1024,
    ):
        self.url = url
        self.timeout = timeout
        self.max_seconds = max_seconds
        self.max_json_bytes = max_json_bytes
        self.max_bytes = max_bytes
        self.session = guard(session or requests.Session())
        # Headers go with each request, never into a session that may be shared.
        self.headers = {"User-Agent": USER_AGENT}
        self.auth = None
        if isinstance(auth, tuple | list):
            self.auth = tuple(auth)
        elif auth:
            self.headers.update(auth)
        self.seconds_spent = 0.0
        self.spool: str | None = None

    def for_url(self, url: str) -> "HttpFeedSource":
        """Another document of the same partner (a companion shop list), with the same limits.

        Credentials follow only to the same scheme, host and port.
        """
        sibling = HttpFeedSource(
            url,
            timeout=self.timeout,
            session=self.session,
            max_seconds=self.max_seconds,
            max_json_bytes=self.max_json_bytes,
            max_bytes=self.max_bytes,
        )
        if same_origin(url, self.url):
            sibling.auth = self.auth
            sibling.headers = dict(self.headers)
        return sibling

    # --- FeedSource --------------------------------------------------------------------

    def open(self) -> IO[bytes]:
        """The feed, downloaded once to a temporary file that every pass re-reads.

        Streaming to disk keeps memory flat, and a parser making two passes (or a
        partner dropping the connection mid-parse) costs no second download.
        """
        if self.spool is None:
            self.spool = self.download()
        return open_file(Path(self.spool))

    def get_json(
        self, url: str | None = None, params: Mapping[str, Any] | None = None
    ) -> tuple[Any, Mapping[str, str]]:
        response = self.request(url or self.url, params, accept="application/json")
        target = response.url or url or self.url  # with its query: the page is in it
        with response:
            content_type = response.headers.get("Content-Type", "")
            # A maintenance or login page served with a 200: the API is not answering.
            if content_type and "json" not in content_type.lower():
                raise FeedUnavailable(
                    f"{redact(target)} a répondu {content_type.split(';')[0]} au lieu de JSON"
                )
            body = bytearray()
            for chunk in self.body(response, target):
                body += chunk
                if len(body) > self.max_json_bytes:
                    raise FeedUnavailable(
                        f"{redact(target)} : page JSON de plus de {self.max_json_bytes} octets",
                        retryable=False,
                    )
        try:
            return json.loads(bytes(body)), response.headers
        except ValueError as error:
            raise FeedUnavailable(
                f"{redact(target)} : JSON invalide ou tronqué ({error})"
            ) from error

    # --- HTTP --------------------------------------------------------------------------

    def remaining_seconds(self) -> float:
        remaining = self.max_seconds - self.seconds_spent
        if remaining <= 0:
            raise FeedUnavailable(
                f"lecture du flux arrêtée : plus de {self.max_seconds:g} s d'attente du partenaire"
            )
        return remaining

    def request(self, url: str, params: Mapping[str, Any] | None, *, accept: str):
        self.remaining_seconds()
        started = time.monotonic()
        try:
            response = self.session.get(
                url,
                params=params,
                headers={**self.headers, "Accept": accept},
                auth=self.auth,
                timeout=self.timeout,
                stream=True,
            )
        except requests.Timeout as error:
            raise FeedUnavailable(f"délai dépassé (timeout) en lisant {redact(url)}") from error
        except requests.RequestException as error:
            if refused := refused_reason(error):
                # The partner's address (or a redirect's) must change: retrying cannot help.
                raise FeedUnavailable(f"{redact(url)} : {refused}", retryable=False) from error
            raise FeedUnavailable(f"{redact(url)} injoignable : {type(error).__name__}") from error
        finally:
            self.seconds_spent += time.monotonic() - started
        if not 200 <= response.status_code < 300:
            response.close()
            raise http_error(response.url or url, response)
        return response

    def body(self, response: requests.Response, url: str) -> Iterator[bytes]:
        """The decoded body (gzip, deflate) in chunks, within the time left, whole or failing.

        `read1` returns as soon as some bytes arrive, so a partner sending one byte every
        few seconds still meets the deadline between two reads.
        """
        raw = response.raw
        raw.decode_content = True
        read = getattr(raw, "read1", raw.read)
        deadline = time.monotonic() + self.remaining_seconds()
        started = time.monotonic()
        try:
            while chunk := read(CHUNK):
                if time.monotonic() > deadline:
                    raise FeedUnavailable(
                        f"{redact(url)} : lecture arrêtée après {self.max_seconds:g} s "
                        "(le partenaire envoie trop lentement)"
                    )
                yield chunk
        except urllib3.exceptions.ReadTimeoutError as error:
            raise FeedUnavailable(f"délai dépassé (timeout) en lisant {redact(url)}") from error
        except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as error:
            raise FeedUnavailable(f"{redact(url)} : transfert interrompu ({error})") from error
        finally:
            self.seconds_spent += time.monotonic() - started
        expected = response.headers.get("Content-Length", "")
        # tell() counts the bytes on the wire, compressed or not, as Content-Length does.
        if expected.isdigit() and raw.tell() < int(expected):
            raise FeedUnavailable(
                f"{redact(url)} : réponse tronquée ({raw.tell()} octets sur {expected})"
            )

    def download(self) -> str:
        response = self.request(self.url, None, accept="*/*")
        descriptor, path = tempfile.mkstemp(prefix="ldab-feed-")
        try:
            with response, os.fdopen(descriptor, "wb") as spool:
                for chunk in self.body(response, self.url):
                    spool.write(chunk)
                    if spool.tell() > self.max_bytes:
                        raise FeedUnavailable(
                            f"{redact(self.url)} : flux de plus de {self.max_bytes} octets",
                            retryable=False,
                        )
        except BaseException:
            remove_quietly(path)
            raise
        weakref.finalize(self, remove_quietly, path)
        return path


def remove_quietly(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def http_error(url: str, response: requests.Response) -> FeedUnavailable:
    status = response.status_code
    retryable = status >= 500 or status in RETRYABLE_CLIENT_ERRORS
    message = f"{redact(url)} a répondu {status} {response.reason or ''}".rstrip()
    if response.headers.get("Retry-After"):
        message += f" (réessayer après {response.headers['Retry-After']})"
    return FeedUnavailable(message, retryable=retryable)
