"""Admin views of the site navigation (one per language, translated with wagtail-localize)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteNavigation


class SiteNavigationViewSet(SnippetViewSet):
    model = SiteNavigation
    icon = "list-ul"
    menu_label = _("Menus et pied de page")
    add_to_settings_menu = True
    list_display = ["__str__", "locale"]
