"""Numbers and prices as each language writes them: "47 219 habitants" and "34,50 €" on French
pages, "47,219 inhabitants" and "€34.50" on English ones; machine formats stay "34.50"."""

import json
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from campaigns.factories import TownPageFactory
from campaigns.models import TownIndexPage
from campaigns.structure import ensure_sections
from home.formatting import format_number, format_price
from shops.factories import ProductFactory, ShopFactory, town

NNBSP = "\u202f"  # French digit groups: a narrow no-break space (CLDR, as Babel writes it)
NBSP = "\xa0"  # between a French amount and "€": a no-break space


def french_digits(n: int) -> str:
    groups = f"{n:,}".split(",")
    return NNBSP.join(groups)


@pytest.mark.parametrize(
    "value,french,english",
    [
        (Decimal("34.5"), f"34,50{NBSP}€", "€34.50"),
        ("1234.5", f"1{NNBSP}234,50{NBSP}€", "€1,234.50"),
        (0, f"0,00{NBSP}€", "€0.00"),
    ],
)
def test_prices_read_as_each_language_writes_them(value, french, english):
    assert format_price(value, "fr") == french
    assert format_price(value, "en") == english
    with translation.override("en"):
        assert format_price(value) == english  # the page's language when none is given


def test_counts_are_grouped_by_thousands():
    assert format_number(47219, "fr") == f"47{NNBSP}219"
    assert format_number(47219, "en") == "47,219"
    assert format_number(999, "fr") == "999"
    assert format_price(None) == format_number(None) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_town_card_shows_the_population_grouped(home_page, language):
    towns_index = ensure_sections(home_page)[TownIndexPage]
    tours = town()
    assert tours.population >= 1000  # the point of the test: a number with a thousands group
    page = TownPageFactory(parent=towns_index, town=tours)
    with translation.override(language):
        html = render_to_string("components/town_card.html", {"town_page": page})
    if language == "fr":
        assert f"{french_digits(tours.population)} habitants" in html
    else:
        assert f"{tours.population:,} inhabitants" in html


@pytest.mark.django_db
def test_product_pages_show_the_price_in_the_page_language_and_json_ld_keeps_machine_format(
    client,
):
    product = ProductFactory(price=Decimal("1234.50"), shop=ShopFactory(marketplace=None))
    with translation.override("fr"):
        french = client.get(product.get_absolute_url()).text
    with translation.override("en"):
        english = client.get(product.get_absolute_url()).text
    assert f"1{NNBSP}234,50{NBSP}€" in french and "1234,50" not in french
    assert "€1,234.50" in english and "1 234,50" not in english
    for html in (french, english):
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        schema = json.loads(data.group(1))
        offers = schema.get("offers") or {}
        assert offers.get("price") == "1234.50", schema


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,expected", [("fr", f"sur 12{NNBSP}000"), ("en", "out of 12,000")]
)
def test_the_home_counter_groups_the_goal(client, home_page, settings, language, expected):
    settings.REGION_SHOP_GOAL = 12000
    ShopFactory.create_batch(2)
    html = client.get(f"/{language}/").text
    assert expected in html
