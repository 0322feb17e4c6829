"""Query analytics without personal data, and the admin where editors read them and fix synonyms."""

import pytest

from search import analytics, service
from search.models import SearchQueryStat, SynonymGroup
from search.query import SearchQuery
from tests.conftest import requires_redis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_buffered_counts():
    """Counts another test left in Redis would be moved into this test's rows."""
    analytics.query_counts.forget_pending()


def counted():
    """What editors see: the counters once the periodic flush has run."""
    analytics.flush_buffered_counts()
    return {row.query: row for row in SearchQueryStat.objects.all()}


def test_searches_are_counted_per_folded_query_and_day_with_nothing_personal(client, catalogue):
    client.get("/fr/recherche/", {"q": "Chocolaterie"}, REMOTE_ADDR="203.0.113.9")
    client.get("/api/search/", {"q": "chocolaterie "})
    client.get("/fr/recherche/", {"q": "chocolaterie", "page": "2"})  # a page turn is not a search
    client.get("/fr/recherche/", {"q": "zzzz introuvable"})
    rows = counted()
    assert set(rows) == {"chocolaterie", "zzzz introuvable"}
    assert (rows["chocolaterie"].searches, rows["chocolaterie"].zero_results) == (2, 0)
    assert rows["zzzz introuvable"].zero_results == 1
    stored = {field.name for field in SearchQueryStat._meta.get_fields()}
    assert stored == {"id", "day", "query", "searches", "zero_results"}


@requires_redis
def test_counters_wait_in_redis_and_are_flushed_once():
    analytics.record_search("miel", 3)
    analytics.record_search("Miel", 0)
    assert not SearchQueryStat.objects.exists()  # no database write on the shopper's request
    assert analytics.flush_buffered_counts() == 2  # "s:miel" and "z:miel"
    assert analytics.flush_buffered_counts() == 0
    row = SearchQueryStat.objects.get()
    assert (row.query, row.searches, row.zero_results) == ("miel", 2, 1)
    analytics.record_search("miel", 1)
    analytics.flush_buffered_counts()
    row.refresh_from_db()
    assert row.searches == 3


def test_without_redis_a_search_is_counted_in_the_database_at_once(settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"  # nothing listens there
    analytics.record_search("savon", 0)
    row = SearchQueryStat.objects.get()
    assert (row.query, row.searches, row.zero_results) == ("savon", 1, 1)


def test_reports_list_the_top_and_the_zero_result_queries():
    for _ in range(3):
        analytics.record_search("fleurs", 4)
    analytics.record_search("Bijoutier", 0)
    counted()
    assert [row["query"] for row in analytics.top_queries()] == ["fleurs", "bijoutier"]
    assert [row["query"] for row in analytics.zero_result_queries()] == ["bijoutier"]


def test_editors_read_the_reports_and_edit_synonyms_in_the_admin(admin_client):
    analytics.record_search("jouets en bois", 0)
    counted()
    report = admin_client.get("/admin/search/queries/zero/")
    assert report.status_code == 200
    assert "jouets en bois" in report.content.decode()
    assert admin_client.get("/admin/search/queries/top/").status_code == 200
    listing = admin_client.get("/admin/snippets/search/synonymgroup/")
    assert listing.status_code == 200
    response = admin_client.post(
        "/admin/snippets/search/synonymgroup/add/",
        {"terms": "jouet, jeu, joujou", "is_active": "on", "note": ""},
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="jouet, jeu, joujou").exists()


def test_a_saved_synonym_group_is_used_by_the_next_search(catalogue):
    query = SearchQuery(text="marmelade", kind="product")
    assert service.search(query, record=False).count == 0
    SynonymGroup.objects.create(terms="marmelade, rillettes")
    assert [hit.title for hit in service.search(query, record=False).hits] == ["Rillettes de Tours"]
