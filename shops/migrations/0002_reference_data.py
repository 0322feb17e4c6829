"""Seed départements, towns (bundled official data) and the starting sectors. Reversible."""

from django.db import migrations

from shops.reference.loading import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("shops", "Departement"),
        apps.get_model("shops", "Town"),
        apps.get_model("shops", "Sector"),
    )


def unload(apps, schema_editor):
    for model in ("Sector", "Town", "Departement"):
        apps.get_model("shops", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("shops", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
