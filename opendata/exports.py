"""Writing the open shop directory as CSV, JSON and GeoJSON to the default storage.

Each file replaces the previous one at once: on a local disk it is written under a temporary
name and then renamed into place; on object storage (S3) it is uploaded to the same key, which
the store swaps when the upload is complete. Either way a re-user never downloads half a file
nor finds none while the daily export runs, and a failed write leaves yesterday's file.
"""

import copy
import csv
import io
import json
import os
import tempfile

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db.models import Prefetch
from django.utils import timezone

from shops.models import Sector
from shops.queries import listed_shops, with_other_records

from .fields import FIELD_NAMES, LICENCE_NAME, LICENCE_URL

DIRECTORY = "opendata"
BASENAME = "annuaire-commerces"
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}


def storage_name(extension: str) -> str:
    return f"{DIRECTORY}/{BASENAME}.{extension}"


def directory_rows():
    """One dict per listed shop, with exactly the documented fields, in a stable order."""
    site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    shops = with_other_records(listed_shops()).prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.order_by("slug"))
    )
    for shop in shops.order_by("pk").iterator(chunk_size=2000):
        coordinates = shop.coordinates
        yield {
            "id": shop.pk,
            "nom": shop.name,
            "adresse": shop.address,
            "code_postal": shop.postal_code,
            "commune": shop.town.name,
            "code_insee": shop.town.insee_code,
            "departement": shop.town.departement_id,
            "secteurs": "|".join(sector.slug for sector in shop.sectors.all()),
            "retrait_en_boutique": shop.click_and_collect,
            "livraison": shop.delivery,
            "site_web": shop.website,
            "page_portail": site + shop.get_absolute_url(),
            "latitude": round(coordinates[0], 6) if coordinates else None,
            "longitude": round(coordinates[1], 6) if coordinates else None,
            "place_de_marche": shop.marketplace.name if shop.marketplace else "",
            "places_de_marche": "|".join(
                marketplace.name
                for marketplace in [shop.marketplace, *shop.other_marketplaces]
                if marketplace
            ),
            "mis_a_jour": shop.updated_at.isoformat(timespec="seconds"),
        }


def as_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELD_NAMES, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: ("true" if value else "false") if isinstance(value, bool) else value
                for key, value in row.items()
            }
        )
    # A byte-order mark so that spreadsheet software reads the accents right.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def metadata(generated_at) -> dict:
    return {
        "licence": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "producteur": "Local d'abord ! — Région Centre-Val de Loire",
        "genere_le": generated_at.isoformat(timespec="seconds"),
    }


def as_json(rows, generated_at) -> bytes:
    document = {**metadata(generated_at), "commerces": rows}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def as_geojson(rows, generated_at) -> bytes:
    features = [
        {
            "type": "Feature",
            "geometry": (
                {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
                if row["latitude"] is not None
                else None
            ),
            "properties": row,
        }
        for row in rows
    ]
    document = {"type": "FeatureCollection", **metadata(generated_at), "features": features}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def write_atomically(name: str, content: bytes) -> None:
    try:
        final_path = default_storage.path(name)
    except NotImplementedError:
        replace_object(name, content)
        return
    os.makedirs(os.path.dirname(final_path), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(final_path), prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, final_path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def replace_object(name: str, content: bytes) -> None:
    """Object storage: one PUT to the same key replaces the object at once.

    Never delete first (a 404 until the upload ends, and no file at all if it fails). The
    storage must be told to overwrite, or it would save under another, free name: the
    django-storages backends (S3, Google Cloud, Azure) have `file_overwrite` for that.
    """
    storage = copy.copy(storages["default"])
    if not hasattr(storage, "file_overwrite"):
        raise ImproperlyConfigured(
            f"{type(storage).__name__} can neither rename nor overwrite a file in place: "
            "the open-data export needs a local disk or a django-storages backend."
        )
    storage.file_overwrite = True
    saved = storage.save(name, ContentFile(content))
    if saved != name:
        raise ImproperlyConfigured(f"the storage saved {saved} instead of replacing {name}")


def export_directory() -> int:
    """Writes the three files; returns how many shops they list."""
    generated_at = timezone.now()
    rows = list(directory_rows())
    write_atomically(storage_name("csv"), as_csv(rows))
    write_atomically(storage_name("json"), as_json(rows, generated_at))
    write_atomically(storage_name("geojson"), as_geojson(rows, generated_at))
    return len(rows)
