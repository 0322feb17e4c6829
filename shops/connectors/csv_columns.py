"""Delimited files whose columns an editor maps to our fields: the mapping, the table, shops.

Shared by the product CSV (`csv_mapping.py`) and the shop list (`shops_csv.py`).
"""

from collections.abc import Mapping
from dataclasses import fields

from .base import Connector, FeedUnavailable, ProductRecord, ShopRecord
from .tabular import Table
from .text import parse_bool, plain_text, split_list

# `line` is where a record is in the file, not something a partner's column can say.
PRODUCT_FIELDS = [f.name for f in fields(ProductRecord) if f.name != "line"]
SHOP_FIELDS = [f.name for f in fields(ShopRecord) if f.name != "line"]
MAPPABLE_FIELDS = [*PRODUCT_FIELDS, *(f"shop_{name}" for name in SHOP_FIELDS)]
# Fields that are plain text for the shopper, often HTML-escaped by the partner's tool.
PLAIN_TEXT_FIELDS = {"title", "brand", "name", "town"}
BOOLEAN_FIELDS = {"click_and_collect", "delivery"}
# Fields read from the first listed column that has a value, not from all of them joined:
# an id column with a fallback ("ID", then "UGS" on rows without ID).
FIRST_VALUE_FIELDS = {"external_id", "shop_external_id"}


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
            parts = [part for part in parts if part]
            if field in FIRST_VALUE_FIELDS:
                parts = parts[:1]
            values[field] = ", ".join(parts)
        return values


def text_value(values: dict[str, str], field: str, name: str) -> str:
    value = values.get(field, "")
    return plain_text(value) if name in PLAIN_TEXT_FIELDS else value


def shop_from_values(shop_id: str, values: dict[str, str], line: int = 0) -> ShopRecord:
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
    return ShopRecord(**shop, line=line)


class MappedCsvConnector(Connector):
    """A CSV read through a mapping: options `mapping`, `encoding`, `delimiter`."""

    def table(self) -> MappedTable:
        return MappedTable(
            self.source.open(),
            encoding=str(self.options.get("encoding") or ""),
            delimiter=str(self.options.get("delimiter") or ""),
        )
