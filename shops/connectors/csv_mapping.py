"""CSV feeds: the partner's own columns mapped to ours in the marketplace's options.

Options: `mapping` (our field → the partner's column, or a list of columns joined by ", ";
for `external_id` and `shop_external_id` the first of the listed columns that has a
value), `delimiter` (sniffed when absent), `encoding` (UTF-8 with or without BOM, UTF-16
with BOM, else Windows-1252, detected on the first 64 KB), `currency` (of prices that do
not say theirs, EUR when absent), `default_shop_id` (when rows carry no shop) and a
companion shop list (`shops_file` / `shops_url`, read first) for the shops rows do not
describe. One row is one product; shop columns (`shop_name`, `shop_town`...) describe its
shop, yielded the first time it is seen; a row with shop columns only is a shop.

A product row without id gets one from its GTIN, its page or its title in its shop
(`identity.py`); a row with none of them is quarantined with its line number.
"""

from collections.abc import Iterator

from .base import FeedRecord, ProductRecord, RejectedRecord
from .companion import companion_shops
from .csv_columns import (
    MAPPABLE_FIELDS,
    MappedCsvConnector,
    read_mapping,
    shop_from_values,
    text_value,
)
from .identity import derived_product_id
from .tabular import EXCERPT
from .text import plain_text, slugify, split_list

# Without these columns no row could be a product: a mapping naming them must find them.
REQUIRED_COLUMNS = ("external_id", "title")


class CsvMappingConnector(MappedCsvConnector):
    format = "csv"
    label = "CSV avec correspondance de colonnes"

    def mapping(self) -> dict[str, list[str]]:
        option = self.options.get("mapping")
        if not option:
            # A partner who exports with our own column names needs no mapping.
            return {field: [field] for field in MAPPABLE_FIELDS}
        return read_mapping(option, MAPPABLE_FIELDS)

    def records(self) -> Iterator[FeedRecord]:
        mapping = self.mapping()
        required = REQUIRED_COLUMNS if self.options.get("mapping") else ()
        default_shop_id = str(self.options.get("default_shop_id") or "")
        seen_shops: set[str] = set()
        for shop in companion_shops(self):
            # A row naming a shop of the list adds nothing to it (nor a repeat of it).
            seen_shops.add(getattr(shop, "external_id", ""))
            yield shop
        with self.table() as table:
            table.bind(mapping, required)
            for line, cells in table.rows():
                if rejected := table.too_wide(line, cells):
                    yield rejected
                    continue
                values = table.values(cells)
                shop_id = values.get("shop_external_id") or slugify(values.get("shop_name", ""))
                shop_id = shop_id or default_shop_id
                if values.get("shop_name") and shop_id not in seen_shops:
                    seen_shops.add(shop_id)
                    yield shop_from_values(shop_id, values, line)
                if values.get("external_id") or values.get("title"):
                    yield self.product(shop_id, values, line)
                elif not values.get("shop_name"):  # a row naming a shop is that shop's row
                    yield RejectedRecord(
                        f"ligne {line} : ni produit ni commerce (référence et titre vides)",
                        raw=table.delimiter.join(cells)[:EXCERPT],
                        line=line,
                    )

    def product(self, shop_id: str, values: dict[str, str], line: int) -> ProductRecord:
        # "Alimentation > Épicerie" names two sectors the sync may match.
        categories = split_list(values.get("categories", "").replace(">", "|"))
        record = ProductRecord(
            external_id=values.get("external_id", ""),
            shop_external_id=shop_id,
            title=text_value(values, "title", "title"),
            description=values.get("description", ""),
            price=values.get("price", ""),
            currency=values.get("currency") or self.default_currency(),
            availability=values.get("availability", ""),
            image_url=values.get("image_url", ""),
            url=values.get("url", ""),
            categories=[plain_text(category) for category in categories],
            brand=text_value(values, "brand", "brand"),
            gtin=values.get("gtin", ""),
            line=line,
        )
        if not record.external_id:
            record.external_id = derived_product_id(record)
        return record
