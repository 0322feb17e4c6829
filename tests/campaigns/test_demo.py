"""The demo's editorial pages are built from the catalogue in the database, once."""

import pytest
from wagtail.models import Locale

from campaigns.demo import build_demo_pages
from campaigns.models import CampaignPage, SeasonalGuidePage, SectorPage, TownPage
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Sector

pytestmark = pytest.mark.django_db


def test_build_demo_pages_is_complete_and_idempotent(client):
    toys = Sector.objects.get(slug="jouets")
    for insee in ["37261", "45234", "18033", "41018", "28085", "36044"]:
        shop = ShopFactory(town=town(insee), sectors=[toys], is_featured=True)
        ProductFactory(shop=shop, sector=toys, price="12.00")
    built = build_demo_pages()
    assert len(built["towns"]) >= 6
    assert len(built["guides"]) >= 3
    assert SectorPage.objects.filter(locale__language_code="fr").count() == Sector.objects.count()
    english = Locale.objects.get(language_code="en")
    campaign = built["campaign"]
    assert campaign.status == "running"
    assert campaign.get_translation(english).live
    assert client.get("/fr/").content.decode().count(campaign.title.replace("'", "&#x27;")) >= 1
    counts = [
        model.objects.count() for model in (CampaignPage, SeasonalGuidePage, SectorPage, TownPage)
    ]
    build_demo_pages()
    assert counts == [
        model.objects.count() for model in (CampaignPage, SeasonalGuidePage, SectorPage, TownPage)
    ]
    english_guide = built["guides"][0].get_translation(english)
    assert client.get(english_guide.url).status_code == 200
