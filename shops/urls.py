"""Public pages of the catalogue (language-prefixed)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "shops"

urlpatterns = [
    path(_("commerces/<slug:slug>/"), views.ShopDetailView.as_view(), name="shop"),
    path(_("produits/<int:pk>-<slug:slug>/"), views.ProductDetailView.as_view(), name="product"),
]
