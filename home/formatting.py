"""How numbers and prices read on a page: in the page's language, as CLDR (Babel) writes them.

French pages read "47 219 habitants" and "34,50 €", English ones "47,219" and "€34.50". Only what
people read goes through here; machine formats (JSON-LD, the API, open data) keep "34.50".
"""

from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django.utils.translation import get_language

CURRENCY = "EUR"
# Babel's locale for each of the site's languages (fr-FR, not fr-CA or fr-CH, in France).
BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _locale(language: str | None) -> str:
    code = (language or get_language() or "fr").split("-")[0].lower()
    return BABEL_LOCALES.get(code, BABEL_LOCALES["fr"])


def format_price(value, language: str | None = None) -> str:
    """A price in euros with two decimals, the currency where the language puts it."""
    if value is None or value == "":
        return ""
    return format_currency(Decimal(str(value)), CURRENCY, locale=_locale(language))


def format_number(value, language: str | None = None) -> str:
    """A count or a quantity with the language's digit grouping (a narrow no-break space in
    French, so that "47 219" never breaks across lines)."""
    if value is None or value == "":
        return ""
    return format_decimal(value, locale=_locale(language))
