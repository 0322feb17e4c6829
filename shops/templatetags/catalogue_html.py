"""Rendering a shop's or product's stored description: sanitised again at display time.

Descriptions come from partner feeds, merchants and editors, and some rows were stored before
every path sanitised them; cleaning on output with the same allowlist as the import
(shops/html.py) keeps a page safe whatever wrote the row.
"""

from django import template
from django.utils.safestring import mark_safe

from shops.html import sanitise_html

register = template.Library()


@register.filter
def sanitised_html(value: str) -> str:
    return mark_safe(sanitise_html(value))  # noqa: S308 - nh3 has just cleaned it
