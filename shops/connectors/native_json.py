"""The portal's own JSON feed, for marketplaces with no platform (schema: native_feed.schema.json).

Streamed with ijson in two passes (shops, then products), so a huge feed keeps memory
flat and the order of the two lists in the document does not matter.
"""

import json
from collections.abc import Iterator
from dataclasses import fields
from decimal import Decimal

import ijson

from .base import Connector, FeedUnavailable, ProductRecord, RejectedRecord, ShopRecord

SHOP_FIELDS = {f.name: f for f in fields(ShopRecord)}
PRODUCT_FIELDS = {f.name: f for f in fields(ProductRecord)}
LIST_FIELDS = {"sectors", "categories"}
BOOL_FIELDS = {"click_and_collect", "delivery"}


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def excerpt(item) -> str:
    return json.dumps(item, ensure_ascii=False, default=str)[:2000]


def build(record_class, known_fields, item) -> ShopRecord | ProductRecord | RejectedRecord:
    if not isinstance(item, dict):
        return RejectedRecord("une entrée n'est pas un objet JSON", raw=excerpt(item))
    external_id = as_text(item.get("external_id")).strip()
    # Required text fields default to empty: the sync quarantines them with its own reasons.
    values = {
        name: ""
        for name in ("external_id", "name", "title", "shop_external_id")
        if name in known_fields
    }
    for name, value in item.items():
        if name not in known_fields or value is None:
            continue
        if name in LIST_FIELDS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                return RejectedRecord(f"« {name} » n'est pas une liste", excerpt(item), external_id)
            values[name] = [as_text(entry) for entry in value if entry is not None]
        elif name in BOOL_FIELDS:
            values[name] = value if isinstance(value, bool) else as_text(value)
        elif isinstance(value, dict | list):
            return RejectedRecord(
                f"« {name} » n'est pas une valeur simple", excerpt(item), external_id
            )
        else:
            values[name] = as_text(value)
    return record_class(**values)


class NativeJsonConnector(Connector):
    format = "native_json"
    label = "Flux JSON Local d'abord !"

    def records(self) -> Iterator:
        # Only the structure is checked here: missing values are the sync's to judge, so
        # every format's records are quarantined with the same reasons.
        yield from self.stream("shops.item", ShopRecord, SHOP_FIELDS)
        yield from self.stream("products.item", ProductRecord, PRODUCT_FIELDS)

    def stream(self, prefix, record_class, known_fields):
        with self.source.open() as stream:
            try:
                for item in ijson.items(stream, prefix):
                    yield build(record_class, known_fields, item)
            except ijson.JSONError as error:
                raise FeedUnavailable(f"le flux JSON est invalide ou tronqué : {error}") from error
