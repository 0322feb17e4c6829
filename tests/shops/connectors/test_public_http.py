"""Partner URLs reach public addresses only: loopback, private networks and the cloud's
metadata address are refused after resolving, on the first request and on every redirect."""

import pytest

from shops.connectors.base import FeedUnavailable
from shops.connectors.public_http import refusal
from shops.connectors.sources import HttpFeedSource

from .feed_server import Answer

PAGE = b'{"products": []}'


@pytest.fixture
def loopback_refused(settings):
    # As in production: the test settings allow the loopback only so that feeds can be served.
    settings.PARTNER_FETCH_ALLOW_LOOPBACK = False


def failure(call) -> FeedUnavailable:
    with pytest.raises(FeedUnavailable) as error:
        call()
    return error.value


def test_a_feed_on_the_loopback_is_refused_without_being_requested(server, loopback_refused):
    url = server.route("/products.json", Answer(PAGE))
    error = failure(lambda: HttpFeedSource(url).get_json())
    assert "loopback" in str(error) and "127.0.0.1" in str(error)
    assert error.retryable is False
    assert server.requests == []


def test_a_name_that_resolves_to_the_loopback_is_refused(server, loopback_refused):
    server.route("/feed.xml", Answer(b"<rss/>", content_type="application/xml"))
    url = server.url("/feed.xml").replace("127.0.0.1", "localhost")
    error = failure(lambda: HttpFeedSource(url).open())
    assert "localhost" in str(error) and "loopback" in str(error)
    assert server.requests == []


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7:9200/_cat/indices",
        "http://192.168.1.1/",
        "http://[fd00::1]/",
        "http://[::ffff:172.16.0.1]/",
    ],
)
def test_a_redirect_to_a_private_address_is_refused(server, target):
    url = server.route("/feed.xml", Answer(status=302, headers={"Location": target}))
    error = failure(lambda: HttpFeedSource(url, timeout=(2, 2)).open())
    assert "refusée" in str(error) and error.retryable is False
    assert len(server.requests) == 1  # the partner's own answer, nothing behind it


def test_a_feed_larger_than_its_limit_stops_downloading(server):
    url = server.route("/feed.xml", Answer(b"<rss>" + b" " * 200_000, content_type="text/xml"))
    error = failure(lambda: HttpFeedSource(url, max_bytes=100_000).open())
    assert "100000 octets" in str(error) and error.retryable is False


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.10",
        "100.64.0.1",
        "169.254.169.254",
        "fe80::1",
        "fd12:3456::1",
        "224.0.0.251",
        "ff02::1",
        "240.0.0.1",
        "0.0.0.0",  # noqa: S104 - an address to refuse, not to bind
        "::ffff:10.0.0.1",
        "2002:0a00:0001::1",
    ],
)
def test_non_public_addresses_are_refused(address, loopback_refused):
    assert refusal(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "193.51.24.1", "2001:4860:4860::8888"])
def test_public_addresses_are_fetched(address, loopback_refused):
    assert refusal(address) is None


def test_the_loopback_setting_never_opens_private_networks(settings):
    settings.PARTNER_FETCH_ALLOW_LOOPBACK = True
    assert refusal("127.0.0.1") is None
    assert refusal("10.0.0.1") and refusal("169.254.169.254")
