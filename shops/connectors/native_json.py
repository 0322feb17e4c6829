"""The portal's own JSON feed, for marketplaces with no platform (schema: native_feed.schema.json).

Streamed with ijson in two passes (shops, then products), so a huge feed keeps memory
flat and the order of the two lists in the document does not matter.

Only the structure of each item is checked here (an object, lists where lists belong,
no nested object where text belongs): missing or unreadable values are the sync's to
judge, so that every format's records are quarantined with the same reasons.
"""

from collections.abc import Iterable, Iterator
from dataclasses import fields
from decimal import Decimal

import ijson

from .base import Connector, FeedRecord, FeedUnavailable, ProductRecord, RejectedRecord, ShopRecord
from .text import json_excerpt, parse_bool

# `line` is where a record is in a file, not something the feed says.
SHOP_FIELDS = {f.name for f in fields(ShopRecord)} - {"line"}
PRODUCT_FIELDS = {f.name for f in fields(ProductRecord)} - {"line"}
REQUIRED_TEXT = ("external_id", "name", "title", "shop_external_id")
LIST_FIELDS = {"sectors", "categories"}
BOOL_FIELDS = {"click_and_collect", "delivery"}
SUPPORTED_MAJOR_VERSION = "1"


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # "12.50" stays "12.50", never "1.25E+1"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build(
    record_class, known_fields: set[str], item
) -> ShopRecord | ProductRecord | RejectedRecord:
    if not isinstance(item, dict):
        return RejectedRecord("une entrée n'est pas un objet JSON", raw=json_excerpt(item))
    external_id = as_text(item.get("external_id")).strip()
    if isinstance(item.get("external_id"), dict | list):
        external_id = ""
    values = {name: "" for name in REQUIRED_TEXT if name in known_fields}
    for name, value in item.items():
        if name not in known_fields or value is None:
            continue  # unknown fields are allowed: newer partners may send more
        if name in LIST_FIELDS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or any(isinstance(v, dict | list) for v in value):
                reason = f"« {name} » n'est pas une liste de textes"
                return RejectedRecord(reason, json_excerpt(item), external_id)
            values[name] = [as_text(entry) for entry in value if entry is not None]
        elif name in BOOL_FIELDS:
            values[name] = parse_bool(as_text(value)) if not isinstance(value, bool) else value
        elif isinstance(value, dict | list):
            reason = f"« {name} » n'est pas une valeur simple"
            return RejectedRecord(reason, json_excerpt(item), external_id)
        else:
            values[name] = as_text(value)
    return record_class(**values)


class FeedOutline:
    """What the first pass learns of the document around the items: its top-level keys."""

    def __init__(self):
        self.keys: set[str] = set()
        self.version = ""

    def watch(self, events: Iterable) -> Iterator:
        for prefix, event, value in events:
            if prefix == "" and event == "map_key":
                self.keys.add(value)
            elif prefix == "version" and event in ("string", "number"):
                self.version = as_text(value)
            yield prefix, event, value

    def check(self) -> None:
        # An error object, or another JSON, must not read as a feed that lists nothing.
        missing = [key for key in ("shops", "products") if key not in self.keys]
        if missing:
            raise FeedUnavailable(
                f"document JSON sans « {' », « '.join(missing)} » : pas un flux natif",
                retryable=False,
            )
        if self.version and self.version.split(".")[0] != SUPPORTED_MAJOR_VERSION:
            raise FeedUnavailable(
                f"version {self.version} du flux natif non prise en charge (1.x attendue)",
                retryable=False,
            )


class NativeJsonConnector(Connector):
    format = "native_json"
    label = "Flux JSON Local d'abord !"

    def records(self) -> Iterator[FeedRecord]:
        outline = FeedOutline()
        yield from self.stream("shops.item", ShopRecord, SHOP_FIELDS, outline)
        outline.check()
        yield from self.stream("products.item", ProductRecord, PRODUCT_FIELDS)

    def stream(self, prefix, record_class, known_fields, outline: FeedOutline | None = None):
        with self.source.open() as stream:
            try:
                events = ijson.parse(stream) if outline else stream
                if outline:
                    events = outline.watch(events)
                for item in ijson.items(events, prefix):
                    yield build(record_class, known_fields, item)
            except ijson.JSONError as error:
                # Cut short or broken: either way, the next run may get a whole document.
                message = " ".join(str(error).split())[:300]
                raise FeedUnavailable(f"flux JSON invalide ou tronqué : {message}") from error
