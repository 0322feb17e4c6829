"""Shopify and WooCommerce APIs read page by page over real HTTP, and their faults."""

import json

import pytest

from shops.connectors import get_connector
from shops.connectors.base import FeedUnavailable, ProductRecord, ShopRecord
from shops.connectors.sources import HttpFeedSource
from tests.httpserver import Reply, serve


def shopify_product(n, vendor="Librairie Le Chat qui Lit"):
    return {
        "id": n,
        "title": f"Roman n° {n}",
        "body_html": "<p>Un roman</p>",
        "vendor": vendor,
        "product_type": "Livres",
        "handle": f"roman-{n}",
        "tags": "roman, terroir",
        "variants": [
            {"id": 1, "price": "21.00", "available": False},
            {"id": 2, "price": "19.90", "available": True},
        ],
        "images": [{"src": f"https://img.example/{n}.jpg"}],
    }


def test_shopify_pages_until_an_empty_page(tmp_path):
    pages = [
        Reply(json.dumps({"products": [shopify_product(1), shopify_product(2)]}).encode()),
        Reply(json.dumps({"products": [shopify_product(3)]}).encode()),
        Reply(json.dumps({"products": []}).encode()),
    ]
    with serve({"/products.json": pages}) as server:
        source = HttpFeedSource(f"{server.base_url}/products.json")
        records = list(get_connector("shopify")(source, {}).records())
    assert [r.external_id for r in records] == ["1", "2", "3"]
    first = records[0]
    assert (first.price, first.availability, first.shop_external_id) == (
        "19.90",
        "in stock",
        "librairie-le-chat-qui-lit",
    )
    assert first.url == f"{server.base_url}/products/roman-1"


def woo_product(n, store_id=7):
    return {
        "id": n,
        "name": f"Bouquet de saison n° {n}",
        "permalink": f"https://bourges.example/p/{n}",
        "description": "<p>Fleurs de saison</p>",
        "price": "35.00",
        "stock_status": "instock",
        "images": [],
        "categories": [{"name": "Fleurs"}],
        "store": {
            "id": store_id,
            "shop_name": "Fleurs de Loire",
            "url": "https://bourges.example/s/7",
            "address": {"street_1": "8 rue Moyenne", "city": "Bourges", "zip": "18000"},
        },
    }


def test_woocommerce_follows_link_headers_and_yields_each_store_once():
    with serve({}) as server:
        base = f"{server.base_url}/wp-json/wc/v3/products"
        server.routes[base.removeprefix(server.base_url)] = [
            Reply(
                json.dumps([woo_product(1), woo_product(2)]).encode(),
                headers={"Link": f'<{base}?page=2>; rel="next"', "X-WP-TotalPages": "2"},
            ),
            Reply(json.dumps([woo_product(3)]).encode(), headers={"X-WP-TotalPages": "2"}),
        ]
        records = list(get_connector("woocommerce")(HttpFeedSource(base), {}).records())
    shops = [r for r in records if isinstance(r, ShopRecord)]
    products = [r for r in records if isinstance(r, ProductRecord)]
    assert [(s.external_id, s.town, s.postal_code) for s in shops] == [("7", "Bourges", "18000")]
    assert [p.external_id for p in products] == ["1", "2", "3"]
    assert products[0].availability == "in stock"


@pytest.mark.parametrize(
    ("reply", "retryable", "message"),
    [
        (Reply(b"oops", status=500), True, "500"),
        (Reply(b"no", status=401), False, "401"),
        (Reply(b"<html>maintenance</html>", content_type="text/html"), True, "not JSON"),
        (Reply(b'{"products": [', headers={}), True, "invalid JSON"),
        (Reply(b"{}", delay=2), True, "timeout"),
    ],
    ids=["server-error", "unauthorised", "wrong-content-type", "truncated", "timeout"],
)
def test_faults_fail_the_run_with_a_reason(reply, retryable, message):
    with serve({"/products.json": [reply]}) as server:
        source = HttpFeedSource(f"{server.base_url}/products.json", timeout=(1, 0.5))
        with pytest.raises(FeedUnavailable) as error:
            list(get_connector("shopify")(source, {}).records())
    assert error.value.retryable is retryable
    assert message in str(error.value)
