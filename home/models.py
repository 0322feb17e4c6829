"""The home page and the site-wide navigation (menus and footer) the communications team edits."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from campaigns import queries as editorial
from campaigns.models import SharedPageMixin
from search.towns import town_choices

from .queries import home_figures


class HomePage(SharedPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    search_placeholder = models.CharField(
        _("texte d'exemple du champ de recherche"),
        max_length=120,
        blank=True,
        default="jouets en bois, fleuriste, librairie…",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("search_placeholder")]
    promote_panels = SharedPageMixin.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignIndexPage",
        "campaigns.TownIndexPage",
        "campaigns.GuideIndexPage",
        "campaigns.SectorIndexPage",
    ]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_figures())
        context.update(
            campaign=editorial.current_campaign(self.locale),
            towns=editorial.featured_towns(self.locale),
            search_towns=town_choices(),
            sectors=editorial.sector_pages(self.locale),
            guides=editorial.latest_guides(self.locale),
        )
        return context

    def route(self, request, path_components):
        """The page at this address in one lookup by URL path, rather than Wagtail's query per
        level of the tree (a guide sits three levels down). No page type of the portal routes
        its own sub-paths, so the page found is the one the walk would reach; an address that
        matches no page still goes through the walk, which answers 404.
        """
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            found = Page.objects.filter(url_path=url_path).values_list("pk", "content_type").first()
            if found is not None:
                pk, content_type = found
                model = ContentType.objects.get_for_id(content_type).model_class()
                return model.objects.get(pk=pk).route(request, [])
        return super().route(request, path_components)

    def get_share_image(self):
        campaign = editorial.current_campaign(self.locale)
        return self.share_image or (campaign and campaign.get_share_image())


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    label = blocks.CharBlock(
        label=_("libellé"), required=False, help_text=_("Le titre de la page si vide.")
    )

    class Meta:
        icon = "link"
        label = _("Lien")


class SiteNavigation(TranslatableMixin, ClusterableModel):
    """The main menu and the footer, one per language (translated with wagtail-localize)."""

    main_menu = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("menu principal"))
    footer_links = StreamField(
        [("link", LinkBlock())], blank=True, verbose_name=_("liens du pied de page")
    )
    footer_text = RichTextField(
        _("texte du pied de page"), blank=True, features=["bold", "italic", "link"]
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_links"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation du site")
        verbose_name_plural = _("navigation du site")

    def __str__(self):
        return str(_("Navigation du site ({language})").format(language=self.locale))
