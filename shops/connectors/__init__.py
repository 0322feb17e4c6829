"""Feed connectors, one per partner format, chosen by the marketplace's `feed_format`."""

from .base import Connector
from .csv_mapping import CsvMappingConnector
from .google_merchant import GoogleMerchantXmlConnector
from .google_merchant_tsv import GoogleMerchantTsvConnector
from .native_json import NativeJsonConnector
from .shopify import ShopifyConnector
from .shops_csv import ShopsCsvConnector
from .woocommerce import WooCommerceConnector

CONNECTORS: dict[str, type[Connector]] = {
    connector.format: connector
    for connector in (
        GoogleMerchantXmlConnector,
        GoogleMerchantTsvConnector,
        ShopifyConnector,
        WooCommerceConnector,
        CsvMappingConnector,
        ShopsCsvConnector,
        NativeJsonConnector,
    )
}


class UnknownFormat(KeyError):
    """No connector reads this feed format."""

    def __str__(self) -> str:
        # KeyError would show the message quoted, as a repr.
        return str(self.args[0]) if self.args else ""


def get_connector(feed_format: str) -> type[Connector]:
    try:
        return CONNECTORS[feed_format]
    except KeyError:
        known = ", ".join(sorted(CONNECTORS))
        raise UnknownFormat(
            f"aucun connecteur pour le format de flux {feed_format!r} (connus : {known})"
        ) from None
