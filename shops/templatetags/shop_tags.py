"""Template filters of the public shop pages."""

from django import template

from shops.opening_hours import localised_hours

register = template.Library()


@register.filter(name="localised_hours")
def localised_hours_filter(text: str) -> str:
    """A shop's stored opening hours with the day names in the visitor's language."""
    return localised_hours(text)


@register.filter
def phone_uri(number: str) -> str:
    """A phone number as typed ("02 47 00 00 00") in the digits a tel: link dials (RFC 3966)."""
    return "".join(char for char in number if char.isdigit() or char == "+")
