"""Editors' synonym groups, applied by expanding the shopper's query into alternatives.

"jouets anciens" with the group "jouet, jeu" is searched as "jouets anciens" OR "jeu
anciens". Expanding the query (rather than a synonym filter in the engine's analyser)
means a group saved in the admin applies to the next search, on every engine and on
the database fallback, without re-indexing or closing an index.
"""

import re

from django.core.cache import cache

from .models import SynonymGroup
from .text import fold

CACHE_KEY = "search:synonym-groups"
CACHE_SECONDS = 300
# Each word with synonyms multiplies the alternatives: past this, the rest are left out.
MAX_ALTERNATIVES = 8


def singular(word: str) -> str:
    """Enough French plural folding to match "jouets" with "jouet" and "bijoux" with "bijou"."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def synonym_groups(cached: list | None = None) -> list[list[str]]:
    """The active groups, folded; `cached` is what the caller already read at CACHE_KEY."""
    groups = cache.get(CACHE_KEY) if cached is None else cached
    if groups is None:
        groups = [
            [fold(term) for term in group.term_list]
            for group in SynonymGroup.objects.filter(is_active=True)
        ]
        groups = [group for group in groups if len(group) > 1]
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def forget_synonym_groups() -> None:
    """Called when an editor saves or deletes a group (search/signals.py): the next search
    uses it."""
    cache.delete(CACHE_KEY)


def term_pattern(term: str) -> re.Pattern:
    # A term matches as whole words, in the singular or plural: "jouet" finds "jouets".
    words = [re.escape(singular(word)) + "[sx]?" for word in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def expand(query: str, groups: list[list[str]] | None = None) -> list[str]:
    """The query first, then the same query with synonyms in place of the words they replace."""
    groups = synonym_groups(groups)
    folded = fold(query)
    alternatives = [query]
    seen = {folded}
    candidates = [folded]
    for group in groups:
        # A variant made with this group is not expanded by it again ("resto" -> "restaurant").
        before_group = list(candidates)
        for term in group:
            pattern = term_pattern(term)
            for candidate in before_group:
                if not pattern.search(candidate):
                    continue
                for other in group:
                    if other == term:
                        continue
                    variant = pattern.sub(other, candidate)
                    if variant not in seen and len(alternatives) < MAX_ALTERNATIVES:
                        seen.add(variant)
                        candidates.append(variant)
                        alternatives.append(variant)
    return alternatives


def vocabulary_terms(groups: list[list[str]] | None = None) -> set[str]:
    """Every synonym term: words the spelling suggestions may propose."""
    return {term for group in synonym_groups(groups) for term in group}
