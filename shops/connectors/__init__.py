"""Feed connectors, one per partner format, chosen by the marketplace's format."""

from importlib import import_module

from .base import Connector

MODULES = {
    "google_merchant": ("google_merchant", "GoogleMerchantXmlConnector"),
    "google_merchant_tsv": ("google_merchant", "GoogleMerchantTsvConnector"),
    "shopify": ("shopify", "ShopifyConnector"),
    "woocommerce": ("woocommerce", "WooCommerceConnector"),
    "csv": ("csv_mapping", "CsvMappingConnector"),
    "native_json": ("native_json", "NativeJsonConnector"),
}


class UnknownFormat(KeyError):
    pass


def get_connector(feed_format: str) -> type[Connector]:
    try:
        module, name = MODULES[feed_format]
    except KeyError as error:
        raise UnknownFormat(f"No connector for the feed format {feed_format!r}") from error
    return getattr(import_module(f"{__name__}.{module}"), name)
