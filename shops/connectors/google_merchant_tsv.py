"""Google Merchant Center's tab-separated variant: one header row of attribute names.

The header names the attributes as the XML feed does, without "g:" (id, title, price,
external_seller_id...); Google also accepts them with spaces ("image link"). Options as
for the XML feed: `default_shop_id`, `shops_file` / `shops_url`, `currency`, plus `encoding`.
"""

import csv
from collections.abc import Iterator

from .base import Connector, FeedRecord, FeedUnavailable, RejectedRecord
from .companion import companion_shops
from .google_merchant import CATEGORY_ATTRIBUTES, product_from_attributes
from .tabular import Table


def attribute_name(header: str) -> str:
    return "_".join(header.strip().lower().removeprefix("g:").split())


def unquote(cell: str) -> str:
    """Google's TSV has no quoting, but spreadsheets quote cells with quotes or tabs."""
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"')
    return cell


class GoogleMerchantTsvConnector(Connector):
    format = "google_merchant_tsv"
    label = "Google Merchant Center (texte tabulé)"

    def records(self) -> Iterator[FeedRecord]:
        yield from companion_shops(self)
        default_shop_id = str(self.options.get("default_shop_id") or "")
        table = Table(
            self.source.open(),
            encoding=str(self.options.get("encoding") or ""),
            delimiter="\t",
            # Quotes are text here: a title may well start with one.
            quoting=csv.QUOTE_NONE,
        )
        with table:
            names = [attribute_name(header) for header in table.header]
            if "id" not in names:
                raise FeedUnavailable(
                    "fichier TSV sans colonne « id » : en-tête absent ou mauvais séparateur",
                    retryable=not names,
                )
            for line, cells in table.rows():
                if rejected := table.too_wide(line, cells):
                    yield rejected
                    continue
                values: dict[str, str] = {}
                categories: list[str] = []
                for name, cell in zip(names, cells, strict=False):
                    if value := unquote(cell.strip()).strip():
                        if name in CATEGORY_ATTRIBUTES:
                            categories.append(value)
                        else:
                            values.setdefault(name, value)
                record = product_from_attributes(
                    values, categories, default_shop_id, currency=self.default_currency()
                )
                record.line = line
                if isinstance(record, RejectedRecord):
                    record.reason = f"ligne {line} : {record.reason}"
                    record.raw = "\t".join(cells)[:2000]
                yield record
