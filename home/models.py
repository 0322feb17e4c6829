"""The home page and the site-wide settings the communications team edits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .queries import home_figures


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    search_placeholder = models.CharField(
        _("texte d'exemple du champ de recherche"),
        max_length=120,
        blank=True,
        default="jouets en bois, fleuriste, librairie…",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("search_placeholder")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_figures())
        return context
