"""Seed départements, towns (bundled official data) and the starting sectors. Reversible."""

from django.db import migrations
from django.utils.text import slugify

from shops.reference.towns import iter_departements, iter_towns
from shops.sectors import DEFAULT_SECTORS


def load(apps, schema_editor):
    Departement = apps.get_model("shops", "Departement")
    Town = apps.get_model("shops", "Town")
    Sector = apps.get_model("shops", "Sector")
    Departement.objects.bulk_create(
        [Departement(code=row["code"], name=row["name"]) for row in iter_departements()],
        ignore_conflicts=True,
    )
    towns = []
    for row in iter_towns():
        towns.append(
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
        )
    Town.objects.bulk_create(towns, batch_size=500, ignore_conflicts=True)
    Sector.objects.bulk_create(
        [
            Sector(slug=slug, name=name, name_en=name_en, keywords="\n".join(words), sort_order=i)
            for i, (slug, name, name_en, words) in enumerate(DEFAULT_SECTORS)
        ],
        ignore_conflicts=True,
    )


def unload(apps, schema_editor):
    for model in ("Sector", "Town", "Departement"):
        apps.get_model("shops", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("shops", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
