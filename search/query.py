"""What a shopper asks (SearchQuery) and what the search answers (SearchOutcome).

The page, the JSON API and the tests all read these same objects, so the API returns
exactly what the page shows.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from portal.decimal_input import parse_decimal

from .text import clean_query

KINDS = ("shop", "product", "page")
SORTS = ("relevance", "distance", "price", "-price")
PER_PAGE = 20
MAX_PAGE = 50  # deeper pages are never useful and cost the engine a deep sort


class InvalidSearch(ValueError):
    """A parameter the API refuses with a 400 (the page just ignores it)."""


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    town: str = ""  # INSEE code
    departement: str = ""  # code, "37"
    sector: str = ""  # slug
    marketplace: str = ""  # slug
    click_and_collect: bool = False
    kind: str = ""  # one of KINDS, or every kind
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    sort: str = "relevance"
    near: str = ""  # INSEE code the distance is measured from; the town filter by default
    page: int = 1
    per_page: int = PER_PAGE
    language: str = "fr"

    @classmethod
    def from_params(cls, params, language: str = "fr", strict: bool = False) -> "SearchQuery":
        """Read GET parameters; `strict` (the API) refuses bad values, the page drops them."""
        errors = {}

        def choice(name, choices, default):
            value = params.get(name, "") or default
            if value not in choices:
                errors[name] = _("Valeur inconnue : %(value)s") % {"value": value}
                return default
            return value

        def decimal(name):
            value = (params.get(name) or "").strip()
            if not value:
                return None
            try:
                number = parse_decimal(value)  # "34,50" or "34.50", never "1.234,5"
            except (ValueError, InvalidOperation):
                errors[name] = _("Nombre attendu")
                return None
            return number if number.is_finite() and number >= 0 else None

        try:
            page = min(max(int(params.get("page") or 1), 1), MAX_PAGE)
        except ValueError:
            errors["page"] = _("Nombre entier attendu")
            page = 1
        query = cls(
            text=clean_query(params.get("q", "")),
            town=(params.get("town") or "").strip()[:5],
            departement=(params.get("departement") or "").strip()[:3],
            sector=(params.get("sector") or "").strip()[:80],
            marketplace=(params.get("marketplace") or "").strip()[:80],
            click_and_collect=(params.get("click_and_collect") or "") in {"1", "true", "on"},
            kind=choice("type", ("", *KINDS), ""),
            price_min=decimal("price_min"),
            price_max=decimal("price_max"),
            sort=choice("sort", SORTS, "relevance"),
            near=(params.get("near") or "").strip()[:5],
            page=page,
            language=language,
        )
        if strict and errors:
            raise InvalidSearch(errors)
        return query

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind,) if self.kind else KINDS

    @property
    def origin_code(self) -> str:
        return self.near or self.town

    @property
    def has_catalogue_filter(self) -> bool:
        """Editorial pages have no town, sector or price: any of these filters leaves them out."""
        return bool(
            self.town
            or self.departement
            or self.sector
            or self.marketplace
            or self.click_and_collect
            or self.price_min is not None
            or self.price_max is not None
        )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def but(self, **changes) -> "SearchQuery":
        return replace(self, **changes)


@dataclass
class SearchHit:
    kind: str
    id: int
    title: str
    url: str
    town: dict | None = None
    sector: dict | None = None
    price: Decimal | None = None
    marketplace: str | None = None
    click_and_collect: bool | None = None
    highlight: str = ""  # safe HTML: the title with <mark> around matched words
    distance_km: float | None = None
    shop_name: str | None = None  # a product's shop, shown beside it on the page
    also_on: list[str] = field(default_factory=list)  # a shop's other marketplaces

    def as_json(self) -> dict:
        return {
            "type": self.kind,
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "town": self.town,
            "sector": self.sector,
            "price": str(self.price) if self.price is not None else None,
            "marketplace": self.marketplace,
            "also_on": self.also_on,
            "click_and_collect": self.click_and_collect,
            "highlight": self.highlight,
            "distance_km": round(self.distance_km, 1) if self.distance_km is not None else None,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int

    def as_json(self) -> dict:
        return {"value": self.value, "label": str(self.label), "count": self.count}


@dataclass
class Suggestion:
    kind: str  # "spelling", "town", "sector", "broader"
    label: str
    params: dict  # the search to run instead

    def as_json(self) -> dict:
        return {"kind": self.kind, "label": str(self.label), "params": self.params}


@dataclass
class SearchOutcome:
    query: SearchQuery
    count: int = 0
    hits: list[SearchHit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    price_range: tuple[Decimal, Decimal] | None = None
    suggestions: list[Suggestion] = field(default_factory=list)
    # The engine was unreachable: the database answered, perhaps with fewer matches.
    degraded: bool = False
    answered_by: str = "engine"

    @property
    def num_pages(self) -> int:
        pages = -(-self.count // self.query.per_page)
        return max(1, min(pages, MAX_PAGE))

    def as_json(self) -> dict:
        price = None
        if self.price_range:
            price = {"min": str(self.price_range[0]), "max": str(self.price_range[1])}
        return {
            "count": self.count,
            "page": self.query.page,
            "num_pages": self.num_pages,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [value.as_json() for value in values] for name, values in self.facets.items()
            },
            "price": price,
            "suggestions": [suggestion.as_json() for suggestion in self.suggestions],
            "degraded": self.degraded,
        }
