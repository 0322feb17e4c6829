"""Shopify-style `/products.json`, as marketplaces built on Shopify publish it.

The `vendor` is the shop (its id is the slug of the vendor's name) unless the option
`default_shop_id` says the whole store is one shop; shop details come from the companion
shop list (`shops_url` / `shops_file`).
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

from django.utils.text import slugify

from .base import Connector, ProductRecord, RejectedRecord
from .companion import companion_shops
from .paginated import pages

PAGE_SIZE = 250


def lowest_price(variants: list[dict]) -> str:
    prices = []
    for variant in variants:
        try:
            prices.append((float(variant.get("price")), str(variant.get("price"))))
        except (TypeError, ValueError):
            continue
    return min(prices)[1] if prices else ""


class ShopifyConnector(Connector):
    format = "shopify"
    label = "Shopify (products.json)"

    def store_url(self) -> str:
        if self.options.get("store_url"):
            return self.options["store_url"].rstrip("/")
        parts = urlsplit(getattr(self.source, "url", ""))
        return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""

    def records(self) -> Iterator:
        yield from companion_shops(self)
        store = self.store_url()
        default_shop_id = self.options.get("default_shop_id", "")
        for products in pages(self.source, {"limit": PAGE_SIZE}, "products"):
            for item in products:
                yield self.product(item, store, default_shop_id)

    def product(self, item, store: str, default_shop_id: str) -> ProductRecord | RejectedRecord:
        if not isinstance(item, dict) or not item.get("id"):
            return RejectedRecord("produit Shopify sans identifiant", raw=repr(item)[:2000])
        variants = [v for v in item.get("variants") or [] if isinstance(v, dict)]
        images = [i for i in item.get("images") or [] if isinstance(i, dict)]
        available = any(v.get("available") for v in variants) if variants else None
        handle = item.get("handle") or ""
        tags = item.get("tags") or ""
        tag_list = tags if isinstance(tags, list) else [t.strip() for t in tags.split(",")]
        return ProductRecord(
            external_id=str(item["id"]),
            shop_external_id=default_shop_id or slugify(item.get("vendor") or ""),
            title=item.get("title") or "",
            description=item.get("body_html") or "",
            price=lowest_price(variants),
            availability={True: "in stock", False: "out of stock", None: ""}[available],
            image_url=images[0].get("src", "") if images else "",
            url=f"{store}/products/{handle}" if store and handle else "",
            categories=[c for c in [item.get("product_type") or "", *tag_list] if c],
            brand=item.get("vendor") or "",
        )
