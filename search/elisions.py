"""French elisions typed with or without their apostrophe: "l'atelier" and "latelier",
"d'amboise" and "damboise" find the same things.

Two halves, so that neither needs a guess about an unknown word. The documents carry the
glued form of every elided word of their names ("L'Atelier" is also indexed as "latelier",
see shops/french.py), so a query typed without the apostrophe matches them as written. And a
query word that is a glued elision of a place or a trade the portal knows ("damboise":
Amboise is a town) is also searched without its article, because a product sold in Amboise
has "Amboise" in its document, never "d'Amboise".
"""

import re
from collections.abc import Callable, Container

from shops.french import ARTICLES

from .text import fold

ELIDED = re.compile(rf"(?<!\w){ARTICLES}['’](?=\w)", re.IGNORECASE)
# A glued article before a noun or a place: "l" or "d", then a word starting with a vowel or
# a mute h ("damboise", "lorangerie"); the other elisions ("c'est", "s'il") are not what
# shoppers type before a town or a trade.
GLUED = re.compile(r"^[ld]([aeiouyh]\w{2,})$")


def without_articles(text: str) -> str:
    """`text` with its elided articles removed: "l'atelier d'amboise" → "atelier amboise"."""
    return ELIDED.sub("", text)


def unglued(text: str, vocabulary: Callable[[], Container[str]]) -> str:
    """`text` with each glued elision of a known word split off: "chocolaterie damboise" →
    "chocolaterie amboise" when "amboise" is in `vocabulary()` (folded words, read only
    when a word looks glued)."""
    words = []
    for word in text.split():
        match = GLUED.match(fold(word))
        words.append(match.group(1) if match and match.group(1) in vocabulary() else word)
    return " ".join(words)


def french_alternatives(
    alternatives: list[str], vocabulary: Callable[[], Container[str]], limit: int
) -> list[str]:
    """The alternatives, then their forms without elided articles (for the engines that index
    the article as a word of its own), up to `limit` in all."""
    found = list(alternatives)
    for alternative in alternatives:
        variant = unglued(without_articles(alternative), vocabulary)
        if variant != alternative and variant not in found and len(found) < limit:
            found.append(variant)
    return found
