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


def test_an_image_on_the_loopback_is_refused_without_being_requested(product, settings):
    settings.PARTNER_FETCH_ALLOW_LOOPBACK = False
    with serve({"/img.png": [Reply(png_bytes(), content_type="image/png")]}) as server:
        product.image_url = f"{server.base_url}/img.png"
        assert not fetch_product_image(product)
        assert server.hits == {}
    product.refresh_from_db()
    assert product.image is None


def test_an_image_redirected_to_the_metadata_address_is_refused(product):
    redirect = Reply(status=302, headers={"Location": "http://169.254.169.254/latest/"})
    with serve({"/img.png": [redirect]}) as server:
        product.image_url = f"{server.base_url}/img.png"
        assert not fetch_product_image(product)
        assert server.hits == {"/img.png": 1}


def test_an_image_slower_than_its_time_budget_is_given_up(product, settings):
    # Each read answers within its timeout, but the whole fetch takes longer than allowed.
    settings.IMAGE_READ_TIMEOUT = 5
    settings.IMAGE_MAX_SECONDS = 1
    with serve({"/img.png": [Reply(png_bytes(), content_type="image/png", delay=1.5)]}) as s:
        product.image_url = f"{s.base_url}/img.png"
        assert not fetch_product_image(product)
