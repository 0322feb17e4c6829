"""The companion shop list of formats that only describe products (GMC, Shopify, WooCommerce).

A native shop CSV (`shops_csv` columns) named by the connector option `shops_url` or
`shops_file`, read before the products so that every product finds its shop.
"""

from collections.abc import Iterator
from pathlib import Path

from .base import Connector, FeedRecord, FeedSource
from .shops_csv import ShopsCsvConnector
from .sources import FileFeedSource, HttpFeedSource


def companion_source(connector: Connector) -> FeedSource | None:
    options = connector.options
    if options.get("shops_url"):
        url = str(options["shops_url"])
        if isinstance(connector.source, HttpFeedSource):
            # Same timeouts and budget as the feed; credentials only to the same host.
            return connector.source.for_url(url)
        return HttpFeedSource(url)
    if options.get("shops_file"):
        path = Path(options["shops_file"])
        # A relative path is read beside the product feed file.
        if not path.is_absolute() and isinstance(connector.source, FileFeedSource):
            path = connector.source.path.parent / path
        return FileFeedSource(path)
    return None


def companion_shops(connector: Connector) -> Iterator[FeedRecord]:
    source = companion_source(connector)
    if source is None:
        return
    options = {"encoding": connector.options.get("shops_encoding", "")}
    yield from ShopsCsvConnector(source, options).records()
