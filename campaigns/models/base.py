"""What every editorial page shares: a share image for social cards, and the section indexes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

INTRO_FEATURES = ["bold", "italic", "link"]
BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class SharedPageMixin(models.Model):
    """Open Graph and Twitter cards use this image; the page's own hero image otherwise."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image de partage"),
        help_text=_("Montrée quand la page est partagée (1200 × 630 px conseillé)."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Référencement")),
        FieldPanel("share_image"),
    ]

    class Meta:
        abstract = True

    def get_share_image(self):
        return self.share_image or getattr(self, "hero_image", None)


class SectionIndexPage(SharedPageMixin, Page):
    """A page that only introduces and lists its children (campaigns, towns, guides, sectors)."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    template = "campaigns/section_index_page.html"

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from ..queries import section_children

        context = super().get_context(request, *args, **kwargs)
        context["children"] = section_children(self)
        return context


def hero_image_field():
    """The main image of an editorial page: optional, kept if the image is deleted."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image principale"),
    )
