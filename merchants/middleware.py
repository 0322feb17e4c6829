"""Counts views of shop and product pages, without the catalogue app knowing about merchants."""

from .page_views import record_view

COUNTED_VIEWS = {"shops:shop": "shop", "shops:product": "product"}


class ShopViewCounter:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        match = request.resolver_match
        name = COUNTED_VIEWS.get(match.view_name) if match else None
        if name and request.method == "GET" and response.status_code == 200:
            shown = (response.context_data or {}).get(name)
            shop_id = getattr(shown, "shop_id", None) if name == "product" else shown.pk
            if shop_id:
                record_view(shop_id)
        return response
