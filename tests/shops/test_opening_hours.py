"""Opening hours are stored in French and shown with the visitor's day names."""

from datetime import time

from shops.opening_hours import hours_lines, localised_hours

STORED = "lundi : 09:30–19:00\nsamedi : 10:00–12:00"


def test_the_stored_text_is_french():
    hours = {0: (time(9, 30), time(19)), 5: (time(10), time(12))}
    assert hours_lines(hours) == STORED


def test_english_visitors_read_english_day_names():
    assert localised_hours(STORED, "en") == "Monday: 09:30–19:00\nSaturday: 10:00–12:00"


def test_french_visitors_read_the_text_as_stored():
    assert localised_hours(STORED, "fr") == STORED


def test_a_partners_own_wording_is_left_as_written():
    text = "Du lundi au vendredi, 9 h – 18 h\nDimanche : fermé"
    assert localised_hours(text, "en") == "Du lundi au vendredi, 9 h – 18 h\nSunday: fermé"
