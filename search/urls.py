"""Language-prefixed routes of the search app: the search page."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "search"

urlpatterns = [path(_("recherche/"), views.search_page, name="search")]
