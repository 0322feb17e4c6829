"""Google Merchant Center product feeds: RSS 2.0 XML with the g: namespace, and the TSV variant.

Marketplaces use Google's `external_seller_id` to say which shop sells an item; the shops
themselves come from a companion shop list (`shops_file` / `shops_url`, native shop CSV).
"""

import csv
import io
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import iterparse

from .base import Connector, FeedUnavailable, ProductRecord, RejectedRecord
from .companion import companion_shops

G = "{http://base.google.com/ns/1.0}"
FIELDS = [
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "price",
    "sale_price",
    "availability",
    "brand",
    "gtin",
    "google_product_category",
    "product_type",
    "external_seller_id",
]


def product_from_attributes(
    values: dict[str, str], default_shop_id: str
) -> ProductRecord | RejectedRecord:
    external_id = values.get("id", "").strip()
    if not external_id:
        return RejectedRecord("article sans identifiant (g:id)", raw=repr(values)[:2000])
    categories = [
        values[name] for name in ("product_type", "google_product_category") if values.get(name)
    ]
    return ProductRecord(
        external_id=external_id,
        shop_external_id=values.get("external_seller_id", "").strip() or default_shop_id,
        title=values.get("title", ""),
        description=values.get("description", ""),
        # A current sale price is what the shopper pays.
        price=values.get("sale_price") or values.get("price", ""),
        availability=values.get("availability", ""),
        image_url=values.get("image_link", ""),
        url=values.get("link", ""),
        categories=categories,
        brand=values.get("brand", ""),
        gtin=values.get("gtin", ""),
    )


class GoogleMerchantXmlConnector(Connector):
    format = "google_merchant"
    label = "Google Merchant Center (XML RSS 2.0)"

    def records(self) -> Iterator:
        yield from companion_shops(self)
        default_shop_id = self.options.get("default_shop_id", "")
        with self.source.open() as stream:
            try:
                # defusedxml refuses entity-expansion bombs and external entities.
                for _event, element in iterparse(stream, events=("end",)):
                    if element.tag != "item":
                        continue
                    values = {}
                    for child in element:
                        name = child.tag.removeprefix(G)
                        if name in FIELDS and name not in values:
                            values[name] = (child.text or "").strip()
                    element.clear()  # keeps memory flat on a million items
                    yield product_from_attributes(values, default_shop_id)
            except ParseError as error:
                raise FeedUnavailable(f"flux XML illisible ou tronqué : {error}") from error


class GoogleMerchantTsvConnector(Connector):
    format = "google_merchant_tsv"
    label = "Google Merchant Center (texte tabulé)"

    def records(self) -> Iterator:
        yield from companion_shops(self)
        default_shop_id = self.options.get("default_shop_id", "")
        with self.source.open() as stream:
            text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
            reader = csv.DictReader(text, delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in reader:
                values = {
                    (key or "").strip().removeprefix("g:"): (value or "").strip()
                    for key, value in row.items()
                    if key is not None
                }
                yield product_from_attributes(values, default_shop_id)
