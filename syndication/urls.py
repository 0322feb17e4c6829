"""Addresses outside the language prefix: short links, which newspapers print and must never
change; /g/<slug> follows the reader's language."""

from django.urls import path

from . import views

urlpatterns = [
    path("g/<slug:slug>", views.short_link, name="short_link"),
    path("g/<slug:slug>/<slug:partner>", views.short_link, name="tracked_short_link"),
]
