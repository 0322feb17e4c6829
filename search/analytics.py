"""Counting what shoppers search for, without personal data, for editors to act on.

One row per folded query and day, with two counters: no IP address, no user, no time
of day. Editors read the top queries and the queries that found nothing in the admin.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import SearchQueryStat
from .text import MAX_QUERY_LENGTH, fold


def record_search(text: str, result_count: int) -> None:
    query = fold(text)[:MAX_QUERY_LENGTH]
    if not query:
        return
    day = timezone.localdate()
    zero = 1 if result_count == 0 else 0
    changes = {"searches": F("searches") + 1, "zero_results": F("zero_results") + zero}
    if SearchQueryStat.objects.filter(day=day, query=query).update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(day=day, query=query, searches=1, zero_results=zero)
    except IntegrityError:
        # Another request created today's row first.
        SearchQueryStat.objects.filter(day=day, query=query).update(**changes)


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
