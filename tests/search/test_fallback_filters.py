"""The database fallback filters before it ranks (issue 19, item 12): the best matches of
the whole catalogue are not the best of one town, and must not hide them."""

import pytest

from search import fallback, service
from search.query import SearchQuery
from shops.factories import ProductFactory, ShopFactory, town

from .conftest import index_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_database(settings, own_indexes):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": settings.WAGTAILSEARCH_BACKENDS.get(
            "fallback", settings.WAGTAILSEARCH_BACKENDS["default"]
        )
    }


def test_a_town_filter_finds_that_towns_matches_beyond_the_best_of_the_region(
    only_database, empty_indexes, monkeypatch
):
    tours, bourges = town("37261"), town("18033")
    in_tours = ShopFactory(name="Rucher de Touraine", town=tours)
    in_bourges = ShopFactory(name="Épicerie du Berry", town=bourges)
    for n in range(6):  # better matches than Bourges' own: the word three times
        ProductFactory(shop=in_tours, title=f"Miel de fleurs, miel de tilleul, miel n° {n}")
    expected = {
        ProductFactory(shop=in_bourges, title="Pot de miel du Berry").pk,
        ProductFactory(shop=in_bourges, title="Miel de sarrasin").pk,
    }
    index_now()
    # The cap stands for "a large catalogue": more matches in the region than it keeps.
    monkeypatch.setattr(fallback, "MAX_MATCHES", 4)

    outcome = service.search(SearchQuery(text="miel", town="18033", kind="product"), record=False)

    assert {hit.id for hit in outcome.hits} == expected
    assert outcome.count == 2
    everywhere = service.search(SearchQuery(text="miel", kind="product"), record=False)
    assert everywhere.count == 4  # still capped without a filter
