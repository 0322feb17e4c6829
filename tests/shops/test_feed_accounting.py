"""Every record of a feed accounted for: repeats, rows without id, foreign prices, failed runs.

Through the real pipeline into the test database; HTTP feeds from a loopback server.
"""

import json
import logging

import pytest
from django.core.management import call_command

from shops.cleaning import price_currency
from shops.factories import MarketplaceFactory
from shops.models import ImportRun, ImportStatus, Product, QuarantinedRecord, Shop
from shops.pipeline import run_import
from shops.sync import check_accounts
from tests.httpserver import Reply, serve
from tests.shops.feeds import product, shop, write_native_feed

pytestmark = pytest.mark.django_db

SHOPS_CSV = (
    "external_id,name,address,postal_code,town\n"
    "boutique-tours,Boutique du Vieux Tours,12 rue Colbert,37000,Tours\n"
)
ONE_SHOP = {"default_shop_id": "boutique-tours"}


def adds_up(run) -> bool:
    return run.seen == run.created + run.updated + run.unchanged + run.quarantined


def reasons(run) -> dict[str, str]:
    return dict(QuarantinedRecord.objects.filter(run=run).values_list("external_id", "reason"))


@pytest.fixture
def shops_file(tmp_path):
    path = tmp_path / "commerces.csv"
    path.write_text(SHOPS_CSV, encoding="utf-8")
    return str(path)


def shopify_product(product_id, title="Savon au lait d'ânesse", price="5.90"):
    return {
        "id": product_id,
        "title": title,
        "handle": f"produit-{product_id}",
        "vendor": "Boutique",
        "variants": [{"price": price, "available": True}],
    }


# --- repeats and rows without id ------------------------------------------------------------


def test_a_repeated_id_keeps_the_first_and_quarantines_the_repeat_with_where_it_was(tmp_path):
    marketplace = MarketplaceFactory(feed_format="native_json")
    path = write_native_feed(
        tmp_path / "feed.json",
        [shop()],
        [product("p1", title="Miel de Sologne"), product("p1", title="Miel de Touraine")],
    )

    run = run_import(marketplace, path=path)

    assert (run.seen, run.created, run.quarantined) == (3, 2, 1)
    assert Product.objects.get().title == "Miel de Sologne"
    assert reasons(run) == {"p1 (fiche n° 3)": "identifiant en double, déjà vu fiche n° 2"}
    assert adds_up(run)


def test_csv_rows_without_id_get_a_stable_one_or_are_quarantined_one_by_one(tmp_path, shops_file):
    feed = tmp_path / "produits.csv"
    feed.write_text(
        "Nom;Prix;EAN\n"
        "Rillettes de Tours;6,90 €;3250391584123\n"
        "Vouvray demi-sec;12,50 €;\n"
        "Vouvray demi-sec;13,00 €;\n"
        ";4,00 €;\n"
        ";5,00 €;\n",
        encoding="utf-8",
    )
    options = {
        **ONE_SHOP,
        "shops_file": shops_file,
        "mapping": {"title": "Nom", "price": "Prix", "gtin": "EAN"},
    }
    marketplace = MarketplaceFactory(feed_format="csv", connector_options=options)

    run = run_import(marketplace, path=feed)

    assert (run.seen, run.created, run.quarantined) == (6, 3, 3)
    assert sorted(Product.objects.values_list("external_id", flat=True)) == [
        "gtin-3250391584123",
        "titre-boutique-tours-vouvray-demi-sec",
    ]
    assert sorted(reasons(run).values()) == [
        "identifiant en double, déjà vu ligne 3",
        "ligne 5 : ni produit ni commerce (référence et titre vides)",
        "ligne 6 : ni produit ni commerce (référence et titre vides)",
    ]
    assert adds_up(run)
    # A new row at the top moves every other one down a line: they are the same records.
    lines = feed.read_text(encoding="utf-8").splitlines(keepends=True)
    feed.write_text("".join([lines[0], "Miel de Sologne;9,80 €;\n", *lines[1:]]), encoding="utf-8")
    again = run_import(marketplace, path=feed)
    assert (again.created, again.updated, again.unchanged, again.quarantined) == (1, 0, 3, 3)


def test_a_csv_with_a_trailing_delimiter_on_every_row_is_read(tmp_path, shops_file):
    feed = tmp_path / "prestashop.csv"
    feed.write_text(
        "id;Name*;Price tax excl.\r\n1;iPod Nano;49;\r\n2;iPod shuffle;66.05;\r\n", encoding="utf-8"
    )
    options = {
        **ONE_SHOP,
        "shops_file": shops_file,
        "mapping": {"external_id": "id", "title": "Name*", "price": "Price tax excl."},
    }
    run = run_import(MarketplaceFactory(feed_format="csv", connector_options=options), path=feed)
    assert (run.status, run.created, run.quarantined) == (ImportStatus.SUCCESS, 3, 0)
    assert Shop.objects.get().name == "Boutique du Vieux Tours"  # the companion shop list


