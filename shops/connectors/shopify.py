"""Shopify-style `/products.json`, as marketplaces built on Shopify publish it.

The `vendor` is the shop (its id is the slug of the vendor's name) unless the option
`default_shop_id` says the whole store is one shop, whose vendors are then brands. Shop
details come from the companion shop list (`shops_url` / `shops_file`). Product pages are
`{store_url}/products/{handle}` (option `store_url`, else the feed's scheme and host).
Pages are numbered (`?limit=250&page=N`), or walked by `since_id` with the option
`pagination: "since_id"`; a `Link: rel="next"` header is always followed. A saved page
(the `{"products": […]}` envelope or its bare list) or a folder of them reads as a file.
Prices are in the store's currency, read from its `meta.json` (or the Admin API's
`shop.json`), else the option `currency` (EUR when absent).
"""

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit, urlunsplit

from .base import Connector, FeedRecord, FeedUnavailable, ProductRecord, RejectedRecord
from .companion import companion_shops
from .paginated import pages
from .platform_currency import platform_currency
from .text import json_excerpt, plain_text, slugify

PAGE_SIZE = 250


def as_decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def cheapest_variant(variants: list[dict]) -> dict | None:
    priced = [(as_decimal(v.get("price")), n, v) for n, v in enumerate(variants)]
    priced = [entry for entry in priced if entry[0] is not None and entry[0].is_finite()]
    return min(priced)[2] if priced else None


def availability(variants: list[dict]) -> str:
    """From `available` (storefront JSON) or, in the Admin API, stock and its policy."""
    if any("available" in variant for variant in variants):
        return (
            "in stock" if any(variant.get("available") for variant in variants) else "out of stock"
        )
    tracked = [v for v in variants if v.get("inventory_management") and "inventory_quantity" in v]
    if not tracked or len(tracked) < len(variants):
        return ""  # an untracked variant can always be sold, but we cannot be sure it is
    sellable = any(
        (as_decimal(v.get("inventory_quantity")) or 0) > 0
        or v.get("inventory_policy") == "continue"
        for v in tracked
    )
    return "in stock" if sellable else "out of stock"


def tag_list(tags) -> list[str]:
    # The storefront JSON gives a list, the Admin API a comma-separated string.
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, list):
        return []
    return [plain_text(tag) for tag in tags if isinstance(tag, str) and tag.strip()]


def dicts(value) -> list[dict]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


class ShopifyConnector(Connector):
    format = "shopify"
    label = "Shopify (products.json)"

    def store_url(self) -> str:
        if self.options.get("store_url"):
            return str(self.options["store_url"]).rstrip("/")
        parts = urlsplit(getattr(self.source, "url", ""))
        return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""

    def currency(self) -> str:
        url = getattr(self.source, "url", "")
        parts = urlsplit(url)
        if not parts.netloc:
            return self.default_currency()
        if "/admin/" in parts.path:
            folder = parts.path.rsplit("/", 1)[0]
            shop_url = urlunsplit(parts._replace(path=f"{folder}/shop.json", query=""))
            return platform_currency(self, shop_url, lambda data: data["shop"]["currency"])
        meta_url = f"{parts.scheme}://{parts.netloc}/meta.json"
        return platform_currency(self, meta_url, lambda data: data["currency"])

    def next_params(self, page: int, previous: list) -> dict:
        mode = self.options.get("pagination") or "page"
        if mode == "page":
            return {"limit": PAGE_SIZE, "page": page}
        if mode == "since_id":
            ids = [item.get("id") for item in previous if isinstance(item, dict)]
            numeric = [int(i) for i in ids if str(i).isdigit()]
            return {"limit": PAGE_SIZE, "since_id": max(numeric, default=0)}
        raise FeedUnavailable(f"option pagination inconnue : {mode!r}", retryable=False)

    def records(self) -> Iterator[FeedRecord]:
        yield from companion_shops(self)
        store = self.store_url()
        default_shop_id = str(self.options.get("default_shop_id") or "")
        currency = self.currency()
        for products in pages(self.source, self.next_params, ("products",), page_size=PAGE_SIZE):
            for item in products:
                yield self.product(item, store, default_shop_id, currency)

    def product(
        self, item, store: str, default_shop_id: str, currency: str
    ) -> ProductRecord | RejectedRecord:
        if not isinstance(item, dict) or item.get("id") in (None, ""):
            return RejectedRecord("produit Shopify sans identifiant", raw=json_excerpt(item))
        variants = dicts(item.get("variants"))
        images = dicts(item.get("images")) or dicts([item.get("image")])
        cheapest = cheapest_variant(variants)
        vendor = plain_text(item.get("vendor"))
        handle = str(item.get("handle") or "")
        product_type = plain_text(item.get("product_type"))
        return ProductRecord(
            external_id=str(item["id"]),
            shop_external_id=default_shop_id or slugify(vendor),
            title=plain_text(item.get("title")),
            description=str(item.get("body_html") or ""),
            price=str(cheapest.get("price")) if cheapest else "",
            currency=currency,
            availability=availability(variants),
            image_url=str(images[0].get("src") or "") if images else "",
            url=f"{store}/products/{handle}" if store and handle else "",
            categories=[c for c in [product_type, *tag_list(item.get("tags"))] if c],
            # On a marketplace the vendor is the shop, not a brand.
            brand=vendor if default_shop_id else "",
            gtin=str(cheapest.get("barcode") or "") if cheapest else "",
        )
