"""Public pages for one shop and one product."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView

from .models import Shop
from .models.catalogue import shop_url
from .queries import listed_products, listed_shops, with_other_records


class ShopDetailView(DetailView):
    template_name = "shops/shop_detail.html"
    context_object_name = "shop"

    def get_queryset(self):
        return with_other_records(
            listed_shops().select_related("photo").prefetch_related("sectors")
        )

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A record listed under another one (shops/same_shop.py): its links land there.
            listing = (
                Shop.objects.filter(slug=kwargs["slug"], duplicate_of__in=listed_shops())
                .values_list("duplicate_of__slug", flat=True)
                .first()
            )
            if not listing:
                raise
            return redirect(shop_url(listing), permanent=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The business's products on every marketplace listing it, each card naming its own.
        records = [self.object, *self.object.other_records]
        products = listed_products().filter(shop__in=records).order_by("title", "pk")
        context["products"] = products[:48]
        context["several_marketplaces"] = len(records) > 1
        return context


class ProductDetailView(DetailView):
    template_name = "shops/product_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        return listed_products()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # A product's title may change on import: old links land on the current slug.
        if self.object.slug != kwargs["slug"]:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))
