"""Language-prefixed routes of the search app: the search page."""

app_name = "search"

urlpatterns: list = []
