"""HTTP sessions for partner URLs that only ever reach the public internet (no SSRF).

A partner's feed, companion list or product image URL is written by someone outside the
portal: left alone, the worker would fetch http://169.254.169.254/ (cloud credentials),
http://127.0.0.1:9200/ (the search engine) or any host of the private network for them.
The check runs where the socket is opened, after the name is resolved, and the socket is
connected to the very address that was checked: it therefore holds for every redirect
(each hop opens its own connection) and a name that resolves differently a second time
(DNS rebinding) gains nothing. Environment proxies are ignored for the same reason.

Loopback can be allowed by `PARTNER_FETCH_ALLOW_LOOPBACK` (the test settings only: tests
serve feeds from 127.0.0.1) or for one block of code by `loopback_allowed()` (the demo
loader, reading the feeds it serves itself). Private, link-local, multicast and reserved
addresses are always refused.
"""

import contextlib
import contextvars
import ipaddress
import socket

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

_loopback_allowed = contextvars.ContextVar("partner_fetch_loopback_allowed", default=False)


class AddressRefused(NewConnectionError):
    """The partner URL leads to an address the portal never fetches from."""

    def __init__(self, conn, message: str):
        super().__init__(conn, message)
        self.message = message


@contextlib.contextmanager
def loopback_allowed():
    token = _loopback_allowed.set(True)
    try:
        yield
    finally:
        _loopback_allowed.reset(token)


def loopback_is_allowed() -> bool:
    if _loopback_allowed.get():
        return True
    from django.conf import settings  # noqa: PLC0415 - connectors also run without Django

    return settings.configured and getattr(settings, "PARTNER_FETCH_ALLOW_LOOPBACK", False)


def refusal(address: str) -> str | None:
    """Why this resolved address must not be fetched from, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6:
        # An IPv6 form that carries an IPv4 address is judged by that address.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo and ip.teredo[1])
        if embedded:
            ip = embedded
    if ip.is_loopback:
        return None if loopback_is_allowed() else "adresse de bouclage (loopback)"
    if ip.is_link_local:
        return "adresse link-local"
    if ip.is_multicast:
        return "adresse multicast"
    if ip.is_unspecified or ip.is_reserved:
        return "adresse réservée"
    if ip.is_private or not ip.is_global:
        return "adresse d'un réseau privé"
    return None


def resolve_public(host: str, port: int) -> list[tuple]:
    """Every address of `host`, or AddressRefused if any of them is not public.

    All of them, not only the first: the connection may fall back to any.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for *_, sockaddr in infos:
        reason = refusal(sockaddr[0])
        if reason:
            raise AddressRefused(None, f"{host} ({sockaddr[0]}) : {reason}, refusée")
    return infos


class PublicAddressMixin:
    # Not urllib3's create_connection(): it would resolve the name a second time.
    def _new_conn(self) -> socket.socket:
        try:
            infos = resolve_public(self._dns_host, self.port)
        except socket.gaierror as error:
            raise NewConnectionError(self, f"{self._dns_host} : nom inconnu ({error})") from error
        last_error: OSError | None = None
        for family, kind, proto, _name, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            try:
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                if self.timeout is not None:
                    sock.settimeout(self.timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as error:
                sock.close()
                last_error = error
        if isinstance(last_error, TimeoutError | socket.timeout):
            raise ConnectTimeoutError(self, f"{self.host} : délai de connexion dépassé")
        raise NewConnectionError(self, f"{self.host} : connexion impossible ({last_error})")


class PublicHTTPConnection(PublicAddressMixin, HTTPConnection):
    pass


class PublicHTTPSConnection(PublicAddressMixin, HTTPSConnection):
    pass


class PublicHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = PublicHTTPConnection


class PublicHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = PublicHTTPSConnection


class PublicAddressAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": PublicHTTPConnectionPool,
            "https": PublicHTTPSConnectionPool,
        }

    def send(self, request, *args, proxies=None, **kwargs):
        # Through a proxy the proxy would connect, unchecked.
        return super().send(request, *args, proxies=None, **kwargs)


def guard(session: requests.Session) -> requests.Session:
    """The session, made to reach public addresses only (idempotent)."""
    if not isinstance(session.get_adapter("https://"), PublicAddressAdapter):
        session.trust_env = False
        session.mount("http://", PublicAddressAdapter())
        session.mount("https://", PublicAddressAdapter())
    return session


def public_session() -> requests.Session:
    return guard(requests.Session())


def refused_reason(error: BaseException) -> str | None:
    """The AddressRefused message inside a requests error, if that is what stopped it."""
    seen = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, AddressRefused):
            return current.message
        stack.extend([current.__cause__, current.__context__, getattr(current, "reason", None)])
        stack.extend(arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException))
    return None
