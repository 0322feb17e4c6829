"""Counting what shoppers search for, without personal data, for editors to act on.

One row per folded query and day, with two counters: no IP address, no user, no time
of day. Editors read the top queries and the queries that found nothing in the admin.
Requests only count in Redis (portal/daily_counts.py); the rows are updated every minute.
"""

import datetime

from django.db.models import Sum
from django.utils import timezone

from portal.daily_counts import DailyCounts, add_to_row

from .models import SearchQueryStat
from .text import MAX_QUERY_LENGTH, fold


def apply_counts(day: datetime.date, counts: dict[str, int]) -> None:
    """Fields are "s:<query>" (searches) and "z:<query>" (searches that found nothing)."""
    for field, searches in counts.items():
        if field.startswith("s:"):
            query = field[2:]
            add_to_row(
                SearchQueryStat,
                {"day": day, "query": query},
                searches=searches,
                zero_results=counts.get(f"z:{query}", 0),
            )


query_counts = DailyCounts("search-queries", apply_counts)


def record_search(text: str, result_count: int) -> None:
    query = fold(text)[:MAX_QUERY_LENGTH]
    if query:
        query_counts.add({f"s:{query}": 1, **({f"z:{query}": 1} if result_count == 0 else {})})


def flush_buffered_counts() -> int:
    return query_counts.move_to_database()


def query_totals(days: int = 30):
    """Per query over the last `days`: searches and searches with no result."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return (
        SearchQueryStat.objects.filter(day__gte=since)
        .values("query")
        .annotate(total_searches=Sum("searches"), total_zero_results=Sum("zero_results"))
    )


def top_queries(days: int = 30, limit: int = 100):
    return query_totals(days).order_by("-total_searches", "query")[:limit]


def zero_result_queries(days: int = 30, limit: int = 100):
    return (
        query_totals(days)
        .filter(total_zero_results__gt=0)
        .order_by("-total_zero_results", "query")[:limit]
    )
