"""Figures shown on the home page, each one query."""

from django.conf import settings

from shops.models import Shop


def home_figures() -> dict:
    listed = Shop.objects.filter(is_active=True, is_hidden=False, duplicate_of__isnull=True)
    return {"shop_count": listed.count(), "shop_goal": settings.REGION_SHOP_GOAL}
