"""The 21 real partner feeds of `../shared/real-feeds/`, imported through the real pipeline.

Nobody on this project wrote these files (SOURCES.md there says where each comes from);
they stay outside the repository. Each is imported as a partner would configure it: one
companion shop in Tours for the formats that only describe products, CSV mappings as an
editor would write them. The expected figures are written here, file by file, and every
run's figures must add up: seen = created + updated + unchanged + quarantined.
"""

import collections
import os
from pathlib import Path

import pytest

from shops.factories import MarketplaceFactory
from shops.models import ImportStatus, Product, QuarantinedRecord
from shops.pipeline import run_import

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[2]
CORPUS = REPOSITORY.parent / "shared" / "real-feeds"
SHOP_ID = "boutique-tours"
COMPANION = {"shops_file": "", "default_shop_id": SHOP_ID}  # shops_file set per test

DUPLICATE = "identifiant en double"
FOREIGN = "prix dans une autre devise"
NO_ID = "identifiant manquant"


def reason_kind(reason: str) -> str:
    """Quarantine reasons grouped as the README's table counts them."""
    if reason.startswith(DUPLICATE):
        return "doublon"
    if reason.startswith(FOREIGN):
        return "devise"
    if NO_ID in reason or "ni produit ni commerce" in reason:
        return "sans identifiant"
    return reason.split(" : ")[-1] if reason.startswith("ligne ") else reason.split(" :")[0]


# file → (format, options, seen, created, quarantined by kind of reason)
CORPUS_RUNS = {
    "google_merchant/pallmann-fr-rss.xml": ("google_merchant", COMPANION, 306, 306, {}),
    "google_merchant/pallmann-fr-atom.xml": ("google_merchant", COMPANION, 306, 306, {}),
    "google_merchant/superlife-ci-xof.xml": ("google_merchant", COMPANION, 6, 1, {"devise": 5}),
    "google_merchant/google-example-atom03.xml": ("google_merchant", COMPANION, 2, 2, {}),
    "google_merchant_tsv/swiipx-fr.txt": ("google_merchant_tsv", COMPANION, 4, 4, {}),
    "google_merchant_tsv/lake-erie-wix-usd.tsv": (
        "google_merchant_tsv",
        COMPANION,
        161,
        1,
        {"devise": 160},
    ),
    "google_merchant_tsv/petsstore-ars.tsv": (
        "google_merchant_tsv",
        COMPANION,
        382,
        1,
        {"devise": 380, "encodage cassé dans « description »": 1},
    ),
    "google_merchant_tsv/tapgiving-usd.tsv": (
        "google_merchant_tsv",
        COMPANION,
        4,
        1,
        {"devise": 3},
    ),
    "shopify/shopify-docs-admin-envelope.json": ("shopify", COMPANION, 3, 2, {"doublon": 1}),
    # Shopify's JSON says no currency, and a saved file has no store to ask: the partner
    # configures it, as the Indian store would.
    "shopify/nilkamal-storefront.json": (
        "shopify",
        {**COMPANION, "currency": "INR"},
        3,
        1,
        {"devise": 2},
    ),
    "shopify/mylubie-fr-array.json": ("shopify", COMPANION, 31, 31, {}),
    "woocommerce/woo-docs-v3-list-products.json": ("woocommerce", COMPANION, 3, 3, {}),
    "woocommerce/openflutter-v3.json": (
        "woocommerce",
        {**COMPANION, "currency": "USD"},
        11,
        1,
        {"devise": 10},
    ),
    "woocommerce/woo-ios-load-all.json": ("woocommerce", COMPANION, 11, 11, {}),
    "woocommerce/woo-ios-load-all-data-envelope.json": ("woocommerce", COMPANION, 11, 11, {}),
    "csv/thelia-demo-fr.csv": (
        "csv",
        {
            **COMPANION,
            "mapping": {
                "external_id": "REF",
                # No French title column: the English one is the product's name.
                "title": "TITRE UK",
                "description": ["CHAPO FR", "DESCRIPTIF FR"],
                "price": "PRIX",
                "brand": "BRAND",
                "categories": "CATEGORIE",
            },
        },
        31,
        31,
        {},
    ),
    "csv/ephy-produits-cp1252.csv": (
        "csv",
        {
            **COMPANION,
            "mapping": {
                "external_id": "numero AMM",
                "title": "nom produit",
                "brand": "titulaire",
                "categories": "fonctions",
            },
        },
        15043,
        15043,
        {},
    ),
    "csv/wc-export-fr-fcfa.csv": (
        "csv",
        {
            **COMPANION,
            "mapping": {
                "external_id": ["ID", "UGS"],
                "title": "Nom",
                "description": "Description courte",
                "price": "Tarif régulier",
                "availability": "En stock ?",
                "categories": "Catégories",
            },
        },
        517,
        1,
        {"doublon": 2, "devise": 513, "titre manquant": 1},
    ),
    "csv/audecreativestuff-fr.csv": (
        "csv",
        {
            **COMPANION,
            "mapping": {
                "title": "Nom Produit",
                "description": "Description",
                "price": "Prix Boutique",
                "image_url": "Image",
                "categories": "Catégorie",
            },
        },
        68,
        60,
        {"sans identifiant": 8},
    ),
    "csv/epicerie-gacilly-fr.csv": (
        "csv",
        {
            **COMPANION,
            "mapping": {
                "external_id": "Code EAN",
                "gtin": "Code EAN",
                "title": "Nom de l’article",
                "price": "TTC",
                "categories": "Type",
            },
        },
        6,
        5,
        {"doublon": 1},
    ),
    "csv/prestashop14-products-import.csv": (
        "csv",
        {
            **COMPANION,
            "mapping": {
                "external_id": "id",
                "title": "Name*",
                "description": "Short description",
                "price": "Price tax excl.",
                "brand": "Manufacturer",
                "categories": "Categories (x,y,z,...)",
                "gtin": "EAN13",
            },
        },
        3,
        3,
        {},
    ),
}


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        message = f"the real-feed corpus is missing: {CORPUS}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CORPUS


