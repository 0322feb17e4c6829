"""Feed sources: files, and HTTP with every fault a partner's server has, over a real server."""

import gzip
import json
import time

import pytest
import requests

from shops.connectors.base import FeedUnavailable
from shops.connectors.sources import BytesFeedSource, FileFeedSource, HttpFeedSource, redact

from .feed_server import Answer

FEED = b"<rss><channel><title>Flux de Bourges</title></channel></rss>"
PAGE = json.dumps({"products": [{"id": 1, "title": "Forestines de Bourges"}]}).encode()


def read_feed(source) -> bytes:
    with source.open() as stream:
        return stream.read()


def failure(call) -> FeedUnavailable:
    with pytest.raises(FeedUnavailable) as error:
        call()
    return error.value


# --- files ----------------------------------------------------------------------------------


def test_a_file_is_read_as_is_or_gunzipped_whatever_its_name(tmp_path):
    (tmp_path / "feed.xml").write_bytes(FEED)
    (tmp_path / "feed-compressed.xml").write_bytes(gzip.compress(FEED))
    assert read_feed(FileFeedSource(tmp_path / "feed.xml")) == FEED
    assert read_feed(FileFeedSource(tmp_path / "feed-compressed.xml")) == FEED
    assert read_feed(BytesFeedSource(FEED)) == FEED


def test_a_missing_file_is_not_worth_retrying(tmp_path):
    error = failure(lambda: FileFeedSource(tmp_path / "absent.xml").open())
    assert error.retryable is False and "absent.xml" in str(error)


def test_a_file_is_not_a_paginated_api(tmp_path):
    assert failure(lambda: FileFeedSource(tmp_path / "f.json").get_json()).retryable is False


# --- HTTP: what goes right ------------------------------------------------------------------


def test_a_gzipped_feed_is_decoded_and_spooled_once(server):
    url = server.route("/flux.xml", Answer(FEED, content_type="application/xml", gzip=True))
    source = HttpFeedSource(url)
    assert read_feed(source) == FEED
    assert read_feed(source) == FEED  # a second pass re-reads the spool
    assert len(server.requests_to("/flux.xml")) == 1


def test_a_gzipped_json_page_with_its_content_length_is_whole(server):
    # Content-Length counts the compressed bytes: comparing it to the decoded body is wrong.
    url = server.route("/products.json", Answer(PAGE, gzip=True, headers={"X-WP-Total": "1"}))
    data, headers = HttpFeedSource(url).get_json(params={"page": 2})
    assert data["products"][0]["title"] == "Forestines de Bourges"
    assert headers["X-WP-Total"] == "1"
    assert server.requests[0].query == {"page": "2"}


def test_basic_auth_and_api_key_headers_are_sent(server):
    url = server.route("/products.json", Answer(PAGE))
    HttpFeedSource(url, auth=("ck_boutique", "cs_secret")).get_json()
    HttpFeedSource(url, auth={"X-Api-Key": "cle-tours"}).get_json()
    first, second = server.requests
    assert first.headers["Authorization"].startswith("Basic ")
    assert second.headers["X-Api-Key"] == "cle-tours"
    assert "LocalDabord" in second.headers["User-Agent"]


def test_a_shared_session_does_not_carry_one_partners_key_to_another(server):
    url = server.route("/products.json", Answer(PAGE))
    session = requests.Session()
    HttpFeedSource(url, auth={"X-Api-Key": "cle-tours"}, session=session).get_json()
    HttpFeedSource(url, session=session).get_json()
    assert "X-Api-Key" not in server.requests[1].headers
    assert "X-Api-Key" not in session.headers


def test_a_companion_document_gets_credentials_only_from_the_same_host(server):
    source = HttpFeedSource(server.url("/products.json"), auth=("user", "secret"), timeout=(2, 3))
    same_host = source.for_url(server.url("/shops.csv"))
    other_host = source.for_url("https://cdn.example/shops.csv")
    assert (same_host.auth, same_host.timeout) == (("user", "secret"), (2, 3))
    assert other_host.auth is None and other_host.timeout == (2, 3)


