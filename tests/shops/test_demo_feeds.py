"""The demo partners' bundled feeds and the benchmark feed generator (no database needed).

The bundled feeds are read back through the real connectors, the paginated ones over a
loopback HTTP server, as `make demo` reads them.
"""

import csv
import filecmp
import io
import json
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
import requests

from shops.connectors import get_connector
from shops.connectors.base import ProductRecord, RejectedRecord, ShopRecord
from shops.connectors.sources import FileFeedSource, HttpFeedSource
from shops.demo.catalogue import passes_luhn, vendor_slug
from shops.demo.formats import CSV_MAPPING, SHOP_COLUMNS, WRITERS
from shops.demo.generate import write_bench_feed, write_demo_feeds
from shops.demo.marketplaces import DEMO_MARKETPLACES, DEPARTEMENTS, FEEDS_DIR
from shops.demo.server import serve_feeds
from shops.reference.towns import iter_towns

KINDS = {"town", "chamber", "produce", "platform", "other"}
TOWNS = {town["insee_code"]: town for town in iter_towns()}
TOWNS_BY_POSTAL_AND_NAME = {
    (postal_code, town["name"]): town
    for town in TOWNS.values()
    for postal_code in town["postal_codes"]
}


@pytest.fixture(scope="module")
def records():
    """Every record of every bundled feed, by marketplace slug, read by its connector."""
    by_marketplace = {}
    with serve_feeds(FEEDS_DIR) as base_url:
        for demo in DEMO_MARKETPLACES:
            if demo.paginated:
                source = HttpFeedSource(demo.feed_url.format(base=base_url))
                options = demo.connector_options_for(FEEDS_DIR)
            else:
                source = FileFeedSource(FEEDS_DIR / demo.feed_path)
                options = demo.connector_options
            connector = get_connector(demo.feed_format)(source, options)
            by_marketplace[demo.slug] = list(connector.records())
    return by_marketplace


def shops_of(records):
    return [record for record in records if isinstance(record, ShopRecord)]


def products_of(records):
    return [record for record in records if isinstance(record, ProductRecord)]


def town_of(shop: ShopRecord) -> dict:
    if shop.insee_code:
        return TOWNS[shop.insee_code]
    return TOWNS_BY_POSTAL_AND_NAME[(shop.postal_code, shop.town)]


def folder_files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_bundled_feeds_are_what_the_generator_writes(tmp_path):
    write_demo_feeds(tmp_path)
    bundled = [f for f in folder_files(FEEDS_DIR) if not f.startswith(".")]
    assert folder_files(tmp_path) == bundled, "run `python -m shops.demo.generate`"
    _, mismatches, errors = filecmp.cmpfiles(tmp_path, FEEDS_DIR, bundled, shallow=False)
    assert mismatches == errors == [], "run `python -m shops.demo.generate`"


@pytest.mark.parametrize("feed_format", sorted(WRITERS))
def test_same_seed_gives_the_same_bytes(tmp_path, feed_format):
    for name in ("first", "second"):
        write_bench_feed(700, feed_format, tmp_path / name, seed=7, shops=40)
    write_bench_feed(700, feed_format, tmp_path / "other-seed", seed=8, shops=40)
    files = folder_files(tmp_path / "first")
    assert files == folder_files(tmp_path / "second")
    _, mismatches, errors = filecmp.cmpfiles(
        tmp_path / "first", tmp_path / "second", files, shallow=False
    )
    assert mismatches == errors == []
    _, mismatches, _ = filecmp.cmpfiles(
        tmp_path / "first", tmp_path / "other-seed", files, shallow=False
    )
    assert mismatches


def test_connectors_read_every_bundled_feed_without_rejection(records):
    for slug, marketplace_records in records.items():
        rejected = [record for record in marketplace_records if isinstance(record, RejectedRecord)]
        assert rejected == [], slug
        shop_ids = {shop.external_id for shop in shops_of(marketplace_records)}
        assert len(shop_ids) == len(shops_of(marketplace_records)), f"{slug}: duplicate shop ids"
        products = products_of(marketplace_records)
        assert {product.shop_external_id for product in products} <= shop_ids, slug
        assert len({product.external_id for product in products}) == len(products), slug


def test_the_demo_has_enough_shops_and_products_everywhere(records):
    shops = [shop for slug in records for shop in shops_of(records[slug])]
    products = [product for slug in records for product in products_of(records[slug])]
    assert len(DEMO_MARKETPLACES) >= 6
    assert len(shops) >= 300
    assert len(products) >= 3000
    assert {town_of(shop)["departement"] for shop in shops} == set(DEPARTEMENTS)
    assert {demo.feed_format for demo in DEMO_MARKETPLACES} == set(WRITERS)
    assert {demo.kind for demo in DEMO_MARKETPLACES} <= KINDS
    assert {d for demo in DEMO_MARKETPLACES for d in demo.departements} == set(DEPARTEMENTS)


