"""Hits are shown from the fields the engine stores, unless they changed since they were indexed."""

import pytest
from django.core.cache import cache

from search import outbox, service
from search.backends import ENGINE
from search.models import IndexOutbox
from search.outbox import record_changes
from search.query import SearchQuery
from search.results import row_from_source
from shops.models import Product, Shop
from tests.conftest import requires_engine, requires_redis

from .conftest import index_now

pytestmark = pytest.mark.django_db


def search(**params):
    return service.search(SearchQuery(**params), record=False)


def titles(outcome):
    return [hit.title for hit in outcome.hits]


@requires_engine
def test_hits_are_shown_without_reading_the_catalogue(catalogue, django_assert_num_queries):
    search(text="chocolat")  # the labels of towns, sectors and marketplaces, read once
    # The drain found the outbox empty and no change came since: no hit needs reading.
    with django_assert_num_queries(0):
        outcome = search(text="chocolat")
    assert {"Chocolaterie Royale", "Chocolats fins assortis"} <= set(titles(outcome))
    cache.delete(outbox.empty_mark_key(ENGINE))  # no drain for a while: unknown again
    with django_assert_num_queries(1):  # whether any hit changed since it was indexed
        assert titles(search(text="chocolat")) == titles(outcome)


@requires_engine
def test_hits_from_the_engine_equal_hits_read_from_the_database(catalogue):
    every = {"text": "", "per_page": 50}
    from_engine = search(**every).hits
    assert {hit.kind for hit in from_engine} >= {"shop", "product"}
    record_changes(Shop, Shop.objects.values_list("pk", flat=True))
    record_changes(Product, Product.objects.values_list("pk", flat=True))
    from_database = search(**every).hits
    assert from_database == from_engine
    assert [hit.as_json() for hit in from_database] == [hit.as_json() for hit in from_engine]


@requires_engine
def test_a_shop_hidden_since_the_last_index_update_is_gone_with_its_products(catalogue):
    before = titles(search(text="chocolat"))
    assert {"Chocolaterie Royale", "Chocolats fins assortis"} <= set(before)
    shop = catalogue["shops"]["chocolat"]
    shop.is_hidden = True
    shop.save()  # the outbox is not drained yet: the engine still has both

    after = titles(search(text="chocolat"))
    assert "Chocolaterie Royale" not in after
    assert "Chocolats fins assortis" not in after

    index_now()
    assert "Chocolaterie Royale" not in titles(search(text="chocolat"))


@requires_engine
def test_a_renamed_shop_shows_its_new_name_at_once(catalogue):
    shop = catalogue["shops"]["epicerie"]
    shop.name = "Épicerie du Vieux Tours"
    shop.save()
    hits = {hit.title: hit for hit in search(text="rillettes").hits}
    assert hits["Rillettes de Tours"].shop_name == "Épicerie du Vieux Tours"


def test_saving_a_shop_queues_its_products_for_the_index(catalogue):
    IndexOutbox.objects.all().delete()
    shop = catalogue["shops"]["chocolat"]
    shop.save()
    queued = set(IndexOutbox.objects.values_list("content_type__model", "object_id"))
    expected = {("shop", str(shop.pk))}
    expected |= {("product", str(pk)) for pk in shop.products.values_list("pk", flat=True)}
    assert {row for row in queued if row[0] in ("shop", "product")} == expected


def test_a_document_indexed_before_its_shown_fields_were_stored_is_read_from_the_database():
    source = {"pk": "7", "name": "Chez Paul", "town_code_filter": "37261"}
    assert row_from_source("shop", source) is None
    source |= {"slug_filter": "chez-paul", "click_and_collect_filter": True}
    assert row_from_source("shop", source)["slug"] == "chez-paul"
    product = {**source, "title": "Miel", "shop": {"name": "Chez Paul"}, "price_filter": 4.5}
    assert str(row_from_source("product", product)["price"]) == "4.50"


@requires_engine
def test_a_search_that_finds_nothing_asks_the_engine_twice_at_most(catalogue, monkeypatch):
    from search import engine

    requests = []
    for name in ("run_query", "run_queries"):
        real = getattr(engine, name)

        def counted(*args, real=real, name=name):
            requests.append(name)
            return real(*args)

        monkeypatch.setattr(engine, name, counted)
    # Nothing in Tours, even with typos: the typo-tolerant retry and the checks of the
    # suggestions (the other towns, all sectors) go in one request.
    outcome = search(text="chocolatt", town="37261", sector="produits-frais")
    assert outcome.count == 0
    assert requests == ["run_query", "run_queries"]
    suggested = {(suggestion.kind, suggestion.label) for suggestion in outcome.suggestions}
    assert ("town", "Orléans") in suggested  # the chocolate maker, one typo away
    assert not any(kind == "broader" for kind, _label in suggested)  # Tours has none at all
    requests.clear()
    assert search(text="chocolat").count
    assert requests == ["run_query"]


@requires_engine
@requires_redis
def test_a_search_through_the_api_makes_two_round_trips_to_redis_and_none_to_postgresql(
    client, catalogue, django_assert_num_queries, monkeypatch
):
    from redis.connection import Connection

    client.get("/api/search/", {"q": "chocolat"})  # the labels, read once per process
    sent = []
    real_send = Connection.send_packed_command

    def send(connection, *args, **kwargs):
        sent.append(args[0])
        return real_send(connection, *args, **kwargs)

    monkeypatch.setattr(Connection, "send_packed_command", send)
    with django_assert_num_queries(0):
        response = client.get("/api/search/", {"q": "chocolat"})
    assert response.json()["count"]
    # The request's count with what the search reads (synonyms, pause, outbox marks), then
    # the query log.
    assert len(sent) == 2
