"""Counting a visit: one atomic increment of today's (page, partner) counter."""

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import VisitCount


def record_visit(page_id: int, partner_id: int | None) -> None:
    day = timezone.localdate()
    rows = VisitCount.objects.filter(day=day, page_id=page_id, partner_id=partner_id)
    if rows.update(visits=F("visits") + 1):
        return
    try:
        with transaction.atomic():
            VisitCount.objects.create(day=day, page_id=page_id, partner_id=partner_id, visits=1)
    except IntegrityError:
        # Another request created today's row first.
        rows.update(visits=F("visits") + 1)


def visits_since(day):
    return VisitCount.objects.filter(day__gte=day)


def visits_by_partner(since):
    return (
        visits_since(since)
        .values("partner__name")
        .annotate(total=Sum("visits"))
        .order_by("-total", "partner__name")
    )


def visits_by_page(since):
    return (
        visits_since(since)
        .values("page_id", "page__title")
        .annotate(total=Sum("visits"))
        .order_by("-total", "page__title")
    )
