"""What to propose when a search finds nothing: nearby towns, the broader sector, a spelling.

Each proposal is checked by running it, so the page never suggests another empty search.
"""

import difflib
import math

from django.utils.translation import gettext as _

from shops.models import Sector, Town

from . import labels
from .query import SearchQuery, Suggestion
from .synonyms import vocabulary_terms
from .text import fold, words

NEARBY_TOWNS = 3


def vocabulary() -> set[str]:
    """Words a shopper probably meant: sectors, their partner keywords, towns, synonyms."""
    return set(labels.table("vocabulary")) | {
        word for term in vocabulary_terms() for word in term.split()
    }


def corrected_spelling(text: str) -> str | None:
    known = vocabulary()
    corrected, changed = [], False
    for word in words(text):
        if word in known or len(word) < 4:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        corrected.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else None


def distance(a: Town, b: Town) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    dx = (a.longitude - b.longitude) * math.cos(math.radians(a.latitude))
    return math.hypot(dx, a.latitude - b.latitude)


def params_of(query: SearchQuery, **changes) -> dict:
    query = query.but(**changes)
    params = {
        "q": query.text,
        "town": query.town,
        "sector": query.sector,
        "type": query.kind,
    }
    return {name: value for name, value in params.items() if value}


def sectors_named_in(text: str) -> list[Sector]:
    asked = set(words(text))
    found = []
    for sector in Sector.objects.all():
        names = set(words(" ".join([sector.name, sector.name_en, sector.keywords])))
        if asked & names:
            found.append(sector)
    return found


def for_no_results(query: SearchQuery, alternatives, context, find) -> list[Suggestion]:
    """`find(query, alternatives, context)` is the service's own search, engine or database."""
    proposals = []
    small = {"per_page": 1, "page": 1}
    if query.town:
        wider = find(query.but(town="", **small), alternatives, {**context})
        chosen = Town.objects.filter(insee_code=query.town).first()
        towns = Town.objects.filter(insee_code__in=[v.value for v in wider.facets.get("town", [])])
        if chosen:
            for town in sorted(towns, key=lambda other: distance(chosen, other))[:NEARBY_TOWNS]:
                proposals.append(
                    Suggestion("town", town.name, params_of(query, town=town.insee_code))
                )
    if query.sector:
        wider = find(query.but(sector="", **small), alternatives, context)
        if wider.count:
            proposals.append(
                Suggestion("broader", _("Tous les secteurs"), params_of(query, sector=""))
            )
    if query.text:
        spelled = corrected_spelling(query.text)
        if spelled and fold(spelled) != fold(query.text):
            retry = find(query.but(text=spelled, **small), [spelled], context)
            if retry.count:
                proposals.append(Suggestion("spelling", spelled, params_of(query, text=spelled)))
        for sector in sectors_named_in(query.text)[:2]:
            if sector.slug != query.sector:
                proposals.append(
                    Suggestion(
                        "sector", sector.label, params_of(query, text="", sector=sector.slug)
                    )
                )
    return proposals
