"""CSV feeds: the partner's own columns mapped to ours in the marketplace's options.

Options: `mapping` (our field → the partner's column, or a list of columns joined by ", "),
`delimiter` (sniffed when absent), `encoding` (UTF-8 with or without BOM, UTF-16 with BOM,
else Windows-1252, detected on the first 64 KB), `default_shop_id` (when rows carry no
shop). One row is one product; shop columns (`shop_name`, `shop_town`...) describe its
shop, yielded the first time it is seen; a row with shop columns only is a shop.
"""

from collections.abc import Iterator, Mapping
from dataclasses import fields

from .base import Connector, FeedRecord, FeedUnavailable, ProductRecord, RejectedRecord, ShopRecord
from .tabular import EXCERPT, Table
from .text import parse_bool, plain_text, slugify, split_list

PRODUCT_FIELDS = [f.name for f in fields(ProductRecord)]
SHOP_FIELDS = [f.name for f in fields(ShopRecord)]
MAPPABLE_FIELDS = [*PRODUCT_FIELDS, *(f"shop_{name}" for name in SHOP_FIELDS)]
# Without these columns no row could be a product: a mapping naming them must find them.
REQUIRED_COLUMNS = ("external_id", "title")
# Fields that are plain text for the shopper, often HTML-escaped by the partner's tool.
PLAIN_TEXT_FIELDS = {"title", "brand", "name", "town"}
BOOLEAN_FIELDS = {"click_and_collect", "delivery"}


def read_mapping(option, allowed: list[str], prefix: str = "") -> dict[str, list[str]]:
    """The `mapping` option checked: a typo in a field name must not go unnoticed."""
    if not isinstance(option, Mapping):
        raise FeedUnavailable(
            "option mapping : un objet {champ: colonne} est attendu", retryable=False
        )
    mapping = {}
    for field, columns in option.items():
        if field not in allowed:
            raise FeedUnavailable(f"option mapping : champ inconnu « {field} »", retryable=False)
        columns = [columns] if isinstance(columns, str) else columns
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise FeedUnavailable(
                f"option mapping : colonne invalide pour « {field} »", retryable=False
            )
        mapping[prefix + field] = columns
    return mapping


class MappedTable(Table):
    """A table whose rows read as {our field: value} through a mapping."""

    def bind(self, mapping: dict[str, list[str]], required: tuple[str, ...]) -> None:
        self.columns = {}
        for field, names in mapping.items():
            indexes = [index for index in map(self.index_of, names) if index is not None]
            if not indexes and field in required:
                raise FeedUnavailable(
                    f"colonne « {', '.join(names)} » ({field}) absente de l'en-tête "
                    f"« {self.delimiter.join(self.header)[:300]} »",
                    retryable=False,
                )
            self.columns[field] = indexes

    def values(self, cells: list[str]) -> dict[str, str]:
        values = {}
        for field, indexes in self.columns.items():
            parts = [cells[index].strip() for index in indexes if index < len(cells)]
            values[field] = ", ".join(part for part in parts if part)
        return values


def text_value(values: dict[str, str], field: str, name: str) -> str:
    value = values.get(field, "")
    return plain_text(value) if name in PLAIN_TEXT_FIELDS else value


def shop_from_values(shop_id: str, values: dict[str, str]) -> ShopRecord:
    shop = {}
    for name in SHOP_FIELDS:
        value = text_value(values, f"shop_{name}", name)
        if name == "sectors":
            shop[name] = [plain_text(sector) for sector in split_list(value)]
        elif name in BOOLEAN_FIELDS:
            shop[name] = parse_bool(value)
        else:
            shop[name] = value
    shop["external_id"] = shop_id
    return ShopRecord(**shop)


class CsvMappingConnector(Connector):
    format = "csv"
    label = "CSV avec correspondance de colonnes"

    def mapping(self) -> dict[str, list[str]]:
        option = self.options.get("mapping")
        if not option:
            # A partner who exports with our own column names needs no mapping.
            return {field: [field] for field in MAPPABLE_FIELDS}
        return read_mapping(option, MAPPABLE_FIELDS)

    def table(self) -> MappedTable:
        return MappedTable(
            self.source.open(),
            encoding=str(self.options.get("encoding") or ""),
            delimiter=str(self.options.get("delimiter") or ""),
        )

    def records(self) -> Iterator[FeedRecord]:
        mapping = self.mapping()
        required = REQUIRED_COLUMNS if self.options.get("mapping") else ()
        default_shop_id = str(self.options.get("default_shop_id") or "")
        seen_shops: set[str] = set()
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
                    yield shop_from_values(shop_id, values)
                if values.get("external_id") or values.get("title"):
                    yield self.product(shop_id, values)
                elif not any(values.get(field) for field in values if field.startswith("shop_")):
                    yield RejectedRecord(
                        f"ligne {line} : ni produit ni commerce (référence et titre vides)",
                        raw=table.delimiter.join(cells)[:EXCERPT],
                    )

    def product(self, shop_id: str, values: dict[str, str]) -> ProductRecord:
        # "Alimentation > Épicerie" names two sectors the sync may match.
        categories = split_list(values.get("categories", "").replace(">", "|"))
        return ProductRecord(
            external_id=values.get("external_id", ""),
            shop_external_id=shop_id,
            title=text_value(values, "title", "title"),
            description=values.get("description", ""),
            price=values.get("price", ""),
            currency=values.get("currency") or "EUR",
            availability=values.get("availability", ""),
            image_url=values.get("image_url", ""),
            url=values.get("url", ""),
            categories=[plain_text(category) for category in categories],
            brand=text_value(values, "brand", "brand"),
            gtin=values.get("gtin", ""),
        )


class ShopsCsvConnector(CsvMappingConnector):
    """A shop list with our own column names: the companion of product-only formats.

    Columns: the `ShopRecord` field names; `sectors` separated by "|"; booleans as
    oui/non, yes/no, true/false, 1/0 or x. A `mapping` option may rename them.
    """

    format = "shops_csv"
    label = "Liste de commerces (CSV)"

    def mapping(self) -> dict[str, list[str]]:
        option = self.options.get("mapping") or {name: name for name in SHOP_FIELDS}
        return read_mapping(option, SHOP_FIELDS, prefix="shop_")

    def records(self) -> Iterator[FeedRecord]:
        with self.table() as table:
            # Without an id column this is not a shop list (or the delimiter is wrong).
            table.bind(self.mapping(), ("shop_external_id",))
            for line, cells in table.rows():
                if rejected := table.too_wide(line, cells):
                    yield rejected
                    continue
                values = table.values(cells)
                if not values.get("shop_external_id") and not values.get("shop_name"):
                    yield RejectedRecord(
                        f"ligne {line} : commerce sans identifiant ni nom",
                        raw=table.delimiter.join(cells)[:EXCERPT],
                    )
                    continue
                yield shop_from_values(values.get("shop_external_id", ""), values)
