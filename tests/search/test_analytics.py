"""Query analytics without personal data, and the admin where editors read them and fix synonyms."""

import pytest

from search import analytics, service
from search.models import SearchQueryStat, SynonymGroup
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def test_searches_are_counted_per_folded_query_and_day_with_nothing_personal(client, catalogue):
    client.get("/fr/recherche/", {"q": "Chocolaterie"}, REMOTE_ADDR="203.0.113.9")
    client.get("/api/search/", {"q": "chocolaterie "})
    client.get("/fr/recherche/", {"q": "chocolaterie", "page": "2"})  # a page turn is not a search
    client.get("/fr/recherche/", {"q": "zzzz introuvable"})
    rows = {row.query: row for row in SearchQueryStat.objects.all()}
    assert set(rows) == {"chocolaterie", "zzzz introuvable"}
    assert (rows["chocolaterie"].searches, rows["chocolaterie"].zero_results) == (2, 0)
    assert rows["zzzz introuvable"].zero_results == 1
    stored = {field.name for field in SearchQueryStat._meta.get_fields()}
    assert stored == {"id", "day", "query", "searches", "zero_results"}


def test_reports_list_the_top_and_the_zero_result_queries():
    for _ in range(3):
        analytics.record_search("fleurs", 4)
    analytics.record_search("Bijoutier", 0)
    assert [row["query"] for row in analytics.top_queries()] == ["fleurs", "bijoutier"]
    assert [row["query"] for row in analytics.zero_result_queries()] == ["bijoutier"]


def test_editors_read_the_reports_and_edit_synonyms_in_the_admin(admin_client):
    analytics.record_search("jouets en bois", 0)
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
