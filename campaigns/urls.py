"""Language-prefixed routes of the editorial app (filled by the editorial pages work)."""

urlpatterns: list = []
