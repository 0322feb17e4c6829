"""Checks on what a merchant or a shopper types: SIRET, town and postal code, photos, hours."""

import re
from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from shops.opening_hours import hours_lines

SIRET = re.compile(r"^\d{14}$")
# The six départements of Centre-Val de Loire.
REGION_DEPARTEMENTS = {"18", "28", "36", "37", "41", "45"}
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_MIN_SIDE = 200
PHOTO_MAX_SIDE = 6000


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def clean_siret(value: str) -> str:
    """14 digits (spaces allowed while typing) with a valid Luhn key."""
    digits = re.sub(r"[\s.]", "", value or "")
    if not SIRET.match(digits):
        raise ValidationError(_("Le SIRET compte exactement 14 chiffres."), code="siret_format")
    # La Poste's establishments use a different key: sum of digits divisible by 5.
    if digits.startswith("356000000"):
        if sum(int(c) for c in digits) % 5:
            raise ValidationError(_("Ce SIRET n'est pas valide (clé)."), code="siret_key")
    elif not luhn_is_valid(digits):
        raise ValidationError(
            _("Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle)."),
            code="siret_key",
        )
    return digits


def check_town(town, postal_code: str) -> None:
    if town.departement_id not in REGION_DEPARTEMENTS:
        raise ValidationError(
            _("Le portail accueille les commerces des six départements du Centre-Val de Loire."),
            code="outside_region",
        )
    if postal_code not in town.postal_code_list:
        raise ValidationError(
            _("Le code postal %(code)s ne correspond pas à %(town)s."),
            code="postal_code_mismatch",
            params={"code": postal_code, "town": town.name},
        )


def check_photo(upload) -> None:
    """A real JPEG, PNG or WebP image of sensible size: never trust the name or the type sent."""
    if upload.size > settings.MERCHANT_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("La photo dépasse %(max)s Mo."),
            code="photo_too_large",
            params={"max": settings.MERCHANT_PHOTO_MAX_BYTES // (1024 * 1024)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible."), code="photo_invalid"
        ) from None
    finally:
        upload.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(
            _("La photo doit être au format JPEG, PNG ou WebP."), code="photo_format"
        )
    if min(width, height) < PHOTO_MIN_SIDE or max(width, height) > PHOTO_MAX_SIDE:
        raise ValidationError(
            _("La photo doit mesurer entre %(min)s et %(max)s pixels de côté."),
            code="photo_dimensions",
            params={"min": PHOTO_MIN_SIDE, "max": PHOTO_MAX_SIDE},
        )


def parse_hours(value: dict) -> dict[int, tuple[time, time]]:
    """The stored {"0": ["09:00", "19:00"]} as {0: (time, time)}."""
    parsed = {}
    for day, (opens, closes) in (value or {}).items():
        parsed[int(day)] = (time.fromisoformat(opens), time.fromisoformat(closes))
    return parsed


def hours_text(value: dict) -> str:
    """The public shop page's text, in French whatever the merchant's language
    (`shops.opening_hours` translates the day names for English visitors)."""
    return hours_lines(parse_hours(value))
