"""What every partner-format writer shares: streaming to files, and the companion shop list.

A writer gets `add(shop, products)` once per shop, products as an iterator it consumes at
once, then `close()`. It writes as it goes and keeps at most one page of items in memory.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from ..catalogue import DemoShop

# The native shop CSV read by shops/connectors/shops_csv.py (ShopsCsvConnector).
SHOP_COLUMNS = [
    "external_id",
    "name",
    "siret",
    "address",
    "postal_code",
    "town",
    "insee_code",
    "sectors",
    "description",
    "opening_hours",
    "click_and_collect",
    "delivery",
    "pickup_instructions",
    "url",
    "phone",
    "email",
    "website",
    "latitude",
    "longitude",
]
SHOPS_FILE = "shops.csv"


def yes_no(value: bool) -> str:
    return "oui" if value else "non"


def shop_fields(shop: DemoShop, external_id: str | None = None) -> dict:
    """The shop in our own field names, typed as the native JSON feed writes it."""
    return {
        "external_id": external_id or shop.external_id,
        "name": shop.name,
        "siret": shop.siret,
        "address": shop.address,
        "postal_code": shop.postal_code,
        "town": shop.town["name"],
        "insee_code": shop.town["insee_code"],
        "sectors": list(shop.sector_labels),
        "description": shop.description,
        "opening_hours": shop.opening_hours,
        "click_and_collect": shop.click_and_collect,
        "delivery": shop.delivery,
        "pickup_instructions": shop.pickup_instructions,
        "url": shop.url,
        "phone": shop.phone,
        "email": shop.email,
        "website": shop.website,
        "latitude": shop.latitude,
        "longitude": shop.longitude,
    }


class FeedWriter:
    """Base of the writers; `options` are the connector options the feed needs."""

    feed_format = ""
    feed_name = ""
    options: dict = {}

    def __init__(self, out_dir: Path, marketplace_name: str, website: str, feed_name: str = ""):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.marketplace_name = marketplace_name
        self.website = website
        self.feed_name = feed_name or self.feed_name
        self.products_written = 0

    def add(self, shop: DemoShop, products: Iterator) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class ShopListCsv:
    """The companion shop list of product-only formats (Google Merchant, Shopify)."""

    def __init__(self, path: Path):
        self.file = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.file, SHOP_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def add(self, shop: DemoShop, external_id: str | None = None) -> None:
        row = shop_fields(shop, external_id)
        row["sectors"] = "|".join(row["sectors"])
        row["click_and_collect"] = yes_no(shop.click_and_collect)
        row["delivery"] = yes_no(shop.delivery)
        self.writer.writerow(row)

    def close(self) -> None:
        self.file.close()


def companion_name(feed_name: str) -> str:
    """`shops.csv` beside a feed.* file; `<stem>-shops.csv` beside a renamed bench feed."""
    stem = Path(feed_name).stem
    return SHOPS_FILE if stem == "feed" else f"{stem}-shops.csv"
