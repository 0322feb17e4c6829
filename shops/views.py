"""Public pages for one shop and one product."""

from django.shortcuts import redirect
from django.views.generic import DetailView

from .queries import listed_products, listed_shops


class ShopDetailView(DetailView):
    template_name = "shops/shop_detail.html"
    context_object_name = "shop"

    def get_queryset(self):
        return listed_shops().select_related("photo").prefetch_related("sectors")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = listed_products().filter(shop=self.object)[:48]
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
