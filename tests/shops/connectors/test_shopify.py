"""Shopify's products.json read page by page from a real local server, and its faults."""

import json

import pytest

from shops.connectors.base import FeedUnavailable
from shops.connectors.sources import HttpFeedSource

from .conftest import SAMPLES, by_id, products, read, read_until_failure, rejected, shops
from .feed_server import Answer

EMPTY = Answer(b'{"products": []}')


def sample_page(number: int) -> Answer:
    return Answer((SAMPLES / f"shopify_products_page{number}.json").read_bytes())


def product(n: int, **fields) -> dict:
    return {
        "id": n,
        "title": f"Savon au lait d'ânesse n° {n}",
        "handle": f"savon-{n}",
        "vendor": "Savonnerie de Sologne",
        "variants": [{"id": n, "price": "6.50", "available": True}],
        **fields,
    }


def page(*items) -> Answer:
    return Answer(json.dumps({"products": list(items)}).encode())


def test_numbered_pages_until_an_empty_one_with_the_companion_shop_list(server):
    url = server.route("/products.json", sample_page(1), sample_page(2), EMPTY)
    shops_url = server.route(
        "/vendeurs.csv",
        Answer((SAMPLES / "shopify_shops.csv").read_bytes(), content_type="text/csv"),
    )
    source = HttpFeedSource(url, auth=("boutique", "secret"))
    records = read("shopify", source, shops_url=shops_url)

    queries = [request.query for request in server.requests_to("/products.json")]
    assert queries == [{"limit": "250", "page": str(n)} for n in (1, 2, 3)]
    # The shop list is on the same host: it gets the same credentials.
    assert server.requests_to("/vendeurs.csv")[0].headers["Authorization"].startswith("Basic ")
    assert [type(record).__name__ for record in records[:2]] == ["ShopRecord", "ShopRecord"]
    shop_ids = {shop.external_id for shop in shops(records)}
    assert {product.shop_external_id for product in products(records)} == shop_ids


def test_a_product_reads_from_its_cheapest_variant_vendor_and_handle(server):
    url = server.route("/products.json", sample_page(1), sample_page(2), EMPTY)
    found = by_id(products(read("shopify", HttpFeedSource(url))))
    roman = found["7000001"]
    assert (roman.title, roman.price, roman.availability) == (
        "Roman : Les Vendanges de Vouvray",
        "19.90",
        "in stock",
    )
    assert roman.shop_external_id == "librairie-le-chat-qui-lit"
    assert roman.url == f"{server.base_url}/products/roman-les-vendanges-de-vouvray"
    assert roman.image_url == "https://cdn.shopify.example/files/1.jpg"
    assert roman.categories == ["Librairie", "Fait main", "Local"]
    assert roman.brand == ""  # on a marketplace the vendor is the shop
    carnet = found["7000002"]
    assert (carnet.price, carnet.availability) == ("9.00", "in stock")
    boucles = found["7000004"]
    assert boucles.title == "Boucles d'oreilles & pendentif « Cathédrale »"
    assert (boucles.availability, boucles.shop_external_id) == (
        "out of stock",
        "cur-de-bourges-lecrin",
    )


def test_a_product_without_id_is_rejected_and_the_page_goes_on(server):
    url = server.route("/products.json", sample_page(1), sample_page(2), EMPTY)
    (without_id,) = rejected(read("shopify", HttpFeedSource(url)))
    assert without_id.reason == "produit Shopify sans identifiant"
    assert "Produit sans identifiant" in without_id.raw


def test_a_single_shop_store_names_its_shop_and_keeps_vendors_as_brands(server):
    url = server.route("/products.json", sample_page(1), EMPTY)
    records = read(
        "shopify",
        HttpFeedSource(url),
        default_shop_id="librairie-tours",
        store_url="https://www.librairie-tours.example/",
    )
    roman = by_id(products(records))["7000001"]
    assert (roman.shop_external_id, roman.brand) == ("librairie-tours", "Librairie Le Chat qui Lit")
    assert roman.url.startswith("https://www.librairie-tours.example/products/")


