"""The synonym groups the portal starts with; editors maintain them in the admin afterwards."""

from django.db import migrations

INITIAL_GROUPS = [
    "jouet, jeu",
    "bijouterie, bijoutier, joaillier, joaillerie",
    "resto, restaurant",
    "livre, librairie",
    "fleuriste, fleur",
    "boulangerie, boulanger, pain",
    "chocolaterie, chocolatier, chocolat",
    "caviste, cave, vin",
    "fromagerie, fromager, fromage",
    "vélo, bicyclette, cycle",
]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in INITIAL_GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


def remove_groups(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(terms__in=INITIAL_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms_and_query_stats")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
