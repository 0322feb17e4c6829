"""Daily counts of views of a shop's pages, for the figures of the merchant's space.

A view is counted by the page's address (a shop's slug, a product's id), in Redis
(portal/daily_counts.py); the periodic move turns addresses into shops, in bulk.
"""

import datetime
from collections import Counter
from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone

from portal.daily_counts import DailyCounts, add_to_row
from shops.models import Product, Shop

from .models import ShopViewCount


def apply_views(day: datetime.date, counts: dict[str, int]) -> None:
    """Fields are "shop:<slug>" and "product:<id>"; pages deleted since are not counted."""
    slugs = {field[5:]: n for field, n in counts.items() if field.startswith("shop:")}
    products = {
        int(field[8:]): n
        for field, n in counts.items()
        if field.startswith("product:") and field[8:].isdigit()
    }
    per_shop = Counter()
    for slug, shop_id in Shop.objects.filter(slug__in=slugs).values_list("slug", "pk"):
        per_shop[shop_id] += slugs[slug]
    for pk, shop_id in Product.objects.filter(pk__in=products).values_list("pk", "shop_id"):
        per_shop[shop_id] += products[pk]
    for shop_id, views in per_shop.items():
        add_to_row(ShopViewCount, {"shop_id": shop_id, "day": day}, views=views)


page_views = DailyCounts("shop-page-views", apply_views)


def record_view(kind: str, identifier: str) -> None:
    page_views.add({f"{kind}:{identifier}": 1})


def views_since(shop, days: int) -> int:
    since = timezone.localdate() - timedelta(days=days - 1)
    total = ShopViewCount.objects.filter(shop=shop, day__gte=since).aggregate(n=Sum("views"))["n"]
    return total or 0
