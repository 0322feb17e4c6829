"""WooCommerce REST API v3 products, including multi-vendor stores (Dokan, WCFM).

Multi-vendor plugins attach a `store` object to each product: it is the shop, yielded the
first time it is seen. Single-shop stores set the option `default_shop_id` and may describe
the shop in a companion shop list (`shops_url` / `shops_file`). Only published products
are asked for; WordPress HTML-escapes names ("Épicerie &amp; Vins"), which are unescaped.
Pages are lists, or `{"data": […]}` through WordPress.com/Jetpack's tunnel; a saved page
or a folder of them reads as a file. Prices are in the store's currency, read from
`/wp-json/wc/v3/settings/general` beside the products endpoint, else the option
`currency` (EUR when absent).
"""

from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from .base import Connector, FeedRecord, ProductRecord, RejectedRecord, ShopRecord
from .companion import companion_shops
from .paginated import pages
from .platform_currency import platform_currency
from .text import json_excerpt, plain_text

PAGE_SIZE = 100
AVAILABILITY = {"instock": "in stock", "outofstock": "out of stock", "onbackorder": "preorder"}
GTIN_LENGTHS = {8, 12, 13, 14}
ENVELOPES = ("data",)


def store_currency(data) -> str | None:
    """`woocommerce_currency` among the general settings (a list, maybe in {"data": …})."""
    settings = data.get("data") if isinstance(data, dict) else data
    for setting in settings:
        if isinstance(setting, dict) and setting.get("id") == "woocommerce_currency":
            return setting.get("value")
    return None


def text(value) -> str:
    return "" if value is None or isinstance(value, dict | list) else str(value).strip()


def store_id(store: dict | None) -> str:
    if not store:
        return ""
    return text(store.get("id") or store.get("vendor_id"))


def shop_from_store(shop_id: str, store: dict) -> ShopRecord:
    address = store.get("address") if isinstance(store.get("address"), dict) else {}
    street = ", ".join(filter(None, [text(address.get("street_1")), text(address.get("street_2"))]))
    # Dokan's `name` is the vendor's own name; the shop's is `shop_name`.
    name = store.get("shop_name") or store.get("store_name") or store.get("name")
    return ShopRecord(
        external_id=shop_id,
        name=plain_text(text(name)),
        address=street,
        postal_code=text(address.get("zip")),
        town=plain_text(text(address.get("city"))),
        url=text(store.get("url") or store.get("shop_url")),
        phone=text(store.get("phone")),
        email=text(store.get("email")) if "@" in text(store.get("email")) else "",
    )


def gtin(item: dict) -> str:
    """WooCommerce 9.2+ has a GTIN field; before that, a SKU made of a GTIN's digits."""
    for value in (item.get("global_unique_id"), item.get("sku")):
        value = text(value).replace(" ", "")
        if value.isdigit() and len(value) in GTIN_LENGTHS:
            return value
    return ""


def names(entries) -> list[str]:
    if not isinstance(entries, list):
        return []
    found = (plain_text(text(e.get("name"))) for e in entries if isinstance(e, dict))
    return [name for name in found if name]


class WooCommerceConnector(Connector):
    format = "woocommerce"
    label = "WooCommerce (API REST)"

    @staticmethod
    def next_params(page: int, previous: list) -> dict:
        return {"per_page": PAGE_SIZE, "page": page, "status": "publish"}

    def currency(self) -> str:
        parts = urlsplit(getattr(self.source, "url", ""))
        if not parts.path.rstrip("/").endswith("/products"):
            return self.default_currency()  # not the REST endpoint: no settings beside it
        folder = parts.path.rstrip("/").removesuffix("/products")
        # The query string keeps the partner's keys, when they are given in it.
        url = urlunsplit(parts._replace(path=f"{folder}/settings/general"))
        return platform_currency(self, url, store_currency)

    def records(self) -> Iterator[FeedRecord]:
        yield from companion_shops(self)
        default_shop_id = str(self.options.get("default_shop_id") or "")
        seen_stores: set[str] = set()
        currency = self.currency()
        for products in pages(self.source, self.next_params, ENVELOPES, page_size=PAGE_SIZE):
            for item in products:
                if not isinstance(item, dict) or item.get("id") in (None, ""):
                    yield RejectedRecord(
                        "produit WooCommerce sans identifiant", raw=json_excerpt(item)
                    )
                    continue
                # Dokan sends `"store": []` for a product with no vendor.
                store = item.get("store") if isinstance(item.get("store"), dict) else None
                shop_id = store_id(store) or default_shop_id
                if store_id(store) and shop_id not in seen_stores:
                    seen_stores.add(shop_id)
                    yield shop_from_store(shop_id, store)
                yield self.product(item, shop_id, currency)

    def product(self, item: dict, shop_id: str, currency: str) -> ProductRecord:
        images = [i for i in item.get("images") or [] if isinstance(i, dict)]
        brands = names(item.get("brands"))
        return ProductRecord(
            external_id=text(item["id"]),
            shop_external_id=shop_id,
            title=plain_text(text(item.get("name"))),
            description=text(item.get("description")) or text(item.get("short_description")),
            # `price` is what the shopper pays now: the sale price during a sale.
            price=text(item.get("price")) or text(item.get("regular_price")),
            currency=currency,
            availability=AVAILABILITY.get(text(item.get("stock_status")), ""),
            image_url=text(images[0].get("src")) if images else "",
            url=text(item.get("permalink")),
            categories=names(item.get("categories")),
            brand=brands[0] if brands else "",
            gtin=gtin(item),
        )
