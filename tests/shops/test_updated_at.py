"""`updated_at` follows every write of the import, bulk ones included (issue 19, item 11):
the open data's `mis_a_jour` and the index rebuild's catch-up read it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from shops.factories import MarketplaceFactory
from shops.models import Product, Shop
from shops.pipeline import run_import
from tests.shops.feeds import product, shop, write_native_feed

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=30)


@pytest.fixture
def marketplace():
    return MarketplaceFactory(
        slug="blois-boutiques", name="Blois Boutiques", feed_format="native_json"
    )


def backdate_everything():
    Shop.objects.update(updated_at=LONG_AGO)
    Product.objects.update(updated_at=LONG_AGO)


def test_a_changed_shop_and_product_get_a_new_updated_at_the_unchanged_keep_theirs(
    marketplace, tmp_path
):
    products = [product("p1"), product("p2", title="Carnet de voyage")]
    run_import(marketplace, path=write_native_feed(tmp_path / "a.json", [shop()], products))
    backdate_everything()
    started = timezone.now()

    changed = [product("p1", price="12.00"), product("p2", title="Carnet de voyage")]
    run = run_import(
        marketplace,
        path=write_native_feed(tmp_path / "b.json", [shop(name="Le Chat qui Lit")], changed),
    )

    assert run.updated == 2  # the shop and p1
    assert Shop.objects.get().updated_at >= started
    assert Product.objects.get(external_id="p1").updated_at >= started
    assert Product.objects.get(external_id="p2").updated_at == LONG_AGO


def test_a_deactivated_record_gets_a_new_updated_at(marketplace, tmp_path):
    products = [product(f"p{i}", title=f"Bougie parfumée n° {i}") for i in range(10)]
    run_import(marketplace, path=write_native_feed(tmp_path / "a.json", [shop()], products))
    backdate_everything()
    started = timezone.now()

    run = run_import(
        marketplace, path=write_native_feed(tmp_path / "b.json", [shop()], products[:9])
    )

    assert run.deactivated == 1
    gone = Product.objects.get(external_id="p9")
    assert not gone.is_active and gone.updated_at >= started
    assert Product.objects.get(external_id="p0").updated_at == LONG_AGO
