"""WooCommerce REST API v3 product pages of a Dokan-style multi-vendor store.

Each product carries its `store`, so the shops need no companion list.
"""

from .base import FeedWriter
from .pages import JsonPages

PAGE_SIZE = 100
PAGE_NAME = "page-{}.json"
PRODUCT_ID_OFFSET = 10_000
STOCK_STATUS = {"in stock": "instock", "out of stock": "outofstock", "preorder": "onbackorder"}


def as_html(text: str) -> str:
    return text if text.startswith("<") else f"<p>{text}</p>"


class WooCommerceWriter(FeedWriter):
    feed_format = "woocommerce"
    feed_name = PAGE_NAME.format(1)
    options = {}

    def __init__(self, out_dir, marketplace_name, website, feed_name=""):
        super().__init__(out_dir, marketplace_name, website, feed_name)
        self.options = {}
        self.pages = JsonPages(self.out_dir, PAGE_NAME, PAGE_SIZE)

    def add(self, shop, products):
        store = {
            "id": shop.number,
            "shop_name": shop.name,
            "url": shop.url,
            "address": {
                "street_1": shop.address,
                "street_2": "",
                "city": shop.town["name"],
                "zip": shop.postal_code,
                "country": "FR",
            },
            "phone": shop.phone,
        }
        for product in products:
            price = f"{product.price:.2f}"
            # One product in ten is on sale: the regular price is then a little higher.
            on_sale = product.number % 10 == 0
            regular = f"{product.price * 5 / 4:.2f}" if on_sale else price
            root, _, subcategory = product.category.partition(" > ")
            self.pages.add(
                {
                    "id": PRODUCT_ID_OFFSET + product.number,
                    "name": product.title,
                    "permalink": product.url,
                    "description": as_html(product.description),
                    "short_description": "",
                    "price": price,
                    "regular_price": regular,
                    "sale_price": price if on_sale else "",
                    "stock_status": STOCK_STATUS[product.availability],
                    "images": [{"src": product.image_url}],
                    "categories": [{"name": root}, {"name": subcategory}],
                    "sku": product.sku,
                    "store": store,
                }
            )
            self.products_written += 1

    def close(self):
        self.pages.close()
