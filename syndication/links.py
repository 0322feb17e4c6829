"""Short links: every published guide and campaign gets one, named after its first slug."""

from django.utils.http import urlencode

from .models import ShortLink


def ensure_short_link(page) -> ShortLink:
    """The page's short link; a new one takes the page's slug, or slug-2, slug-3… if taken.

    Only the source-language page gets one: /g/<slug> follows the visitor's language."""
    existing = ShortLink.objects.filter(page=page).order_by("created_at").first()
    if existing:
        return existing
    base = page.slug[:70]
    slug, number = base, 1
    while ShortLink.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return ShortLink.objects.create(slug=slug, page=page)


def with_tracking(url: str, partner_slug: str, campaign: str) -> str:
    params = {"utm_source": partner_slug, "utm_medium": "presse", "utm_campaign": campaign}
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
