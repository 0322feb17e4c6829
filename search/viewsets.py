"""Admin of the search: the synonym groups editors maintain."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from shops.choosers import ManagersOnlyChooserViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    chooser_viewset_class = ManagersOnlyChooserViewSet
    icon = "search"
    menu_label = _("Synonymes de recherche")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["terms", "is_active", "note", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["terms", "note"]
    panels = [FieldPanel("terms"), FieldPanel("is_active"), FieldPanel("note")]
