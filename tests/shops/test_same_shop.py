"""One shop, shown once: a business two partner marketplaces list is one listing to shoppers
(town page, search on the engine and on the database, open data), naming both marketplaces."""

import pytest

from campaigns.factories import TownPageFactory
from opendata.exports import directory_rows
from shops.curation import dismiss_proposal, merge_shops
from shops.factories import MarketplaceFactory, ShopFactory
from shops.models import MergeProposal, Product, Shop
from shops.pipeline import run_import
from shops.queries import listed_products, listed_shops
from shops.same_shop import link_same_shops
from tests.campaigns import conftest as campaigns

from .feeds import product, shop, write_native_feed

pytestmark = pytest.mark.django_db

NAME = "Céramiques du Vieux Tours"
sections, town_index = campaigns.sections, campaigns.town_index  # the fixtures


@pytest.fixture
def two_partners(tmp_path):
    """The same business (same SIRET) in the feeds of two marketplaces, each with a product."""
    tours = MarketplaceFactory(slug="tours-shopping", name="Tours Shopping")
    loire = MarketplaceFactory(slug="val-de-loire-market", name="Val de Loire Market")
    feeds = {
        tours: ("t-1", "Bol en grès émaillé", "tours-shopping"),
        loire: ("vdl-9", "Pichet en faïence bleue", "val-de-loire-market"),
    }
    for marketplace, (shop_id, title, host) in feeds.items():
        path = write_native_feed(
            tmp_path / f"{marketplace.slug}.json",
            [shop(shop_id, name=NAME, url=f"https://www.{host}.example/b/{shop_id}")],
            [product(f"{shop_id}-p", shop_id, title=title, categories=["Artisanat"])],
        )
        run_import(marketplace, path=path)
        marketplace.test_feed = path
    return tours, loire


def the_listing() -> Shop:
    return listed_shops().get(name=NAME)


def test_the_import_lists_the_business_once_and_names_both_marketplaces(two_partners):
    tours, loire = two_partners
    assert Shop.objects.filter(name=NAME).count() == 2
    listing = the_listing()
    assert listing.marketplace == tours  # the proposal's kept record
    assert [m.name for m in listing.other_marketplaces] == [loire.name]
    # Both records' products are listed, under the one listing.
    titles = set(listed_products().filter(shop__name=NAME).values_list("title", flat=True))
    assert titles == {"Bol en grès émaillé", "Pichet en faïence bleue"}
    proposal = MergeProposal.objects.get()  # still there for editors
    assert proposal.status == MergeProposal.Status.PROPOSED


def test_the_town_page_lists_the_shop_once_with_its_other_marketplace(
    client, town_index, two_partners
):
    page = TownPageFactory(parent=town_index, town=the_listing().town)
    html = client.get(page.url).content.decode()
    assert html.count(f">{NAME}</a>") == 1
    assert 'Tours Shopping · <span class="also-on">aussi sur Val de Loire Market</span>' in html


def test_the_shop_page_shows_every_records_products_with_their_marketplace(client, two_partners):
    html = client.get(the_listing().get_absolute_url()).content.decode()
    assert "Ce commerce vend aussi sur Val de Loire Market." in html
    assert "Voir la boutique sur Tours Shopping" in html
    assert "Voir la boutique sur Val de Loire Market" in html
    assert "Pichet en faïence bleue" in html and "Bol en grès émaillé" in html
    assert "· Val de Loire Market</p>" in html  # the other record's product names its partner
    # That product's page leads to the one listing.
    other = Product.objects.get(title="Pichet en faïence bleue")
    product_page = client.get(other.get_absolute_url()).content.decode()
    assert f'href="{the_listing().get_absolute_url()}"' in product_page


def test_an_editor_dismissing_the_proposal_lists_both_records_again(admin_user, two_partners):
    dismiss_proposal(MergeProposal.objects.get(), admin_user)
    assert listed_shops().filter(name=NAME).count() == 2
    assert all(not shop.other_marketplaces for shop in listed_shops().filter(name=NAME))
    # A later import does not merge them again.
    tours, _loire = two_partners
    run_import(tours, path=tours.test_feed)
    assert listed_shops().filter(name=NAME).count() == 2


def test_a_merge_confirmed_by_an_editor_keeps_one_listing(admin_user, two_partners):
    merge_shops(MergeProposal.objects.get(), admin_user)
    assert listed_shops().filter(name=NAME).count() == 1
    assert MergeProposal.objects.get().status == MergeProposal.Status.MERGED


def test_when_the_listing_leaves_its_feed_the_other_record_is_listed(two_partners):
    tours, loire = two_partners
    Shop.objects.filter(marketplace=tours).update(is_active=False)
    link_same_shops()
    listing = the_listing()
    assert listing.marketplace == loire and not listing.other_marketplaces


def test_the_open_data_has_one_row_naming_both_marketplaces(two_partners):
    rows = [row for row in directory_rows() if row["nom"] == NAME]
    assert len(rows) == 1
    assert rows[0]["place_de_marche"] == "Tours Shopping"
    assert rows[0]["places_de_marche"] == "Tours Shopping|Val de Loire Market"


def test_an_editors_own_link_outside_any_proposal_is_kept(two_partners):
    listing = the_listing()
    by_hand = ShopFactory(name="Céramiques (ancienne fiche)", duplicate_of=listing)
    link_same_shops()
    by_hand.refresh_from_db()
    assert by_hand.duplicate_of == listing


def test_the_other_records_old_address_leads_to_the_listing(client, two_partners):
    _tours, loire = two_partners
    other = Shop.objects.get(marketplace=loire)
    response = client.get(other.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == the_listing().get_absolute_url()


def test_the_same_name_in_the_same_town_on_two_marketplaces_is_one_shop(tmp_path):
    """Partners' SIRETs and addresses are often missing or stale (the demo's Tours shops)."""
    records = {
        MarketplaceFactory(slug="tours-shopping", name="Tours Shopping"): (
            "73282932000074",
            "12 rue Nationale",
        ),
        MarketplaceFactory(slug="cci-touraine", name="CCI Touraine"): ("", "3 place Plumereau"),
    }
    for marketplace, (siret, address) in records.items():
        path = write_native_feed(
            tmp_path / f"{marketplace.slug}.json",
            [shop("s1", name="L'Atelier Gourmand", siret=siret, address=address)],
            [],
        )
        run_import(marketplace, path=path)
    assert listed_shops().filter(name="L'Atelier Gourmand").count() == 1
    assert MergeProposal.objects.get().reason == MergeProposal.Reason.NAME_TOWN
