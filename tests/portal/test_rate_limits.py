"""Per-address rate limits: counted per window, per group and per visitor, in Redis in one
round trip with the reads that go with it, or in the per-process cache without Redis.

Rates per hour, so that no window ends during a test."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from portal.rate_limits import count_request, parse_rate, visitor_address
from tests.conftest import requires_redis

PER_PROCESS_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def dead_redis_cache() -> dict:
    """The cache's settings, pointed at a port where no Redis listens."""
    return {"default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:9/0"}}


def request_from(address="203.0.113.7", **meta):
    return RequestFactory().get("/", REMOTE_ADDR=address, **meta)


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("120/m", (120, 60)), ("5/h", (5, 3600)), ("100/10m", (100, 600)), (" 1/d ", (1, 86400))],
)
def test_rates_are_read_as_requests_per_period(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["120", "120/min", "/m", "many/m", ""])
def test_a_malformed_rate_is_refused_with_its_expected_form(rate):
    with pytest.raises(ImproperlyConfigured, match="<requests>/<period>"):
        parse_rate(rate)


def test_an_ipv6_visitor_is_counted_by_its_64_block():
    first = visitor_address(request_from("2001:db8:1:2:aaaa::1"))
    assert first == visitor_address(request_from("2001:db8:1:2:bbbb::9")) == "2001:db8:1:2::"
    assert visitor_address(request_from("2001:db8:1:3::1")) != first
    assert visitor_address(request_from("198.51.100.4")) == "198.51.100.4"


def test_behind_a_proxy_the_configured_header_names_the_visitor(settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    request = request_from("127.0.0.1", HTTP_X_REAL_IP="198.51.100.4")
    assert visitor_address(request) == "198.51.100.4"
    with pytest.raises(ImproperlyConfigured, match="RATELIMIT_IP_META_KEY"):
        visitor_address(request_from("127.0.0.1"))  # the proxy did not send it


@pytest.mark.parametrize(
    ("trusted_proxies", "forwarded_for", "visitor"),
    [
        # The client wrote "6.6.6.6" itself; our one proxy appended what it saw.
        (1, "6.6.6.6, 198.51.100.4", "198.51.100.4"),
        (1, "198.51.100.4", "198.51.100.4"),
        # A CDN then our load balancer: the CDN's entry is the visitor, the LB's is the CDN.
        (2, "6.6.6.6, 198.51.100.4, 203.0.113.250", "198.51.100.4"),
        (3, "198.51.100.4, 203.0.113.250", "198.51.100.4"),
    ],
)
def test_only_the_entries_our_proxies_append_are_trusted(
    settings, trusted_proxies, forwarded_for, visitor
):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.RATELIMIT_TRUSTED_PROXIES = trusted_proxies
    request = request_from("10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert visitor_address(request) == visitor


def test_a_client_cannot_escape_its_count_by_writing_x_forwarded_for(settings, fresh_counts):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.RATELIMIT_TRUSTED_PROXIES = 1
    refused = [
        count_request(
            request_from("10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.4"),
            "form",
            "3/h",
        )[0]
        for n in range(5)
    ]
    assert refused == [False, False, False, True, True]


def counts_until_refused(rate: str, group: str, request) -> int:
    allowed = 0
    while not count_request(request, group, rate)[0]:
        allowed += 1
        assert allowed < 100
    return allowed


@pytest.fixture
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@requires_redis
def test_in_redis_a_visitor_is_refused_beyond_the_rate_in_their_group_only(fresh_counts):
    visitor, other = request_from("203.0.113.7"), request_from("203.0.113.8")
    assert counts_until_refused("3/h", "form", visitor) == 3
    assert count_request(visitor, "form", "3/h")[0], "still refused in the same window"
    assert not count_request(visitor, "other-form", "3/h")[0]
    assert not count_request(other, "form", "3/h")[0]


@requires_redis
def test_in_redis_the_reads_come_with_the_count_and_the_window_expires(fresh_counts):
    cache.set("groups", [["jouet", "jeu"]])
    cache.incr("writes", ignore_key_check=True)
    over, values = count_request(request_from(), "search", "5/h", reads=["groups", "writes", "x"])
    assert not over
    assert values == {"groups": [["jouet", "jeu"]], "writes": 1}, "decoded, missing keys left out"
    window = int(time.time()) // 3600
    ttl = cache.ttl(f"rate:search:203.0.113.7:{window}")
    assert 0 < ttl <= 3600


@requires_redis
def test_with_redis_down_requests_are_not_refused_and_nothing_is_read(fresh_counts):
    with override_settings(CACHES=dead_redis_cache()):
        assert count_request(request_from(), "form", "1/m", reads=["groups"]) == (False, {})
        assert count_request(request_from(), "form", "1/m") == (False, {})


@override_settings(CACHES=PER_PROCESS_CACHE, REDIS_URL="")
def test_without_redis_the_per_process_cache_counts_and_reads():
    cache.set("groups", [["resto", "restaurant"]])
    visitor = request_from("203.0.113.9")
    assert count_request(visitor, "form", "2/h", reads=["groups"]) == (
        False,
        {"groups": [["resto", "restaurant"]]},
    )
    assert counts_until_refused("2/h", "form", visitor) == 1
    assert not count_request(request_from("203.0.113.10"), "form", "2/h")[0]
