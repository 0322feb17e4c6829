"""Campaigns ("Noël 2026 : achetez local !"): dated pages the home page shows while they run."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import CampaignBodyBlock
from .base import INTRO_FEATURES, SectionIndexPage, SharedPageMixin, hero_image_field


class CampaignIndexPage(SectionIndexPage):
    template = SectionIndexPage.template  # Wagtail would derive one per page type
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("index des campagnes")


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("À venir")
    RUNNING = "running", _("En cours")
    FINISHED = "finished", _("Terminée")


class CampaignPage(SharedPageMixin, Page):
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"))
    hero_image = hero_image_field()
    intro = RichTextField(_("accroche"), blank=True, features=INTRO_FEATURES)
    call_to_action_label = models.CharField(
        _("texte du bouton d'action"), max_length=80, blank=True
    )
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page du bouton d'action"),
    )
    call_to_action_url = models.URLField(_("ou adresse du bouton d'action"), blank=True)
    body = StreamField(CampaignBodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("call_to_action_label"),
                FieldPanel("call_to_action_page"),
                FieldPanel("call_to_action_url"),
            ],
            heading=_("Appel à l'action"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = SharedPageMixin.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list = []
    template = "campaigns/campaign_page.html"

    class Meta:
        verbose_name = _("campagne")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin doit suivre le début.")})

    def status_on(self, day) -> str:
        if day < self.start_date:
            return CampaignStatus.UPCOMING
        if day > self.end_date:
            return CampaignStatus.FINISHED
        return CampaignStatus.RUNNING

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def is_finished(self) -> bool:
        return self.status == CampaignStatus.FINISHED

    def serve(self, request, *args, **kwargs):
        # Published ahead of time, a campaign stays hidden until its first day; editors see it
        # in preview. Finished campaigns stay online (newspapers link to them), marked finished.
        if self.status == CampaignStatus.UPCOMING and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.status == CampaignStatus.UPCOMING:
            return []
        return super().get_sitemap_urls(request)

    @property
    def call_to_action_href(self) -> str:
        if self.call_to_action_page_id:
            return self.call_to_action_page.localized.url
        return self.call_to_action_url
