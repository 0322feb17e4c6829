"""An id for a product the partner gave none, made from what identifies it for good.

Two runs over the same rows must give the same ids, or every import would replace the
catalogue. In order: the GTIN (one per product worldwide), the product's own page, its
title in its shop. A row with none of them gets no id and is quarantined with its line.
"""

import hashlib
import re

from .base import ProductRecord
from .text import slugify

GTIN_LENGTHS = {8, 12, 13, 14}


def derived_product_id(record: ProductRecord) -> str:
    gtin = re.sub(r"\D", "", record.gtin or "")
    if len(gtin) in GTIN_LENGTHS:
        return f"gtin-{gtin}"
    if url := (record.url or "").strip():
        return f"url-{hashlib.sha1(url.encode()).hexdigest()[:16]}"  # noqa: S324 — a name, not a secret
    if title := slugify(record.title):
        return f"titre-{slugify(record.shop_external_id)}-{title}"[:255]
    return ""
