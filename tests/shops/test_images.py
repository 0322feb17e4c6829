"""Product images are fetched into Wagtail images; a broken or slow one only leaves none."""

import io

import pytest
from PIL import Image as PILImage

from shops.factories import ProductFactory, ShopFactory
from shops.images import fetch_product_image
from tests.httpserver import Reply, serve

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (138, 21, 56)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def product():
    return ProductFactory(shop=ShopFactory())


def test_an_image_becomes_a_wagtail_image_with_renditions(product, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with serve({"/img.png": [Reply(png_bytes(), content_type="image/png")]}) as server:
        product.image_url = f"{server.base_url}/img.png"
        assert fetch_product_image(product)
    product.refresh_from_db()
    assert (product.image.width, product.image.height) == (64, 48)
    rendition = product.image.get_rendition("fill-32x32")
    assert (rendition.width, rendition.height) == (32, 32)


@pytest.mark.parametrize(
    "reply",
    [
        Reply(b"not found", status=404, content_type="text/html"),
        Reply(b"<html>oops</html>", content_type="text/html"),
        Reply(b"\x89PNG truncated", content_type="image/png"),
        Reply(png_bytes(), content_type="image/png", delay=3),
    ],
    ids=["404", "not-an-image", "corrupt", "too-slow"],
)
def test_a_broken_or_slow_image_leaves_the_product_without_one(product, settings, reply):
    settings.IMAGE_READ_TIMEOUT = 1
    with serve({"/img.png": [reply]}) as server:
        product.image_url = f"{server.base_url}/img.png"
        assert not fetch_product_image(product)
    product.refresh_from_db()
    assert product.image is None
