"""Google Merchant Center XML feeds: the odd but valid, the rejected, the broken, the huge."""

import tracemalloc
from datetime import UTC, datetime

import pytest

from shops.connectors.base import FeedUnavailable
from shops.connectors.google_merchant import product_from_attributes
from shops.connectors.sources import BytesFeedSource, FileFeedSource, HttpFeedSource

from .conftest import SAMPLES, by_id, products, read, read_until_failure, rejected, shops
from .feed_server import Answer

RSS_START = '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>'
RSS_END = "</channel></rss>"


def item(external_id: str, title: str = "Sablés de Nançay", **attributes) -> str:
    xml = f"<item><g:id>{external_id}</g:id><g:title>{title}</g:title>"
    xml += "".join(f"<g:{name}>{value}</g:{name}>" for name, value in attributes.items())
    return xml + "</item>"


def feed(*items: str) -> bytes:
    return (RSS_START + "".join(items) + RSS_END).encode("utf-8")


def sample_records(**options):
    source = FileFeedSource(SAMPLES / "google_merchant.xml")
    return read("google_merchant", source, shops_file="google_merchant_shops.csv", **options)


def test_the_companion_shops_come_first_then_every_readable_item():
    records = sample_records()
    kinds = [type(record).__name__ for record in records]
    assert kinds == ["ShopRecord"] * 2 + ["ProductRecord"] * 2 + ["RejectedRecord", "ProductRecord"]
    macarons, atelier = shops(records)
    assert (macarons.external_id, macarons.town, macarons.insee_code) == (
        "maison-du-macaron",
        "Tours",
        "37261",
    )
    assert macarons.sectors == ["Épicerie fine", "Pâtisserie"]
    assert (macarons.click_and_collect, macarons.delivery) == (True, False)
    assert (atelier.address, atelier.click_and_collect, atelier.delivery) == (
        "3 place Plumereau, Vieux Tours",
        True,
        None,
    )


def test_cdata_entities_and_the_bom_read_as_the_partner_meant():
    coffret = by_id(products(sample_records()))["MAC-12"]
    assert coffret.title == "Coffret de macarons de Montmorillon « Tradition »"
    assert coffret.description.startswith("<p>Douze macarons moelleux aux amandes, <strong>")
    assert coffret.url.endswith("/produits/mac-12?utm_source=gmc&utm_medium=flux")
    assert (coffret.price, coffret.currency, coffret.availability) == (
        "16.90 EUR",
        "EUR",
        "in_stock",
    )
    assert coffret.categories == [
        "Épicerie fine > Biscuits",
        "Idées cadeaux",
        "Alimentation, boissons et tabac > Aliments > Pâtisseries",
    ]
    assert (coffret.brand, coffret.gtin, coffret.image_url) == (
        "Biscuiterie de la Gartempe",
        "3760123450012",
        "https://img.tours-shopping.example/mac-12.jpg",
    )
    assert coffret.shop_external_id == "maison-du-macaron"


def test_html_entities_bare_ampersands_and_control_characters_are_mended():
    jeu = by_id(products(sample_records()))["JEU-7"]
    assert jeu.title == "Jeu en bois Le Petit Tourangeau"  # a plain RSS <title>
    assert jeu.description == (
        "Jeu d’adresse en hêtre massif, fabriqué à Amboise. Sel & poivre,  couleurs & formes."
    )
    assert (jeu.price, jeu.availability, jeu.image_url, jeu.categories) == (
        "34,00 EUR",
        "out of stock",
        "",
        [],
    )


def test_g_title_wins_double_escaped_entities_are_unescaped_and_an_old_sale_is_ignored():
    rillettes = by_id(products(sample_records()))["RIL-3"]
    assert rillettes.title == "Rillettes de Tours élégantes, bocal 180 g"
    assert rillettes.price == "7.80 EUR"  # the 2019 sale is over
    assert rillettes.shop_external_id == ""  # no seller, no default: the sync quarantines it


def test_an_item_without_id_is_rejected_with_its_excerpt_and_the_rest_reads():
    (without_id,) = rejected(sample_records())
    assert without_id.reason == "article sans identifiant (g:id)"
    assert without_id.raw.startswith("<item")
    assert "<g:title>Vouvray demi-sec 2022" in without_id.raw


def test_default_shop_id_serves_items_without_a_seller():
    records = sample_records(default_shop_id="tours-shopping")
    assert by_id(products(records))["RIL-3"].shop_external_id == "tours-shopping"
    assert by_id(products(records))["MAC-12"].shop_external_id == "maison-du-macaron"


def test_an_atom_feed_reads_like_rss():
    (vinaigre,) = read("google_merchant", FileFeedSource(SAMPLES / "google_merchant_atom.xml"))
    assert vinaigre.external_id == "VIN-41"  # g:id, not the Atom entry's <id>
    assert vinaigre.title == "Vinaigre d'Orléans à l'échalote, 50 cl"
    assert vinaigre.url == "https://www.orleans-boutiques.example/p/vin-41?ref=gmc&lang=fr"
    assert vinaigre.description == "Vieilli en fûts de chêne selon la méthode orléanaise."


