"""The demo catalogue: bundled feeds in every format, loaded through the real pipeline."""

import csv
import filecmp

import pytest

from shops.cleaning import siret_is_valid
from shops.demo.generate import FEEDS_DIR, write_marketplace
from shops.demo.loader import import_demo_marketplaces
from shops.demo.marketplaces import DEMO_MARKETPLACES
from shops.models import ImportStatus, Product, QuarantinedRecord, Shop
from shops.models.imports import FEED_FORMATS
from shops.queries import listed_shops


def test_the_bundled_feeds_are_what_the_generator_writes(tmp_path):
    for demo in DEMO_MARKETPLACES:
        write_marketplace(demo, tmp_path / demo.slug)
        comparison = filecmp.dircmp(tmp_path / demo.slug, FEEDS_DIR / demo.slug)
        assert not comparison.diff_files and not comparison.left_only, demo.slug


def test_the_demo_covers_every_format_and_every_departement():
    assert {demo.feed_format for demo in DEMO_MARKETPLACES} == {code for code, _ in FEED_FORMATS}
    departements = {d for demo in DEMO_MARKETPLACES for d in demo.departements}
    assert departements == {"18", "28", "36", "37", "41", "45"}


def test_demo_sirets_have_a_valid_key():
    with (FEEDS_DIR / "tours-shopping" / "shops.csv").open(encoding="utf-8") as shops:
        sirets = [row["siret"] for row in csv.DictReader(shops)]
    assert sirets and all(siret_is_valid(siret) for siret in sirets)


@pytest.mark.django_db
def test_the_demo_loads_through_the_pipeline_without_quarantine_and_idempotently(settings):
    settings.FETCH_PRODUCT_IMAGES = False
    runs = [run for _, run in import_demo_marketplaces()]
    assert [run.status for run in runs] == [ImportStatus.SUCCESS] * len(DEMO_MARKETPLACES)
    assert not QuarantinedRecord.objects.exists()
    assert Shop.objects.count() >= 300
    assert Product.objects.count() >= 3000
    assert set(Shop.objects.values_list("town__departement", flat=True)) == {
        "18",
        "28",
        "36",
        "37",
        "41",
        "45",
    }
    assert_each_shop_listed_once()

    again = [run for _, run in import_demo_marketplaces()]
    assert sum(run.created + run.updated + run.deactivated for run in again) == 0
    assert_each_shop_listed_once()


def assert_each_shop_listed_once():
    """The businesses several partners list (issue 16: Tours showed them twice)."""
    tours = list(listed_shops().filter(town__insee_code="37261").values_list("name", flat=True))
    for name in ("Céramiques de Tours", "L'Art de la Table", "Le Rucher de Tours"):
        assert tours.count(name) == 1, name
    names = list(listed_shops().values_list("name", "town_id"))
    assert len(names) == len(set(names))
