"""Filters for numbers people read: `{{ product.price|price }}`, `{{ town.population|number }}`."""

from django import template

from home.formatting import format_number, format_price

register = template.Library()


@register.filter
def price(value):
    return format_price(value)


@register.filter
def number(value):
    return format_number(value)