def test_a_link_header_is_followed_as_the_cursor(server):
    url = server.url("/products.json")
    server.route(
        "/products.json",
        Answer(
            json.dumps({"products": [product(1)]}).encode(),
            headers={"Link": f'<{url}?limit=250&page_info=eyJsYXN0X2lkIjoxfQ>; rel="next"'},
        ),
        Answer(
            json.dumps({"products": [product(2)]}).encode(),
            headers={"Link": f'<{url}?limit=250&page_info=abc>; rel="previous"'},
        ),
    )
    records = read("shopify", HttpFeedSource(url))
    assert [record.external_id for record in records] == ["1", "2"]
    queries = [request.query for request in server.requests_to("/products.json")]
    assert queries == [
        {"limit": "250", "page": "1"},
        {"limit": "250", "page_info": "eyJsYXN0X2lkIjoxfQ"},
    ]


def test_since_id_pagination(server):
    url = server.route("/products.json", page(product(11), product(12)), page(product(30)), EMPTY)
    records = read("shopify", HttpFeedSource(url), pagination="since_id")
    assert [record.external_id for record in records] == ["11", "12", "30"]
    assert [request.query["since_id"] for request in server.requests_to("/products.json")] == [
        "0",
        "12",
        "30",
    ]


def test_the_admin_api_says_availability_by_stock(server):
    tracked = {"inventory_management": "shopify", "inventory_policy": "deny"}
    url = server.route(
        "/products.json",
        page(
            product(1, variants=[{"price": "5.00", "inventory_quantity": 0, **tracked}]),
            product(2, variants=[{"price": "5.00", "inventory_quantity": 3, **tracked}]),
            product(3, variants=[{"price": "5.00", "inventory_management": None}]),
            product(4, variants=[], tags="savon, lait d'ânesse", images=[], image=None),
        ),
        EMPTY,
    )
    records = read("shopify", HttpFeedSource(url))
    assert [record.availability for record in records] == ["out of stock", "in stock", "", ""]
    assert records[3].categories == ["savon", "lait d'ânesse"]
    assert (records[3].price, records[3].image_url) == ("", "")


def test_a_static_export_that_ignores_the_page_parameter_is_read_once(server):
    url = server.route("/products.json", page(product(1), product(2)))
    records = read("shopify", HttpFeedSource(url))
    assert [record.external_id for record in records] == ["1", "2"]
    assert len(server.requests_to("/products.json")) == 2


def test_a_full_page_served_again_and_again_fails_instead_of_looping(server):
    url = server.route("/products.json", page(*(product(n) for n in range(250))))
    records, error = read_until_failure("shopify", HttpFeedSource(url))
    assert len(records) == 250
    assert isinstance(error, FeedUnavailable) and error.retryable is False
    assert "ignore la pagination" in str(error)


@pytest.mark.parametrize(
    ("second_page", "retryable", "message"),
    [
        (Answer(b"Internal Server Error", status=500, content_type="text/plain"), True, "500"),
        (Answer(b"", status=401), False, "401"),
        (Answer(b"<html>Boutique en maintenance</html>", content_type="text/html"), True, "JSON"),
        (Answer(b'{"products": [{"id": 3', cut_at=10), True, "interrompu"),
        (Answer(b'{"products": []}', delay=1.0), True, "timeout"),
        (Answer(b'{"errors": "Not Found"}'), False, "Not Found"),
    ],
    ids=["server-error", "unauthorised", "html", "truncated", "timeout", "unexpected-json"],
)
def test_a_fault_on_page_two_fails_the_run_after_page_one(server, second_page, retryable, message):
    url = server.route("/products.json", page(product(1)), second_page)
    source = HttpFeedSource(url, timeout=(1, 0.3))
    records, error = read_until_failure("shopify", source, pagination="since_id")
    assert [record.external_id for record in records] == ["1"]
    assert isinstance(error, FeedUnavailable)
    assert error.retryable is retryable and message in str(error)
