"""Language-prefixed routes of the editorial app: the permanent address of each guide."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "campaigns"

urlpatterns = [
    path(_("guide/<int:pk>/"), views.guide_permalink, name="guide_permalink"),
]
