"""Counts views of shop and product pages, without the catalogue app knowing about merchants.

It comes first in the middleware stack so that views answered by the page cache are
counted too; it finds the page from the address, in the address's language.
"""

from django.urls import Resolver404, resolve
from django.utils import translation

from .page_views import record_view

COUNTED_VIEWS = {"shops:shop": ("shop", "slug"), "shops:product": ("product", "pk")}


def counted_page(path: str) -> tuple[str, str] | None:
    language = translation.get_language_from_path(path)
    if not language:
        return None
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    counted = COUNTED_VIEWS.get(match.view_name)
    if counted is None:
        return None
    kind, argument = counted
    return kind, str(match.kwargs[argument])


class ShopViewCounter:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "GET" and response.status_code == 200:
            page = counted_page(request.path_info)
            if page:
                record_view(*page)
        return response
