"""The merchants' moderation queue in the Wagtail admin menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("commercants/", admin_views.queue, name="merchants_queue"),
        path("commercants/<int:pk>/", admin_views.detail, name="merchants_application"),
        path(
            "commercants/<int:pk>/<slug:decision>/",
            admin_views.decide,
            name="merchants_decide",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Inscriptions de commerçants"), reverse("merchants_queue"), icon_name="group", order=206
    )
