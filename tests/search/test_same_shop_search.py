"""One shop, shown once, in search: a business two marketplaces list is one hit, on the engine
and on the database, with its facet counted once and both marketplaces named."""

import json

import pytest

from search import service
from search.query import SearchQuery
from tests.conftest import requires_opensearch
from tests.shops import test_same_shop

from .conftest import index_now

pytestmark = pytest.mark.django_db
NAME = test_same_shop.NAME
two_partners = test_same_shop.two_partners  # the fixture


@pytest.mark.parametrize(
    "on_each_backend",
    [pytest.param("engine", marks=requires_opensearch), "database"],
    indirect=True,
)
def test_search_finds_one_listing_naming_both_marketplaces(
    on_each_backend, empty_indexes, two_partners, client
):
    index_now()
    outcome = service.search(SearchQuery(text="céramiques vieux tours"), record=False)
    shops = [hit for hit in outcome.hits if hit.kind == "shop"]
    assert [hit.title for hit in shops] == [NAME]
    assert shops[0].marketplace == "Tours Shopping"
    assert shops[0].also_on == ["Val de Loire Market"]
    assert outcome.facets["type"][0].count >= 1
    shop_counts = {value.value: value.count for value in outcome.facets["type"]}
    assert shop_counts["shop"] == 1
    # Both records' products are found, each on its own marketplace.
    found = service.search(SearchQuery(text="pichet faïence"), record=False)
    assert [hit.title for hit in found.hits] == ["Pichet en faïence bleue"]
    # The API says the same.
    answer = json.loads(client.get("/api/search/", {"q": "céramiques vieux tours"}).content)
    shop_hits = [hit for hit in answer["results"] if hit["type"] == "shop"]
    assert [hit["also_on"] for hit in shop_hits] == [["Val de Loire Market"]]
