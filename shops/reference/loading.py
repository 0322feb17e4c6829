"""Loading the bundled reference data (départements, towns, starting sectors) into models.

Takes the model classes as arguments so the data migration (historical models) and the
test suite (which re-seeds after a transactional test flushes the tables) share it.
"""

from django.utils.text import slugify

from shops.sectors import DEFAULT_SECTORS

from .towns import iter_departements, iter_towns


def load_reference_data(Departement, Town, Sector) -> None:  # noqa: N803 — model classes
    Departement.objects.bulk_create(
        [Departement(code=row["code"], name=row["name"]) for row in iter_departements()],
        ignore_conflicts=True,
    )
    Town.objects.bulk_create(
        [
            Town(
                insee_code=row["insee_code"],
                name=row["name"],
                # INSEE codes make homonyms unique ("Saint-Georges-sur-Cher" exists twice).
                slug=f"{slugify(row['name'])}-{row['insee_code']}",
                departement_id=row["departement"],
                postal_codes=" ".join(row["postal_codes"]),
                population=row["population"] or 0,
                latitude=row["latitude"],
                longitude=row["longitude"],
            )
            for row in iter_towns()
        ],
        batch_size=500,
        ignore_conflicts=True,
    )
    Sector.objects.bulk_create(
        [
            Sector(slug=slug, name=name, name_en=name_en, keywords="\n".join(words), sort_order=i)
            for i, (slug, name, name_en, words) in enumerate(DEFAULT_SECTORS)
        ],
        ignore_conflicts=True,
    )
