"""WooCommerce REST API v3 products, including multi-vendor stores (Dokan, WCFM).

Multi-vendor plugins attach a `store` object to each product: it is the shop, yielded the
first time it is seen. Single-shop stores set the option `default_shop_id` and describe
the shop in the companion shop list.
"""

from collections.abc import Iterator

from .base import Connector, ProductRecord, RejectedRecord, ShopRecord
from .companion import companion_shops
from .paginated import pages

PAGE_SIZE = 100
AVAILABILITY = {"instock": "in stock", "outofstock": "out of stock", "onbackorder": "preorder"}


def shop_from_store(store: dict) -> ShopRecord:
    address = store.get("address") if isinstance(store.get("address"), dict) else {}
    street = " ".join(filter(None, [address.get("street_1"), address.get("street_2")]))
    return ShopRecord(
        external_id=str(store["id"]),
        name=store.get("shop_name") or store.get("name") or store.get("store_name") or "",
        address=street,
        postal_code=str(address.get("zip") or ""),
        town=address.get("city") or "",
        url=store.get("url") or store.get("shop_url") or "",
        phone=str(store.get("phone") or ""),
    )


class WooCommerceConnector(Connector):
    format = "woocommerce"
    label = "WooCommerce (API REST)"

    def records(self) -> Iterator:
        yield from companion_shops(self)
        default_shop_id = self.options.get("default_shop_id", "")
        seen_stores: set[str] = set()
        for products in pages(self.source, {"per_page": PAGE_SIZE}, None):
            for item in products:
                if not isinstance(item, dict) or not item.get("id"):
                    yield RejectedRecord(
                        "produit WooCommerce sans identifiant", raw=repr(item)[:2000]
                    )
                    continue
                store = item.get("store") if isinstance(item.get("store"), dict) else None
                shop_id = str(store["id"]) if store and store.get("id") else default_shop_id
                if store and shop_id not in seen_stores:
                    seen_stores.add(shop_id)
                    yield shop_from_store(store)
                yield self.product(item, shop_id)

    def product(self, item: dict, shop_id: str) -> ProductRecord:
        images = [i for i in item.get("images") or [] if isinstance(i, dict)]
        categories = [
            c.get("name", "") for c in item.get("categories") or [] if isinstance(c, dict)
        ]
        return ProductRecord(
            external_id=str(item["id"]),
            shop_external_id=shop_id,
            title=item.get("name") or "",
            description=item.get("description") or item.get("short_description") or "",
            price=str(item.get("price") or item.get("regular_price") or ""),
            availability=AVAILABILITY.get(item.get("stock_status") or "", ""),
            image_url=images[0].get("src", "") if images else "",
            url=item.get("permalink") or "",
            categories=[c for c in categories if c],
            gtin=str(item.get("sku") or "") if str(item.get("sku") or "").isdigit() else "",
        )
