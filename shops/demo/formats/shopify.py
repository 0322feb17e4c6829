"""Shopify `/products.json` pages, as a marketplace built on Shopify serves them.

Each product's `vendor` is its shop: the companion shop list uses `vendor_slug(vendor)`
as the shop id, the rule the Shopify connector applies.
"""

from ..catalogue import vendor_slug
from .base import FeedWriter, ShopListCsv
from .pages import JsonPages

PAGE_SIZE = 250
PAGE_NAME = "products-page-{}.json"
# Shopify ids are large integers; an offset makes the demo ones look the part.
PRODUCT_ID_OFFSET = 7_400_000_000_000
VARIANT_ID_OFFSET = 42_100_000_000_000


class ShopifyWriter(FeedWriter):
    feed_format = "shopify"
    feed_name = PAGE_NAME.format(1)
    options = {"shops_file": "shops.csv"}

    def __init__(self, out_dir, marketplace_name, website, feed_name=""):
        super().__init__(out_dir, marketplace_name, website, feed_name)
        # Product pages link to the partner's store, not to wherever the pages are served.
        self.options = {"shops_file": "shops.csv", "store_url": website}
        self.shops = ShopListCsv(self.out_dir / "shops.csv")
        self.pages = JsonPages(self.out_dir, PAGE_NAME, PAGE_SIZE, items_key="products")

    def add(self, shop, products):
        self.shops.add(shop, vendor_slug(shop.name))
        for product in products:
            root, _, subcategory = product.category.partition(" > ")
            self.pages.add(
                {
                    "id": PRODUCT_ID_OFFSET + product.number,
                    "title": product.title,
                    "body_html": product.description,
                    "vendor": shop.name,
                    "product_type": root,
                    "handle": f"{vendor_slug(product.title)}-{product.number}",
                    "tags": ", ".join(dict.fromkeys([subcategory, *product.tags])),
                    "variants": [
                        {
                            "id": VARIANT_ID_OFFSET + product.number,
                            "price": f"{product.price:.2f}",
                            "available": product.availability == "in stock",
                            "sku": product.sku,
                        }
                    ],
                    "images": [{"src": product.image_url}],
                }
            )
            self.products_written += 1

    def close(self):
        self.shops.close()
        # Shopify says "no more products" with an empty page.
        self.pages.close(empty_last_page=True)
