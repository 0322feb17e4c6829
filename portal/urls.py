"""Every URL of the portal: admin, health, APIs, then the language-prefixed site."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import LocalisedSitemap

from .favicon import favicon
from .health import healthz

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalisedSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("shops.api_urls")),
    path("api/", include("search.api_urls")),
    path("", include("syndication.urls")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("shops.urls")),
    path("", include("search.urls")),
    path("", include("campaigns.urls")),
    path("", include("merchants.urls")),
    path("", include("syndication.site_urls")),
    path("", include("opendata.site_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A database outage answers 503 with templates/503.html (portal/errors.py).
handler500 = "portal.errors.server_error"
