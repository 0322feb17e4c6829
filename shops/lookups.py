"""Resolving a partner's town and category wording to the portal's towns and sectors.

Loaded once per import run into dictionaries, so resolving a record costs no query.
"""

import re
from collections import defaultdict

from .models import Sector, Town
from .sectors import fold

CEDEX = re.compile(r"\bcedex\b.*$")
SAINT = re.compile(r"\b(st|ste)\b")
SEPARATORS = re.compile(r"[\s\-'’_]+")
CATEGORY_SPLIT = re.compile(r"\s*(?:>|/|\||,|;)\s*")


def fold_town_name(name: str) -> str:
    """ "St-Avertin", "SAINT AVERTIN CEDEX" and "Saint-Avertin" all give "saint avertin"."""
    folded = CEDEX.sub("", fold(name or ""))
    folded = SEPARATORS.sub(" ", folded).strip()
    folded = SAINT.sub(lambda match: "saint" if match.group(1) == "st" else "sainte", folded)
    return folded


class TownResolver:
    def __init__(self):
        self.by_insee: dict[str, int] = {}
        self.by_postal_and_name: dict[tuple[str, str], int] = {}
        self.by_postal: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for pk, insee, name, postal_codes in Town.objects.values_list(
            "pk", "insee_code", "name", "postal_codes"
        ):
            folded = fold_town_name(name)
            self.by_insee[insee] = pk
            self.by_name[folded].append(pk)
            for postal_code in postal_codes.split():
                self.by_postal_and_name[(postal_code, folded)] = pk
                self.by_postal[postal_code].append(pk)

    def __call__(self, insee_code: str, postal_code: str, name: str) -> int | None:
        insee_code = (insee_code or "").strip()
        if insee_code in self.by_insee:
            return self.by_insee[insee_code]
        postal_code = re.sub(r"\D", "", postal_code or "")[:5]
        folded = fold_town_name(name)
        if postal_code and folded and (postal_code, folded) in self.by_postal_and_name:
            return self.by_postal_and_name[(postal_code, folded)]
        by_postal = self.by_postal.get(postal_code, [])
        by_name = self.by_name.get(folded, [])
        if len(by_postal) == 1 and (not folded or not by_name or by_postal == by_name):
            return by_postal[0]
        if len(by_name) == 1 and (not postal_code or not by_postal):
            return by_name[0]
        # Ambiguous or unknown: better quarantined than filed in the wrong town.
        return None


class SectorMatcher:
    def __init__(self):
        self.by_word: dict[str, int] = {}
        for pk, slug, name, name_en, keywords in Sector.objects.values_list(
            "pk", "slug", "name", "name_en", "keywords"
        ):
            for word in [slug, name, name_en, *keywords.splitlines()]:
                if word.strip():
                    self.by_word.setdefault(fold(word), pk)

    def __call__(self, labels: list[str]) -> list[int]:
        matched: list[int] = []
        for label in labels or []:
            for part in [label, *CATEGORY_SPLIT.split(label)]:
                folded = fold(part)
                candidates = [folded, *folded.split()]
                for candidate in candidates:
                    pk = self.by_word.get(candidate)
                    if pk is not None and pk not in matched:
                        matched.append(pk)
                        break
        return matched
