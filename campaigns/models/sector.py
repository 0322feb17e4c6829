"""One page per sector across the region: its shops and products, narrowed by town."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import queries
from .base import INTRO_FEATURES, SectionIndexPage, SharedPageMixin


class SectorIndexPage(SectionIndexPage):
    template = SectionIndexPage.template
    subpage_types = ["campaigns.SectorPage"]

    class Meta:
        verbose_name = _("index des secteurs")


class SectorPage(SharedPageMixin, Page):
    sector = models.ForeignKey(
        "shops.Sector", on_delete=models.PROTECT, related_name="+", verbose_name=_("secteur")
    )
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("sector"), FieldPanel("intro")]
    promote_panels = SharedPageMixin.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["campaigns.SectorIndexPage"]
    subpage_types: list = []
    template = "campaigns/sector_page.html"

    class Meta:
        verbose_name = _("page de secteur")

    def clean(self):
        super().clean()
        # One page per sector and language (a database constraint cannot span Wagtail's page table).
        others = type(self).objects.filter(sector_id=self.sector_id, locale_id=self.locale_id)
        if self.sector_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"sector": _("Ce secteur a déjà sa page dans cette langue.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        town_code = request.GET.get("commune", "")
        shops = queries.sector_shops(self.sector, town_code=town_code)
        context.update(
            shops_page=queries.paginate(shops, request.GET.get("page")),
            products=queries.sector_products(self.sector, town_code=town_code),
            town_choices=[
                (town.insee_code, town.name, town.shop_count)
                for town in queries.sector_town_facets(self.sector)
            ],
            selected_town=town_code,
        )
        return context
