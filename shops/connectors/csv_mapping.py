"""CSV feeds: the partner's own columns mapped to ours in the marketplace's options.

Options: `mapping` (our field → the partner's column), `delimiter` (sniffed when absent),
`encoding` (UTF-8 with or without BOM, else Windows-1252, detected on the first 64 KB),
`default_shop_id` (when rows carry no shop). One row is one product; shop columns on the
row describe its shop, yielded the first time it is seen.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import fields

from django.utils.text import slugify

from .base import Connector, ProductRecord, RejectedRecord, ShopRecord

SNIFF_BYTES = 64 * 1024
DELIMITERS = ";,\t|"
PRODUCT_FIELDS = [f.name for f in fields(ProductRecord)]
SHOP_FIELDS = [f.name for f in fields(ShopRecord)]
LIST_SEPARATOR = "|"


def detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        # A multi-byte character may be cut at the end of the sample.
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return "cp1252"
    return "utf-8"


def detect_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=first_line.count)


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


class CsvMappingConnector(Connector):
    format = "csv"
    label = "CSV avec correspondance de colonnes"

    def mapping(self) -> dict[str, str]:
        return dict(self.options.get("mapping") or {})

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        with self.source.open() as stream:
            buffered = io.BufferedReader(stream, buffer_size=SNIFF_BYTES)
            head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            encoding = self.options.get("encoding") or detect_encoding(head)
            text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
            sample = head.decode(encoding, errors="replace")[:4096]
            delimiter = self.options.get("delimiter") or detect_delimiter(sample)
            reader = csv.DictReader(text, delimiter=delimiter)
            for line, row in enumerate(reader, start=2):
                if None in row:  # more cells than the header has columns
                    yield line, None
                    continue
                yield line, {k.strip(): (v or "").strip() for k, v in row.items() if k}

    def records(self) -> Iterator:
        mapping = self.mapping()
        seen_shops: set[str] = set()
        default_shop_id = self.options.get("default_shop_id", "")
        for line, row in self.rows():
            if row is None:
                yield RejectedRecord(f"ligne {line} : plus de cellules que de colonnes")
                continue
            values = {ours: row.get(theirs, "") for ours, theirs in mapping.items()}
            shop_id = values.get("shop_external_id") or slugify(values.get("shop_name", ""))
            shop_id = shop_id or default_shop_id
            if values.get("shop_name") and shop_id not in seen_shops:
                seen_shops.add(shop_id)
                yield self.shop(shop_id, values)
            if values.get("external_id") or values.get("title"):
                yield self.product(shop_id, values)

    def shop(self, shop_id: str, values: dict[str, str]) -> ShopRecord:
        shop = {name: values.get(f"shop_{name}", "") for name in SHOP_FIELDS if name != "sectors"}
        shop["external_id"] = shop_id
        return ShopRecord(**shop, sectors=split_list(values.get("shop_sectors", "")))

    def product(self, shop_id: str, values: dict[str, str]) -> ProductRecord:
        product = {
            name: values.get(name, "")
            for name in PRODUCT_FIELDS
            if name not in ("categories", "shop_external_id", "currency")
        }
        return ProductRecord(
            **product,
            shop_external_id=shop_id,
            currency=values.get("currency") or "EUR",
            categories=split_list(values.get("categories", "").replace(">", LIST_SEPARATOR)),
        )


class ShopsCsvConnector(CsvMappingConnector):
    """A shop list with our own column names: the companion of product-only formats."""

    format = "shops_csv"
    label = "Liste de commerces (CSV)"

    def records(self) -> Iterator:
        for line, row in self.rows():
            if row is None:
                yield RejectedRecord(f"ligne {line} : plus de cellules que de colonnes")
                continue
            if not row.get("external_id") and not row.get("name"):
                yield RejectedRecord(f"ligne {line} sans identifiant ni nom", raw=repr(row)[:2000])
                continue
            shop = {name: row.get(name, "") for name in SHOP_FIELDS if name != "sectors"}
            yield ShopRecord(**shop, sectors=split_list(row.get("sectors", "")))
