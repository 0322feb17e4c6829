"""French elisions in the catalogue's text: "L'Atelier d'Amboise" is also written "latelier
damboise" by shoppers, so each document carries that glued form (search/elisions.py has
the query's side)."""

import re

# The articles and conjunctions French elides before a vowel or a mute h.
ARTICLES = r"(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])"
ELIDED_WORD = re.compile(rf"(?<!\w)({ARTICLES})['’](\w+)", re.IGNORECASE)


def glued_forms(fold, *texts: str) -> str:
    """The elided words of `texts` written without their apostrophe, folded by `fold`."""
    found = []
    for text in texts:
        for article, word in ELIDED_WORD.findall(fold(text or "")):
            found.append(article + word)
    return " ".join(dict.fromkeys(found))
