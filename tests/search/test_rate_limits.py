"""The public search endpoints refuse a visitor's requests beyond the rate, per address: the
APIs in JSON, the search page and the newspapers' widget with a page that keeps the form.

Counted in the real Redis cache that `make test` starts, like in production.
"""

import pytest
from django.core.cache import cache

from search.models import SearchQueryStat
from tests.conftest import requires_redis

pytestmark = [pytest.mark.django_db, requires_redis]


@pytest.fixture
def low_rates(settings):
    settings.SEARCH_RATE_LIMITS = {
        "search-api": "3/m",
        "autocomplete": "5/m",
        "search-page": "4/m",
        "search-widget": "4/m",
    }
    cache.clear()  # counters of an earlier test in the same minute
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("url", "allowed"), [("/api/search/?q=pain", 3), ("/api/autocomplete/?q=pa", 5)]
)
def test_requests_beyond_the_rate_get_a_429_in_json(client, low_rates, url, allowed):
    statuses = [client.get(url).status_code for _ in range(allowed)]
    assert statuses == [200] * allowed
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert refused["Retry-After"] == "60"
    assert "Trop de requêtes" in refused.json()["errors"]["__all__"]


def test_the_limit_is_per_address(client, low_rates):
    for _ in range(3):
        client.get("/api/search/?q=pain", REMOTE_ADDR="203.0.113.7")
    assert client.get("/api/search/?q=pain", REMOTE_ADDR="203.0.113.7").status_code == 429
    assert client.get("/api/search/?q=pain", REMOTE_ADDR="203.0.113.8").status_code == 200


def test_the_search_and_the_autocomplete_are_counted_apart(client, low_rates):
    for _ in range(3):
        client.get("/api/search/?q=pain")
    assert client.get("/api/search/?q=pain").status_code == 429
    assert client.get("/api/autocomplete/?q=pa").status_code == 200


def test_the_limit_speaks_english_on_english_requests(client, low_rates):
    for _ in range(3):
        client.get("/api/search/?q=pain", HTTP_ACCEPT_LANGUAGE="en")
    refused = client.get("/api/search/?q=pain", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.json()["errors"]["__all__"] == "Too many requests: try again in a minute."


def test_an_ipv6_visitor_changing_address_in_their_block_stays_counted(client, low_rates):
    for host in range(3):
        client.get("/api/search/?q=pain", REMOTE_ADDR=f"2001:db8:5:6::{host + 1}")
    assert client.get("/api/search/?q=pain", REMOTE_ADDR="2001:db8:5:6::99").status_code == 429
    assert client.get("/api/search/?q=pain", REMOTE_ADDR="2001:db8:5:7::1").status_code == 200


def test_with_redis_down_the_search_api_still_answers_uncounted(client, low_rates, settings):
    dead = "redis://127.0.0.1:9/0"  # nothing listens on port 9
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": dead}}
    settings.REDIS_URL = dead  # the query log's counts go to the database instead
    statuses = {client.get("/api/search/?q=pain").status_code for _ in range(5)}
    assert statuses == {200}
    assert SearchQueryStat.objects.get(query="pain").searches == 5


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/fr/recherche/?q=confiture+abricot", "Trop de recherches en peu de temps"),
        ("/en/search/?q=confiture+abricot", "Too many searches in a short time"),
        ("/fr/widgets/recherche/?q=confiture+abricot", "Trop de recherches en peu de temps"),
    ],
    ids=["search-page", "search-page-en", "widget"],
)
def test_the_search_page_and_the_widget_are_limited_and_keep_the_query(
    client, low_rates, url, message
):
    statuses = [client.get(url).status_code for _ in range(4)]
    assert statuses == [200] * 4
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60" and refused["Cache-Control"] == "no-store"
    html = refused.content.decode()
    assert message in html
    assert 'value="confiture abricot"' in html  # the form keeps what was typed
    assert client.get(url, REMOTE_ADDR="203.0.113.9").status_code == 200


def test_the_search_page_counts_searches_only_and_apart_from_the_api(client, low_rates):
    for _ in range(10):
        assert client.get("/fr/recherche/").status_code == 200  # the empty form
    for _ in range(3):
        client.get("/api/search/?q=pain")
    assert client.get("/api/search/?q=pain").status_code == 429
    assert client.get("/fr/recherche/?q=pain").status_code == 200