def test_every_shop_is_in_a_real_town_of_its_marketplace(records):
    for demo in DEMO_MARKETPLACES:
        for shop in shops_of(records[demo.slug]):
            if shop.insee_code:
                assert shop.insee_code in TOWNS, shop
                assert shop.postal_code in TOWNS[shop.insee_code]["postal_codes"], shop
            assert town_of(shop)["departement"] in demo.departements, shop
            assert town_of(shop)["name"] == shop.town


def test_sirets_are_valid_for_most_shops(records):
    sirets = [shop.siret for slug in records for shop in shops_of(records[slug]) if shop.siret]
    companion_sirets = [
        row["siret"]
        for path in FEEDS_DIR.glob("*/shops.csv")
        for row in csv.DictReader(path.open(encoding="utf-8"))
        if row["siret"]
    ]
    all_sirets = sirets + companion_sirets
    assert all(len(siret) == 14 and passes_luhn(siret) for siret in all_sirets)
    assert all(passes_luhn(siret[:9]) for siret in all_sirets), "the SIREN has its own key"
    with_siret_possible = [
        shop for slug in records if slug != "coeur-de-bourges" for shop in shops_of(records[slug])
    ]
    assert len(sirets) >= 0.8 * len(with_siret_possible)


def test_the_partner_csv_is_windows_1252_with_french_columns():
    raw = (FEEDS_DIR / "chartres-en-vitrine" / "feed.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    header = next(csv.reader(io.StringIO(text), delimiter=";"))
    expected = "Référence;Désignation;Description;Prix TTC;Disponibilité;Lien;Image;Catégorie;"
    expected += "Code magasin;Magasin;Adresse;Code postal;Ville;SIRET;Retrait en magasin"
    assert ";".join(header[:15]) == expected
    assert header == list(CSV_MAPPING.values())
    first_row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert "," in first_row["Prix TTC"] and "." not in first_row["Prix TTC"]


def test_companion_shop_lists_have_the_native_columns():
    for path in FEEDS_DIR.glob("*/shops.csv"):
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        assert list(rows[0]) == SHOP_COLUMNS, path
        assert {row["click_and_collect"] for row in rows} <= {"oui", "non"}


def test_shopify_shops_are_named_by_the_slug_of_their_vendor():
    folder = FEEDS_DIR / "orleans-boutiques"
    shop_ids = {row["external_id"] for row in csv.DictReader((folder / "shops.csv").open())}
    vendors = {
        product["vendor"]
        for page in sorted(folder.glob("products-page-*.json"))
        for product in json.loads(page.read_text())["products"]
    }
    assert {vendor_slug(vendor) for vendor in vendors} == shop_ids
    assert vendor_slug("Cœur de Bourges – L'Écrin") == "cur-de-bourges-lecrin"


def test_products_read_as_natural_french(records):
    for slug in records:
        for product in products_of(records[slug]):
            assert product.title and "{" not in product.title
            for clumsy in (" de Le ", " à Le ", " de Les ", " à Les ", " de A", " de O"):
                assert clumsy not in product.description
            assert product.price.replace(" EUR", "").replace(",", ".").count(".") == 1
            assert product.url.startswith("https://www.") and ".example/" in product.url


def test_the_server_paginates_like_woocommerce_and_shopify():
    with serve_feeds(FEEDS_DIR) as base_url:
        woo = f"{base_url}/coeur-de-bourges/wp-json/wc/v3/products"
        first = requests.get(woo, params={"page": 1}, timeout=5)
        pages = int(first.headers["X-WP-TotalPages"])
        assert pages > 1 and 'page=2>; rel="next"' in first.headers["Link"]
        last = requests.get(woo, params={"page": pages}, timeout=5)
        assert "Link" not in last.headers and last.json()
        shopify = f"{base_url}/orleans-boutiques/products.json"
        assert requests.get(shopify, params={"page": 99}, timeout=5).json() == {"products": []}
        assert requests.get(f"{base_url}/tours-shopping/feed.xml", timeout=5).ok
        assert requests.get(f"{base_url}/../generate.py", timeout=5).status_code == 404


@pytest.mark.parametrize(
    "feed_format, products",
    # 50,000 items for the main benchmark format; fewer elsewhere keeps the suite fast.
    [
        ("google_merchant", 50_000),
        *((name, 10_000) for name in sorted(WRITERS) if name != "google_merchant"),
    ],
)
def test_the_bench_feed_is_streamed(tmp_path, feed_format, products):
    tracemalloc.start()
    try:
        summary = write_bench_feed(products, feed_format, tmp_path / "bench", shops=600)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary["products"] == products
    # The feed is megabytes long; a streaming writer holds one shop, or one page, at most.
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_a_bench_feed_file_gets_its_shop_list_beside_it(tmp_path):
    summary = write_bench_feed(500, "google_merchant", tmp_path / "bench-feed.xml", shops=50)
    assert summary["connector_options"] == {"shops_file": "bench-feed-shops.csv"}
    source = FileFeedSource(tmp_path / "bench-feed.xml")
    connector = get_connector("google_merchant")(source, summary["connector_options"])
    kinds = Counter(type(record).__name__ for record in connector.records())
    assert kinds == {"ShopRecord": 50, "ProductRecord": 500}
