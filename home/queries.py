"""Figures shown on the home page, each one query."""

from django.conf import settings

from shops.queries import listed_shops


def home_figures() -> dict:
    return {"shop_count": listed_shops().count(), "shop_goal": settings.REGION_SHOP_GOAL}
