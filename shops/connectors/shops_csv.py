"""The native shop list (CSV with our own column names): the companion of product-only formats."""

from collections.abc import Iterator

from .base import FeedRecord, RejectedRecord
from .csv_columns import SHOP_FIELDS, MappedCsvConnector, read_mapping, shop_from_values
from .tabular import EXCERPT


class ShopsCsvConnector(MappedCsvConnector):
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
                        line=line,
                    )
                    continue
                yield shop_from_values(values.get("shop_external_id", ""), values, line)
