"""Template tags of the site's frame: navigation, breadcrumbs, language alternates, JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home import navigation, structured_data

register = template.Library()

# Same escaping as Django's json_script: the JSON can never close its <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def once_per_request(request, name, compute):
    """The frame asks for the menus and the language versions twice (head and header, header
    and footer), in separate cached fragments: computed at most once for a request."""
    if request is None:
        return compute()
    found = getattr(request, name, None)
    if found is None:
        found = compute()
        setattr(request, name, found)
    return found


@register.simple_tag(takes_context=True)
def site_navigation(context):
    request = context.get("request")
    return once_per_request(
        request, "_site_navigation", lambda: navigation.site_navigation(request)
    )


@register.simple_tag(takes_context=True)
def language_alternates(context):
    request = context.get("request")
    if request is None:
        return []
    return once_per_request(
        request,
        "_language_alternates",
        lambda: navigation.language_alternates(request, context.get("page")),
    )


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context.get("request")
    crumbs = navigation.breadcrumbs(page, request)
    return {
        "crumbs": crumbs,
        "schema": structured_data.breadcrumb_schema(crumbs, request) if crumbs else None,
        "request": request,
    }


@register.simple_tag(takes_context=True)
def shop_json_ld(context, shop):
    return json_ld(structured_data.shop_schema(shop, context.get("request")))


@register.simple_tag(takes_context=True)
def product_json_ld(context, product):
    return json_ld(structured_data.product_schema(product, context.get("request")))


@register.simple_tag(takes_context=True)
def guide_json_ld(context, name, entries):
    return json_ld(structured_data.item_list_schema(name, entries, context.get("request")))


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with some parameters changed (None or "" removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def search_url():
    """The search page of the search app; its literal address until that app names its route."""
    from django.urls import NoReverseMatch, reverse
    from django.utils.translation import get_language

    try:
        return reverse("search:search")
    except NoReverseMatch:
        return "/en/search/" if (get_language() or "fr").startswith("en") else "/fr/recherche/"


@register.simple_tag(takes_context=True)
def facet_url(context, param, value):
    """The current listing narrowed to `param=value` (empty value: the facet cleared), page 1."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value:
        params[param] = value
    else:
        params.pop(param, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_url(context, number):
    return query_string(context, page=number if number != 1 else None)
