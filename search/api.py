"""The JSON API of the search: the same service and the same outcome as the page."""

from django.db import transaction
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import service
from .autocomplete import autocomplete
from .openapi import openapi_document
from .query import InvalidSearch, SearchQuery
from .rate_limits import count_search_request, rate_limited, too_many_requests

JSON_OPTIONS = {"ensure_ascii": False}


# Searches only read (their counters go to Redis): no transaction around them, two round
# trips to PostgreSQL fewer per request.
@transaction.non_atomic_requests
@require_GET
def search_api(request):
    # The visitor's count and the state the search reads from the cache: one round trip.
    over, shared = count_search_request(request, "search-api", reads=service.shared_keys())
    if over:
        return too_many_requests()
    try:
        query = SearchQuery.from_params(request.GET, language=get_language() or "fr", strict=True)
    except InvalidSearch as error:
        errors = {name: str(message) for name, message in error.args[0].items()}
        return JsonResponse({"errors": errors}, status=400, json_dumps_params=JSON_OPTIONS)
    outcome = service.search(query, shared=shared)
    response = JsonResponse(outcome.as_json(), json_dumps_params=JSON_OPTIONS)
    # Incomplete answers must not outlive the outage in a cache.
    response["Cache-Control"] = "no-store" if outcome.degraded else "public, max-age=30"
    return response


@transaction.non_atomic_requests
@require_GET
@rate_limited("autocomplete")
@cache_control(public=True, max_age=60)
def autocomplete_api(request):
    return JsonResponse(
        {"results": autocomplete(request.GET.get("q", ""))}, json_dumps_params=JSON_OPTIONS
    )


@require_GET
@cache_control(public=True, max_age=3600)
def openapi_api(request):
    server = request.build_absolute_uri(reverse("search_api:search")).rsplit("/api/", 1)[0]
    return JsonResponse(openapi_document(server), json_dumps_params={**JSON_OPTIONS, "indent": 2})
