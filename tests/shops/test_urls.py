"""Shop and product pages have routes in each language: French under /fr/, English under /en/."""

import pytest
from django.urls import reverse
from django.utils import translation

from shops.factories import ProductFactory

pytestmark = pytest.mark.django_db


def test_shop_and_product_routes_in_both_languages(client, home_page):
    product = ProductFactory(title="Miel de Sologne")
    shop = product.shop
    with translation.override("fr"):
        french = (shop.get_absolute_url(), product.get_absolute_url())
    with translation.override("en"):
        english = (shop.get_absolute_url(), product.get_absolute_url())
    assert french == (
        f"/fr/commerces/{shop.slug}/",
        f"/fr/produits/{product.pk}-{product.slug}/",
    )
    assert english == (f"/en/shops/{shop.slug}/", f"/en/products/{product.pk}-{product.slug}/")
    for url in (*french, *english):
        assert client.get(url).status_code == 200, url
    # A French route under /en/ is not an English page.
    assert client.get(f"/en/commerces/{shop.slug}/").status_code == 404


def test_the_language_switcher_of_a_shop_page_links_the_english_route(client, home_page):
    product = ProductFactory()
    html = client.get(f"/fr/commerces/{product.shop.slug}/").content.decode()
    assert f"/en/shops/{product.shop.slug}/" in html
    with translation.override("en"):
        assert reverse("shops:shop", args=[product.shop.slug]).startswith("/en/shops/")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("slug", ["miel", "slug-mark-2", "987654321-b", "cafe_du_port"])
def test_addresses_built_from_a_template_equal_reverse(language, slug):
    from shops.models.catalogue import product_url, shop_url

    with translation.override(language):
        for _ in range(2):  # the template, then the address filled in from it
            assert shop_url(slug) == reverse("shops:shop", kwargs={"slug": slug})
            assert product_url(42, slug) == reverse(
                "shops:product", kwargs={"pk": 42, "slug": slug}
            )
