"""WooCommerce REST API v3 with Dokan stores, read page by page from a real local server."""

import json

from shops.connectors.base import FeedUnavailable
from shops.connectors.sources import HttpFeedSource

from .conftest import SAMPLES, by_id, products, read, read_until_failure, rejected, shops
from .feed_server import Answer

PATH = "/wp-json/wc/v3/products"


def sample_page(number: int, **headers) -> Answer:
    body = (SAMPLES / f"woocommerce_products_page{number}.json").read_bytes()
    return Answer(body, headers=headers)


def serve_samples(server) -> str:
    url = server.url(PATH)
    server.route(
        PATH,
        sample_page(
            1,
            Link=f'<{url}?per_page=100&page=2&status=publish>; rel="next"',
            **{"X-WP-Total": "6", "X-WP-TotalPages": "2"},
        ),
        sample_page(2, Link=f'<{url}?per_page=100&page=1&status=publish>; rel="prev"'),
    )
    return url


def test_pages_follow_the_link_header_and_ask_for_published_products(server):
    url = serve_samples(server)
    records = read("woocommerce", HttpFeedSource(url, auth=("ck_abc", "cs_def")))
    queries = [request.query for request in server.requests_to(PATH)]
    assert queries == [
        {"per_page": "100", "page": "1", "status": "publish"},
        {"per_page": "100", "page": "2", "status": "publish"},
    ]
    assert len(products(records)) == 5 and len(rejected(records)) == 1


def test_each_store_is_a_shop_yielded_once_before_its_first_product(server):
    records = read("woocommerce", HttpFeedSource(serve_samples(server)), default_shop_id="marche")
    kinds = "".join(type(record).__name__[0] for record in records)
    assert kinds == "SPPSPPPR"
    fleurs, cave = shops(records)
    assert (fleurs.external_id, fleurs.name, fleurs.address, fleurs.postal_code, fleurs.town) == (
        "7",
        "Fleurs de Loire",  # the shop's name, not its owner's
        "8 rue Moyenne",
        "18000",
        "Bourges",
    )
    assert fleurs.url == "https://www.coeur-de-bourges.example/store/7/"
    assert fleurs.phone == "02 48 70 00 00"
    assert (cave.name, cave.address, cave.town) == (
        "La Cave & l’Épicerie du Berry",
        "22 avenue Jean Jaurès, Bâtiment B",
        "Vierzon",
    )


def test_products_read_with_unescaped_names_prices_and_stock(server):
    found = by_id(products(read("woocommerce", HttpFeedSource(serve_samples(server)))))
    bouquet = found["501"]
    assert (bouquet.title, bouquet.price, bouquet.availability, bouquet.shop_external_id) == (
        "Bouquet de saison « Printemps berrichon »",
        "35.00",
        "in stock",
        "7",
    )
    assert bouquet.categories == ["Fleurs & Plantes"]
    assert bouquet.url == "https://www.coeur-de-bourges.example/produit/produit-1/"
    assert bouquet.image_url.endswith("/uploads/1.jpg")
    couronne = found["502"]
    assert (couronne.title, couronne.price, couronne.availability) == (
        "Couronne de l’Avent en sapin",
        "28.00",
        "preorder",
    )
    sancerre = found["503"]
    assert (sancerre.gtin, sancerre.categories) == ("3760001230018", ["Vins & Spiritueux"])
    forestines = found["504"]
    assert (forestines.gtin, forestines.brand, forestines.availability) == (
        "3760001230025",
        "Maison Forestine",
        "out of stock",
    )


def test_a_product_without_a_store_belongs_to_the_default_shop(server):
    records = read("woocommerce", HttpFeedSource(serve_samples(server)), default_shop_id="marche")
    assert by_id(products(records))["505"].shop_external_id == "marche"
    (without_id,) = rejected(records)
    assert without_id.reason == "produit WooCommerce sans identifiant"


def test_total_pages_end_the_walk_without_a_link_header(server):
    first = json.dumps([{"id": 1, "name": "Miel de Sologne", "price": "9.80"}]).encode()
    second = json.dumps([{"id": 2, "name": "Pain d'épices", "price": "6.20"}]).encode()
    url = server.route(
        PATH,
        Answer(first, headers={"X-WP-TotalPages": "2"}),
        Answer(second, headers={"X-WP-TotalPages": "2"}),
        Answer(b"[]"),
    )
    records = read("woocommerce", HttpFeedSource(url), default_shop_id="marche")
    assert [record.external_id for record in records] == ["1", "2"]
    assert len(server.requests_to(PATH)) == 2  # page 3 is not asked for


def test_an_error_object_instead_of_a_list_fails_for_good(server):
    error_body = json.dumps(
        {"code": "woocommerce_rest_cannot_view", "message": "Désolé, vous ne pouvez pas lister."}
    ).encode()
    url = server.route(PATH, Answer(error_body))
    records, error = read_until_failure("woocommerce", HttpFeedSource(url))
    assert records == [] and isinstance(error, FeedUnavailable) and error.retryable is False
    assert "vous ne pouvez pas lister" in str(error)


def test_a_server_error_on_the_last_page_keeps_what_was_read(server):
    url = serve_samples(server)
    server.routes[PATH][1] = Answer(b"Bad Gateway", status=502, content_type="text/plain")
    records, error = read_until_failure("woocommerce", HttpFeedSource(url))
    assert len(products(records)) == 3
    assert isinstance(error, FeedUnavailable) and error.retryable is True