# --- HTTP: faults ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "retryable"),
    [(500, True), (502, True), (503, True), (429, True), (408, True), (401, False), (404, False)],
)
def test_http_errors_say_whether_to_retry(server, status, retryable):
    url = server.route("/flux.xml", Answer(b"erreur", status=status, content_type="text/plain"))
    for call in (HttpFeedSource(url).open, HttpFeedSource(url).get_json):
        error = failure(call)
        assert error.retryable is retryable
        assert str(status) in str(error)


def test_retry_after_is_reported(server):
    url = server.route("/p.json", Answer(b"", status=503, headers={"Retry-After": "120"}))
    assert "120" in str(failure(HttpFeedSource(url).get_json))


def test_a_refused_connection_is_retryable(server):
    url = server.url("/flux.xml")
    server.shutdown()
    server.server_close()
    error = failure(HttpFeedSource(url, timeout=(1, 1)).open)
    assert error.retryable is True and "injoignable" in str(error)


def test_a_server_slower_than_the_read_timeout_fails_the_run(server):
    url = server.route("/products.json", Answer(PAGE, delay=1.0))
    error = failure(HttpFeedSource(url, timeout=(1, 0.2)).get_json)
    assert error.retryable is True and "timeout" in str(error)


@pytest.mark.parametrize("method", ["open", "get_json"])
def test_a_body_shorter_than_its_content_length_is_truncated(server, method):
    url = server.route("/feed", Answer(PAGE, cut_at=len(PAGE) // 2))
    error = failure(getattr(HttpFeedSource(url), method))
    assert error.retryable is True
    assert "interrompu" in str(error) or "tronqué" in str(error)


def test_a_feed_that_trickles_is_stopped_at_its_time_budget(server):
    url = server.route("/flux.xml", Answer(FEED * 100, content_type="text/xml", trickle=0.02))
    started = time.monotonic()
    error = failure(HttpFeedSource(url, timeout=(1, 1), max_seconds=0.4).open)
    assert time.monotonic() - started < 2
    assert error.retryable is True and "0.4 s" in str(error)


def test_the_time_budget_is_shared_by_the_pages_of_a_run(server):
    url = server.route("/products.json", Answer(PAGE, delay=0.3))
    source = HttpFeedSource(url, max_seconds=0.5)
    source.get_json()
    assert "0.5 s" in str(failure(source.get_json))


@pytest.mark.parametrize(
    "answer",
    [
        Answer(b"<html><body>Site en maintenance</body></html>", content_type="text/html"),
        Answer(b'{"products": [{"id": 1', content_type="application/json"),
        Answer(b"", content_type="application/json"),
    ],
    ids=["maintenance-page", "cut-json", "empty-body"],
)
def test_a_page_that_is_not_json_fails_and_may_be_retried(server, answer):
    url = server.route("/products.json", answer)
    error = failure(HttpFeedSource(url).get_json)
    assert error.retryable is True
    assert "JSON" in str(error)


def test_an_oversized_json_page_is_refused(server):
    url = server.route("/products.json", Answer(PAGE))
    assert failure(HttpFeedSource(url, max_json_bytes=10).get_json).retryable is False


def test_credentials_in_the_url_never_reach_messages(server):
    url = server.route("/wp-json/wc/v3/products", Answer(b"", status=401))
    error = failure(
        lambda: HttpFeedSource(url).get_json(
            f"{url}?consumer_key=ck_123&consumer_secret=cs_456&page=2"
        )
    )
    assert "ck_123" not in str(error) and "cs_456" not in str(error)
    assert redact("https://x.example/f?page=2&api_token=abc") == (
        "https://x.example/f?page=2&api_token=***"
    )
