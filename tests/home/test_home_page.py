"""The home page: the running campaign, the search box, featured towns, sectors, guides, the
counter, and the menus the communications team manages."""

import pytest

from campaigns.factories import SeasonalGuidePageFactory, SectorPageFactory, TownPageFactory
from shops.factories import ShopFactory, town
from shops.models import Sector

pytestmark = pytest.mark.django_db


def test_home_page_sections(client, home_page):
    from campaigns.structure import ensure_sections

    sections = ensure_sections(home_page)
    indexes = {model.__name__: page for model, page in sections.items()}
    ShopFactory.create_batch(2)
    TownPageFactory(parent=indexes["TownIndexPage"], town=town(), title="Tours")
    SectorPageFactory(parent=indexes["SectorIndexPage"], sector=Sector.objects.get(slug="jouets"))
    SeasonalGuidePageFactory(parent=indexes["GuideIndexPage"], title="Cadeaux gourmands")
    html = client.get("/fr/").content.decode()
    assert "2 commerçants inscrits sur 2" in html  # "2 000", formatted for French
    assert 'role="search"' in html and 'name="q"' in html and 'name="town"' in html
    assert '<label for="search-what">' in html and '<label for="search-town">' in html
    assert 'value="37261"' in html  # the town choice sends the INSEE code
    assert "Jouets et jeux" in html and "Cadeaux gourmands" in html


def test_menus_and_footer_in_both_languages(client, home_page):
    french = client.get("/fr/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'aria-label="Menu principal"' in french and "Villes à l&#x27;honneur" in french
    assert 'aria-label="Main menu"' in english or "Featured towns" in english
    assert "/en/towns/" in english
    assert "An initiative of the Centre-Val de Loire Region" in english


def test_skip_link_and_landmarks(client, home_page):
    html = client.get("/fr/").content.decode()
    assert 'href="#contenu"' in html and '<main id="contenu"' in html
    assert "<header" in html and "<footer" in html
