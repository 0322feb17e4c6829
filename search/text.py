"""How the search compares words: folded (no case, no accents) and split like the engines do."""

import re

from shops.models.catalogue import fold_name

WORD = re.compile(r"[\w]+(?:['’][\w]+)?", re.UNICODE)
MAX_QUERY_LENGTH = 200
# Short words that every title has: they still take part in the search, but marking them in a
# result ("puzzle <mark>en</mark> bois") shows the shopper nothing. Folded, French and English.
UNMARKED_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "par",
        "pour",
        "sans",
        "sur",
        "un",
        "une",
        "an",
        "and",
        "for",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def fold(text: str) -> str:
    return fold_name(text)


def clean_query(text: str) -> str:
    """The query as searched and logged: trimmed, single spaces, bounded length."""
    return " ".join((text or "").split())[:MAX_QUERY_LENGTH]


def words(text: str) -> list[str]:
    """Folded words; an elided article ("l'atelier") leaves the word after it."""
    found = []
    for word in WORD.findall(fold(text)):
        found.append(re.split(r"['’]", word)[-1] if re.search(r"['’]", word) else word)
    return found


def worth_marking(word: str) -> bool:
    return fold(word) not in UNMARKED_WORDS
