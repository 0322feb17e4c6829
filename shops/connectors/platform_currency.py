"""The currency of a shop platform's prices, asked of the platform when it can say.

Shopify's and WooCommerce's product JSON carries no currency: an Indian store's ₹2,370
reads as 2370. The store's settings say it (Shopify `meta.json` or the Admin API's
`shop.json`, WooCommerce `/wp-json/wc/v3/settings/general`); when they cannot be read
(a saved file, an endpoint the partner's keys may not open), the marketplace's `currency`
option is used. A busy platform fails the run, to be retried, rather than let its prices
be read in the wrong currency.
"""

import logging
import re
from collections.abc import Callable
from typing import Any

from .base import Connector, FeedUnavailable
from .sources import redact

logger = logging.getLogger(__name__)
CODE = re.compile(r"^[A-Za-z]{3}$")


def platform_currency(connector: Connector, url: str, read: Callable[[Any], Any]) -> str:
    """The currency `read` finds in the document at `url`, else the marketplace's option."""
    if not url or connector.source.json_documents() is not None:
        return connector.default_currency()  # saved pages: no platform to ask
    try:
        data, _headers = connector.source.get_json(url)
    except FeedUnavailable as error:
        if error.retryable:
            raise
        logger.info("No store currency at %s (%s): option used", redact(url), error)
        return connector.default_currency()
    try:
        code = read(data)
    except (AttributeError, KeyError, TypeError, IndexError):
        code = None
    if isinstance(code, str) and CODE.match(code.strip()):
        return code.strip().upper()
    logger.info("No store currency in %s: option used", redact(url))
    return connector.default_currency()
