"""The search page: reads the form, calls the search service, renders what it found."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import service
from .query import MAX_PAGE, SearchQuery
from .rate_limits import count_search_request, refused
from .towns import town_choices

FACET_LEGENDS = {
    "type": (_("Type"), "type"),
    "town": (_("Commune"), "town"),
    "departement": (_("Département"), "departement"),
    "sector": (_("Secteur"), "sector"),
    "marketplace": (_("Place de marché"), "marketplace"),
    "click_and_collect": (_("Retrait en boutique"), "click_and_collect"),
}
SORT_CHOICES = [
    ("relevance", _("Pertinence")),
    ("distance", _("Distance")),
    ("price", _("Prix croissant")),
    ("-price", _("Prix décroissant")),
]
# Filters chosen from the facets that a new search from the box keeps.
KEPT_BY_THE_BOX = ("sector", "departement", "marketplace", "type", "click_and_collect")


def facet_blocks(outcome, query) -> list[dict]:
    selected = {
        "type": query.kind,
        "town": query.town,
        "departement": query.departement,
        "sector": query.sector,
        "marketplace": query.marketplace,
        "click_and_collect": "1" if query.click_and_collect else "",
    }
    blocks = []
    for name, values in outcome.facets.items():
        legend, param = FACET_LEGENDS[name]
        choices = [(value.value, value.label, value.count) for value in values]
        blocks.append(
            {"legend": legend, "param": param, "choices": choices, "selected": selected[name]}
        )
    return blocks


def search_page(request):
    query = SearchQuery.from_params(request.GET, language=get_language() or "fr")
    context = {
        "query": query,
        "towns": town_choices(),
        # A distance needs a place to measure from: without one the results keep their
        # relevance order, and the page says so by the sort.
        "distance_needs_town": query.sort == "distance" and not query.origin_code,
        "sort_choices": SORT_CHOICES,
        "kept_filters": [
            (name, request.GET[name]) for name in KEPT_BY_THE_BOX if request.GET.get(name)
        ],
        "price_kept_params": [
            (name, value)
            for name, value in request.GET.items()
            if name not in ("price_min", "price_max", "page") and value
        ],
    }
    if query.text or query.has_catalogue_filter or query.kind:
        # Counted only when it searches; the count carries the search's cache reads.
        over, shared = count_search_request(request, "search-page", reads=service.shared_keys())
        if over:
            context["refused"] = True
            return refused(render(request, "search/search_page.html", context))
        outcome = service.search(query, shared=shared)
        paginator = Paginator(range(min(outcome.count, MAX_PAGE * query.per_page)), query.per_page)
        context.update(
            outcome=outcome,
            page_obj=paginator.get_page(query.page),
            facet_blocks=facet_blocks(outcome, query),
        )
    return render(request, "search/search_page.html", context)
