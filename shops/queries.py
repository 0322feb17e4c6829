"""The catalogue as visitors see it: only listed shops and products, with what pages show."""

from django.db.models import Prefetch

from .models import Product, Shop


def listed_shops():
    """One record per business (shops/same_shop.py): a duplicate is named by its listing."""
    return Shop.objects.filter(
        is_active=True, is_hidden=False, duplicate_of__isnull=True
    ).select_related("town", "town__departement", "marketplace", "photo")


def with_other_records(shops):
    """`shops` with each one's other records and their marketplaces read in one more query,
    for `Shop.other_marketplaces` ("aussi sur …")."""
    others = Shop.objects.filter(is_active=True, is_hidden=False).select_related("marketplace")
    return shops.prefetch_related(Prefetch("duplicates", queryset=others.order_by("pk")))


def listed_products():
    # A duplicate record's products are listed too, shown under the shop's listing.
    return Product.objects.filter(
        is_active=True,
        is_hidden=False,
        shop__is_active=True,
        shop__is_hidden=False,
    ).select_related("shop", "shop__town", "shop__duplicate_of", "sector", "marketplace", "image")
