"""Photos merchants upload for their shop and products, kept as Wagtail images (renditions).

The upload is checked by `validation.check_photo` (real JPEG, PNG or WebP, size, dimensions)
before it reaches here; the same picture sent twice is stored once.
"""

import hashlib
import os

from django import forms
from django.core.files.images import ImageFile
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from .validation import check_photo

PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"


def photo_field(label) -> forms.ImageField:
    return forms.ImageField(
        label=label,
        required=False,
        help_text=_("JPEG, PNG ou WebP, 5 Mo au plus, 200 pixels de côté au moins."),
        widget=forms.FileInput(attrs={"accept": PHOTO_ACCEPT}),
    )


def remove_photo_field() -> forms.BooleanField:
    return forms.BooleanField(label=_("Retirer la photo actuelle"), required=False)


def clean_photo(upload):
    """The form's cleaned photo, checked: a real image of sensible size."""
    if upload:
        check_photo(upload)
    return upload


def store_photo(upload, title: str):
    """The Wagtail image of this upload, created unless the same file is already stored."""
    Image = get_image_model()
    upload.seek(0)
    digest = hashlib.sha1(upload.read()).hexdigest()  # noqa: S324 — a duplicate check, not security
    upload.seek(0)
    image = Image.objects.filter(file_hash=digest).first()
    if image is None:
        image = Image(title=title[:255], file_hash=digest)
        image.file = ImageFile(upload, name=os.path.basename(upload.name)[-100:])
        image.save()
    return image


def apply_photo(instance, field: str, cleaned: dict, title: str) -> None:
    """Replace `instance.<field>` with the uploaded photo, or remove it if asked."""
    if cleaned.get("photo_upload"):
        setattr(instance, field, store_photo(cleaned["photo_upload"], title))
    elif cleaned.get("remove_photo"):
        setattr(instance, field, None)
