"""The companion shop list of formats that only describe products (GMC, Shopify).

A native shop CSV (`shops_csv` columns) given by the connector options `shops_url` or
`shops_file`, read before the products so that every product finds its shop.
"""

from collections.abc import Iterator
from pathlib import Path

from .base import Connector


def companion_shops(connector: Connector) -> Iterator:
    from .csv_mapping import ShopsCsvConnector  # noqa: PLC0415 — avoids a cycle
    from .sources import FileFeedSource, HttpFeedSource  # noqa: PLC0415

    options = connector.options
    if options.get("shops_url"):
        source = HttpFeedSource(options["shops_url"])
    elif options.get("shops_file"):
        path = Path(options["shops_file"])
        # A relative path is read beside the product feed file.
        if not path.is_absolute() and isinstance(connector.source, FileFeedSource):
            path = connector.source.path.parent / path
        source = FileFeedSource(path)
    else:
        return
    yield from ShopsCsvConnector(source, {"encoding": options.get("shops_encoding", "")}).records()
