"""The dashboard's admin URLs and its menu item, shown to those allowed to open it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path("tableau-de-bord/", views.DashboardView.as_view(), name="reporting_dashboard"),
        path("tableau-de-bord/<slug:key>.csv", views.export_csv, name="reporting_export"),
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Tableau de bord"), reverse("reporting_dashboard"), icon_name="view", order=150
    )
