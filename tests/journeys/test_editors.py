"""The communications editor's and the town editor's day in the Wagtail admin (issue 17,
items 1 to 8), walked by pointer in Chromium at a phone's and a desktop's size, with the
admin in French and in English.

The communications editor finds a shop by name, SIRET and town and a product by GTIN (hidden
ones included) and corrects the shop (the team may view and change shops and products, never
add or delete them), then builds a guide with the product chooser (shop, town and price
on each row, filtered by town), looks at it in the live preview panel, publishes it and sends
it for translation: the English site does not show it until its translation is published,
then shows it in English. The town editor edits their own town's page and sees no other.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from campaigns.models import GuideIndexPage, SeasonalGuidePage, TownPage
from campaigns.permissions import ensure_communications_group, ensure_town_editor_group
from campaigns.structure import ensure_sections
from campaigns.translation import translate
from home.site_setup import ensure_site
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Shop

from .conftest import screenshot

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "mot-de-passe-du-parcours"
BOURGES, CHARTRES = "18033", "28085"

# The admin's words the journey clicks, in each admin language.
WORDS = {
    "fr": {
        "save": "Enregistrer",
        "save_draft": "Enregistrer le brouillon",
        "more": "Plus d'actions",
        "publish": "Publier",
        "preview": "Aperçu",
        "town": "Commune",
        "submit": "Soumettre",
        "english": "Anglais",
        "insert": "Insérer un bloc",
        "product": "Produit",
        "translate": "Traduire",
    },
    "en": {
        "save": "Save",
        "save_draft": "Save draft",
        "more": "More actions",
        "publish": "Publish",
        "preview": "Preview",
        "town": "Town",
        "submit": "Submit",
        "english": "English",
        "insert": "Insert a block",
        "product": "Product",
        "translate": "Translate",
    },
}


@pytest.fixture
def catalogue(db):
    cave = ShopFactory(name="La Cave du Berry", siret="73282932000074", town=town(BOURGES))
    hidden = ShopFactory(name="Cave des Coteaux", is_hidden=True, town=town(CHARTRES))
    forestines = ProductFactory(title="Forestines de Bourges", shop=cave, price="12.50")
    ProductFactory(title="Forestines de Bourges", shop=hidden, price="9.90")
    other = ShopFactory(name="Douceurs de Beauce", town=town(CHARTRES))
    ProductFactory(title="Forestines de Bourges", shop=other, price="8.00")
    ProductFactory(title="Miel caché", gtin="3760012345678", shop=cave, is_hidden=True)
    return {"cave": cave, "hidden": hidden, "forestines": forestines}


@pytest.fixture
def site(db):
    home = ensure_site()
    return ensure_sections(home)


def make_editor(username, group, language):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def search_listing(page, base, path, query):
    page.goto(f"{base}{path}")
    box = page.locator("form.w-slim-header__search-form input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"\?.*q="))
    return page.locator("#listing-results")


def test_communications_editor_day(live_server, open_context, viewport, language, site, catalogue):
    words = WORDS[language]
    editor = make_editor("com", ensure_communications_group(), language)
    base = live_server.url
    errors = []
    page = open_context(viewport, language).new_page()
    page.on("response", lambda r: errors.append(r.url) if r.status >= 500 else None)
    log_in(page, base, editor.username)

    # Item 1: find shops by name, SIRET and town, hidden ones included; a product by GTIN.
    shops = "/admin/snippets/shops/shop/"
    expect(search_listing(page, base, shops, "Cave")).to_contain_text("Cave des Coteaux")
    expect(search_listing(page, base, shops, "73282932000074")).to_contain_text("La Cave du Berry")
    results = search_listing(page, base, shops, "cave chartres")
    expect(results).to_contain_text("Cave des Coteaux")
    expect(results).not_to_contain_text("La Cave du Berry")
    products = search_listing(page, base, "/admin/snippets/shops/product/", "3760012345678")
    expect(products).to_contain_text("Miel caché")
    screenshot(page, f"editors-{viewport}-{language}-products-by-gtin")

    # Correct the shop: the correction is kept.
    results = search_listing(page, base, shops, "73282932000074")
    results.get_by_role("link", name="La Cave du Berry").click()
    page.locator("#id_name").fill("La Cave du Berry (Bourges)")
    page.get_by_role("button", name=words["save"], exact=True).click()
    page.wait_for_url(re.compile(r"/admin/snippets/shops/shop/(\?.*)?$"))
    assert Shop.objects.get(pk=catalogue["cave"].pk).name == "La Cave du Berry (Bourges)"

    # Item 5: the communications editor builds a guide with the product chooser, its rows
    # told apart and filtered by town.
    page = open_context(viewport, language).new_page()
    page.on("response", lambda r: errors.append(r.url) if r.status >= 500 else None)
    log_in(page, base, editor.username)
    guides = site[GuideIndexPage]
    page.goto(f"{base}/admin/pages/add/campaigns/seasonalguidepage/{guides.pk}/")
    page.locator("#id_title").fill("Douceurs du Berry")
    page.locator("#id_season").fill("Hiver")
    page.locator("[data-streamfield-stream-container] + *, .c-sf-add-button").first.click()
    page.get_by_role("option", name=words["product"]).or_(
        page.get_by_role("button", name=words["product"])
    ).first.click()
    page.get_by_role(
        "button", name=re.compile(r"(Choisir|Choose) (un )?(produit|product)", re.I)
    ).first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_label(words["town"]).select_option(label="Bourges (18)")
    modal.locator("input[name=q]").fill("forestine")
    rows = modal.locator("table tbody tr", has_text="Forestines de Bourges")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("La Cave du Berry (Bourges)")
    expect(rows.first).to_contain_text(re.compile(r"12[,.]50 €"))
    screenshot(page, f"editors-{viewport}-{language}-product-chooser")
    rows.first.get_by_role("link", name="Forestines de Bourges").click()
    expect(modal).to_be_hidden()
    # The editor's autosave may be creating the page right now: a click on "save draft" at the
    # same moment posts a second creation, which Wagtail answers with a 500 (slug already used,
    # raised after the form's validation). Known and reported; the journey lets autosave end.
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.get_by_role("button", name=words["save_draft"]).click()
    guide = SeasonalGuidePage.objects.get(title="Douceurs du Berry")

    # Item 2: the live preview panel shows the page.
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("iframe[id*=preview]")
    expect(frame.get_by_text("Forestines de Bourges").first).to_be_visible(timeout=15_000)
    screenshot(page, f"editors-{viewport}-{language}-preview-panel")
    page.locator("[data-side-panel-toggle=preview]").click()  # closed again, to publish

    # Publish.
    page.get_by_role("button", name=words["more"]).click()
    page.get_by_role("button", name=words["publish"], exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    guide.refresh_from_db()
    assert guide.live

    # Item 4: sent for translation, the guide is not on the English site yet.
    page.goto(f"{base}/admin/localize/submit/page/{guide.pk}/")
    page.get_by_label(words["english"]).check()
    page.get_by_role("button", name=words["submit"]).click()
    page.wait_for_load_state("networkidle")
    english = Locale.objects.get(language_code="en")
    draft = guide.get_translation(english)
    assert not draft.live
    visitor = open_context(viewport, "en").new_page()
    english_index = guides.get_translation(english)
    assert visitor.goto(f"{base}{english_index.url}douceurs-du-berry/").status == 404
    visitor.goto(f"{base}{english_index.url}")
    expect(visitor.locator("main")).not_to_contain_text("Douceurs du Berry")

    # Its translation published, the English site shows it, in English.
    translated = translate(guide, "en", {"Douceurs du Berry": "Berry sweets", "Hiver": "Winter"})
    visitor.goto(f"{base}{english_index.url}")
    expect(visitor.locator("main")).to_contain_text("Berry sweets")
    visitor.goto(f"{base}{translated.url}")
    expect(visitor.locator("h1")).to_contain_text("Berry sweets")
    screenshot(visitor, f"editors-{viewport}-{language}-english-guide")
    assert errors == []


def test_town_editor_edits_their_town_only(live_server, open_context, viewport, language, site):
    words = WORDS[language]
    tours = TownPage.objects.filter(town__insee_code="37261").first()
    if tours is None:
        from campaigns.models import TownIndexPage

        tours = TownPage(title="Tours", slug="tours", town=town("37261"))
        site[TownIndexPage].add_child(instance=tours)
    editor = make_editor("tours", ensure_town_editor_group(tours), language)
    base = live_server.url
    page = open_context(viewport, language).new_page()
    log_in(page, base, editor.username)
    page.goto(f"{base}/admin/pages/{tours.pk}/edit/")
    page.locator("#id_title").fill("Tours, ville de commerces")
    with page.expect_navigation():
        page.get_by_role("button", name=words["save_draft"]).click()
    tours.refresh_from_db()
    assert tours.get_latest_revision().as_object().title == "Tours, ville de commerces"
    screenshot(page, f"editors-{viewport}-{language}-town-editor")
    guides = site[GuideIndexPage]
    assert page.goto(f"{base}/admin/pages/{guides.pk}/edit/").url.endswith("/admin/")


FEATURED_PRODUCTS = {"fr": "Produits à la une", "en": "Featured products"}
BY_RULE = {"fr": "Selon une règle", "en": "By rule"}


def test_communications_editor_features_products_by_rule(
    live_server, open_context, viewport, language, site
):
    """Items 3 and 6: a rule block publishes as first shown and shares its selection out."""
    from campaigns.factories import CampaignPageFactory
    from campaigns.models import CampaignIndexPage

    words = WORDS[language]
    big = ShopFactory(name="Grande Fleuristerie")
    others = [ShopFactory(name=f"Fleuriste {name}") for name in ("Alix", "Basile", "Camille")]
    for shop in others:
        ProductFactory(title=f"Rose de {shop.name}", shop=shop)
    for number in range(6):  # the newest products, all from one shop
        ProductFactory(title=f"Bouquet n° {number}", shop=big)
    campaign = CampaignPageFactory(parent=site[CampaignIndexPage], title="Fleurs d'hiver")
    editor = make_editor("com", ensure_communications_group(), language)
    base = live_server.url
    page = open_context(viewport, language).new_page()
    log_in(page, base, editor.username)
    page.goto(f"{base}/admin/pages/{campaign.pk}/edit/")
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name=FEATURED_PRODUCTS[language]).or_(
        page.get_by_role("button", name=FEATURED_PRODUCTS[language])
    ).first.click()
    page.locator("select[name$='-value-selection']").select_option(label=BY_RULE[language])
    expect(
        page.get_by_text(re.compile("un par commerce à tour de rôle|one per shop in turn"))
    ).to_be_visible()
    page.locator("input[name$='-value-limit']").fill("4")
    screenshot(page, f"editors-{viewport}-{language}-rule-block")
    page.get_by_role("button", name=words["more"]).click()
    page.get_by_role("button", name=words["publish"], exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    campaign.refresh_from_db()
    assert campaign.live, "the rule block was refused"

    visitor = open_context(viewport, "fr").new_page()
    visitor.goto(f"{base}{campaign.url}")
    cards = visitor.locator(".block--products li")
    expect(cards).to_have_count(4)
    text = visitor.locator(".block--products").inner_text()
    assert all(f"Rose de {shop.name}" in text for shop in others)
    assert text.count("Bouquet n°") == 1
    screenshot(visitor, f"editors-{viewport}-{language}-rule-block-public")