@pytest.fixture
def companion_shop_file(tmp_path):
    path = tmp_path / "boutique-tours.csv"
    path.write_text(
        "external_id,name,address,postal_code,town,sectors\n"
        f"{SHOP_ID},Boutique du Vieux Tours,12 rue Colbert,37000,Tours,Épicerie\n",
        encoding="utf-8",
    )
    return path


def test_the_corpus_is_the_one_these_figures_were_written_for(corpus):
    files = sorted(
        str(path.relative_to(corpus)) for path in corpus.rglob("*") if path.parent != corpus
    )
    assert files == sorted(CORPUS_RUNS)


@pytest.mark.parametrize("name", sorted(CORPUS_RUNS))
def test_every_record_of_a_real_feed_is_accounted_for(name, corpus, companion_shop_file):
    feed_format, options, seen, created, quarantined = CORPUS_RUNS[name]
    options = {**options, "shops_file": str(companion_shop_file)}
    marketplace = MarketplaceFactory(
        slug="partenaire", feed_format=feed_format, connector_options=options
    )

    run = run_import(marketplace, path=corpus / name)

    reasons = collections.Counter(
        reason_kind(reason)
        for reason in QuarantinedRecord.objects.filter(run=run).values_list("reason", flat=True)
    )
    assert run.errors == ""
    assert run.seen == run.created + run.updated + run.unchanged + run.quarantined
    assert (run.seen, run.created, dict(reasons)) == (seen, created, quarantined)
    assert run.status == (ImportStatus.PARTIAL if quarantined else ImportStatus.SUCCESS)
    stored = Product.objects.filter(marketplace=marketplace).count()
    assert stored == created - 1  # the companion shop is the other record created
