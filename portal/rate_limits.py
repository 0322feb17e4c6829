"""Per-address rate limits of the public endpoints, counted in the shared cache.

A request counts in a fixed window of the rate's period, per group (the endpoint or the
form) and per visitor: an IPv4 address, or the /64 block of an IPv6 one (what a single
subscriber is usually given, so that rotating addresses inside it does not escape the limit).

With Redis (every app server counting the same visitor together) a count is one round trip:
INCR and, in the same pipeline, EXPIRE if the window's key has no expiry yet. That round trip
can carry reads of other cache keys, which is why this is written here rather than taken from
django-ratelimit (two round trips per count): the search API reads the state its search
needs (synonyms, the engine's pause, the outbox's marks) with its count, so that it makes one
round trip to Redis before asking the engine. Without Redis (the embedded default) the counts
go through the per-process cache.

Rates are written "<requests>/<period>": a unit s, m, h or d, optionally after a number
("120/m", "5/h", "100/10m").
"""

import functools
import ipaddress
import logging
import re
import time
from collections.abc import Sequence

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"(?P<requests>\d+)/(?P<units>\d*)(?P<unit>[smhd])")
IPV6_BLOCK = 64


@functools.cache  # a handful of configured rates, parsed on every request otherwise
def parse_rate(rate: str) -> tuple[int, int]:
    """(requests allowed, period in seconds) of a rate such as "120/m"."""
    match = RATE.fullmatch(rate.strip())
    if not match:
        raise ImproperlyConfigured(
            f'Rate "{rate}" is not of the form "<requests>/<period>", e.g. "120/m" or "5/h".'
        )
    units = int(match["units"] or 1)
    return int(match["requests"]), units * PERIOD_SECONDS[match["unit"]]


def visitor_address(request) -> str:
    """Who is counted: REMOTE_ADDR, or RATELIMIT_IP_META_KEY's header behind a proxy."""
    meta_key = settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"
    value = forwarded_client(request.META.get(meta_key, ""), settings.RATELIMIT_TRUSTED_PROXIES)
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"No visitor's address in {meta_key} ({value!r}): behind a reverse proxy, set "
            "RATELIMIT_IP_META_KEY to the header holding it, e.g. HTTP_X_REAL_IP."
        ) from None
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_BLOCK}", strict=False).network_address)
    return str(address)


def forwarded_client(header: str, trusted_proxies: int) -> str:
    """The address the outermost of our `trusted_proxies` proxies saw, from a list header.

    X-Forwarded-For is written from the left by whoever sends the request, the client
    included, and each proxy appends the address it received the request from: only the
    right-most `trusted_proxies` entries are written by our own proxies, and the visitor is the
    last of those (the leftmost of them). With fewer entries than proxies, the leftmost.
    A single-value header set by the proxy (X-Real-IP) is that value.
    """
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if not entries:
        return ""
    return entries[-min(max(trusted_proxies, 1), len(entries))]


def count_request(request, group: str, rate: str, reads: Sequence[str] = ()) -> tuple[bool, dict]:
    """Count this request against the visitor's rate in `group`.

    Returns whether it is over the rate, and the cache's values at the keys `reads` (those
    found), read in the same round trip.
    """
    allowed, period = parse_rate(rate)
    window = int(time.time()) // period
    key = f"rate:{group}:{visitor_address(request)}:{window}"
    # REDIS_URL decides, as everywhere in the project: the settings make the cache Redis then.
    if settings.REDIS_URL:
        count, values = count_in_redis(key, period, reads)
    else:
        count, values = count_in_cache(key, period), cache.get_many(reads)
    return count > allowed, values


def count_in_redis(key: str, period: int, reads: Sequence[str]) -> tuple[int, dict]:
    counter = cache.make_key(key)
    try:
        client = cache.client.get_client(write=True)
        with client.pipeline(transaction=False) as pipe:
            pipe.incr(counter)
            # Only when the key has none: the window's key dies with the window.
            pipe.expire(counter, period, nx=True)
            if reads:
                pipe.mget([cache.make_key(name) for name in reads])
            count, _, *found = pipe.execute()
    except redis.RedisError:
        # Like the rest of the cache with Redis down: the site works, uncounted and uncached.
        logger.warning("Redis unavailable: request not counted against its rate", exc_info=True)
        return 0, {}
    values = zip(reads, found[0] if found else [], strict=True)
    return count, {name: cache.client.decode(value) for name, value in values if value is not None}


def count_in_cache(key: str, period: int) -> int:
    if cache.add(key, 1, period):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls: the window starts again
        cache.set(key, 1, period)
        return 1
