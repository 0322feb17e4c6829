"""Machine-readable documentation of the partner feed format (not language-prefixed)."""

from django.urls import path

from . import feed_docs

app_name = "shops_api"

urlpatterns = [
    path("feeds/native.schema.json", feed_docs.native_feed_schema, name="native-feed-schema"),
    path("feeds/openapi.json", feed_docs.native_feed_openapi, name="native-feed-openapi"),
]
