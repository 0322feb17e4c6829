"""Each StreamField block renders through its template with what it shows."""

import datetime

import pytest
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from campaigns import blocks, queries
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Sector

pytestmark = pytest.mark.django_db


def render(block, raw):
    return block.render(block.to_python(raw))


def test_rich_text():
    html = render(blocks.CampaignBodyBlock(), [{"type": "rich_text", "value": "<p>Bonjour</p>"}])
    assert "Bonjour" in html and "block--text" in html


def test_featured_shops_keeps_the_editors_order_and_skips_hidden_shops():
    first, second = ShopFactory(name="Zèbre et Cie"), ShopFactory(name="Atelier Albert")
    hidden = ShopFactory(name="Boutique masquée", is_hidden=True)
    html = render(
        blocks.FeaturedShopsBlock(),
        {"heading": "À la une", "shops": [first.pk, second.pk, hidden.pk]},
    )
    assert html.index("Zèbre et Cie") < html.index("Atelier Albert")
    assert "Boutique masquée" not in html


def test_featured_products_hand_picked():
    product = ProductFactory(title="Nougat de Tours")
    html = render(
        blocks.FeaturedProductsBlock(),
        {"heading": "", "selection": "hand_picked", "products": [product.pk], "limit": 4},
    )
    assert "Nougat de Tours" in html


def test_featured_products_by_rule_filters_sector_town_and_click_and_collect():
    toys = Sector.objects.get(slug="jouets")
    collect = ShopFactory(click_and_collect=True)
    no_collect = ShopFactory(click_and_collect=False)
    ProductFactory(title="Toupie en bois", shop=collect, sector=toys)
    ProductFactory(title="Toupie sans retrait", shop=no_collect, sector=toys)
    ProductFactory(title="Confiture", shop=collect)
    elsewhere = ShopFactory(town=town("45234"), click_and_collect=True)
    ProductFactory(title="Toupie d'Orléans", shop=elsewhere, sector=toys)
    html = render(
        blocks.FeaturedProductsBlock(),
        {
            "selection": "rule",
            "products": [],
            "sector": toys.pk,
            "town": town().pk,
            "marketplace": None,
            "click_and_collect_only": True,
            "limit": 8,
        },
    )
    assert "Toupie en bois" in html
    assert "Toupie sans retrait" not in html
    assert "Confiture" not in html
    assert "Toupie d&#x27;Orléans" not in html and "Toupie d'Orléans" not in html


def test_hand_picked_products_require_a_product():
    block = blocks.FeaturedProductsBlock()
    with pytest.raises(Exception):  # noqa: B017 - StructBlockValidationError
        block.clean(block.to_python({"selection": "hand_picked", "products": [], "limit": 4}))


def test_shop_map_embeds_its_markers():
    ShopFactory(name="Fleurs de Loire", latitude=47.39, longitude=0.69)
    html = render(blocks.ShopMapBlock(), {"heading": "Carte", "town": None, "sector": None})
    assert "data-map" in html and "Fleurs de Loire" in html and "47.39" in html


def test_countdown_counts_days_and_says_when_it_is_over():
    soon = timezone.now() + datetime.timedelta(days=10, hours=1)
    html = render(blocks.CountdownBlock(), {"heading": "Noël", "target": soon.isoformat()})
    assert "10" in html and "data-countdown" in html
    past = timezone.now() - datetime.timedelta(days=1)
    html = render(
        blocks.CountdownBlock(),
        {"heading": "Noël", "target": past.isoformat(), "finished_message": "Joyeux Noël !"},
    )
    assert "Joyeux Noël !" in html


def test_testimonial():
    html = render(
        blocks.TestimonialBlock(), {"quote": "Merci !", "author": "Claire", "role": "libraire"}
    )
    assert "<blockquote>" in html and "Claire" in html


def test_partner_logos_use_the_name_as_alt_text():
    logo = Image.objects.create(title="logo", file=get_test_image_file())
    html = render(
        blocks.PartnerLogosBlock(),
        {"heading": "Partenaires", "partners": [{"name": "Région", "logo": logo.pk, "url": ""}]},
    )
    assert 'alt="Région"' in html


def test_button_to_a_page_or_an_address(home_page):
    html = render(blocks.ButtonBlock(), {"label": "Voir", "page": home_page.pk, "url": ""})
    assert 'href="/fr/"' in html
    html = render(
        blocks.ButtonBlock(), {"label": "Voir", "page": None, "url": "https://example.org/"}
    )
    assert 'href="https://example.org/"' in html


def test_video_loads_the_player_only_on_request():
    url = "https://www.youtube.com/watch?v=demo"
    # The embed is cached as if fetched: tests never reach the video host.
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        html='<iframe src="https://www.youtube.com/embed/demo"></iframe>',
        type="video",
    )
    html = render(blocks.VideoBlock(), {"title": "Nos commerçants", "video": url, "transcript": ""})
    assert "<template data-video-player>" in html
    assert html.index("<template") < html.index("<iframe")


def test_guide_entry_block():
    product = ProductFactory(title="Coffret de rillettes")
    html = render(blocks.GuideProductBlock(), {"product": product.pk, "note": "Un délice."})
    assert "Coffret de rillettes" in html and "Un délice." in html


def test_a_rule_block_as_first_shown_validates_without_any_product_slot():
    """Issue 17, item 3: the block's default value carried one empty, required product slot."""
    block = blocks.FeaturedProductsBlock()
    value = block.get_default()
    assert list(value["products"]) == []
    value["selection"] = "rule"
    assert block.clean(value)["selection"] == "rule"
    # A slot added then left empty is dropped, not refused.
    value = block.to_python({"selection": "rule", "products": [None], "limit": 4})
    cleaned = block.clean(value)
    assert list(cleaned["products"]) == []
    assert block.get_prep_value(cleaned)["products"] == []


def test_a_rule_spreads_its_selection_over_the_shops():
    """Issue 17, item 6: one shop with many products no longer fills the whole selection."""
    florists = Sector.objects.get(slug="fleuriste")
    others = [ShopFactory(name=f"Fleuriste {number}") for number in range(3)]
    for shop in others:
        ProductFactory(title=f"Rose de {shop.name}", shop=shop, sector=florists)
    # The big shop's products are the newest: newest first alone would show only them.
    big = ShopFactory(name="Grande fleuristerie")
    for number in range(10):
        ProductFactory(title=f"Bouquet n° {number}", shop=big, sector=florists)
    chosen = queries.products_by_rule(sector=florists, limit=6)
    shops = [product.shop for product in chosen]
    assert len(chosen) == 6
    assert set(others) <= set(shops)  # every shop has its turn before a second product
    assert shops.count(big) == 3
    # Once every shop has had its turn, the rest still fills the selection.
    assert len(queries.products_by_rule(sector=florists, limit=13)) == 13
