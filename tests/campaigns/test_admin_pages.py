"""Editors create and publish each page type through the real admin views."""

import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    GuideIndexPage,
    SeasonalGuidePage,
    SectorIndexPage,
    SectorPage,
    TownIndexPage,
    TownPage,
)
from campaigns.structure import ensure_sections
from home.models import HomePage
from home.site_setup import ensure_site
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Sector


class AdminPageCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_site()
        cls.sections = ensure_sections(cls.home)

    def setUp(self):
        self.login()

    def publish(self, parent, model, data):
        self.assertCanCreate(parent, model, nested_form_data(data))
        page = model.objects.get(slug=data["slug"], locale=parent.locale)
        self.assertTrue(page.live)
        return page

    def test_page_tree_rules(self):
        self.assertAllowedSubpageTypes(
            HomePage, {CampaignIndexPage, TownIndexPage, GuideIndexPage, SectorIndexPage}
        )
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedParentPageTypes(TownPage, {TownIndexPage})
        self.assertCanNotCreateAt(HomePage, TownPage)

    def test_campaign_page(self):
        today = timezone.localdate()
        shop = ShopFactory()
        page = self.publish(
            self.sections[CampaignIndexPage],
            CampaignPage,
            {
                "title": "Noël 2026 : achetez local !",
                "slug": "noel-2026",
                "start_date": (today - datetime.timedelta(days=1)).isoformat(),
                "end_date": (today + datetime.timedelta(days=20)).isoformat(),
                "intro": rich_text("<p>Les cadeaux sont au coin de la rue.</p>"),
                "call_to_action_label": "",
                "call_to_action_url": "",
                "body": streamfield(
                    [
                        ("rich_text", rich_text("<p>Réservez, retirez.</p>")),
                        (
                            "featured_shops",
                            {"heading": "À la une", "shops": streamfield([("item", shop.pk)])},
                        ),
                    ]
                ),
            },
        )
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        self.assertContains(response, "Réservez, retirez.")
        self.assertContains(response, shop.name)

    def test_campaign_end_must_follow_start(self):
        data = nested_form_data(
            {
                "title": "À l'envers",
                "slug": "a-l-envers",
                "start_date": "2026-12-10",
                "end_date": "2026-12-01",
                "intro": rich_text(""),
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        parent = self.sections[CampaignIndexPage]
        response = self.client.post(f"/admin/pages/add/campaigns/campaignpage/{parent.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(CampaignPage.objects.filter(slug="a-l-envers").exists())

    def test_town_page(self):
        tours = town()
        ShopFactory(town=tours, name="Librairie du Vieux Tours")
        page = self.publish(
            self.sections[TownIndexPage],
            TownPage,
            {
                "title": "Tours",
                "slug": "tours",
                "town": tours.pk,
                "intro": rich_text("<p>Les commerces de Tours.</p>"),
                "pickup_information": rich_text("<p>Parking des Halles.</p>"),
            },
        )
        response = self.client.get(page.url)
        self.assertContains(response, "Librairie du Vieux Tours")
        self.assertContains(response, "Parking des Halles.")

    def test_seasonal_guide_page(self):
        product = ProductFactory(title="Puzzle des châteaux")
        page = self.publish(
            self.sections[GuideIndexPage],
            SeasonalGuidePage,
            {
                "title": "Idées cadeaux",
                "slug": "idees-cadeaux",
                "season": "Noël",
                "intro": rich_text("<p>Notre sélection.</p>"),
                "selection": streamfield(
                    [("product", {"product": product.pk, "note": "Pour les grands et les petits."})]
                ),
            },
        )
        response = self.client.get(page.url)
        self.assertContains(response, "Puzzle des châteaux")
        self.assertContains(response, "Pour les grands et les petits.")

    def test_sector_page(self):
        sector = Sector.objects.get(slug="jouets")
        page = self.publish(
            self.sections[SectorIndexPage],
            SectorPage,
            {
                "title": "Jouets",
                "slug": "jouets",
                "sector": sector.pk,
                "intro": rich_text("<p>Jouets et jeux.</p>"),
            },
        )
        self.assertPageIsRenderable(page)

    def test_guide_slug_change_leaves_a_redirect(self):
        guide = self.publish(
            self.sections[GuideIndexPage],
            SeasonalGuidePage,
            {
                "title": "Guide",
                "slug": "guide-noel",
                "season": "",
                "intro": rich_text(""),
                "selection": streamfield([]),
            },
        )
        old_url = guide.url
        data = nested_form_data(
            {
                "title": "Guide",
                "slug": "guide-de-noel",
                "season": "",
                "intro": rich_text(""),
                "selection": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        # Wagtail creates the redirect in a task run once the transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/pages/{guide.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        guide.refresh_from_db()
        self.assertEqual(guide.slug, "guide-de-noel")
        response = self.client.get(old_url)
        self.assertIn(response.status_code, (301, 302))
        self.assertEqual(response["Location"].rstrip("/"), guide.url.rstrip("/"))
        # The permanent address newspapers are given follows the guide wherever it goes.
        response = self.client.get(f"/fr/guide/{guide.pk}/")
        self.assertRedirects(response, guide.url, fetch_redirect_response=False)

    def test_index_pages_list_their_children(self):
        index = Page.objects.get(pk=self.sections[TownIndexPage].pk)
        self.assertPageIsRenderable(index.specific)
