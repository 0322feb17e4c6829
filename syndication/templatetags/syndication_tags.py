"""Tags editorial pages use to advertise their oEmbed endpoint, feeds and embed snippets."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ..embed_code import embed_code

register = template.Library()


@register.simple_tag(takes_context=True)
def oembed_discovery(context, page):
    """<link> elements that let a newspaper's CMS embed this page from its URL alone."""
    request = context["request"]
    url = page.get_full_url(request)
    links = []
    for kind in ("json", "xml"):
        endpoint = request.build_absolute_uri(
            reverse("syndication:oembed") + "?" + urlencode({"url": url, "format": kind})
        )
        links.append(
            format_html(
                '<link rel="alternate" type="{}" href="{}" title="{}">',
                f"application/{kind}+oembed" if kind == "json" else "text/xml+oembed",
                endpoint,
                page.title,
            )
        )
    return format_html("{}\n  {}", *links)


@register.inclusion_tag("syndication/embed_snippet.html", takes_context=True)
def embed_snippet(context, page, kind):
    """The code a newspaper copies to embed this page's widget (`kind`: "guide", "campaign")."""
    return {"code": embed_code(context["request"], page), "field_id": f"embed-{kind}-{page.pk}"}


@register.simple_tag(takes_context=True)
def absolute(context, path):
    """A full address: links in a widget leave the newspaper's page for the portal."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def short_link_for(page):
    """The short link of a page or of its source-language original, or None."""
    from ..models import ShortLink

    return (
        ShortLink.objects.filter(page__translation_key=page.translation_key)
        .order_by("created_at")
        .first()
    )


@register.simple_tag
def feed_links(kind, slug=""):
    """<link> elements to a page's RSS and Atom feeds: guides, campaigns, a town's or a sector's
    new shops."""
    names = {
        "guides": "guides",
        "campaigns": "campaigns",
        "town": "town_shops",
        "sector": "sector_shops",
    }
    args = [slug] if slug else []
    rss = reverse(f"syndication:{names[kind]}_rss", args=args)
    atom = reverse(f"syndication:{names[kind]}_atom", args=args)
    return format_html(
        '<link rel="alternate" type="application/rss+xml" href="{}" title="RSS">\n  '
        '<link rel="alternate" type="application/atom+xml" href="{}" title="Atom">',
        rss,
        atom,
    )
