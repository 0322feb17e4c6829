"""The merchant's space: their own shop, products and pickup requests, nothing of anyone else's."""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shops.models import Product

from .. import pickups
from ..forms import DeclineForm
from ..models import PickupRequest
from ..page_views import views_since
from ..privacy import delete_merchant, export_merchant
from ..space_forms import ProductForm, ShopForm
from ..validation import hours_text
from .common import base_url


def merchant_required(view):
    """Logged in and linked to a shop; the shop is passed to the view as `account`."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        account = getattr(request.user, "merchant", None)
        if account is None:
            return render(request, "merchants/not_a_merchant.html", status=403)
        return view(request, account, *args, **kwargs)

    return wrapped


@merchant_required
def dashboard(request, account):
    counts = dict(
        PickupRequest.objects.filter(shop=account.shop)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    figures = [(label, counts.get(value, 0)) for value, label in PickupRequest.Status.choices]
    return render(
        request,
        "merchants/space/dashboard.html",
        {
            "account": account,
            "shop": account.shop,
            "figures": figures,
            "product_count": account.shop.products.count(),
            "pending": counts.get(PickupRequest.Status.PENDING, 0),
            "views_30_days": views_since(account.shop, days=30),
        },
    )


@merchant_required
def edit_shop(request, account):
    form = ShopForm(
        request.POST or None, request.FILES or None, instance=account.shop, account=account
    )
    if request.method == "POST" and form.is_valid():
        shop = form.save(commit=False)
        account.opening_hours = form.cleaned_data["opening_hours"]
        account.pickup_delay_hours = form.cleaned_data["pickup_delay_hours"]
        account.save(update_fields=["opening_hours", "pickup_delay_hours"])
        shop.opening_hours = hours_text(account.opening_hours)
        shop.save()  # The save signal writes the search outbox row.
        messages.success(request, _("Votre commerce est à jour."))
        return redirect("merchants:dashboard")
    return render(
        request,
        "merchants/space/shop_form.html",
        {"form": form, "shop": account.shop},
        status=400 if form.errors else 200,
    )


@merchant_required
def product_list(request, account):
    return render(
        request,
        "merchants/space/product_list.html",
        {"shop": account.shop, "products": account.shop.products.order_by("title")},
    )


def own_direct_product(account, pk):
    """Only products of the merchant's own shop, and never those a marketplace feed manages."""
    return get_object_or_404(Product, pk=pk, shop=account.shop, marketplace__isnull=True)


@merchant_required
def edit_product(request, account, pk=None):
    if account.shop.is_imported:
        return render(request, "merchants/space/managed_elsewhere.html", {"shop": account.shop})
    product = own_direct_product(account, pk) if pk else Product(shop=account.shop)
    form = ProductForm(request.POST or None, request.FILES or None, instance=product)
    if request.method == "POST" and form.is_valid():
        product = form.save(commit=False)
        product.slug = slugify(product.title)[:255] or "produit"
        product.save()
        messages.success(request, _("Produit enregistré."))
        return redirect("merchants:product_list")
    return render(
        request,
        "merchants/space/product_form.html",
        {"form": form, "product": product},
        status=400 if form.errors else 200,
    )


@require_POST
@merchant_required
def delete_product(request, account, pk):
    product = own_direct_product(account, pk)
    product.delete()
    messages.success(request, _("Produit supprimé."))
    return redirect("merchants:product_list")


@merchant_required
def pickup_list(request, account):
    requests = (
        PickupRequest.objects.filter(shop=account.shop)
        .prefetch_related("lines")
        .order_by("-created_at")[:200]
    )
    return render(request, "merchants/space/pickup_list.html", {"pickups": requests})


@merchant_required
def pickup_detail(request, account, pk):
    pickup = get_object_or_404(PickupRequest, pk=pk, shop=account.shop)
    return render(
        request,
        "merchants/space/pickup_detail.html",
        {"pickup": pickup, "decline_form": DeclineForm()},
    )


ACTIONS = {
    "accept": PickupRequest.Status.ACCEPTED,
    "ready": PickupRequest.Status.READY,
    "collected": PickupRequest.Status.COLLECTED,
    "decline": PickupRequest.Status.DECLINED,
}


@require_POST
@merchant_required
def pickup_action(request, account, pk, action):
    pickup = get_object_or_404(PickupRequest, pk=pk, shop=account.shop)
    if action not in ACTIONS:
        return redirect("merchants:pickup_detail", pk=pk)
    reason = ""
    if action == "decline":
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return render(
                request,
                "merchants/space/pickup_detail.html",
                {"pickup": pickup, "decline_form": form},
                status=400,
            )
        reason = form.cleaned_data["reason"]
    try:
        pickups.move(pickup, ACTIONS[action], base_url(request), reason=reason)
    except pickups.WrongState:
        messages.error(request, _("Cette demande a déjà changé d'état : rien n'a été modifié."))
    else:
        messages.success(request, _("Le client a été prévenu par courriel."))
    return redirect("merchants:pickup_detail", pk=pk)


@merchant_required
def set_password(request, account):
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Votre mot de passe est enregistré."))
        return redirect("merchants:dashboard")
    return render(
        request, "merchants/space/password.html", {"form": form}, status=400 if form.errors else 200
    )


@merchant_required
def export_data(request, account):
    response = HttpResponse(
        json.dumps(export_merchant(account), ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="localdabord-{timezone.now():%Y%m%d}.json"'
    )
    return response


@merchant_required
def delete_account(request, account):
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        user = request.user
        logout(request)
        delete_merchant(user)
        messages.success(request, _("Votre compte et vos données ont été supprimés."))
        return redirect("merchants:login")
    return render(request, "merchants/space/delete.html", {"shop": account.shop})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("merchants:login")
