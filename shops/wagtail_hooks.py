"""Registrations of the catalogue in the Wagtail admin."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import admin_views
from .admin_ui import ImportWrittenPolicy
from .models import ImportRun, MergeProposal, QuarantinedRecord
from .viewsets import CatalogueGroup, ImportsGroup

for model in (ImportRun, QuarantinedRecord, MergeProposal):
    register_permission_policy(model, ImportWrittenPolicy(model))
register_snippet(CatalogueGroup)
register_snippet(ImportsGroup)


@hooks.register("register_admin_urls")
def register_import_health_urls():
    return [
        path("imports/", admin_views.import_health, name="shops_import_health"),
        path("imports/<int:pk>/run/", admin_views.run_now, name="shops_run_now"),
        path(
            "imports/runs/<int:pk>/confirm/",
            admin_views.confirm_deactivations,
            name="shops_confirm_deactivations",
        ),
        path("imports/merges/<int:pk>/", admin_views.decide_merge, name="shops_decide_merge"),
    ]


class ImportHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MANAGE_IMPORTS)


@hooks.register("register_admin_menu_item")
def register_import_health_menu_item():
    return ImportHealthMenuItem(
        _("Santé des imports"), reverse("shops_import_health"), icon_name="pick", order=205
    )


@hooks.register("insert_global_admin_css")
def catalogue_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("shops/admin.css"))
