"""What to propose when a search finds nothing: nearby towns, the broader sector, a spelling.

Each proposal is checked by running it, so the page never suggests another empty search.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from . import labels
from .engine import RawAnswer
from .query import SearchQuery, Suggestion
from .synonyms import vocabulary_terms
from .text import fold, words

NEARBY_TOWNS = 3


def vocabulary(groups: list[list[str]] | None = None) -> set[str]:
    """Words a shopper probably meant: sectors, their partner keywords, towns, synonyms
    (`groups`, when the caller has read them already)."""
    return set(labels.table("vocabulary")) | {
        word for term in vocabulary_terms(groups) for word in term.split()
    }


# Similarity (0–100, from the letters two words share in order) a correction needs.
SPELLING_CUTOFF = 75


def closest_word(word: str, known: set[str]) -> str | None:
    """The known word most like `word`; of equally close ones, the last in alphabetical order,
    so that the answer never depends on the order of the set."""
    close = process.extract(
        word, known, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, limit=None
    )
    return max(close, key=lambda found: (found[1], found[0]))[0] if close else None


def corrected_spelling(text: str, groups: list[list[str]] | None = None) -> str | None:
    known = vocabulary(groups)
    corrected, changed = [], False
    for word in words(text):
        if word in known or len(word) < 4:
            corrected.append(word)
            continue
        close = closest_word(word, known)
        corrected.append(close or word)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else None


def distance(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float:
    if a is None or b is None:
        return math.inf
    dx = (a[1] - b[1]) * math.cos(math.radians(a[0]))
    return math.hypot(dx, a[0] - b[0])


def params_of(query: SearchQuery, **changes) -> dict:
    query = query.but(**changes)
    params = {
        "q": query.text,
        "town": query.town,
        "sector": query.sector,
        "type": query.kind,
    }
    return {name: value for name, value in params.items() if value}


def sectors_named_in(text: str) -> list[str]:
    """The slugs of the sectors whose name or keywords the text uses."""
    asked = set(words(text))
    return [slug for slug, names in labels.table("sector_words").items() if asked & names]


@dataclass
class Check:
    """A search run only to learn whether a suggestion would find something."""

    kind: str  # "town" (the same search everywhere), "broader" (all sectors), "spelling"
    query: SearchQuery
    alternatives: list[str]


def checks_for(
    query: SearchQuery, alternatives: list[str], groups: list[list[str]] | None = None
) -> list[Check]:
    """The searches to run when `query` finds nothing; both backends run them with the
    typo-tolerant retry (the engine in one request with it). `groups`: the synonyms."""
    small = {"per_page": 1, "page": 1}
    checks = []
    if query.town:
        checks.append(Check("town", query.but(town="", **small), alternatives))
    if query.sector:
        checks.append(Check("broader", query.but(sector="", **small), alternatives))
    if query.text:
        spelled = corrected_spelling(query.text, groups)
        if spelled and fold(spelled) != fold(query.text):
            checks.append(Check("spelling", query.but(text=spelled, **small), [spelled]))
    return checks


def for_no_results(query: SearchQuery, checked: list[tuple[Check, RawAnswer]]) -> list[Suggestion]:
    """What to propose, from the answers to `checks_for(query)`."""
    proposals = []
    for check, answer in checked:
        if not answer.total:
            continue
        if check.kind == "town":
            chosen = labels.town_position(query.town)
            found = [code for code, count in answer.facet_counts.get("town", {}).items() if count]
            found.sort(key=lambda code: distance(chosen, labels.town_position(code)))
            proposals += [
                Suggestion("town", labels.town_name(code), params_of(query, town=code))
                for code in found[:NEARBY_TOWNS]
            ]
        elif check.kind == "broader":
            proposals.append(
                Suggestion("broader", _("Tous les secteurs"), params_of(query, sector=""))
            )
        elif check.kind == "spelling":
            spelled = check.query.text
            proposals.append(Suggestion("spelling", spelled, params_of(query, text=spelled)))
    if query.text:
        for slug in sectors_named_in(query.text)[:2]:
            if slug != query.sector:
                label = labels.sector_label(slug, query.language)
                proposals.append(
                    Suggestion("sector", label, params_of(query, text="", sector=slug))
                )
    return proposals
