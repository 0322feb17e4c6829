"""Featured towns: a page per town with its shops, partner marketplaces, map and pickup tips."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import queries
from .base import BODY_FEATURES, INTRO_FEATURES, SectionIndexPage, SharedPageMixin, hero_image_field


class TownIndexPage(SectionIndexPage):
    template = SectionIndexPage.template  # Wagtail would derive one per page type
    subpage_types = ["campaigns.TownPage"]

    class Meta:
        verbose_name = _("index des villes")


class TownPage(SharedPageMixin, Page):
    town = models.ForeignKey(
        "shops.Town", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    hero_image = hero_image_field()
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    pickup_information = RichTextField(
        _("informations pratiques pour le retrait"),
        blank=True,
        features=BODY_FEATURES,
        help_text=_("Stationnement, horaires des halles, points de retrait…"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("town"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("pickup_information"),
    ]
    promote_panels = SharedPageMixin.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["campaigns.TownIndexPage"]
    subpage_types: list = []
    template = "campaigns/town_page.html"
    card_kind = "town"

    class Meta:
        verbose_name = _("page de ville")

    def clean(self):
        super().clean()
        # One page per town and language (a database constraint cannot span Wagtail's page table).
        others = type(self).objects.filter(town_id=self.town_id, locale_id=self.locale_id)
        if self.town_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"town": _("Cette commune a déjà sa page dans cette langue.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sector = request.GET.get("secteur", "")
        click_and_collect = request.GET.get("retrait") == "1"
        shops = queries.town_shops(
            self.town, sector_slug=sector, click_and_collect=click_and_collect
        )
        context.update(
            shops_page=queries.paginate(shops, request.GET.get("page")),
            sector_choices=[
                (sector.slug, sector.label, sector.shop_count)
                for sector in queries.town_sector_facets(self.town)
            ],
            selected_sector=sector,
            click_and_collect=click_and_collect,
            marketplaces=queries.town_marketplaces(self.town),
            map_points=queries.map_points(queries.shops_matching(town=self.town)),
        )
        return context
