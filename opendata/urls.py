"""Stable, language-free addresses of the open-data files."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "donnees-ouvertes/annuaire-commerces.<str:extension>",
        views.directory_file,
        name="open_data_file",
    ),
]
