"""Counting visits from newspapers' links: per page, partner and day, nothing personal.

A visit only increments a counter in Redis (portal/daily_counts.py); the rows are updated
every minute, so a newspaper's front page sending thousands of readers at once never
queues them behind one database row.
"""

import datetime

from django.db.models import Sum
from wagtail.models import Page

from portal.daily_counts import DailyCounts, add_to_row

from .models import Partner, VisitCount

UNKNOWN_PARTNER = "?"


def apply_visits(day: datetime.date, counts: dict[str, int]) -> None:
    """Fields are "<page id>:<partner id, ? for an unregistered partner, or nothing>"; pages
    or partners deleted since are not counted."""
    keys = {}
    for field, visits in counts.items():
        page_id, _, partner = field.partition(":")
        keys[(int(page_id), partner)] = visits
    pages = set(Page.objects.filter(pk__in={page for page, _ in keys}).values_list("pk", flat=True))
    partners = {str(pk) for pk in Partner.objects.values_list("pk", flat=True)}
    for (page_id, partner), visits in keys.items():
        if page_id not in pages or partner not in {"", UNKNOWN_PARTNER, *partners}:
            continue
        add_to_row(
            VisitCount,
            {
                "day": day,
                "page_id": page_id,
                "partner_id": int(partner) if partner in partners else None,
                "unknown_partner": partner == UNKNOWN_PARTNER,
            },
            visits=visits,
        )


visit_counts = DailyCounts("partner-visits", apply_visits)


def record_visit(page_id: int, partner_id: int | None, unknown_partner: bool = False) -> None:
    partner = UNKNOWN_PARTNER if unknown_partner else (partner_id or "")
    visit_counts.add({f"{page_id}:{partner}": 1})


def visits_since(day):
    return VisitCount.objects.filter(day__gte=day)


def visits_by_partner(since):
    return (
        visits_since(since)
        .values("partner__name", "unknown_partner")
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
