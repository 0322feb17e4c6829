"""Registrations of the home app in the Wagtail admin: the site navigation snippet."""

from wagtail.snippets.models import register_snippet

from .viewsets import SiteNavigationViewSet

register_snippet(SiteNavigationViewSet)