# --- currencies -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "currency"),
    [
        ("15 000 Fcfa", "XOF"),
        ("20 000Fcfa", "XOF"),
        ("$12.00", "USD"),
        ("12.00 $", "USD"),
        ("USD 12", "USD"),
        ("45000 XOF", "XOF"),
        ("5,90 €", "EUR"),
        ("12,50 EUR", "EUR"),
        ("12.50", None),
    ],
)
def test_the_currency_a_price_writes(price, currency):
    assert price_currency(price) == currency


def test_prices_in_another_currency_in_csv_cells_are_quarantined_as_such(tmp_path, shops_file):
    feed = tmp_path / "produits.csv"
    feed.write_text(
        "ref,nom,prix\nA,Pagne wax,15 000 Fcfa\nB,Mug,$12.00\nC,Tee-shirt,USD 20\nD,Miel,9.80\n",
        encoding="utf-8",
    )
    options = {
        **ONE_SHOP,
        "shops_file": shops_file,
        "mapping": {"external_id": "ref", "title": "nom", "price": "prix"},
    }
    run = run_import(MarketplaceFactory(feed_format="csv", connector_options=options), path=feed)
    assert reasons(run) == {
        "A": "prix dans une autre devise que l'euro (XOF) : 15 000 Fcfa",
        "B": "prix dans une autre devise que l'euro (USD) : $12.00",
        "C": "prix dans une autre devise que l'euro (USD) : USD 20",
    }
    assert list(Product.objects.values_list("external_id", flat=True)) == ["D"]


def test_the_shopify_store_says_its_currency_in_meta_json(shops_file):
    page = json.dumps({"products": [shopify_product(1, price="2370.00")]}).encode()
    routes = {
        "/products.json": [Reply(page), Reply(b'{"products": []}')],
        "/meta.json": [Reply(json.dumps({"name": "Nilkamal", "currency": "INR"}).encode())],
    }
    with serve(routes) as server:
        options = {**ONE_SHOP, "shops_file": shops_file}
        marketplace = MarketplaceFactory(feed_format="shopify", connector_options=options)
        run = run_import(marketplace, url=f"{server.base_url}/products.json")
    assert reasons(run) == {"1": "prix dans une autre devise que l'euro (INR) : 2370.00"}
    assert not Product.objects.exists()


def test_the_admin_api_says_it_in_shop_json(shops_file):
    page = json.dumps({"products": [shopify_product(1)]}).encode()
    routes = {
        "/admin/api/2024-10/products.json": [Reply(page), Reply(b'{"products": []}')],
        "/admin/api/2024-10/shop.json": [Reply(b'{"shop": {"currency": "USD"}}')],
    }
    with serve(routes) as server:
        options = {**ONE_SHOP, "shops_file": shops_file}
        marketplace = MarketplaceFactory(feed_format="shopify", connector_options=options)
        run = run_import(marketplace, url=f"{server.base_url}/admin/api/2024-10/products.json")
    assert list(reasons(run).values()) == ["prix dans une autre devise que l'euro (USD) : 5.90"]


def test_woocommerce_says_it_in_its_general_settings(shops_file):
    products = [{"id": 7, "name": "Mug", "price": "12"}]
    settings_page = [{"id": "woocommerce_currency", "value": "USD"}]
    routes = {
        "/wp-json/wc/v3/products": [Reply(json.dumps(products).encode()), Reply(b"[]")],
        "/wp-json/wc/v3/settings/general": [Reply(json.dumps(settings_page).encode())],
    }
    with serve(routes) as server:
        options = {**ONE_SHOP, "shops_file": shops_file}
        marketplace = MarketplaceFactory(feed_format="woocommerce", connector_options=options)
        run = run_import(marketplace, url=f"{server.base_url}/wp-json/wc/v3/products")
        assert server.hits["/wp-json/wc/v3/settings/general"] == 1
    assert reasons(run) == {"7": "prix dans une autre devise que l'euro (USD) : 12"}


