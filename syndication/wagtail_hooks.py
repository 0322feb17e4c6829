"""Registrations of the syndication app in the Wagtail admin."""

from wagtail.snippets.models import register_snippet

from .viewsets import PressViewSetGroup

register_snippet(PressViewSetGroup)
