"""Short links, the widgets newspapers frame, and the oEmbed endpoint. Thin: the logic is in
links.py, pages.py, visits.py and widgets.py.

Widgets are the only views other sites may frame (`@xframe_options_exempt`); they set no cookie
(no session, no CSRF token: their one form is a GET search) and use static files only.
"""

from xml.etree import ElementTree

from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from campaigns.models import CampaignPage, SeasonalGuidePage
from search.rate_limits import count_search_request, refused
from search.service import shared_keys

from . import widgets
from .embed_code import embed_code
from .links import with_tracking
from .models import Partner, ShortLink
from .pages import in_active_language, page_from_url
from .visits import record_visit

OEMBED_WIDTH = 600
OEMBED_HEIGHT = 520


@require_safe
def short_link(request, slug, partner=None):
    """A short link, or a newspaper's tracked link; a partner slug nobody registered yet still
    leads to the page, its visit counted under "unknown partner"."""
    link = get_object_or_404(ShortLink.objects.select_related("page"), slug=slug)
    tracked = Partner.objects.filter(slug=partner).first() if partner else None
    page = link.page.specific
    if not page.live:
        raise Http404
    target = in_active_language(page)
    url = target.get_url(request)
    if url is None:
        raise Http404
    if request.method == "GET":  # link checkers send HEAD: not a visit
        record_visit(
            page.pk, tracked.pk if tracked else None, unknown_partner=bool(partner and not tracked)
        )
    if partner:
        url = with_tracking(url, tracked.slug if tracked else partner[:60], link.slug)
    return HttpResponseRedirect(url)


def _widget(request, template, context):
    response = render(request, template, context)
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
@xframe_options_exempt
def guide_widget(request, pk):
    guide = get_object_or_404(SeasonalGuidePage.objects.live().public(), pk=pk)
    guide = in_active_language(guide)
    return _widget(request, "syndication/widgets/guide.html", widgets.guide_widget(guide))


@require_safe
@xframe_options_exempt
def campaign_widget(request, pk):
    campaign = get_object_or_404(CampaignPage.objects.live().public(), pk=pk)
    campaign = in_active_language(campaign)
    if campaign.status == "upcoming":
        raise Http404
    return _widget(request, "syndication/widgets/campaign.html", widgets.campaign_widget(campaign))


@require_safe
@xframe_options_exempt
def search_widget(request):
    context = widgets.search_widget(
        request.GET,
        get_language(),
        admit=lambda: count_search_request(request, "search-widget", reads=shared_keys()),
    )
    response = _widget(request, "syndication/widgets/search.html", context)
    return refused(response) if context.get("refused") else response


def _size(request, name, default):
    value = request.GET.get(name, "")
    if not value:
        return default
    if not value.isdigit() or int(value) == 0:
        raise ValueError(name)
    # The specification: the embed must never exceed what the consumer asked for.
    return min(default, int(value))


@require_safe
@cache_control(public=True, max_age=3600)
def oembed(request):
    """https://oembed.com: a rich embed (our widget's iframe) for a guide or campaign URL."""
    response_format = request.GET.get("format", "json") or "json"
    if response_format not in ("json", "xml"):
        return HttpResponse(
            _("Format non pris en charge : json ou xml."), status=501, content_type="text/plain"
        )
    page = page_from_url(request.GET.get("url", ""), request)
    if page is None:
        return HttpResponse(
            _("Aucun guide ni aucune campagne à cette adresse."),
            status=404,
            content_type="text/plain",
        )
    try:
        width = _size(request, "maxwidth", OEMBED_WIDTH)
        height = _size(request, "maxheight", OEMBED_HEIGHT)
    except ValueError as error:
        return HttpResponse(
            _("%(name)s doit être un nombre entier de pixels.") % {"name": error},
            status=400,
            content_type="text/plain",
        )
    data = oembed_data(request, page, width, height)
    if response_format == "xml":
        return HttpResponse(oembed_xml(data), content_type="text/xml; charset=utf-8")
    return JsonResponse(data, content_type="application/json; charset=utf-8")


def oembed_data(request, page, width, height) -> dict:
    html = embed_code(request, page, width, height)
    return {
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": "Local d'abord !",
        "provider_url": request.build_absolute_uri("/"),
        "cache_age": 3600,
        "html": str(html),
        "width": width,
        "height": height,
    }


def oembed_xml(data: dict) -> bytes:
    root = ElementTree.Element("oembed")
    for key, value in data.items():
        ElementTree.SubElement(root, key).text = str(value)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
