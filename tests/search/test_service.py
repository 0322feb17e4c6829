"""The search service on the engine and on the database backend: results, facets, ranking."""

import pytest
from django.db.models import Q

from search import service
from search.query import SearchQuery
from shops.factories import ShopFactory, town
from shops.queries import listed_products, listed_shops
from tests.conftest import requires_engine

from .conftest import index_now

pytestmark = pytest.mark.django_db
BACKENDS = [pytest.param("engine", marks=requires_engine), "database"]


def search(**params):
    return service.search(SearchQuery(**params), record=False)


def titles(outcome):
    return [hit.title for hit in outcome.hits]


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_results_mix_shops_products_and_pages(on_each_backend, catalogue):
    outcome = search(text="fleuristes")
    assert not outcome.degraded
    assert {hit.kind for hit in outcome.hits} >= {"shop", "page"} or on_each_backend == "database"
    assert "Nos fleuristes préférés" in titles(outcome)

    chocolate = search(text="chocolaterie")
    assert "Chocolaterie Royale" in titles(chocolate)
    assert "Chocolaterie fermée" not in titles(chocolate)  # unlisted shops are never found


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_facet_counts_equal_the_database_counts(on_each_backend, catalogue):
    outcome = search(text="")  # no words: browse everything listed
    outcome = search(departement="37")
    facets = {name: {v.value: v.count for v in values} for name, values in outcome.facets.items()}
    shops, products = listed_shops(), listed_products()
    for code in ("37261", "37233", "37003"):
        expected = (
            shops.filter(town__insee_code=code).count()
            + products.filter(shop__town__insee_code=code).count()
        )
        assert facets["town"][code] == expected, code
    assert outcome.count == (
        shops.filter(town__departement_id="37").count()
        + products.filter(shop__town__departement_id="37").count()
    )
    assert facets["type"] == {
        "shop": shops.filter(town__departement_id="37").count(),
        "product": products.filter(shop__town__departement_id="37").count(),
    }
    sector_counts = facets["sector"]
    assert sector_counts["produits-frais"] == (
        shops.filter(town__departement_id="37", sectors__slug="produits-frais").count()
        + products.filter(shop__town__departement_id="37", sector__slug="produits-frais").count()
    )
    in_37 = Q(shop__town__departement_id="37")
    assert facets["click_and_collect"]["1"] == (
        shops.filter(town__departement_id="37", click_and_collect=True).count()
        + products.filter(in_37, shop__click_and_collect=True).count()
    )


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_filters_narrow_results_by_town_sector_marketplace_and_type(on_each_backend, catalogue):
    in_orleans = search(text="chocolat", town="45234")
    assert set(titles(in_orleans)) >= {"Chocolaterie Royale"}
    assert all(hit.town["code"] == "45234" for hit in in_orleans.hits)
    assert search(text="chocolat", town="18033").count == 0

    products = search(text="chocolat", kind="product")
    assert {hit.kind for hit in products.hits} == {"product"}
    assert products.facets["type"]  # the other kinds are still counted for the type facet

    halles = search(marketplace="halles-en-ligne")
    assert {hit.title for hit in halles.hits} == {
        "Chocolaterie Royale",
        "Chocolats fins assortis",
        "Tablette noire 70 %",
    }
    cheap = search(kind="product", price_max="10")
    assert sorted(titles(cheap)) == ["Rillettes de Tours", "Tablette noire 70 %"]


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_an_exact_shop_name_is_always_first(on_each_backend, catalogue):
    # Many products mention the words; the shop whose name is typed still comes first.
    for sort in ("relevance", "price", "distance"):
        outcome = search(
            text="la boite a jeux" if on_each_backend == "engine" else "La Boîte à jeux",
            sort=sort,
            near="37261",
        )
        assert titles(outcome)[0] == "La Boîte à jeux", sort


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_distance_sort_starts_with_the_nearest_shops(on_each_backend, catalogue):
    outcome = search(kind="shop", sort="distance", near="37261")
    towns = [hit.town["code"] for hit in outcome.hits]
    # Tours, then Saint-Pierre-des-Corps (3 km), Amboise (20 km), Orléans, Bourges.
    assert towns == ["37261", "37261", "37233", "37003", "45234", "18033"]
    distances = [hit.distance_km for hit in outcome.hits]
    assert distances == sorted(distances)
    assert distances[2] == pytest.approx(3.2, abs=1.5)


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_price_sort_in_both_directions(on_each_backend, catalogue):
    ascending = [hit.price for hit in search(kind="product", sort="price").hits]
    assert ascending == sorted(ascending)
    descending = [hit.price for hit in search(kind="product", sort="-price").hits]
    assert descending == sorted(descending, reverse=True)


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_pagination_returns_each_result_once(on_each_backend, catalogue):
    pages = [search(kind="product", page=n, per_page=3) for n in (1, 2, 3)]
    seen = [hit.id for page in pages for hit in page.hits]
    assert len(seen) == len(set(seen)) == pages[0].count == 7


@requires_engine
def test_matches_are_highlighted(catalogue):
    outcome = search(text="chocolaterie")
    shop = next(hit for hit in outcome.hits if hit.title == "Chocolaterie Royale")
    assert shop.highlight == "<mark>Chocolaterie</mark> Royale"


@requires_engine
def test_featured_shops_and_available_items_for_collection_rank_higher(catalogue):
    ShopFactory(name="Librairie des Halles", town=town("45234"))
    index_now()
    outcome = search(text="librairie", kind="shop")
    assert titles(outcome)[0] == "Librairie du Boulevard"  # featured
