"""Names of the reference data facets and filters show (towns, sectors, marketplaces…).

They change rarely and every search needs some: each process keeps them for a few
minutes instead of asking the database on every search. A value it has not seen (a
marketplace added since) reloads the table at once; a rename shows within LIFETIME.
"""

import time

from django.utils.translation import get_language
from wagtail.models import Locale

from shops.models import Departement, Marketplace, Sector, Town

from .text import words

LIFETIME = 300


def load_vocabulary() -> dict:
    """Words a shopper probably meant (spelling suggestions): sectors, their partner keywords,
    towns. A dict, as `table` keeps every table."""
    texts = [" ".join(row) for row in Sector.objects.values_list("name", "name_en", "keywords")]
    texts += Town.objects.values_list("name", flat=True)
    return dict.fromkeys(words(" ".join(texts)))


LOADERS = {
    "town": lambda: {
        code: (name, lat, lon)
        for code, name, lat, lon in Town.objects.values_list(
            "insee_code", "name", "latitude", "longitude"
        )
    },
    "departement": lambda: dict(Departement.objects.values_list("code", "name")),
    "sector": lambda: {
        slug: (name, name_en)
        for slug, name, name_en in Sector.objects.values_list("slug", "name", "name_en")
    },
    # The words naming each sector, in the sectors' order (suggestions of a sector to browse).
    "sector_words": lambda: {
        slug: frozenset(words(" ".join(texts)))
        for slug, *texts in Sector.objects.values_list("slug", "name", "name_en", "keywords")
    },
    # By id (how the index counts) and by slug (how the address filters).
    "marketplace": lambda: {
        **{
            str(pk): (slug, name)
            for pk, slug, name in Marketplace.objects.values_list("pk", "slug", "name")
        },
        **{f"slug:{slug}": pk for pk, slug in Marketplace.objects.values_list("pk", "slug")},
    },
    "locale": lambda: dict(Locale.objects.values_list("language_code", "pk")),
    "vocabulary": load_vocabulary,
}
_tables: dict[str, tuple[float, dict]] = {}


def table(name: str, wanted=()) -> dict:
    loaded_at, values = _tables.get(name, (0.0, {}))
    # A loop, not any(): a search asks about a hundred times, it is worth the lines.
    stale = time.monotonic() - loaded_at > LIFETIME
    for key in wanted:
        stale = stale or key not in values
    if stale:
        values = LOADERS[name]()
        _tables[name] = (time.monotonic(), values)
    return values


def forget() -> None:
    _tables.clear()


def town_name(code: str) -> str | None:
    found = table("town", [code]).get(code)
    return found[0] if found else None


def town_position(code: str) -> tuple[float, float] | None:
    found = table("town", [code]).get(code)
    return (found[1], found[2]) if found and found[1] is not None else None


def sector_label(slug: str, language: str | None = None) -> str:
    """In `language`, by default the current one (a search passes its own, once known)."""
    name, name_en = table("sector", [slug]).get(slug, (slug, ""))
    return name_en if (language or get_language() or "fr").startswith("en") and name_en else name


def marketplace_id(slug: str) -> int | None:
    return table("marketplace", [f"slug:{slug}"]).get(f"slug:{slug}")


def marketplace_by_id(pk: str) -> tuple[str, str] | None:
    return table("marketplace", [pk]).get(pk)


def marketplace_name(pk: int | None) -> str | None:
    found = marketplace_by_id(str(pk)) if pk else None
    return found[1] if found else None


def locale_id(language: str) -> int | None:
    return table("locale", [language]).get(language)


def departement_name(code: str) -> str | None:
    return table("departement", [code]).get(code)
