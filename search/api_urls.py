"""JSON routes of the search app: search API and autocomplete (not language-prefixed)."""

from django.urls import path

from . import api

app_name = "search_api"

urlpatterns = [
    path("search/", api.search_api, name="search"),
    path("search/openapi.json", api.openapi_api, name="openapi"),
    path("autocomplete/", api.autocomplete_api, name="autocomplete"),
]
