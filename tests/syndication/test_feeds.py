"""RSS and Atom feeds parse with feedparser without errors and carry the required elements."""

import feedparser
import pytest

from shops.factories import ShopFactory, town

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def assert_valid(feed, version):
    assert feed.version == version
    assert feed.feed.title
    assert feed.feed.link
    for entry in feed.entries:
        assert entry.title and entry.link and entry.id
        assert entry.get("published_parsed") or entry.get("updated_parsed")


@pytest.mark.parametrize("extension, version", [("rss", "rss20"), ("atom", "atom10")])
def test_guide_and_campaign_feeds(client, guide, campaign, extension, version):
    guides = parse(client, f"/fr/flux/guides.{extension}")
    assert_valid(guides, version)
    assert [entry.title for entry in guides.entries] == [guide.title]
    assert guides.entries[0].link == f"http://testserver{guide.url}"
    campaigns = parse(client, f"/fr/flux/campagnes.{extension}")
    assert_valid(campaigns, version)
    assert [entry.title for entry in campaigns.entries] == [campaign.title]


def test_upcoming_campaigns_wait_for_their_first_day(client, campaign):
    import datetime

    campaign.start_date = campaign.start_date + datetime.timedelta(days=30)
    campaign.end_date = campaign.start_date + datetime.timedelta(days=30)
    campaign.save_revision().publish()
    assert parse(client, "/fr/flux/campagnes.rss").entries == []


@pytest.mark.parametrize("extension, version", [("rss", "rss20"), ("atom", "atom10")])
def test_new_shops_per_town_and_sector(client, catalogue, extension, version):
    orleans = ShopFactory(town=town("45234"), name="Boutique d'Orléans")
    hidden = ShopFactory(town=town("37261"), name="Boutique masquée", is_hidden=True)
    feed = parse(client, f"/fr/flux/communes/{town('37261').slug}.{extension}")
    assert_valid(feed, version)
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == len(catalogue["shops"])
    assert not any(orleans.name in title or hidden.name in title for title in titles)
    sector_feed = parse(client, f"/fr/flux/secteurs/jouets.{extension}")
    assert_valid(sector_feed, version)
    assert len(sector_feed.entries) == len(catalogue["shops"])


def test_unknown_town_feed_is_404(client, db):
    assert client.get("/fr/flux/communes/atlantide.rss").status_code == 404


def test_pages_advertise_their_feeds(client, guide, sections, catalogue):
    import re

    from campaigns.factories import TownPageFactory
    from campaigns.models import TownIndexPage

    town_page = TownPageFactory(parent=sections[TownIndexPage], town=town("37261"))
    for page, version in [(guide, "rss20"), (town_page, "rss20")]:
        html = client.get(page.url).content.decode()
        found = re.search(r'<link rel="alternate" type="application/rss\+xml" href="([^"]+)"', html)
        assert_valid(parse(client, found.group(1)), version)
    html = client.get(town_page.url).content.decode()
    assert f"/fr/flux/communes/{town('37261').slug}.atom" in html
