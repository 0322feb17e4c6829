"""JSON routes of the search app: search API and autocomplete (not language-prefixed)."""

app_name = "search_api"

urlpatterns: list = []