def test_settings_the_keys_cannot_read_leave_the_marketplace_option(shops_file):
    products = [{"id": 7, "name": "Miel de Sologne", "price": "9.80"}]
    routes = {
        # Two runs, each reading one page then an empty one.
        "/wp-json/wc/v3/products": [Reply(json.dumps(products).encode()), Reply(b"[]")] * 2,
        "/wp-json/wc/v3/settings/general": [Reply(b'{"code": "forbidden"}', status=403)],
    }
    with serve(routes) as server:
        url = f"{server.base_url}/wp-json/wc/v3/products"
        euros = MarketplaceFactory(
            feed_format="woocommerce", connector_options={**ONE_SHOP, "shops_file": shops_file}
        )
        assert run_import(euros, url=url).quarantined == 0
        francs = MarketplaceFactory(
            feed_format="woocommerce",
            connector_options={**ONE_SHOP, "shops_file": shops_file, "currency": "CHF"},
        )
        assert run_import(francs, url=url).quarantined == 1


def test_a_busy_platform_fails_the_run_rather_than_guess_its_currency(shops_file):
    page = json.dumps({"products": [shopify_product(1)]}).encode()
    routes = {
        "/products.json": [Reply(page)],
        "/meta.json": [Reply(b"", status=503)],
    }
    with serve(routes) as server:
        options = {**ONE_SHOP, "shops_file": shops_file}
        marketplace = MarketplaceFactory(feed_format="shopify", connector_options=options)
        run = run_import(marketplace, url=f"{server.base_url}/products.json")
    assert run.status == ImportStatus.FAILED and "503" in run.errors
    assert not Product.objects.exists()


# --- documents the connector does not understand --------------------------------------------


def test_entries_in_an_unknown_atom_namespace_fail_the_run(tmp_path):
    feed = tmp_path / "flux.xml"
    feed.write_text(
        '<feed xmlns="http://example.com/ns/atom-0.2"><entry><id>1</id>'
        "<title>Pull</title></entry></feed>",
        encoding="utf-8",
    )
    run = run_import(MarketplaceFactory(feed_format="google_merchant"), path=feed)
    assert run.status == ImportStatus.FAILED
    assert "« http://example.com/ns/atom-0.2 »" in run.errors


# --- the command ----------------------------------------------------------------------------


def run_command(capsys, *args) -> tuple[int, dict]:
    try:
        call_command("import_marketplace", *args, "--no-progress")
        status = 0
    except SystemExit as exit:
        status = exit.code
    return status, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_the_command_exits_1_when_the_run_failed(tmp_path, capsys):
    broken = tmp_path / "flux.xml"
    broken.write_text("<rss><channel><item><g:id>1", encoding="utf-8")
    status, summary = run_command(capsys, "cassee", "--format=google_merchant", f"--file={broken}")
    assert status == 1
    assert summary["status"] == "failed" and summary["errors"]


def test_the_command_reads_a_url_for_this_run_only(capsys, shops_file):
    products = [{"id": 7, "name": "Miel de Sologne", "price": "9.80"}]
    routes = {"/wp-json/wc/v3/products": [Reply(json.dumps({"data": products}).encode())]}
    options = json.dumps({**ONE_SHOP, "shops_file": shops_file})
    with serve(routes) as server:
        url = f"{server.base_url}/wp-json/wc/v3/products"
        status, summary = run_command(
            capsys, "miel", "--format=woocommerce", f"--options={options}", f"--url={url}"
        )
    assert (status, summary["status"], summary["created"]) == (0, "success", 2)


def test_the_command_reads_a_folder_of_saved_shopify_pages(tmp_path, capsys, shops_file):
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in (1, 2, 10):
        items = [shopify_product(number, title=f"Savon n° {number}")]
        # A bare list and the envelope, as partners save them.
        document = items if number == 2 else {"products": items}
        (pages / f"products-{number}.json").write_text(json.dumps(document), encoding="utf-8")
    options = json.dumps({**ONE_SHOP, "shops_file": shops_file})
    status, summary = run_command(
        capsys, "savons", "--format=shopify", f"--options={options}", f"--file={pages}"
    )
    assert (status, summary["status"], summary["seen"], summary["created"]) == (0, "success", 4, 4)
    assert Product.objects.count() == 3


def test_figures_that_do_not_add_up_are_logged_and_said(caplog):
    run = ImportRun(marketplace=MarketplaceFactory(), seen=5, created=2, quarantined=1)
    with caplog.at_level(logging.ERROR, logger="shops.sync"):
        check_accounts(run, run.marketplace)
    assert "comptes incohérents : 5 fiches lues, 3 comptées" in run.errors
    assert "comptes incohérents" in caplog.text
    balanced = ImportRun(marketplace=run.marketplace, seen=3, created=2, quarantined=1)
    check_accounts(balanced, balanced.marketplace)
    assert balanced.errors == ""
