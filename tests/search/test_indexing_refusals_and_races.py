"""The drain against a real OpenSearch: a refused document is parked with the engine's reason
while the rest is applied (issue 19, item 7), and of two drains racing, the older read never
overwrites the newer (item 8)."""

import threading

import pytest
from django.db import connection

from search import indexing
from search.engine_backends import PipelinedBulkMixin
from search.models import IndexOutbox, RejectedDocument
from shops.factories import ShopFactory
from shops.models import Shop
from tests.conftest import requires_opensearch

from .conftest import index_now, refresh_indexes

pytestmark = requires_opensearch


def engine_has(shop) -> bool:
    backend = indexing.get_search_backend("default")
    index = backend.get_index_for_model(Shop).name
    return bool(backend.es.exists(index=index, id=str(shop.pk)))


@pytest.mark.django_db
def test_a_refused_document_is_parked_with_the_engines_reason_and_the_rest_applied(
    empty_indexes, admin_client
):
    good = [ShopFactory(name=f"Fromagerie n° {n}") for n in range(3)]
    # A latitude no map has: the engine's geo_point refuses the whole document.
    bad = ShopFactory(name="Cave des coteaux", latitude=123.0, longitude=1.5)

    applied = index_now()

    assert applied["default"] is not None  # the backend was not reported unavailable
    assert all(engine_has(shop) for shop in good)
    assert not engine_has(bad)
    assert not IndexOutbox.objects.filter(backend="default").exists()  # nothing stuck
    parked = RejectedDocument.objects.get()
    assert (parked.backend, parked.object_id) == ("default", str(bad.pk))
    assert "latitude" in parked.reason.lower()
    assert admin_client.get("/healthz").json()["search_dead_letters"] == 1
    page = admin_client.get("/admin/search/rejected/")
    assert page.status_code == 200
    assert (
        "Cave des coteaux" in page.content.decode() and parked.reason[:40] in page.content.decode()
    )

    bad.latitude = 47.4
    bad.save()
    index_now()

    assert engine_has(bad)
    assert not RejectedDocument.objects.exists()  # accepted once corrected


@pytest.mark.django_db(transaction=True)
def test_of_two_drains_racing_the_older_read_never_overwrites_the_newer(
    empty_indexes, home_page, monkeypatch
):
    shop = ShopFactory(name="Quincaillerie du Marché")
    index_now()
    assert engine_has(shop)

    shop.name = "Quincaillerie du Marché couvert"
    shop.save()  # the first change: drain A reads the shop while it is still listed

    a_holds_its_request, b_is_done = threading.Event(), threading.Event()
    send = PipelinedBulkMixin.bulk

    def slow_in_drain_a(self, *args, **kwargs):
        if threading.current_thread().name == "drain-a":
            a_holds_its_request.set()
            assert b_is_done.wait(30)  # the network or the engine is slow for A
        return send(self, *args, **kwargs)

    monkeypatch.setattr(PipelinedBulkMixin, "bulk", slow_in_drain_a)
    errors = []

    def drain_a():
        try:
            indexing.drain_backend("default")
        except Exception as error:  # noqa: BLE001 — reported to the test's thread
            errors.append(error)
        finally:
            connection.close()

    worker_a = threading.Thread(target=drain_a, name="drain-a")
    worker_a.start()
    assert a_holds_its_request.wait(30)

    shop.is_hidden = True
    shop.save()  # the second change, committed while A holds the first
    indexing.drain_backend("default")  # drain B: the newer rows, while A holds the older
    refresh_indexes()
    assert not engine_has(shop)
    b_is_done.set()
    worker_a.join(60)

    assert not errors
    refresh_indexes()
    assert not engine_has(shop)  # A's older document was refused by its version
    assert not IndexOutbox.objects.filter(backend="default").exists()
    assert not RejectedDocument.objects.exists()  # a stale write is not a refusal
