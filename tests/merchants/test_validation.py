"""SIRET keys, photos and opening hours: what the sign-up form refuses, with its reason."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from merchants.factories import siret_with_key
from merchants.validation import check_photo, clean_siret, hours_text, luhn_is_valid


def image_upload(size=(400, 300), image_format="PNG", name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_real_siret_passes_and_spaces_are_removed():
    assert clean_siret("732 829 320 00074") == "73282932000074"


@pytest.mark.parametrize("value", ["73282932000075", "1234", "7328293200007A", ""])
def test_a_wrong_siret_is_refused(value):
    with pytest.raises(ValidationError):
        clean_siret(value)


@given(st.text(max_size=30))
def test_any_text_either_gives_a_valid_siret_or_a_clear_error(value):
    try:
        digits = clean_siret(value)
    except ValidationError as error:
        assert error.code in ("siret_format", "siret_key")
    else:
        assert len(digits) == 14 and digits.isdigit()


@given(st.from_regex(r"\A[1-9]\d{12}\Z"))
def test_every_prefix_has_exactly_one_valid_key(prefix):
    valid = [key for key in range(10) if luhn_is_valid(f"{prefix}{key}")]
    assert len(valid) == 1
    assert clean_siret(siret_with_key(prefix)) == siret_with_key(prefix)


def test_a_png_photo_passes():
    check_photo(image_upload())


def test_a_text_file_named_like_a_photo_is_refused():
    upload = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        check_photo(upload)
    assert error.value.code == "photo_invalid"


def test_an_oversized_photo_is_refused(settings):
    settings.MERCHANT_PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        check_photo(image_upload())
    assert error.value.code == "photo_too_large"


def test_a_tiny_photo_is_refused():
    with pytest.raises(ValidationError) as error:
        check_photo(image_upload(size=(50, 50)))
    assert error.value.code == "photo_dimensions"


def test_a_gif_is_refused():
    with pytest.raises(ValidationError) as error:
        check_photo(image_upload(image_format="GIF", name="photo.gif"))
    assert error.value.code == "photo_format"


def test_hours_are_written_one_line_a_day():
    assert hours_text({"5": ["10:00", "18:00"], "0": ["09:00", "12:00"]}) == (
        "lundi : 09:00–12:00\nsamedi : 10:00–18:00"
    )
