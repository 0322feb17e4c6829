"""English translations through wagtail-localize, and what search engines and social sites read."""

import datetime
import json
import re

import pytest
from wagtail.models import Locale

from campaigns.factories import CampaignPageFactory, SeasonalGuidePageFactory
from campaigns.translation import translate
from shops.factories import ProductFactory, ShopFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_translation_submitted_through_the_admin_and_synchronised(
    admin_user_client, campaign_index, django_capture_on_commit_callbacks
):
    campaign = CampaignPageFactory(parent=campaign_index, title="Noël local", slug="noel-local")
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_user_client.post(
            f"/admin/localize/submit/page/{campaign.pk}/", {"locales": [english.pk]}
        )
    assert response.status_code == 302
    translated = campaign.get_translation(english)
    assert translated.start_date == campaign.start_date

    # The French editor moves the end date: the sync carries it to the English page,
    # which keeps its translated title.
    translate(campaign, "en", {"Noël local": "Local Christmas"})
    campaign.end_date += datetime.timedelta(days=3)
    campaign.save_revision().publish()
    translated = translate(campaign, "en", {"Noël local": "Local Christmas"})
    assert translated.end_date == campaign.end_date
    assert translated.title == "Local Christmas"
    assert translated.live


def test_hreflang_alternates_and_language_switcher(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, title="Noël", slug="noel")
    english = translate(campaign, "en", {"Noël": "Christmas", "noel": "christmas"})
    html = client.get(english.url).content.decode()
    assert '<html lang="en"' in html
    assert 'hreflang="fr" href="http://localhost/fr/campagnes/noel/"' in html
    assert 'hreflang="en" href="http://localhost/en/campaigns/christmas/"' in html
    assert 'rel="canonical" href="http://localhost/en/campaigns/christmas/"' in html


def test_sitemap_lists_both_languages_with_alternates(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, slug="noel")
    translate(campaign, "en", {"noel": "christmas"})
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/fr/campagnes/noel/" in sitemap
    assert "http://localhost/en/campaigns/christmas/" in sitemap
    assert 'hreflang="en"' in sitemap


def test_guide_json_ld_item_list_and_breadcrumbs(client, guide_index):
    product = ProductFactory(title="Sablés de Nançay", price="6.50")
    guide = SeasonalGuidePageFactory(
        parent=guide_index,
        title="Gourmandises",
        selection=[("product", {"product": product, "note": "Croquants."})],
    )
    html = client.get(guide.url).content.decode()
    data = {item["@type"]: item for item in json_ld(html)}
    items = data["ItemList"]["itemListElement"]
    assert items[0]["item"]["@type"] == "Product"
    assert items[0]["item"]["offers"]["price"] == "6.50"
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs][-1] == "Gourmandises"
    assert 'property="og:title"' in html and 'name="twitter:card"' in html


def test_shop_and_product_pages_describe_themselves(client, home_page):
    shop = ShopFactory(name="Épicerie </script> du Coin")
    product = ProductFactory(shop=shop, title="Miel", price="8.00")
    shop_html = client.get(shop.get_absolute_url()).content.decode()
    assert json_ld(shop_html)[0]["@type"] == "LocalBusiness"
    assert "</script> du Coin" not in shop_html.split("ld+json")[1].split("</script>")[0]
    product_data = json_ld(client.get(product.get_absolute_url()).content.decode())[0]
    assert product_data["@type"] == "Product"
    assert product_data["offers"]["priceCurrency"] == "EUR"


def test_robots_points_to_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
