"""Google Merchant Center feeds: XML (CDATA, entities, BOM) and TSV, with a companion shop list."""

import tracemalloc

from shops.connectors import get_connector
from shops.connectors.base import FeedUnavailable, ProductRecord, RejectedRecord, ShopRecord
from shops.connectors.sources import FileFeedSource

SHOPS_CSV = (
    "external_id,name,siret,address,postal_code,town,insee_code,sectors,description,"
    "opening_hours,click_and_collect,delivery,pickup_instructions,url,phone,email,website,"
    "latitude,longitude\n"
    "macarons-37,Les Macarons de Touraine,,3 place Plumereau,37000,Tours,,Épicerie fine|Pâtisserie,"
    "<p>Macarons</p>,Mar.–Sam. 9h30–19h,oui,non,,https://tours.example/macarons,,,,47.39,0.68\n"
)
XML = """\ufeff<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
<channel><title>Tours Shopping</title>
<item>
  <g:id>MAC-12</g:id>
  <g:title><![CDATA[Coffret de 12 macarons « Saveurs de Loire »]]></g:title>
  <g:description>Framboise &amp; rose, pistache, caramel beurre salé&#8230;</g:description>
  <g:link>https://tours.example/p/mac-12</g:link>
  <g:price>18.50 EUR</g:price>
  <g:sale_price>16.90 EUR</g:sale_price>
  <g:availability>in stock</g:availability>
  <g:product_type>Alimentation &gt; Épicerie fine</g:product_type>
  <g:external_seller_id>macarons-37</g:external_seller_id>
</item>
<item><g:title>Sans identifiant</g:title></item>
<item>
  <title>Boîte de nougatines</title>
  <g:id>NOU-1</g:id>
  <g:price>9.00 EUR</g:price>
  <g:external_seller_id>macarons-37</g:external_seller_id>
</item>
</channel></rss>
"""


def read(tmp_path, feed_format, body: bytes, name="feed.xml", **options):
    (tmp_path / "shops.csv").write_text(SHOPS_CSV, encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(body)
    connector = get_connector(feed_format)(
        FileFeedSource(path), {"shops_file": "shops.csv", **options}
    )
    return list(connector.records())


def test_xml_feed_with_cdata_entities_and_bom(tmp_path):
    records = read(tmp_path, "google_merchant", XML.encode("utf-8"))
    shop, first, rejected, second = records
    assert isinstance(shop, ShopRecord) and shop.sectors == ["Épicerie fine", "Pâtisserie"]
    assert isinstance(first, ProductRecord)
    assert first.title == "Coffret de 12 macarons « Saveurs de Loire »"
    assert first.description == "Framboise & rose, pistache, caramel beurre salé…"
    assert (first.price, first.shop_external_id) == ("16.90 EUR", "macarons-37")
    assert first.categories == ["Alimentation > Épicerie fine"]
    assert isinstance(rejected, RejectedRecord) and "g:id" in rejected.reason
    assert (second.title, second.description, second.image_url) == ("Boîte de nougatines", "", "")


def test_a_truncated_xml_feed_fails_after_the_items_it_could_read(tmp_path):
    records = []
    try:
        for record in get_connector("google_merchant")(
            FileFeedSource(write(tmp_path, XML.encode()[:-200])), {}
        ).records():
            records.append(record)
    except FeedUnavailable as error:
        assert "tronqué" in str(error)
    else:
        raise AssertionError("a truncated feed must fail the run")
    assert [r.external_id for r in records if isinstance(r, ProductRecord)] == ["MAC-12"]


def write(tmp_path, body: bytes):
    path = tmp_path / "cut.xml"
    path.write_bytes(body)
    return path


def test_xml_entity_expansion_is_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        '<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>&lol2;</g:id>'
        "</item></channel></rss>"
    )
    try:
        list(
            get_connector("google_merchant")(
                FileFeedSource(write(tmp_path, bomb.encode())), {}
            ).records()
        )
    except Exception as error:  # defusedxml's EntitiesForbidden
        assert "Entit" in type(error).__name__ or "entit" in str(error)
    else:
        raise AssertionError("entities must be refused")


def test_tsv_variant(tmp_path):
    tsv = (
        "id\ttitle\tdescription\tlink\tprice\tavailability\texternal_seller_id\n"
        "B-7\tBague argent et pierre de lune\tFaite main à Loches\thttps://t.example/b7\t"
        "89.00 EUR\tout of stock\tmacarons-37\n"
    )
    records = read(tmp_path, "google_merchant_tsv", tsv.encode("utf-8-sig"), name="feed.tsv")
    product = records[1]
    assert (product.external_id, product.title, product.availability) == (
        "B-7",
        "Bague argent et pierre de lune",
        "out of stock",
    )


def test_memory_stays_flat_on_a_large_feed(tmp_path):
    path = tmp_path / "big.xml"
    item = (
        "<item><g:id>{n}</g:id><g:title>Bougie parfumée n° {n}</g:title>"
        "<g:description>Cire de soja, parfum lavande de Sologne.</g:description>"
        "<g:price>12.50 EUR</g:price><g:external_seller_id>s1</g:external_seller_id></item>\n"
    )
    with path.open("w", encoding="utf-8") as out:
        out.write('<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n')
        for n in range(200_000):
            out.write(item.format(n=n))
        out.write("</channel></rss>\n")
    tracemalloc.start()
    count = sum(1 for _ in get_connector("google_merchant")(FileFeedSource(path), {}).records())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 200_000
    assert peak < 20 * 1024 * 1024
