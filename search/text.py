"""How the search compares words: folded (no case, no accents) and split like the engines do."""

import re

from shops.models.catalogue import fold_name

WORD = re.compile(r"[\w]+(?:['’][\w]+)?", re.UNICODE)
MAX_QUERY_LENGTH = 200


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
