"""The shopper's side of click and collect: the request form, the status page, partner links."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shops.models import Shop
from shops.queries import listed_products

from .. import pickups
from ..forms import PickupForm
from ..models import PickupRequest
from .common import base_url, limit_message, over_limit


def pickup_request(request, slug):
    shop = get_object_or_404(
        Shop.objects.select_related("merchant", "town"),
        slug=slug,
        marketplace__isnull=True,
        click_and_collect=True,
        is_active=True,
        is_hidden=False,
        merchant__isnull=False,
    )
    account = shop.merchant
    products = pickups.reservable_products(shop).order_by("title")
    form = PickupForm(request.POST or None, account=account, products=products)
    status = 200
    if request.method == "POST":
        if over_limit(request, "merchants:pickup", settings.PICKUP_REQUEST_RATE):
            form.is_valid()
            form.add_error(None, limit_message())
            status = 429
        elif form.is_valid():
            try:
                pickup = pickups.create_request(
                    account, form.cleaned_data, (get_language() or "fr")[:2], base_url(request)
                )
            except pickups.OutOfStock as error:
                form.add_error(
                    f"quantity_{error.product_id}",
                    _("Un autre client vient de réserver ce produit : il n'en reste plus assez."),
                )
                status = 409
            else:
                return redirect(pickups.status_url(pickup))
        else:
            status = 400
    return render(
        request,
        "merchants/pickup_form.html",
        {"shop": shop, "account": account, "form": form},
        status=status,
    )


def pickup_status(request, token):
    pickup = get_object_or_404(
        PickupRequest.objects.select_related("shop__town").prefetch_related("lines"), token=token
    )
    response = render(request, "merchants/pickup_status.html", {"pickup": pickup})
    # A secret link: never cached by a shared proxy, never sent on as a referrer.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def to_marketplace(request, pk):
    """Out to the partner's page of an imported product, tagged as coming from the portal."""
    product = get_object_or_404(listed_products(), pk=pk, marketplace__isnull=False)
    if not product.marketplace_url:
        raise Http404
    return redirect(pickups.marketplace_link(product.marketplace_url))


def shop_to_marketplace(request, slug):
    shop = get_object_or_404(Shop, slug=slug, marketplace__isnull=False)
    if not shop.marketplace_url:
        raise Http404
    return redirect(pickups.marketplace_link(shop.marketplace_url))
