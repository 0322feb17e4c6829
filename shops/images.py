"""Fetching product images from partners into Wagtail images, off the import's path."""

import hashlib
import io
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from .connectors.base import FeedUnavailable
from .connectors.sources import HttpFeedSource
from .models import Product

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 8 * 1024 * 1024
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


class ImageRejected(Exception):
    pass


def download(url: str) -> bytes:
    """The image, read like a feed: public addresses only, streamed, within size and time."""
    source = HttpFeedSource(
        url,
        timeout=(settings.FEED_CONNECT_TIMEOUT, settings.IMAGE_READ_TIMEOUT),
        max_seconds=settings.IMAGE_MAX_SECONDS,
    )
    source.headers["User-Agent"] = "LocalDabord-ImageFetcher/1.0"
    response = source.request(url, None, accept=", ".join(sorted(ALLOWED_TYPES)))
    with response:
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        if content_type not in ALLOWED_TYPES:
            raise ImageRejected(f"not an image: {content_type or 'no content type'}")
        body = io.BytesIO()
        for chunk in source.body(response, url):
            body.write(chunk)
            if body.tell() > MAX_IMAGE_BYTES:
                raise ImageRejected("image too large")
    data = body.getvalue()
    try:
        PILImage.open(io.BytesIO(data)).verify()
    except Exception as error:
        raise ImageRejected(f"unreadable image: {error}") from error
    return data


def fetch_product_image(product: Product) -> bool:
    """Attach the product's image; a broken or slow image only leaves it without one."""
    if not product.image_url:
        return False
    try:
        data = download(product.image_url)
    except (FeedUnavailable, ImageRejected) as error:
        logger.info("Image of product %s not fetched: %s", product.pk, error)
        return False
    Image = get_image_model()
    name = urlsplit(product.image_url).path.rsplit("/", 1)[-1] or "image"
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324 — a file name, not security
    image = Image.objects.filter(file_hash=digest).first()
    if image is None:
        image = Image(title=product.title[:255])
        image.file = ImageFile(io.BytesIO(data), name=f"{digest[:12]}-{name[-80:]}")
        image.save()
    Product.objects.filter(pk=product.pk).update(image=image)
    return True
