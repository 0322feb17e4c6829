"""The catalogue as visitors see it: only listed shops and products, with what pages show."""

from .models import Product, Shop


def listed_shops():
    return Shop.objects.filter(
        is_active=True, is_hidden=False, duplicate_of__isnull=True
    ).select_related("town", "town__departement", "marketplace", "photo")


def listed_products():
    return Product.objects.filter(
        is_active=True,
        is_hidden=False,
        shop__is_active=True,
        shop__is_hidden=False,
        shop__duplicate_of__isnull=True,
    ).select_related("shop", "shop__town", "sector", "marketplace", "image")
