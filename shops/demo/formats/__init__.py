"""Writers of the partner feed formats, one module per format as in shops/connectors/."""

from .base import SHOP_COLUMNS, FeedWriter
from .csv_mapping import CSV_MAPPING, MappedCsvWriter
from .google_merchant import GoogleMerchantTsvWriter, GoogleMerchantXmlWriter
from .native_json import NativeJsonWriter
from .shopify import ShopifyWriter
from .woocommerce import WooCommerceWriter

WRITERS: dict[str, type[FeedWriter]] = {
    writer.feed_format: writer
    for writer in [
        GoogleMerchantXmlWriter,
        GoogleMerchantTsvWriter,
        ShopifyWriter,
        WooCommerceWriter,
        MappedCsvWriter,
        NativeJsonWriter,
    ]
}

__all__ = ["CSV_MAPPING", "SHOP_COLUMNS", "WRITERS", "FeedWriter"]
