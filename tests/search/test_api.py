"""The JSON API and the autocomplete: the page's results, as documented in OpenAPI."""

import pytest

from shops.models import Sector
from tests.conftest import requires_engine

pytestmark = pytest.mark.django_db


def test_the_api_returns_results_facets_and_counts(client, catalogue):
    response = client.get("/api/search/", {"q": "chocolat", "town": "45234"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["results"]) == 3
    first = body["results"][0]
    assert set(first) >= {"type", "id", "title", "url", "town", "sector"}
    assert {result["town"]["code"] for result in body["results"]} == {"45234"}
    assert body["facets"]["town"] == [{"value": "45234", "label": "Orléans", "count": 3}]
    assert {"value": "produits-frais", "label": "Produits frais et locaux", "count": 3} in body[
        "facets"
    ]["sector"]
    assert body["degraded"] is False


def test_the_api_answers_in_the_language_the_client_asks_for(client, catalogue):
    fresh = Sector.objects.get(slug="produits-frais")
    for language, name, prefix in (("fr", fresh.name, "/fr/"), ("en", fresh.name_en, "/en/")):
        body = client.get(
            "/api/search/", {"q": "chocolat", "town": "45234"}, HTTP_ACCEPT_LANGUAGE=language
        ).json()
        assert {result["sector"]["name"] for result in body["results"]} == {name}
        assert all(result["url"].startswith(prefix) for result in body["results"])
        assert [facet["label"] for facet in body["facets"]["sector"]] == [name]


def test_the_api_filters_by_sector_and_type(client, catalogue):
    body = client.get("/api/search/", {"sector": "produits-frais", "type": "shop"}).json()
    assert sorted(result["title"] for result in body["results"]) == [
        "Chocolaterie Royale",
        "Épicerie fine de Tours",
    ]
    assert {result["type"] for result in body["results"]} == {"shop"}


def test_the_api_refuses_unknown_parameters_values(client, catalogue):
    response = client.get("/api/search/", {"q": "pain", "type": "recipe", "page": "two"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"type", "page"}


def test_the_page_and_the_api_show_the_same_results(client, catalogue):
    params = {"q": "tours", "sort": "relevance"}
    page = client.get("/fr/recherche/", params)
    api = client.get("/api/search/", params).json()
    assert [hit.id for hit in page.context["outcome"].hits] == [r["id"] for r in api["results"]]


def test_the_openapi_document_describes_the_api(client):
    document = client.get("/api/search/openapi.json").json()
    assert document["openapi"].startswith("3.")
    operation = document["paths"]["/api/search/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "town", "sector", "type", "page"}
    assert "SearchOutcome" in document["components"]["schemas"]


def test_autocomplete_proposes_towns_sectors_and_shops(client, catalogue):
    results = client.get("/api/autocomplete/", {"q": "tou"}).json()["results"]
    assert {"type": "town", "label": "Tours (37)", "value": "37261"} in results
    results = client.get("/api/autocomplete/", {"q": "bijou"}).json()["results"]
    assert [r["value"] for r in results if r["type"] == "sector"] == ["bijouterie"]
    results = client.get("/api/autocomplete/", {"q": "chocol"}).json()["results"]
    assert [r["value"] for r in results if r["type"] == "shop"] == ["Chocolaterie Royale"]
    assert client.get("/api/autocomplete/", {"q": "t"}).json()["results"] == []


@requires_engine
def test_autocomplete_on_the_engine_folds_accents(client, catalogue):
    results = client.get("/api/autocomplete/", {"q": "epice"}).json()["results"]
    assert [r["value"] for r in results if r["type"] == "shop"] == ["Épicerie fine de Tours"]
