"""Every change reaches every backend through the outbox, in bulk, deletions included."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.search.backends import get_search_backend

from search import outbox
from search.backends import ENGINE
from search.indexing import drain_outbox, pending_changes
from search.models import IndexOutbox
from shops.factories import ProductFactory, ShopFactory
from shops.models import Product, Shop
from shops.sync import deactivate
from tests.conftest import requires_redis

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_indexes():
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        for model in (Shop, Product):
            index = backend.get_index_for_model(model)
            index.reset()
            index.add_model(model)


def found(alias, words):
    backend = get_search_backend(alias)
    if hasattr(backend, "es"):
        backend.get_index_for_model(Product).refresh()
    return [p.title for p in backend.search(words, Product.objects.all())]


def test_a_save_writes_one_outbox_row_per_backend_in_its_transaction():
    product = ProductFactory(title="Coffret de macarons de Montmorillon")
    rows = IndexOutbox.objects.filter(object_id=str(product.pk), content_type__model="product")
    assert sorted(rows.values_list("backend", flat=True)) == sorted(settings.WAGTAILSEARCH_BACKENDS)


def test_deactivated_products_leave_every_index_in_bulk(fresh_indexes):
    shop = ShopFactory(name="Pâtisserie Girard")
    products = [ProductFactory(shop=shop, title=f"Coffret de macarons n° {i}") for i in range(3)]
    drain_outbox()
    assert pending_changes() == 0
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        assert len(found(alias, "macarons")) == 3, alias

    deactivate(Shop.objects.none(), Product.objects.filter(pk__in=[p.pk for p in products[:2]]))
    assert drain_outbox() == dict.fromkeys(settings.WAGTAILSEARCH_BACKENDS, 2)
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        assert found(alias, "macarons") == ["Coffret de macarons n° 2"], alias


@pytest.fixture
def marks(settings):
    """The outbox's marks in the shared cache, from nothing."""
    cache.delete_many(outbox.mark_keys(ENGINE))
    yield lambda: outbox.known_empty(ENGINE, cache.get_many(outbox.mark_keys(ENGINE)))
    cache.delete_many(outbox.mark_keys(ENGINE))


@requires_redis
def test_a_drain_that_empties_the_outbox_vouches_for_it_until_the_next_write(marks, fresh_indexes):
    assert not marks(), "unknown before any drain: searches look in the outbox"
    ShopFactory(name="Brûlerie des Halles")
    drain_outbox()
    assert marks()
    with transaction.atomic():
        ProductFactory(title="Café d'Éthiopie moulu")
        # Void from the write on, before its commit: a search in between must look.
        assert not marks()
    drain_outbox()
    assert marks()


@requires_redis
def test_an_outbox_left_with_rows_is_not_vouched_for(marks):
    ShopFactory(name="Vannerie Morin")
    assert IndexOutbox.objects.filter(backend=ENGINE).exists()
    outbox.mark_if_empty(ENGINE)
    assert not marks()


@requires_redis
def test_an_expired_mark_means_looking_again(marks, fresh_indexes):
    drain_outbox()
    assert marks()
    cache.delete(outbox.empty_mark_key(ENGINE))  # what EMPTY_MARK_SECONDS without a drain does
    assert not marks()


def test_a_cache_of_one_process_never_vouches_for_the_outbox(marks, settings, fresh_indexes):
    settings.REDIS_URL = ""
    drain_outbox()
    assert not marks()
