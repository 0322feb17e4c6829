"""Daily counts of views of a shop's pages, for the figures of the merchant's space."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import ShopViewCount


def record_view(shop_id: int) -> None:
    today = timezone.localdate()
    if ShopViewCount.objects.filter(shop_id=shop_id, day=today).update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            ShopViewCount.objects.create(shop_id=shop_id, day=today, views=1)
    except IntegrityError:
        # Another request created today's row first: count on it.
        ShopViewCount.objects.filter(shop_id=shop_id, day=today).update(views=F("views") + 1)


def views_since(shop, days: int) -> int:
    since = timezone.localdate() - timedelta(days=days - 1)
    total = ShopViewCount.objects.filter(shop=shop, day__gte=since).aggregate(n=Sum("views"))["n"]
    return total or 0
