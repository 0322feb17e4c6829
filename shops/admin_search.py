"""How editors find catalogue records in the admin: every record, hidden, inactive and merged
ones included, by each word of its name, its identifiers (SIRET, GTIN, INSEE code) or its town.

Wagtail's admin search goes through the search engine by default, whose indexes hold only what
the public sees (see `get_indexed_objects`) and none of the identifiers: asking it for `siret`
answered a 500. The admin asks the database instead, one `icontains` per word and field; on
PostgreSQL accents are folded on both sides (`unaccent`, installed for the search fallback), so
"orleans" finds Orléans.
"""

from django.db import connection
from django.db.models import CharField, F, Func, Q
from django.db.models.lookups import IContains
from wagtail.snippets.views.snippets import IndexView

from .models.catalogue import fold_name


class Unaccent(Func):
    function = "UNACCENT"
    output_field = CharField()


def search_records(queryset, query: str, lookups):
    """Records where every word of `query` is found in one of `lookups` (ORM paths)."""
    fold_accents = connection.vendor == "postgresql"
    for word in query.split():
        matches = Q()
        for lookup in lookups:
            if fold_accents:
                matches |= Q(IContains(Unaccent(F(lookup)), fold_name(word)))
            else:
                matches |= Q(**{f"{lookup}__icontains": word})
        queryset = queryset.filter(matches)
    return queryset


class RecordSearchIndexView(IndexView):
    """A snippet listing searched in the database over the viewset's `search_fields`."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_records(queryset, self.search_query, self.search_fields)
