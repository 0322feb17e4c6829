"""The towns offered by every search box (the home's, the search page's): those with at least one
listed shop, each named so that a shopper tells two communes of the same name apart."""

from collections import Counter

from django.core.cache import cache

from pagecache.generation import current_generation
from shops.models import Town
from shops.queries import listed_shops

TOWN_CHOICES_KEY = "search:town-choices:v2"


def town_choices() -> list[tuple[str, str]]:
    """(INSEE code, label) of the towns with a listed shop, by name; a name that two communes
    share (Vineuil in Indre and in Loir-et-Cher) carries its département's code."""
    # Kept under the page cache's generation, which any change to a shop renews: a town whose
    # first shop has just been listed is offered at once, as the cached pages show it.
    key = f"{TOWN_CHOICES_KEY}:{current_generation()}"
    choices = cache.get(key)
    if choices is None:
        towns = list(
            Town.objects.filter(pk__in=listed_shops().values("town_id"))
            .order_by("name", "insee_code")
            .values_list("insee_code", "name", "departement__code")
        )
        counts = Counter(name for _, name, _ in towns)
        shared = {name for name, count in counts.items() if count > 1}
        choices = [
            (code, f"{name} ({departement})" if name in shared else name)
            for code, name, departement in towns
        ]
        cache.set(key, choices, 600)
    return choices