def test_html_written_as_elements_in_a_description_is_kept_as_markup():
    body = feed(item("H-1", description="<p>Cuir <strong>tanné</strong> à Châteauroux</p>"))
    (product,) = read("google_merchant", BytesFeedSource(body))
    assert product.description == "<p>Cuir <strong>tanné</strong> à Châteauroux</p>"


def test_a_windows_1252_xml_feed_is_decoded_by_its_declaration():
    body = '<?xml version="1.0" encoding="windows-1252"?>' + RSS_START
    body += item("W-1", title="Pâté berrichon – 200 g", price="5,50 €") + RSS_END
    (product,) = read("google_merchant", BytesFeedSource(body.encode("cp1252")))
    assert (product.title, product.price, product.currency) == (
        "Pâté berrichon – 200 g",
        "5,50 €",
        "EUR",
    )


@pytest.mark.parametrize(
    ("dates", "price"),
    [
        ("2020-01-01T00:00+01:00/2099-12-31T23:59+01:00", "9.00 EUR"),
        ("2099-01-01T00:00+01:00/2099-12-31T23:59+01:00", "12.00 EUR"),
        ("2020-01-01/2020-01-31", "12.00 EUR"),
        ("bientôt", "9.00 EUR"),
        ("", "9.00 EUR"),
    ],
)
def test_the_sale_price_is_used_within_its_dates(dates, price):
    values = {
        "id": "P1",
        "title": "Nougat de Tours",
        "price": "12.00 EUR",
        "sale_price": "9.00 EUR",
        "sale_price_effective_date": dates,
    }
    record = product_from_attributes(values, [], "", now=datetime(2026, 11, 25, tzinfo=UTC))
    assert record.price == price


def test_a_price_in_another_currency_says_so():
    (product,) = read("google_merchant", BytesFeedSource(feed(item("CH-1", price="15.00 CHF"))))
    assert product.currency == "CHF"  # the sync refuses it with its own reason


def test_a_truncated_feed_fails_retryably_after_the_items_it_could_read():
    body = feed(item("A-1"), item("A-2"), item("A-3"))
    records, error = read_until_failure(
        "google_merchant", BytesFeedSource(body[: body.index(b"<g:id>A-3") + 12])
    )
    assert [record.external_id for record in records] == ["A-1", "A-2"]
    assert isinstance(error, FeedUnavailable) and error.retryable is True
    assert "tronqué" in str(error)


def test_a_feed_broken_mid_stream_fails_for_good_after_the_items_before():
    body = feed(item("A-1"), "<item><g:id>A-2</g:title></item>", item("A-3"))
    records, error = read_until_failure("google_merchant", BytesFeedSource(body))
    assert [record.external_id for record in records] == ["A-1"]
    assert isinstance(error, FeedUnavailable) and error.retryable is False
    assert "mal formé" in str(error) and "ligne 1" in str(error)


def test_a_feed_cut_by_the_network_fails_retryably(server):
    body = feed(*(item(f"N-{n}") for n in range(50)))
    url = server.route("/flux.xml", Answer(body, content_type="application/xml", cut_at=900))
    records, error = read_until_failure("google_merchant", HttpFeedSource(url))
    assert records == [] and isinstance(error, FeedUnavailable) and error.retryable is True


@pytest.mark.parametrize(
    ("body", "retryable"),
    [
        (b"<!DOCTYPE html><html><body><p>Maintenance</p></body></html>", True),
        (b"Service Unavailable", True),
        (b"", True),
        (b'<?xml version="1.0"?><error><code>403</code></error>', False),
    ],
    ids=["html-page", "plain-text", "empty", "other-xml"],
)
def test_a_document_that_is_not_a_feed_is_not_read_as_an_empty_feed(body, retryable):
    records, error = read_until_failure("google_merchant", BytesFeedSource(body))
    assert records == [] and isinstance(error, FeedUnavailable)
    assert error.retryable is retryable


def test_entity_expansion_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        + RSS_START
        + item("&lol2;")
        + RSS_END
    )
    records, error = read_until_failure("google_merchant", BytesFeedSource(bomb.encode()))
    assert isinstance(error, FeedUnavailable) and error.retryable is False
    assert "entités" in str(error)


def test_memory_stays_flat_on_a_large_feed(tmp_path):
    """200,000 items (about 45 MB): the peak traced memory is that of a few items."""
    path = tmp_path / "big.xml"
    template = (
        "<item><g:id>{n}</g:id><g:title>Bougie parfumée n° {n}</g:title>"
        "<g:description><![CDATA[<p>Cire de soja, lavande de Sologne.</p>]]></g:description>"
        "<g:price>12.50 EUR</g:price><g:external_seller_id>s{shop}</g:external_seller_id>"
        "</item>\n"
    )
    with path.open("w", encoding="utf-8") as out:
        out.write(RSS_START + "\n")
        for n in range(200_000):
            out.write(template.format(n=n, shop=n % 300))
        out.write(RSS_END)
    tracemalloc.start()
    try:
        count = 0
        for _record in read_lazily(FileFeedSource(path)):
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 200_000
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def read_lazily(source):
    from shops.connectors import get_connector

    return get_connector("google_merchant")(source, {}).records()
