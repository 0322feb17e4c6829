"""The page describing the open data, in each language."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("donnees-ouvertes/", views.open_data_page, name="page"),
]
