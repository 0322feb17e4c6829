"""The CDN in front of the portal, after an import (Wagtail itself purges a published page).

Backends come from WAGTAILFRONTENDCACHE (portal/settings/frontend_cache.py); with none
configured nothing is sent.
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def purge_listing_pages() -> None:
    """The editorial pages list shops and products: after an import the CDN drops them."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch  # noqa: PLC0415
    from wagtail.models import Page  # noqa: PLC0415

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific())
    try:
        batch.purge()
    except Exception:  # a CDN outage must never fail an import
        logger.exception("Purging the listing pages from the frontend cache failed")
