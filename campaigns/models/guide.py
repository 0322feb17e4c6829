"""Seasonal guides: an editor's selection of products and shops, for shoppers and newspapers.

Newspapers link to guides, so their address must keep working: renaming a guide's slug leaves a
redirect (Wagtail's automatic redirects) and each guide also answers at a permanent /guide/<id>/.
"""

from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import queries
from ..blocks import GuideSelectionBlock
from .base import INTRO_FEATURES, SectionIndexPage, SharedPageMixin, hero_image_field


class GuideIndexPage(SectionIndexPage):
    template = SectionIndexPage.template  # Wagtail would derive one per page type
    subpage_types = ["campaigns.SeasonalGuidePage"]

    class Meta:
        verbose_name = _("index des guides")


class SeasonalGuidePage(SharedPageMixin, Page):
    season = models.CharField(_("saison"), max_length=60, blank=True, help_text=_("ex. Noël 2026"))
    hero_image = hero_image_field()
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    selection = StreamField(GuideSelectionBlock(), blank=True, verbose_name=_("sélection"))

    content_panels = Page.content_panels + [
        FieldPanel("season"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("selection"),
    ]
    promote_panels = SharedPageMixin.promote_panels
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("selection"),
    ]
    parent_page_types = ["campaigns.GuideIndexPage"]
    subpage_types: list = []
    template = "campaigns/seasonal_guide_page.html"
    card_kind = "guide"

    class Meta:
        verbose_name = _("guide de saison")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the cards or the JSON-LD are rendered, not when cached fragments hold them.
        context["entries"] = SimpleLazyObject(partial(queries.guide_entries, self.selection))
        return context
