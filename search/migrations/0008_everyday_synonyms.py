"""Everyday shopping words as editable synonym groups: "bouquins", "fringues", "godasses"…

A seeded group still holding exactly its seeded terms gets the everyday word added; a group
an editor changed is left as it is and the word gets a group of its own, with the seeded
group's first term. Reversible.
"""

from django.db import migrations

# Seeded group (0004) → the everyday words added to it.
EXTENDED = {
    "jouet, jeu": "joujou",
    "livre, librairie": "bouquin",
    "bijouterie, bijoutier, joaillier, joaillerie": "bijou",
}
NEW_GROUPS = [
    "vêtement, fringue, habit",
    "chaussure, godasse, soulier",
    "boucherie, boucher",
    "poissonnerie, poissonnier",
    "pâtisserie, pâtissier",
    "épicerie, épicier",
    "coiffeur, coiffure",
    "cordonnerie, cordonnier",
    "bd, bande dessinée",
    "miel, apiculteur",
]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for seeded, added in EXTENDED.items():
        if not SynonymGroup.objects.filter(terms=seeded).update(terms=f"{seeded}, {added}"):
            first = seeded.split(",")[0]
            SynonymGroup.objects.get_or_create(terms=f"{first}, {added}")
    for terms in NEW_GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


def remove_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=NEW_GROUPS).delete()
    for seeded, added in EXTENDED.items():
        SynonymGroup.objects.filter(terms=f"{seeded}, {added}").update(terms=seeded)
        SynonymGroup.objects.filter(terms=f"{seeded.split(',')[0]}, {added}").delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0007_rejected_documents")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
