"""The portal's own JSON feed (shops/connectors/native_feed.schema.json).

Shops come first in the document, yet each shop's products are invented with it: they are
spooled to a temporary file beside the feed and appended after the shops, so memory stays
flat whatever the size.
"""

import shutil

from .base import FeedWriter, shop_fields
from .pages import json_line

AVAILABILITY = {"in stock": "in_stock", "out of stock": "out_of_stock", "preorder": "preorder"}


class NativeJsonWriter(FeedWriter):
    feed_format = "native_json"
    feed_name = "feed.json"
    options = {}

    def __init__(self, out_dir, marketplace_name, website, feed_name=""):
        super().__init__(out_dir, marketplace_name, website, feed_name)
        self.options = {}
        self.path = self.out_dir / self.feed_name
        self.spool_path = self.path.with_name(f".{self.path.name}.products")
        self.file = self.path.open("w", encoding="utf-8")
        self.spool = self.spool_path.open("w+", encoding="utf-8")
        marketplace = json_line({"name": marketplace_name, "url": website})
        self.file.write(f'{{"version":"1.0",\n"marketplace":{marketplace},\n"shops":[\n')
        self.shops_written = 0

    def add(self, shop, products):
        separator = ",\n" if self.shops_written else ""
        fields = shop_fields(shop)
        # JSON says what it means: coordinates are numbers here, text in the CSV formats.
        fields["latitude"], fields["longitude"] = float(shop.latitude), float(shop.longitude)
        self.file.write(separator + json_line(fields))
        self.shops_written += 1
        for product in products:
            separator = ",\n" if self.products_written else ""
            item = {
                "external_id": product.external_id,
                "shop_external_id": shop.external_id,
                "title": product.title,
                "description": product.description,
                "price": f"{product.price:.2f}",
                "currency": "EUR",
                "availability": AVAILABILITY[product.availability],
                "image_url": product.image_url,
                "url": product.url,
                "categories": product.category.split(" > "),
                "brand": product.brand,
                "gtin": product.gtin,
            }
            self.spool.write(separator + json_line(item))
            self.products_written += 1

    def close(self):
        self.file.write('\n],\n"products":[\n')
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, self.file)
        self.file.write("\n]}\n")
        self.spool.close()
        self.spool_path.unlink()
        self.file.close()
