"""A newspaper's day, by pointer: copy the embed code from the guide page, paste it into an
article served from another origin, read it on a phone, follow a tracked link with a partner
slug nobody registered yet, and find the visit in the region's dashboard."""

import pytest

from tests.httpserver import Reply, serve
from tests.journeys.conftest import screenshot, serious_violations
from tests.journeys.post_migrate import restore_post_migrate_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PARTNER = "la-gazette-du-berry"
PRESS = {"fr": "Pour la presse : lien court et intégration", "en": "For the press"}
PRICES = ["1249.90", "34.50", "9.90", "129.00"]
UNKNOWN_PARTNER_ROW = "Partenaire inconnu"


@pytest.fixture
def guide(db):
    from wagtail.models import Locale

    from campaigns.factories import SeasonalGuidePageFactory
    from campaigns.models import GuideIndexPage
    from campaigns.structure import ensure_sections
    from home.site_setup import ensure_site
    from shops.factories import ProductFactory, ShopFactory, town
    from shops.models import Sector

    restore_post_migrate_data()
    sections = ensure_sections(ensure_site())
    toys = Sector.objects.get(slug="jouets")
    # Shop names of several lengths, so that on a phone the meta line wraps at various places.
    names = [
        "Atelier du jouet en bois",
        "Boutique des jouets et jeux de société",
        "La Cabane aux jouets du Berry",
        "Au Petit Cheval de bois et compagnie",
    ]
    products = [
        ProductFactory(
            shop=ShopFactory(town=town(), sectors=[toys], name=name),
            sector=toys,
            price=price,
            title=f"Coffret de construction en bois de Sologne {n}",
        )
        for n, (name, price) in enumerate(zip(names, PRICES, strict=True))
    ]
    selection = [("product", {"product": p, "note": ""}) for p in products]
    page = SeasonalGuidePageFactory(
        parent=sections[GuideIndexPage],
        title="Noël en Berry",
        slug="noel-berry",
        selection=selection,
    )
    page.save_revision().publish()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Christmas in Berry"
    english.save_revision().publish()
    return {"fr": page, "en": english.specific}


def article(embed_code: str, tracked_link: str) -> bytes:
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>La Gazette du Berry</title></head><body><main><h1>Nos idées cadeaux</h1>
<p>Notre sélection avec le portail de la Région.</p>
{embed_code}
<p><a href="{tracked_link}">Tout le guide sur Local d'abord !</a></p>
</main></body></html>""".encode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_newspaper_embeds_a_guide_and_its_readers_are_counted(
    live_server, open_context, guide, language, django_user_model
):
    from syndication.visits import visit_counts

    visit_counts.forget_pending()
    problems = []
    portal = live_server.url
    context = open_context("phone", language)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal)
    page = context.new_page()

    # Copy the embed code from the guide page, as a journalist does.
    guide = guide[language]
    page.goto(portal + guide.url)
    page.get_by_text(PRESS[language]).click()
    snippet = page.locator("textarea.embed-snippet")
    snippet.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("ControlOrMeta+C")
    code = page.evaluate("navigator.clipboard.readText()")
    assert code == snippet.input_value()
    assert 'style="border:0;max-width:100%"' in code
    problems += serious_violations(page)

    with serve(
        {
            "/article.html": [
                Reply(
                    article(code, f"{portal}/g/noel-berry/{NEW_PARTNER}"), content_type="text/html"
                )
            ]
        }
    ) as newspaper:
        assert newspaper.base_url != portal  # another origin: another port on the loopback
        reader = open_context("phone", language).new_page()
        reader.goto(newspaper.base_url + "/article.html")
        frame = reader.locator("iframe[data-ldab-widget]")
        inside = frame.content_frame
        inside.get_by_text("Coffret de construction en bois de Sologne 0").wait_for()
        # No grey frame around the widget.
        assert frame.evaluate("f => getComputedStyle(f).borderTopWidth") == "0px"
        # Each price with its € on one line, at a phone's width.
        prices = inside.locator(".ldab-widget__price")
        assert prices.count() == 4
        wrapped = inside.locator(".ldab-widget__meta:has(.ldab-widget__price)").evaluate_all(
            "metas => metas.filter(m => m.getClientRects()[0].height > 1.5 * "
            "parseFloat(getComputedStyle(m).lineHeight)).length"
        )
        assert wrapped, "no meta line wraps: the test would not see a price cut in two"
        for index in range(4):
            price = prices.nth(index)
            assert price.evaluate("p => p.getClientRects().length") == 1, price.inner_text()
            assert "€" in price.inner_text() and " " not in price.inner_text()
        screenshot(reader, f"newspaper-{language}-article-phone")

        # A reader follows the newspaper's tracked link: the partner is not registered yet.
        reader.get_by_role("link", name="Tout le guide sur Local d'abord !").click()
        reader.wait_for_load_state()
        assert reader.url.startswith(portal)
        assert f"utm_source={NEW_PARTNER}" in reader.url
        assert reader.locator("h1").inner_text() == guide.title

    # The beat moves visit counters to the database every minute.
    visit_counts.move_to_database()

    # The region's editor finds the visit in the dashboard, under "unknown partner".
    django_user_model.objects.create_superuser("region", "region@example.org", "mot-de-passe-42")
    admin = open_context("desktop", "fr").new_page()
    admin.goto(portal + "/admin/login/")
    admin.locator("#id_username").fill("region")
    admin.locator("#id_password").fill("mot-de-passe-42")
    admin.locator("button[type=submit]").click()
    admin.wait_for_url(portal + "/admin/")
    admin.goto(portal + "/admin/tableau-de-bord/")
    panel = admin.locator("section[aria-labelledby=panel-visites-journaux]")
    row = panel.locator("tr", has_text=UNKNOWN_PARTNER_ROW)
    assert row.locator("td").last.inner_text().strip() == "1"
    row.scroll_into_view_if_needed()
    screenshot(admin, f"newspaper-{language}-dashboard")
    assert problems == []
