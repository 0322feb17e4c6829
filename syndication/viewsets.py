"""Admin screens for newspapers' partners and short links."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner, ShortLink


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "slug"]


class ShortLinkViewSet(SnippetViewSet):
    model = ShortLink
    icon = "link"
    list_display = ["__str__", "page", "created_at"]
    search_fields = ["slug"]


class PressViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Presse et partenaires")
    menu_icon = "link"
    menu_order = 290
    items = (PartnerViewSet, ShortLinkViewSet)
