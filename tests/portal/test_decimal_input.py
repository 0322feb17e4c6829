"""Decimals typed the French way or the English way are read alike; ambiguous ones are refused."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from portal.decimal_input import LocalizedDecimalField


class PriceForm(forms.Form):
    price = LocalizedDecimalField(max_digits=10, decimal_places=2)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("34,50", Decimal("34.50")),
        ("34.50", Decimal("34.50")),
        (" 34,5 ", Decimal("34.5")),
        ("1 234,50", Decimal("1234.50")),
        ("1\u202f234,50", Decimal("1234.50")),
        ("12", Decimal("12")),
        (",5", Decimal("0.5")),
        ("9,90 €", Decimal("9.90")),
    ],
)
def test_a_comma_or_a_point_marks_the_decimals(typed, value):
    form = PriceForm({"price": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["price"] == value


@pytest.mark.parametrize("typed", ["1.234,5", "1,234.5", "1,2,3", "1.2.3", "abc", "3,4e2", "NaN"])
def test_what_could_be_read_two_ways_or_is_no_number_is_refused(typed):
    form = PriceForm({"price": typed})
    assert not form.is_valid()
    assert form.errors["price"]
    # What was typed is shown back as typed, for the person to correct it.
    assert f'value="{typed}"' in str(form["price"])


def test_the_ambiguous_message_says_how_to_write_it():
    form = PriceForm({"price": "1.234,5"})
    form.is_valid()
    assert "ambigu" in form.errors["price"][0] and "1234,50" in form.errors["price"][0]


def test_the_field_is_a_text_input_for_a_decimal_keyboard():
    html = str(PriceForm()["price"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert "step" not in html


@pytest.mark.parametrize(("language", "shown"), [("fr", "34,50"), ("en", "34.50")])
def test_a_stored_value_is_shown_the_readers_way(language, shown):
    with translation.override(language):
        html = str(PriceForm(initial={"price": Decimal("34.50")})["price"])
    assert f'value="{shown}"' in html


def test_too_many_decimals_are_refused_not_rounded():
    form = PriceForm({"price": "3,455"})
    assert not form.is_valid()
