"""A decimal form field that reads "34,50" and "34.50" alike, whatever the browser's language.

`<input type="number">` leaves parsing to the browser, and a browser set to one language reads
another's "34,50" as 3450; a text input with `inputmode="decimal"` sends what was typed, and
this field reads it: one comma or one point marks the decimals, spaces group thousands, and a
number with both a comma and a point ("1.234,5", "1,234.5") is refused rather than guessed.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Spaces a French number may be grouped with: space, no-break space, narrow no-break space.
GROUPING = re.compile(r"[ \u00a0\u202f]")
NUMBER = re.compile(r"^[-+]?(\d+[.,]?\d*|[.,]\d+)$")


def parse_decimal(text: str) -> Decimal:
    """The number typed, with a comma or a point for the decimals; ValueError if ambiguous."""
    value = GROUPING.sub("", text.strip()).removesuffix("€")
    if "," in value and "." in value:
        raise ValueError("ambiguous")
    if not NUMBER.match(value):
        raise ValueError("invalid")
    return Decimal(value.replace(",", "."))


def format_decimal(value: Decimal, language: str | None = None) -> str:
    """The value as a French reader writes it (34,50), or with a point in English."""
    text = format(value, "f")
    return text.replace(".", ",") if (language or get_language() or "fr")[:2] == "fr" else text


class LocalizedDecimalField(forms.DecimalField):
    """A `forms.DecimalField` typed in a text input, for prices, weights and quantities."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Saisissez un nombre, par exemple 34,50."),
        "ambiguous": _(
            "« %(value)s » est ambigu : utilisez une seule virgule pour les décimales, "
            "sans point ni séparateur de milliers, par exemple 1234,50."
        ),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            number = parse_decimal(str(value))
        except ValueError as error:
            code = str(error)
            raise ValidationError(
                self.error_messages[code], code=code, params={"value": value}
            ) from None
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value):
        # A stored or initial value is shown the reader's way; what was typed is shown as typed.
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return format_decimal(Decimal(str(value)))
        return value

    def widget_attrs(self, widget):
        # DecimalField's step, min and max only make sense on a number input.
        return forms.Field.widget_attrs(self, widget)
