"""Which pages newspapers may link to and embed, and how to find one from a public URL."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.models import Locale, Page, Site

from campaigns.models import CampaignPage, SeasonalGuidePage

EMBEDDABLE = (SeasonalGuidePage, CampaignPage)


def in_active_language(page):
    """The live translation of `page` in the active language, else the page itself."""
    translated = (
        page.get_translations(inclusive=True)
        .live()
        .filter(locale=Locale.get_active())
        .specific()
        .first()
    )
    return translated or page


def embeddable(page) -> bool:
    return page is not None and page.live and isinstance(page.specific, EMBEDDABLE)


def page_from_url(url: str, request):
    """The guide or campaign a public URL of this site leads to, or None.

    Understands page addresses (/fr/guides/noel/), permalinks (/fr/guide/12/) and short
    links (/g/noel), so a newspaper can paste any of them."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.path:
        return None
    if parts.netloc and parts.netloc not in our_hosts(request):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    page = None
    if match.url_name == "short_link" or match.url_name == "tracked_short_link":
        from .models import ShortLink

        link = ShortLink.objects.filter(slug=match.kwargs["slug"]).select_related("page").first()
        page = link.page if link else None
    elif match.view_name == "campaigns:guide_permalink":
        page = Page.objects.filter(pk=match.kwargs["pk"]).first()
    else:
        page = _page_at_path(parts.path, request)
    if page is None:
        return None
    page = page.specific
    return page if embeddable(page) else None


def our_hosts(request) -> set[str]:
    """The host the request came to and every site's own, as canonical URLs name them."""
    hosts = {request.get_host()}
    for hostname, port in Site.objects.values_list("hostname", "port"):
        hosts |= {hostname, f"{hostname}:{port}"}
    return hosts


def _page_at_path(path: str, request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    components = [part for part in path.split("/") if part]
    language = components[0] if components else ""
    if language not in dict(translation.trans_real.get_languages()):
        return None
    with translation.override(language):
        root = site.root_page.localized.specific
        try:
            page, _args, _kwargs = root.route(request, components[1:])
        except Exception:  # Http404 and friends: not a page of ours
            return None
    return page
