"""Widgets: the only pages other sites may frame; no cookie, no inline script or style."""

import re

import pytest

pytestmark = pytest.mark.django_db


def widget_urls(guide, campaign):
    return [
        f"/fr/widgets/guide/{guide.pk}/",
        f"/fr/widgets/campagne/{campaign.pk}/",
        "/fr/widgets/recherche/?town=37261",
    ]


def assert_frameable_without_cookie(response):
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert response.xframe_options_exempt is True
    assert "Set-Cookie" not in response
    html = response.content.decode()
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"


def test_widgets_may_be_framed_and_set_no_cookie(client, guide, campaign):
    for url in widget_urls(guide, campaign):
        assert_frameable_without_cookie(client.get(url))


def test_site_pages_still_refuse_framing(client, guide):
    response = client.get(guide.url)
    assert response["X-Frame-Options"] == "DENY"


def test_guide_widget_lists_the_selection_with_links_to_the_portal(client, guide, catalogue):
    html = client.get(f"/fr/widgets/guide/{guide.pk}/").content.decode()
    for product in catalogue["products"]:
        assert product.title in html
        assert f'href="http://testserver{product.get_absolute_url()}"' in html
    assert 'target="_blank"' in html


def test_campaign_widget_shows_the_campaigns_featured_shops(client, campaign, catalogue):
    html = client.get(f"/fr/widgets/campagne/{campaign.pk}/").content.decode()
    featured, not_featured = catalogue["shops"][:2], catalogue["shops"][2]
    for shop in featured:
        assert shop.name in html
    assert not_featured.name not in html


def test_english_widget_is_translated(client, guide):
    response = client.get(f"/en/widgets/guide/{guide.pk}/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "See the whole guide" in response.content.decode()


def test_search_widget_is_restricted_to_its_town(client, catalogue, search_indexes):
    from shops.factories import ShopFactory, town

    orleans = ShopFactory(
        town=town("45234"), name="Jouets du Loiret", sectors=[catalogue["sector"]]
    )
    tours = ShopFactory(
        town=town("37261"), name="Jouets de Touraine", sectors=[catalogue["sector"]]
    )
    search_indexes()
    response = client.get("/fr/widgets/recherche/", {"town": "37261", "q": "jouets"})
    assert_frameable_without_cookie(response)
    html = response.content.decode()
    assert tours.name in html
    assert orleans.name not in html
    assert 'name="town" value="37261"' in html


def test_unknown_widgets_are_404(client, guide):
    assert client.get("/fr/widgets/guide/999999/").status_code == 404
    assert client.get(f"/fr/widgets/campagne/{guide.pk}/").status_code == 404


def test_guide_page_offers_newspapers_the_short_link_and_embed_code(client, guide):
    html = client.get(guide.url).content.decode()
    assert 'href="/g/noel-tours"' in html
    assert f"/fr/widgets/guide/{guide.pk}/" in html
    assert "/static/syndication/embed.js" in html


def test_the_guide_pages_embed_code_is_the_oembed_one_without_a_frame(client, guide):
    import html as html_module

    page = client.get(guide.url).content.decode()
    pasted = html_module.unescape(re.search(r'class="embed-snippet"[^>]*>([^<]*)<', page).group(1))
    assert 'style="border:0;max-width:100%"' in pasted
    oembed = client.get("/fr/oembed", {"url": f"http://testserver{guide.url}"}).json()["html"]
    # Same code but for the size oEmbed gives in pixels.
    assert re.sub(r'width="[^"]+" height="\d+"', "", pasted) == re.sub(
        r'width="[^"]+" height="\d+"', "", oembed
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_price_in_the_widget_never_leaves_its_euro_sign_alone(client, guide, language):
    import html as html_module

    page = client.get(f"/{language}/widgets/guide/{guide.pk}/").content.decode()
    prices = [
        html_module.unescape(p) for p in re.findall(r'class="ldab-widget__price">([^<]+)<', page)
    ]
    assert len(prices) == 3
    for price in prices:
        # "12,00 €" or "€12.00": the number and its sign joined by no space a line may break at.
        assert "€" in price and "12" in price and " " not in price, repr(price)
