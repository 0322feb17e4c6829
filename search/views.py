"""The search page: thin view over search.service."""

from django.shortcuts import render
from wagtail.models import Locale

from shops.models import Town

from .service import SearchRequest, search

MAX_QUERY_LENGTH = 200


def search_page(request):
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    town = Town.objects.filter(insee_code=request.GET.get("town", "")).first()
    locale = Locale.get_active()
    results = search(SearchRequest(text=text, town=town, locale_id=locale.pk))
    return render(
        request, "search/search_page.html", {"results": results, "query": text, "town": town}
    )
