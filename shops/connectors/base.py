"""The one interface every partner-feed connector implements.

Connectors are plain parsers: they read a feed (a file or an HTTP source) and
yield records. They know nothing of models, the database or views; the sync
(`shops/sync.py`) validates records, resolves towns and sectors and writes them.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class ShopRecord:
    """A shop as a partner describes it. Every field is raw text from the feed."""

    external_id: str
    name: str
    siret: str = ""
    address: str = ""
    postal_code: str = ""
    town: str = ""  # town name as written by the partner
    insee_code: str = ""  # when the partner gives it
    sectors: list[str] = field(default_factory=list)  # partner's category labels
    description: str = ""  # may contain HTML: the sync sanitises it
    opening_hours: str = ""
    click_and_collect: bool | None = None
    delivery: bool | None = None
    pickup_instructions: str = ""
    url: str = ""  # the shop's page on the marketplace
    phone: str = ""
    email: str = ""
    website: str = ""
    latitude: str = ""
    longitude: str = ""
    # Where the record starts in the feed (a CSV line), for the editor: 0 when unknown.
    line: int = field(default=0, compare=False)


@dataclass
class ProductRecord:
    """A product as a partner describes it. Every field is raw text from the feed."""

    external_id: str
    shop_external_id: str
    title: str
    description: str = ""  # may contain HTML: the sync sanitises it
    price: str = ""  # as written: "12.50", "12,50 EUR", "12.50 EUR"
    # The platform's currency, else the marketplace's `currency` option; a currency
    # written in the price itself ("15 000 Fcfa") wins over it.
    currency: str = "EUR"
    availability: str = ""  # partner's wording: "in stock", "instock", "out_of_stock"...
    image_url: str = ""
    url: str = ""  # the product's page on the marketplace
    categories: list[str] = field(default_factory=list)
    brand: str = ""
    gtin: str = ""
    # Where the record starts in the feed (a CSV line), for the editor: 0 when unknown.
    line: int = field(default=0, compare=False)


@dataclass
class RejectedRecord:
    """A record the connector could not even read: it goes to quarantine with its reason."""

    reason: str
    raw: str = ""  # an excerpt of the source, for the editor who reviews it
    external_id: str = ""
    line: int = 0  # where it starts in the feed (a CSV line), 0 when unknown


FeedRecord = ShopRecord | ProductRecord | RejectedRecord


class FeedSource(abc.ABC):
    """Where a connector reads from: a local file or an HTTP endpoint.

    Connectors call these methods only, so the sync decides timeouts, retries
    and credentials, and tests can serve a feed from a local HTTP server.
    """

    @abc.abstractmethod
    def open(self) -> IO[bytes]:
        """Open the whole feed as a binary stream (read lazily: feeds can be huge)."""

    @abc.abstractmethod
    def get_json(
        self, url: str | None = None, params: Mapping[str, Any] | None = None
    ) -> tuple[Any, Mapping[str, str]]:
        """GET a JSON document (the feed URL when `url` is None) and return (data, headers).

        Used by paginated APIs (Shopify, WooCommerce). Raises `FeedUnavailable`.
        """

    def json_documents(self) -> Iterator[Any] | None:
        """Saved pages of a JSON API (files rather than the API itself), in order.

        None for a source that is the API: its pages are then requested with `get_json`.
        """
        return None


class FeedUnavailable(Exception):
    """The feed could not be read at all (timeout, refused, 5xx, truncated body).

    The run fails and is retried; nothing is deactivated.
    """

    def __init__(self, message: str, *, retryable: bool = True):
        super().__init__(message)
        self.retryable = retryable


class Connector(abc.ABC):
    """Reads one feed format. Subclasses set `format` and implement `records()`."""

    format: str = ""
    label: str = ""

    def __init__(self, source: FeedSource, options: Mapping[str, Any] | None = None):
        self.source = source
        self.options = dict(options or {})

    def default_currency(self) -> str:
        """The marketplace's `currency` option (EUR when absent): the currency of prices
        the feed does not mark, when the platform cannot say."""
        return str(self.options.get("currency") or "EUR").strip().upper()

    @abc.abstractmethod
    def records(self) -> Iterator[FeedRecord]:
        """Yield records one at a time, streaming: memory must stay flat on huge feeds.

        A shop must be yielded before the first product that refers to it.
        """
